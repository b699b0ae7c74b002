package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dossier/internal/testdossier"
)

// plantedDossier is a small dossier with a dozen different mistakes, each in its own file.
// checkMistakes lists where `dossier check` must report them.
const plantedDossier = `
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
-- content/articles/ohne-seed.md --
---
seed: 999_fehlt.txt
title: "Ein Artikel ohne Seed"
---
-- content/actors/wladimir-putin.md --
---
name: Wladimir Putin
kind: person
aliases: [Putin]
---
-- content/actors/kim-jong-un.md --
---
name: Kim Jong-un
kind: person
---
-- content/actors/niemand.md --
---
name: Niemand Bekannt
kind: person
---
-- content/actors/zweiter-putin.md --
---
name: Wladimir Wladimirowitsch
kind: person
aliases: [Putin]
---
-- content/topics/farbe.md --
---
title: Farbe
colour: red
---
-- content/topics/kaputter-link.md --
---
title: Links
---

Siehe [Kim](actor:kim-jong-um).
-- content/events/gut.md --
---
date: 2024-06-19
title: "Vertrag"
sources:
  - article: fr
    quote: "eine strategische Partnerschaft unterzeichnet"
---
-- content/events/falsches-datum.md --
---
date: 2024-13-45
title: "Kein Tag"
sources:
  - article: fr
    quote: "eine strategische Partnerschaft unterzeichnet"
---
-- content/events/ohne-quelle.md --
---
date: 2024-06
title: "Ohne Quelle"
---
-- content/notes/gut.md --
---
article: fr
quote: "Unbesiegbarkeit und Dauerhaftigkeit"
---
-- content/notes/nicht-gefunden.md --
---
article: fr
quote: "Unbesiegbarkeit und Dauerhaftigkeit und Frieden für alle Zeiten"
---
-- content/notes/falscher-akteur.md --
---
article: fr
quote: "feiern mit Pomp ihren Gipfel"
actors: [wladimir-putn]
---
-- content/notes/gerade-anfuehrung.md --
---
article: fr
quote: '"Unbesiegbarkeit und Dauerhaftigkeit": Das zeigt'
---
-- content/notes/tippfehler.md --
---
article: fr
quote: "Große Teile dieser Welt sehen eher zwei schurkische Diktatoren, die den Westen hasen"
---
-- content/notes/falsche-art.md --
---
article: fr
quote: "Er braucht dringend Waffen"
kind: opinion
---
-- content/notes/mehrdeutig.md --
---
article: fr
quote: "Putin und Kim"
---
`

type mistake struct {
	pos, severity, msg string
}

var checkMistakes = []mistake{
	{"content/actors/niemand.md:2:7", "warning", `actor "Niemand Bekannt" is not mentioned in any article`},
	{"content/actors/zweiter-putin.md:4:11", "error", `name "Putin" is also claimed by actor "wladimir-putin"`},
	{"content/articles/ohne-seed.md:2:7", "error", "seed file seeds/999_fehlt.txt does not exist"},
	{"content/events/falsches-datum.md:2:7", "error", "bad date in \"date\": month 13"},
	{"content/events/ohne-quelle.md:1:1", "warning", "event has no source"},
	{"content/notes/falsche-art.md:4:7", "error", `kind "opinion" is not one of`},
	{"content/notes/falscher-akteur.md:4:10", "error", `unknown actor "wladimir-putn"; did you mean "wladimir-putin"?`},
	{"content/notes/gerade-anfuehrung.md:3:8", "warning", "note quote matches line 11 only after normalising quotes"},
	{"content/notes/mehrdeutig.md:3:8", "error", "note quote occurs"},
	{"content/notes/nicht-gefunden.md:3:8", "error", "note quote not found in article \"fr\""},
	{"content/notes/tippfehler.md:3:8", "warning", "note quote matches only approximately"},
	{"content/topics/farbe.md:3:1", "error", `unknown field "colour"`},
	{"content/topics/kaputter-link.md:5", "error", `unknown actor "kim-jong-um"`},
	{"seeds/000_db9fe16b07e37613.txt:62:187", "warning", `"Kurt Volker" looks like a person's name but is no actor or alias`},
}

func runCheck(t *testing.T, args ...string) (status int, stdout, stderr string) {
	t.Helper()
	var out, errs bytes.Buffer
	status = run(context.Background(), append([]string{"check"}, args...), &out, &errs)
	return status, out.String(), errs.String()
}

// TestCheckMistakes plants a dozen mistakes and expects each at its file, line and column,
// as an error or a warning, and no other errors.
func TestCheckMistakes(t *testing.T) {
	src := testdossier.Write(t, plantedDossier)
	status, _, stderr := runCheck(t, "-src", src)
	if status != 1 {
		t.Errorf("check = %d, want 1", status)
	}
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	for _, m := range checkMistakes {
		prefix := m.pos + ": "
		if m.severity == "warning" {
			prefix += "warning: "
		}
		found := false
		for _, l := range lines {
			if strings.HasPrefix(l, prefix) && strings.Contains(l, m.msg) {
				found = true
			}
		}
		if !found {
			t.Errorf("check does not report %s%s…\nstderr:\n%s", prefix, m.msg, stderr)
		}
	}
	errors := 0
	for _, m := range checkMistakes {
		if m.severity == "error" {
			errors++
		}
	}
	if want := "dossier: " + counted(errors, "error") + "; nothing was written"; !strings.Contains(stderr, want) {
		t.Errorf("stderr does not end with %q:\n%s", want, stderr)
	}
}

// TestCheckStrict turns the approximate quote into an error.
func TestCheckStrict(t *testing.T) {
	src := testdossier.Write(t, plantedDossier)
	_, _, stderr := runCheck(t, "-src", src, "-strict")
	if want := "content/notes/tippfehler.md:3:8: note quote matches only approximately"; !strings.Contains(stderr, want) {
		t.Errorf("with -strict, stderr lacks the error %q:\n%s", want, stderr)
	}
}

// TestCheckJSON expects the same problems as a JSON array on stdout.
func TestCheckJSON(t *testing.T) {
	src := testdossier.Write(t, plantedDossier)
	status, stdout, stderr := runCheck(t, "-src", src, "-format", "json")
	if status != 1 || stderr != "" {
		t.Errorf("check -format json = %d, stderr %q; want 1 and nothing", status, stderr)
	}
	var got []struct {
		File     string `json:"file"`
		Line     int    `json:"line"`
		Col      int    `json:"col"`
		Severity string `json:"severity"`
		Message  string `json:"message"`
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("stdout is not a JSON array: %v\n%s", err, stdout)
	}
	for _, m := range checkMistakes {
		found := false
		for _, p := range got {
			pos := fmt.Sprintf("%s:%d", p.File, p.Line)
			if p.Col > 0 {
				pos += fmt.Sprintf(":%d", p.Col)
			}
			if pos == m.pos && p.Severity == m.severity && strings.Contains(p.Message, m.msg) {
				found = true
			}
		}
		if !found {
			t.Errorf("JSON lacks {%s %s %s…}", m.pos, m.severity, m.msg)
		}
	}

	// Sound: the seeds testdossier copies would each want an article.
	good := testdossier.Write(t, "-- content/dossier.md --\n---\ntitle: T\n---\n")
	if err := os.RemoveAll(filepath.Join(good, "seeds")); err != nil {
		t.Fatal(err)
	}
	if status, stdout, _ := runCheck(t, "-src", good, "-format", "json"); status != 0 || strings.TrimSpace(stdout) != "[]" {
		t.Errorf("check -format json of a sound dossier = %d, %q; want 0, []", status, stdout)
	}
}

// TestCheckReport expects every note and event source in the anchoring report.
func TestCheckReport(t *testing.T) {
	src := testdossier.Write(t, plantedDossier)
	_, stdout, _ := runCheck(t, "-src", src, "-report")
	for _, want := range []string{
		`content/events/gut.md:6:12: anchored: source 1 of event "gut" on line 54 of article "fr"`,
		`content/notes/gut.md:3:8: anchored: note "gut" on line 11 of article "fr"`,
		`content/notes/gerade-anfuehrung.md:3:8: anchored: note "gerade-anfuehrung" on line 11 of article "fr" (after normalising`,
		`content/notes/tippfehler.md:3:8: fuzzy: note "tippfehler" on line 13 of article "fr", 99 % similar: "Große Teile dieser Welt sehen eher zwei schurkische Diktatoren, die den Westen hassen"`,
		`content/notes/nicht-gefunden.md:3:8: orphaned: note "nicht-gefunden" is not in article "fr"; the closest passage is on line 11`,
		`content/notes/mehrdeutig.md:3:8: orphaned: note "mehrdeutig" occurs`,
		"anchoring: 6 anchored, 1 fuzzy, 2 orphaned",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("the report lacks %q:\n%s", want, stdout)
		}
	}
}

func TestCheckUsage(t *testing.T) {
	for _, args := range [][]string{
		{"-format", "xml"},
		{"-format", "json", "-report"},
		{"stray"},
	} {
		if status, _, _ := runCheck(t, args...); status != 2 {
			t.Errorf("check %q = %d, want 2", args, status)
		}
	}
}

// TestCounted: the command's counts are in the singular for one, "1 error".
func TestCounted(t *testing.T) {
	for _, tt := range []struct {
		n    int
		want string
	}{{0, "0 errors"}, {1, "1 error"}, {2, "2 errors"}, {12, "12 errors"}} {
		if got := counted(tt.n, "error"); got != tt.want {
			t.Errorf("counted(%d, error) = %q, want %q", tt.n, got, tt.want)
		}
	}
}
