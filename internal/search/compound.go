package search

import (
	"slices"
	"unicode/utf8"

	"dossier/internal/locale"
)

// Compound splitting. German writes compounds as one word, so a reader who searches
// "Munition" expects "Artilleriemunition" and "Munitionsvorräte" too. Rather than a
// dictionary, the corpus itself says what a word is: a part of a compound is indexed when
// its stem is the stem of a word that stands on its own somewhere in the corpus.
//
// A word of at least minPart+minRest letters is cut at every place that leaves a head and a
// tail of at least minPart letters for the part and minRest for the rest:
//
//   - a tail counts when its stem is known: "artillerie|munition" → munition;
//   - a head counts when its stem is known, or, when it ends in the linking -s- (Fugen-s),
//     the stem of the head without it: "munitions|vorrate" → munition, "kriegs|wirtschaft"
//     → krieg. The other linking elements (-es-, -en-, -er-, -e-) are endings the stemmer
//     removes anyway: "waffen|lieferungen" → waff.
//
// Each part found is split again, and so is the rest of the word beside it, so that
// "welt|raumbahnhof" also yields "raum" and "bahnhof" when the corpus has them. A word
// made of a known word and a final -s that the stemmer leaves alone after a vowel
// ("Nordkoreas", "Schoigus") counts as that word as well.
//
// Parts and their stems shorter than minPart are never indexed on their own: "Rat" in
// "Sicherheitsrat" is not worth "Vorräte" and "Apparat" in the results, nor "Ende" "Legende".
const (
	minPart = 4
	minRest = 3
)

// analyzer turns folded words into index terms. known is the set of stems of the words that
// stand on their own in the corpus; starts holds the first minPart letters of each of them
// that has as many, so of each that isPart takes, for split to rule out most pieces at one
// look. The rest are memos: the parts of compounds are tried again and again, and stemming
// is most of the work.
type analyzer struct {
	lang    *locale.Search  // the stemmer and stop words
	stop    map[string]bool // lang's stop words
	known   map[string]bool
	starts  map[string]bool
	stems   map[string]string   // folded word or part → stem
	derived map[string][]string // folded word → derivedTerms
	parts   map[string][]string // folded word or part → split
}

// newAnalyzer returns an analyzer of German words.
func newAnalyzer() *analyzer { return newAnalyzerFor(&locale.German.Search) }

// newAnalyzerFor returns an analyzer of the words of the language lang.
func newAnalyzerFor(lang *locale.Search) *analyzer {
	stop := stopWords
	if lang != &locale.German.Search {
		stop = stopSet(lang.Stop)
	}
	return &analyzer{
		lang:    lang,
		stop:    stop,
		known:   make(map[string]bool),
		starts:  make(map[string]bool),
		stems:   make(map[string]string),
		derived: make(map[string][]string),
		parts:   make(map[string][]string),
	}
}

// stem returns stem(f), memoized.
func (a *analyzer) stem(f string) string {
	st, ok := a.stems[f]
	if !ok {
		st = f
		if a.lang.Stem != nil {
			st = a.lang.Stem(f)
		}
		a.stems[f] = st
	}
	return st
}

// indexable reports whether the folded word f is indexed at all: German's rule.
func indexable(f string) bool { return f != "" && !stopWords[f] }

// indexable reports whether the folded word f is indexed at all: not one of the
// language's stop words.
func (a *analyzer) indexable(f string) bool { return f != "" && !a.stop[f] }

// learn records that the folded word f stands on its own in the corpus. Every word must be
// learnt before derivedTerms is first asked.
func (a *analyzer) learn(f string) {
	if !a.indexable(f) {
		return
	}
	st := a.stem(f)
	if a.known[st] {
		return
	}
	a.known[st] = true
	if start, ok := firstRunes(st, minPart); ok {
		a.starts[start] = true
	}
}

// derivedTerms returns the terms f is indexed under besides its own stem: the parts of a
// compound and the word without a genitive -s, sorted, without duplicates and without
// stem(f).
func (a *analyzer) derivedTerms(f string) []string {
	if ts, ok := a.derived[f]; ok {
		return ts
	}
	own := a.stem(f)
	var ts []string
	if n := len(f); n > minPart && f[n-1] == 's' {
		if st := a.stem(f[:n-1]); st != own && a.known[st] {
			ts = append(ts, st)
		}
	}
	for _, p := range a.split(f) {
		if p != own {
			ts = append(ts, p)
		}
	}
	slices.Sort(ts)
	ts = slices.Compact(ts)
	a.derived[f] = ts
	return ts
}

// split returns the stems of the known parts of the folded word f, recursively.
//
// Most heads and tails are no part, and stemming them all was most of split's time. The
// stem of a folded word is a prefix of it (see stem), and so is the stem of a piece of one,
// which has no ä, ö, ü or ß either: the stemmer then only removes endings. So a piece whose
// stem isPart takes begins with a known stem of at least minPart letters, and split stems
// no other: the heads from the shortest known beginning of f on, and the tails that have a
// known beginning. TestSplitAsReference holds it to stemming them all.
func (a *analyzer) split(f string) []string {
	if ps, ok := a.parts[f]; ok {
		return ps
	}
	a.parts[f] = nil // a word is not its own part, even if a cycle were possible
	n := utf8.RuneCountInString(f)
	if n < minPart+minRest || !onlyLetters(f) {
		return nil
	}
	var ps []string
	found := func(part, st, rest string) {
		ps = append(ps, st)
		ps = append(ps, a.split(part)...)
		ps = append(ps, a.split(rest)...)
	}
	cuts := runeOffsets(f)
	// The heads all begin f, and the one without its linking s is a letter shorter: it too
	// must reach the shortest known beginning, which is at least minPart letters long.
	shortest := a.knownStart(f, cuts, 0, n-minRest)
	for i := shortest; i <= n-minRest; i++ { // heads
		head, rest := f[:cuts[i]], f[cuts[i]:]
		if st := a.stem(head); a.isPart(st) {
			found(head, st, rest)
		} else if head[len(head)-1] == 's' && i-1 >= shortest {
			if st := a.stem(head[:len(head)-1]); a.isPart(st) {
				found(head[:len(head)-1], st, rest)
			}
		}
	}
	for i := minRest; i <= n-minPart; i++ { // tails
		if a.knownStart(f, cuts, i, n) > n {
			continue
		}
		rest, tail := f[:cuts[i]], f[cuts[i]:]
		if st := a.stem(tail); a.isPart(st) {
			found(tail, st, rest)
		}
	}
	slices.Sort(ps)
	ps = slices.Compact(ps)
	a.parts[f] = ps
	return ps
}

// isPart reports whether a part of a compound whose stem is st is indexed: the stem is known
// and has at least minPart letters, so that "vor|rate" does not yield "rat".
func (a *analyzer) isPart(st string) bool {
	return a.known[st] && utf8.RuneCountInString(st) >= minPart
}

// knownStart returns the least end, at most to, of a known stem of at least minPart letters
// that begins f at from: the least j ≤ to for which f[cuts[from]:cuts[j]] is in known,
// j−from ≥ minPart; or to+1 if there is none. cuts are the rune offsets of f.
func (a *analyzer) knownStart(f string, cuts []int, from, to int) int {
	first := from + minPart
	if first > to || !a.starts[f[cuts[from]:cuts[first]]] {
		return to + 1
	}
	for j := first; j <= to; j++ {
		if a.known[f[cuts[from]:cuts[j]]] {
			return j
		}
	}
	return to + 1
}

// firstRunes returns the first n runes of s, and whether s has as many.
func firstRunes(s string, n int) (string, bool) {
	for i := range s {
		if n == 0 {
			return s[:i], true
		}
		n--
	}
	return s, n == 0
}

// runeOffsets returns the byte offset of each rune of s, and len(s) last.
func runeOffsets(s string) []int {
	offs := make([]int, 0, len(s)+1)
	for i := range s {
		offs = append(offs, i)
	}
	return append(offs, len(s))
}

// onlyLetters reports whether the folded word f has no digits: "2023" and "kn23" are no
// compounds.
func onlyLetters(f string) bool {
	for i := 0; i < len(f); i++ {
		if '0' <= f[i] && f[i] <= '9' {
			return false
		}
	}
	return true
}
