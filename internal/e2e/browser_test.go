package e2e

import (
	"context"
	"errors"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"dossier/internal/build"
)

const chromiumPath = "/usr/bin/chromium"

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
	if _, err := exec.LookPath(chromiumPath); err != nil {
		if os.Getenv("CI") != "" {
			tb.Fatalf("%s not found; .ci/run installs it (apt-get install -y chromium)", chromiumPath)
		}
		tb.Skipf("%s not found", chromiumPath)
	}
	all := append([]chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.UserDataDir(tb.TempDir()),
	}, opts...)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), all...)
	tb.Cleanup(cancel)
	ctx, cancel2 := chromedp.NewContext(actx)
	tb.Cleanup(cancel2)
	// The first action starts the browser; its context must carry no deadline.
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		tb.Fatalf("start chromium: %v", err)
	}
	ctx, cancel3 := context.WithTimeout(ctx, 120*time.Second)
	tb.Cleanup(cancel3)
	return ctx
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
					if strings.HasPrefix(l, base) && !seen[l] && !strings.HasSuffix(l, ".xml") {
						seen[l] = true
						queue = append(queue, l)
					}
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

// TestSidenotes checks that a note sits beside its passage on a wide screen and below it
// on a phone.
func TestSidenotes(t *testing.T) {
	dir := mustSite(t)
	root := mustServe(t, dir, "/dossier/")
	page := root + "articles/frankfurter-rundschau-2024-06-19.html"
	for _, tc := range []struct {
		width, height int64
		beside        bool
	}{{1280, 900, true}, {390, 844, false}} {
		ctx := mustBrowser(t)
		type box struct{ TextRight, TextTop, TextBottom, NoteLeft, NoteTop float64 }
		err := chromedp.Do(ctx, chromedp.EmulateViewport(tc.width, tc.height), chromedp.Navigate(page))
		b, err2 := chromedp.Run(ctx, chromedp.Evaluate[box](`(() => {
				const line = document.querySelector(".line.has-notes");
				const t = line.querySelector(".text").getBoundingClientRect();
				const n = line.querySelector(".note").getBoundingClientRect();
				return {TextRight: t.right, TextTop: t.top, TextBottom: t.bottom, NoteLeft: n.left, NoteTop: n.top};
			})()`))
		if err = errors.Join(err, err2); err != nil {
			t.Fatalf("%d px: %v", tc.width, err)
		}
		beside := b.NoteLeft >= b.TextRight && b.NoteTop < b.TextBottom
		below := b.NoteTop >= b.TextBottom-1
		if tc.beside && !beside {
			t.Errorf("%d px: note at (%.0f, %.0f) is not beside its text (right %.0f, top %.0f)", tc.width, b.NoteLeft, b.NoteTop, b.TextRight, b.TextTop)
		}
		if !tc.beside && !below {
			t.Errorf("%d px: note top %.0f is not below its text (bottom %.0f)", tc.width, b.NoteTop, b.TextBottom)
		}
	}
}

// TestSidenotesCloseUp checks that on a wide screen a note longer than its line does not
// push the next line down, that no note overlaps another or sits above its line, and that
// the notes end before what follows the text; and that a phone keeps them in the text.
func TestSidenotesCloseUp(t *testing.T) {
	dir := mustSite(t)
	root := mustServe(t, dir, "/dossier/")
	type layout struct {
		Sidenotes bool
		Gaps      []float64 // from each line with notes to the next line
		Overlaps  []string
		Above     []string
		PastText  float64 // how far the last note reaches past the text's section
		Notes     int
	}
	const measure = `(() => {
		const r = {Sidenotes: document.documentElement.classList.contains("sidenotes"), Gaps: [], Overlaps: [], Above: [], PastText: 0, Notes: 0};
		let prev = null;
		for (const line of document.querySelectorAll(".line.has-notes")) {
			const next = line.nextElementSibling;
			if (next) r.Gaps.push(next.getBoundingClientRect().top - line.querySelector(".text").getBoundingClientRect().bottom);
			for (const n of line.querySelectorAll(".note")) {
				const b = n.getBoundingClientRect();
				r.Notes++;
				if (b.top < line.getBoundingClientRect().top - 1) r.Above.push(n.id);
				if (prev && b.top < prev.bottom - 1) r.Overlaps.push(n.id);
				prev = b;
				r.PastText = Math.max(r.PastText, b.bottom - line.closest("section.seed").getBoundingClientRect().bottom);
			}
		}
		return r;
	})()`
	for _, a := range []string{"berliner-morgenpost-2023-09-13", "frankfurter-rundschau-2024-06-19"} {
		for _, tc := range []struct {
			width, height int64
			side          bool
		}{{1280, 900, true}, {390, 844, false}} {
			ctx := mustBrowser(t)
			errs := consoleErrors(ctx)
			err := chromedp.Do(ctx, chromedp.EmulateViewport(tc.width, tc.height), chromedp.Navigate(root+"articles/"+a+".html"))
			l, err2 := chromedp.Run(ctx, chromedp.Evaluate[layout](measure))
			if err = errors.Join(err, err2); err != nil {
				t.Fatalf("%s at %d px: %v", a, tc.width, err)
			}
			if l.Notes == 0 || l.Sidenotes != tc.side {
				t.Fatalf("%s at %d px: %d notes, side notes laid out %v, want %v", a, tc.width, l.Notes, l.Sidenotes, tc.side)
			}
			if e := errs(); len(e) > 0 {
				t.Errorf("%s at %d px: script errors %q", a, tc.width, e)
			}
			if !tc.side {
				continue
			}
			for i, g := range l.Gaps {
				if g > 40 {
					t.Errorf("%s at %d px: %.0f px of white between the %d. line with notes and the next; a note stretches its line", a, tc.width, g, i+1)
				}
			}
			if len(l.Overlaps) > 0 || len(l.Above) > 0 {
				t.Errorf("%s at %d px: notes overlapping the one before %q, above their line %q", a, tc.width, l.Overlaps, l.Above)
			}
			if l.PastText > 0 {
				t.Errorf("%s at %d px: the last note reaches %.0f px past the text, over what follows", a, tc.width, l.PastText)
			}
		}
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
