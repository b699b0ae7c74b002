package search

import (
	"strings"

	"dossier/internal/locale"
)

// stem returns the Snowball German stem of a folded word: "munitionsvorrate" →
// "munitionsvorrat", "waffen" → "waff". Snowball German only removes endings, and fold
// has already done its umlaut and ß steps, so the stem of a folded word is always a prefix
// of it; search.js relies on that to highlight words.
//
// static/search.js carries a port of the same algorithm, for query words the corpus does
// not have; the Node test compares the two on every word of the seeds.
func stem(folded string) string { return locale.German.Search.Stem(folded) }

// stopWords are the words that are not indexed, folded: the locale's stop list. A query
// drops them too, so "der Krieg" searches for "Krieg". The list ships in the index for
// search.js.
var stopWords = stopSet(stopList)

// stopSet returns the set of the words of list, separated by spaces.
func stopSet(list string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(list) {
		m[w] = true
	}
	return m
}

var stopList = locale.German.Search.Stop
