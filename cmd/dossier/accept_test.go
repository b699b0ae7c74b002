package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dossier/internal/testdossier"
)

func TestAddAlias(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"flow list", "---\nname: Kreml\naliases: [\"Moskauer Kreml\"] # a comment\nrole: x\n---\nBody\n",
			"---\nname: Kreml\naliases: [\"Moskauer Kreml\", \"Kremlin\"] # a comment\nrole: x\n---\nBody\n"},
		{"brackets in quotes and comments", "---\nname: K\naliases: [\"a]\", 'b]'] # [x]\n---\n", "---\nname: K\naliases: [\"a]\", 'b]', \"Kremlin\"] # [x]\n---\n"},
		{"empty flow list", "---\nname: Kreml\naliases: []\n---\n", "---\nname: Kreml\naliases: [\"Kremlin\"]\n---\n"},
		{"block list", "---\nname: Kreml\naliases:\n    - Moskauer Kreml\n    # kept\n    - \"Kreml-Palast\"\nrole: x\n---\n",
			"---\nname: Kreml\naliases:\n    - Moskauer Kreml\n    # kept\n    - \"Kreml-Palast\"\n    - \"Kremlin\"\nrole: x\n---\n"},
		{"no aliases", "---\nkind: organisation\nname: Kreml\nrole: x\n---\n", "---\nkind: organisation\nname: Kreml\naliases: [\"Kremlin\"]\nrole: x\n---\n"},
		{"CRLF", "---\r\nname: Kreml\r\nrole: x\r\n---\r\n", "---\r\nname: Kreml\r\naliases: [\"Kremlin\"]\r\nrole: x\r\n---\r\n"},
		{"aliases in the body are not touched", "---\nname: Kreml\n---\naliases: [a]\n", "---\nname: Kreml\naliases: [\"Kremlin\"]\n---\naliases: [a]\n"},
	} {
		got, err := addAlias(tc.in, "Kremlin")
		if err != nil || got != tc.want {
			t.Errorf("%s: addAlias = %q, %v\nwant %q", tc.name, got, err, tc.want)
		}
	}
	for _, in := range []string{"no front matter\n", "---\nname: x\n", "---\naliases: x\n---\n", "---\naliases: [a,\n  b]\n---\n"} {
		if _, err := addAlias(in, "Kremlin"); err == nil {
			t.Errorf("addAlias(%q) accepted", in)
		}
	}
}

const englishDossier = `-- content/dossier.md --
---
title: T
---
-- content/articles/wire.md --
---
seed: wire.txt
title: Wire
language: en
---
-- seeds/wire.txt --
Kremlin talks

MOSCOW (AP) — Russian President Vladimir Putin met Choe Son Hui in the Kremlin on Tuesday. Kremlin aide Yuri Ushakov said the talks went on for hours, and Ushakov briefed reporters. The U.S. and the Soviet Union were named, and so was Vietnam.
-- content/actors/kreml.md --
---
name: "Kreml"
kind: organisation
aliases: []          # every spelling
role: "Sitz des russischen Präsidenten"
---
Profil.
-- content/actors/wladimir-putin.md --
---
name: "Wladimir Putin"
kind: person
---
-- content/actors/choe-son-hui.md --
---
name: "Choe Son-hui"
kind: person
---
-- content/actors/usa.md --
---
name: "USA"
kind: state
aliases: ["Vereinigte Staaten"]
---
-- content/actors/sowjetunion.md --
---
name: "Sowjetunion"
kind: state
---
`

// TestAccept: check suggests the missed names of an English wire story, with JSON
// suggestion objects; accept writes them into the actor files with one line changed
// each, and creates the new actors; after it, check links them.
func TestAccept(t *testing.T) {
	src := testdossier.WriteArchive(t, writeTemp(t, englishDossier))
	var out, errb bytes.Buffer
	if status := run(context.Background(), []string{"check", "-src", src, "-format", "json"}, &out, &errb); status != 0 {
		t.Fatalf("check = %d: %s", status, errb.String())
	}
	var problems []jsonProblem
	if err := json.Unmarshal(out.Bytes(), &problems); err != nil {
		t.Fatal(err)
	}
	got := map[string]jsonSuggestion{}
	for _, p := range problems {
		if p.Suggestion != nil {
			got[p.Suggestion.Surface] = *p.Suggestion
		}
	}
	for _, want := range []jsonSuggestion{
		{"Kremlin", "kreml", "alias"},
		{"U.S.", "usa", "alias"},
		{"Soviet Union", "sowjetunion", "alias"},
		{"Yuri Ushakov", "", "actor"},
		{"Ushakov", "yuri-ushakov", "alias"},
		{"Vietnam", "", "actor"},
	} {
		if got[want.Surface] != want {
			t.Errorf("suggestion for %q = %+v, want %+v", want.Surface, got[want.Surface], want)
		}
	}
	if _, ok := got["Russian"]; ok {
		t.Errorf("an adjective is suggested: %+v", got["Russian"])
	}
	before := mustRead(t, filepath.Join(src, "content/actors/kreml.md"))

	out.Reset()
	if status := run(context.Background(), []string{"accept", "-src", src, "-n", "Kremlin"}, &out, &errb); status != 0 || !strings.Contains(out.String(), `content/actors/kreml.md: alias "Kremlin" added`) {
		t.Fatalf("accept -n = %d, %q, %q", status, out.String(), errb.String())
	}
	if mustRead(t, filepath.Join(src, "content/actors/kreml.md")) != before {
		t.Fatal("accept -n changed a file")
	}
	if status := run(context.Background(), []string{"accept", "-src", src, "Kremlin", "U.S.", "Yuri Ushakov", "Ushakov", "Soviet Union"}, &out, &errb); status != 0 {
		t.Fatalf("accept = %d: %s", status, errb.String())
	}
	after := mustRead(t, filepath.Join(src, "content/actors/kreml.md"))
	if want := strings.Replace(before, "aliases: []", `aliases: ["Kremlin"]`, 1); after != want {
		t.Errorf("kreml.md after accept:\n%s\nwant:\n%s", after, want)
	}
	if u := mustRead(t, filepath.Join(src, "content/actors/yuri-ushakov.md")); !strings.Contains(u, `name: "Yuri Ushakov"`) || !strings.Contains(u, `aliases: ["Ushakov"]`) {
		t.Errorf("the new actor's file:\n%s", u)
	}
	out.Reset()
	errb.Reset()
	if status := run(context.Background(), []string{"check", "-src", src, "-format", "json"}, &out, &errb); status != 0 {
		t.Fatalf("check after accept = %d: %s", status, errb.String())
	}
	for _, s := range []string{`"surface": "Kremlin"`, `"surface": "U.S."`, `"surface": "Ushakov"`} {
		if strings.Contains(out.String(), s) {
			t.Errorf("after accept, check still suggests %s", s)
		}
	}
	if status := run(context.Background(), []string{"accept", "-src", src, "Nobody"}, &out, &errb); status != 1 || !strings.Contains(errb.String(), `check suggests nothing for "Nobody"`) {
		t.Errorf("accept of an unknown name = %d, %q", status, errb.String())
	}
}

// writeTemp writes s to a file and returns its name.
func writeTemp(t *testing.T, s string) string {
	f := filepath.Join(t.TempDir(), "a.txtar")
	if err := os.WriteFile(f, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return f
}
