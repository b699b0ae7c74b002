package search

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Doc is one searchable thing.
type Doc struct {
	Kind  string // "article" (one Doc per paragraph), "note", "actor", "topic" or "event"
	Title string // shown as the result's title: an article's title + " · Z. 34", an actor's name
	URL   string // relative to the site's root: "articles/x.html#L34"
	Text  string // plain text, indexed, and cut for the snippet
	// Keywords is indexed like Text but never shown; optional. For a paragraph, the names of
	// the actors it mentions under another spelling (a paragraph that says "Shoigu" is then
	// found by "Schoigu").
	Keywords string
}

// kinds are the kinds of Doc, in the order the index numbers them.
var kinds = [...]string{"article", "note", "actor", "topic", "event"}

// Weights of a posting; see the package documentation.
const (
	maxCount   = 3 // occurrences counted, in the two low bits
	titleBit   = 4
	weightBits = 3
)

// Index returns the search index of docs as a JavaScript file that sets
// window.DOSSIER_SEARCH; the format is in the package documentation. Docs keep the order
// given, which breaks ties between equally good results.
func Index(docs []Doc) ([]byte, error) {
	ix, err := analyse(docs)
	if err != nil {
		return nil, err
	}
	out := struct {
		V     int        `json:"v"`
		Kinds []string   `json:"kinds"`
		Stop  []string   `json:"stop"`
		Docs  [][]any    `json:"docs"`
		Terms []string   `json:"terms"`
		Post  []postings `json:"post"`
	}{V: 1, Kinds: kinds[:], Terms: ix.terms, Stop: strings.Fields(stopList), Post: ix.post}
	for i, d := range docs {
		out.Docs = append(out.Docs, []any{ix.kind[i], d.Title, d.URL, d.Text})
	}
	js, err := json.Marshal(out)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	var b bytes.Buffer
	b.Grow(len(js) + 32)
	b.WriteString("window.DOSSIER_SEARCH=")
	b.Write(js)
	b.WriteString(";\n")
	return b.Bytes(), nil
}

// index is the analysed corpus.
type analysed struct {
	kind  []int      // per doc, its kind's number
	terms []string   // sorted
	post  []postings // per term
}

func analyse(docs []Doc) (*analysed, error) {
	kindNum := make([]int, len(docs))
	var errs []error
	for i, d := range docs {
		k := slices.Index(kinds[:], d.Kind)
		if k < 0 {
			errs = append(errs, fmt.Errorf("search: doc %d (%q): unknown kind %q; want one of %s", i, d.URL, d.Kind, strings.Join(kinds[:], ", ")))
		}
		if d.URL == "" || d.Title == "" {
			errs = append(errs, fmt.Errorf("search: doc %d (%q, %q): a doc needs a title and a URL", i, d.Title, d.URL))
		}
		kindNum[i] = k
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}

	// The corpus first says which words stand on their own, then every doc is analysed
	// with that knowledge.
	a := newAnalyzer()
	for _, d := range docs {
		for _, f := range d.fields() {
			for _, w := range words(f.text) {
				a.learn(a.fold(w.s))
			}
		}
	}
	post := make(map[string]postings) // term → posting values, documents ascending
	for i, d := range docs {
		for t, weight := range d.terms(a) {
			post[t] = append(post[t], i<<weightBits|weight)
		}
	}
	ix := &analysed{kind: kindNum, terms: make([]string, 0, len(post))}
	for t := range post {
		ix.terms = append(ix.terms, t)
	}
	slices.Sort(ix.terms)
	ix.post = make([]postings, len(ix.terms))
	for i, t := range ix.terms {
		ix.post[i] = post[t] // documents ascending: they were added in order
	}
	return ix, nil
}

// postings are the posting values of a term, documents ascending, written
// delta-encoded.
type postings []int

func (ps postings) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 4*len(ps)+2)
	b = append(b, '[')
	prev := -1
	for i, p := range ps {
		if i > 0 {
			b = append(b, ',')
		}
		doc := p >> weightBits
		b = fmt.Appendf(b, "%d", (doc-prev)<<weightBits|p&(1<<weightBits-1))
		prev = doc
	}
	return append(b, ']'), nil
}

// field is a text of a Doc and whether it is a title.
type field struct {
	text  string
	title bool
}

// fields returns the texts of d that are indexed. An article's title names the article,
// not the paragraph, so it is not.
func (d *Doc) fields() []field {
	fs := []field{{d.Text, false}, {d.Keywords, false}}
	if d.Kind != "article" {
		fs = append(fs, field{d.Title, true})
	}
	return fs
}

// terms returns the terms of d with their weights.
func (d *Doc) terms(a *analyzer) map[string]int {
	count := make(map[string]int)
	inTitle := make(map[string]bool)
	derived := make(map[string]bool)
	for _, f := range d.fields() {
		ws := words(f.text)
		prev := ""
		for i, w := range ws {
			fw := a.fold(w.s)
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
			// "Ukraine-Krieg" also counts as "Ukrainekrieg".
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
	weights := make(map[string]int, len(count)+len(derived))
	for t := range derived {
		weights[t] = 0
	}
	for t, n := range count {
		weights[t] = min(n, maxCount)
	}
	for t := range inTitle {
		weights[t] |= titleBit
	}
	return weights
}

// isHyphen reports whether s, the text between two words, is a hyphen alone.
func isHyphen(s string) bool {
	return s == "-" || s == "\u2010" || s == "\u2011"
}
