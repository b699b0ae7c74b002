package date

// Parts returns d's points for formats that take dates as numbers (CSL-JSON's
// date-parts, TimelineJS): from, and for a range to, each [year], [year, month] or
// [year, month, day]; to is nil for a single date. Approx is set for a date written
// circa (~) or %, unsure for one of a range (?) or a date written ? or %, which such
// formats mark on their own.
func (d Date) Parts() (from, to []int, approx, unsure bool) {
	if d.IsZero() {
		return nil, nil, false, false
	}
	from = d.from.parts()
	if d.kind == span || d.kind == oneOf {
		to = d.to.parts()
	}
	return from, to, d.kind == circa || d.kind == approxUncertain, d.kind == oneOf || d.kind == uncertain || d.kind == approxUncertain
}

func (p point) parts() []int {
	switch p.precision() {
	case dayPrecision:
		return []int{p.year, p.month, p.day}
	case monthPrecision:
		return []int{p.year, p.month}
	}
	return []int{p.year}
}

// EDTF returns d in the Extended Date/Time Format (ISO 8601-2, level 1) that other tools
// read: 2024-06-19, 1950/1953, 1982~ (circa), ../2023-07 and 2023-07/.. for before and
// after, [1982..1984] for one of a range (a level-2 set: level 1 has no form for it). The
// zero Date gives "".
func (d Date) EDTF() string {
	if d.IsZero() {
		return ""
	}
	if d.edtf != "" {
		return d.edtf
	}
	switch d.kind {
	case circa:
		return d.from.String() + "~"
	case before:
		return "../" + d.from.String()
	case after:
		return d.from.String() + "/.."
	case span:
		return d.from.String() + "/" + d.to.String()
	case oneOf:
		return "[" + d.from.String() + ".." + d.to.String() + "]"
	}
	return d.from.String()
}
