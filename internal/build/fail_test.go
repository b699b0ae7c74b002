package build

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"dossier/internal/diag"
	"dossier/internal/site"
	"dossier/internal/testdossier"
)

const smallDossier = `
-- content/dossier.md --
---
title: "Test"
---
Einleitung mit [Putin](actor:wladimir-putin).
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
-- content/notes/treffen.md --
---
article: fr
quote: "Unbesiegbarkeit und Dauerhaftigkeit"
actors: [wladimir-putin]
---
Der Text.
-- content/events/vertrag.md --
---
date: 2024-06-19
title: "Vertrag"
sources:
  - article: fr
    quote: "eine strategische Partnerschaft unterzeichnet"
---
`

// TestFailedBuildKeepsOutput breaks a quote, names an unknown actor and writes a bad date:
// three errors at their file, line and column, and the previous site untouched.
func TestFailedBuildKeepsOutput(t *testing.T) {
	src := testdossier.Write(t, smallDossier)
	out := filepath.Join(t.TempDir(), "public")
	mustBuild(t, Config{Src: src, Out: out, Minify: true})
	good := mustReadTree(t, out)

	testdossier.WriteFile(t, filepath.Join(src, "content/notes/treffen.md"), `---
article: fr
quote: "Unbesiegbarkeit und Dauerhaftigkeit und Frieden für alle Zeiten"
actors: [wladimir-putn]
---
Der Text.
`)
	testdossier.WriteFile(t, filepath.Join(src, "content/events/vertrag.md"), `---
date: 2024-13-45
title: "Vertrag"
sources:
  - article: fr
    quote: "eine strategische Partnerschaft unterzeichnet"
---
`)
	res, err := Run(context.Background(), Config{Src: src, Out: out, Minify: true})
	if err == nil {
		t.Fatal("build succeeded; want errors")
	}
	got := res.Problems.Errors()
	want := []struct{ pos, msg string }{
		{"content/events/vertrag.md:2:7", "month 13"},
		{"content/notes/treffen.md:3:8", "closest passage is on line 11"},
		{"content/notes/treffen.md:4:10", `unknown actor "wladimir-putn"; did you mean "wladimir-putin"?`},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d errors, want %d:\n%v", len(got), len(want), got)
	}
	for i, w := range want {
		if got[i].Pos.String() != w.pos || !strings.Contains(got[i].Msg, w.msg) {
			t.Errorf("error %d = %v\nwant %s: …%s…", i, got[i], w.pos, w.msg)
		}
	}
	if err := site.Equal(out, good); err != nil {
		t.Errorf("the failed build changed the output: %v", err)
	}
}

// TestErrors checks the message and position of each kind of content error.
func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		name, archive string
		want          []string // "pos: substring"
	}{
		{"missing field", `
-- content/actors/x.md --
---
kind: person
---
`, []string{"content/actors/x.md:2:1: missing required field \"name\""}},
		{"bad slug", `
-- content/actors/Kim_Jong.md --
---
name: Kim
kind: person
---
`, []string{"content/actors/Kim_Jong.md: file name \"Kim_Jong.md\" is not a valid id", "\"kim-jong.md\""}},
		{"seed missing", `
-- content/articles/a.md --
---
seed: 000_db9fe16b07e37614.txt
title: A
---
`, []string{"content/articles/a.md:2:7: seed file seeds/000_db9fe16b07e37614.txt does not exist; did you mean \"000_db9fe16b07e37613.txt\"?"}},
		{"ambiguous quote", `
-- content/articles/a.md --
---
seed: 000_db9fe16b07e37613.txt
title: A
---
-- content/notes/n.md --
---
article: a
quote: "Putin"
---
`, []string{"content/notes/n.md:3:8: note quote occurs", "add `prefix:` or `suffix:`"}},
		{"alias claimed twice", `
-- content/actors/a.md --
---
name: Kim Jong-un
kind: person
---
-- content/actors/b.md --
---
name: Kim Jong-il
kind: person
aliases: ["Kim Jong Un"]
---
`, []string{"content/actors/b.md:4:11: name \"Kim Jong Un\" is also claimed by actor \"a\""}},
		{"duplicate id", `
-- content/topics/a/t.md --
---
title: T
---
-- content/topics/b/t.md --
---
title: U
---
`, []string{"content/topics/b/t.md:1:1: duplicate id \"t\": content/topics/a/t.md has the same file name"}},
		{"unknown field", `
-- content/topics/t.md --
---
title: T
keywords: [Sanktion]
colour: red
---
`, []string{"content/topics/t.md:4:1: unknown field \"colour\""}},
		{"unclosed front matter", `
-- content/topics/t.md --
---
title: T
`, []string{"content/topics/t.md:1:1: front matter is not closed"}},
		{"not yaml", `
-- content/topics/t.md --
---
title: [T
---
`, []string{"content/topics/t.md:", "front matter is not valid YAML"}},
		{"list for a string", `
-- content/topics/t.md --
---
title: [a, b]
---
`, []string{"content/topics/t.md:2:8: field \"title\" must be a single value, not a list"}},
		{"bad line kind", `
-- content/articles/a.md --
---
seed: 000_db9fe16b07e37613.txt
title: A
lines:
  "3": headline
---
`, []string{"content/articles/a.md:5:8: unknown line kind \"headline\""}},
		{"link to unknown line", `
-- content/articles/a.md --
---
seed: 000_db9fe16b07e37613.txt
title: A
---
Siehe [Z. 2](article:a#L2) und [hier](javascript:alert(1)).
`, []string{"content/articles/a.md:5: link to article \"a\" names line 2, which is empty", "content/articles/a.md:5: link \"javascript:alert(1)\" is not allowed"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := testdossier.Write(t, "-- content/dossier.md --\n---\ntitle: T\n---\n"+tc.archive)
			res, err := Run(context.Background(), Config{Src: src})
			if err == nil {
				t.Fatalf("no error; want %q", tc.want)
			}
			all := res.Problems.Errors().Error()
			for _, w := range tc.want {
				if !strings.Contains(all, w) {
					t.Errorf("errors do not contain %q:\n%s", w, all)
				}
			}
			for _, p := range res.Problems {
				if p.Pos.File == "" {
					t.Errorf("error without a file: %v", p)
				}
			}
			var _ diag.List = res.Problems
		})
	}
}

// TestBrokenTemplates breaks templates of the dossier's own: every broken file is named,
// with its line as written (not as minified), and the previous site is untouched.
func TestBrokenTemplates(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"page files", map[string]string{
			"templates/topic.html": "{{define \"main\"}}\n<h1>{{.Title</h1>{{end}}",
			"templates/actor.html": "{{define \"body\"}}{{end}}",
		}, []string{"templates/topic.html: template: topic.html:2: bad character U+003C '<'", `templates/actor.html: must define "main"`}},
		{"base", map[string]string{
			"templates/base.html": "{{define \"base\"}}\n<html>\n\n{{if .Lang}}{{end}",
		}, []string{"templates/base.html: template: base.html:4: bad character U+007D '}'"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := testdossier.Write(t, smallDossier)
			out := filepath.Join(t.TempDir(), "public")
			mustBuild(t, Config{Src: src, Out: out, Minify: true})
			good := mustReadTree(t, out)
			for name, data := range tc.files {
				testdossier.WriteFile(t, filepath.Join(src, name), data)
			}
			_, err := Run(context.Background(), Config{Src: src, Out: out, Minify: true})
			if err == nil {
				t.Fatal("build succeeded; want errors")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q\ndoes not say %q", err, w)
				}
			}
			if n := strings.Count(err.Error(), "templates/"); n != len(tc.want) {
				t.Errorf("error names %d template files, want %d: %v", n, len(tc.want), err)
			}
			if err := site.Equal(out, good); err != nil {
				t.Errorf("the failed build changed the output: %v", err)
			}
		})
	}
}
