package dossier

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"dossier/internal/content"
)

// resolveFiles resolves a dossier made of files and returns every problem as printed.
func resolveFiles(t *testing.T, files map[string]string, strict bool) []string {
	t.Helper()
	fsys := fstest.MapFS{"content/dossier.md": {Data: []byte("---\ntitle: T\n---\n")}}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	c, errs := content.Load(fsys, content.Config{})
	_, more := Resolve(c, fsys, Config{Strict: strict, NoNameWarnings: true})
	errs.Append(more)
	var out []string
	for _, p := range errs.Sort() {
		out = append(out, p.String())
	}
	return out
}

const goodSeed = "Überschrift\n\nEin Absatz, der den Artikel ausmacht und mit einem Punkt endet.\n"

func digest(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// TestSeedGuards: each guard of the seeds and the article files reports its problem at
// the right place, as a warning, or an error where the seed is not the imported text
// or the check is strict.
func TestSeedGuards(t *testing.T) {
	article := func(extra string) string { return "---\nseed: a.txt\ntitle: A\n" + extra + "---\n" }
	for _, tc := range []struct {
		name   string
		files  map[string]string
		strict bool
		want   string // a regular expression one problem must match
	}{
		{"digest matches", map[string]string{"seeds/a.txt": goodSeed, "content/articles/a.md": article("sha256: " + digest(goodSeed) + "\n")}, false, ""},
		{"seed edited", map[string]string{"seeds/a.txt": goodSeed + "Ein Satz mehr.\n", "content/articles/a.md": article("sha256: " + digest(goodSeed) + "\n")},
			false, `^content/articles/a\.md:4:9: seeds/a\.txt is not the text that was imported: .*restore it \(git checkout seeds/a\.txt\).*dossier import -update`},
		{"bad digest", map[string]string{"seeds/a.txt": goodSeed, "content/articles/a.md": article("sha256: abc\n")},
			false, `^content/articles/a\.md:4:9: sha256 "abc" is not a SHA-256 digest`},
		{"seed without article", map[string]string{"seeds/a.txt": goodSeed, "seeds/b.txt": goodSeed, "content/articles/a.md": article("")},
			false, `^seeds/b\.txt: warning: no article describes this seed.*content/articles/b\.md with .seed: b\.txt.`},
		{"kept copy and raw page are no seeds", map[string]string{"seeds/a.txt": goodSeed, "seeds/a@2024-01-01.txt": goodSeed, "seeds/raw/a.html": "<html></html>", "content/articles/a.md": article("")},
			false, ""},
		{"saved page in seeds", map[string]string{"seeds/a.txt": goodSeed, "seeds/seite.html": "<html></html>", "content/articles/a.md": article("")},
			true, `^seeds/seite\.html: a saved web page in seeds/ is no seed; import it with .dossier import seeds/seite\.html.`},
		{"html in a seed", map[string]string{"seeds/a.txt": goodSeed + "\n<p class=\"x\">Text</p>\n", "content/articles/a.md": article("")},
			false, `^seeds/a\.txt:5:1: warning: the seed looks like HTML \("<p class=\\"x\\">"\)`},
		{"entity in a seed", map[string]string{"seeds/a.txt": goodSeed + "\nA&nbsp;B\n", "content/articles/a.md": article("")},
			false, `^seeds/a\.txt:5:2: warning: the seed looks like HTML \("&nbsp;"\)`},
		{"mojibake", map[string]string{"seeds/a.txt": goodSeed + "\nDer Ã¤rger mit â€žAnführungszeichen\n", "content/articles/a.md": article("")},
			false, `^seeds/a\.txt:5:5: warning: the seed looks garbled \("Ã¤"`},
		{"mojibake is an error under strict", map[string]string{"seeds/a.txt": goodSeed + "\nâ€žZitatâ€œ\n", "content/articles/a.md": article("")},
			true, `^seeds/a\.txt:5:1: the seed looks garbled`},
		{"control character", map[string]string{"seeds/a.txt": goodSeed + "\nEin \x1b[1mfetter\x1b[0m Satz.\n", "content/articles/a.md": article("")},
			false, `^seeds/a\.txt:5:5: warning: the seed holds the control character U\+001B`},
		{"latin-1 read windows-1252", map[string]string{"seeds/a.txt": goodSeed + "\nEr sagte \u0084Nein\u0093.\n", "content/articles/a.md": article("")},
			false, `^seeds/a\.txt:5:10: warning: the seed holds the control character U\+0084, left when windows-1252 text is read as Latin-1`},
		{"placeholder title", map[string]string{"seeds/a.txt": goodSeed, "content/articles/a.md": "---\nseed: a.txt\ntitle: \"TODO\"\n---\n"},
			false, `^content/articles/a\.md:1:1: warning: title "TODO" is a placeholder`},
		{"placeholder author", map[string]string{"seeds/a.txt": goodSeed, "content/articles/a.md": article("author: \"<Autor>\"\n")},
			true, `^content/articles/a\.md:1:1: author "<Autor>" is a placeholder`},
		{"placeholder body", map[string]string{"seeds/a.txt": goodSeed, "content/articles/a.md": article("") + "Einleitung der Redaktion.\n"},
			false, `^content/articles/a\.md:5:1: warning: the introduction is still the template's`},
		{"needs review", map[string]string{"seeds/a.txt": goodSeed, "content/articles/a.md": article("needs-review:\n  - \"author: taken from the byline\"\n  - \"body: write it\"\n")},
			false, `^content/articles/a\.md:5:5: warning: needs review: author, body; check each`},
		{"duplicate events", map[string]string{"seeds/a.txt": goodSeed, "content/articles/a.md": article(""),
			"content/events/gipfel.md":  "---\ndate: 2023-09-13\ntitle: Gipfel in Wostotschny\nsources:\n  - article: a\n    quote: \"Ein Absatz\"\n---\n",
			"content/events/gipfel2.md": "---\ndate: 2023-09-13\ntitle: \"Gipfel auf dem Weltraumbahnhof Wostotschny\"\nsources:\n  - article: a\n    quote: \"Ein Absatz\"\n---\n"},
			false, `^content/events/gipfel2\.md:1:1: warning: likely the same event as content/events/gipfel\.md \(2023-09-13, "Gipfel in Wostotschny"`},
		{"same title, other day", map[string]string{"seeds/a.txt": goodSeed, "content/articles/a.md": article(""),
			"content/events/gipfel.md":  "---\ndate: 2023-09-13\ntitle: Gipfel in Wostotschny\nsources:\n  - article: a\n    quote: \"Ein Absatz\"\n---\n",
			"content/events/gipfel2.md": "---\ndate: 2023-09\ntitle: Gipfel in Wostotschny\nsources:\n  - article: a\n    quote: \"Ein Absatz\"\n---\n"},
			false, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := resolveFiles(t, tc.files, tc.strict)
			if tc.want == "" {
				if len(got) > 0 {
					t.Errorf("problems %q, want none", got)
				}
				return
			}
			re := regexp.MustCompile(tc.want)
			for _, p := range got {
				if re.MatchString(p) {
					return
				}
			}
			t.Errorf("no problem matches %s; got:\n%s", tc.want, strings.Join(got, "\n"))
		})
	}
}
