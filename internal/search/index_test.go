package search

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// smallDocs is a corpus in which each of the checked queries has its answers.
func smallDocs() []Doc {
	return []Doc{
		{Kind: "article", Title: "Putin und Kim · Z. 17", URL: "articles/fr.html#L17",
			Text: "Dort sollen sie erstmals nordkoreanische Waffenlieferungen vereinbart haben, etwa von Artilleriemunition."},
		{Kind: "article", Title: "Freunde in Not · Z. 65", URL: "articles/bbc.html#L65",
			Text: "Mehr als anderthalb Jahre nach Beginn eines Krieges muss Moskau möglicherweise seine Munitionsvorräte auffüllen."},
		{Kind: "article", Title: "Freunde in Not · Z. 29", URL: "articles/bbc.html#L29",
			Text: "Die Vereinigten Staaten behaupten, dass Russland angeblich nach Lieferungen von Munition und Artilleriegranaten sucht."},
		{Kind: "article", Title: "Putin und Kim · Z. 26", URL: "articles/fr.html#L26",
			Text: "Hauptstadt sowie kulturelles und wirtschaftliches Zentrum des Landes ist Pjöngjang."},
		{Kind: "article", Title: "Waffen-Deal · Z. 11", URL: "articles/zdf.html#L11",
			Text: "Im Juli reiste Schoigus Delegation anlässlich des 70. Jahrestages des Waffenstillstands im Korea-Krieg nach Nordkorea."},
		{Kind: "article", Title: "Freunde in Not · Z. 33", URL: "articles/bbc.html#L33",
			Text:     "Kim Jong Un spielte den Reiseführer, als er Herrn Shoigu durch eine Waffenausstellung führte.",
			Keywords: "Sergei Schoigu"},
		{Kind: "article", Title: "Gipfel · Z. 5", URL: "articles/bm.html#L5",
			Text: "Erst die Ankunft Kims mit dem Panzerzug in Wladiwostok, kurz hinter der Grenze Russlands zu Nordkorea. Die Straße war gesperrt."},
		{Kind: "actor", Title: "Sergei Schoigu", URL: "actors/sergei-schoigu.html",
			Text: "Russischer Verteidigungsminister von 2012 bis 2024, danach Sekretär des Sicherheitsrats."},
		{Kind: "actor", Title: "Kim Jong-un", URL: "actors/kim-jong-un.html",
			Text: "Machthaber Nordkoreas seit 2011."},
		{Kind: "note", Title: "Anmerkung zu Z. 17", URL: "articles/fr.html#note-munition",
			Text: "Gemeint sind Granaten vom Kaliber 152 Millimeter."},
		{Kind: "topic", Title: "Waffenlieferungen", URL: "topics/waffenlieferungen.html",
			Text: "Was Nordkorea an Russland liefert und was es dafür bekommt."},
		{Kind: "event", Title: "Schoigu in Pjöngjang", URL: "timeline/index.html#e-schoigu",
			Text: "Der russische Verteidigungsminister besucht die Parade zum Jahrestag des Waffenstillstands."},
	}
}

func TestIndexDeterministic(t *testing.T) {
	for name, docs := range map[string][]Doc{"small": smallDocs(), "shipped": shippedDocs(t)} {
		first := mustIndex(t, docs)
		for range 3 {
			if again := mustIndex(t, docs); !bytes.Equal(first, again) {
				t.Fatalf("%s: Index gave different bytes for the same docs", name)
			}
		}
	}
}

func TestIndexErrors(t *testing.T) {
	tests := []struct {
		name string
		doc  Doc
		want string
	}{
		{"kind", Doc{Kind: "page", Title: "T", URL: "u.html"}, `unknown kind "page"`},
		{"url", Doc{Kind: "note", Title: "T"}, "needs a title and a URL"},
		{"title", Doc{Kind: "note", URL: "u.html"}, "needs a title and a URL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Index([]Doc{smallDocs()[0], tt.doc})
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "doc 1") {
				t.Errorf("Index(%+v) error = %v, want one with %q about doc 1", tt.doc, err, tt.want)
			}
		})
	}
}

// index is the decoded form of Index's output, as search.js reads it.
type index struct {
	V     int      `json:"v"`
	Kinds []string `json:"kinds"`
	Stop  []string `json:"stop"`
	Docs  [][]any  `json:"docs"`
	Terms []string `json:"terms"`
	Post  [][]int  `json:"post"`
}

func decode(t *testing.T, js []byte) *index {
	t.Helper()
	const pre, post = "window.DOSSIER_SEARCH=", ";\n"
	if !bytes.HasPrefix(js, []byte(pre)) || !bytes.HasSuffix(js, []byte(post)) {
		t.Fatalf("index does not look like %s…%q: %.40q", pre, post, js)
	}
	var ix index
	if err := json.Unmarshal(js[len(pre):len(js)-len(post)], &ix); err != nil {
		t.Fatal(err)
	}
	return &ix
}

// postings returns the URL of each document of term t with its weight.
func (ix *index) postings(t *testing.T, term string) map[string]int {
	t.Helper()
	i, ok := slices.BinarySearch(ix.Terms, term)
	if !ok {
		return nil
	}
	m := make(map[string]int)
	doc := -1
	for _, v := range ix.Post[i] {
		doc += v >> weightBits
		m[ix.Docs[doc][2].(string)] = v & (1<<weightBits - 1)
	}
	return m
}

func TestIndexFormat(t *testing.T) {
	docs := smallDocs()
	ix := decode(t, mustIndex(t, docs))
	if ix.V != 1 || !slices.Equal(ix.Kinds, kinds[:]) || len(ix.Docs) != len(docs) || len(ix.Post) != len(ix.Terms) {
		t.Fatalf("index header: v %d, kinds %q, %d docs, %d terms, %d postings", ix.V, ix.Kinds, len(ix.Docs), len(ix.Terms), len(ix.Post))
	}
	if !slices.IsSorted(ix.Terms) {
		t.Error("terms are not sorted")
	}
	for i, d := range docs {
		got := fmt.Sprint(ix.Docs[i])
		want := fmt.Sprint([]any{float64(slices.Index(kinds[:], d.Kind)), d.Title, d.URL, d.Text})
		if got != want {
			t.Errorf("docs[%d] = %s, want %s", i, got, want)
		}
	}
	for i, ps := range ix.Post {
		doc := -1
		for _, v := range ps {
			if v>>weightBits < 1 {
				t.Fatalf("term %q: documents not ascending", ix.Terms[i])
			}
			doc += v >> weightBits
		}
		if doc >= len(docs) {
			t.Fatalf("term %q: document %d of %d", ix.Terms[i], doc, len(docs))
		}
	}
	tests := []struct {
		term string
		want map[string]int // URL → weight
	}{
		// Own occurrences count 1 to 3, compound parts and derived forms 0, a title adds 4.
		{"munition", map[string]int{"articles/fr.html#L17": 0, "articles/bbc.html#L65": 0, "articles/bbc.html#L29": 1}},
		{"pjongjang", map[string]int{"articles/fr.html#L26": 1, "timeline/index.html#e-schoigu": 4}},
		{"schoigu", map[string]int{"articles/zdf.html#L11": 0, "articles/bbc.html#L33": 1, "actors/sergei-schoigu.html": 4, "timeline/index.html#e-schoigu": 4}},
		{"strass", map[string]int{"articles/bm.html#L5": 1}},
		{"koreakrieg", map[string]int{"articles/zdf.html#L11": 0}}, // "Korea-Krieg"
		{"kim", map[string]int{"articles/bbc.html#L33": 1, "articles/bm.html#L5": 1, "actors/kim-jong-un.html": 4}},
		{"und", nil}, // a stop word
	}
	for _, tt := range tests {
		if got := ix.postings(t, tt.term); !mapsEqual(got, tt.want) {
			t.Errorf("postings of %q = %v, want %v", tt.term, got, tt.want)
		}
	}
}

func mapsEqual(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// TestIndexSize holds the index of the shipped dossier to its budget: 150 KB gzipped.
func TestIndexSize(t *testing.T) {
	docs := shippedDocs(t)
	js := mustIndex(t, docs)
	var z bytes.Buffer
	w, _ := gzip.NewWriterLevel(&z, gzip.BestCompression)
	w.Write(js)
	w.Close()
	t.Logf("%d docs: index %d bytes, %d bytes gzipped", len(docs), len(js), z.Len())
	if z.Len() > 150_000 {
		t.Errorf("index of the shipped dossier is %d bytes gzipped, over the budget of 150 KB", z.Len())
	}
}

// TestIndexAsJSON holds Index, which writes its JSON by hand, to referenceIndex, which has
// json.Marshal write it, byte for byte; and, but for docs made of characters to escape, to
// the size it reserves, so that it does not grow its buffer.
func TestIndexAsJSON(t *testing.T) {
	odd := []string{`<script>alert("x")</script>`, "A & B > C", "line\u2028para\u2029end", "tab\tnew\nline\r\b\f\x00\x1f\x7f",
		"bad \xff\xc3 UTF-8", `back\slash "quoted"`, "\ufffd 🚀 Pjöngjang"}
	var escaped []Doc
	for i, s := range odd {
		escaped = append(escaped,
			Doc{Kind: kinds[i%len(kinds)], Title: s, URL: "u/" + s + ".html", Text: s + " Munition " + s, Keywords: s},
			Doc{Kind: "article", Title: s + " · Z. ", URL: "a/" + s + ".html#L", Text: s, N: i + 1})
	}
	for name, docs := range map[string][]Doc{"none": nil, "small": smallDocs(), "shipped": shippedDocs(t), "escaped": escaped, "random": randomDocs(500)} {
		got := mustIndex(t, docs)
		if want := referenceIndex(t, docs); !bytes.Equal(got, want) {
			i := 0
			for i < len(got) && i < len(want) && got[i] == want[i] {
				i++
			}
			t.Errorf("%s: Index differs from json.Marshal at byte %d: %.60q, want %.60q", name, i, got[i:], want[i:])
		}
		ix, err := analyse(docs)
		if err != nil {
			t.Fatal(err)
		}
		if size := indexSize(docs, strings.Fields(stopList), ix); len(got) > size && name != "escaped" {
			t.Errorf("%s: Index wrote %d bytes, more than the %d it reserved", name, len(got), size)
		}
	}
}

// referenceIndex is Index as json.Marshal wrote it.
func referenceIndex(tb testing.TB, docs []Doc) []byte {
	tb.Helper()
	ix, err := analyse(docs)
	if err != nil {
		tb.Fatal(err)
	}
	out := index{V: 1, Kinds: kinds[:], Terms: ix.terms, Stop: strings.Fields(stopList), Post: make([][]int, len(ix.post))}
	for i := range docs {
		d := &docs[i]
		out.Docs = append(out.Docs, []any{ix.kind[i], d.title(), d.url(), d.Text})
	}
	// Format 1's postings: per document, 8×(its number − the previous one's) + weight,
	// the previous number starting at −1.
	for t, ps := range ix.post {
		prev := -1
		for _, p := range ps {
			doc, weight := int(p>>weightBits), int(p&(1<<weightBits-1))
			out.Post[t] = append(out.Post[t], (doc-prev)*8+weight)
			prev = doc
		}
	}
	js, err := json.Marshal(out)
	if err != nil {
		tb.Fatal(err)
	}
	return append(append([]byte("window.DOSSIER_SEARCH="), js...), ";\n"...)
}

func mustIndex(tb testing.TB, docs []Doc) []byte {
	tb.Helper()
	js, err := Index(docs)
	if err != nil {
		tb.Fatal(err)
	}
	return js
}

// BenchmarkIndex indexes a synthetic dossier of 100 articles, the size that Index is for
// (see BenchmarkSharded for its shape), and 10,000 paragraphs made of the seeds' words.
func BenchmarkIndex(b *testing.B) {
	b.Run("articles=100", func(b *testing.B) { benchmarkIndex(b, syntheticDocs(b, 100)) })
	b.Run("paragraphs=10000", func(b *testing.B) {
		var vocab []string
		for _, d := range shippedDocs(b) {
			for _, w := range words(d.Text) {
				vocab = append(vocab, w.s)
			}
		}
		r := rand.New(rand.NewPCG(1, 2))
		docs := make([]Doc, 10_000)
		for i := range docs {
			ws := make([]string, 40+r.IntN(80))
			for j := range ws {
				ws[j] = vocab[r.IntN(len(vocab))]
			}
			docs[i] = Doc{Kind: kinds[i%len(kinds)], Title: fmt.Sprintf("Absatz %d", i), URL: fmt.Sprintf("p/%d.html", i), Text: strings.Join(ws, " ")}
		}
		benchmarkIndex(b, docs)
	})
}

func benchmarkIndex(b *testing.B, docs []Doc) {
	b.ResetTimer()
	for b.Loop() {
		js, err := Index(docs)
		if err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(len(js)))
	}
	b.ReportMetric(float64(len(docs)), "docs")
}
