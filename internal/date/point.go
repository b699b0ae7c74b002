package date

import (
	"fmt"
	"time"
)

// A point is a year, a month or a day, the end of a range or a date on its own. Month and
// day are 0 when not given; a point with year 0 is no point.
type point struct{ year, month, day int }

// precision is the unit a point is given in.
type precision uint8

const (
	yearPrecision precision = iota
	monthPrecision
	dayPrecision
)

func (p point) precision() precision {
	switch {
	case p.day != 0:
		return dayPrecision
	case p.month != 0:
		return monthPrecision
	}
	return yearPrecision
}

func (p point) String() string {
	switch p.precision() {
	case dayPrecision:
		return fmt.Sprintf("%04d-%02d-%02d", p.year, p.month, p.day)
	case monthPrecision:
		return fmt.Sprintf("%04d-%02d", p.year, p.month)
	}
	return fmt.Sprintf("%04d", p.year)
}

// first returns the first day of p.
func (p point) first() time.Time {
	return time.Date(p.year, time.Month(max(p.month, 1)), max(p.day, 1), 0, 0, 0, 0, time.UTC)
}

// last returns the last day of p.
func (p point) last() time.Time {
	switch p.precision() {
	case dayPrecision:
		return p.first()
	case monthPrecision:
		return time.Date(p.year, time.Month(p.month)+1, 0, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(p.year, time.December, 31, 0, 0, 0, 0, time.UTC)
}

// next returns the year, month or day after p, at p's precision.
func (p point) next() point {
	switch p.precision() {
	case dayPrecision:
		t := p.first().AddDate(0, 0, 1)
		return point{t.Year(), int(t.Month()), t.Day()}
	case monthPrecision:
		if p.month == 12 {
			return point{p.year + 1, 1, 0}
		}
		return point{p.year, p.month + 1, 0}
	}
	return point{p.year + 1, 0, 0}
}

// through lists p and the points after it up to and including q, or returns nil if that
// takes more than n points. q must have p's precision.
func (p point) through(q point, n int) []point {
	var ps []point
	for ; len(ps) < n; p = p.next() {
		ps = append(ps, p)
		if p == q {
			return ps
		}
	}
	return nil
}

// daysIn returns the number of days in the month of the year.
func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
