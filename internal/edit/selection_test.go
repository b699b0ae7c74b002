package edit

import (
	"strings"
	"testing"
	"unicode/utf16"

	"dossier/internal/anchor"
	"dossier/internal/testdossier"
)

const frDossier = `
-- content/dossier.md --
---
title: "Test"
---
-- content/articles/fr.md --
---
seed: 000_db9fe16b07e37613.txt
title: "Putin schließt strategische Partnerschaft mit Nordkorea"
published: 2024-06-19
---
-- content/actors/wladimir-putin.md --
---
name: Wladimir Putin
kind: person
aliases: [Putin]
---
-- content/topics/diplomatie.md --
---
title: Diplomatie
---
`

// units returns the offsets, in UTF-16 code units, of the n-th occurrence (from 1) of
// sub in s: what a browser's selection of it reports.
func units(s, sub string, n int) (int, int) {
	i := -1
	for ; n > 0; n-- {
		j := strings.Index(s[i+1:], sub)
		if j < 0 {
			panic(sub + " not in " + s)
		}
		i += 1 + j
	}
	start := len(utf16.Encode([]rune(s[:i])))
	return start, start + len(utf16.Encode([]rune(sub)))
}

// TestSelect turns selections of the seed's text into quotes, with the shortest context
// that singles them out, and checks that each anchors where it was selected.
func TestSelect(t *testing.T) {
	d := Load(testdossier.Write(t, frDossier))
	art := d.Article("fr")
	for _, tc := range []struct {
		line           int
		sel            string // the selected text, as found on the line
		nth            int
		quote          string
		prefix, suffix string
	}{
		{11, "Unbesiegbarkeit und Dauerhaftigkeit", 1, "Unbesiegbarkeit und Dauerhaftigkeit", "", ""},
		// White space at the ends is not part of the quote.
		{11, " Gipfeltreffen von ", 1, "Gipfeltreffen von", "", ""},
		// Unique: no context, however common its words.
		{9, "Putin und Kim Jong-un feiern", 1, "Putin und Kim Jong-un feiern", "", ""},
		// Twice in the article: the shortest context that tells them apart.
		{15, "Putin und Kim", 1, "Putin und Kim", "", ":"},
		{9, "Putin und Kim", 1, "Putin und Kim", "", " Jong-un"},
		// A word used often: the second "Putin" on line 9.
		{9, "Putin", 2, "Putin", "", " um"},
	} {
		s, e := units(art.Lines[tc.line-1].Text, tc.sel, tc.nth)
		got, err := Select(art, tc.line, s, e, tc.sel)
		if err != nil {
			t.Errorf("Select(%d, %q #%d): %v", tc.line, tc.sel, tc.nth, err)
			continue
		}
		if got.Text != tc.quote || got.Prefix != tc.prefix || got.Suffix != tc.suffix || got.Line != tc.line {
			t.Errorf("Select(%d, %q #%d) = %+v, want %q prefix %q suffix %q", tc.line, tc.sel, tc.nth, got, tc.quote, tc.prefix, tc.suffix)
		}
		res := anchor.Find(art.Passages(), got.Text, got.Prefix, got.Suffix)
		if res.Status != anchor.Exact || res.Match.Line != tc.line {
			t.Errorf("Select(%d, %q #%d) = %+v anchors as %v on line %d", tc.line, tc.sel, tc.nth, got, res.Status, res.Match.Line)
		}
	}
}

func TestSelectRefuses(t *testing.T) {
	d := Load(testdossier.Write(t, frDossier))
	art := d.Article("fr")
	for _, tc := range []struct {
		line, start, end int
		shown, want      string
	}{
		{0, 0, 3, "", "no line 0"},
		{9999, 0, 3, "", "no line 9999"},
		{11, 5, 2, "", "does not fit"},
		{11, 0, 100000, "", "does not fit"},
		{11, -1, 3, "", "does not fit"},
		{10, 0, 0, "", "select some words"},
		{11, 1, 4, "Unv", "reload the page"},
	} {
		_, err := Select(art, tc.line, tc.start, tc.end, tc.shown)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Select(%d, %d, %d) = %v, want …%s…", tc.line, tc.start, tc.end, err, tc.want)
		}
	}
}

func TestByteOffset(t *testing.T) {
	s := "a„😀b" // 1 + 3 + 4 bytes; 1 + 1 + 2 units
	for _, tc := range []struct {
		units, bytes int
		ok           bool
	}{{0, 0, true}, {1, 1, true}, {2, 4, true}, {3, 0, false}, {4, 8, true}, {5, 9, true}, {6, 0, false}} {
		b, ok := byteOffset(s, tc.units)
		if ok != tc.ok || ok && b != tc.bytes {
			t.Errorf("byteOffset(%q, %d) = %d, %v; want %d, %v", s, tc.units, b, ok, tc.bytes, tc.ok)
		}
	}
}
