package render

import (
	"dossier/internal/locale"

	"strings"
	"testing"
	"testing/fstest"

	"dossier/internal/content"
	"dossier/internal/dossier"
)

func TestPlain(t *testing.T) {
	for _, s := range []string{
		"", " ", "Wort", " Wort ", "zwei  Wörter", "Absatz eins.\nAbsatz zwei.\n",
		"\t\n Tab und\u00a0geschütztes\u2003Leerzeichen \u2028", "ein\r\nZeilenende",
	} {
		want := strings.Join(strings.Fields(s), " ")
		if got := plain(s); got != want {
			t.Errorf("plain(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestSearchDocsSpellings: a line that names an actor is searched under the actor's name
// and its spellings in the other languages, so "Shoigu" finds "Schoigu" and back.
func TestSearchDocsSpellings(t *testing.T) {
	fsys := fstest.MapFS{
		"seeds/de.txt":                     {Data: []byte("Titel\n\nSchoigu reiste nach Pjöngjang.\n")},
		"seeds/en.txt":                     {Data: []byte("Title\n\nSergei Shoigu traveled to Pyongyang.\n")},
		"content/dossier.md":               {Data: []byte("---\ntitle: T\n---\n")},
		"content/articles/de.md":           {Data: []byte("---\nseed: de.txt\ntitle: DE\n---\n")},
		"content/articles/en.md":           {Data: []byte("---\nseed: en.txt\ntitle: EN\nlanguage: en\n---\n")},
		"content/actors/sergei-schoigu.md": {Data: []byte("---\nname: Sergei Schoigu\nkind: person\naliases: [Schoigu]\n---\n")},
	}
	c, errs := content.Load(fsys, content.Config{})
	d, more := dossier.Resolve(c, fsys, dossier.Config{NoNameWarnings: true})
	errs.Append(more)
	if err := errs.Err(); err != nil {
		t.Fatal(err)
	}
	r := &Renderer{d: d, loc: locale.German, l: locale.German.Labels}
	found := map[string]string{}
	for _, doc := range r.searchDocs() {
		if doc.Kind == "article" && doc.N == 3 {
			found[doc.Title[:2]] = doc.Keywords
		}
	}
	for art, want := range map[string]string{"DE": "Sergei Shoigu", "EN": "Sergei Schoigu"} {
		if !strings.Contains(found[art], want) {
			t.Errorf("the line of %s is searched under %q, without %q", art, found[art], want)
		}
	}
}
