package dossier

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"dossier/internal/content"
)

// TestEditorialWarnings: under -strict, check warns of a fact-check note that links no
// source, an event whose date no passage or public source gives, and a profile sentence
// no citation covers, each at its file and line; without -strict it says nothing of them.
func TestEditorialWarnings(t *testing.T) {
	seed, err := os.ReadFile("testdata/000_db9fe16b07e37613.txt")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{
		"seeds/000_db9fe16b07e37613.txt": {Data: seed},
		"content/dossier.md":             {Data: []byte("---\ntitle: T\n---\n")},
		"content/articles/fr.md":         {Data: []byte("---\nseed: 000_db9fe16b07e37613.txt\ntitle: FR\npublished: 2024-06-19\n---\n")},
		// Unsourced: no link at all. Sourced: a public source, a passage.
		"content/notes/ungeprueft.md": {Data: []byte("---\narticle: fr\nquote: \"Kim Jong-il stirbt 2011.\"\nkind: factcheck\n---\n\nStimmt.\n")},
		"content/notes/belegt.md":     {Data: []byte("---\narticle: fr\nquote: \"Ihm folgt einer seiner Söhne nach\"\nkind: factcheck\n---\n\nStimmt ([Wikipedia](https://de.wikipedia.org/wiki/Kim_Jong-il)).\n")},
		"content/notes/kontext.md":    {Data: []byte("---\narticle: fr\nquote: \"Der treibt das Raketen- und Nuklearprogramm\"\nkind: context\n---\n\nOhne Beleg, aber kein Faktencheck.\n")},
		// The passage names 2011; the day comes from nowhere but a public source.
		"content/events/tod.md":     {Data: []byte("---\ndate: 2011-12-17\ntitle: Tod\nsources:\n  - article: fr\n    quote: \"Kim Jong-il stirbt 2011.\"\n---\n")},
		"content/events/atom.md":    {Data: []byte("---\ndate: 2009-05-25\ntitle: Zweiter Test\nsources:\n  - article: fr\n    quote: \"Unter Kim Jong-il beginnt die beispiellose Aufrüstung\"\n---\n\nDer zweite Test.\n")},
		"content/events/atom2.md":   {Data: []byte("---\ndate: 2009-05-25\ntitle: Raketenstart im Norden\nsources:\n  - article: fr\n    quote: \"Wichtigstes Ziel Kims ist es\"\n---\n\nDer zweite Test ([Quelle](https://example.org/test)).\n")},
		"content/events/vertrag.md": {Data: []byte("---\ndate: 2024-06-19\ntitle: Vertrag\nsources:\n  - article: fr\n    quote: \"haben am Mittwoch eine strategische Partnerschaft unterzeichnet\"\n---\n")},
		"content/actors/kim.md":     {Data: []byte("---\nname: Kim Jong-il\nkind: person\n---\n\nEr starb 2011 ([Z. 42](article:fr#L42)).\n\nEr war Diktator. Das steht nirgends.\n")},
	}
	c, errs := content.Load(fsys, content.Config{})
	if err := errs.Err(); err != nil {
		t.Fatal(err)
	}
	_, lax := Resolve(c, fsys, Config{NoNameWarnings: true})
	if len(lax) != 0 {
		t.Errorf("without -strict: %v; want nothing", lax)
	}
	_, strict := Resolve(c, fsys, Config{Strict: true, NoNameWarnings: true})
	var got []string
	for _, p := range strict {
		got = append(got, p.String())
	}
	want := []string{
		"content/notes/ungeprueft.md:7:1: warning: fact-check note \"ungeprueft\" links no source",
		"content/events/atom.md:2:7: warning: the date 2009-05-25 of event \"atom\" is in none of its passages",
		"content/actors/kim.md:8:1: warning: the sentence \"Er war Diktator.\" and the 1 after it cites nothing",
	}
	if len(got) != len(want) {
		t.Fatalf("got %d problems:\n%s\nwant %d", len(got), strings.Join(got, "\n"), len(want))
	}
	for _, w := range want {
		found := false
		for _, g := range got {
			found = found || strings.HasPrefix(g, w)
		}
		if !found {
			t.Errorf("no problem starting %q in:\n%s", w, strings.Join(got, "\n"))
		}
	}
}
