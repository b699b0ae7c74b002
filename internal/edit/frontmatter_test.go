package edit

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestDocChanges makes each change to the file <case>/in.md of testdata/frontmatter.txtar
// and compares the result with <case>/out.md: the change and nothing else.
func TestDocChanges(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(*doc) error
	}{
		{"kind", func(d *doc) error { return d.SetString("kind", "factcheck") }},
		{"kind-same", func(d *doc) error { return d.SetString("kind", "context") }},
		{"kind-missing", func(d *doc) error { return d.SetString("kind", "source") }},
		{"flow-list", func(d *doc) error { return d.SetList("actors", []string{"wladimir-putin", "kim-jong-un"}) }},
		{"flow-list-quoted", func(d *doc) error { return d.SetList("actors", []string{"wladimir-putin", "kim-jong-un"}) }},
		{"flow-list-empty", func(d *doc) error { return d.SetList("topics", nil) }},
		{"block-list", func(d *doc) error { return d.SetList("aliases", []string{"Putin", "Wladimir W. Putin"}) }},
		{"null-value", func(d *doc) error { return d.SetList("topics", []string{"sanktionen"}) }},
		{"multi-line-string", func(d *doc) error { return d.SetString("role", "Präsident Russlands") }},
		{"quoted-string", func(d *doc) error { return d.SetString("title", `Ein „Titel“ mit "Zeichen": # und \`) }},
		{"body", func(d *doc) error { return d.SetBody("Neuer Text.\n\n- eine Liste\n") }},
		{"body-same", func(d *doc) error { return d.SetBody("Text mit  zwei Leerzeichen,\nzwei Zeilen.") }},
		{"crlf", func(d *doc) error {
			return errorsJoin(d.SetString("kind", "factcheck"), d.SetBody("Erste Zeile.\nZweite Zeile.\n"))
		}},
		{"all", func(d *doc) error {
			return errorsJoin(d.SetString("kind", "correction"), d.SetList("actors", []string{"kim-jong-un"}),
				d.SetList("topics", []string{"a", "b"}), d.SetBody("Anders."))
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := golden.file(t, tc.name+"/in.md")
			d, err := parseDoc([]byte(in))
			if err != nil {
				t.Fatalf("parseDoc: %v", err)
			}
			if err := tc.change(d); err != nil {
				t.Fatalf("change: %v", err)
			}
			golden.check(t, tc.name+"/out.md", string(d.data))
		})
	}
	golden.save(t)
}

func errorsJoin(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

// TestParseDocRefuses checks the files a change will not touch.
func TestParseDocRefuses(t *testing.T) {
	for _, in := range []string{"", "no front matter\n", "---\nkind: context\n", "---\n- a list\n---\n", "---\nkey: [unclosed\n---\n"} {
		if _, err := parseDoc([]byte(in)); err == nil {
			t.Errorf("parseDoc(%q) = nil error", in)
		}
	}
}

// goldenArchive is a txtar file of inputs and wanted outputs; with -update, check records
// what it was given and save writes the archive back.
type goldenArchive struct {
	path  string
	arch  *txtar.Archive
	dirty bool
}

var golden = &goldenArchive{path: filepath.Join("testdata", "frontmatter.txtar")}

func (g *goldenArchive) load(t *testing.T) {
	t.Helper()
	if g.arch == nil {
		a, err := txtar.ParseFile(g.path)
		if err != nil {
			t.Fatal(err)
		}
		g.arch = a
	}
}

func (g *goldenArchive) file(t *testing.T, name string) string {
	t.Helper()
	g.load(t)
	for _, f := range g.arch.Files {
		if f.Name == name {
			return string(f.Data)
		}
	}
	t.Fatalf("%s has no file %s", g.path, name)
	return ""
}

func (g *goldenArchive) check(t *testing.T, name, got string) {
	t.Helper()
	g.load(t)
	for i, f := range g.arch.Files {
		if f.Name != name {
			continue
		}
		if string(f.Data) != got {
			if *update {
				g.arch.Files[i].Data, g.dirty = []byte(got), true
				return
			}
			t.Errorf("%s: got\n%s\nwant\n%s\n(go test -update rewrites the golden files)", name, got, f.Data)
		}
		return
	}
	if !*update {
		t.Errorf("%s has no file %s; go test -update adds it", g.path, name)
		return
	}
	// After its input, so that each case reads in then out.
	in := strings.TrimSuffix(name, "out.md") + "in.md"
	at := len(g.arch.Files)
	for i, f := range g.arch.Files {
		if f.Name == in {
			at = i + 1
		}
	}
	g.arch.Files = append(g.arch.Files[:at], append([]txtar.File{{Name: name, Data: []byte(got)}}, g.arch.Files[at:]...)...)
	g.dirty = true
}

func (g *goldenArchive) save(t *testing.T) {
	t.Helper()
	if g.dirty {
		if err := os.WriteFile(g.path, txtar.Format(g.arch), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// FuzzDocChange changes a note's kind, actors and body in any file that has front matter,
// and checks that the file then reads back with exactly those values.
func FuzzDocChange(f *testing.F) {
	a, err := txtar.ParseFile(filepath.Join("testdata", "frontmatter.txtar"))
	if err != nil {
		f.Fatal(err)
	}
	for _, file := range a.Files {
		f.Add(file.Data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := parseDoc(data)
		if err != nil {
			return
		}
		actors := []string{"wladimir-putin", "Kim Jong-un", "a: b # c"}
		if err := errorsJoin(d.SetString("kind", "factcheck"), d.SetList("actors", actors), d.SetBody("Text.")); err != nil {
			return // a key whose value yaml.v3 cannot place (an alias, a tag); refused
		}
		back, err := parseDoc(d.data)
		if err != nil {
			t.Fatalf("the changed file does not read: %v\n%s", err, d.data)
		}
		if k := back.String("kind"); k != "factcheck" {
			t.Errorf("kind = %q after the change\n%s", k, d.data)
		}
		if l := back.List("actors"); !slices.Equal(l, actors) {
			t.Errorf("actors = %q after the change\n%s", l, d.data)
		}
		if b := back.Body(); strings.TrimSpace(b) != "Text." {
			t.Errorf("body = %q after the change", b)
		}
	})
}
