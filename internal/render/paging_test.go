package render

import (
	"bytes"
	"context"
	"flag"
	"math"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"

	defaults "dossier"
	"dossier/internal/content"
	"dossier/internal/dossier"
	"dossier/internal/site"
	"dossier/internal/testdossier"
)

// tinyLimits page every list of a synthetic dossier of 60 articles, and split its
// timeline by year, month and part of a month.
var tinyLimits = pageLimits{
	articlesPaged: 10, articlesPerPage: 7,
	actorsPaged: 20, actorsPerPage: 15,
	networkPaged: 12, networkPerPage: 10,
	timelinePaged: 8, eventsPerPart: 3,
	listPaged: 6, listPerPage: 4,
	notesPaged: 3, notesPerPage: 2,
	listExtract: 2, miniEvents: 3,
}

// noLimits page nothing.
var noLimits = pageLimits{
	articlesPaged: math.MaxInt, articlesPerPage: math.MaxInt, actorsPaged: math.MaxInt, actorsPerPage: math.MaxInt,
	networkPaged: math.MaxInt, networkPerPage: math.MaxInt, timelinePaged: math.MaxInt, eventsPerPart: math.MaxInt,
	listPaged: math.MaxInt, listPerPage: math.MaxInt, notesPaged: math.MaxInt, notesPerPage: math.MaxInt,
	listExtract: math.MaxInt, miniEvents: math.MaxInt,
}

func load(t *testing.T, dir string) *dossier.Dossier {
	t.Helper()
	fsys := testdossier.FS(t, dir)
	c, problems := content.Load(fsys, content.Config{})
	d, more := dossier.Resolve(c, fsys, dossier.Config{})
	problems.Append(more)
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	return d
}

// TestUnpagedSameBytes: a dossier whose lists are all under the limits is rendered
// exactly as with paging switched off, file for file and byte for byte: the shipped
// dossier keeps its single pages.
func TestUnpagedSameBytes(t *testing.T) {
	for name, dir := range map[string]string{"shipped": testdossier.Root(), "synthetic": testdossier.Synthetic(t, 40)} {
		d := load(t, dir)
		cfg := Config{Templates: defaults.Templates(), BaseURL: "https://example.org/d/", CSS: "static/style.css", Minify: site.MinifyTemplate}
		paged := renderAll(t, d, cfg, execAuto)
		cfg.limits = &noLimits
		whole := renderAll(t, d, cfg, execAuto)
		if len(paged) != len(whole) {
			t.Errorf("%s: %d files, %d without paging", name, len(paged), len(whole))
		}
		for p, want := range whole {
			if got, ok := paged[p]; !ok {
				t.Errorf("%s: %s missing", name, p)
			} else if !bytes.Equal(got, want) {
				t.Errorf("%s: %s differs from the unpaged page:\n%s", name, p, firstDiff(got, want))
			}
		}
	}
}

var (
	hrefRe = regexp.MustCompile(` (?:href|src)="([^"]*)"`)
	idRe   = regexp.MustCompile(` id="([^"]*)"`)
	relRe  = regexp.MustCompile(`<a href="([^"]*)"[^>]* rel="(next|prev)"`)
)

// TestPagedSite pages every list of a small dossier and checks the site as a reader
// would: every link leads to a page and an id there, every list is reached by following
// its rel="next" links from its first page with each item once, every event of the
// timeline is on exactly one of its pages, and the compiled templates write what
// html/template does.
func TestPagedSite(t *testing.T) {
	d := load(t, testdossier.Synthetic(t, 60))
	cfg := Config{Templates: defaults.Templates(), CSS: "static/style.css", limits: &tinyLimits}
	files := renderAll(t, d, cfg, execCompiled)
	if interpreted := renderAll(t, d, cfg, execInterpret); len(interpreted) != len(files) {
		t.Fatalf("%d files interpreted, %d compiled", len(interpreted), len(files))
	} else {
		for p, want := range interpreted {
			if !bytes.Equal(files[p], want) {
				t.Errorf("%s: compiled differs:\n%s", p, firstDiff(files[p], want))
			}
		}
	}
	ids := map[string]map[string]bool{}
	for p, data := range files {
		if strings.HasSuffix(p, ".html") {
			ids[p] = map[string]bool{}
			for _, m := range idRe.FindAllSubmatch(data, -1) {
				ids[p][string(m[1])] = true
			}
		}
	}
	for _, want := range []string{"articles/page/2.html", "actors/page/2.html", "network/page/2.html"} {
		if files[want] == nil {
			t.Errorf("%s not rendered", want)
		}
	}
	kinds := map[string]int{}
	for p := range files {
		for _, k := range []string{"mentions", "passages", "notes", "events"} {
			if strings.HasPrefix(path.Base(p), k+"-") {
				kinds[k]++
			}
		}
	}
	for _, k := range []string{"mentions", "notes"} { // the small dossier's topics have few passages and events
		if kinds[k] == 0 {
			t.Errorf("no list page of %s", k)
		}
	}
	broken := 0
	for p, data := range files {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		if n := bytes.Count(data, []byte(`rel="next"`)); n > 1 {
			t.Errorf("%s: %d rel=next links", p, n)
		}
		for _, m := range hrefRe.FindAllSubmatch(data, -1) {
			ref := string(m[1])
			if strings.Contains(ref, "://") || strings.HasPrefix(ref, "mailto:") || strings.HasPrefix(ref, "/") {
				if strings.HasPrefix(ref, "/") {
					t.Errorf("%s: root-relative link %s", p, ref)
				}
				continue
			}
			target, frag, _ := strings.Cut(ref, "#")
			target = strings.ReplaceAll(target, "&amp;", "&")
			if target == "" {
				target = p
			} else {
				target = path.Join(path.Dir(p), target)
			}
			if _, ok := files[target]; !ok && !strings.HasPrefix(target, "static/") { // the build adds static/
				if broken++; broken < 10 {
					t.Errorf("%s: link to %s: no such file", p, ref)
				}
				continue
			}
			if frag != "" && !strings.HasPrefix(frag, ":~:") && ids[target] != nil && !ids[target][frag] {
				if broken++; broken < 10 {
					t.Errorf("%s: link to %s: no id %q there", p, ref, frag)
				}
			}
		}
	}
	// Each list, followed by rel="next" from its first page, has each item once.
	follow := func(first string, item *regexp.Regexp) (pages int, items []string) {
		seen := map[string]bool{}
		for p := first; p != ""; {
			if seen[p] {
				t.Fatalf("%s: rel=next loops back to %s", first, p)
			}
			seen[p] = true
			pages++
			data := files[p]
			if i := bytes.Index(data, []byte("<main")); i >= 0 {
				data = data[i:] // not the site's navigation
			}
			for _, m := range item.FindAllSubmatch(data, -1) {
				items = append(items, string(m[1]))
			}
			next := ""
			for _, m := range relRe.FindAllSubmatch(data, -1) {
				if string(m[2]) == "next" {
					next = path.Join(path.Dir(p), string(m[1]))
				}
			}
			p = next
		}
		return pages, items
	}
	pages, items := follow("articles/index.html", regexp.MustCompile(`<li><a href="(?:\.\./)*articles/([^"]+)\.html"`))
	if want := pageCount(len(d.Articles), tinyLimits.articlesPerPage); pages != want {
		t.Errorf("articles: %d pages, want %d", pages, want)
	}
	var wantArticles []string
	for _, a := range d.Articles {
		wantArticles = append(wantArticles, a.ID)
	}
	items = slices.DeleteFunc(items, func(s string) bool { return s == "index" || strings.HasPrefix(s, "page/") }) // the pager's
	if !slices.Equal(items, wantArticles) {
		t.Errorf("articles over the pages: %v\nwant %v", items, wantArticles)
	}
	// The timeline's first page links to its parts; each event is on one of them.
	_, parts := follow("timeline/index.html", regexp.MustCompile(`<li><a href="\.\./timeline/([\d-]+\.html)"`))
	if len(parts) < 3 {
		t.Fatalf("timeline: links to %d parts", len(parts))
	}
	_, events := follow("timeline/"+parts[0], regexp.MustCompile(`<li class="entry" id="e-([^"]+)"`))
	var wantEvents []string
	for _, e := range d.Events {
		wantEvents = append(wantEvents, e.ID)
	}
	if !slices.Equal(events, wantEvents) {
		t.Errorf("timeline events over the parts: %d, want %d in date order", len(events), len(wantEvents))
	}
	if bytes.Contains(files["timeline/index.html"], []byte(`class="entry"`)) {
		t.Error("the first page of a split timeline lists events")
	}
	if !bytes.Contains(files["timeline/index.html"], []byte(`class="chart chart-density"`)) {
		t.Error("the first page of a split timeline has no overview picture")
	}
	// An actor's mentions over its list pages are each of its sentences once.
	for _, a := range d.Actors {
		n := len(bySentence(a.Mentions))
		if n <= tinyLimits.listPaged {
			continue
		}
		pages, items := follow(listPath(actorPath(a.ID), "mentions", 1), regexp.MustCompile(`<li><a class="ln" href="([^"]+)"`))
		if pages != pageCount(n, tinyLimits.listPerPage) || len(items) != n {
			t.Errorf("%s: %d mentions on %d pages, want %d", a.ID, len(items), pages, n)
		}
		if !bytes.Contains(files[actorPath(a.ID)], []byte(`href="../actors/`+a.ID+`/mentions-1.html"`)) {
			t.Errorf("%s: the actor's page does not link to all its mentions", a.ID)
		}
		break
	}
}

var large = flag.Int("large", 0, "TestLargestPage: the number of articles of the synthetic dossier (10000, 100000); 0 skips it")

// TestLargestPage renders a synthetic dossier of -large articles and checks that no HTML
// page is larger than 300 KB. At 10,000 articles it takes two minutes on an idle two-core
// machine (ten on a busy one), so it runs only when asked (make large):
//
//	go test ./internal/render -run LargestPage -large 10000 -timeout 30m
func TestLargestPage(t *testing.T) {
	if *large == 0 {
		t.Skip("renders a large dossier; run with -large 10000")
	}
	d := load(t, testdossier.Synthetic(t, *large))
	r, err := New(d, Config{Templates: defaults.Templates(), CSS: "static/style.css", Minify: site.MinifyTemplate})
	if err != nil {
		t.Fatal(err)
	}
	type page struct {
		path string
		size int
	}
	sizes := make(chan page, 64)
	var largest page
	done := make(chan struct{})
	go func() {
		for p := range sizes {
			if p.size > largest.size {
				largest = p
			}
		}
		close(done)
	}()
	paths, err := r.Render(context.Background(), func(f File) error {
		if strings.HasSuffix(f.Path, ".html") {
			sizes <- page{f.Path, len(f.Data)}
		}
		return nil
	})
	close(sizes)
	<-done
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d files; largest page %s, %d bytes", len(paths), largest.path, largest.size)
	if largest.size > 300<<10 {
		t.Errorf("largest page %s is %d bytes, more than 300 KB", largest.path, largest.size)
	}
}
