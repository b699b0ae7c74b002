package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

func runDossier(args ...string) (status int, stdout, stderr string) {
	var o, e bytes.Buffer
	status = run(context.Background(), args, &o, &e)
	return status, o.String(), e.String()
}

// TestImportWorkflow goes the editor's way: import a saved page, annotate it, check and
// build; import the same page from its address; import a changed version, which is
// refused, then taken with -update, which names the note that no longer anchors and
// keeps the old text. The raw download never reaches the site.
func TestImportWorkflow(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "content/dossier.md"), "---\ntitle: T\n---\n")
	os.MkdirAll(filepath.Join(dir, "seeds"), 0o755)
	page := mustRead(t, filepath.Join(repoRoot, "internal/ingest/testdata/cms-jsonld.html"))
	saved := filepath.Join(t.TempDir(), "radweg.html")
	writeFile(t, saved, page)

	status, stdout, stderr := runDossier("import", "-src", dir, saved)
	if status != 0 {
		t.Fatalf("import = %d:\n%s%s", status, stdout, stderr)
	}
	const id = "rheinische-tagespost-2024-03-05"
	for _, want := range []string{"imported as " + id, "wrote seeds/" + id + ".txt", "wrote content/articles/" + id + ".md", "next: review"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("import printed no %q:\n%s", want, stdout)
		}
	}
	writeFile(t, filepath.Join(dir, "content/notes/stimmen.md"), "---\narticle: "+id+"\nquote: \"Mit 31 zu 24 Stimmen hat der Stadtrat\"\n---\nDas Ergebnis der Abstimmung.\n")
	if status, _, stderr := runDossier("check", "-src", dir); status != 0 || !strings.Contains(stderr, "warning: needs review: body") {
		t.Errorf("check after the import = %d, want 0 and the needs-review warning:\n%s", status, stderr)
	}

	var mu sync.Mutex
	body := page
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, body)
	}))
	defer srv.Close()

	// The same page from its address: it names the same canonical address, and the text
	// is the same.
	status, stdout, stderr = runDossier("import", "-src", dir, srv.URL+"/lokales/radweg")
	if status != 0 || !strings.Contains(stdout, "already imported as "+id) || !strings.Contains(stdout, "nothing written") {
		t.Errorf("import of the same page from its address = %d:\n%s%s", status, stdout, stderr)
	}

	mu.Lock()
	body = strings.Replace(page, "Mit 31 zu 24 Stimmen", "Mit 32 zu 23 Stimmen", 1)
	mu.Unlock()
	before := files(t, dir)
	status, _, stderr = runDossier("import", "-src", dir, srv.URL+"/lokales/radweg")
	if status != 1 || !strings.Contains(stderr, "has changed since") || !strings.Contains(stderr, "-update") {
		t.Errorf("import of the changed page = %d, want 1 and a refusal naming -update:\n%s", status, stderr)
	}
	if after := files(t, dir); len(after) != len(before) {
		t.Errorf("the refused import wrote files")
	}

	status, stdout, stderr = runDossier("import", "-src", dir, "-update", srv.URL+"/lokales/radweg")
	if status != 0 {
		t.Fatalf("import -update = %d:\n%s%s", status, stdout, stderr)
	}
	for _, want := range []string{"updated seeds/" + id + ".txt; the old text is kept as seeds/" + id + "@",
		"content/notes/stimmen.md:3:8: warning: note quote matches only approximately (95 %) on line 7"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("import -update printed no %q:\n%s", want, stdout)
		}
	}
	got := files(t, dir)
	if got["content/notes/stimmen.md"] != before["content/notes/stimmen.md"] {
		t.Errorf("the update changed the note")
	}
	if raw := got["seeds/raw/"+id+".html"]; !strings.Contains(raw, "Mit 32 zu 23 Stimmen") {
		t.Errorf("seeds/raw/%s.html does not hold the new download", id)
	}

	// Mend the note; then the site builds, without the raw download in it.
	writeFile(t, filepath.Join(dir, "content/notes/stimmen.md"), "---\narticle: "+id+"\nquote: \"Mit 32 zu 23 Stimmen hat der Stadtrat\"\n---\nDas Ergebnis der Abstimmung.\n")
	out := filepath.Join(t.TempDir(), "public")
	if status, _, stderr := runDossier("build", "-src", dir, "-out", out); status != 0 {
		t.Fatalf("build = %d:\n%s", status, stderr)
	}
	site := files(t, out)
	if _, ok := site["articles/"+id+".html"]; !ok {
		t.Errorf("the site has no page for the imported article")
	}
	for name, data := range site {
		if strings.Contains(name, "raw") || strings.Contains(data, "cmp-banner") || strings.Contains(data, "Alle akzeptieren") {
			t.Errorf("the site holds the raw download or its furniture: %s", name)
		}
	}
}

// TestImportUsage: no source, -id for several, and a bad source are errors with exit
// status 2 or 1 and a message saying why.
func TestImportUsage(t *testing.T) {
	dir := t.TempDir()
	smallDossier(t, dir)
	for _, tc := range []struct {
		args   []string
		status int
		stderr string
	}{
		{[]string{"import", "-src", dir}, 2, "usage: dossier import"},
		{[]string{"import", "-src", dir, "-id", "x", "a.html", "b.html"}, 2, "-id names one article"},
		{[]string{"import", "-src", dir, "ftp://example.org/a"}, 1, "only http and https"},
		{[]string{"import", "-src", filepath.Join(dir, "nirgends"), "a.html"}, 1, "holds no content/ folder"},
	} {
		status, _, stderr := runDossier(tc.args...)
		if status != tc.status || !strings.Contains(stderr, tc.stderr) {
			t.Errorf("run(%q) = %d, %q; want %d, …%s…", tc.args, status, stderr, tc.status, tc.stderr)
		}
	}
}
