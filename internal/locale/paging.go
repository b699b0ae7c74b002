package locale

import "strconv"

// Paging are the words of a list too long for one page: the links between its pages and
// what its first page says about the rest. Readers see them on large dossiers only.
type Paging struct {
	Pages          string                     // the page links' accessible name: "Seiten"
	PageOf         func(n, of int) string     // "Seite 2 von 5"
	Prev, Next     string                     // in a list in reading order: "zurück", "weiter"
	Newer, Older   string                     // in a list of the newest first
	Earlier, Later string                     // between the parts of the timeline
	Months         string                     // the accessible name of a year's month links
	Part           func(n int) string         // of a month split in parts: "Teil 2"
	Latest         func(shown, of int) string // a first page's extract of a long list
	All            func(n int) string         // the link from the extract to the whole list
	MostOften      string                     // before the articles that name an actor or topic most
}

// PagingOf returns the paging words of the language code, German's if it has none.
func PagingOf(code string) *Paging {
	if p, ok := paging[code]; ok {
		return p
	}
	return paging["de"]
}

var paging = map[string]*Paging{
	"de": {
		Pages:  "Seiten",
		PageOf: func(n, of int) string { return "Seite " + strconv.Itoa(n) + " von " + strconv.Itoa(of) },
		Prev:   "zurück", Next: "weiter",
		Newer: "neuere", Older: "ältere",
		Earlier: "früher", Later: "später",
		Months: "Monate",
		Part:   func(n int) string { return "Teil " + strconv.Itoa(n) },
		Latest: func(shown, of int) string {
			return "Die " + strconv.Itoa(shown) + " neuesten von " + strconv.Itoa(of) + "."
		},
		All:       func(n int) string { return "Alle " + strconv.Itoa(n) + " zeigen" },
		MostOften: "Am häufigsten in",
	},
	"en": {
		Pages:  "Pages",
		PageOf: func(n, of int) string { return "Page " + strconv.Itoa(n) + " of " + strconv.Itoa(of) },
		Prev:   "previous", Next: "next",
		Newer: "newer", Older: "older",
		Earlier: "earlier", Later: "later",
		Months: "Months",
		Part:   func(n int) string { return "part " + strconv.Itoa(n) },
		Latest: func(shown, of int) string {
			return "The " + strconv.Itoa(shown) + " most recent of " + strconv.Itoa(of) + "."
		},
		All:       func(n int) string { return "Show all " + strconv.Itoa(n) },
		MostOften: "Most often in",
	},
}
