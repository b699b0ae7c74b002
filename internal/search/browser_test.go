package search

import (
	"context"
	"dossier/internal/browsertest"
	"dossier/internal/locale"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The tests in this file drive static/search.js in Chromium on a small site opened from
// file:// whose pages carry the markup the templates render (testdata/site).

// mustSearchSite writes testdata/site, search.js and the index of smallDocs into a
// temporary folder and returns its file:// URL.
func mustSearchSite(t *testing.T) string {
	t.Helper()
	return mustSearchSiteIndex(t, false)
}

// mustSearchSiteIndex is mustSearchSite with the sharded index (format 2) if sharded.
func mustSearchSiteIndex(t *testing.T, sharded bool) string {
	t.Helper()
	dir := t.TempDir()
	err := os.CopyFS(dir, os.DirFS("testdata/site"))
	if err != nil {
		t.Fatal(err)
	}
	js, err := os.ReadFile(searchJS)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "static"), 0o755); err != nil {
		t.Fatal(err)
	}
	mustWrite(t, filepath.Join(dir, "static", "search.js"), js)
	words, err := Words(locale.German)
	if err != nil {
		t.Fatal(err)
	}
	mustWrite(t, filepath.Join(dir, "static", "search-words.js"), words)
	css, err := os.ReadFile(filepath.Join(filepath.Dir(searchJS), "style.css"))
	if err != nil {
		t.Fatal(err)
	}
	mustWrite(t, filepath.Join(dir, "static", "style.css"), css)
	if sharded {
		first, shards, err := shardAll(smallDocs())
		if err != nil {
			t.Fatal(err)
		}
		mustWrite(t, filepath.Join(dir, "static", "search-index.js"), first)
		if err := os.Mkdir(filepath.Join(dir, "static", "search"), 0o755); err != nil {
			t.Fatal(err)
		}
		for _, sh := range shards {
			mustWrite(t, filepath.Join(dir, "static", "search", sh.Name), sh.Data)
		}
	} else {
		mustWrite(t, filepath.Join(dir, "static", "search-index.js"), mustIndex(t, smallDocs()))
	}
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(dir) + "/"}).String()
}

// mustChromium starts a headless Chromium; without one the test fails in CI and is
// skipped elsewhere.
func mustChromium(t *testing.T, opts ...chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	return browsertest.Start(t, 60*time.Second, opts...)
}

// scriptErrors collects the uncaught exceptions and console errors of a tab.
func scriptErrors(ctx context.Context) func() []string {
	var mu sync.Mutex
	var errs []string
	go func() {
		for m, err := range chromedp.Console(ctx) {
			if err != nil {
				return
			}
			if m.IsException() || m.Type == "error" {
				mu.Lock()
				errs = append(errs, m.String())
				mu.Unlock()
			}
		}
	}()
	return func() []string {
		time.Sleep(100 * time.Millisecond)
		mu.Lock()
		defer mu.Unlock()
		return slices.Clone(errs)
	}
}

// TestBrowserSearchPage runs the search page on both index formats: the sharded one,
// loaded by script tags from file://, must show the same.
func TestBrowserSearchPage(t *testing.T) {
	for _, sharded := range []bool{false, true} {
		t.Run(fmt.Sprintf("sharded=%v", sharded), func(t *testing.T) { testBrowserSearchPage(t, sharded) })
	}
}

func testBrowserSearchPage(t *testing.T, sharded bool) {
	site := mustSearchSiteIndex(t, sharded)
	ctx := mustChromium(t)
	errs := scriptErrors(ctx)
	type page struct {
		Status string
		Groups []string
		Links  []string
		Marks  []string
		Input  string
	}
	const read = `({
		Status: document.querySelector('#search-results [role=status]').textContent,
		Groups: Array.from(document.querySelectorAll('#search-results h2'), h => h.textContent),
		Links: Array.from(document.querySelectorAll('.search-title'), a => a.getAttribute('href')),
		Marks: Array.from(document.querySelectorAll('.search-snippet mark'), m => m.textContent),
		Input: document.getElementById('search-q').value,
	})`
	err := chromedp.Do(ctx,
		chromedp.Navigate(site+"search/index.html?q=Munition"),
		chromedp.WaitVisible(chromedp.CSS(".search-result")))
	got, err2 := chromedp.Run(ctx, chromedp.Evaluate[page](read))
	if err = errors.Join(err, err2); err != nil {
		t.Fatal(err)
	}
	if got.Status != "3 Treffer für „Munition“" || got.Input != "Munition" {
		t.Errorf("status %q, input %q", got.Status, got.Input)
	}
	if want := []string{"Artikel (3)"}; !slices.Equal(got.Groups, want) {
		t.Errorf("groups %q, want %q", got.Groups, want)
	}
	if want := []string{"../articles/bbc.html#L29", "../articles/fr.html#L17", "../articles/bbc.html#L65"}; !slices.Equal(got.Links, want) {
		t.Errorf("links %q, want %q", got.Links, want)
	}
	if want := []string{"Munition", "Artilleriemunition", "Munitionsvorräte"}; !slices.Equal(got.Marks, want) {
		t.Errorf("marked %q, want %q", got.Marks, want)
	}

	// Typing on the search page updates the results.
	err = chromedp.Do(ctx,
		chromedp.Evaluate[chromedp.Void](`document.getElementById('search-q').value = ''; undefined`),
		chromedp.SendKeys(chromedp.ID("search-q"), "Schoigu"))
	_, err2 = chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector('#search-results [role=status]').textContent.indexOf('Schoigu') > 0`))
	got, err3 := chromedp.Run(ctx, chromedp.Evaluate[page](read))
	if err = errors.Join(err, err2, err3); err != nil {
		t.Fatal(err)
	}
	if want := []string{"Akteure (1)", "Ereignisse (1)", "Artikel (2)"}; !slices.Equal(got.Groups, want) {
		t.Errorf("groups for Schoigu %q, want %q", got.Groups, want)
	}
	if e := errs(); len(e) > 0 {
		t.Errorf("script errors: %q", e)
	}
}

func TestBrowserSearchPageWithoutJavaScript(t *testing.T) {
	site := mustSearchSite(t)
	ctx := mustChromium(t, chromedp.Flag("blink-settings", "scriptEnabled=false"))
	err := chromedp.Do(ctx, chromedp.Navigate(site+"search/index.html?q=Munition"))
	text, err2 := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main")))
	links, err3 := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('main a'), a => a.getAttribute('href'))`))
	if err = errors.Join(err, err2, err3); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, "Die Suche braucht JavaScript") || !slices.Equal(links, []string{"../actors/index.html", "../topics/index.html"}) {
		t.Errorf("without JavaScript the search page says %q and links %q", text, links)
	}
}

func TestBrowserCombobox(t *testing.T) {
	site := mustSearchSite(t)
	ctx := mustChromium(t)
	errs := scriptErrors(ctx)
	box := chromedp.CSS("header input[name=q]")
	type combo struct {
		Expanded, Active, Selected, Controls, Role string
		Options, Kinds                             []string
	}
	state := func() combo {
		t.Helper()
		c, err := chromedp.Run(ctx, chromedp.Evaluate[combo](`(() => {
			const i = document.querySelector('header input[name=q]');
			const a = document.getElementById(i.getAttribute('aria-activedescendant') || '-');
			return {
				Expanded: i.getAttribute('aria-expanded'), Role: i.getAttribute('role'),
				Controls: document.getElementById(i.getAttribute('aria-controls')).getAttribute('role'),
				Active: a ? a.getAttribute('data-href') : '', Selected: a ? a.getAttribute('aria-selected') : '',
				Options: Array.from(document.querySelectorAll('.search-popup:not([hidden]) [role=option]'), o => o.getAttribute('data-href')),
				Kinds: Array.from(document.querySelectorAll('.search-popup:not([hidden]) .search-popup-kind'), k => k.textContent),
			};
		})()`))
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	err := chromedp.Do(ctx, chromedp.Navigate(site+"index.html"), chromedp.WaitReady(box))
	loadedEarly, err2 := chromedp.Run(ctx, chromedp.Evaluate[bool](`typeof window.DOSSIER_SEARCH !== 'undefined'`))
	err3 := chromedp.Do(ctx, chromedp.SendKeys(box, "munit"), chromedp.WaitVisible(chromedp.CSS(".search-popup")))
	if err = errors.Join(err, err2, err3); err != nil {
		t.Fatal(err)
	}
	if loadedEarly {
		t.Error("the index was loaded before anyone searched")
	}
	wantOptions := []string{"articles/bbc.html#L29", "articles/bbc.html#L65", "articles/fr.html#L17", "search/index.html?q=munit"}
	if c := state(); c.Role != "combobox" || c.Controls != "listbox" || c.Expanded != "true" || !slices.Equal(c.Options, wantOptions) || !slices.Equal(c.Kinds, []string{"Artikel"}) {
		t.Errorf("after typing: %+v; want a combobox, expanded, controlling a listbox with %q", c, wantOptions)
	}

	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.ArrowUp)); err != nil {
		t.Fatal(err)
	}
	if c := state(); c.Active != wantOptions[0] || c.Selected != "true" {
		t.Errorf("after down, down, up: active %q (selected %q), want %q", c.Active, c.Selected, wantOptions[0])
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Escape)); err != nil {
		t.Fatal(err)
	}
	if c := state(); c.Expanded != "false" || len(c.Options) != 0 || c.Active != "" {
		t.Errorf("after Escape: %+v, want the list closed", c)
	}

	// Down opens the list again, Enter follows the chosen result.
	err = chromedp.Do(ctx,
		chromedp.KeyEvent(kb.ArrowDown),
		chromedp.WaitVisible(chromedp.CSS(".search-popup")),
		chromedp.KeyEvent(kb.ArrowDown),
		chromedp.KeyEvent(kb.Enter))
	if err != nil {
		t.Fatal(err)
	}
	if loc := waitLocation(t, ctx, "/articles/bbc.html"); !strings.HasSuffix(loc, "/articles/bbc.html#L29") {
		t.Errorf("Enter on the first result went to %s", loc)
	}
	if e := errs(); len(e) > 0 {
		t.Errorf("script errors: %q", e)
	}

	// Enter without a choice goes to the search page, from a page one folder down.
	err = chromedp.Do(ctx,
		chromedp.SendKeys(box, "Pjöngjang"),
		chromedp.WaitVisible(chromedp.CSS(".search-popup")),
		chromedp.KeyEvent(kb.Enter))
	loc := waitLocation(t, ctx, "/search/index.html")
	err2 = chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(".search-result")))
	status, err3 := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#search-results [role=status]")))
	if err = errors.Join(err, err2, err3); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(loc, "/search/index.html?q=Pj") || status != "2 Treffer für „Pjöngjang“" {
		t.Errorf("Enter without a choice: at %s, status %q", loc, status)
	}
}

// waitLocation waits until the tab has gone to a page whose path contains path, and
// returns its location.
func waitLocation(t *testing.T, ctx context.Context, path string) string {
	t.Helper()
	var loc string
	for range 100 {
		loc, _ = chromedp.Run(ctx, chromedp.Location())
		if strings.Contains(loc, path) {
			if err := chromedp.Do(ctx, chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
				t.Fatal(err)
			}
			return loc
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("still at %s, not at …%s…", loc, path)
	return ""
}

// TestSiteMarkup keeps testdata/site, the markup the templates copy, free of the mistakes
// search.js cannot survive.
func TestSiteMarkup(t *testing.T) {
	err := fs.WalkDir(os.DirFS("testdata/site"), ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(path, ".html") {
			return err
		}
		b, err := os.ReadFile(filepath.Join("testdata/site", path))
		if err != nil {
			return err
		}
		page := string(b)
		root := strings.Repeat("../", strings.Count(path, "/"))
		for _, want := range []string{
			`<form class="site-search" role="search" aria-label="Dossier durchsuchen" action="` + root + `search/index.html">`,
			`<input type="search" name="q"`,
			`<script src="` + root + `static/search.js" data-root="` + root + `" defer></script>`,
		} {
			if path == "search/index.html" && strings.Contains(want, "<form") {
				want = strings.Replace(want, root+"search/index.html", "index.html", 1)
			}
			if !strings.Contains(page, want) {
				t.Errorf("%s lacks %s", path, want)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
