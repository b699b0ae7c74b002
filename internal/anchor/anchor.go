// Package anchor finds the passage of a seed article that a quote refers to, exactly or
// approximately, at build time.
//
// A note names its passage as a W3C TextQuoteSelector does: by quoting it, with an optional
// prefix and suffix to choose among equal passages. Hypothesis anchors such selectors in the
// reader's browser; the dossier anchors them when it builds, so that an editor, not a reader,
// learns that a quote no longer fits. A passage is one line of the seed, and a quote lies
// within one passage.
//
// Find tries three ways in turn and stops at the first that finds anything:
//
//   - Exact: the quote is a byte-identical substring of a passage.
//   - Normalized: it is one once both are folded by Normalize, so that typographic or
//     straight quotes, dashes, soft hyphens, no-break and repeated spaces no longer count.
//   - Fuzzy: the substring of a passage with the fewest edits (a character inserted, deleted
//     or replaced, case ignored) from the normalized quote, scored 1 - edits/length of the
//     quote in characters. A score of FuzzyThreshold or more anchors; below it the quote is
//     NotFound, and the closest passage is returned all the same so that an error can
//     suggest it. Fuzzy matches are widened to whole words.
//
// Several equal exact or normalized matches are Ambiguous unless the prefix and suffix single
// one out. When the prefix and suffix fit none of them they are out of date: several matches
// stay Ambiguous, and a single one is Fuzzy with score 1, so that the editor hears of it.
// Among equally good fuzzy matches the context decides, then the lowest line.
package anchor

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// FuzzyThreshold is the least Score of a Fuzzy match; below it a quote is NotFound.
const FuzzyThreshold = 0.85

// Passage is one line of a seed.
type Passage struct {
	Line int // 1-based line number
	Text string
}

// Status says how a quote was anchored.
type Status int

// The zero Status is NotFound, so that a zero Result claims nothing.
const (
	NotFound   Status = iota
	Exact             // a byte-identical substring
	Normalized        // found only after Normalize
	Fuzzy             // found approximately, or with a prefix or suffix that fits nowhere
	Ambiguous         // found more than once, and the prefix and suffix do not decide
)

var statusNames = [...]string{"not found", "exact", "normalized", "fuzzy", "ambiguous"}

func (s Status) String() string {
	if s < 0 || int(s) >= len(statusNames) {
		return fmt.Sprintf("Status(%d)", int(s))
	}
	return statusNames[s]
}

// Match is a span of a passage.
type Match struct {
	Line       int // the passage's line
	Start, End int // byte offsets into the passage's original Text; whole words for a fuzzy match
	// Score is 1 for an exact or normalized match, and for a fuzzy one 1 - edits/n, where n is
	// the length of the normalized quote in characters (before the match is widened to words).
	Score float64
}

// Result is the outcome of Find.
type Result struct {
	Status Status
	// Match is the anchor for Exact, Normalized and Fuzzy; for Ambiguous the first candidate;
	// for NotFound the closest span found (its Score may be low), or the zero Match when there
	// is nothing to compare.
	Match Match
	// Candidates lists, for Ambiguous, all equal matches by line and offset.
	Candidates []Match
}

// Find anchors quote in ps. The prefix and suffix (either may be empty) choose among several
// equal matches: a match is kept when the text before it in its passage ends with prefix and
// the text after it starts with suffix, all compared normalized.
//
// A quote that is found exactly costs a substring search per passage; the passages are
// normalized only when that fails, and compared approximately only when that fails too. To
// anchor several quotes in one seed, NewText normalizes its passages only once.
func Find(ps []Passage, quote, prefix, suffix string) Result {
	return NewText(ps).Find(quote, prefix, suffix)
}

// Text is the passages of a seed, ready to anchor any number of quotes: each passage is
// normalized once, when a quote first needs it. A Text is safe for concurrent use.
type Text struct {
	ps   []Passage
	once sync.Once
	fs   []folded // fs[i] is ps[i] normalized
}

// NewText returns ps ready for Find. It keeps ps, which must not change.
func NewText(ps []Passage) *Text { return &Text{ps: ps} }

func (t *Text) folded() []folded {
	t.once.Do(func() {
		t.fs = make([]folded, len(t.ps))
		for i, p := range t.ps {
			t.fs[i] = fold(p.Text)
		}
	})
	return t.fs
}

// Find anchors quote in the text's passages, as the function Find does.
func (t *Text) Find(quote, prefix, suffix string) Result {
	q := query{t: t, quote: quote, nq: foldString(quote), prefix: foldString(prefix), suffix: foldString(suffix)}
	if q.nq == "" {
		return Result{}
	}
	if utf8.ValidString(quote) { // else a match could begin inside a character
		if hs := q.filter(q.exact()); len(hs) > 0 {
			return found(hs, Exact)
		}
	}
	// The normalized matches include the exact ones, so this also decides what to do with
	// exact matches whose context does not fit.
	all := q.normalized()
	if hs := q.filter(all); len(hs) > 0 {
		return found(hs, Normalized)
	}
	switch {
	case len(all) > 1: // the context is out of date and cannot decide
		return found(all, Ambiguous)
	case len(all) == 1: // the quote fits, its context does not
		return Result{Status: Fuzzy, Match: all[0].Match}
	}
	return q.fuzzy()
}

// Spans reports whether the quote, normalized, runs across consecutive passages joined by a
// space, and the lines of the first and last of them. A quote lies within one passage, so
// Find anchors such a quote at best approximately in one of them; an editor who copied two
// paragraphs should hear that instead.
func (t *Text) Spans(quote string) (first, last int, ok bool) {
	nq := foldString(quote)
	fs := t.folded()
	if nq == "" || len(fs) < 2 {
		return 0, 0, false
	}
	var b strings.Builder
	starts := make([]int, len(fs)) // where each passage begins in the joined text
	for i, f := range fs {
		if i > 0 {
			b.WriteByte(' ')
		}
		starts[i] = b.Len()
		b.WriteString(f.s)
	}
	all := b.String()
	for i := 0; ; {
		k := strings.Index(all[i:], nq)
		if k < 0 {
			return 0, 0, false
		}
		start, end := i+k, i+k+len(nq)
		p, _ := slices.BinarySearch(starts, start+1) // the passage holding all[start]
		q, _ := slices.BinarySearch(starts, end)     // the passage holding all[end-1]
		if p != q {
			return t.ps[p-1].Line, t.ps[q-1].Line, true
		}
		i = start + 1
	}
}

// found returns the result for hits that fit the context: the one hit, or several that are
// ambiguous.
func found(hs []hit, s Status) Result {
	if len(hs) == 1 {
		return Result{Status: s, Match: hs[0].Match}
	}
	ms := make([]Match, len(hs))
	for i, h := range hs {
		ms[i] = h.Match
	}
	return Result{Status: Ambiguous, Match: ms[0], Candidates: ms}
}

// query is a quote being anchored in a text.
type query struct {
	t              *Text
	quote, nq      string // as written, and normalized
	prefix, suffix string // normalized
}

// hit is a match in the passage t.ps[p].
type hit struct {
	Match
	p int
}

// exact returns every place where the quote occurs, overlapping ones included, in order.
func (q *query) exact() []hit {
	var hs []hit
	for n, p := range q.t.ps {
		for i := 0; ; {
			k := strings.Index(p.Text[i:], q.quote)
			if k < 0 {
				break
			}
			hs = append(hs, hit{Match{p.Line, i + k, i + k + len(q.quote), 1}, n})
			i += k + 1
		}
	}
	sortHits(hs)
	return hs
}

// normalized returns every place where the normalized quote occurs in the normalized text,
// in order.
func (q *query) normalized() []hit {
	var hs []hit
	for n, f := range q.t.folded() {
		for i := 0; ; {
			k := strings.Index(f.s[i:], q.nq)
			if k < 0 {
				break
			}
			start, end := f.span(i+k, i+k+len(q.nq))
			hs = append(hs, hit{Match{q.t.ps[n].Line, start, end, 1}, n})
			i += k + 1
		}
	}
	sortHits(hs)
	return hs
}

// fits reports whether the text around h in its passage agrees with the prefix and suffix.
// It compares normalized text, found where the original around h went.
func (q *query) fits(h hit) bool {
	f := &q.t.folded()[h.p]
	if q.prefix != "" {
		a, _ := slices.BinarySearch(f.start[:len(f.s)], h.Start)
		if !strings.HasSuffix(strings.TrimRight(f.s[:a], " "), q.prefix) {
			return false
		}
	}
	if q.suffix != "" {
		b, _ := slices.BinarySearch(f.start[:len(f.s)], h.End)
		if !strings.HasPrefix(strings.TrimLeft(f.s[b:], " "), q.suffix) {
			return false
		}
	}
	return true
}

// filter returns the hits that fit the prefix and suffix.
func (q *query) filter(hs []hit) []hit {
	if q.prefix == "" && q.suffix == "" {
		return hs
	}
	var kept []hit
	for _, h := range hs {
		if q.fits(h) {
			kept = append(kept, h)
		}
	}
	return kept
}

// sortHits orders hits by line, then offset, so that the first is the one to suggest.
func sortHits(hs []hit) {
	slices.SortStableFunc(hs, func(a, b hit) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Start, b.Start))
	})
}
