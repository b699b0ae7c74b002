package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
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
	// N, if not 0, numbers the doc among others that share its Title and URL, such as the
	// paragraphs of an article: it is shown after each ("… · Z. " and "…#L", then "34"),
	// so that a large site's paragraphs share one title and one URL string per article.
	N int
}

// title and url are the doc's title and URL as shown.
func (d *Doc) title() string { return numbered(d.Title, d.N) }
func (d *Doc) url() string   { return numbered(d.URL, d.N) }

// numbered is s followed by n, unless n is 0.
func numbered(s string, n int) string {
	if n == 0 {
		return s
	}
	return s + strconv.Itoa(n)
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
	for i := range docs {
		d := &docs[i]
		out.Docs = append(out.Docs, []any{ix.kind[i], d.title(), d.url(), d.Text})
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

// MarshalJSON writes ps as format 1 has them: one integer per document,
// 8×(document number − previous document number) + weight, where the previous number
// starts at −1.
func (ps postings) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 4*len(ps)+2)
	b = append(b, '[')
	prev := -1
	for i, p := range ps {
		if i > 0 {
			b = append(b, ',')
		}
		doc := int(p >> weightBits)
		b = strconv.AppendInt(b, int64((doc-prev)<<weightBits|int(p&(1<<weightBits-1))), 10)
		prev = doc
	}
	return append(b, ']'), nil
}
