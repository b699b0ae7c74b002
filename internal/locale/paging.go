package locale

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
