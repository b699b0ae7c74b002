package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"dossier/internal/seed"
)

// FuzzExtract reads any bytes as a saved page or a text file. Invariants: no panic; an
// article found is a valid seed of UTF-8 text without control characters or carriage
// returns, a block per line with blank lines between for a page, and every field of
// its metadata a single line.
func FuzzExtract(f *testing.F) {
	for _, name := range []string{"cms-jsonld.html", "xhtml-1252.html", "wire-en.html", "text-1252-crlf.txt"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, name)
	}
	seeds, _ := filepath.Glob("../../seeds/*.txt")
	for _, s := range seeds {
		data, _ := os.ReadFile(s)
		f.Add(data, filepath.Base(s))
	}
	f.Add([]byte("<html><body><h1>T</h1><table><tr><td><p>"+strings.Repeat("Wort ", 60)+"</p></td></tr></table></body></html>"), "t.html")
	f.Add([]byte("\xff\xfeT\x00e\x00x\x00t\x00"), "utf16.txt")
	f.Fuzz(func(t *testing.T, data []byte, name string) {
		if strings.ContainsAny(name, "/\\") {
			return
		}
		a, kind, err := extract(&source{name: name, data: data})
		if err != nil {
			if err.Error() == "" {
				t.Error("an empty error")
			}
			return
		}
		text := seedText(a, kind == "text")
		if !utf8.ValidString(text) {
			t.Fatalf("the seed is not UTF-8: %q", text)
		}
		for _, r := range text {
			if r < 0x20 && r != '\n' || r == 0x7F || 0x80 <= r && r <= 0x9F {
				t.Fatalf("the seed holds the control character %U: %q", r, text)
			}
		}
		if _, err := seed.ParseString("s.txt", text); err != nil {
			t.Fatalf("the seed does not parse: %v", err)
		}
		if kind == "html" && strings.Contains(text, "\n\n\n") {
			t.Errorf("the seed has an empty block: %q", text)
		}
		for _, v := range []Value{a.Meta.Title, a.Meta.Kicker, a.Meta.Author, a.Meta.Publisher, a.Meta.Published, a.Meta.URL, a.Meta.Language} {
			if strings.ContainsAny(v.Text, "\n\r") {
				t.Errorf("metadata %q spans lines", v.Text)
			}
		}
	})
}
