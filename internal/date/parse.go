package date

import (
	"errors"
	"fmt"
	"strings"
)

// Every error ends with what to write instead.
const (
	pointForms     = "write YYYY, YYYY-MM or YYYY-MM-DD"
	rangeForms     = "write START/END with the end after the start, as in 1950/1953 or 2023-07/2023-09"
	qualifierForms = "write ~1982 (circa), <2023-07 (before) or >2023-07 (after) with a single date"
	oneOfForms     = "write 1982/1984? or 2023-07/2023-09? for one year or month of a range"
	allForms       = "write YYYY, YYYY-MM or YYYY-MM-DD, a range 1950/1953, ~1982 (circa), " +
		"1982/1984? (one of), <2023-07 (before) or >2023-07 (after)"
)

// Parse reads a date in one of the forms the package documentation lists, ignoring spaces
// around it. An error says what is wrong, quotes s and shows the forms to write; it has no
// position, which the caller adds.
func Parse(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, errors.New("empty date; " + allForms)
	}
	if isEDTF(s) {
		return parseEDTF(s)
	}

	var d Date
	body := s
	switch s[0] {
	case '~':
		d.kind, body = circa, s[1:]
	case '<':
		d.kind, body = before, s[1:]
	case '>':
		d.kind, body = after, s[1:]
	}
	body, uncertain := strings.CutSuffix(body, "?")
	if strings.Contains(body, "?") {
		return Date{}, fmt.Errorf("? may only end a range in %q; %s", s, oneOfForms)
	}

	start, end, isRange := strings.Cut(body, "/")
	if !isRange {
		if uncertain {
			return Date{}, fmt.Errorf("? needs a range in %q; %s", s, oneOfForms)
		}
		if body == "" {
			return Date{}, fmt.Errorf("%c needs a date after it in %q; %s", s[0], s, qualifierForms)
		}
		p, err := parsePoint(body, s)
		if err != nil {
			return Date{}, err
		}
		d.from = p
		return d, nil
	}

	switch {
	case d.kind != single:
		return Date{}, fmt.Errorf("%c qualifies a single date, not a range, in %q; %s", s[0], s, qualifierForms)
	case strings.Contains(end, "/"):
		return Date{}, fmt.Errorf("more than one / in %q; %s", s, rangeForms)
	case start == "":
		return Date{}, fmt.Errorf("range without a start in %q; %s", s, rangeForms)
	case end == "":
		return Date{}, fmt.Errorf("range without an end in %q; %s", s, rangeForms)
	}
	from, err := parsePoint(start, s)
	if err != nil {
		return Date{}, err
	}
	to, err := parsePoint(end, s)
	if err != nil {
		return Date{}, err
	}
	switch {
	case to.last().Before(from.first()):
		return Date{}, fmt.Errorf("range ends before it starts in %q; %s", s, rangeForms)
	case !to.first().After(from.last()):
		return Date{}, fmt.Errorf("range end %s is not after its start %s in %q; %s", to, from, s, rangeForms)
	case uncertain && from.precision() != to.precision():
		return Date{}, fmt.Errorf("? needs both ends of the range at the same precision in %q; %s", s, oneOfForms)
	}
	d.from, d.to, d.kind = from, to, span
	if uncertain {
		d.kind = oneOf
	}
	return d, nil
}

// fields are the parts of a point, in the order they are written.
var fields = [...]struct {
	name   string
	digits int
}{{"year", 4}, {"month", 2}, {"day", 2}}

// parsePoint reads a year, month or day p, which is all or part of the date s.
func parsePoint(p, s string) (point, error) {
	parts := strings.SplitN(p, "-", len(fields)+1)
	var n [len(fields)]int
	for i, part := range parts[:min(len(parts), len(fields))] {
		f := fields[i]
		switch {
		case f.name == "day" && len(part) > 2 && isDigits(part[:2]) && strings.ContainsAny(part[2:3], "T "):
			return point{}, fmt.Errorf("time of day not allowed in %q; %s", s, pointForms)
		case part == "":
			return point{}, fmt.Errorf("missing %s in %q; %s", f.name, s, pointForms)
		case !isDigits(part):
			return point{}, fmt.Errorf("%s %q is not a number in %q; %s", f.name, part, s, pointForms)
		case len(part) != f.digits:
			return point{}, fmt.Errorf("%s must have %d digits in %q; %s", f.name, f.digits, s, pointForms)
		}
		for _, c := range part {
			n[i] = n[i]*10 + int(c-'0')
		}
	}
	if len(parts) > len(fields) {
		return point{}, fmt.Errorf("more than year, month and day in %q; %s", s, pointForms)
	}

	pt := point{n[0], n[1], n[2]}
	switch {
	case pt.year == 0:
		return point{}, fmt.Errorf("year 0000 out of range (0001 to 9999) in %q; %s", s, pointForms)
	case len(parts) > 1 && (pt.month < 1 || pt.month > 12):
		return point{}, fmt.Errorf("month %s out of range in %q; %s", parts[1], s, pointForms)
	case len(parts) > 2 && (pt.day < 1 || pt.day > daysIn(pt.year, pt.month)):
		return point{}, fmt.Errorf("day %s out of range for %s, which has %d days, in %q; %s",
			parts[2], point{pt.year, pt.month, 0}, daysIn(pt.year, pt.month), s, pointForms)
	}
	return pt, nil
}

// isDigits reports whether s is one or more ASCII digits; strconv would also take a sign.
func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
