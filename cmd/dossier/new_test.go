package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dossier/internal/testdossier"
)

const newDossier = `
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
`

func runNew(t *testing.T, src string, args ...string) (int, string) {
	t.Helper()
	var out bytes.Buffer
	status := run(context.Background(), append(append([]string{"new"}, args...), "-src", src), &out, &out)
	return status, out.String()
}

// TestNew writes each kind of file, with ids made from names, and checks that the dossier
// still builds with them.
func TestNew(t *testing.T) {
	src := testdossier.Write(t, newDossier)
	for _, tc := range []struct {
		args []string
		file string
		want []string // in the file
	}{
		{[]string{"actor", "Jörg Müller-Weiß"}, "content/actors/joerg-mueller-weiss.md", []string{`name: "Jörg Müller-Weiß"`, "kind: person"}},
		{[]string{"actor", "-kind", "state", "Südkorea"}, "content/actors/suedkorea.md", []string{`name: "Südkorea"`, "kind: state"}},
		{[]string{"topic", "Öl & Gas"}, "content/topics/oel-gas.md", []string{`title: "Öl & Gas"`, "keywords: []"}},
		{[]string{"event", "Gipfel in Pjöngjang", "-date", "2024-06-19", "-article", "fr", "-quote", "eine strategische Partnerschaft unterzeichnet"},
			"content/events/gipfel-in-pjoengjang.md", []string{`date: "2024-06-19"`, "  - article: fr\n    quote: \"eine strategische Partnerschaft unterzeichnet\""}},
		{[]string{"event", "Irgendwann", "-date", "<2023-07"}, "content/events/irgendwann.md", []string{`date: "<2023-07"`, "sources: []"}},
		{[]string{"note", "-article", "fr", "-quote", "Unbesiegbarkeit und Dauerhaftigkeit"},
			"content/notes/unbesiegbarkeit-und-dauerhaftigkeit.md", []string{"article: fr", `quote: "Unbesiegbarkeit und Dauerhaftigkeit"`, "kind: context"}},
		// Straight quotes where the seed has „…“: written as the seed has it.
		{[]string{"note", "Staatsmedien", "-kind", "factcheck", "-article", "fr", "-quote", `"Unbesiegbarkeit und Dauerhaftigkeit": Das`},
			"content/notes/staatsmedien.md", []string{`quote: "„Unbesiegbarkeit und Dauerhaftigkeit“: Das"`, "kind: factcheck"}},
		{[]string{"note", "Kim und Putin", "-article", "fr", "-quote", "Putin und Kim", "-suffix", ": Nordkoreas Waffen"},
			"content/notes/kim-und-putin.md", []string{`suffix: ": Nordkoreas Waffen"`}},
	} {
		status, out := runNew(t, src, tc.args...)
		if status != 0 {
			t.Errorf("new %q = %d, want 0:\n%s", tc.args, status, out)
			continue
		}
		if !strings.Contains(out, filepath.Join(src, tc.file)+"\n") {
			t.Errorf("new %q says %q, want it to name %s", tc.args, out, tc.file)
		}
		got := mustRead(t, filepath.Join(src, tc.file))
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("new %q wrote\n%s\nwant it to contain %q", tc.args, got, w)
			}
		}
	}
	// Everything written must build: the only problems are the warnings a new file has
	// until an editor fills it in.
	var stdout, stderr bytes.Buffer
	if status := run(context.Background(), []string{"check", "-src", src}, &stdout, &stderr); status != 0 {
		t.Errorf("check after new = %d:\n%s", status, stderr.String())
	}
}

// TestNewRefuses checks what `new` will not write, and that it writes nothing then.
func TestNewRefuses(t *testing.T) {
	src := testdossier.Write(t, newDossier+"-- content/topics/sub/sanktionen.md --\n---\ntitle: Sanktionen\n---\n")
	for _, tc := range []struct {
		args   []string
		status int
		want   string
	}{
		{[]string{"topic", "Sanktionen"}, 1, "content/topics/sub/sanktionen.md already exists"},
		{[]string{"actor", "Putin"}, 1, `the name "Putin" already belongs to actor "wladimir-putin"`},
		{[]string{"actor", "Jemand", "-kind", "alien"}, 1, `-kind "alien" is not one of`},
		{[]string{"actor"}, 1, "give the actor's name"},
		{[]string{"actor", "Zwei", "Namen"}, 2, "put a name of several words in quotes"},
		{[]string{"note", "-article", "fr", "-quote", "Unbesiegbarkeit und Dauerhaftigkeit und Frieden"}, 1, "the closest passage is on line 11"},
		{[]string{"note", "-article", "fr", "-quote", "Putin und Kim"}, 1, "add -prefix or -suffix"},
		{[]string{"note", "-article", "fr", "-quote", "Große Teile dieser Welt sehen eher zwei schurkische Diktatoren, die den Westen hasen"}, 1, "only approximately (99 %)"},
		{[]string{"note", "-article", "frx", "-quote", "Putin"}, 1, `unknown article "frx"; the articles are: fr`},
		{[]string{"note", "-article", "fr"}, 1, "a note needs -article ID and -quote"},
		{[]string{"event", "Gipfel", "-date", "2024-13"}, 1, "-date: month 13"},
		{[]string{"event", "Gipfel"}, 1, "an event needs -date"},
		{[]string{"event", "Gipfel", "-date", "2024", "-article", "fr"}, 1, "a source needs both -article and -quote"},
		{[]string{"page", "x"}, 2, "unknown kind"},
		{nil, 2, "usage"},
	} {
		before := listFiles(t, src)
		status, out := runNew(t, src, tc.args...)
		if status != tc.status || !strings.Contains(out, tc.want) {
			t.Errorf("new %q = %d, %q; want %d, …%s…", tc.args, status, out, tc.status, tc.want)
		}
		if after := listFiles(t, src); after != before {
			t.Errorf("new %q changed the dossier:\n%s\nwant\n%s", tc.args, after, before)
		}
	}
}

func listFiles(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	filepath.WalkDir(filepath.Join(dir, "content"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b.WriteString(p + "\n")
		}
		return nil
	})
	return b.String()
}
