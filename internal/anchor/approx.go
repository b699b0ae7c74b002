package anchor

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// fuzzy finds in each passage the substrings with the fewest edits from the normalized quote
// (Sellers' semi-global edit distance, computed with Myers' bit vectors) and returns the best
// of all passages.
func (q *query) fuzzy() Result {
	rs, _ := lowerRunes(q.nq, nil, nil)
	fwd := newPattern(rs)
	slices.Reverse(rs)
	bwd := newPattern(rs)
	m := len(rs)

	best := m + 1
	var hs []hit
	var text []rune
	var offs, dist []int
	for n, f := range q.t.folded() {
		if f.s == "" {
			continue
		}
		text, offs = lowerRunes(f.s, text[:0], offs[:0])
		dist = fwd.scan(text, false, dist[:0])
		d := slices.Min(dist)
		if d > best {
			continue
		}
		if d < best {
			best, hs = d, hs[:0]
		}
		score := 1 - float64(d)/float64(m)
		for _, e := range matchEnds(dist, d, m) {
			s := bwd.start(text, e, d)
			a, b := snap(f.s, offs[s], offs[e])
			start, end := f.span(a, b)
			h := hit{Match{q.t.ps[n].Line, start, end, score}, n}
			if len(hs) == 0 || hs[len(hs)-1] != h { // ends of one passage come in order
				hs = append(hs, h)
			}
		}
	}
	if len(hs) == 0 {
		return Result{}
	}
	sortHits(hs)
	kept := q.filter(hs)
	if len(kept) == 0 {
		kept = hs
	}
	r := Result{Status: NotFound, Match: kept[0].Match}
	if r.Match.Score >= FuzzyThreshold {
		r.Status = Fuzzy
	}
	return r
}

// matchEnds returns where the matches with d edits end: dist[j] is the distance of the best
// match that ends before text[j+1]. Ends closer together than the quote is long belong to one
// match (its alignments differ by an edit or two); the first of them stands for it.
// dist must not be empty.
func matchEnds(dist []int, d, m int) []int {
	if d == m { // nothing of the quote is in the text: no place is better than the first
		return []int{1}
	}
	var ends []int
	prev := -m
	for j, dj := range dist {
		if dj != d {
			continue
		}
		if j-prev >= m {
			ends = append(ends, j+1)
		}
		prev = j
	}
	return ends
}

// lowerRunes appends the lower-cased runes of s to rs, and their byte offsets in s to offs,
// followed by len(s).
func lowerRunes(s string, rs []rune, offs []int) ([]rune, []int) {
	for i, r := range s {
		rs = append(rs, unicode.ToLower(r))
		offs = append(offs, i)
	}
	return rs, append(offs, len(s))
}

// snap widens s[a:b] to whole words, after trimming the spaces at its ends.
func snap(s string, a, b int) (int, int) {
	for a < b && s[a] == ' ' {
		a++
	}
	for b > a && s[b-1] == ' ' {
		b--
	}
	if a == b {
		return a, b
	}
	if r, _ := utf8.DecodeRuneInString(s[a:]); inWord(r) {
		for a > 0 {
			r, w := utf8.DecodeLastRuneInString(s[:a])
			if !inWord(r) {
				break
			}
			a -= w
		}
	}
	if r, _ := utf8.DecodeLastRuneInString(s[:b]); inWord(r) {
		for b < len(s) {
			r, w := utf8.DecodeRuneInString(s[b:])
			if !inWord(r) {
				break
			}
			b += w
		}
	}
	return a, b
}

func inWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// pattern is a quote prepared for Myers' bit-parallel edit distance ("A fast bit-vector
// algorithm for approximate string matching based on dynamic programming", JACM 1999), which
// computes a column of the distance table in one step per 64 characters of the quote instead
// of one per character. Blocks talk to each other only through the horizontal delta at their
// last row, as in the paper's section 4.
type pattern struct {
	m, words int
	latin    [256]int32     // for a rune below 256, its row in peq; 0 if the quote lacks it
	other    map[rune]int32 // the same for the other runes
	peq      []uint64       // for each rune of the quote, words bit masks of where it occurs
	last     uint64         // the bit of the quote's last character in its last word
}

func newPattern(q []rune) *pattern {
	p := &pattern{m: len(q), words: (len(q) + 63) / 64}
	p.peq = make([]uint64, p.words) // row 0: runes not in the quote
	for i, r := range q {
		k := p.row(r)
		if k == 0 {
			k = int32(len(p.peq) / p.words)
			p.peq = append(p.peq, make([]uint64, p.words)...)
			if r >= 0 && r < 256 {
				p.latin[r] = k
			} else {
				if p.other == nil {
					p.other = make(map[rune]int32)
				}
				p.other[r] = k
			}
		}
		p.peq[int(k)*p.words+i/64] |= 1 << (i % 64)
	}
	if p.m > 0 {
		p.last = 1 << ((p.m - 1) % 64)
	}
	return p
}

func (p *pattern) row(r rune) int32 {
	if r >= 0 && r < 256 {
		return p.latin[r]
	}
	return p.other[r]
}

// scan appends to dist, for each j, the edit distance between the quote and the best
// substring of text that ends before text[j+1]: any substring, or with anchored only those
// that start at text[0].
func (p *pattern) scan(text []rune, anchored bool, dist []int) []int {
	if p.m == 0 {
		for range text {
			dist = append(dist, 0)
		}
		return dist
	}
	pv := make([]uint64, p.words)
	mv := make([]uint64, p.words)
	for b := range pv {
		pv[b] = ^uint64(0) // column 0 counts up: distance i to the empty text
	}
	score := p.m
	top := 0 // the free start of Sellers' algorithm: row 0 is all zeros
	if anchored {
		top = 1
	}
	for _, r := range text {
		k := int(p.row(r)) * p.words
		eq := p.peq[k : k+p.words]
		h := top
		for b := range p.words {
			bit := uint64(1) << 63
			if b == p.words-1 {
				bit = p.last
			}
			pv[b], mv[b], h = step(pv[b], mv[b], eq[b], h, bit)
		}
		score += h
		dist = append(dist, score)
	}
	return dist
}

// step advances one 64-row block of the distance table by one column. pv and mv mark the rows
// whose value is one more or one less than the row above; eq marks the rows whose quote
// character equals the text's; hin is the change along the block's top edge. It returns the
// new vertical deltas and the change at the row marked by last.
func step(pv, mv, eq uint64, hin int, last uint64) (uint64, uint64, int) {
	if hin < 0 {
		eq |= 1
	}
	xv := eq | mv
	xh := (((eq & pv) + pv) ^ pv) | eq
	ph := mv | ^(xh | pv)
	mh := pv & xh
	hout := 0
	switch {
	case ph&last != 0:
		hout = 1
	case mh&last != 0:
		hout = -1
	}
	ph <<= 1
	mh <<= 1
	switch {
	case hin < 0:
		mh |= 1
	case hin > 0:
		ph |= 1
	}
	return mh | ^(xv | ph), ph & xv, hout
}

// start returns where the best match that ends before text[e] with d edits begins, for p the
// reversed quote: of the substrings text[s:e] at distance d, the one whose length is nearest
// the quote's, the longer if two are.
func (p *pattern) start(text []rune, e, d int) int {
	lo := max(0, e-p.m-d) // no alignment with d edits is longer than m+d
	rev := slices.Clone(text[lo:e])
	slices.Reverse(rev)
	best, bestLen := e, -1
	for j, dj := range p.scan(rev, true, nil) {
		n := j + 1
		if dj == d && (bestLen < 0 || abs(n-p.m) <= abs(bestLen-p.m)) {
			best, bestLen = e-n, n
		}
	}
	return best
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
