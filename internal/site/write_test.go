package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteReplacesWholeSite(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	first := []File{{"index.html", []byte("one")}, {"old/page.html", []byte("gone later")}}
	if err := Write(out, first); err != nil {
		t.Fatal(err)
	}
	second := []File{{"index.html", []byte("two")}, {"a/b/c.html", []byte("deep")}}
	if err := Write(out, second); err != nil {
		t.Fatal(err)
	}
	if err := Equal(out, second); err != nil {
		t.Errorf("after the second write: %v", err)
	}
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".public.*"))
	if len(left) > 0 {
		t.Errorf("temporary folders left behind: %v", left)
	}
}

func TestWriteRefuses(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	good := []File{{"index.html", []byte("good")}}
	if err := Write(out, good); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		files []File
		want  string
	}{
		{"parent", []File{{"../evil.html", nil}}, "not a path inside"},
		{"absolute", []File{{"/etc/evil", nil}}, "not a path inside"},
		{"twice", []File{{"a.html", nil}, {"a.html", nil}}, "two files"},
	} {
		err := Write(out, tc.files)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: Write = %v, want …%s…", tc.name, err, tc.want)
		}
		if err := Equal(out, good); err != nil {
			t.Errorf("%s: the refused write changed the output: %v", tc.name, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "evil.html")); err == nil {
		t.Error("a file was written outside the output folder")
	}
	src := t.TempDir()
	os.Mkdir(filepath.Join(src, "content"), 0o755)
	if err := Write(src, good); err == nil || !strings.Contains(err.Error(), "holds content") {
		t.Errorf("Write into a dossier's own folder = %v; want a refusal", err)
	}
}

func TestWriteRemovesStale(t *testing.T) {
	dir := t.TempDir()
	// What a killed build leaves: its temporary folder, marked as its own.
	w, err := NewWriter(filepath.Join(dir, "public"))
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write("a/b.html", []byte("half")); err != nil {
		t.Fatal(err)
	}
	w.close()
	stale := w.tmp
	// A user's folders named like it, but not marked.
	user := []string{filepath.Join(dir, ".public.old-backup", "notes.txt"), filepath.Join(dir, ".public.new-1", "x")}
	for _, f := range user {
		os.MkdirAll(filepath.Dir(f), 0o755)
		os.WriteFile(f, []byte("mine"), 0o644)
	}
	if err := Write(filepath.Join(dir, "public"), []File{{"index.html", nil}}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("a killed build's folder was not removed")
	}
	for _, f := range user {
		if data, err := os.ReadFile(f); string(data) != "mine" {
			t.Errorf("%s: %q, %v; a user's file beside the output was touched", f, data, err)
		}
	}
}

func TestMinify(t *testing.T) {
	files := []File{
		{"a.html", []byte("<!DOCTYPE html>\n<html lang=\"de\">\n<head><title> T </title></head>\n<body>\n  <p>  x  </p>\n</body>\n</html>\n")},
		{"s.css", []byte("a {  color : red ; }\n")},
		{"d.txt", []byte("  kept  ")},
	}
	if err := Minify(files); err != nil {
		t.Fatal(err)
	}
	if got := string(files[0].Data); !strings.Contains(got, `<html lang="de">`) || strings.Contains(got, "\n  ") {
		t.Errorf("HTML = %q", got)
	}
	if got := string(files[1].Data); got != "a{color:red}" {
		t.Errorf("CSS = %q", got)
	}
	if got := string(files[2].Data); got != "  kept  " {
		t.Errorf("text changed: %q", got)
	}
}

func TestWriteRefusesForeignFolder(t *testing.T) {
	out := t.TempDir()
	os.WriteFile(filepath.Join(out, "thesis.docx"), []byte("years of work"), 0o644)
	if err := Write(out, []File{{"index.html", nil}}); err == nil || !strings.Contains(err.Error(), "thesis.docx: not written by dossier") {
		t.Errorf("Write into a folder of other files = %v; want a refusal", err)
	}
	if data, _ := os.ReadFile(filepath.Join(out, "thesis.docx")); string(data) != "years of work" {
		t.Error("the folder's files were touched")
	}
}

func TestWriterAbortKeepsOldSite(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	old := []File{{"index.html", []byte("old")}, {"a/b.html", []byte("old b")}}
	if err := Write(out, old); err != nil {
		t.Fatal(err)
	}
	w, err := NewWriter(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write("index.html", []byte("new")); err != nil {
		t.Fatal(err)
	}
	if err := w.Write("index.html", []byte("again")); err == nil || !strings.Contains(err.Error(), "two files") {
		t.Errorf("writing a path twice = %v; want an error", err)
	}
	if n, size := w.Files(); n != 1 || size != 3 {
		t.Errorf("Files() = %d, %d; want 1 file of 3 bytes", n, size)
	}
	if err := Equal(out, old); err != nil {
		t.Errorf("the old site changed before the commit: %v", err)
	}
	w.Abort()
	if err := Equal(out, old); err != nil {
		t.Errorf("after Abort: %v", err)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".public.*")); len(left) > 0 {
		t.Errorf("Abort left %v", left)
	}
}
