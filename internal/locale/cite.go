package locale

// Cite are the words of citations, the "Zitieren" block and the data page (package
// export writes the citations, package render the pages).
type Cite struct {
	Heading   string            // of the block: "Zitieren"
	Source    string            // the source article's citation: "Der Artikel"
	Page      string            // the dossier's page: "Diese Seite"
	Note      string            // a note's citation: "Diese Anmerkung"
	Download  string            // before the download links: "Herunterladen:"
	Range     string            // how to cite lines; fmt: an example address
	In        string            // before the outlet: "In:"
	Commented string            // before the dossier's title: "Kommentiert in:"
	URL       string            // before an address: "URL:"
	Data      string            // the data page's title: "Daten"
	DataIntro string            // its first paragraph
	File      string            // the table's column heads
	Format    string            //
	Contents  string            //
	License   string            // before the license line: "Lizenz:"
	NoLicense string            // when content/dossier.md gives none
	Contains  map[string]string // what each data file holds, by its path (export.DataFiles)
}
