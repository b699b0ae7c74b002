package e2e

import (
	"context"
	"dossier/internal/browsertest"
	"errors"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"dossier/internal/build"
)

// mustSite builds the shipped dossier once per test binary.
var site struct {
	once sync.Once
	dir  string
	err  error
}

func mustSite(tb testing.TB) string {
	tb.Helper()
	site.once.Do(func() {
		dir, err := os.MkdirTemp("", "dossier-e2e-")
		if err != nil {
			site.err = err
			return
		}
		site.dir = filepath.Join(dir, "public")
		_, site.err = build.Run(context.Background(), build.Config{Src: "../..", Out: site.dir, Minify: true})
	})
	if site.err != nil {
		tb.Fatal(site.err)
	}
	return site.dir
}

func TestMain(m *testing.M) {
	code := m.Run()
	if site.dir != "" {
		os.RemoveAll(filepath.Dir(site.dir))
	}
	os.Exit(code)
}

// mustServe serves dir under prefix on 127.0.0.1 until the test ends and returns the
// URL of the site's root.
func mustServe(tb testing.TB, dir, prefix string) string {
	tb.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle(prefix, http.StripPrefix(strings.TrimSuffix(prefix, "/"), http.FileServer(http.Dir(dir))))
	srv := &http.Server{Handler: mux}
	go srv.Serve(ln)
	tb.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String() + prefix
}

// mustBrowser starts a headless Chromium for the test. Without a browser the test fails
// in CI and is skipped elsewhere.
func mustBrowser(tb testing.TB, opts ...chromedp.ExecAllocatorOption) context.Context {
	tb.Helper()
	return browsertest.Start(tb, 120*time.Second, opts...)
}

// consoleErrors collects uncaught exceptions and console.error calls of a tab.
func consoleErrors(ctx context.Context) func() []string {
	var mu sync.Mutex
	var errs []string
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.IsException() || (m.Type == "error" && m.Source == "") {
				mu.Lock()
				errs = append(errs, m.String())
				mu.Unlock()
			}
		}
	}()
	return func() []string {
		time.Sleep(100 * time.Millisecond) // let the last messages arrive
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), errs...)
	}
}

// TestCrawl opens the home page, served under a sub-path and from file://, follows every
// link to a page of the site, and checks that each loads without script errors.
func TestCrawl(t *testing.T) {
	dir := mustSite(t)
	for _, start := range []string{
		mustServe(t, dir, "/deep/sub/path/") + "index.html",
		"file://" + dir + "/index.html",
	} {
		t.Run(strings.SplitN(start, ":", 2)[0], func(t *testing.T) {
			ctx := mustBrowser(t)
			errs := consoleErrors(ctx)
			base := start[:strings.LastIndex(start, "/")+1]
			seen := map[string]bool{start: true}
			queue := []string{start}
			for len(queue) > 0 {
				u := queue[0]
				queue = queue[1:]
				err := chromedp.Do(ctx, chromedp.Navigate(u))
				title, err2 := chromedp.Run(ctx, chromedp.Title())
				links, err3 := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("a[href]"), a => new URL(a.getAttribute("href"), document.baseURI).href)`))
				if err = errors.Join(err, err2, err3); err != nil {
					t.Errorf("%s: %v", u, err)
					continue
				}
				if title == "" || strings.Contains(title, "404") {
					t.Errorf("%s: title %q", u, title)
				}
				for _, l := range links {
					l, _, _ = strings.Cut(l, "#")
					if !strings.HasPrefix(l, base) || seen[l] {
						continue
					}
					seen[l] = true
					if !strings.HasSuffix(l, ".html") {
						// A download (citations, data/) or the feed: a file, not a page.
						if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(l, base)))); err != nil {
							t.Errorf("%s links to %s: %v", u, l, err)
						}
						continue
					}
					queue = append(queue, l)
				}
			}
			if len(seen) < 20 {
				t.Errorf("reached only %d pages from the home page", len(seen))
			}
			if e := errs(); len(e) > 0 {
				t.Errorf("script errors: %q", e)
			}
			t.Logf("%d pages loaded", len(seen))
		})
	}
}

// TestReadableWithoutJavaScript opens pages with and without scripts and checks that
// their main text is all there without.
func TestReadableWithoutJavaScript(t *testing.T) {
	dir := mustSite(t)
	root := mustServe(t, dir, "/dossier/")
	withJS := mustBrowser(t)
	noJS := mustBrowser(t, chromedp.Flag("blink-settings", "scriptEnabled=false"))
	mainText := func(ctx context.Context, url string) string {
		t.Helper()
		err := chromedp.Do(ctx, chromedp.Navigate(url))
		text, err2 := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main")))
		if err = errors.Join(err, err2); err != nil {
			t.Fatalf("%s: %v", url, err)
		}
		return text
	}
	for _, p := range []string{"index.html", "articles/frankfurter-rundschau-2024-06-19.html", "actors/kim-jong-un.html", "timeline/index.html", "topics/index.html"} {
		with, without := mainText(withJS, root+p), mainText(noJS, root+p)
		if len(without) < 200 || len(without)*10 < len(with)*9 {
			t.Errorf("%s shows %d characters of main text without JavaScript, %d with", p, len(without), len(with))
		}
	}
}

// TestSearch types into the search page, served and from file://, and checks that the
// right pages are found.
func TestSearch(t *testing.T) {
	dir := mustSite(t)
	for _, root := range []string{mustServe(t, dir, "/dossier/"), "file://" + dir + "/"} {
		ctx := mustBrowser(t)
		errs := consoleErrors(ctx)
		for _, tc := range []struct{ query, want string }{
			{"Schoigu", "actors/sergei-schoigu.html"},
			{"Munition", "topics/waffenlieferungen.html"},
			{"Pjongjang", "#L"}, // "Pjöngjang" in the articles' text
		} {
			if err := chromedp.Do(ctx, chromedp.Navigate(root+"search/index.html?q="+tc.query)); err != nil {
				t.Fatal(err)
			}
			var links []string
			for range 50 {
				l, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("#search-results a[href]"), a => a.getAttribute("href"))`))
				if err != nil {
					t.Fatal(err)
				}
				if links = l; len(links) > 0 {
					break
				}
				time.Sleep(100 * time.Millisecond)
			}
			found := false
			for _, l := range links {
				found = found || strings.Contains(l, tc.want)
			}
			if !found {
				t.Errorf("%s: search %q: no result links to %s among %d: %.5q", root, tc.query, tc.want, len(links), links)
			}
		}
		if e := errs(); len(e) > 0 {
			t.Errorf("%s: script errors: %q", root, e)
		}
	}
}
