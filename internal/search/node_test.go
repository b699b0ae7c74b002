package search

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The tests in this file run static/search.js in Node, the query side of the index, and
// hold it to this package: the same folding, words and stems, and the right answers.

const searchJS = "../../static/search.js"

type nodeRequest struct {
	Words    []string      `json:"words,omitempty"`
	Texts    []string      `json:"texts,omitempty"`
	Queries  []nodeQuery   `json:"queries,omitempty"`
	Snippets []snippetTest `json:"snippets,omitempty"`
}

type snippetTest struct {
	Q   string `json:"q"`
	Max int    `json:"max"`
}

type nodeQuery struct {
	Q      string `json:"q"`
	Typing bool   `json:"typing,omitempty"`
}

type nodeAnswer struct {
	Words   []struct{ Fold, Stem, English string } `json:"words"`
	Texts   [][]string                             `json:"texts"`
	Queries []struct {
		Results []struct {
			URL    string   `json:"url"`
			Title  string   `json:"title"`
			Kind   string   `json:"kind"`
			Lang   string   `json:"lang"`
			Marked []string `json:"marked"`
		} `json:"results"`
		Groups []string `json:"groups"`
		Shards []string `json:"shards"` // loaded for the query, of a sharded index
	} `json:"queries"`
	Snippets [][]struct {
		Text   string
		Pieces []struct {
			Text string
			Mark bool
		}
	} `json:"snippets"`
}

// runNode runs search.js in Node on the index of docs (none if nil) and answers req.
// Without Node the test is skipped, but fails under CI, which must have it.
func runNode(t *testing.T, docs []Doc, req nodeRequest) *nodeAnswer {
	t.Helper()
	return runNodeIndex(t, docs, req, false)
}

// runNodeIndex is runNode on the index of docs made by Index, or by Sharded if sharded.
func runNodeIndex(t *testing.T, docs []Doc, req nodeRequest, sharded bool) *nodeAnswer {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("node is not installed; CI needs it to test static/search.js")
		}
		t.Skip("node is not installed")
	}
	dir := t.TempDir()
	indexPath, shardDir := "", filepath.Join(dir, "search")
	if docs != nil && !sharded {
		indexPath = filepath.Join(dir, "search-index.js")
		mustWrite(t, indexPath, mustIndex(t, docs))
	}
	if docs != nil && sharded {
		first, shards, err := shardAll(docs)
		if err != nil {
			t.Fatal(err)
		}
		indexPath = filepath.Join(dir, "search-index.js")
		mustWrite(t, indexPath, first)
		if err := os.Mkdir(shardDir, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, s := range shards {
			mustWrite(t, filepath.Join(shardDir, s.Name), s.Data)
		}
	}
	reqJSON, err := json.Marshal(req)
	if err != nil {
		t.Fatal(err)
	}
	reqPath := filepath.Join(dir, "request.json")
	mustWrite(t, reqPath, reqJSON)
	cmd := exec.Command(node, "testdata/driver.js", indexPath, searchJS, reqPath, shardDir)
	cmd.Stderr = new(strings.Builder)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, cmd.Stderr)
	}
	var a nodeAnswer
	if err := json.Unmarshal(out, &a); err != nil {
		t.Fatalf("node's answer: %v\n%.500s", err, out)
	}
	return &a
}

func mustWrite(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestJSFoldsAndStemsAsGo compares search.js's fold, stem and words with this package's on
// every word and text of the shipped dossier and on random words of German letters.
func TestJSFoldsAndStemsAsGo(t *testing.T) {
	seen := make(map[string]bool)
	var ws, texts []string
	add := func(w string) {
		if !seen[w] {
			seen[w] = true
			ws = append(ws, w)
		}
	}
	for _, d := range shippedDocs(t) {
		texts = append(texts, d.Text, d.Title)
		for _, w := range words(d.Text + " " + d.Title) {
			add(w.s)
			add(strings.ToUpper(w.s))
		}
	}
	for _, w := range []string{"İstanbul", "ΣΟΣ", "Ærø", "ẞ", "Artil\u00adlerie", "ǅemal", "ﬁnden", "Ⅻ", "Ǆ", "ŉ",
		"bauen", "bayern", "quuee", "aufeinanderfolgenden", "kenntnisse", "ergebnisses", "zukunftsweisend"} {
		add(w)
	}
	r := rand.New(rand.NewPCG(7, 7))
	letters := []rune("aeiouyäöüßbcdfghklmnprstwzaeeinrstu")
	endings := []string{"", "e", "en", "ern", "em", "er", "es", "s", "st", "est", "end", "ung", "ig", "ik", "isch", "lich", "heit", "keit", "igkeit", "lichkeit", "ungen", "nisse"}
	for range 20_000 {
		w := make([]rune, 1+r.IntN(10))
		for i := range w {
			w[i] = letters[r.IntN(len(letters))]
		}
		add(string(w) + endings[r.IntN(len(endings))])
	}
	texts = append(texts, "a\u00adb c\u200bd e\u200de 🚀x ×y 김정은·Kim \ufeffBOM ｆｕｌｌ，ｗｉｄｔｈ")

	a := runNode(t, nil, nodeRequest{Words: ws, Texts: texts})
	if len(a.Words) != len(ws) || len(a.Texts) != len(texts) {
		t.Fatalf("node answered %d words and %d texts for %d and %d", len(a.Words), len(a.Texts), len(ws), len(texts))
	}
	bad := 0
	for i, w := range ws {
		f := fold(w)
		if got := a.Words[i]; got.Fold != f || got.Stem != stem(f) {
			t.Errorf("word %q: search.js folds to %q and stems to %q, Go to %q and %q", w, got.Fold, got.Stem, f, stem(f))
			if bad++; bad > 20 {
				t.Fatal("too many differences")
			}
		}
	}
	for i, text := range texts {
		var want []string
		for _, w := range words(text) {
			want = append(want, w.s)
		}
		if got := a.Texts[i]; !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
			t.Errorf("words(%.60q): search.js %q, Go %q", text, got, want)
		}
	}
	t.Logf("%d words and %d texts compared", len(ws), len(texts))
}

func TestJSSearch(t *testing.T) {
	tests := []struct {
		q       string
		typing  bool
		want    []string // the URLs of the results, best first
		marked  []string // the words marked in the snippet of the first result…
		marked2 []string // …and of the second
	}{
		{q: "Schoigu", want: []string{"actors/sergei-schoigu.html", "timeline/index.html#e-schoigu", "articles/bbc.html#L33", "articles/zdf.html#L11"},
			marked2: nil},
		{q: "schoigu", want: []string{"actors/sergei-schoigu.html", "timeline/index.html#e-schoigu", "articles/bbc.html#L33", "articles/zdf.html#L11"}},
		{q: "Munition", want: []string{"articles/bbc.html#L29", "articles/fr.html#L17", "articles/bbc.html#L65"},
			marked: []string{"Munition"}, marked2: []string{"Artilleriemunition"}},
		{q: "Munitionsvorräte", want: []string{"articles/bbc.html#L65"}, marked: []string{"Munitionsvorräte"}},
		{q: "Pjongjang", want: []string{"timeline/index.html#e-schoigu", "articles/fr.html#L26"},
			marked2: []string{"Pjöngjang"}},
		{q: "PJÖNGJANG", want: []string{"timeline/index.html#e-schoigu", "articles/fr.html#L26"}},
		{q: "Strasse", want: []string{"articles/bm.html#L5"}, marked: []string{"Straße"}},
		{q: "Artilleriemunition", want: []string{"articles/fr.html#L17"}},
		{q: "Lieferung", want: []string{"topics/waffenlieferungen.html", "articles/bbc.html#L29", "articles/fr.html#L17"}}, // a title first
		{q: "der Krieg", want: []string{"articles/bbc.html#L65", "articles/zdf.html#L11"}},
		{q: "Ukrainekrieg"},
		{q: "Korea-Krieg", want: []string{"articles/zdf.html#L11"}},
		{q: "Koreakrieg", want: []string{"articles/zdf.html#L11"}},
		{q: "Schoigu Parade", want: []string{"timeline/index.html#e-schoigu"}},
		// The form asked for first, then the other forms.
		{q: "Nordkoreas", want: []string{"actors/kim-jong-un.html", "articles/zdf.html#L11", "articles/bm.html#L5", "topics/waffenlieferungen.html", "articles/fr.html#L17"}},
		{q: "xyzzy"},
		{q: "und"},
		// Completions: the nearest first, compound parts last.
		{q: "munit", typing: true, want: []string{"articles/bbc.html#L29", "articles/bbc.html#L65", "articles/fr.html#L17"}},
		{q: "Pjö", typing: true, want: []string{"timeline/index.html#e-schoigu", "articles/fr.html#L26"}},
		// Two letters being typed are too short to complete: left out until the third.
		{q: "Pj", typing: true},
		{q: "Pjö m", typing: true, want: []string{"timeline/index.html#e-schoigu", "articles/fr.html#L26"}},
		// Not typing, but the index has no such term: completions.
		{q: "Munit", want: []string{"articles/bbc.html#L29", "articles/bbc.html#L65", "articles/fr.html#L17"}},
	}
	var req nodeRequest
	for _, tt := range tests {
		req.Queries = append(req.Queries, nodeQuery{tt.q, tt.typing})
	}
	a := runNode(t, smallDocs(), req)
	for i, tt := range tests {
		got := a.Queries[i]
		var urls []string
		for _, r := range got.Results {
			urls = append(urls, r.URL)
		}
		if !slices.Equal(urls, tt.want) {
			t.Errorf("search(%q, typing %v) = %q, want %q", tt.q, tt.typing, urls, tt.want)
			continue
		}
		for j, m := range [][]string{tt.marked, tt.marked2} {
			if m != nil && len(got.Results) > j && !slices.Equal(got.Results[j].Marked, m) {
				t.Errorf("search(%q): result %d marks %q, want %q", tt.q, j+1, got.Results[j].Marked, m)
			}
		}
	}
}

// TestJSSearchShipped asks the questions the browser test asks of the shipped dossier.
func TestJSSearchShipped(t *testing.T) {
	docs := shippedDocs(t)
	tests := []struct {
		q    string
		want []string // URLs that must be among the results
	}{
		{"Schoigu", []string{"actors/sergei-schoigu.html", "articles/002_7f32bc9d79f56e77.html#L11", "articles/002_7f32bc9d79f56e77.html#L17"}},
		{"Munition", []string{"articles/001_7491ef1a70dbf932.html#L29", "articles/001_7491ef1a70dbf932.html#L65", "articles/000_db9fe16b07e37613.html#L17", "articles/003_7681f01793c1b35b.html#L17"}},
		{"Pjongjang", []string{"articles/000_db9fe16b07e37613.html#L26", "articles/001_7491ef1a70dbf932.html#L27"}},
	}
	var req nodeRequest
	for _, tt := range tests {
		req.Queries = append(req.Queries, nodeQuery{Q: tt.q})
	}
	a := runNode(t, docs, req)
	for i, tt := range tests {
		got := a.Queries[i]
		var urls []string
		for _, r := range got.Results {
			urls = append(urls, r.URL)
		}
		for _, u := range tt.want {
			if !slices.Contains(urls, u) {
				t.Errorf("search(%q): %s is not among the %d results", tt.q, u, len(urls))
			}
		}
		t.Logf("search(%q): %d results in %v; first %q", tt.q, len(urls), got.Groups, urls[:min(3, len(urls))])
	}
}

// TestJSSnippets checks the snippets of every result of a few queries on the shipped
// dossier: a piece of the text, cut at words, no longer than asked.
func TestJSSnippets(t *testing.T) {
	req := nodeRequest{Snippets: []snippetTest{{"Munition", 90}, {"Pjongjang", 240}, {"Kim Jong-un", 120}, {"Sanktionen Sicherheitsrat", 160}}}
	a := runNode(t, shippedDocs(t), req)
	for i, q := range req.Snippets {
		if len(a.Snippets[i]) == 0 {
			t.Errorf("%q: no results", q.Q)
		}
		for _, r := range a.Snippets[i] {
			var b strings.Builder
			for _, p := range r.Pieces {
				b.WriteString(p.Text)
			}
			s := b.String()
			body := strings.TrimSuffix(strings.TrimPrefix(s, "… "), " …")
			if !strings.Contains(r.Text, body) || len([]rune(body)) > q.Max {
				t.Errorf("%q: snippet %q is not a piece of at most %d characters of %q", q.Q, s, q.Max, r.Text)
			}
			if cut := strings.HasPrefix(s, "… "); cut && strings.HasPrefix(r.Text, body) || !cut && !strings.HasPrefix(r.Text, body) {
				t.Errorf("%q: snippet %q: ellipsis at the start is wrong", q.Q, s)
			}
			if i := strings.Index(r.Text, body); i > 0 && isWordChar([]rune(r.Text[:i])[len([]rune(r.Text[:i]))-1]) {
				t.Errorf("%q: snippet %q starts inside a word", q.Q, s)
			}
		}
	}
}
