// Package mention finds the names of actors in text: whole words only, inflected by the
// rules of the text's language, with hyphen and space variants and folded spellings, the
// longest name first.
//
// Names are split into words at spaces and hyphens and kept in a trie of words, so one
// pass over a text's words finds every name of every actor: the cost grows with the text,
// not with the number of names. Each word of a name may stand in a text in any of the
// forms its language gives it (Inflections): "des Nationalen Sicherheitsrats der USA" is
// "Nationaler Sicherheitsrat der USA" in German, "Putin's" is "Putin" in English.
//
// Words are folded before they are compared: lower case, NFC, ß as ss, and without the
// apostrophes and full stops inside them, so "Putin’s" is "putins", "U.S." is "us" and
// "IPPEN.MEDIA" is one word, "ippenmedia", in which no "Ippen" is found.
package mention

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Hit is one mention of a name in a text.
type Hit struct {
	Start, End int    // byte offsets into the text
	Key        string // the key of the name that matched
}

// Blocked is the key of a form that must never link (Matcher.Block), as Add and Block
// report it when a name has the same words.
const Blocked = "\x00blocked"

const blocked = Blocked

type node struct {
	// edges holds, by each folded word that may continue a name here, the node it leads
	// to, so that a word costs one lookup whatever its ending.
	edges map[string]*edge
	key   string // non-empty where a name ends
	name  string
	// caps says how a text must write a name of one word that ends here: capsAny, or
	// capitalised, or with its first two letters capitals (an acronym: "UN", not "un").
	caps uint8
}

const (
	capsAny = iota
	capsFirst
	capsTwo
)

// edge is a word as it may stand in a text after a node: the word of a name itself, or
// one of its inflected forms. The word itself wins over a form of another word.
type edge struct {
	next  *node
	exact bool
}

func (n *node) edge(w string) *edge {
	if n.edges == nil {
		n.edges = map[string]*edge{}
	}
	return n.edges[w]
}

// Matcher finds a set of names. It is safe for concurrent use once built.
type Matcher struct {
	lang *Language
	root node
	// first has the bit hash(w)%len(first) set for every word w that may start a name,
	// as root.edges has it: most words of a text start none, and a bit is quicker to look
	// up than a string.
	first []uint64
}

// firstBits is the size of Matcher.first: some 8 words start each name (Putin, Putins,
// Putinen, …), and a name in 50 has a first word of its own.
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

// New returns an empty matcher for texts in the language with the code lang ("de",
// "en"); for a language without rules, names match as they are written, and with the
// possessive s.
func New(lang string) *Matcher { return &Matcher{lang: LanguageOf(lang)} }

// Language returns the rules the matcher inflects names by.
func (m *Matcher) Language() *Language { return m.lang }

// Add registers name under key. It returns the key and name already registered for the
// same words, if any: two actors cannot share a name.
func (m *Matcher) Add(name, key string) (otherKey, otherName string) {
	return m.add(name, key)
}

// Block registers a form that must never link: where it stands, no name is found,
// whatever name it holds ("Kim-Regime" is no mention of Kim). It returns the key and
// name of a name with the same words, if any: a form cannot be a name and not one.
func (m *Matcher) Block(form string) (otherKey, otherName string) {
	return m.add(form, blocked)
}

func (m *Matcher) add(name, key string) (otherKey, otherName string) {
	words := nameWords(name)
	if len(words) == 0 {
		return "", ""
	}
	n := &m.root
	for i, w := range words {
		forms := m.lang.forms(w, i == len(words)-1)
		e := n.edge(forms[0])
		if e == nil || !e.exact {
			// The word itself: a form of another word that it may have been gives way.
			e = &edge{next: &node{}, exact: true}
			n.edges[forms[0]] = e
		}
		next := e.next
		for _, f := range forms[1:] {
			if n.edge(f) == nil {
				n.edges[f] = &edge{next: next}
			}
		}
		if n == &m.root {
			for _, f := range forms {
				m.markFirst(f)
			}
		}
		n = next
	}
	if n.key != "" && n.key != key {
		return n.key, n.name
	}
	caps := capsOf(name, len(words))
	if n.key == "" || caps < n.caps {
		n.caps = caps
	}
	n.key, n.name = key, name
	return "", ""
}

// capsOf is how a text must write a name of n words.
func capsOf(name string, n int) uint8 {
	if n > 1 {
		return capsAny
	}
	letters := 0
	upper := true
	for _, r := range name {
		if unicode.IsLetter(r) {
			letters++
			upper = upper && unicode.IsUpper(r)
		}
	}
	first, _ := utf8.DecodeRuneInString(strings.TrimLeftFunc(name, func(r rune) bool { return !unicode.IsLetter(r) }))
	switch {
	case upper && letters >= 2 && letters <= 3:
		return capsTwo
	case unicode.IsUpper(first):
		return capsFirst
	}
	return capsAny
}

// nameWord is a word of a name, folded, and whether it is written with a capital.
type nameWord struct {
	text    string
	capital bool // its first letter is a capital
	acronym bool // all its letters are
}

func nameWords(name string) []nameWord {
	words := Words(name)
	out := make([]nameWord, len(words))
	for i, w := range words {
		raw := name[w.Start:w.End]
		first, _ := utf8.DecodeRuneInString(raw)
		out[i] = nameWord{w.Text, unicode.IsUpper(first), !strings.ContainsFunc(raw, unicode.IsLower)}
	}
	return out
}

// Empty reports whether no name was added.
func (m *Matcher) Empty() bool { return m == nil || len(m.root.edges) == 0 }

// Word is a word of a text, folded for matching.
type Word struct {
	Text       string // folded: lower case, NFC, ß as ss, no apostrophes or full stops
	Start, End int    // byte offsets into the original text
}

// Words splits s into words: runs of letters and digits, and the apostrophes and full
// stops between two letters ("Putin’s", "U.S", "IPPEN.MEDIA").
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
		if start >= 0 && joiner(r) && letterAround(s, i, r) {
			continue
		}
		if start >= 0 {
			out = append(out, Word{Fold(s[start:i]), start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, Word{Fold(s[start:]), start, len(s)})
	}
	return out
}

// joiner reports whether r joins two letters into one word: an apostrophe or a full stop.
func joiner(r rune) bool {
	switch r {
	case '\'', '.', '`', '´', '‘', '’', 'ʼ':
		return true
	}
	return false
}

// letterAround reports whether the joiner r at byte i of s stands between two letters.
func letterAround(s string, i int, r rune) bool {
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	after, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
	return unicode.IsLetter(before) && unicode.IsLetter(after)
}

// Fold folds a word as Words does.
func Fold(w string) string {
	return string(appendFold(nil, w, utf8.MaxRune))
}

// Find returns the names of m, and of the extra matchers (names valid only for this text,
// e.g. a bare "Kim" that an editor resolved for one line), that occur in text, left to
// right, never overlapping. Where names overlap, the longest wins; at equal length an
// extra matcher wins over m. Where a blocked form is the longest, nothing is found.
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
		if best.key != blocked {
			hits = append(hits, Hit{Start: s.words[i].start, End: best.end, Key: best.key})
		}
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
		if j > i && !joins(gap(text, s.words[j-1].start, s.words[j-1].end, w.start)) {
			break
		}
		e := n.edges[string(s.folded(text, j))]
		if e == nil {
			break
		}
		n = e.next
		if n.key != "" && (j > i || written(text[w.start:w.end], n.caps)) {
			best = match{n.key, j, apostrophe(text, abbreviation(text, w.start, w.end))}
		}
	}
	return best
}

// written reports whether the word w is written as caps asks.
func written(w string, caps uint8) bool {
	if caps == capsAny {
		return true
	}
	r, size := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	if caps == capsTwo {
		r, _ = utf8.DecodeRuneInString(strings.TrimLeftFunc(w[size:], func(r rune) bool { return !unicode.IsLetter(r) }))
		return unicode.IsUpper(r)
	}
	return true
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

// joined is the "highest character" of a word with a joiner in it: it is then folded as
// a word of characters below nfcBelow is, joiners left out.
const joined rune = 0x80

// split finds the words of text, as Words does, and hashes them folded.
func (s *scratch) split(text string) {
	s.words, s.fold = s.words[:0], s.fold[:0]
	start := -1
	var top rune // the word's highest character, or joined
	h := hashStart
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				if start < 0 {
					start, top, h = i, 0, hashStart
				}
				h = hash(h, c|lowerBit(c))
			} else if start >= 0 && (c == '\'' || c == '.' || c == '`') && letterAround(text, i, rune(c)) {
				top = max(top, joined)
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
		} else if start >= 0 && joiner(r) && letterAround(text, i, r) {
			top = max(top, joined)
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

// appendFold appends w, whose highest non-ASCII character is top (0 if it is all ASCII
// letters and digits), folded as Words folds it: lower case, NFC, ß as ss, without
// joiners.
func appendFold(b []byte, w string, top rune) []byte {
	switch {
	case top == 0:
		for i := 0; i < len(w); i++ {
			b = append(b, w[i]|lowerBit(w[i]))
		}
		return b
	case top >= nfcBelow && !norm.NFC.IsNormalString(w):
		w = norm.NFC.String(w)
	}
	for _, r := range w {
		switch {
		case joiner(r):
		case r == 'ß' || r == 'ẞ':
			b = append(b, "ss"...)
		default:
			b = utf8.AppendRune(b, unicode.ToLower(r))
		}
	}
	return b
}

// gap returns the text between the word text[start:end] and the next word, which starts
// at next, less the full stop that ends an abbreviation ("U.N. Security Council").
func gap(text string, start, end, next int) string {
	return text[abbreviation(text, start, end):next]
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

// abbreviation extends the end of the word text[start:end] over the full stop after it
// if it is an abbreviation with full stops, of parts of one or two letters: "U.S." ends
// after the last one, "IPPEN.MEDIA." before.
func abbreviation(text string, start, end int) int {
	if end == len(text) || text[end] != '.' || !strings.Contains(text[start:end], ".") {
		return end
	}
	for part := range strings.SplitSeq(text[start:end], ".") {
		if utf8.RuneCountInString(part) > 2 {
			return end
		}
	}
	return end + 1
}

// apostrophe extends a name's end over a genitive apostrophe after it: Kims', Jones’.
func apostrophe(text string, end int) int {
	for _, a := range []string{"'", "’"} {
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
