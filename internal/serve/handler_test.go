package serve

import (
	"path/filepath"
	"testing"

	"github.com/fsnotify/fsnotify"
)

func TestSitePath(t *testing.T) {
	for _, tc := range []struct{ url, want string }{
		{"/", "index.html"},
		{"", "index.html"},
		{"/articles/", "articles/index.html"},
		{"/articles/fr.html", "articles/fr.html"},
		{"/../../etc/passwd", "etc/passwd"},
		{"/static/../index.html", "index.html"},
	} {
		if got := sitePath(tc.url); got != tc.want {
			t.Errorf("sitePath(%q) = %q, want %q", tc.url, got, tc.want)
		}
	}
}

func TestInject(t *testing.T) {
	for _, tc := range []struct{ page, want string }{
		{"<html><body><p>x</p></body></html>", `<html><body><p>x</p><script src="/_dossier/reload.js" data-version="v&#34;1"></script></body></html>`},
		{"<p>x</p></BODY>", `<p>x</p><script src="/_dossier/reload.js" data-version="v&#34;1"></script></BODY>`},
		{"<p>no body</p>", `<p>no body</p><script src="/_dossier/reload.js" data-version="v&#34;1"></script>`},
	} {
		if got := string(inject([]byte(tc.page), reloadTag(`v"1`))); got != tc.want {
			t.Errorf("inject(%q) = %q, want %q", tc.page, got, tc.want)
		}
	}
}

func TestRelevant(t *testing.T) {
	w := &watcher{root: "/d"}
	for _, tc := range []struct {
		name string
		op   fsnotify.Op
		want bool
	}{
		{"/d/content/notes/a.md", fsnotify.Write, true},
		{"/d/content/notes/a.md", fsnotify.Rename, true},
		{"/d/content/notes/a.md", fsnotify.Remove, true},
		{"/d/content/notes/a.md", fsnotify.Chmod, false},
		{"/d/seeds/000.txt", fsnotify.Create, true},
		{"/d/templates/base.html", fsnotify.Write, true},
		{"/d/static/style.css", fsnotify.Write, true},
		{"/d/templates", fsnotify.Create, true},
		{"/d/public/index.html", fsnotify.Write, false},
		{"/d/.git/index", fsnotify.Write, false},
		{"/d/content/notes/.a.md.swp", fsnotify.Write, false},
		{"/d/content/notes/a.md~", fsnotify.Create, false},
		{"/d/content/notes/4913", fsnotify.Create, false},
		{"/d/content/.hidden/a.md", fsnotify.Write, false},
		{"/d", fsnotify.Write, false},
	} {
		ev := fsnotify.Event{Name: filepath.FromSlash(tc.name), Op: tc.op}
		if got := w.relevant(ev); got != tc.want {
			t.Errorf("relevant(%v) = %v, want %v", ev, got, tc.want)
		}
	}
}
