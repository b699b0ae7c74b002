package search

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// ShardFile is a file of a sharded index; Name is relative to the folder of the index's
// first file, "static/search/" in a built site: "p12.js" or "d480.js".
type ShardFile struct {
	Name string
	Data []byte
}

// Shard sizes: a query loads the postings shards of its terms and the document shards of
// the results it shows, 20 per kind on the search page, 8 in the header box. Small shards
// keep a common term from bringing its neighbours along, and scattered results from
// bringing many documents each. A document shard holds about docShardBytes of documents
// of its kind, so that short ones share a file: in the synthetic dossier of 10,000
// articles, 41 paragraphs, 22 notes or 186 actors. There (430,000 paragraphs of a small
// vocabulary, so every term is common) the search page of the heaviest word measured loads
// 227 KB gzipped, first file, postings and documents, the median word 26 KB; two of the
// commonest words 353 KB, a two-letter word being typed 371 KB.
const (
	docShardBytes = 6 << 10 // bytes of documents of a document shard, about
	postShardSize = 8 << 10 // bytes of postings above which a postings shard is closed
)

// Sharded writes the search index of docs split for a large site (format 3 in the
// package documentation): it hands each shard, which search.js loads when a query needs
// it, to emit as soon as it is made, and returns the first file, which sets
// window.DOSSIER_SEARCH and holds the terms. Docs keep the order given, as in Index. The
// shards of a large site are a hundred megabytes: made one at a time, each in the buffer
// of the shard before, they are never in memory together; emit must therefore not keep a
// shard's Data after it returns. The document shards need nothing of the analysis and are made beside it, so
// that emit is called from two goroutines at once.
func Sharded(docs []Doc, emit func(ShardFile) error) (first []byte, err error) {
	kindNum, err := kindsOf(docs)
	if err != nil {
		return nil, err
	}
	multi := multilingual(docs)
	meta := struct {
		V       int      `json:"v"`
		Kinds   []string `json:"kinds"`
		Stop    []string `json:"stop"`
		Stem    []string `json:"stem,omitempty"`
		N       int      `json:"n"`
		Runs    [][3]int `json:"runs"`
		Terms   []string `json:"terms"`
		DF      []int    `json:"df"`
		PShards []int    `json:"pshards"`
	}{V: 3, Kinds: kinds[:], N: len(docs)}
	for _, k := range kindNum {
		if n := len(meta.Runs); n > 0 && meta.Runs[n-1][0] == k {
			meta.Runs[n-1][1]++
		} else {
			meta.Runs = append(meta.Runs, [3]int{k, 1, 0})
		}
	}

	// Documents: each run of one kind cut into shards of the same number of documents.
	docsDone := make(chan error, 1)
	go func() {
		from, n := 0, 0
		for r, run := range meta.Runs {
			per, err := docShards(docs[from:from+run[1]], n, multi, func(f ShardFile) error {
				n++
				return emit(f)
			})
			if err != nil {
				docsDone <- err
				return
			}
			meta.Runs[r][2] = per
			from += run[1]
		}
		docsDone <- nil
	}()

	// Postings: consecutive terms, so that the completions of a word, which share its
	// beginning, are mostly in one shard.
	ix := analyseKinds(docs, kindNum)
	meta.Stop, meta.Stem, meta.Terms = ix.stop, ix.stemmers, ix.terms
	meta.DF = make([]int, len(ix.terms))
	b := make([]byte, 0, postShardSize*2) // empty between shards
	flush := func() error {
		b = append(b, "]);\n"...)
		err := emit(ShardFile{"p" + strconv.Itoa(len(meta.PShards)-1) + ".js", b})
		b = b[:0]
		return err
	}
	for t, ps := range ix.post {
		meta.DF[t] = len(ps)
		if len(b) == 0 {
			meta.PShards = append(meta.PShards, t)
			b = append(b, shardStart("p", len(meta.PShards)-1)...)
		} else {
			b = append(b, ',')
		}
		b = appendPostingString(b, ps)
		ix.post[t] = nil // written: the postings are the largest part of the analysis
		if len(b) >= postShardSize {
			if err = flush(); err != nil {
				break
			}
		}
	}
	if err == nil && len(b) > 0 {
		err = flush()
	}
	if errDocs := <-docsDone; err == nil {
		err = errDocs
	}
	if err != nil {
		return nil, err
	}

	js, err := json.Marshal(meta)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	first = append([]byte("window.DOSSIER_SEARCH="), js...)
	return append(first, ";\n"...), nil
}

// appendPostingString appends ps to b as format 3 writes postings: a JSON string of one
// character for each document, '0' + its weight, then for each document the difference
// between its number and the previous one's, less one (the previous number starts at −1),
// in base 26, most significant digit first, 'A' to 'Z' for every digit but the last and
// 'a' to 'z' for the last. Weights and differences apart compress better.
func appendPostingString(b []byte, ps postings) []byte {
	b = append(b, '"')
	for _, p := range ps {
		b = append(b, '0'+byte(p&(1<<weightBits-1)))
	}
	prev := -1
	for _, p := range ps {
		doc := int(p >> weightBits)
		var digits [8]byte // 26⁷ > 2³²
		i := len(digits) - 1
		v := doc - prev - 1
		digits[i] = 'a' + byte(v%26)
		for v /= 26; v > 0; v /= 26 {
			i--
			digits[i] = 'A' + byte(v%26)
		}
		b = append(b, digits[i:]...)
		prev = doc
	}
	return append(b, '"')
}

// docShards cuts run, documents of one kind, into shards of the same number of documents,
// about docShardBytes each, named d<n>, d<n+1> and on, and hands each to emit; it returns
// the number of documents of a shard. Each shard is made in the buffer of the one before.
func docShards(run []Doc, n int, multi bool, emit func(ShardFile) error) (per int, err error) {
	cuts := make([]docCut, len(run))
	total := 0
	for i := range run {
		if i > 0 {
			cuts[i] = cutDoc(&run[i-1], &run[i])
		}
		total += cuts[i].size(&run[i])
	}
	per = max(1, (docShardBytes*len(run)+total/2)/total)
	var buf []byte
	for from := 0; from < len(run); from += per {
		to := min(from+per, len(run))
		cuts[from] = docCut{} // a shard stands alone
		size := 32
		for i := from; i < to; i++ {
			size += cuts[i].size(&run[i])
		}
		b := append(slices.Grow(buf[:0], size), shardStart("d", n)...)
		for i := from; i < to; i++ {
			if i > from {
				b = append(b, ',')
			}
			b = appendDoc(b, &run[i], cuts[i], multi)
		}
		buf = append(b, "]);\n"...)
		if err := emit(ShardFile{"d" + strconv.Itoa(n) + ".js", buf}); err != nil {
			return 0, err
		}
		n++
	}
	return per, nil
}

// docCut says how much of its title and URL a document of a shard shares with the
// previous document's and so leaves out, in bytes and in UTF-16 code units.
type docCut struct {
	titleBytes, titleUnits, urlBytes, urlUnits int
}

// cutDoc returns the docCut of d after prev.
func cutDoc(prev, d *Doc) docCut {
	var c docCut
	c.titleBytes, c.titleUnits = sharedNumbered(prev.Title, prev.N, d.Title, d.N)
	c.urlBytes, c.urlUnits = sharedNumbered(prev.URL, prev.N, d.URL, d.N)
	return c
}

// sharedNumbered is sharedPrefix of numbered(a, an) and numbered(b, bn), without making
// them when a and b are one string numbered, as the paragraphs of an article are.
func sharedNumbered(a string, an int, b string, bn int) (bytes, units int) {
	if an == 0 || bn == 0 || a != b {
		return sharedPrefix(numbered(a, an), numbered(b, bn))
	}
	var bufA, bufB [20]byte
	da, db := strconv.AppendInt(bufA[:0], int64(an), 10), strconv.AppendInt(bufB[:0], int64(bn), 10)
	bytes, units = sharedPrefix(a, a)
	n := 0
	for n < len(da) && n < len(db) && da[n] == db[n] {
		n++
	}
	return bytes + n, units + n // digits are one byte and one code unit each
}

// size returns about the bytes appendDoc writes for d.
func (c docCut) size(d *Doc) int {
	digits := 0
	if d.N != 0 {
		digits = 2 * len(strconv.Itoa(d.N))
	}
	return len(d.Title) + len(d.URL) + digits - c.titleBytes - c.urlBytes + len(d.Text) + 16
}

// appendDoc appends d to b as format 3 writes a document: [t, title, u, URL, text], where
// the title and the URL leave out their first t and u UTF-16 code units, the ones they
// share with the previous document's in the shard. The paragraphs of an article differ in
// their numbers alone. With multi, the document's language follows.
func appendDoc(b []byte, d *Doc, c docCut, multi bool) []byte {
	b = append(b, '[')
	b = strconv.AppendInt(b, int64(c.titleUnits), 10)
	b = append(b, ',')
	b = appendNumbered(b, d.Title, d.N, c.titleBytes, &plainSafe)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(c.urlUnits), 10)
	b = append(b, ',')
	b = appendNumbered(b, d.URL, d.N, c.urlBytes, &plainSafe)
	b = append(b, ',')
	b = appendString(b, d.Text, &plainSafe)
	if multi {
		b = append(b, ',')
		b = appendString(b, d.lang(), &plainSafe)
	}
	return append(b, ']')
}

// sharedPrefix returns the length in bytes and in UTF-16 code units (the length of a
// JavaScript string) of the longest beginning that a and b share as JSON writes them:
// whole code points, each byte that is not UTF-8 standing for U+FFFD.
func sharedPrefix(a, b string) (bytes, units int) {
	for bytes < len(a) && bytes < len(b) {
		if c := a[bytes]; c < utf8.RuneSelf && c == b[bytes] {
			bytes++
			units++
			continue
		}
		ra, na := utf8.DecodeRuneInString(a[bytes:])
		rb, nb := utf8.DecodeRuneInString(b[bytes:])
		if ra != rb || na != nb {
			break
		}
		bytes += na
		units += utf16.RuneLen(ra)
	}
	return bytes, units
}

// shardStart begins a shard's script: a call that hands its data to search.js.
func shardStart(kind string, n int) []byte {
	return []byte("window.DOSSIER_SEARCH_SHARD(\"" + kind + strconv.Itoa(n) + "\",[")
}

// appendNumbered appends numbered(s, n) without its first cut bytes to b as a JSON
// string, escaped as safe says.
func appendNumbered(b []byte, s string, n, cut int, safe *safeSet) []byte {
	if n == 0 {
		return appendString(b, s[cut:], safe)
	}
	var buf [20]byte
	digits := strconv.AppendInt(buf[:0], int64(n), 10)
	if cut > len(s) {
		digits, cut = digits[cut-len(s):], len(s)
	}
	b = appendString(b, s[cut:], safe)
	b = append(b[:len(b)-1], digits...) // before the closing quote; digits need no escaping
	return append(b, '"')
}

// A safeSet says which ASCII characters appendString writes as they are; it escapes the
// others.
type safeSet = [utf8.RuneSelf]bool

// plainSafe is the set of encoding/json with HTML escaping off (SetEscapeHTML(false)),
// which format 3 is written with: all but the control characters, '"' and '\\'. htmlSafe is
// that of json.Marshal, which wrote format 1 and whose bytes Index keeps: '<', '>' and '&'
// are escaped too.
var plainSafe, htmlSafe = func() (plain, html safeSet) {
	for c := ' '; c < utf8.RuneSelf; c++ {
		plain[c] = c != '"' && c != '\\'
		html[c] = plain[c] && c != '<' && c != '>' && c != '&'
	}
	return plain, html
}()

// appendString appends s to b as a JSON string, as encoding/json writes it: the ASCII
// characters not in safe escaped, invalid UTF-8 as U+FFFD, and U+2028 and U+2029 escaped,
// which JavaScript before ES2019 does not take in a string.
func appendString(b []byte, s string, safe *safeSet) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if safe[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
