// Package search builds the full-text index of a dossier at build time, with German
// stemming, so that the site can search without a server.
//
// The build hands Index one Doc per searchable thing (each paragraph of an article, each
// note, actor, topic and event) and writes the JavaScript it returns beside
// static/search.js, which answers queries in the browser. The index is a script that assigns
// a global, not JSON to fetch, because a page opened from disk (file://) may not fetch.
//
// # Words and terms
//
// A text is cut into words (runs of letters and digits; see isWordChar), each word is
// folded (lower case; umlauts, accents and ß spelled plainly: "Pjöngjang" → "pjongjang",
// "Straße" → "strasse"), stop words ("der", "und", "über") are dropped, and the rest is
// stemmed with the Snowball German stemmer ("Munitionsvorräte" → "munitionsvorrat"). The
// stem is the word's term. A word also counts under the terms of its compound parts that
// stand as words elsewhere in the corpus ("Artilleriemunition" under "munition" too; see
// compound.go), a hyphenated pair under the stem of the two written together
// ("Ukraine-Krieg" under "ukrainekrieg"), and a name with a genitive -s after a vowel under
// the name ("Schoigus" under "schoigu").
//
// A query is handled the same way in search.js, which has its own copy of fold, of the
// word rule and of the stemmer (a port of the Snowball algorithm, checked against this
// package on every word of the seeds): each query word must match, through its stem, or,
// when the corpus has no such term or it is the word being typed, through every term that
// begins with that stem ("Schoig" finds "schoigu"). A result's score adds, for each query
// word, its best term's weight in the document (own occurrences, more in a title, little
// for a compound part) times how rare the term is; search.js groups the results by kind,
// the group with the best result first. Doc.Keywords are indexed like the text but not
// stored.
//
// # Format
//
// Index returns one line of JavaScript,
//
//	window.DOSSIER_SEARCH={"v":1,"kinds":[…],"stop":[…],"docs":[…],"terms":[…],"post":[…]};
//
// where the value is JSON:
//
//   - v: the format's version, 1.
//   - kinds: the kinds of documents, in the order their numbers refer to: "article",
//     "note", "actor", "topic", "event".
//   - stop: the stop words, folded, for the query side to drop.
//   - docs: one array per Doc, in the order given: [kind number, title, URL, text]. The text
//     is stored whole; search.js cuts the snippet around the matching words at query time.
//   - terms: the terms (stems), sorted by byte.
//   - post: for each term, at the same index, its postings as one array of integers, one
//     per document that has the term, in document order: 8×(document number − previous
//     document number) + weight, where the previous number starts at −1. The weight's two
//     low bits count the document's own occurrences of the term (0 to 3, capped; 0 when the
//     document has it only as a compound part or a derived form), and 4 is added when the
//     term is in the title (the titles of articles' paragraphs and of notes are not indexed:
//     they name the article and line, not the paragraph's or the note's own words).
//
// The same Docs give the same bytes.
//
// # Format 3: shards, for a large dossier
//
// At 10,000 articles the index of format 1 is over 100 MB, more than a reader should load
// for one query. Sharded splits it: a first file that sets window.DOSSIER_SEARCH to
//
//	{"v":3,"kinds":[…],"stop":[…],"n":…,"runs":[…],"terms":[…],"df":[…],"pshards":[…]}
//
// and shards beside it in search/, each a script that calls
// window.DOSSIER_SEARCH_SHARD(name, data) (set by search.js before it loads them), so
// that they load from file:// too:
//
//   - n: the number of documents; runs: their kinds as [kind number, count, per shard]
//     runs in document order, so that results are grouped before their documents are
//     loaded.
//   - terms as in format 1; df: for each term, the number of documents that have it (the
//     length of its postings, for ranking completions and idf).
//   - pshards: the number of the first term of each postings shard. Shard "p<k>" holds
//     the postings of terms pshards[k] up to the next shard's first term: consecutive
//     terms, so that a word's completions are mostly in one shard. A term's postings are
//     one string: for each document, in document order, a character '0' + weight (as in
//     format 1); then for each document its number − the previous number − 1 (the
//     previous starts at −1) in base 26, most significant digit first, 'A' to 'Z' for each
//     digit but the last, 'a' to 'z' for the last. "10bBa" is documents 1 and 28, with
//     weights 1 and 0.
//   - Document shards "d0", "d1" and on cut each run in turn into shards of its per shard
//     documents (the run's last shard may hold fewer); runs of short documents have more
//     to a shard. A document is [t, title, u, URL, text], where the title and the URL
//     leave out their first t and u UTF-16 code units, the ones they share with the
//     previous document's in the shard (0 for the first).
//
// A query loads the first file once, the postings shards of its terms, and the document
// shards of the results it shows (20 per kind on the search page, 8 in the header box).
// (Format 2 wrote postings as in format 1 and 16 documents to a shard whole; format 3
// writes a large dossier in less than half as many files, the heaviest queries no larger.)
package search
