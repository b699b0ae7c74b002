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

// copyDossier copies the repository's dossier (content and seeds) into a new folder.
func copyDossier(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, d := range []string{"content", "seeds"} {
		testdossier.CopyDir(t, filepath.Join(testdossier.Root(), d), filepath.Join(dir, d))
	}
	return dir
}

// snapshot returns every file under dir with its contents.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(dir, p)
			files[filepath.ToSlash(rel)] = string(b)
		}
		return err
	})
	return files
}

// TestImportHypothesis imports a Hypothesis export written in the shape the Hypothesis API
// gives (testdata/hypothesis-export.json) into the shipped dossier: the two annotations
// that anchor become notes that check and build, the three others are reported and
// written nowhere, and a second import adds nothing.
func TestImportHypothesis(t *testing.T) {
	src := copyDossier(t)
	before := snapshot(t, src)
	export := filepath.Join("testdata", "hypothesis-export.json")
	var out, errOut bytes.Buffer
	status := run(context.Background(), []string{"import", "-src", src, export}, &out, &errOut)
	if status != 1 {
		t.Errorf("status %d, want 1 (three annotations not anchored)\n%s%s", status, out.String(), errOut.String())
	}
	for _, want := range []string{"5 annotations: 2 new notes, 0 already imported, 3 not anchored",
		"wrote content/notes/zdfheute-2023-09-12-eine-20-koepfige-delegation-aus.md (line 12)",
		"wrote content/notes/zdfheute-2023-09-12-in-heimlichen-briefen.md (line 13)"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	for _, want := range []string{
		`annotation 3 (Mc5g0JHsEe6z3yR5dC9s1y): the quote "Kim und Putin haben sich heimlich in Moskau getroffen" is not in zdfheute-2023-09-12; the closest passage is on line 21 (55 % similar): "Kim und Putin können sich derzeit nicht leisten"`,
		`annotation 4 (Nd6h1KItEe6a4zS6eD0t2z): no article has the address "https://www.example.com/some/other/page"`,
		`annotation 5 (Oe7i2LJuEe6b5aT7fE1u3a): no TextQuoteSelector`,
	} {
		if !strings.Contains(errOut.String(), want) {
			t.Errorf("errors lack %q:\n%s", want, errOut.String())
		}
	}
	after := snapshot(t, src)
	if len(after) != len(before)+2 {
		t.Errorf("%d files after the import, want %d", len(after), len(before)+2)
	}
	for p, data := range before {
		if after[p] != data {
			t.Errorf("%s changed", p)
		}
	}
	note := after["content/notes/zdfheute-2023-09-12-eine-20-koepfige-delegation-aus.md"]
	for _, want := range []string{`article: "zdfheute-2023-09-12"`, `quote: "Eine 20-köpfige Delegation aus Nordkorea"`,
		`kind: "factcheck"`, "actors: [nordkorea]", `annotation_id: "Kq3e8HFqEe6x1wP3bA7q9w"`, "\nEine **20-köpfige** Delegation: Die Zahl nennt nur dieser Text.\n"} {
		if !strings.Contains(note, want) {
			t.Errorf("note lacks %q:\n%s", want, note)
		}
	}
	note = after["content/notes/zdfheute-2023-09-12-in-heimlichen-briefen.md"]
	for _, want := range []string{`kind: "context"`, "topics: [waffenlieferungen]", "# tags that name no actor, topic or kind: Briefwechsel"} {
		if !strings.Contains(note, want) {
			t.Errorf("note lacks %q:\n%s", want, note)
		}
	}
	// The dossier checks with the new notes, strictly.
	var chk bytes.Buffer
	if st := run(context.Background(), []string{"check", "-src", src, "-strict"}, &chk, &chk); st != 0 {
		t.Errorf("check -strict after the import: %d\n%s", st, chk.String())
	}
	// Again: nothing new.
	out.Reset()
	errOut.Reset()
	run(context.Background(), []string{"import", "-src", src, export}, &out, &errOut)
	if !strings.Contains(out.String(), "0 new notes, 2 already imported") {
		t.Errorf("second import:\n%s", out.String())
	}
	if again := snapshot(t, src); len(again) != len(after) {
		t.Errorf("the second import wrote %d files", len(again)-len(after))
	}
}

// TestImportOwnAnnotations: the dossier's own data/annotations.jsonld, imported into a
// dossier without notes, gives back a note for each, anchored where it was.
func TestImportOwnAnnotations(t *testing.T) {
	src := copyDossier(t)
	out := filepath.Join(t.TempDir(), "site")
	var b bytes.Buffer
	if st := run(context.Background(), []string{"build", "-src", src, "-out", out}, &b, &b); st != 0 {
		t.Fatalf("build: %s", b.String())
	}
	notes, _ := filepath.Glob(filepath.Join(src, "content", "notes", "*.md"))
	for _, n := range notes {
		os.Remove(n)
	}
	b.Reset()
	st := run(context.Background(), []string{"import", "-src", src, filepath.Join(out, "data", "annotations.jsonld")}, &b, &b)
	if st != 0 {
		t.Fatalf("import: %d\n%s", st, b.String())
	}
	got, _ := filepath.Glob(filepath.Join(src, "content", "notes", "*.md"))
	if len(got) != len(notes) {
		t.Errorf("%d notes imported, want %d\n%s", len(got), len(notes), b.String())
	}
	b.Reset()
	if st := run(context.Background(), []string{"check", "-src", src, "-strict"}, &b, &b); st != 0 {
		t.Errorf("check -strict after the import: %d\n%s", st, b.String())
	}
}
