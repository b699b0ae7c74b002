package serve

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"dossier/internal/build"
	"dossier/internal/testdossier"
)

const smallDossier = `
-- content/dossier.md --
---
title: "Test"
---
Einleitung.
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
Der erste Text der Notiz.
`

func note(quote, body string) string {
	return noteWith(quote, "wladimir-putin", body)
}

func noteWith(quote, actor, body string) string {
	return "---\narticle: fr\nquote: \"" + quote + "\"\nactors: [\"" + actor + "\"]\n---\n" + body + "\n"
}

// TestServeLive edits, breaks and fixes a note on disk and follows the served page: the
// new text appears, a broken quote shows the error page at the note's file and line, and
// the fix brings the page back, each time without anyone asking.
func TestServeLive(t *testing.T) {
	src := testdossier.Write(t, smallDossier)
	base := mustServe(t, Config{Build: build.Config{Src: src}})
	article := base + "/articles/fr.html"
	notePath := filepath.Join(src, "content/notes/treffen.md")

	first := waitFor(t, article, "the note", shows("Der erste Text der Notiz."))
	if !strings.Contains(first.body, `<script src="`+scriptPath+`" data-version="`) {
		t.Errorf("the served page has no reload script:\n%s", first.body)
	}

	testdossier.WriteFile(t, notePath, note("Unbesiegbarkeit und Dauerhaftigkeit", "Ein neuer Text der Notiz."))
	waitFor(t, article, "the edited note", shows("Ein neuer Text der Notiz."))

	// An editor's atomic save: a temporary file renamed over the note.
	tmp := filepath.Join(src, "content/notes/.treffen.md.tmp")
	testdossier.WriteFile(t, tmp, note("Unbesiegbarkeit und Dauerhaftigkeit", "Atomar gespeichert."))
	if err := os.Rename(tmp, notePath); err != nil {
		t.Fatal(err)
	}
	waitFor(t, article, "the atomically saved note", shows("Atomar gespeichert."))

	// A quote that is not in the seed, and an actor whose id must be escaped.
	testdossier.WriteFile(t, notePath, noteWith("Unbesiegbarkeit und Dauerhaftigkeit und Frieden für alle Zeiten", "<b>&x", "Kaputt."))
	broken := waitFor(t, article, "the error page", func(p page) bool { return p.status == http.StatusInternalServerError })
	for _, want := range []string{
		"Die Vorschau kann nicht neu gebaut werden",
		`content/notes/treffen.md:3:8</span>: note quote not found in article &#34;fr&#34;`,
		`content/notes/treffen.md:4:10</span>: id in &#34;actors&#34; &#34;&lt;b&gt;&amp;x&#34; is not a valid id`,
		`<script src="` + scriptPath + `"`,
		`href="?letzter-stand"`,
	} {
		if !strings.Contains(broken.body, want) {
			t.Errorf("the error page lacks %q:\n%s", want, broken.body)
		}
	}
	if strings.Contains(broken.body, "<b>") {
		t.Errorf("the error page does not escape the actor id:\n%s", broken.body)
	}
	// The last good site stays: its stylesheet, and each page on request.
	if p := get(t, base+"/static/style.css"); p.status != http.StatusOK {
		t.Errorf("stylesheet while the build fails: status %d", p.status)
	}
	if p := get(t, article+"?letzter-stand"); p.status != http.StatusOK || !strings.Contains(p.body, "Atomar gespeichert.") {
		t.Errorf("last good page: status %d, want 200 with the last good note", p.status)
	}

	testdossier.WriteFile(t, notePath, note("Unbesiegbarkeit und Dauerhaftigkeit", "Wieder in Ordnung."))
	waitFor(t, article, "the fixed note", shows("Wieder in Ordnung."))
}

// TestServeNewAndDeletedFiles adds a note in a new folder and deletes it again.
func TestServeNewAndDeletedFiles(t *testing.T) {
	src := testdossier.Write(t, smallDossier)
	base := mustServe(t, Config{Build: build.Config{Src: src}})
	article := base + "/articles/fr.html"
	waitFor(t, article, "the note", shows("Der erste Text der Notiz."))

	dir := filepath.Join(src, "content/notes/neu")
	testdossier.WriteFile(t, filepath.Join(dir, "zweite.md"), "---\narticle: fr\nquote: \"einen Beistandspakt für den Fall\"\n---\nEine zweite Notiz.\n")
	waitFor(t, article, "the note in a new folder", shows("Eine zweite Notiz."))

	// The server watches the new folder: a change in it is seen too.
	testdossier.WriteFile(t, filepath.Join(dir, "zweite.md"), "---\narticle: fr\nquote: \"einen Beistandspakt für den Fall\"\n---\nDie zweite Notiz, geändert.\n")
	waitFor(t, article, "the changed note in the new folder", shows("Die zweite Notiz, geändert."))

	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	waitFor(t, article, "the page without the deleted note", func(p page) bool {
		return p.status == http.StatusOK && !strings.Contains(p.body, "zweite Notiz")
	})
}

// TestServeOnlyInjects checks that the reload script is the server's: the built site
// does not hold it, and non-HTML files are served as built.
func TestServeOnlyInjects(t *testing.T) {
	src := testdossier.Write(t, smallDossier)
	res, err := build.Run(context.Background(), build.Config{Src: src})
	if err != nil {
		t.Fatal(err)
	}
	base := mustServe(t, Config{Build: build.Config{Src: src}})
	for _, f := range res.Files {
		if strings.Contains(string(f.Data), "/_dossier/") {
			t.Errorf("the build output %s holds the reload script", f.Path)
		}
	}
	for _, f := range res.Files {
		p := get(t, base+"/"+f.Path)
		if p.status != http.StatusOK {
			t.Errorf("GET /%s: status %d", f.Path, p.status)
			continue
		}
		if strings.HasSuffix(f.Path, ".html") != strings.Contains(p.body, scriptPath) {
			t.Errorf("GET /%s: reload script present = %v", f.Path, strings.Contains(p.body, scriptPath))
		}
		if !strings.HasSuffix(f.Path, ".html") && p.body != string(f.Data) {
			t.Errorf("GET /%s: the body differs from the built file", f.Path)
		}
	}
	for _, tc := range []struct{ path, want string }{
		{"/", "index.html"},
		{"/articles/", "articles/index.html"},
	} {
		if p := get(t, base+tc.path); p.status != http.StatusOK || !strings.Contains(p.body, "<html") {
			t.Errorf("GET %s: status %d, want the page %s", tc.path, p.status, tc.want)
		}
	}
	if p := get(t, base+"/gibt-es-nicht.html"); p.status != http.StatusNotFound || !strings.Contains(p.body, scriptPath) {
		t.Errorf("GET of a missing page: status %d, want 404 with the site's 404 page", p.status)
	}
}

// TestServeEvents checks the event stream: a client that shows an old version is told to
// reload at once, one that is up to date when the next build changes something.
func TestServeEvents(t *testing.T) {
	src := testdossier.Write(t, smallDossier)
	base := mustServe(t, Config{Build: build.Config{Src: src}})
	body := waitFor(t, base+"/", "the home page", shows("Einleitung.")).body
	m := regexp.MustCompile(`data-version="([^"]+)"`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no version in the page:\n%s", body)
	}
	version := m[1]

	select {
	case v := <-events(t, base, "alt"):
		if v != version {
			t.Errorf("reload to %q, want %q", v, version)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("a client with an old version was not told to reload")
	}

	ch := events(t, base, version)
	testdossier.WriteFile(t, filepath.Join(src, "content/dossier.md"), "---\ntitle: \"Test\"\n---\nNeue Einleitung.\n")
	select {
	case v := <-ch:
		if v == version {
			t.Errorf("reload to the version the client has")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no reload event after a change")
	}
}

// TestServeShutdown ends the server while a page listens for events: Run returns at once.
func TestServeShutdown(t *testing.T) {
	src := testdossier.Write(t, smallDossier)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ln := mustListen(t)
	done := make(chan error, 1)
	go func() { done <- New(Config{Build: build.Config{Src: src}}).Run(ctx, ln) }()
	base := "http://" + ln.Addr().String()
	waitFor(t, base+"/", "the home page", shows("Einleitung."))
	events(t, base, "")
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run after shutdown = %v, want nil", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not return within 5s of the shutdown")
	}
}
