package date

import (
	"strconv"
	"strings"

	"dossier/internal/locale"
)

// In returns d as a page in the language of the words w shows it, at its precision:
// "19. Juni 2024", "Juni 2024", "1950–1953", "Juli – September 2023", "um 1982",
// "1982, 1983 oder 1984", "vor Juli 2023" in German. The zero Date is the empty string.
func (d Date) In(w *locale.Dates) string { return (*language)(w).format(d) }

// German returns d as a German page shows it (In).
func (d Date) German() string { return d.In(&locale.German.Dates) }

// English returns d as an English page shows it, at its precision: "19 June 2024",
// "June 2024", "1950–1953", "July – September 2023", "c. 1982", "1982, 1983 or 1984",
// "before July 2023".
func (d Date) English() string { return d.In(&locale.English.Dates) }

// maxListed is the most values of an uncertain range written out one by one; a longer one
// is written "zwischen 1970 und 1980".
const maxListed = 5

// A language is the words dates are written with, and the methods that write them.
type language locale.Dates

// of returns the form of the phrase to write before p.
func of(ph locale.Phrase, p point) string {
	if p.precision() == dayPrecision {
		return ph.Day
	}
	return ph.Period
}

func (l *language) format(d Date) string {
	if d.IsZero() {
		return ""
	}
	switch d.kind {
	case circa:
		return of(l.Circa, d.from) + " " + l.point(d.from, point{})
	case before:
		return of(l.Before, d.from) + " " + l.point(d.from, point{})
	case after:
		return of(l.After, d.from) + " " + l.point(d.from, point{})
	case span:
		return l.span(d.from, d.to)
	case oneOf:
		return l.oneOf(d.from, d.to)
	case uncertain:
		return l.Probably + " " + l.point(d.from, point{})
	case approxUncertain:
		return l.Probably + " " + of(l.Circa, d.from) + " " + l.point(d.from, point{})
	}
	return l.point(d.from, point{})
}

// point writes p, leaving out what it shares with a later point ref of the same precision,
// which is written after it: the year ("Juli" before "September 2023"), or the month and
// year ("25." before "27. Juli 1953"). With a zero ref, p is written in full.
func (l *language) point(p, ref point) string {
	year := strconv.Itoa(p.year)
	if p.month == 0 {
		return year
	}
	month := l.Months[p.month-1]
	sameYear := p.year == ref.year && p.precision() == ref.precision()
	if p.day == 0 {
		if sameYear {
			return month
		}
		return month + " " + year
	}
	day := strconv.Itoa(p.day) + l.DayDot
	switch {
	case sameYear && p.month == ref.month:
		return day
	case sameYear:
		return day + " " + month
	}
	return day + " " + month + " " + year
}

// span writes the range from a to b. The dash is closed up between numbers (1950–1953,
// 25.–27. Juli 1953) and spaced where either side has words (Juli – September 2023).
func (l *language) span(a, b point) string {
	if a.precision() != b.precision() {
		return l.point(a, point{}) + " – " + l.point(b, point{})
	}
	from, to := l.point(a, b), l.point(b, point{})
	if a.precision() == yearPrecision || !strings.Contains(from, " ") && a.precision() == dayPrecision {
		return from + "–" + to
	}
	return from + " – " + to
}

// oneOf writes one value of the range from a to b, not known which: every value, or the
// ends if there are too many ("zwischen 1970 und 1980").
func (l *language) oneOf(a, b point) string {
	values := a.through(b, maxListed)
	if values == nil {
		return of(l.Between, a) + " " + l.point(a, b) + " " + of(l.And, b) + " " + l.point(b, point{})
	}
	last := values[len(values)-1]
	words := make([]string, len(values)-1)
	for i, v := range values[:len(values)-1] {
		words[i] = l.point(v, last)
	}
	return strings.Join(words, ", ") + " " + l.Or + " " + l.point(last, point{})
}
