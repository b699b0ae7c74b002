package search

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestAnalyseAsReference holds analyse, which numbers words and terms to be fast, to
// referenceAnalyse, which says the same in maps of strings, on the shipped dossier and on
// random texts made to meet the rules' edges: hyphenated pairs, stop words, compounds,
// genitives, titles, keywords, words that fold to nothing.
func TestAnalyseAsReference(t *testing.T) {
	for name, docs := range map[string][]Doc{"small": smallDocs(), "shipped": shippedDocs(t), "random": randomDocs(2000)} {
		got, err := analyse(docs)
		if err != nil {
			t.Fatal(err)
		}
		want := referenceAnalyse(docs)
		if !slices.Equal(got.terms, want.terms) {
			t.Errorf("%s: %d terms, want %d", name, len(got.terms), len(want.terms))
			continue
		}
		for i := range want.terms {
			if !slices.Equal(got.post[i], want.post[i]) {
				t.Errorf("%s: postings of %q = %v, want %v", name, got.terms[i], got.post[i], want.post[i])
			}
		}
	}
}

// randomDocs returns n docs of every kind whose texts are random words of a small
// vocabulary, joined by spaces, hyphens and punctuation.
func randomDocs(n int) []Doc {
	vocab := []string{"Munition", "munition", "Artilleriemunition", "Munitionsvorräte", "Vorräte", "Krieg",
		"Kriegs", "Ukraine", "Korea", "Nordkorea", "Nordkoreas", "Schoigu", "Schoigus", "und", "der", "Über",
		"über", "Straße", "STRASSE", "Waffen", "Lieferungen", "Waffenlieferungen", "Welt", "Raum", "Bahnhof",
		"Weltraumbahnhof", "2024", "kn23", "Rat", "Sicherheitsrat", "Ende", "Legende", "Pjöngjang", "Pjo\u0308ngjang",
		"Artil\u00adlerie", "\u00ad", "İstanbul", "ΣΟΣ", "김정은", "x", "Ærø"}
	seps := []string{" ", " ", " ", "-", "\u2010", " - ", ", ", ". ", "--", "\u00a0"}
	r := rand.New(rand.NewPCG(3, 4))
	text := func(max int) string {
		var b strings.Builder
		for i := range r.IntN(max) {
			if i > 0 {
				b.WriteString(seps[r.IntN(len(seps))])
			}
			b.WriteString(vocab[r.IntN(len(vocab))])
		}
		return b.String()
	}
	docs := make([]Doc, n)
	for i := range docs {
		docs[i] = Doc{Kind: kinds[r.IntN(len(kinds))], Title: "T " + text(5), URL: fmt.Sprintf("u/%d.html", i), Text: text(30)}
		if r.IntN(3) == 0 {
			docs[i].Keywords = text(4)
		}
	}
	return docs
}

// referenceAnalyse is analyse as the package documentation says it, a map for everything.
func referenceAnalyse(docs []Doc) *analysed {
	fields := func(d Doc) []field {
		fs := []field{{d.Text, false}, {d.Keywords, false}}
		if d.Kind != "article" && d.Kind != "note" {
			fs = append(fs, field{d.Title, true})
		}
		return fs
	}
	a := newAnalyzer()
	for _, d := range docs {
		for _, f := range fields(d) {
			for _, w := range words(f.text) {
				a.learn(fold(w.s))
			}
		}
	}
	post := make(map[string]postings)
	for i, d := range docs {
		count := make(map[string]int)
		inTitle := make(map[string]bool)
		derived := make(map[string]bool)
		for _, f := range fields(d) {
			ws := words(f.text)
			prev := ""
			for i, w := range ws {
				fw := fold(w.s)
				if !indexable(fw) {
					prev = ""
					continue
				}
				t := a.stem(fw)
				if f.title {
					inTitle[t] = true
				} else {
					count[t]++
				}
				ds := a.derivedTerms(fw)
				if prev != "" && isHyphen(f.text[ws[i-1].end:w.start]) {
					ds = append(slices.Clip(ds), a.stem(prev+fw))
				}
				for _, p := range ds {
					derived[p] = true
					if f.title {
						inTitle[p] = true
					}
				}
				prev = fw
			}
		}
		weights := make(map[string]int)
		for t := range derived {
			weights[t] = 0
		}
		for t, n := range count {
			weights[t] = min(n, maxCount)
		}
		for t := range inTitle {
			weights[t] |= titleBit
		}
		for t, w := range weights {
			post[t] = append(post[t], uint32(i<<weightBits|w))
		}
	}
	ix := &analysed{}
	for t := range post {
		ix.terms = append(ix.terms, t)
	}
	slices.Sort(ix.terms)
	for _, t := range ix.terms {
		ix.post = append(ix.post, post[t])
	}
	return ix
}

// field is a text of a Doc and whether it is a title.
type field struct {
	text  string
	title bool
}
