package e2e

import (
	"context"
	"errors"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"golang.org/x/tools/txtar"

	"dossier/internal/build"
)

// mustHostileSite builds the dossier of internal/build/testdata/hostile/site.txtar, in
// which every text tries to run window.__pwned=1 or alert(1), and returns its site.
func mustHostileSite(tb testing.TB) string {
	tb.Helper()
	archive, err := txtar.ParseFile("../build/testdata/hostile/site.txtar")
	if err != nil {
		tb.Fatal(err)
	}
	src := tb.TempDir()
	for _, f := range archive.Files {
		p := filepath.Join(src, f.Name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	out := filepath.Join(tb.TempDir(), "public")
	if res, err := build.Run(context.Background(), build.Config{Src: src, Out: out, Minify: true}); err != nil {
		tb.Fatalf("build: %v\n%v", err, res.Problems)
	}
	return out
}

// wakeHandlers fires the events an injected handler would wait for on every element, so
// that a handler that got onto the page runs now rather than on a reader's mouse.
const wakeHandlers = `(() => {
	for (const e of document.querySelectorAll("*")) {
		for (const type of ["mouseover", "mouseenter", "focus", "focusin", "click", "toggle", "load", "error", "animationstart"]) {
			try { e.dispatchEvent(new Event(type, {bubbles: false, cancelable: true})); } catch (_) {}
		}
	}
	return true;
})()`

// TestHostileSite loads every page of the hostile dossier's site in Chromium, served and
// from file://, searches it for its payloads, and checks that no injected script ran: the
// sentinel window.__pwned is never set and no dialog opens.
func TestHostileSite(t *testing.T) {
	dir := mustHostileSite(t)
	var pages []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			rel, _ := filepath.Rel(dir, p)
			pages = append(pages, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 10 {
		t.Fatalf("only %d pages built: %q", len(pages), pages)
	}
	for _, q := range []string{"Mallory", "pwned", "<script>alert(1)</script>", `"><img src=x onerror=window.__pwned=1>`, "javascript:alert(1)"} {
		pages = append(pages, "search/index.html?q="+url.QueryEscape(q))
	}
	for _, root := range []string{mustServe(t, dir, "/hostile/"), "file://" + dir + "/"} {
		t.Run(strings.SplitN(root, ":", 2)[0], func(t *testing.T) {
			ctx := mustBrowser(t)
			var mu sync.Mutex
			var dialogs []string
			opening := chromedp.Events(ctx, page.JavascriptDialogOpening)
			go func() {
				for ev, err := range opening {
					if err != nil {
						return
					}
					mu.Lock()
					dialogs = append(dialogs, ev.Type.String()+": "+ev.Message)
					mu.Unlock()
					// A dialog blocks the page; close it so that the test goes on.
					chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
				}
			}()
			for _, p := range pages {
				err := chromedp.Do(ctx, chromedp.Navigate(root+p))
				_, err2 := chromedp.Run(ctx, chromedp.Evaluate[bool](wakeHandlers))
				time.Sleep(150 * time.Millisecond) // broken images, autofocus and timers
				pwned, err3 := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.__pwned !== undefined`))
				if err := errors.Join(err, err2, err3); err != nil {
					t.Errorf("%s: %v", p, err)
					continue
				}
				if pwned {
					t.Errorf("%s: an injected script ran: window.__pwned is set", p)
				}
			}
			// The search box proposes results as one types: hostile titles among them.
			err := chromedp.Do(ctx, chromedp.Navigate(root+"index.html"), chromedp.SendKeys(chromedp.CSS(`input[type="search"]`), "Mallory"))
			time.Sleep(500 * time.Millisecond)
			_, err2 := chromedp.Run(ctx, chromedp.Evaluate[bool](wakeHandlers))
			time.Sleep(150 * time.Millisecond)
			pwned, err3 := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.__pwned !== undefined`))
			if err := errors.Join(err, err2, err3); err != nil {
				t.Errorf("typing into the search box: %v", err)
			} else if pwned {
				t.Error("typing into the search box ran an injected script")
			}
			// The search page found the hostile pages, so their titles were shown.
			links, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("a[href]"), a => a.getAttribute("href"))`))
			if err != nil {
				t.Fatal(err)
			}
			if err := chromedp.Do(ctx, chromedp.Navigate(root+"search/index.html?q=Mallory")); err != nil {
				t.Fatal(err)
			}
			var results []string
			for range 50 {
				if results, err = chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("#search-results a[href]"), a => a.textContent)`)); err != nil {
					t.Fatal(err)
				}
				if len(results) > 0 {
					break
				}
				time.Sleep(100 * time.Millisecond)
			}
			if len(results) == 0 {
				t.Errorf("searching for Mallory found nothing; the page links to %q", links)
			}
			mu.Lock()
			defer mu.Unlock()
			if len(dialogs) > 0 {
				t.Errorf("dialogs opened: %q", dialogs)
			}
			t.Logf("%d pages loaded, %d search results for Mallory", len(pages), len(results))
		})
	}
}
