package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"dossier/internal/benchgen"
)

// TestJSSearchSharded holds the sharded index to the single one: on the shipped dossier,
// search.js gives the same results, in the same order, with the same marked words, and a
// query loads only the shards it needs.
func TestJSSearchSharded(t *testing.T) {
	docs := shippedDocs(t)
	var req nodeRequest
	for _, q := range []string{"Schoigu", "Munition", "Pjongjang", "Kim Jong Un", "Ukraine-Krieg", "russische Soldaten", "Artilleriemunition", "xyzzy"} {
		req.Queries = append(req.Queries, nodeQuery{Q: q}, nodeQuery{Q: q[:len(q)-2], Typing: true})
	}
	req.Snippets = []snippetTest{{"Munition", 80}, {"Schoigu", 240}}
	one := runNodeIndex(t, docs, req, false)
	sharded := runNodeIndex(t, docs, req, true)
	_, shards, err := shardAll(docs)
	if err != nil {
		t.Fatal(err)
	}
	for i, q := range req.Queries {
		a, b := one.Queries[i], sharded.Queries[i]
		if !reflect.DeepEqual(a.Results, b.Results) || !reflect.DeepEqual(a.Groups, b.Groups) {
			t.Errorf("search(%q, typing %v): sharded index gives %d results in %v, want %d in %v", q.Q, q.Typing, len(b.Results), b.Groups, len(a.Results), a.Groups)
		}
		if len(b.Shards) >= len(shards) {
			t.Errorf("search(%q): loaded all %d shards", q.Q, len(b.Shards))
		}
		t.Logf("search(%q, typing %v): %d results, %d of %d shards", q.Q, q.Typing, len(b.Results), len(b.Shards), len(shards))
	}
	if !reflect.DeepEqual(one.Snippets, sharded.Snippets) {
		t.Errorf("snippets differ between the single and the sharded index")
	}
}

// TestJSShardedDocs holds the sharded index to the single one on documents whose titles
// and URLs share beginnings cut in awkward places (after a character outside the Basic
// Multilingual Plane, at a byte that is not UTF-8, at U+2028), in short runs of each
// kind, so that every shard begins a run or goes on with one, and on postings far apart.
func TestJSShardedDocs(t *testing.T) {
	prefixes := []string{"Pjöngjang · Z. ", "🚀 Start · Z. ", "🚀 Stop · Z. ", "a\xffb · Z. ", "a\xfeb · Z. ", "a\ufffdb · Z. ", "Linie\u2028 · Z. ", `"Zitat" \ · Z. `, "Ärger · Z. ", "Ärger · Z. 1"}
	docs := randomDocs(1000)
	r := rand.New(rand.NewPCG(5, 6))
	for i := range docs {
		p := prefixes[r.IntN(len(prefixes))]
		docs[i].Title = fmt.Sprintf("%s%d", p, r.IntN(30))
		docs[i].URL = fmt.Sprintf("articles/%s.html#L%d", p[:r.IntN(len(p))], i)
		docs[i].Text += " Munition"
	}
	for _, i := range []int{2, 900, 901, 999} { // postings of one, three and two digits
		docs[i].Text += " Xylophon"
	}
	req := nodeRequest{Queries: []nodeQuery{{Q: "Munition"}, {Q: "Xylophon"}}}
	one := runNodeIndex(t, docs, req, false)
	sharded := runNodeIndex(t, docs, req, true)
	for i, q := range req.Queries {
		a, b := one.Queries[i], sharded.Queries[i]
		if len(a.Results) == 0 || !reflect.DeepEqual(a.Results, b.Results) {
			t.Errorf("search(%q): sharded index gives %d results, want %d", q.Q, len(b.Results), len(a.Results))
		}
		for j := range min(len(a.Results), len(b.Results)) {
			if !reflect.DeepEqual(a.Results[j], b.Results[j]) {
				t.Errorf("search(%q): result %d is %q, %q in the sharded index, want %q, %q", q.Q, j, b.Results[j].Title, b.Results[j].URL, a.Results[j].Title, a.Results[j].URL)
				break
			}
		}
	}
}

func TestShardedDeterministic(t *testing.T) {
	for name, docs := range map[string][]Doc{"small": smallDocs(), "shipped": shippedDocs(t), "random": randomDocs(2000)} {
		first, shards, err := shardAll(docs)
		if err != nil {
			t.Fatal(err)
		}
		again, shards2, err := shardAll(docs)
		if err != nil {
			t.Fatal(err)
		}
		if string(first) != string(again) || !reflect.DeepEqual(shards, shards2) {
			t.Errorf("%s: Sharded gives other bytes for the same docs", name)
		}
	}
}

// BenchmarkSharded indexes synthetic dossiers shaped like benchgen's: 40 paragraphs an
// article, 3 notes an article, an event every other article, an actor every tenth.
func BenchmarkSharded(b *testing.B) {
	for _, n := range []int{1000, 10_000} {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			docs := syntheticDocs(b, n)
			b.ResetTimer()
			for b.Loop() {
				if _, _, err := shardAll(docs); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(docs)), "docs")
		})
	}
}

// syntheticDocs returns the Docs of a synthetic dossier of n articles made of the seeds'
// sentences, shaped like the ones internal/benchgen writes.
func syntheticDocs(tb testing.TB, n int) []Doc {
	tb.Helper()
	var texts []string
	for _, d := range shippedDocs(tb) {
		texts = append(texts, d.Text)
	}
	sentences := benchgen.Sentences(texts...)
	r := rand.New(rand.NewPCG(uint64(n), 1))
	sentence := func() string { return sentences[r.IntN(len(sentences))] }
	var actors, notes, events []Doc
	for i := range max(50, n/10) {
		name := fmt.Sprintf("Person %d Becker", i)
		actors = append(actors, Doc{Kind: "actor", Title: name, URL: fmt.Sprintf("actors/person-%d.html", i), Text: "Synthetische Person für Messungen."})
	}
	var docs []Doc
	for i := 1; i <= n; i++ {
		title := strings.Join(strings.Fields(sentence())[:3], " ")
		for p := 1; p <= 43; p++ {
			d := Doc{Kind: "article", Title: fmt.Sprintf("%s · Z. %d", title, p), URL: fmt.Sprintf("articles/%05d.html#L%d", i, p)}
			if p%14 == 13 {
				d.Text = strings.Join(strings.Fields(sentence())[:2], " ")
			} else {
				d.Text = sentence()
				if r.IntN(4) == 0 {
					d.Text += " " + sentence()
				}
				if r.IntN(3) == 0 {
					a := actors[r.IntN(len(actors))]
					d.Text += " " + a.Title + " äußerte sich dazu nicht."
					d.Keywords = a.Title
				}
			}
			docs = append(docs, d)
		}
		for k := 1; k <= 3; k++ {
			notes = append(notes, Doc{Kind: "note", Title: fmt.Sprintf("Kontext · %s, Z. %d", title, 3*k), URL: fmt.Sprintf("articles/%05d.html#note-%d", i, k),
				Text: sentence() + " " + sentence(), Keywords: sentence()})
		}
		if i%2 == 1 {
			events = append(events, Doc{Kind: "event", Title: fmt.Sprintf("1. März 2024: Ereignis zu Artikel %05d", i), URL: fmt.Sprintf("timeline/index.html#e%05d", i),
				Text: "Synthetisches Ereignis für Messungen."})
		}
	}
	docs = append(append(docs, notes...), actors...)
	for i := range 30 {
		docs = append(docs, Doc{Kind: "topic", Title: fmt.Sprintf("Thema %d", i), URL: fmt.Sprintf("topics/%d.html", i), Text: "Synthetisches Thema für Messungen."})
	}
	return append(docs, events...)
}

// FuzzAppendString holds appendString to encoding/json: with plainSafe to an Encoder
// without HTML escaping, with htmlSafe to json.Marshal.
func FuzzAppendString(f *testing.F) {
	for _, s := range []string{"", "Pjöngjang", `"quoted" \ back`, "tab\tnew\nline\r\b\f\x00\x1f\x7f", "a\xffb\xc3", "line\u2028para\u2029",
		"<script>&amp;</script>", "🚀 U+10000 and beyond", "\ufffd"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		if got := appendString(nil, s, &plainSafe); string(got)+"\n" != want.String() {
			t.Errorf("appendString(%q, &plainSafe) = %s, want %s", s, got, want.String())
		}
		wantHTML, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendString(nil, s, &htmlSafe); string(got) != string(wantHTML) {
			t.Errorf("appendString(%q, &htmlSafe) = %s, want %s", s, got, wantHTML)
		}
	})
}

func TestPostingString(t *testing.T) {
	tests := []struct {
		docs, weights []int
		want          string
	}{
		{[]int{0}, []int{1}, `"1a"`},
		{[]int{1, 28}, []int{1, 0}, `"10bBa"`},                         // the package documentation's example
		{[]int{0, 1, 2, 3}, []int{7, 4, 3, 5}, `"7435aaaa"`},           // neighbours
		{[]int{25, 26, 702, 1379}, []int{0, 0, 0, 0}, `"0000zaZzBAa"`}, // 675 = 25×26 + 25, 676 = 26²
		{[]int{1<<29 - 1}, []int{2}, `"2BTEVRTf"`},                     // the largest document number
	}
	for _, tt := range tests {
		var ps postings
		for i, d := range tt.docs {
			ps = append(ps, uint32(d<<weightBits|tt.weights[i]))
		}
		if got := string(appendPostingString(nil, ps)); got != tt.want {
			t.Errorf("appendPostingString(docs %v, weights %v) = %s, want %s", tt.docs, tt.weights, got, tt.want)
		}
	}
}

// shardAll returns the first file and the shards of Sharded, the shards in the order
// emitted.
func shardAll(docs []Doc) (first []byte, shards []ShardFile, err error) {
	var mu sync.Mutex
	first, err = Sharded(docs, func(s ShardFile) error {
		mu.Lock()
		defer mu.Unlock()
		shards = append(shards, ShardFile{s.Name, bytes.Clone(s.Data)}) // Sharded reuses it
		return nil
	})
	// Documents and postings come from two goroutines: in the order of their names.
	slices.SortFunc(shards, func(a, b ShardFile) int { return strings.Compare(a.Name, b.Name) })
	return first, shards, err
}

// TestNumberedDocs checks that docs numbered by N, sharing one title and URL string, give
// the same index, sharded or not, as docs that spell out each title and URL; paragraphs
// numbered past 9, 99 and 999 share fewer digits with the one before.
func TestNumberedDocs(t *testing.T) {
	var spelled, numbered []Doc
	for _, d := range syntheticDocs(t, 40) {
		spelled = append(spelled, d)
		if d.Kind == "article" {
			title, n, _ := strings.Cut(d.Title, " · Z. ")
			url, _, _ := strings.Cut(d.URL, "#L")
			line, err := strconv.Atoi(n)
			if err != nil {
				t.Fatal(err)
			}
			line = line * 47 // numbers of several lengths
			spelled[len(spelled)-1].Title = title + " · Z. " + strconv.Itoa(line)
			spelled[len(spelled)-1].URL = url + "#L" + strconv.Itoa(line)
			d.Title, d.URL, d.N = title+" · Z. ", url+"#L", line
		}
		numbered = append(numbered, d)
	}
	want, err := Index(spelled)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := Index(numbered); err != nil || !bytes.Equal(got, want) {
		t.Errorf("Index of numbered docs differs (%v)", err)
	}
	wantFirst, wantShards, err := shardAll(spelled)
	if err != nil {
		t.Fatal(err)
	}
	first, shards, err := shardAll(numbered)
	if err != nil || !bytes.Equal(first, wantFirst) || len(shards) != len(wantShards) {
		t.Fatalf("Sharded of numbered docs: %d shards, want %d (%v)", len(shards), len(wantShards), err)
	}
	for i := range shards {
		if shards[i].Name != wantShards[i].Name || !bytes.Equal(shards[i].Data, wantShards[i].Data) {
			t.Errorf("shard %s differs from %s", shards[i].Name, wantShards[i].Name)
		}
	}
}
