package search

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"dossier/internal/locale"
)

// Analysis. A dossier says the same words again and again: the synthetic one of 10,000
// articles 12 million words, 9,000 distinct ones. So each distinct word is folded,
// stemmed and split once: a first pass numbers the words as written, keeps each document
// as the numbers of its indexed words (tokens) and learns which words stand on their own;
// a second pass, once the whole corpus has said that and so what the compound parts of a
// word are, adds up each document's terms and their weights from the numbers, in arrays
// indexed by term number rather than maps of strings.

// analysed is the analysed corpus.
type analysed struct {
	kind  []int      // per doc, its kind's number
	terms []string   // sorted
	post  []postings // per term
	// stop are the stop words of the docs' languages, the first language's first; stemmers
	// names their stemmers for search.js, nil when they are German's alone, as before
	// languages were more than one.
	stop     []string
	stemmers []string
}

// postings are the posting values of a term, document<<weightBits | weight, documents
// ascending; they are written delta-encoded.
type postings []uint32

// analyse checks docs and returns their terms and postings.
func analyse(docs []Doc) (*analysed, error) {
	kindNum, err := kindsOf(docs)
	if err != nil {
		return nil, err
	}
	return analyseKinds(docs, kindNum), nil
}

// analyseKinds returns the terms and postings of docs, whose kinds' numbers kindsOf gave.
func analyseKinds(docs []Doc, kindNum []int) *analysed {
	v := newVocabulary()
	toks, ends := v.read(docs)
	stop, stemmers := v.languages()
	v.derive()
	post := v.postings(toks, ends)

	order := make([]int32, len(v.terms))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return strings.Compare(v.terms[a], v.terms[b]) })
	ix := &analysed{kind: kindNum, terms: make([]string, len(order)), post: make([]postings, len(order)), stop: stop, stemmers: stemmers}
	for i, t := range order {
		ix.terms[i], ix.post[i] = v.terms[t], post[t]
	}
	return ix
}

// kindsOf returns the kind number of each doc, or the errors of the docs that are not
// well formed.
func kindsOf(docs []Doc) ([]int, error) {
	if len(docs) >= 1<<(32-weightBits) {
		return nil, fmt.Errorf("search: %d docs; at most %d fit in a posting", len(docs), 1<<(32-weightBits)-1)
	}
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
	return kindNum, errors.Join(errs...)
}

// vocabulary numbers the words of a corpus as written and the terms they are indexed
// under, and keeps what the analyzer says of each word.
type vocabulary struct {
	langs   []*lexicon         // the languages of the docs, in the order first met
	ids     map[string]int32   // word as written → its number, in German
	words   []vocabWord        // by number
	termIDs map[string]int32   // term → its number
	terms   []string           // by number, in the order first met
	pairs   map[[2]int32]int32 // two hyphenated words → the term of the two written together
}

// A lexicon is what the vocabulary knows of one language: its analyzer, and the numbers
// of its words as written. A word is one word in each language it is written in, since
// each stems it its own way ("die" is no word in German, a verb in English).
type lexicon struct {
	lang *locale.Search
	a    *analyzer
	ids  map[string]int32
}

// vocabWord is a distinct word of the corpus as written, in one language.
type vocabWord struct {
	lang    uint8 // its lexicon's index
	folded  string
	term    int32   // its own term; -1 if the word is not indexed (a stop word)
	derived []int32 // the terms of its compound parts and derived forms; set by derive
}

func newVocabulary() *vocabulary {
	return &vocabulary{
		ids:     make(map[string]int32),
		termIDs: make(map[string]int32),
		pairs:   make(map[[2]int32]int32),
	}
}

// A token is an indexed word of a document as the first pass keeps it: the number of the
// word, or with tokPair the number of the term of a hyphenated pair, and tokTitle when it
// is in a title. Stop words are left out. Thirty bits number more words than a corpus that
// fits in memory has.
const (
	tokTitle = 1 << 31
	tokPair  = 1 << 30
	tokID    = tokPair - 1
)

// read cuts every doc into its tokens, numbering the words and their terms, and learns
// which words stand on their own. The tokens of doc i end at ends[i].
func (v *vocabulary) read(docs []Doc) (toks []uint32, ends []int) {
	size := 0
	for i := range docs {
		size += len(docs[i].Text) + len(docs[i].Keywords)
	}
	toks = make([]uint32, 0, size/8) // some 10 bytes of text a token; fewer mean a copy
	ends = make([]int, len(docs))
	for i := range docs {
		d := &docs[i]
		lx := v.lexicon(d.Lang)
		toks = v.readText(lx, toks, d.Text, 0)
		toks = v.readText(lx, toks, d.Keywords, 0)
		// The title of an article's paragraph names the article, and a note's names the
		// article and line it annotates: neither is the paragraph's or the note's own words,
		// so neither is indexed ("Munition" in an article's title would find every note on
		// it).
		if d.Kind != "article" && d.Kind != "note" {
			toks = v.readText(lx, toks, d.title(), tokTitle)
		}
		ends[i] = len(toks)
	}
	return toks, ends
}

// lexicon returns the lexicon of the language of lang, German's if nil, making it when
// the vocabulary has none yet. German's words are numbered in v.ids.
func (v *vocabulary) lexicon(lang *locale.Locale) *lexicon {
	s := &locale.German.Search
	if lang != nil {
		s = &lang.Search
	}
	for _, lx := range v.langs {
		if lx.lang == s {
			return lx
		}
	}
	lx := &lexicon{lang: s, a: newAnalyzerFor(s), ids: make(map[string]int32)}
	if s == &locale.German.Search {
		lx.ids = v.ids
	}
	if len(v.langs) == 255 {
		panic("search: more than 255 languages")
	}
	v.langs = append(v.langs, lx)
	return lx
}

// languages returns the stop words of the vocabulary's languages, without duplicates, and
// the names of their stemmers; nil if that is German alone, which is search.js's default.
func (v *vocabulary) languages() (stop, stemmers []string) {
	if len(v.langs) == 0 {
		return strings.Fields(stopList), nil
	}
	seen := map[string]bool{}
	german := true
	for _, lx := range v.langs {
		for _, w := range strings.Fields(lx.lang.Stop) {
			if !seen[w] {
				seen[w] = true
				stop = append(stop, w)
			}
		}
		stemmers = append(stemmers, lx.lang.Stemmer)
		german = german && lx.lang == &locale.German.Search
	}
	if german {
		stemmers = nil
	}
	return stop, stemmers
}

// readText appends the tokens of the text s in the language of lx to toks, with the bit
// title.
func (v *vocabulary) readText(lx *lexicon, toks []uint32, s string, title uint32) []uint32 {
	prev, prevEnd := int32(-1), 0
	for start, end := nextWord(s, 0); start >= 0; start, end = nextWord(s, end) {
		id := v.word(lx, s[start:end])
		if v.words[id].term < 0 {
			prev = -1
		} else {
			toks = append(toks, uint32(id)|title)
			// "Ukraine-Krieg" also counts as "Ukrainekrieg".
			if prev >= 0 && isHyphen(s[prevEnd:start]) {
				toks = append(toks, uint32(v.pair(prev, id))|tokPair|title)
			}
			prev = id
		}
		prevEnd = end
	}
	return toks
}

// word returns the number of the word w as written in the language of lx, analysing it
// when it is new.
func (v *vocabulary) word(lx *lexicon, w string) int32 {
	if id, ok := lx.ids[w]; ok {
		return id
	}
	id := int32(len(v.words))
	f := fold(w)
	vw := vocabWord{lang: uint8(slices.Index(v.langs, lx)), folded: f, term: -1}
	if lx.a.indexable(f) {
		lx.a.learn(f)
		vw.term = v.term(lx.a.stem(f))
	}
	v.words = append(v.words, vw)
	lx.ids[w] = id
	return id
}

// term returns the number of the term t, numbering it when it is new.
func (v *vocabulary) term(t string) int32 {
	if id, ok := v.termIDs[t]; ok {
		return id
	}
	id := int32(len(v.terms))
	v.terms = append(v.terms, t)
	v.termIDs[t] = id
	return id
}

// pair returns the number of the term of the words a and b written together.
func (v *vocabulary) pair(a, b int32) int32 {
	k := [2]int32{a, b}
	t, ok := v.pairs[k]
	if !ok {
		t = v.term(v.langs[v.words[a].lang].a.stem(v.words[a].folded + v.words[b].folded))
		v.pairs[k] = t
	}
	return t
}

// derive sets the derived terms of every word. The whole corpus must have been read: a
// compound part counts when it stands on its own somewhere.
func (v *vocabulary) derive() {
	for i := range v.words {
		w := &v.words[i]
		if w.term < 0 {
			continue
		}
		for _, t := range v.langs[w.lang].a.derivedTerms(w.folded) {
			w.derived = append(w.derived, v.term(t))
		}
	}
}

// postings returns the postings of each term, by term number, from the tokens of the
// documents that read returned.
func (v *vocabulary) postings(toks []uint32, ends []int) [][]uint32 {
	post := v.room(toks, ends)
	// The weight of each term in the document at hand, as in a posting, with present
	// set once the document has the term; and the terms that have it set.
	const present = 1 << weightBits
	weight := make([]uint8, len(v.terms))
	var seen []int32
	add := func(t int32, title, own bool) {
		w := weight[t]
		if w == 0 {
			seen = append(seen, t)
			w = present
		}
		if title {
			w |= titleBit
		} else if own && w&maxCount < maxCount {
			w++
		}
		weight[t] = w
	}
	from := 0
	for doc, end := range ends {
		for _, tok := range toks[from:end] {
			title, id := tok&tokTitle != 0, int32(tok&tokID)
			if tok&tokPair != 0 {
				add(id, title, false)
				continue
			}
			w := &v.words[id]
			add(w.term, title, true)
			for _, t := range w.derived {
				add(t, title, false)
			}
		}
		for _, t := range seen {
			post[t] = append(post[t], uint32(doc)<<weightBits|uint32(weight[t]&^present))
			weight[t] = 0
		}
		seen = seen[:0]
		from = end
	}
	return post
}

// room returns an empty slice for the postings of each term, all in one array, each with
// room for as many postings as documents have a word of the term (a document with two
// words of one term, "Russland" and "Russlands", is counted twice). Grown by appending,
// the postings of a large site took twice their size and as much again in garbage.
func (v *vocabulary) room(toks []uint32, ends []int) [][]uint32 {
	wordDocs, wordLast := make([]int32, len(v.words)), make([]int32, len(v.words))
	pairDocs, pairLast := make([]int32, len(v.terms)), make([]int32, len(v.terms))
	from := 0
	for doc, end := range ends {
		d := int32(doc + 1) // 1 + the document, so that 0 is none
		for _, tok := range toks[from:end] {
			id := tok & tokID
			if tok&tokPair != 0 {
				if pairLast[id] != d {
					pairLast[id] = d
					pairDocs[id]++
				}
			} else if wordLast[id] != d {
				wordLast[id] = d
				wordDocs[id]++
			}
		}
		from = end
	}
	room := make([]int, len(v.terms))
	for t, n := range pairDocs {
		room[t] = int(n)
	}
	for i, w := range v.words {
		if w.term < 0 {
			continue
		}
		room[w.term] += int(wordDocs[i])
		for _, t := range w.derived {
			room[t] += int(wordDocs[i])
		}
	}
	total := 0
	for t := range room {
		room[t] = min(room[t], len(ends))
		total += room[t]
	}
	all := make([]uint32, total)
	post := make([][]uint32, len(v.terms))
	off := 0
	for t, n := range room {
		post[t] = all[off : off : off+n]
		off += n
	}
	return post
}

// isHyphen reports whether s, the text between two words, is a hyphen alone.
func isHyphen(s string) bool {
	return s == "-" || s == "\u2010" || s == "\u2011"
}
