// Package date parses and formats the partial, uncertain dates editors write in front matter.
//
// An editor writes a date at the precision it is known, and a page shows it at that
// precision. The forms, with what German and English pages show:
//
//	2024                    2024                            2024
//	2024-06                 Juni 2024                       June 2024
//	2024-06-19              19. Juni 2024                   19 June 2024
//	1950/1953               1950–1953                       1950–1953
//	2023-07/2023-09         Juli – September 2023           July – September 2023
//	1950-06-25/1953-07-27   25. Juni 1950 – 27. Juli 1953   25 June 1950 – 27 July 1953
//	~1982                   um 1982                         c. 1982
//	1982/1984?              1982, 1983 oder 1984            1982, 1983 or 1984
//	1970/1980?              zwischen 1970 und 1980          between 1970 and 1980
//	<2023-07                vor Juli 2023                   before July 2023
//	>2023-07                nach Juli 2023                  after July 2023
//
// A range is written as an ISO 8601 interval, start/end, and means the whole time between.
// Its ends may have different precisions (1950-06/1953), but the end must come after the
// whole of the start. A range followed by ? means one year, month or day of it, not known
// which; both its ends have the same precision, and up to five values are listed one by one.
// ~ (circa), < (before) and > (after) qualify a single year, month or day.
//
// Years have four digits, 0001 to 9999; months and days two, and a day must exist in the
// calendar (2024-02-29, not 2023-02-29). Nothing else is accepted: no 2024-6-1, no time of
// day, no spaces inside. Parse's errors say what is wrong and which forms to write, without
// a position, which the caller knows.
//
// Timelines sort by [Compare]: by the earliest day a date may mean ([Date.Start]), then the
// last ([Date.End]).
package date

import (
	"strings"
	"time"
)

// A Date is a year, month or day, a range of them, or one of them qualified as circa,
// before or after. The zero Date is no date. Dates are comparable with ==, and two Dates
// are equal exactly when their String forms are.
type Date struct {
	kind     kind
	from, to point // to is set only for ranges
	// edtf is the text of a date written in EDTF's own forms (2023-09~, 2023-XX,
	// ../2023-07), which String gives back as written; "" for the forms above.
	edtf string
}

// kind is how a date's points are read.
type kind uint8

const (
	single          kind = iota // from: a year, month or day
	circa                       // ~from
	before                      // <from
	after                       // >from
	span                        // from/to: the whole time between
	oneOf                       // from/to?: one year, month or day of the range, not known which
	uncertain                   // from?: EDTF's uncertain date, "vermutlich"
	approxUncertain             // from%: EDTF's approximate and uncertain date
)

// IsZero reports whether d is the zero Date, which no text parses to.
func (d Date) IsZero() bool { return d.from.year == 0 }

// String returns d as an editor writes it, in the one form Parse reads back to d. The zero
// Date is the empty string.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	if d.edtf != "" {
		return d.edtf
	}
	switch d.kind {
	case circa:
		return "~" + d.from.String()
	case before:
		return "<" + d.from.String()
	case after:
		return ">" + d.from.String()
	case span:
		return d.from.String() + "/" + d.to.String()
	case oneOf:
		return d.from.String() + "/" + d.to.String() + "?"
	}
	return d.from.String()
}

// Start returns the earliest day d may mean, at midnight UTC: the first day of its year,
// month or range. A date before a period (<2023-07) has no earliest day; Start returns the
// first day of the period anyway, so that the date sorts where the period begins. A date
// after a period (>2023-07) starts the day after the period ends (2023-08-01). The zero Date
// starts at the zero time.
func (d Date) Start() time.Time {
	switch {
	case d.IsZero():
		return time.Time{}
	case d.kind == after:
		return d.from.last().AddDate(0, 0, 1)
	}
	return d.from.first()
}

// End returns the last day d may mean, at midnight UTC: the last day of its year, month or
// range. Before and after are open on one side, so for them End returns the same day as
// Start, and a timeline draws them as a point. The zero Date ends at the zero time.
func (d Date) End() time.Time {
	switch {
	case d.IsZero():
		return time.Time{}
	case d.kind == before || d.kind == after:
		return d.Start()
	case d.kind == span || d.kind == oneOf:
		return d.to.last()
	}
	return d.from.last()
}

// Year returns the year of d's Start, under which a timeline groups it; 0 for the zero Date.
func (d Date) Year() int {
	if d.IsZero() {
		return 0
	}
	return d.Start().Year()
}

// ISO returns d for an HTML <time datetime> attribute: the year, month or day as written
// ("2024", "2024-06", "2024-06-19"), which HTML and RFC 3339 accept as they are. A range
// gives its start, a qualified date the date it qualifies; the zero Date gives "".
func (d Date) ISO() string {
	if d.IsZero() {
		return ""
	}
	return d.from.String()
}

// Compare orders dates by Start, then End, then String, so that sorting is stable: a
// period sorts after any shorter one that begins on the same day. It returns -1, 0 or +1.
func Compare(a, b Date) int {
	if c := a.Start().Compare(b.Start()); c != 0 {
		return c
	}
	if c := a.End().Compare(b.End()); c != 0 {
		return c
	}
	return strings.Compare(a.String(), b.String())
}

// MarshalText returns d's String form; the zero Date is empty text.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText parses text as Parse does. Empty text is an error, as in Parse: a front
// matter key written without a date is a mistake, while a key left out leaves the zero Date.
func (d *Date) UnmarshalText(text []byte) error {
	p, err := Parse(string(text))
	if err != nil {
		return err
	}
	*d = p
	return nil
}
