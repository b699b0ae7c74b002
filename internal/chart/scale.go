package chart

import (
	"strconv"
	"time"
)

// A segment maps the times [t0, t1) linearly onto the x range [x0, x1].
type segment struct {
	t0, t1 time.Time
	x0, x1 float64
}

// at returns the x of t, clamped to the segment.
func (g segment) at(t time.Time) float64 {
	span := float64(g.t1.Unix() - g.t0.Unix())
	if span <= 0 {
		return g.x0
	}
	f := float64(t.Unix()-g.t0.Unix()) / span
	f = min(max(f, 0), 1)
	return g.x0 + f*(g.x1-g.x0)
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

// A tick is a labelled place on a time axis. Sub is a second label row: the year under
// the first month of a year.
type tick struct {
	t          time.Time
	label, sub string
}

// tickSteps are the intervals between ticks, in months, from fine to coarse.
var tickSteps = []int{1, 3, 6, 12, 24, 60, 120, 240, 600, 1200}

// chooseStep returns the finest tick step, in months, that leaves at least gap px between
// ticks when the months between from and to take px.
func chooseStep(from, to time.Time, px, gap float64) int {
	months := float64(to.Unix()-from.Unix()) / (30.44 * 86400)
	if months <= 0 {
		return 12
	}
	for _, s := range tickSteps {
		if px*float64(s)/months >= gap {
			return s
		}
	}
	return tickSteps[len(tickSteps)-1]
}

// ticks returns the ticks every step months in [from, to]: years when step is a whole
// number of years, months with the year below the first of each year otherwise.
func ticks(from, to time.Time, step int, w *words) []tick {
	var ts []tick
	if step >= 12 {
		ys := step / 12
		y := from.Year()
		if r := y % ys; r != 0 {
			y += ys - r
		}
		if time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC).Before(from) {
			y += ys
		}
		for ; ; y += ys {
			t := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
			if t.After(to) {
				break
			}
			ts = append(ts, tick{t: t, label: strconv.Itoa(y)})
		}
		return ts
	}
	t := time.Date(from.Year(), from.Month(), 1, 0, 0, 0, 0, time.UTC)
	if t.Before(from) {
		t = t.AddDate(0, 1, 0)
	}
	for ; !t.After(to); t = t.AddDate(0, 1, 0) {
		if (int(t.Month())-1)%step != 0 {
			continue
		}
		tk := tick{t: t, label: w.monthsShort[t.Month()-1]}
		if t.Month() == time.January || len(ts) == 0 {
			tk.sub = strconv.Itoa(t.Year())
		}
		ts = append(ts, tk)
	}
	return ts
}

// yearStart returns the first day of t's year.
func yearStart(t time.Time) time.Time { return time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC) }

// day is how long a day-precision event lasts: End is its last day, at midnight.
const day = 24 * time.Hour
