package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/tools/txtar"
)

// server serves the fixtures and some misbehaving addresses on 127.0.0.1.
type server struct {
	*httptest.Server
	mu     sync.Mutex
	agents []string
	pages  map[string]string // path → body, served as text/html
}

func newServer(t *testing.T) *server {
	t.Helper()
	s := &server{pages: map[string]string{}}
	for _, f := range []string{"cms-jsonld.html", "wire-en.html"} {
		data, err := os.ReadFile(filepath.Join("testdata", f))
		if err != nil {
			t.Fatal(err)
		}
		s.pages["/"+f] = string(data)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.agents = append(s.agents, r.UserAgent())
		body, ok := s.pages[r.URL.Path]
		s.mu.Unlock()
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, body)
	})
	mux.HandleFunc("/weiter", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/wire-en.html", http.StatusFound)
	})
	mux.HandleFunc("/kreis/", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscanf(r.URL.Path, "/kreis/%d", &n)
		http.Redirect(w, r, fmt.Sprintf("/kreis/%d", n+1), http.StatusFound)
	})
	mux.HandleFunc("/nach-ftp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://127.0.0.1/x", http.StatusFound)
	})
	mux.HandleFunc("/langsam", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	mux.HandleFunc("/gross", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		chunk := strings.Repeat("<p>Absatz um Absatz, bis die Seite zu groß ist.</p>\n", 1000)
		for n := 0; n <= MaxSource; n += len(chunk) {
			if _, err := fmt.Fprint(w, chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/dokument.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		fmt.Fprint(w, "%PDF-1.7\n")
	})
	mux.HandleFunc("/text", func(w http.ResponseWriter, r *http.Request) {
		data, _ := os.ReadFile(filepath.Join("testdata", "text-1252-crlf.txt"))
		w.Header().Set("Content-Type", "text/plain; charset=windows-1252")
		w.Write(data)
	})
	s.Server = httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

func (s *server) set(path, body string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pages[path] = body
}

// TestImportURL imports pages from a local server: the seed is that of the saved page,
// the raw answer is kept in seeds/raw/, and the server sees the tool's User-Agent.
func TestImportURL(t *testing.T) {
	s := newServer(t)
	dir := mustDossier(t)
	cfg := Config{Root: dir, Now: func() time.Time { return now }}
	rep, err := Import(context.Background(), cfg, s.URL+"/weiter") // redirected to wire-en.html
	if err != nil {
		t.Fatal(err)
	}
	got := files(t, dir)
	ar := mustGolden(t, "wire-en.golden.txtar")
	seedName := "seeds/world-news-wire-2024-02-08.txt"
	if got[seedName] != string(ar[seedName]) {
		t.Errorf("the seed from the address differs from that of the saved page:\n%s", diffLines(got[seedName], string(ar[seedName])))
	}
	if raw := got["seeds/raw/world-news-wire-2024-02-08.html"]; raw != s.pages["/wire-en.html"] {
		t.Errorf("seeds/raw/ does not hold the server's answer (%d bytes)", len(raw))
	}
	art := got[rep.Article]
	for _, want := range []string{`url: "https://www.worldnewswire.example/business/shipping-insurers-premiums-2024-02-08/"`, "retrieved: 2026-12-07T09:30:00Z"} {
		if !strings.Contains(art, want+"\n") {
			t.Errorf("the article file lacks %q:\n%s", want, art)
		}
	}
	for _, a := range s.agents {
		if a != UserAgent {
			t.Errorf("the server saw User-Agent %q, want %q", a, UserAgent)
		}
	}
	mustLoad(t, dir)

	// A page without a canonical address gets the one it was downloaded from.
	s.set("/ohne-canonical", strings.Replace(s.pages["/cms-jsonld.html"], `<link rel="canonical" href="https://www.rheinische-tagespost.example/lokales/stadtrat-radweg-ufer-12345.html">`, "", 1))
	s.set("/ohne-canonical", strings.Replace(s.pages["/ohne-canonical"], `<meta property="og:url" content="https://www.rheinische-tagespost.example/lokales/stadtrat-radweg-ufer-12345.html?utm_source=og">`, "", 1))
	rep, err = Import(context.Background(), cfg, s.URL+"/ohne-canonical")
	if err != nil {
		t.Fatal(err)
	}
	if art := files(t, dir)[rep.Article]; !strings.Contains(art, `url: "`+s.URL+`/ohne-canonical"`) {
		t.Errorf("the article file does not name the address it came from:\n%s", art)
	}

	// A text answer is read in the charset the server names.
	rep, err = Import(context.Background(), cfg, s.URL+"/text")
	if err != nil {
		t.Fatal(err)
	}
	if got := files(t, dir); !strings.Contains(got[rep.Seed], "„Wir dürfen den Anschluss nicht verpassen“") || got["seeds/raw/"+rep.ID+".txt"] == "" {
		t.Errorf("the text answer was not imported as windows-1252 and kept raw: %v", rep.Wrote)
	}
}

func mustGolden(t *testing.T, name string) map[string][]byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range parseTxtar(data) {
		out[f.Name] = f.Data
	}
	return out
}

// TestImportURLRefused: addresses that time out, redirect too often or away from http,
// answer too much, no page or an error, and addresses that are not http(s), are refused
// with an error naming the cause, and nothing is written.
func TestImportURLRefused(t *testing.T) {
	s := newServer(t)
	client := NewClient()
	client.Timeout = 300 * time.Millisecond
	for _, tc := range []struct{ url, want string }{
		{s.URL + "/langsam", "did not answer within 300ms"},
		{s.URL + "/kreis/0", "more than 5 redirects"},
		{s.URL + "/nach-ftp", "no http(s) address"},
		{s.URL + "/gross", "larger than the 16 MB"},
		{s.URL + "/dokument.pdf", "is application/pdf, not a web page"},
		{s.URL + "/fehlt", "answered 404 Not Found"},
		{"ftp://127.0.0.1/artikel.html", "only http and https"},
		{"file:///etc/passwd", "only http and https"},
		{"javascript:alert(1)", "only http and https"},
		{"http://", "has no host name"},
	} {
		t.Run(tc.url, func(t *testing.T) {
			if tc.url == s.URL+"/gross" {
				client.Timeout = 20 * time.Second
				defer func() { client.Timeout = 300 * time.Millisecond }()
			}
			dir := mustDossier(t)
			before := files(t, dir)
			_, err := Import(context.Background(), Config{Root: dir, Client: client, Now: func() time.Time { return now }}, tc.url)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Import(%s) = %v, want an error saying %q", tc.url, err, tc.want)
			}
			if after := files(t, dir); !equalMaps(before, after) {
				t.Errorf("a refused download wrote files")
			}
		})
	}
}

// TestReimportUpdate: a changed page at the same address is refused; with Update the old
// seed is kept as seeds/<id>@<date>.txt, the new one takes its place, and what the
// editors wrote in the article file stays.
func TestReimportUpdate(t *testing.T) {
	s := newServer(t)
	dir := mustDossier(t)
	cfg := Config{Root: dir, Now: func() time.Time { return now }}
	u := s.URL + "/cms-jsonld.html"
	rep, err := Import(context.Background(), cfg, u)
	if err != nil {
		t.Fatal(err)
	}
	oldSeed := files(t, dir)[rep.Seed]
	artPath := filepath.Join(dir, rep.Article)
	edited := strings.Replace(files(t, dir)[rep.Article], "needs-review:", "# von der Redaktion geprüft\nneeds-review:", 1) + "Einleitung der Redaktion.\n"
	if err := os.WriteFile(artPath, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	s.set("/cms-jsonld.html", strings.Replace(s.pages["/cms-jsonld.html"], "Mit 31 zu 24 Stimmen", "Mit 32 zu 23 Stimmen", 1))

	before := files(t, dir)
	_, err = Import(context.Background(), cfg, u)
	if err == nil || !strings.Contains(err.Error(), "has changed since") || !strings.Contains(err.Error(), "-update") {
		t.Fatalf("import of a changed page = %v, want a refusal naming -update", err)
	}
	if after := files(t, dir); !equalMaps(before, after) {
		t.Errorf("the refused import wrote files")
	}

	cfg.Update = true
	cfg.Now = func() time.Time { return now.Add(48 * time.Hour) }
	rep, err = Import(context.Background(), cfg, u)
	if err != nil {
		t.Fatal(err)
	}
	got := files(t, dir)
	keep := "seeds/rheinische-tagespost-2024-03-05@2026-12-07.txt"
	if rep.Updated != keep || got[keep] != oldSeed {
		t.Errorf("Updated = %q; the old seed is not kept there (files: %v)", rep.Updated, rep.Wrote)
	}
	if !strings.Contains(got[rep.Seed], "Mit 32 zu 23 Stimmen") {
		t.Errorf("the new seed lacks the changed text")
	}
	art := got[rep.Article]
	for _, want := range []string{"# von der Redaktion geprüft\n", "Einleitung der Redaktion.\n", "retrieved: 2026-12-09T09:30:00Z\n", "sha256: " + sha(got[rep.Seed]) + "\n"} {
		if !strings.Contains(art, want) {
			t.Errorf("the updated article file lacks %q:\n%s", want, art)
		}
	}
	mustLoad(t, dir)

	// The same text again: nothing to do, even with Update.
	again, err := Import(context.Background(), cfg, u)
	if err != nil || !again.Unchanged {
		t.Errorf("import after the update = %+v, %v; want unchanged", again, err)
	}
}

func sha(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

func parseTxtar(data []byte) []txtar.File { return txtar.Parse(data).Files }
