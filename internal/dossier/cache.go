package dossier

import (
	"sync"

	"dossier/internal/anchor"
	"dossier/internal/diag"
	"dossier/internal/mention"
	"dossier/internal/seed"
	"dossier/internal/stamp"
)

// Cache keeps what Resolve computed between resolves of one dossier, for a caller that
// resolves it again and again, as the preview server does after every save. What is kept
// is reused only where its inputs are the same: a seed while its file keeps its size and
// modification time; the mentions found in it while the names of all actors and the
// article's mention rules are the same; the anchor of a quote while the quote and the
// seed are; the names that look like people's while all seeds, the mentions and the line
// kinds are; and the whole model while nothing changed at all (a template was edited). A
// resolve with a cache gives the model and the problems that one without gives.
//
// Nothing that a model refers to is changed by a later resolve: a model may still be read
// while the next resolve runs. Resolves with one Cache take turns; the cache keeps only
// what the latest one used.
type Cache struct {
	mu      sync.Mutex
	persist bool                  // false for the throwaway cache of a resolve without one
	seeds   map[string]*seedEntry // by file name in seeds/
	names   *names                // the matcher of the previous resolve
	corpus  *corpus               // the words of the previous resolve's seeds
	last    *lastResolve
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{persist: true} }

// seedEntry is a seed and what was computed from it. Each part is computed when first
// needed and replaced, never changed, when its inputs differ.
type seedEntry struct {
	stamp stamp.Stamp
	seed  *seed.Seed // as parsed, without the article's line kinds; nil if err is set
	err   error      // why the seed could not be parsed
	text  *anchor.Text
	data  string      // the file as read; the lines' texts are parts of it
	sum   string      // SHA-256 of data in hex, once asked for
	lint  []seedIssue // what looks wrong in the text

	anchors  map[quoteKey]*anchored // quotes anchored in text; one goroutine at a time
	lower    []string               // lines in lower case, for topic keywords
	mentions *mentions
	runs     *nameRuns
	unknown  *unknownNames
	topics   *topicTags
}

// mentions are the names found in a seed's lines.
type mentions struct {
	names *names // the matcher of every actor's names
	rules string // the article's mention rules that apply, see rulesKey
	hits  [][]mention.Hit
}

// unknownNames are the warnings about names no actor has, for one seed.
type unknownNames struct {
	runs     *nameRuns
	corpus   *corpus
	ignore   string // the site's ignore_names
	warnings diag.List
}

// topicTags are, for each line of a seed, the indexes of the topics whose keywords it holds.
type topicTags struct {
	keywords string // every topic's keywords, see keywordsKey
	kinds    string
	tags     [][]int
}
