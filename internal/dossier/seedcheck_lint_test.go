package dossier

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzLintSeed holds lintSeed, which looks for control characters in one pass, to the
// plain way it was first written: a pass for control characters, c1Control for the rest.
func FuzzLintSeed(f *testing.F) {
	for _, s := range []string{
		"Ein Text.\n", "Zeile\x01 zwei\n", "\u0085 und \u0093", "x\uFFFDy\u0080", "\xff\xc2\x80", "Ã¤ und â€ž", "<b>&amp;</b>\x7F",
		"Ä Ö Ü ß \u009F\n\x00", "\xc2", strings.Repeat("ä", 50) + "\u0090",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := lintSeed(s), lintSeedPlain(s); !reflect.DeepEqual(got, want) {
			t.Errorf("lintSeed(%q) = %v, want %v", s, got, want)
		}
	})
}

func lintSeedPlain(data string) []seedIssue {
	var out []seedIssue
	at := func(i int) (int, int) {
		line := 1 + strings.Count(data[:i], "\n")
		col := 1 + utf8.RuneCountInString(data[strings.LastIndexByte(data[:i], '\n')+1:i])
		return line, col
	}
	if strings.ContainsAny(data, "<&") {
		if loc := htmlTag.FindStringIndex(data); loc != nil {
			l, c := at(loc[0])
			out = append(out, seedIssue{l, c, fmt.Sprintf("the seed looks like HTML (%q); a seed is the article's text: import the saved page with `dossier import FILE.html`, which extracts it", data[loc[0]:loc[1]])})
		}
	}
	if strings.ContainsAny(data, "ÃâÂ") {
		if loc := mojibake.FindStringIndex(data); loc != nil {
			l, c := at(loc[0])
			out = append(out, seedIssue{l, c, fmt.Sprintf("the seed looks garbled (%q is UTF-8 read as windows-1252); get the text again in its right encoding, e.g. with `dossier import`", data[loc[0]:loc[1]])})
		}
	}
	for i, r := range data {
		if r < 0x20 && r != '\n' && r != '\t' && r != '\r' || r == 0x7F || r == utf8.RuneError && strings.HasPrefix(data[i:], "\uFFFD") {
			l, c := at(i)
			what := fmt.Sprintf("the control character U+%04X", r)
			if r == utf8.RuneError {
				what = "U+FFFD, the mark of a character lost in a conversion"
			}
			out = append(out, seedIssue{l, c, "the seed holds " + what + "; remove it from the source and import it again"})
			break
		}
	}
	if loc := c1Control.FindStringIndex(data); loc != nil {
		l, c := at(loc[0])
		r, _ := utf8.DecodeRuneInString(data[loc[0]:])
		out = append(out, seedIssue{l, c, fmt.Sprintf("the seed holds the control character U+%04X, left when windows-1252 text is read as Latin-1 (it stands for a quotation mark or dash); import the text again with `dossier import`, which reads windows-1252", r)})
	}
	return out
}
