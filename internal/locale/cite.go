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

var germanCite = Cite{
	Heading: "Zitieren", Source: "Der Artikel", Page: "Diese Seite im Dossier", Note: "Diese Anmerkung",
	Download: "Herunterladen für Literaturverwaltungen:",
	Range:    "Eine Passage zitieren Sie mit ihren Zeilen in der Adresse, etwa %s für die Zeilen 12 bis 14.",
	In:       "In:", Commented: "Kommentiert in:", URL: "URL:",
	Data:      "Daten",
	DataIntro: "Die Daten des Dossiers zum Weiterverwenden in anderen Werkzeugen: Anmerkungen, Chronik, Netzwerk und Akteure.",
	File:      "Datei", Format: "Format", Contents: "Inhalt",
	License: "Lizenz:", NoLicense: "Das Dossier nennt keine Lizenz; fragen Sie die Redaktion, bevor Sie die Daten weitergeben.",
	Contains: map[string]string{
		"data/annotations.jsonld": "jede Anmerkung mit der Textstelle, auf die sie sich bezieht",
		"data/events.json":        "die Chronik für TimelineJS",
		"data/network.graphml":    "Akteure und gemeinsame Nennungen für Gephi",
		"data/network.json":       "Akteure und gemeinsame Nennungen für d3",
		"data/actors.csv":         "die Akteure mit Art, Rolle und Zahl der Erwähnungen",
		"data/events.csv":         "die Ereignisse mit Datum, Akteuren, Themen und Belegstellen",
	},
}

var englishCite = Cite{
	Heading: "Cite", Source: "The article", Page: "This page of the dossier", Note: "This note",
	Download: "Download for reference managers:",
	Range:    "To cite a passage, put its lines in the address, such as %s for lines 12 to 14.",
	In:       "In:", Commented: "Annotated in:", URL: "URL:",
	Data:      "Data",
	DataIntro: "The dossier's data for use in other tools: notes, timeline, network and actors.",
	File:      "File", Format: "Format", Contents: "Contents",
	License: "License:", NoLicense: "The dossier names no license; ask its editors before you pass the data on.",
	Contains: map[string]string{
		"data/annotations.jsonld": "every note with the passage it is on",
		"data/events.json":        "the timeline for TimelineJS",
		"data/network.graphml":    "actors and co-mentions for Gephi",
		"data/network.json":       "actors and co-mentions for d3",
		"data/actors.csv":         "the actors with kind, role and number of mentions",
		"data/events.csv":         "the events with date, actors, topics and sources",
	},
}
