package locale

// Search is how the search index treats a language's words (package search): folded
// words (lower case, accents spelled plainly) are stemmed with Stem unless they are in
// Stop.
type Search struct {
	// Stemmer names the stemmer for static/search.js, which has a copy of each it knows
	// ("german", "english") to stem query words with; a language whose stemmer it does
	// not know gets its words matched by their beginnings.
	Stemmer string
	Stem    func(folded string) string // nil: words are their own terms
	Stop    string                     // the stop words, folded, separated by spaces
}
