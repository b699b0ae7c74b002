package chart

import "time"

// A segment maps the times [t0, t1) linearly onto the x range [x0, x1].
type segment struct {
	t0, t1 time.Time
	x0, x1 float64
	years  int // the label row (1 or 2) of year names centred on their span; 0 for none
}

// at returns the x of t, clamped to the segment.
func (g segment) at(t time.Time) float64 {
	span := float64(g.t1.Unix() - g.t0.Unix())
	if span <= 0 {
		return g.x0
	}
	f := float64(t.Unix()-g.t0.Unix()) / span
	f = min(max(f, 0), 1)
	return g.x0 + float64(f*(g.x1-g.x0))
}

// A scale maps time to x through one segment, or two with a gap between them where the
// mini timeline breaks its axis.
type scale []segment

func (s scale) x(t time.Time) float64 {
	for i, g := range s {
		if t.Before(g.t1) || i == len(s)-1 {
			return g.at(t)
		}
	}
	return 0
}

func (s scale) start() time.Time { return s[0].t0 }
func (s scale) end() time.Time   { return s[len(s)-1].t1 }

// yearStart returns the first day of t's year.
func yearStart(t time.Time) time.Time { return time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC) }

// day is how long a day-precision event lasts: End is its last day, at midnight.
const day = 24 * time.Hour
