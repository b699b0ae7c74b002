package build

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
)

// TestSearchRanking asks the search of the shipped dossier, as static/search.js answers it
// in a browser (run in Node by internal/search's driver), a fixed set of queries: each
// must find what a reader looks for among its first hits, and every paragraph and note
// found must say the query's words itself, not match through the title of the article it
// is on ("Munition" once listed nineteen notes that never say it).
func TestSearchRanking(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("node is not installed; CI needs it to run static/search.js")
		}
		t.Skip("node is not installed")
	}
	res := mustBuild(t, Config{Src: repoRoot})
	dir := t.TempDir()
	index := filepath.Join(dir, "search-index.js")
	if err := os.WriteFile(index, []byte(mustFile(t, res, "static/search-index.js")), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		q    string
		want string // among the first top hits
		top  int
	}{
		{"Schoigu", "actors/sergei-schoigu.html", 1},
		{"Kim Jong-un", "actors/kim-jong-un.html", 1},
		{"Pacheco Pardo", "actors/ramon-pacheco-pardo.html", 1},
		{"Munition", "topics/waffenlieferungen.html", 1},
		{"Sanktionen", "topics/sanktionen.html", 1},
		{"Hyperschallrakete", "timeline/index.html#e-hyperschallrakete-januar-2024", 1},
		{"Wostotschny", "timeline/index.html#e-gipfel-wostotschny-2023", 3},
		{"Panzerzug", "timeline/index.html#e-kim-reist-nach-russland", 3},
		{"Artilleriegranaten", "articles/frankfurter-rundschau-2024-06-19.html#L17", 3},
		{"Bromance", "articles/unbekanntes-portal-2023-09.html#L19", 3},
	}
	type query struct {
		Q string `json:"q"`
	}
	var req struct {
		Queries []query `json:"queries"`
	}
	for _, c := range cases {
		req.Queries = append(req.Queries, query{c.q})
	}
	reqFile := filepath.Join(dir, "request.json")
	data, _ := json.Marshal(req)
	if err := os.WriteFile(reqFile, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(node, "../search/testdata/driver.js", index, "../../static/search.js", reqFile).Output()
	if err != nil {
		t.Fatalf("node: %v", err)
	}
	var answer struct {
		Queries []struct {
			Results []struct {
				URL, Title, Kind string
				Marked           []string
			}
		}
	}
	if err := json.Unmarshal(out, &answer); err != nil || len(answer.Queries) != len(cases) {
		t.Fatalf("node answered %d queries (%v): %.300s", len(answer.Queries), err, out)
	}
	for i, c := range cases {
		rs := answer.Queries[i].Results
		var urls []string
		for _, r := range rs {
			urls = append(urls, r.URL)
			// An actor's, a topic's or an event's title is its own: it may be what matched.
			if len(r.Marked) == 0 && (r.Kind == "article" || r.Kind == "note") {
				t.Errorf("%q: the %s result %q (%s) does not say the query's words", c.q, r.Kind, r.Title, r.URL)
			}
		}
		if !slices.Contains(urls[:min(c.top, len(urls))], c.want) {
			t.Errorf("%q: %s is not among the first %d of %d hits: %q", c.q, c.want, c.top, len(urls), urls[:min(5, len(urls))])
		}
	}
}
