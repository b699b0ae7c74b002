package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// fold returns s as the index compares it: decomposed (NFD); combining marks U+0300–U+036F,
// soft hyphens and zero-width characters removed; each code point lower-cased on its own;
// ß and the letters NFD leaves whole spelled in ASCII (see spelled); recomposed (NFC).
// So "Pjöngjang" and "PJONGJANG" both fold to "pjongjang", "Straße" to "strasse".
//
// static/search.js has the same function, code point for code point; the Node test holds
// them to it.
func fold(s string) string {
	if isFolded(s) {
		return s
	}
	d := norm.NFD.String(s)
	var b strings.Builder
	b.Grow(len(d))
	for _, r := range d {
		if dropped(r) {
			continue
		}
		r = unicode.ToLower(r)
		if sp, ok := spelled[r]; ok {
			b.WriteString(sp)
			continue
		}
		b.WriteRune(r)
	}
	return norm.NFC.String(b.String())
}

// isFolded reports whether s is plain lower-case ASCII without control characters, the
// common case, which fold returns as it is.
func isFolded(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || c < ' ' || ('A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}

// dropped reports whether fold removes r: a combining diacritical mark (what is left of ä,
// é, ñ after NFD), a soft hyphen or a zero-width character.
func dropped(r rune) bool {
	return (0x300 <= r && r <= 0x36F) || r == 0xAD || (0x200B <= r && r <= 0x200D) ||
		r == 0x2060 || r == 0xFEFF
}

// spelled holds the lower-case letters that NFD does not decompose and that a German reader
// types with plain letters.
var spelled = map[rune]string{
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'ł': "l", 'đ': "d", 'ð': "d", 'þ': "th", 'ı': "i",
}

// isWordChar reports whether r belongs to a word: ASCII letters and digits; the Latin
// letters, modifiers and combining marks from U+00C0 to U+036F but × and ÷; the soft
// hyphen; from U+0370 on every code point of the Basic Multilingual Plane outside
// nonWordRanges (punctuation, symbols, spaces, surrogates, private use); beyond it, the
// scripts of the Supplementary Multilingual Plane and the ideographs, not emoji.
//
// The rule is written out, not taken from unicode.IsLetter, so that the browser, which has
// no Unicode classes in ES2017, applies exactly the same one; the joiners U+200C, U+200D and
// U+2060 and the soft hyphen count as word characters so that they do not split a word
// (fold then removes the ones it drops).
func isWordChar(r rune) bool {
	switch {
	case r < 0x80:
		return ('0' <= r && r <= '9') || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z')
	case r < 0xC0:
		return r == 0xAD
	case r < 0x370:
		return r != 0xD7 && r != 0xF7
	case r < 0x10000:
		for _, g := range nonWordRanges {
			if g[0] <= r && r <= g[1] {
				return false
			}
		}
		return true
	}
	return r < 0x1F000 || (0x20000 <= r && r <= 0x3FFFF)
}

// nonWordRanges are the blocks and characters from U+0370 to U+FFFF that separate words.
var nonWordRanges = [...][2]rune{
	{0x37E, 0x37E}, {0x387, 0x387}, // Greek question mark, ano teleia
	{0x2000, 0x200B}, {0x200E, 0x205F}, {0x2061, 0x2BFF}, // spaces, punctuation, symbols, arrows, shapes
	{0x2E00, 0x2E7F},                                                       // supplemental punctuation
	{0x3000, 0x303F},                                                       // CJK symbols and punctuation
	{0xD800, 0xF8FF},                                                       // surrogates, private use
	{0xFE10, 0xFE6F},                                                       // vertical, compatibility and small forms
	{0xFEFF, 0xFEFF},                                                       // byte order mark
	{0xFF00, 0xFF0F}, {0xFF1A, 0xFF20}, {0xFF3B, 0xFF40}, {0xFF5B, 0xFF65}, // full-width punctuation
	{0xFFF0, 0xFFFF}, // specials, among them U+FFFD for bytes that are not UTF-8
}

// word is one word of a text, with its byte offsets.
type word struct {
	s          string // as the text has it
	start, end int
}

// words splits s into its words: maximal runs of word characters.
func words(s string) []word {
	var ws []word
	for start, end := nextWord(s, 0); start >= 0; start, end = nextWord(s, end) {
		ws = append(ws, word{s[start:end], start, end})
	}
	return ws
}

// nextWord returns the byte offsets of the first word of s that begins at from or later,
// or -1, -1 if there is none. It is words without the slice, for the indexer's many texts,
// and so written out: a loop to the word, a loop to its end, ASCII without a call.
func nextWord(s string, from int) (start, end int) {
	i := from
	for i < len(s) {
		size := 1
		if c := s[i]; c < utf8.RuneSelf {
			if isASCIIWordChar(c) {
				break
			}
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			if isWordChar(r) {
				break
			}
		}
		i += size
	}
	if i == len(s) {
		return -1, -1
	}
	start = i
	for i < len(s) {
		size := 1
		if c := s[i]; c < utf8.RuneSelf {
			if !isASCIIWordChar(c) {
				break
			}
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			if !isWordChar(r) {
				break
			}
		}
		i += size
	}
	return start, i
}

// isASCIIWordChar is isWordChar for c below utf8.RuneSelf.
func isASCIIWordChar(c byte) bool {
	lower := c | 0x20 // only 'A' to 'Z' become letters
	return ('0' <= c && c <= '9') || ('a' <= lower && lower <= 'z')
}
