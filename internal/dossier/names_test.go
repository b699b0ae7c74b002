package dossier

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"dossier/internal/content"
	"dossier/internal/diag"
)

// nameWarnings resolves a dossier of one article over seed and returns the warnings about
// names that look like persons.
func nameWarnings(t *testing.T, seed string, actors ...string) []diag.Problem {
	t.Helper()
	fsys := fstest.MapFS{
		"seeds/s.txt":             {Data: []byte(seed)},
		"content/dossier.md":      {Data: []byte("---\ntitle: T\n---\n")},
		"content/articles/a.md":   {Data: []byte("---\nseed: s.txt\ntitle: A\n---\n")},
		"content/actors/anker.md": {Data: []byte("---\nname: Anker\nkind: person\n---\n")},
	}
	for _, a := range actors {
		fsys["content/actors/"+content.Slugify(a)+".md"] = &fstest.MapFile{Data: []byte(actor(a))}
	}
	c, errs := content.Load(fsys, content.Config{})
	_, more := Resolve(c, fsys, Config{})
	errs.Append(more)
	if err := errs.Err(); err != nil {
		t.Fatal(err)
	}
	var out []diag.Problem
	for _, p := range errs.Sort() {
		if strings.Contains(p.Msg, "looks like a person's name") {
			out = append(out, p)
		}
	}
	return out
}

// TestUnknownNames: runs of capitalised words that are no actor are reported once per
// article at the line and column of their first appearance; nouns, known actors, titles
// and photo credits are not.
func TestUnknownNames(t *testing.T) {
	for _, tc := range []struct {
		name   string
		seed   string
		actors []string
		want   []string // "line:col name"
	}{
		{"a name after a verb", "Titel Anker\n\nDas sagte Victor Cha am Montag.\n", nil,
			[]string{`3:11 "Victor Cha"`}},
		{"once per article, with the other lines", "Anker\n\nVictor Cha sagte es.\n\nDann sprach Victor Cha.\n", nil,
			[]string{`3:1 "Victor Cha" looks like a person's name but is no actor or alias (also on line 5)`}},
		{"columns count characters", "Anker\n\n„Über“ – sagte Ramon Pacheco Pardo.\n", nil,
			[]string{`3:16 "Ramon Pacheco Pardo"`}},
		{"a known actor", "Anker\n\nDas sagte Victor Cha am Montag.\n", []string{"Victor Cha"}, nil},
		{"a title before a known name", "Anker\n\nDas sagte Präsident Wladimir Putin.\n", []string{"Wladimir Putin"}, nil},
		{"a noun after an adjective", "Anker\n\nSie zogen sich aus dem nordostukrainischen Gebiet Charkiw zurück.\n", nil, nil},
		{"a noun after an article elsewhere", "Anker\n\nDer Verteidigungsminister kam.\n\nEs sprach Verteidigungsminister Schoigu.\n", nil, nil},
		{"a word written in lower case elsewhere", "Anker\n\nBeide Regierungen wettern.\n\nSie sind beide da.\n", nil, nil},
		{"quantities", "Anker\n\nEs leben 26 Millionen Menschen dort. Hunderttausende Menschen verhungern.\n", nil, nil},
		{"a photo credit", "Anker\n\nKim besucht eine Fabrik. © Ed Jones/afp\n", nil, nil},
		{"acronyms", "Anker\n\nDie USA und die UN verhandeln.\n", nil, nil},
		{"punctuation ends a name", "Anker\n\nEs kamen Cha, Kozyrev und andere.\n", nil, nil},
		{"a byline is no text", "Anker\n\nVon Christiane Kühl\n\nDer Text beginnt hier.\n", nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := nameWarnings(t, tc.seed, tc.actors...)
			if len(got) != len(tc.want) {
				t.Fatalf("got %d warnings, want %d: %v", len(got), len(tc.want), got)
			}
			for i, w := range tc.want {
				pos, msg, _ := strings.Cut(w, " ")
				if g := got[i]; g.Pos.String() != "seeds/s.txt:"+pos || !strings.HasPrefix(g.Msg, msg) {
					t.Errorf("warning %d = %v, want seeds/s.txt:%s: %s…", i, g, pos, msg)
				}
			}
		})
	}
}

// TestNoNameWarnings: with NoNameWarnings the names are not looked for, and nothing else
// changes: the other problems and the model's mentions are the same.
func TestNoNameWarnings(t *testing.T) {
	fsys := fstest.MapFS{
		"seeds/s.txt":             {Data: []byte("Anker\n\nDas sagte Victor Cha zu Anker.\n")},
		"content/dossier.md":      {Data: []byte("---\ntitle: T\n---\n")},
		"content/articles/a.md":   {Data: []byte("---\nseed: s.txt\ntitle: A\n---\n")},
		"content/actors/anker.md": {Data: []byte("---\nname: Anker\nkind: person\n---\n")},
		"content/notes/n.md":      {Data: []byte("---\narticle: a\nquote: sagte Victor Tscha\n---\nText.\n")},
	}
	c, _ := content.Load(fsys, content.Config{})
	with, all := Resolve(c, fsys, Config{})
	without, fewer := Resolve(c, fsys, Config{NoNameWarnings: true})
	var others []diag.Problem
	names := 0
	for _, p := range all.Sort() {
		if strings.Contains(p.Msg, "looks like a person's name") {
			names++
		} else {
			others = append(others, p)
		}
	}
	if names != 1 || len(others) == 0 {
		t.Fatalf("without the option: %d name warnings and %d others, want 1 and some:\n%v", names, len(others), all)
	}
	if got := []diag.Problem(fewer.Sort()); fmt.Sprint(got) != fmt.Sprint(others) {
		t.Errorf("with NoNameWarnings:\n%v\nwant the others:\n%v", got, others)
	}
	if len(with.Articles[0].Actors) != 1 || len(without.Articles[0].Actors) != 1 {
		t.Errorf("mentions differ: %v and %v", with.Articles[0].Actors, without.Articles[0].Actors)
	}
}
