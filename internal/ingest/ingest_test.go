package ingest

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"dossier/internal/content"
	idossier "dossier/internal/dossier"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// now is the moment every test import happens; a file's modification time is set to
// saved.
var (
	now   = time.Date(2026, 12, 7, 9, 30, 0, 0, time.UTC)
	saved = time.Date(2026, 12, 6, 18, 0, 0, 0, time.UTC)
)

// mustDossier returns a new, empty dossier folder.
func mustDossier(tb testing.TB) string {
	tb.Helper()
	dir := tb.TempDir()
	for _, d := range []string{"seeds", "content/articles"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			tb.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "content/dossier.md"), []byte("---\ntitle: Test\n---\n"), 0o644); err != nil {
		tb.Fatal(err)
	}
	return dir
}

// mustCopy copies the fixture name into dir, saved at the time saved.
func mustCopy(tb testing.TB, name, dir string) string {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		tb.Fatal(err)
	}
	if err := os.Chtimes(p, saved, saved); err != nil {
		tb.Fatal(err)
	}
	return p
}

// files returns every file under dir with its contents.
func files(tb testing.TB, dir string) map[string]string {
	tb.Helper()
	out := map[string]string{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(dir, p)
			out[filepath.ToSlash(rel)] = string(data)
		}
		return nil
	})
	return out
}

// mustLoad checks that the dossier at dir builds its model without errors.
func mustLoad(tb testing.TB, dir string) *idossier.Dossier {
	tb.Helper()
	root, err := os.OpenRoot(dir)
	if err != nil {
		tb.Fatal(err)
	}
	defer root.Close()
	c, errs := content.Load(root.FS(), content.Config{})
	d, more := idossier.Resolve(c, root.FS(), idossier.Config{NoNameWarnings: true})
	for _, p := range append(errs, more...) {
		if p.Severity == 0 {
			tb.Errorf("the imported dossier has an error: %s", p)
		}
	}
	return d
}

// diffLines reports the first lines where got and want differ, numbered as in the seed.
func diffLines(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	var b strings.Builder
	for i := 0; i < max(len(g), len(w)); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			fmt.Fprintf(&b, "line %d:\n  got  %q\n  want %q\n", i+1, gl, wl)
			if b.Len() > 2000 {
				break
			}
		}
	}
	return b.String()
}

// fixtures are the saved pages and texts of testdata/, each with text that is the page's
// furniture and must not be in the seed, and what must be.
var fixtures = []struct {
	file, id string
	absent   []string // furniture
	present  []string
}{
	{
		file: "cms-jsonld.html", id: "rheinische-tagespost-2024-03-05",
		absent: []string{"Cookies", "Zum Hauptinhalt", "Hauptnavigation", "Politik", "Anzeige", "Lesen Sie auch", "Parkhaus",
			"Newsletter", "Postfach", "Foto:", "Grafik:", "Radfahrer am Rheinufer:", "Von Miriam Adler", "Lesezeit", "Teilen",
			"ist Redakteurin", "Radverkehr", "interessieren", "Leihräder", "Kommentare", "radler77", "Steuerzahler", "Impressum", "©", "<", "&"},
		present: []string{"Verkehrswende in der Altstadt\n\nStadtrat beschließt Radweg am Ufer: Bau beginnt im Frühjahr\n\nNach zwei Jahren Streit"},
	},
	{
		file: "xhtml-1252.html", id: "stadtanzeiger-online-2009-03-14",
		absent:  []string{"Politik", "Archiv", "Anzeige", "Hier klicken", "18:05", "Von Peter Kranz", "Stillstand im Dock", "Foto:", "drucken", "Meistgelesen", "Trainer", "Impressum", "&auml;", "&bdquo;", "Ã", "\u0084", "\u0093"},
		present: []string{"Schiffbau\n\nWerft in Not", "„So etwas habe ich in 30 Jahren nicht erlebt“", "„nicht gesichert“", "Ende März erwartet – zu spät", "Region & Vertreter"},
	},
	{
		file: "wire-en.html", id: "world-news-wire-2024-02-08",
		absent:  []string{"Sign In", "free articles", "Business\n", "By Daniel", "Published :", "Updated 2 hours", "Related Coverage", "Container rates", "Photo:", "container ship waits", "Trust Principles", "Most Read", "delayed", "©"},
		present: []string{"SINGAPORE, Feb 8 (World News Wire) - Marine insurers", "\n\nCosts passed on\n\n", "Reporting by Daniel Okafor in Singapore and Mei Tanaka in Tokyo; Editing by Susan Clark\n"},
	},
	{
		file: "broadcaster.html", id: "nachrichten-example-2024-11-13",
		absent:  []string{"Inland", "Stand:", "Hintergrund", "Was die Schuldenbremse regelt", "Mehr zum Thema", "Steuerschätzung", "Video:", "Mit Informationen von", "Teilen", "Meistgelesen", "Sturm im Norden", "Impressum"},
		present: []string{"Haushaltsdebatte\n\nStreit um die Schuldenbremse\n\nIm Bundestag haben", "\n\nOpposition: \"Haushalt auf Kante genäht\"\n\n", "\n\nBildung: 22 Milliarden Euro\n\nVerkehr: 38 Milliarden Euro\n\n", "Eine Mehrheit gilt als sicher.\n"},
	},
	{
		file: "text-1252-crlf.txt", id: "kandidaten-streiten-ueber-den-2026-12-06",
		absent:  []string{"\r", "\u0084", "\u0093", "\u0096"},
		present: []string{"Wahlkampf im Norden\nKandidaten streiten über den Hafenausbau\n\nVon Sabine Roth\n", "„Wir dürfen den Anschluss nicht verpassen“", "80 Millionen Euro – und"},
	},
}

// TestImportFixtures imports each saved page and text of testdata/ and compares the seed
// and the article file with the golden ones, line by line; the imported dossier must
// load without errors, and a second import must change nothing.
func TestImportFixtures(t *testing.T) {
	for _, fx := range fixtures {
		t.Run(fx.file, func(t *testing.T) {
			dir := mustDossier(t)
			src := mustCopy(t, fx.file, t.TempDir())
			rep, err := Import(context.Background(), Config{Root: dir, Now: func() time.Time { return now }}, src)
			if err != nil {
				t.Fatalf("Import: %v", err)
			}
			if rep.ID != fx.id {
				t.Errorf("id = %q, want %q", rep.ID, fx.id)
			}
			got := files(t, dir)
			seedText, article := got["seeds/"+fx.id+".txt"], got["content/articles/"+fx.id+".md"]
			for _, s := range fx.absent {
				if strings.Contains(seedText, s) {
					t.Errorf("the seed holds the page's furniture %q", s)
				}
			}
			for _, s := range fx.present {
				if !strings.Contains(seedText, s) {
					t.Errorf("the seed lacks %q", s)
				}
			}
			golden := filepath.Join("testdata", strings.TrimSuffix(fx.file, filepath.Ext(fx.file))+".golden.txtar")
			if *update {
				ar := &txtar.Archive{
					Comment: []byte("What `dossier import testdata/" + fx.file + "` writes; go test -run ImportFixtures -update rewrites this file.\n"),
					Files:   []txtar.File{{Name: "seeds/" + fx.id + ".txt", Data: []byte(seedText)}, {Name: "content/articles/" + fx.id + ".md", Data: []byte(article)}},
				}
				if err := os.WriteFile(golden, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			ar, err := txtar.ParseFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			for _, f := range ar.Files {
				if d := diffLines(got[f.Name], string(f.Data)); d != "" {
					t.Errorf("%s differs from %s:\n%s", f.Name, golden, d)
				}
			}
			if len(got) != len(ar.Files)+1 { // and content/dossier.md
				t.Errorf("wrote %d files, want %d: %v", len(got)-1, len(ar.Files), slices.Sorted(mapKeys(got)))
			}
			mustLoad(t, dir)

			again, err := Import(context.Background(), Config{Root: dir, Now: func() time.Time { return now.Add(time.Hour) }}, src)
			if err != nil {
				t.Fatalf("second Import: %v", err)
			}
			if !again.Unchanged || again.ID != fx.id || len(again.Wrote) > 0 {
				t.Errorf("second import = %+v, want unchanged %s writing nothing", again, fx.id)
			}
			if after := files(t, dir); !equalMaps(after, got) {
				t.Errorf("the second import changed files")
			}
		})
	}
}

func equalMaps(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// TestImportBadInput: every source that holds no article is refused with an error that
// says why, and nothing is written.
func TestImportBadInput(t *testing.T) {
	big := bytes.Repeat([]byte("<p>Ein Absatz, der sich wiederholt, bis die Datei zu groß ist.</p>\n"), 50<<20/64)
	png := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), make([]byte, 400)...)
	nav := `<!doctype html><html lang="de"><head><title>Startseite | Blatt</title></head><body><nav><a href="/a">Politik</a> <a href="/b">Sport</a></nav><h1>Willkommen</h1><p>Hier finden Sie unsere Themen.</p><footer>Impressum</footer></body></html>`
	for _, tc := range []struct {
		name, file string
		data       []byte
		want       string
	}{
		{"empty", "leer.html", nil, "is empty"},
		{"blank", "leer.txt", []byte("  \n\n \r\n"), "is empty"},
		{"not html", "seite.html", []byte(`{"headline": "Kein HTML", "body": "nur JSON, das sich als Seite ausgibt"}`), "holds no HTML"},
		{"pdf", "artikel.html", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + strings.Repeat("\x00\x01\x02", 100)), "PDF"},
		{"binary", "bild.txt", png, "not a web page or text"},
		{"50 MB", "gross.html", big, "larger than"},
		{"no article", "start.html", []byte(nav), "no article text found"},
		{"short text", "kurz.txt", []byte("Titel\n\nEin Satz.\n"), "no article text found"},
		{"folder", "", nil, "is a folder"},
		{"missing", "fehlt.html", nil, "does not exist"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := mustDossier(t)
			before := files(t, dir)
			src := t.TempDir()
			if tc.file != "" {
				src = filepath.Join(src, tc.file)
				if tc.name != "missing" {
					if err := os.WriteFile(src, tc.data, 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}
			_, err := Import(context.Background(), Config{Root: dir, Now: func() time.Time { return now }}, src)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Import(%s) = %v, want an error saying %q", tc.name, err, tc.want)
			}
			if after := files(t, dir); !equalMaps(after, before) {
				t.Errorf("a failed import wrote files: %v", slices.Sorted(mapKeys(after)))
			}
		})
	}
}

// TestImportRefusesToOverwrite: an id that is taken, by a seed or an article file, is
// refused; the files there stay as they were.
func TestImportRefusesToOverwrite(t *testing.T) {
	dir := mustDossier(t)
	os.WriteFile(filepath.Join(dir, "seeds/vorhanden.txt"), []byte("Alt\n"), 0o644)
	src := mustCopy(t, "wire-en.html", t.TempDir())
	_, err := Import(context.Background(), Config{Root: dir, ID: "vorhanden", Now: func() time.Time { return now }}, src)
	if err == nil || !strings.Contains(err.Error(), "seeds/vorhanden.txt already exists") {
		t.Errorf("Import with a taken id = %v, want an error naming seeds/vorhanden.txt", err)
	}
	if got := files(t, dir)["seeds/vorhanden.txt"]; got != "Alt\n" {
		t.Errorf("the existing seed was changed to %q", got)
	}
	first, err := Import(context.Background(), Config{Root: dir, Now: func() time.Time { return now }}, mustCopy(t, "cms-jsonld.html", t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	before := files(t, dir)
	for _, update := range []bool{false, true} {
		_, err = Import(context.Background(), Config{Root: dir, ID: first.ID, Update: update, Now: func() time.Time { return now }}, src)
		if err == nil || !strings.Contains(err.Error(), "describes another source") {
			t.Errorf("Import of another page with the id %s (update %v) = %v, want a refusal", first.ID, update, err)
		}
	}
	if !equalMaps(files(t, dir), before) {
		t.Errorf("importing another page under a taken id changed files")
	}
	for _, id := range []string{"Groß", "a/b", "../x"} {
		if _, err := Import(context.Background(), Config{Root: dir, ID: id}, src); err == nil || !strings.Contains(err.Error(), "not a valid id") {
			t.Errorf("Import with -id %q = %v, want an invalid id error", id, err)
		}
	}
	if _, err := Import(context.Background(), Config{Root: dir, Language: "xx"}, src); err == nil || !strings.Contains(err.Error(), "-language") {
		t.Errorf("Import with -language xx = %v, want an error", err)
	}
}

// TestImportLanguageFlag: -language overrides what the page says.
func TestImportLanguageFlag(t *testing.T) {
	dir := mustDossier(t)
	src := mustCopy(t, "text-1252-crlf.txt", t.TempDir())
	rep, err := Import(context.Background(), Config{Root: dir, Language: "de", ID: "wahlkampf", Now: func() time.Time { return now }}, src)
	if err != nil {
		t.Fatal(err)
	}
	if art := files(t, dir)[rep.Article]; !strings.Contains(art, "\nlanguage: de\n") {
		t.Errorf("the article file has no `language: de`:\n%s", art)
	}
	d := mustLoad(t, dir)
	if a := d.Article("wahlkampf"); a == nil || a.Language != "de" || a.Kicker != "Wahlkampf im Norden" || a.SHA256.ID == "" {
		t.Errorf("the loaded article = %+v", a)
	}
}

// TestExtractUnmarkedFurniture: a page that marks nothing (no classes) still loses its
// byline, date line, photo credit and ad label, which the seed's rules know by their
// words; the byline gives the author.
func TestExtractUnmarkedFurniture(t *testing.T) {
	para := "The committee voted on Tuesday to extend the programme for another two years, a decision that surprised several members who had argued for closing it."
	page := `<!doctype html><html lang="en"><head><title>Committee extends programme - The Daily Example</title></head><body>
<div id="x"><h1>Committee extends programme</h1>
<p>By Jane Doe</p><p>Published : March 3, 2024 10:12 AM</p>
<p>` + para + `</p><p>Advertisement</p>
<p>Photo: John Smith/The Daily Example</p>
<p>"We had no choice," the chair said after the vote, adding that the money was already in the budget for next year.</p>
<p>Reporting by Jane Doe; Editing by Tom Roe</p></div></body></html>`
	a, err := extractHTML(page, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := seedText(a, false)
	want := "Committee extends programme\n\n" + para + "\n\n\"We had no choice,\" the chair said after the vote, adding that the money was already in the budget for next year.\n\nReporting by Jane Doe; Editing by Tom Roe\n"
	if got != want {
		t.Errorf("seed:\n%s", diffLines(got, want))
	}
	if a.Meta.Author.Text != "Jane Doe" || a.Meta.Author.Guess == "" {
		t.Errorf("author = %+v, want Jane Doe, guessed from the byline", a.Meta.Author)
	}
	if a.Meta.Publisher.Text != "The Daily Example" {
		t.Errorf("publisher = %+v, want The Daily Example from the <title>", a.Meta.Publisher)
	}
}
