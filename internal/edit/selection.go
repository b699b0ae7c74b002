package edit

import (
	"cmp"
	"slices"
	"unicode"
	"unicode/utf8"

	"dossier/internal/anchor"
	idossier "dossier/internal/dossier"
)

// Selector is a passage as a note or an event source names it: the quote as the seed has
// it and, only when the quote alone is not unique, the words just before or after it.
type Selector struct {
	Text, Prefix, Suffix string
	Line                 int
}

// maxContextWords is how many words Select tries on each side of a quote.
const maxContextWords = 12

// Select returns the selector of the text of line from start to end (offsets in UTF-16
// code units, as a browser counts them), without the white space at either end, with the
// shortest prefix and suffix, in whole words, that make it unique in the article. shown,
// if not empty, is the text the page showed there: a page older than the seed shows
// another, and is refused.
func Select(art *idossier.Article, line, start, end int, shown string) (Selector, error) {
	if line < 1 || line > len(art.Lines) {
		return Selector{}, fieldErr("quote", "the article has no line %d; reload the page", line)
	}
	text := art.Lines[line-1].Text
	s, ok1 := byteOffset(text, start)
	e, ok2 := byteOffset(text, end)
	if !ok1 || !ok2 || s > e {
		return Selector{}, fieldErr("quote", "the selection does not fit line %d; reload the page", line)
	}
	if shown != "" && text[s:e] != shown {
		return Selector{}, fieldErr("quote", "the page shows other text on line %d than the seed has; reload the page", line)
	}
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:])
		if !unicode.IsSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= n
	}
	if s == e {
		return Selector{}, fieldErr("quote", "select some words of the article's text")
	}
	ps := art.Passages()
	quote := text[s:e]
	at := func(p, x string) bool {
		r := anchor.Find(ps, quote, p, x)
		return (r.Status == anchor.Exact || r.Status == anchor.Normalized) && r.Match.Line == line && r.Match.Start == s
	}
	if at("", "") {
		return Selector{Text: quote, Line: line}, nil
	}
	prefixes := []string{""}
	for i := s; i > 0 && len(prefixes) <= maxContextWords; {
		i = wordStartBefore(text, i)
		prefixes = append(prefixes, text[i:s])
	}
	suffixes := []string{""}
	for i := e; i < len(text) && len(suffixes) <= maxContextWords; {
		i = wordEndAfter(text, i)
		suffixes = append(suffixes, text[e:i])
	}
	type pair struct{ p, s string }
	var pairs []pair
	for _, p := range prefixes {
		for _, x := range suffixes {
			pairs = append(pairs, pair{p, x})
		}
	}
	slices.SortStableFunc(pairs, func(a, b pair) int { return cmp.Compare(len(a.p)+len(a.s), len(b.p)+len(b.s)) })
	for _, c := range pairs[1:] {
		if at(c.p, c.s) {
			return Selector{Text: quote, Prefix: c.p, Suffix: c.s, Line: line}, nil
		}
	}
	return Selector{}, fieldErr("quote", "the passage occurs more than once on lines with the same words around it; no quote can single it out, select more of it")
}

// wordStartBefore returns the start of the word before offset i of s, with the spaces
// between it and i.
func wordStartBefore(s string, i int) int {
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsSpace(r) {
			break
		}
		i -= n
	}
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if unicode.IsSpace(r) {
			break
		}
		i -= n
	}
	return i
}

// wordEndAfter returns the end of the word after offset i of s, with the spaces between i
// and it.
func wordEndAfter(s string, i int) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			break
		}
		i += n
	}
	return i
}

// byteOffset converts an offset in UTF-16 code units of s to one in bytes; false if it is
// beyond s or inside a character.
func byteOffset(s string, units int) (int, bool) {
	if units < 0 {
		return 0, false
	}
	n := 0
	for i, r := range s {
		if n == units {
			return i, true
		}
		if n > units {
			return 0, false
		}
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return len(s), n == units
}
