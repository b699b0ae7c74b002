// Package mention finds the names of actors in text: whole words only, German inflected
// forms, hyphen and space variants, the longest name first.
//
// Names are split into words at spaces and hyphens and kept in a trie of words, so one
// pass over a text's words finds every name of every actor: the cost grows with the text,
// not with the number of names.
package mention

import (
	"strings"
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
	kids map[string]*node
	key  string // non-empty where a name ends
	name string
}

// Matcher finds a set of names. It is safe for concurrent use once built.
type Matcher struct{ root node }

// New returns an empty matcher.
func New() *Matcher { return &Matcher{} }

// Add registers name under key. It returns the key and name already registered for the
// same words, if any: two actors cannot share a name.
func (m *Matcher) Add(name, key string) (otherKey, otherName string) {
	words := Words(name)
	if len(words) == 0 {
		return "", ""
	}
	n := &m.root
	for _, w := range words {
		if n.kids == nil {
			n.kids = map[string]*node{}
		}
		c := n.kids[w.Text]
		if c == nil {
			c = &node{}
			n.kids[w.Text] = c
		}
		n = c
	}
	if n.key != "" && n.key != key {
		return n.key, n.name
	}
	n.key, n.name = key, name
	return "", ""
}

// Empty reports whether no name was added.
func (m *Matcher) Empty() bool { return m == nil || len(m.root.kids) == 0 }

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
	words := Words(text)
	matchers := append(extra[:len(extra):len(extra)], m) // once per text, not per word
	var hits []Hit
	for i := 0; i < len(words); {
		best := match{}
		for _, x := range matchers {
			if x.Empty() {
				continue
			}
			if c := x.longest(text, words, i); c.end > best.end || (c.end == best.end && c.last > best.last) {
				best = c
			}
		}
		if best.key == "" {
			i++
			continue
		}
		hits = append(hits, Hit{Start: words[i].Start, End: best.end, Key: best.key})
		i = best.last + 1
	}
	return hits
}

type match struct {
	key  string
	last int // index of the last word
	end  int // byte offset where the mention ends
}

// longest returns the longest name starting at word i.
func (m *Matcher) longest(text string, words []Word, i int) match {
	var best match
	n := &m.root
	for j := i; j < len(words); j++ {
		if j > i && !joins(text[words[j-1].End:words[j].Start]) {
			break
		}
		w := words[j].Text
		for _, sfx := range Suffixes {
			if stem, ok := strings.CutSuffix(w, sfx); ok && stem != "" {
				if c := n.kids[stem]; c != nil && c.key != "" {
					best = match{c.key, j, words[j].End}
				}
			}
		}
		c := n.kids[w]
		if c == nil {
			break
		}
		if c.key != "" {
			best = match{c.key, j, apostrophe(text, words[j].End)}
		}
		n = c
	}
	return best
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
