package search

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"dossier/internal/locale"
)

// TestJSStemsEnglishAsGo compares search.js's English stemmer with Snowball's in Go on
// every word of the English news texts of the linker's corpus, on the examples of the
// Porter2 description and on random words with English endings.
func TestJSStemsEnglishAsGo(t *testing.T) {
	seen := make(map[string]bool)
	var ws []string
	add := func(w string) {
		if f := fold(w); !seen[f] {
			seen[f] = true
			ws = append(ws, f)
		}
	}
	files, err := filepath.Glob("../dossier/testdata/names/en-*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no English texts: %v", err)
	}
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range words(string(b)) {
			add(w.s)
		}
	}
	for _, w := range strings.Fields(`sanctions sanctioned sanctioning consign consigned consigning consignment
		consist consisted consistency consistent consistently consisting consists generously generate generation
		communication communism arsenal arsenic caresses ponies ties cats feed agreed plastered bled motoring sing
		conflated troubled sized hopping tanned falling hissing fizzed failing filing happy sky skies dying lying
		tying news howe atlas cosmos bias andes inning outing canning herring earring proceed exceed succeed
		relational conditional rational valenci hesitanci digitizer conformabli radicalli differentli vileli
		analogousli vietnamization predication operator feudalism decisiveness hopefulness callousness formaliti
		sensitiviti sensibiliti triplicate formative formalize electriciti electrical hopeful goodness revival
		allowance inference airliner gyroscopic adjustable defensible irritant replacement adjustment dependent
		adoption homologou communism activate angulariti homologous effective bowdlerize probate rate cease
		controll roll yelled yes eyes say cry by gas gaps his us kiss united states korea koreas korean missiles
		ammunition agreements fully logically apology ideology early only singly gently ugly idly yay yoyo`) {
		add(w)
	}
	r := rand.New(rand.NewPCG(8, 8))
	letters := []rune("aeiouybcdfghklmnprstvwxzaeeinrstuy")
	endings := []string{"", "s", "es", "ies", "ied", "sses", "ed", "ing", "edly", "ingly", "eed", "eedly", "ly", "li",
		"tional", "ational", "ization", "izer", "ator", "alism", "aliti", "iveness", "fulness", "ousness", "biliti",
		"ogi", "lessli", "entli", "alize", "icate", "ical", "ful", "ness", "ative", "al", "ance", "ence", "er", "ic",
		"able", "ible", "ant", "ement", "ment", "ent", "ism", "ate", "iti", "ous", "ive", "ize", "ion", "sion", "tion",
		"e", "le", "ll", "y", "at", "bl", "iz", "bb", "tt"}
	for range 20_000 {
		w := make([]rune, 1+r.IntN(8))
		for i := range w {
			w[i] = letters[r.IntN(len(letters))]
		}
		add(string(w) + endings[r.IntN(len(endings))])
	}
	a := runNode(t, nil, nodeRequest{Words: ws})
	if len(a.Words) != len(ws) {
		t.Fatalf("node answered %d words for %d", len(a.Words), len(ws))
	}
	bad := 0
	for i, f := range ws {
		if got, want := a.Words[i].English, locale.English.Search.Stem(f); got != want {
			t.Errorf("word %q: search.js stems it in English to %q, Go to %q", f, got, want)
			if bad++; bad > 20 {
				t.Fatal("too many differences")
			}
		}
	}
	t.Logf("%d words compared", len(ws))
}

// TestSearchByLanguage: each document's words are stemmed by its language's rules, and a
// query finds the inflected forms of each language: "sanction" finds the English
// "sanctioned" and "sanctions", "Sanktion" the German "Sanktionen"; the German stop word
// "war" is an English word, and found as one; and an index of German documents alone
// says nothing of stemmers, as before.
func TestSearchByLanguage(t *testing.T) {
	docs := []Doc{
		{Kind: "article", Title: "Wire · l. ", URL: "a.html#L", N: 3, Text: "The council sanctioned three banks over the war.", Lang: locale.English},
		{Kind: "article", Title: "Wire · l. ", URL: "a.html#L", N: 5, Text: "Further sanctions are expected.", Lang: locale.English},
		{Kind: "article", Title: "Blatt · Z. ", URL: "b.html#L", N: 2, Text: "Der Rat beschloss neue Sanktionen, es war spät.", Lang: locale.German},
		{Kind: "note", Title: "Kontext · Blatt, Z. 2", URL: "b.html#n", Text: "Die Sanktion trifft Banken."},
	}
	index := string(mustIndex(t, docs))
	if !strings.Contains(index, `"stem":["english","german"]`) {
		t.Errorf("the index does not name its stemmers:\n%.300s", index)
	}
	for _, term := range []string{`"sanction"`, `"sanktion"`, `"council"`, `"expect"`} {
		if !strings.Contains(index, term) {
			t.Errorf("the index lacks the term %s", term)
		}
	}
	german := string(mustIndex(t, docs[2:]))
	if strings.Contains(german, `"stem"`) {
		t.Errorf("an index of German documents names stemmers:\n%.300s", german)
	}

	for sharded, idx := range map[bool]string{false: index, true: shardedText(t, docs)} {
		for _, want := range []string{`sanctioned three banks over the war.","en"]`, `Sanktionen, es war spät.","de"]`} {
			if !strings.Contains(idx, want) {
				t.Errorf("the index (sharded %v) lacks %s", sharded, want)
			}
		}
	}
	if strings.Contains(german, `","de"]`) {
		t.Errorf("an index of German documents names their language:\n%.300s", german)
	}

	queries := []nodeQuery{{Q: "sanction"}, {Q: "sanctioning"}, {Q: "Sanktion"}, {Q: "war"}, {Q: "banks"}, {Q: "expecting"}}
	for _, sharded := range []bool{false, true} {
		a := runNodeIndex(t, docs, nodeRequest{Queries: queries}, sharded)
		checkLanguageQueries(t, queries, a)
	}
}

func checkLanguageQueries(t *testing.T, queries []nodeQuery, a *nodeAnswer) {
	t.Helper()
	want := map[string][]string{
		"sanction":    {"a.html#L3", "a.html#L5"},
		"sanctioning": {"a.html#L3", "a.html#L5"},
		"Sanktion":    {"b.html#L2", "b.html#n"},
		"war":         {"a.html#L3"},
		"banks":       {"a.html#L3", "b.html#n"},
		"expecting":   {"a.html#L5"},
	}
	for i, q := range queries {
		var got []string
		for _, r := range a.Queries[i].Results {
			got = append(got, r.URL)
			// Each result says its document's language, for search.js to mark its text.
			if want := map[bool]string{true: "en", false: "de"}[strings.HasPrefix(r.URL, "a.html")]; r.Lang != want {
				t.Errorf("query %q: result %s in language %q, want %q", q.Q, r.URL, r.Lang, want)
			}
		}
		slices.Sort(got)
		if !slices.Equal(got, want[q.Q]) {
			t.Errorf("query %q finds %q, want %q", q.Q, got, want[q.Q])
		}
	}
}

// shardedText returns the files of the sharded index of docs, one after the other.
func shardedText(t *testing.T, docs []Doc) string {
	t.Helper()
	first, shards, err := shardAll(docs)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.Write(first)
	for _, s := range shards {
		b.Write(s.Data)
	}
	return b.String()
}
