package search

import (
	"strconv"

	"dossier/internal/locale"
)

// Doc is one searchable thing.
type Doc struct {
	Kind  string // "article" (one Doc per paragraph), "note", "actor", "topic" or "event"
	Title string // shown as the result's title: an article's title + " · Z. 34", an actor's name; indexed but for a paragraph's and a note's
	URL   string // relative to the site's root: "articles/x.html#L34"
	Text  string // plain text, indexed, and cut for the snippet
	// Keywords is indexed like Text but never shown; optional. For a paragraph, the names of
	// the actors it mentions under another spelling (a paragraph that says "Shoigu" is then
	// found by "Schoigu").
	Keywords string
	// Lang is the language of the doc's words, which are stemmed by its rules; nil means
	// German.
	Lang *locale.Locale
	// N, if not 0, numbers the doc among others that share its Title and URL, such as the
	// paragraphs of an article: it is shown after each ("… · Z. " and "…#L", then "34"),
	// so that a large site's paragraphs share one title and one URL string per article.
	N int
}

// lang is the code of the doc's language.
func (d *Doc) lang() string {
	if d.Lang == nil {
		return locale.German.Code
	}
	return d.Lang.Code
}

// multilingual reports whether docs are in more than one language: then each document in
// the index says its language, so that search.js marks its text with it.
func multilingual(docs []Doc) bool {
	for i := range docs {
		if docs[i].lang() != docs[0].lang() {
			return true
		}
	}
	return false
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
//
// The JSON is written by hand into one buffer sized ahead: json.Marshal took nearly a third
// of the time, going through reflection for each document and each posting and copying the
// result. Index writes the bytes json.Marshal wrote, strings escaped as it escapes them,
// '<', '>' and '&' too, so that the same docs still give the same index.
func Index(docs []Doc) ([]byte, error) {
	ix, err := analyse(docs)
	if err != nil {
		return nil, err
	}
	stop, multi := ix.stop, multilingual(docs)
	b := make([]byte, 0, indexSize(docs, stop, ix))
	b = append(b, `window.DOSSIER_SEARCH={"v":1,"kinds":`...)
	b = appendStrings(b, kinds[:])
	b = append(b, `,"stop":`...)
	b = appendStrings(b, stop)
	if ix.stemmers != nil {
		b = append(b, `,"stem":`...)
		b = appendStrings(b, ix.stemmers)
	}
	b = append(b, `,"docs":`...)
	if len(docs) == 0 {
		b = append(b, "null"...) // as json.Marshal wrote the nil slice of no docs
	} else {
		b = append(b, '[')
		for i := range docs {
			d := &docs[i]
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, '[')
			b = strconv.AppendInt(b, int64(ix.kind[i]), 10)
			b = append(b, ',')
			b = appendNumbered(b, d.Title, d.N, 0, &htmlSafe)
			b = append(b, ',')
			b = appendNumbered(b, d.URL, d.N, 0, &htmlSafe)
			b = append(b, ',')
			b = appendString(b, d.Text, &htmlSafe)
			if multi {
				b = append(b, ',')
				b = appendString(b, d.lang(), &htmlSafe)
			}
			b = append(b, ']')
		}
		b = append(b, ']')
	}
	b = append(b, `,"terms":`...)
	b = appendStrings(b, ix.terms)
	b = append(b, `,"post":[`...)
	for t, ps := range ix.post {
		if t > 0 {
			b = append(b, ',')
		}
		b = appendPostings(b, ps)
	}
	return append(b, "]};\n"...), nil
}

// indexSize returns at least the bytes Index writes, unless escapes lengthen its strings:
// each posting is counted as long as the largest there can be, each document as a
// document of format 3, which has two numbers more.
func indexSize(docs []Doc, stop []string, ix *analysed) int {
	size := 136 // the names of the fields, the beginning and the end
	for _, ss := range [][]string{kinds[:], stop, ix.terms, ix.stemmers} {
		for _, s := range ss {
			size += len(s) + 3 // "",
		}
	}
	for i := range docs {
		size += docCut{}.size(&docs[i])
	}
	postingDigits := len(strconv.Itoa(len(docs)<<weightBits | (1<<weightBits - 1)))
	for _, ps := range ix.post {
		size += 3 + (postingDigits+1)*len(ps) // [], and a comma after each posting
	}
	return size
}

// appendStrings appends ss to b as a JSON array of strings, escaped as json.Marshal does.
func appendStrings(b []byte, ss []string) []byte {
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, s, &htmlSafe)
	}
	return append(b, ']')
}

// appendPostings appends ps to b as format 1 writes them: a JSON array of one integer per
// document, 8×(document number − previous document number) + weight, where the previous
// number starts at −1.
func appendPostings(b []byte, ps postings) []byte {
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
	return append(b, ']')
}
