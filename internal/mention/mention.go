// Package mention finds the names of actors in text: whole words only, German inflected
// forms, hyphen and space variants, the longest name first.
//
// Names are split into words at spaces and hyphens and kept in a trie of words, so one
// pass over a text's words finds every name of every actor: the cost grows with the text,
// not with the number of names.
package mention

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Suffixes are the endings a name may take in German running text: "Putins", "Kims",
// "Schoigus", "Russlands", "des Rates", "Choe Son-huis". An apostrophe (Kim's, Kim’s) is
// allowed as well.
var Suffixes = []string{"s", "es", "n", "ns"}

// Hit is one mention of a name in a text.
type Hit struct {
	Start, End int    // byte offsets into the text
	Key        string // the key of the name that matched
}

type node struct {
	// forms holds, by each folded word that may continue a name here, the node it leads
	// to and the name it ends, so that a word costs one lookup whatever its suffix.
	forms map[string]*form
	key   string // non-empty where a name ends
	name  string
}

// form is a word as it may stand in a text after a node.
type form struct {
	next *node // the node of the word itself, or nil
	// stem is the node of the word without a suffix, where a name ends, or nil; sfx is the
	// suffix's index in Suffixes. Where several fit (Putins: Putin-s, Puti-ns), the last
	// suffix wins, as it always has.
	stem *node
	sfx  int
}

func (n *node) form(w string) *form {
	if n.forms == nil {
		n.forms = map[string]*form{}
	}
	f := n.forms[w]
	if f == nil {
		f = &form{}
		n.forms[w] = f
	}
	return f
}

// Matcher finds a set of names. It is safe for concurrent use once built.
type Matcher struct {
	root node
	// first has the bit hash(w)%len(first) set for every word w that may start a name,
	// as root.forms has it: most words of a text start none, and a bit is quicker to look
	// up than a string.
	first []uint64
}

// firstBits is the size of Matcher.first: some 5 words start each name (Putin, Putins,
// Putinn, …), and a name in 50 has a first word of its own.
const firstBits = 1 << 16

// hash hashes a folded word (FNV-1a).
func hash(h uint32, c byte) uint32 { return (h ^ uint32(c)) * 16777619 }

const hashStart uint32 = 2166136261

func hashOf(w string) uint32 {
	h := hashStart
	for i := 0; i < len(w); i++ {
		h = hash(h, w[i])
	}
	return h
}

// mayStart reports whether a word hashed h may start a name.
func (m *Matcher) mayStart(h uint32) bool {
	if m.first == nil {
		return false
	}
	b := h % firstBits
	return m.first[b/64]&(1<<(b%64)) != 0
}

func (m *Matcher) markFirst(w string) {
	if m.first == nil {
		m.first = make([]uint64, firstBits/64)
	}
	b := hashOf(w) % firstBits
	m.first[b/64] |= 1 << (b % 64)
}

// New returns an empty matcher.
func New() *Matcher { return &Matcher{} }

// Add registers name under key. It returns the key and name already registered for the
// same words, if any: two actors cannot share a name.
func (m *Matcher) Add(name, key string) (otherKey, otherName string) {
	words := Words(name)
	if len(words) == 0 {
		return "", ""
	}
	m.markFirst(words[0].Text)
	var parent *node
	n := &m.root
	for _, w := range words {
		f := n.form(w.Text)
		if f.next == nil {
			f.next = &node{}
		}
		parent, n = n, f.next
	}
	if n.key != "" && n.key != key {
		return n.key, n.name
	}
	if n.key == "" {
		last := words[len(words)-1].Text
		for i, sfx := range Suffixes {
			if f := parent.form(last + sfx); f.stem == nil || i > f.sfx {
				f.stem, f.sfx = n, i
			}
			if parent == &m.root {
				m.markFirst(last + sfx)
			}
		}
	}
	n.key, n.name = key, name
	return "", ""
}

// Empty reports whether no name was added.
func (m *Matcher) Empty() bool { return m == nil || len(m.root.forms) == 0 }

// Word is a word of a text, folded for matching.
type Word struct {
	Text       string // lower case, NFC
	Start, End int    // byte offsets into the original text
}

// Words splits s into words: runs of letters and digits. The folded text is lower case.
func Words(s string) []Word {
	var out []Word
	start := -1
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, word(s, start, i))
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, word(s, start, len(s)))
	}
	return out
}

func word(s string, start, end int) Word {
	return Word{Text: strings.ToLower(norm.NFC.String(s[start:end])), Start: start, End: end}
}

// Find returns the names of m, and of the extra matchers (names valid only for this text,
// e.g. a bare "Kim" that an editor resolved for one line), that occur in text, left to
// right, never overlapping. Where names overlap, the longest wins; at equal length an
// extra matcher wins over m.
func (m *Matcher) Find(text string, extra ...*Matcher) []Hit {
	s := scratches.Get().(*scratch)
	defer scratches.Put(s)
	s.split(text)
	matchers := append(extra[:len(extra):len(extra)], m) // once per text, not per word
	var hits []Hit
	for i := 0; i < len(s.words); {
		best := match{}
		for _, x := range matchers {
			if x.Empty() {
				continue
			}
			if c := x.longest(text, s, i); c.end > best.end || (c.end == best.end && c.last > best.last) {
				best = c
			}
		}
		if best.key == "" {
			i++
			continue
		}
		hits = append(hits, Hit{Start: s.words[i].start, End: best.end, Key: best.key})
		i = best.last + 1
	}
	return hits
}

type match struct {
	key  string
	last int // index of the last word
	end  int // byte offset where the mention ends
}

// longest returns the longest name starting at word i of s.
func (m *Matcher) longest(text string, s *scratch, i int) match {
	var best match
	if !m.mayStart(s.words[i].hash) {
		return best
	}
	n := &m.root
	for j := i; j < len(s.words); j++ {
		w := &s.words[j]
		if j > i && !joins(text[s.words[j-1].end:w.start]) {
			break
		}
		f := n.forms[string(s.folded(text, j))]
		if f == nil {
			break
		}
		if f.stem != nil {
			best = match{f.stem.key, j, w.end}
		}
		if f.next == nil {
			break
		}
		if f.next.key != "" {
			best = match{f.next.key, j, apostrophe(text, w.end)}
		}
		n = f.next
	}
	return best
}

// scratch holds the words of a text while Find looks at them; it is reused, so that
// finding allocates nothing but the hits.
type scratch struct {
	words []scanned
	fold  []byte // the words folded so far, one after another
}

// scanned is a word of a text, as Words finds it.
type scanned struct {
	start, end int    // in the text
	hash       uint32 // of the folded word
	ascii      bool
	// fold and foldEnd delimit the folded word in scratch.fold, once foldEnd is set: an
	// ASCII word is folded only if it may start a name.
	fold, foldEnd int
}

var scratches = sync.Pool{New: func() any { return new(scratch) }}

// split finds the words of text, as Words does, and hashes them folded.
func (s *scratch) split(text string) {
	s.words, s.fold = s.words[:0], s.fold[:0]
	start := -1
	var top rune // the word's highest character
	h := hashStart
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				if start < 0 {
					start, top, h = i, 0, hashStart
				}
				h = hash(h, c|lowerBit(c))
			} else if start >= 0 {
				s.add(text, start, i, top, h)
				start = -1
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			if start < 0 {
				start, top = i, 0
			}
			top = max(top, r)
		} else if start >= 0 {
			s.add(text, start, i, top, h)
			start = -1
		}
		i += size
	}
	if start >= 0 {
		s.add(text, start, len(text), top, h)
	}
}

// lowerBit is the bit that makes the ASCII letter c lower case, or 0 for a digit.
func lowerBit(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return 'a' - 'A'
	}
	return 0
}

// add records the word text[start:end], whose highest non-ASCII character is top and
// whose hash, if it is all ASCII, is h.
func (s *scratch) add(text string, start, end int, top rune, h uint32) {
	w := scanned{start: start, end: end, hash: h, ascii: top == 0}
	if !w.ascii {
		w.fold = len(s.fold)
		s.fold = appendFold(s.fold, text[start:end], top)
		w.foldEnd = len(s.fold)
		w.hash = hashOf(string(s.fold[w.fold:w.foldEnd]))
	}
	s.words = append(s.words, w)
}

// folded returns word j folded.
func (s *scratch) folded(text string, j int) []byte {
	w := &s.words[j]
	if w.foldEnd == 0 {
		w.fold = len(s.fold)
		s.fold = appendFold(s.fold, text[w.start:w.end], 0)
		w.foldEnd = len(s.fold)
	}
	return s.fold[w.fold:w.foldEnd]
}

// nfcBelow is the first character that may be other than itself in NFC: all before it
// compose with nothing (TestNFCBelow checks).
const nfcBelow = 0x300

// appendFold appends w, whose highest non-ASCII character is top (0 if it is all ASCII),
// folded as Words folds it: lower case, NFC.
func appendFold(b []byte, w string, top rune) []byte {
	switch {
	case top == 0:
		for i := 0; i < len(w); i++ {
			b = append(b, w[i]|lowerBit(w[i]))
		}
	case top < nfcBelow || norm.NFC.IsNormalString(w):
		for _, r := range w {
			b = utf8.AppendRune(b, unicode.ToLower(r))
		}
	default:
		b = append(b, strings.ToLower(norm.NFC.String(w))...)
	}
	return b
}

// joins reports whether the text between two words keeps them one name: a space or a hyphen.
func joins(gap string) bool {
	if gap == "" || utf8.RuneCountInString(gap) > 2 {
		return false
	}
	for _, r := range gap {
		if !unicode.IsSpace(r) && !strings.ContainsRune("-‐‑‒–\u00a0", r) {
			return false
		}
	}
	return true
}

// apostrophe extends a name's end over a genitive apostrophe: Kim's, Kim’s, Kims'.
func apostrophe(text string, end int) int {
	for _, a := range []string{"'s", "’s", "'", "’"} {
		if rest := text[end:]; strings.HasPrefix(rest, a) {
			after := end + len(a)
			r, _ := utf8.DecodeRuneInString(text[after:])
			if after == len(text) || !unicode.IsLetter(r) {
				return after
			}
		}
	}
	return end
}
