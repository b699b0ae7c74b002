package dossier

import (
	"os"
	"testing"
	"testing/fstest"

	"dossier/internal/content"
)

func mustResolve(tb testing.TB, files map[string]string) *Dossier {
	tb.Helper()
	seed, err := os.ReadFile("testdata/000_db9fe16b07e37613.txt")
	if err != nil {
		tb.Fatal(err)
	}
	fsys := fstest.MapFS{"seeds/000_db9fe16b07e37613.txt": {Data: seed}, "content/dossier.md": {Data: []byte("---\ntitle: T\n---\n")}}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	c, errs := content.Load(fsys, content.Config{})
	d, errs2 := Resolve(c, fsys, Config{})
	errs.Append(errs2)
	if err := errs.Err(); err != nil {
		tb.Fatal(err)
	}
	return d
}

func actor(name string) string { return "---\nname: " + name + "\nkind: person\n---\n" }

// TestMentionsPerLine: one seed means three different Kims on three lines.
func TestMentionsPerLine(t *testing.T) {
	d := mustResolve(t, map[string]string{
		"content/articles/fr.md": `---
seed: 000_db9fe16b07e37613.txt
title: FR
mentions:
  "34": { "Kim": kim-il-sung }
  "38": { "Kims": kim-jong-il }
  "40-66": { "Kim": kim-jong-un }
---
`,
		"content/actors/kim-il-sung.md": actor("Kim Il-sung"),
		"content/actors/kim-jong-il.md": actor("Kim Jong-il"),
		"content/actors/kim-jong-un.md": actor("Kim Jong-un"),
	})
	a := d.Article("fr")
	for _, tc := range []struct {
		line  int
		text  string
		actor string
	}{
		{34, "Kim Il-sung", "kim-il-sung"},
		{34, "Kim", "kim-il-sung"}, // "Ab 1948 etabliert Kim einen … Personenkult"
		{38, "Kim Jong-il", "kim-jong-il"},
		{38, "Kims", "kim-jong-il"}, // "Wichtigstes Ziel Kims ist es"
		{42, "Kim Jong-il", "kim-jong-il"},
		{42, "Kim Jong-un", "kim-jong-un"},
		{46, "Kim", "kim-jong-un"}, // "Zu Wladimir Putin pflegt Kim ein besonders gutes Verhältnis"
	} {
		found := false
		for _, m := range a.Lines[tc.line-1].Mentions() {
			if a.Lines[tc.line-1].Text[m.Start:m.End] == tc.text && m.Actor.ID == tc.actor {
				found = true
			}
		}
		if !found {
			t.Errorf("line %d: no mention %q of %s; got %v", tc.line, tc.text, tc.actor, mentionsOf(a.Lines[tc.line-1]))
		}
	}
	for _, m := range a.Lines[36-1].Mentions() { // "Kim Il-sung, seinen Sohn Jong-il": no rule, no bare Kim
		if m.Actor.ID == "kim-jong-un" {
			t.Errorf("line 36: bare name linked to %s outside its rule's lines", m.Actor.ID)
		}
	}
}

func mentionsOf(l *Line) []string {
	var out []string
	for _, m := range l.Mentions() {
		out = append(out, l.Text[m.Start:m.End]+"→"+m.Actor.ID)
	}
	return out
}

// TestEvidenceBothWays: a note and an event anchored in a line are linked from the line,
// and the co-mentions of a paragraph are counted.
func TestEvidenceBothWays(t *testing.T) {
	d := mustResolve(t, map[string]string{
		"content/articles/fr.md":           "---\nseed: 000_db9fe16b07e37613.txt\ntitle: FR\n---\n",
		"content/actors/wladimir-putin.md": "---\nname: Wladimir Putin\nkind: person\naliases: [Putin]\n---\n",
		"content/actors/kim-jong-un.md":    actor("Kim Jong-un"),
		"content/events/vertrag.md": `---
date: 2024-06-19
title: Vertrag
sources:
  - article: fr
    quote: "eine strategische Partnerschaft unterzeichnet"
---
`,
		"content/notes/n.md": "---\narticle: fr\nquote: \"Putin und Kim Jong-un feiern mit Pomp\"\n---\n",
	})
	e := d.Event("vertrag")
	if len(e.Sources) != 1 || e.Sources[0].Line != 54 {
		t.Fatalf("event sources = %+v, want line 54", e.Sources)
	}
	l := d.Article("fr").Lines[53]
	if len(l.Anchors()) != 1 || l.Anchors()[0].Event != e {
		t.Errorf("line 54 anchors = %+v, want the event", l.Anchors())
	}
	if n := d.Note("n"); n.Anchor == nil || n.Anchor.Line != 9 || n.Number != 1 {
		t.Errorf("note anchor = %+v", n.Anchor)
	}
	putin := d.Actor("wladimir-putin")
	if len(putin.Related) == 0 || putin.Related[0].Actor.ID != "kim-jong-un" {
		t.Errorf("Putin's related actors = %v, want Kim Jong-un first", putin.Related)
	}
}
