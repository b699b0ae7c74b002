package chart

import (
	"slices"
	"sort"
)

// lanes stacks horizontal extents in rows so that no two in a row overlap: the rows of
// marks above a time axis.
type lanes struct {
	rows [][]extent // each sorted by a, not overlapping
	max  int        // the most rows to open
}

// An extent is the horizontal room [a, b) a mark (and its label) takes.
type extent struct{ a, b float64 }

// free reports whether row i has room for e.
func (l *lanes) free(i int, e extent) bool {
	row := l.rows[i]
	// The first extent ending after e starts is the only one that can overlap it.
	j := sort.Search(len(row), func(j int) bool { return row[j].b > e.a })
	return j == len(row) || row[j].a >= e.b
}

// find returns the lowest row with room for e, opening a new one if allowed, or -1.
func (l *lanes) find(e extent, open bool) int {
	for i := range l.rows {
		if l.free(i, e) {
			return i
		}
	}
	if open && len(l.rows) < l.max {
		l.rows = append(l.rows, nil)
		return len(l.rows) - 1
	}
	return -1
}

// take records e in row i.
func (l *lanes) take(i int, e extent) {
	row := l.rows[i]
	j := sort.Search(len(row), func(j int) bool { return row[j].a > e.a })
	row = append(row, extent{})
	copy(row[j+1:], row[j:])
	row[j] = e
	l.rows[i] = row
}

// remove deletes e from row i.
func (l *lanes) remove(i int, e extent) {
	l.rows[i] = slices.DeleteFunc(l.rows[i], func(x extent) bool { return x == e })
}

// place puts e in the lowest row with room, opening rows up to max; when every row is
// full it returns the top row, where e overlaps another (rare, and better than a picture
// taller than the page) without recording it there, so that rows stay free of overlaps.
func (l *lanes) place(e extent) int {
	i := l.find(e, true)
	if i < 0 {
		return max(len(l.rows)-1, 0)
	}
	l.take(i, e)
	return i
}
