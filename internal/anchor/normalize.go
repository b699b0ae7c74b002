package anchor

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize folds s for matching and returns, for each byte of the result, the byte offset in
// s it came from (len(offsets) == len(result)+1, the last entry is len(s)) so matches map back
// to the original text exactly.
//
// Folding: Unicode NFC; typographic double quotes „ “ ” ‟ « » ″ and straight " all to ";
// single quotes ‚ ‘ ’ ‛ ‹ › ′ and ' to '; dashes ‐ ‑ ‒ – — − to -; soft hyphen U+00AD and
// zero-width characters (U+200B..U+200D, U+2060, U+FEFF) removed; no-break spaces (U+00A0,
// U+202F, U+2009) and all other white space collapsed, a run to one ASCII space; leading and
// trailing space trimmed. Each byte that is not UTF-8 becomes U+FFFD. Case is kept.
//
// Several result bytes may come from one offset: a character that folds to a longer one, a
// run of spaces, or a sequence that NFC composes (all of whose bytes point at its start).
func Normalize(s string) (string, []int) {
	f := fold(s)
	return f.s, f.start
}

// folded is a text normalized for matching, with the way back: for each byte of s, the range
// of the original it came from.
type folded struct {
	s string
	// start[i], end[i] delimit the original of s[i]; start has one more entry, the length of
	// the original, so that start[len(s)] is where an empty match at the end lies.
	start, end []int
}

// span returns the range of the original that s[a:b] came from. It ends where the original
// of s[b-1] ends, so a soft hyphen or space after the match stays outside it.
func (f *folded) span(a, b int) (int, int) {
	if a >= b {
		return f.start[a], f.start[a]
	}
	return f.start[a], f.end[b-1]
}

// fold normalizes s. Removing and folding runs before NFC, so that a removed zero-width
// character between a letter and its combining accent does not keep them from composing.
// None of the characters that NFC produces is one that folding changes, so the result is
// stable under a second fold.
func fold(s string) folded { return foldTracking(s, true) }

// foldString returns fold(s).s, without the way back, which takes sixteen bytes for each
// byte of s: a quote needs none.
func foldString(s string) string { return foldTracking(s, false).s }

// foldTracking folds s, and records where each byte came from if track is set.
func foldTracking(s string, track bool) folded {
	b := make([]byte, 0, len(s))
	var start, end []int
	if track {
		start = make([]int, 0, len(s)+1)
		end = make([]int, 0, len(s))
	}
	space := -1 // where a pending run of white space began; it is written before the next character
	spaceEnd := 0
	for i := 0; i < len(s); {
		if c := s[i]; c > ' ' && c < utf8.RuneSelf { // kept as it is: most of a German text
			if space >= 0 && len(b) > 0 {
				b = append(b, ' ')
				if track {
					start = append(start, space)
					end = append(end, spaceEnd)
				}
			}
			space = -1
			b = append(b, c)
			if track {
				start = append(start, i)
				end = append(end, i+1)
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		c := foldRune(r)
		switch {
		case c < 0:
		case c == ' ':
			if space < 0 {
				space = i
			}
			spaceEnd = i + w
		default:
			if space >= 0 && len(b) > 0 {
				b = append(b, ' ')
				if track {
					start = append(start, space)
					end = append(end, spaceEnd)
				}
			}
			space = -1
			if c == r && w == utf8.RuneLen(r) { // unchanged, and not a byte that is not UTF-8
				b = append(b, s[i:i+w]...)
				if track {
					for k := range w {
						start = append(start, i+k)
						end = append(end, i+k+1)
					}
				}
				break
			}
			n := len(b)
			b = utf8.AppendRune(b, c)
			if track {
				for range len(b) - n {
					start = append(start, i)
					end = append(end, i+w)
				}
			}
		}
		i += w
	}
	t := string(b)
	if !track {
		return folded{s: norm.NFC.String(t)}
	}
	start = append(start, len(s))
	if norm.NFC.IsNormalString(t) {
		return folded{t, start, end}
	}
	return compose(t, start, end)
}

// foldRune returns what r becomes for matching: itself, its plain ASCII form, ' ' for any
// white space, or -1 if it is dropped.
func foldRune(r rune) rune {
	if r < 0x80 && r != ' ' && (r < '\t' || r > '\r') {
		return r // the common case, decided before the switch
	}
	switch r {
	case '„', '“', '”', '‟', '«', '»', '″':
		return '"'
	case '‚', '‘', '’', '‛', '‹', '›', '′':
		return '\''
	case '‐', '‑', '‒', '–', '—', '−':
		return '-'
	case '\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF':
		return -1
	}
	if unicode.IsSpace(r) { // includes U+00A0, U+2009, U+202F
		return ' '
	}
	return r
}

// compose applies NFC to t, whose bytes came from the ranges start and end of an original,
// and carries the ranges along: a segment that NFC leaves alone keeps them byte by byte, the
// bytes of one it changes all take the range of the whole segment.
func compose(t string, start, end []int) folded {
	b := make([]byte, 0, len(t)+8)
	ns := make([]int, 0, len(t)+9)
	ne := make([]int, 0, len(t)+8)
	var it norm.Iter
	it.InitString(norm.NFC, t)
	for !it.Done() {
		p0 := it.Pos()
		seg := it.Next()
		p1 := max(it.Pos(), p0)
		if string(seg) == t[p0:p1] {
			ns = append(ns, start[p0:p1]...)
			ne = append(ne, end[p0:p1]...)
		} else {
			lo, hi := start[p0], start[p0]
			if p1 > p0 {
				hi = end[p1-1]
			}
			for range seg {
				ns = append(ns, lo)
				ne = append(ne, hi)
			}
		}
		b = append(b, seg...)
	}
	ns = append(ns, start[len(t)])
	return folded{string(b), ns, ne}
}
