package date

import (
	"fmt"
	"strings"
)

// Besides its own forms, Parse reads the Extended Date/Time Format (EDTF, ISO 8601-2)
// at level 1, as other tools write it, and String gives such a date back as written:
//
//	2023-09~                um September 2023               c. September 2023
//	2023-09?                vermutlich September 2023       probably September 2023
//	2023-09%                vermutlich um September 2023    probably c. September 2023
//	2023-XX                 2023                            2023 (month not known)
//	2023-09-XX              September 2023                  September 2023
//	201X                    zwischen 2010 und 2019          between 2010 and 2019
//	../2023-07              vor Juli 2023                   before July 2023
//	2023-07/..              nach Juli 2023                  after July 2023
//
// and intervals as above (2023-09-12/2023-09-14, "12.–14. September 2023"). The
// qualifiers ~ ? % qualify the whole date; EDTF's level-1 seasons (2023-21), years of
// more than four digits, and a qualifier on one end of an interval are errors naming the
// forms to write.

const edtfForms = "write EDTF level 1 as 2023-09~ (circa), 2023-09? (uncertain), 2023-09% (both), " +
	"2023-XX or 201X (unspecified), ../2023-07 (before) or 2023-07/.. (after)"

// isEDTF reports whether s uses a form only EDTF has.
func isEDTF(s string) bool {
	if strings.ContainsAny(s[:1], "~<>") {
		return false // the dossier's own prefixes
	}
	return strings.ContainsAny(s, "X%") || strings.HasPrefix(s, "../") || strings.HasSuffix(s, "/..") ||
		!strings.Contains(s, "/") && (strings.HasSuffix(s, "~") || strings.HasSuffix(s, "?")) ||
		strings.Contains(s, "/") && strings.Contains(s, "~")
}

func parseEDTF(s string) (Date, error) {
	if start, ok := strings.CutPrefix(s, "../"); ok {
		return edtfOpen(s, start, before)
	}
	if end, ok := strings.CutSuffix(s, "/.."); ok {
		return edtfOpen(s, end, after)
	}
	if strings.Contains(s, "/") {
		return Date{}, fmt.Errorf("a qualifier or X on one end of the interval %q is not supported (qualify a single date instead); %s", s, rangeForms)
	}
	body, k := s, single
	switch {
	case strings.HasSuffix(s, "~"):
		body, k = s[:len(s)-1], circa
	case strings.HasSuffix(s, "?"):
		body, k = s[:len(s)-1], uncertain
	case strings.HasSuffix(s, "%"):
		body, k = s[:len(s)-1], approxUncertain
	}
	if body == "" {
		return Date{}, fmt.Errorf("%s needs a date before it in %q; %s", s, s, edtfForms)
	}
	if strings.ContainsAny(body, "~?%") {
		return Date{}, fmt.Errorf("~, ? and %% may only end the date in %q; %s", s, edtfForms)
	}
	if !strings.Contains(body, "X") {
		p, err := parsePoint(body, s)
		if err != nil {
			return Date{}, err
		}
		return Date{kind: k, from: p, edtf: s}, nil
	}
	if k != single {
		return Date{}, fmt.Errorf("a date with X (%q) cannot also be qualified; %s", s, edtfForms)
	}
	return unspecified(s, body)
}

// edtfOpen reads an interval open on one side: before (../D) or after (D/..) the date p.
func edtfOpen(s, p string, k kind) (Date, error) {
	if strings.ContainsAny(p, "X~?%/") || p == "" || p == ".." {
		return Date{}, fmt.Errorf("the open interval %q needs a plain date at its end; %s", s, edtfForms)
	}
	pt, err := parsePoint(p, s)
	if err != nil {
		return Date{}, err
	}
	return Date{kind: k, from: pt, edtf: s}, nil
}

// unspecified reads a date with unspecified digits X: a month or day (2023-XX, 2023-09-XX)
// is left out, a year's last digits (201X, 19XX) make it one year of the decade or century.
func unspecified(s, body string) (Date, error) {
	parts := strings.Split(body, "-")
	if len(parts) > 3 {
		return Date{}, fmt.Errorf("more than year, month and day in %q; %s", s, edtfForms)
	}
	year := parts[0]
	// What is known comes first: the digits of a year, then its month, then its day.
	known := len(parts)
	for i := len(parts) - 1; i >= 1; i-- {
		if parts[i] == "XX" {
			known = i
			continue
		}
		if strings.Contains(parts[i], "X") || known != len(parts) && i >= known {
			return Date{}, fmt.Errorf("%q: X may stand for a whole month or day, after the known parts (2023-XX, 2023-09-XX); %s", s, edtfForms)
		}
		break
	}
	for i := 1; i < known; i++ {
		if strings.Contains(parts[i], "X") {
			return Date{}, fmt.Errorf("%q: X may stand for a whole month or day, after the known parts (2023-XX, 2023-09-XX); %s", s, edtfForms)
		}
	}
	digits := strings.TrimRight(year, "X")
	xs := len(year) - len(digits)
	if xs > 0 && known > 1 {
		return Date{}, fmt.Errorf("%q: a year with X cannot have a month or day; %s", s, edtfForms)
	}
	if len(year) != 4 || strings.Contains(digits, "X") || xs > 2 || !isDigits(digits) {
		return Date{}, fmt.Errorf("year %q in %q: four digits, of which only the last one or two may be X; %s", year, s, edtfForms)
	}
	if xs == 0 {
		p, err := parsePoint(strings.Join(parts[:known], "-"), s)
		if err != nil {
			return Date{}, err
		}
		return Date{kind: single, from: p, edtf: s}, nil
	}
	lo := digits + strings.Repeat("0", xs)
	hi := digits + strings.Repeat("9", xs)
	if lo == "0000" {
		lo = "0001"
	}
	from, err := parsePoint(lo, s)
	if err != nil {
		return Date{}, err
	}
	to, err := parsePoint(hi, s)
	if err != nil {
		return Date{}, err
	}
	return Date{kind: oneOf, from: from, to: to, edtf: s}, nil
}
