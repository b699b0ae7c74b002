package build

import (
	"context"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"dossier/internal/benchgen"
	"dossier/internal/testdossier"
)

// TestFeedNewestOnly checks that the feed of a dossier with hundreds of notes and events
// holds the 200 newest, newest first, rather than all of them.
func TestFeedNewestOnly(t *testing.T) {
	src := filepath.Join(t.TempDir(), "dossier")
	if _, err := benchgen.Write(src, 80, testdossier.Sentences(t)); err != nil { // 240 notes, 40 events
		t.Fatal(err)
	}
	res, err := Run(context.Background(), Config{Src: src})
	if err != nil {
		t.Fatal(err)
	}
	var feed string
	for _, f := range res.Files {
		if f.Path == "atom.xml" {
			feed = string(f.Data)
		}
	}
	updated := regexp.MustCompile(`(?s)<entry>.*?<updated>([^<]+)</updated>`).FindAllStringSubmatch(feed, -1)
	if len(updated) != 200 {
		t.Fatalf("the feed has %d entries; want the 200 newest of %d", len(updated), len(res.Dossier.Notes)+len(res.Dossier.Events))
	}
	var dates []string
	for _, u := range updated {
		dates = append(dates, u[1])
	}
	if !slices.IsSortedFunc(dates, func(a, b string) int { return strings.Compare(b, a) }) {
		t.Error("the entries are not newest first")
	}
	var all []string
	for _, e := range res.Dossier.Events {
		all = append(all, e.Date.Start().Format("2006-01-02"))
	}
	for _, n := range res.Dossier.Notes {
		all = append(all, n.Anchor.Article.Published.Start().Format("2006-01-02"))
	}
	slices.Sort(all)
	if oldest, cut := dates[len(dates)-1][:10], all[len(all)-200]; oldest < cut {
		t.Errorf("the feed's oldest entry is of %s, but the 200 newest reach back only to %s", oldest, cut)
	}
}

// TestHomeListsNewestArticles checks that the home page of a dossier with more articles
// than it lists shows the newest, newest first, and links to the list of all of them.
func TestHomeListsNewestArticles(t *testing.T) {
	src := filepath.Join(t.TempDir(), "dossier")
	if _, err := benchgen.Write(src, 20, testdossier.Sentences(t)); err != nil {
		t.Fatal(err)
	}
	res := mustBuild(t, Config{Src: src})
	links := regexp.MustCompile(`<li><a href="articles/([a-z0-9-]+)\.html">`)
	section := func(page, id string) string {
		_, after, _ := strings.Cut(page, `id="`+id+`"`)
		before, _, _ := strings.Cut(after, "</section>")
		return before
	}
	home := section(mustFile(t, res, "index.html"), "h-articles")
	var got []string
	for _, m := range links.FindAllStringSubmatch(home, -1) {
		got = append(got, m[1])
	}
	var want []string
	all := res.Dossier.Articles // oldest first
	for i := len(all) - 1; i >= len(all)-12; i-- {
		want = append(want, all[i].ID)
	}
	if !slices.Equal(got, want) {
		t.Errorf("home page lists articles %q, want the 12 newest, newest first: %q", got, want)
	}
	if !strings.Contains(home, "Neueste Artikel") || !strings.Contains(home, `<a href="articles/index.html">Alle Artikel</a>`) {
		t.Errorf("home page's articles are not headed as the newest, or do not link to all:\n%s", home)
	}
	list := mustFile(t, res, "articles/index.html")
	for _, a := range all {
		if !strings.Contains(list, "/"+a.ID+".html") {
			t.Errorf("articles/index.html does not list %s", a.ID)
		}
	}
}
