package locale

// Preview are the words of the page `dossier serve` shows while the dossier does not
// build: for editors, who read it in the dossier's language. The messages it lists are
// the tool's own, with their positions.
type Preview struct {
	Title, Heading string
	Errors         Plural // "Das Dossier enthält {n} Fehler."
	Fix            string // after Errors: what to do
	Unplaced       string // before an error that names no line (a broken template)
	Fixed          string // after it
	Warnings       Plural // the summary of the folded list of warnings
	LastGood       string // the link to the page as it last built
	Failed         string // "{t}" is the time of the failed build
}
