package locale

// Script are the words of static/search.js, which the build hands it as data
// (static/search-words.js), so that the script holds no language. "{n}" is a number,
// "{q}" the query.
type Script struct {
	Kinds       map[string]string `json:"kinds"`       // headings of the result groups, by kind of document
	Suggestions string            `json:"suggestions"` // the accessible name of the header's list
	Found       Plural            `json:"found"`       // "12 Treffer für „{q}“"
	None        string            `json:"none"`        // "Keine Treffer für „{q}“."
	All         Plural            `json:"all"`         // the link from the list to the search page
	More        string            `json:"more"`        // "Weitere {n} zeigen"
	Options     Plural            `json:"options"`     // told to screen readers: "3 Vorschläge."
	Enter       string            `json:"enter"`
	Loading     string            `json:"loading"`
	Failed      string            `json:"failed"`
}
