package date

import (
	"strconv"
	"strings"
)

// German returns d as a German page shows it, at its precision: "19. Juni 2024",
// "Juni 2024", "1950–1953", "Juli – September 2023", "um 1982", "1982, 1983 oder 1984",
// "vor Juli 2023". The zero Date is the empty string.
func (d Date) German() string { return german.format(d) }

// English returns d as an English page shows it, at its precision: "19 June 2024",
// "June 2024", "1950–1953", "July – September 2023", "c. 1982", "1982, 1983 or 1984",
// "before July 2023". The zero Date is the empty string.
func (d Date) English() string { return english.format(d) }

// maxListed is the most values of an uncertain range written out one by one; a longer one
// is written "zwischen 1970 und 1980".
const maxListed = 5

// A language holds the words dates are written with.
type language struct {
	months [12]string
	dayDot string // after the day of the month: "19. Juni" in German
	or     string // before the last of a list

	circa, before, after, between, and phrase
	probably                           string // before an uncertain date: "vermutlich"
}

// A phrase is a word written before a date. German declines it before a day ("vor Juli
// 2023", "vor dem 19. Juni 2024"), so it has a second form for days.
type phrase struct{ period, day string }

// of returns the form of the phrase to write before p.
func (ph phrase) of(p point) string {
	if p.precision() == dayPrecision {
		return ph.day
	}
	return ph.period
}

var german = &language{
	months: [12]string{"Januar", "Februar", "März", "April", "Mai", "Juni",
		"Juli", "August", "September", "Oktober", "November", "Dezember"},
	dayDot:   ".",
	or:       "oder",
	circa:    phrase{"um", "um den"},
	before:   phrase{"vor", "vor dem"},
	after:    phrase{"nach", "nach dem"},
	between:  phrase{"zwischen", "zwischen dem"},
	and:      phrase{"und", "und dem"},
	probably: "vermutlich",
}

var english = &language{
	months: [12]string{"January", "February", "March", "April", "May", "June",
		"July", "August", "September", "October", "November", "December"},
	or:       "or",
	circa:    phrase{"c.", "c."},
	before:   phrase{"before", "before"},
	after:    phrase{"after", "after"},
	between:  phrase{"between", "between"},
	and:      phrase{"and", "and"},
	probably: "probably",
}

func (l *language) format(d Date) string {
	if d.IsZero() {
		return ""
	}
	switch d.kind {
	case circa:
		return l.circa.of(d.from) + " " + l.point(d.from, point{})
	case before:
		return l.before.of(d.from) + " " + l.point(d.from, point{})
	case after:
		return l.after.of(d.from) + " " + l.point(d.from, point{})
	case span:
		return l.span(d.from, d.to)
	case oneOf:
		return l.oneOf(d.from, d.to)
	case uncertain:
		return l.probably + " " + l.point(d.from, point{})
	case approxUncertain:
		return l.probably + " " + l.circa.of(d.from) + " " + l.point(d.from, point{})
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
	month := l.months[p.month-1]
	sameYear := p.year == ref.year && p.precision() == ref.precision()
	if p.day == 0 {
		if sameYear {
			return month
		}
		return month + " " + year
	}
	day := strconv.Itoa(p.day) + l.dayDot
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
		return l.between.of(a) + " " + l.point(a, b) + " " + l.and.of(b) + " " + l.point(b, point{})
	}
	last := values[len(values)-1]
	words := make([]string, len(values)-1)
	for i, v := range values[:len(values)-1] {
		words[i] = l.point(v, last)
	}
	return strings.Join(words, ", ") + " " + l.or + " " + l.point(last, point{})
}
