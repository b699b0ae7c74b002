// Package export writes the dossier's data in the formats other tools read: citations for
// reference managers (BibTeX, RIS, CSL-JSON), schema.org JSON-LD for pages, the notes as
// W3C Web Annotations, the timeline for TimelineJS, the network for Gephi and d3, and
// actors and events as CSV.
//
// Files returns every file, by path relative to the site's root:
//
//	cite/<article>.bib .ris .json     the source article and the dossier's page of it
//	cite/notes/<note>.bib .ris .json  a note, as a part of the dossier's page
//	data/annotations.jsonld           every note as a Web Annotation (W3C, 2017)
//	data/events.json                  the timeline in TimelineJS's JSON format
//	data/network.graphml              actors and co-mentions in GraphML (Gephi, yEd)
//	data/network.json                 the same as {nodes, links} (d3-force)
//	data/actors.csv, data/events.csv  one row per actor and per event (RFC 4180, UTF-8)
//
// The JSON-LD of a page (ArticleLD, ActorLD) goes into the page itself, which package
// render writes. Every file depends only on the model and Config: the same input gives the
// same bytes. Addresses are absolute when the site has a base URL; without one they are
// relative to the file they are in (the site works from any folder), and a download for a
// reference manager gives no address of the dossier's own pages rather than a wrong one.
package export

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"

	"dossier/internal/date"
	"dossier/internal/dossier"
	"dossier/internal/markdown"
	"dossier/internal/parallel"
)

// File is an exported file.
type File struct {
	Path string // relative to the site's root, slash-separated
	Data []byte
}

// Config says how to write the files.
type Config struct {
	BaseURL string // the site's absolute address ending in "/", or ""
	Words   Words  // in the dossier's language
	// BodyHTML returns a note's or an event's body as HTML whose links work from a file
	// one folder below the root (data/); package render writes it. Nil leaves HTML out.
	BodyHTML func(doc *markdown.Doc) (string, error)
}

// Words are the words the exports write in the dossier's language: the citation text and
// the notes' kinds. Package locale holds them for each language.
type Words struct {
	Lang      string                 // ISO 639-1: "de"
	Quote     func(string) string    // a title between the language's quotation marks
	Date      func(date.Date) string // a date at its precision: "19. Juni 2024"
	In        string                 // before the outlet: "In:"
	Commented string                 // before the dossier's title: "Kommentiert in:"
	LineShort string                 // before a line number: "Z."
	URL       string                 // before an address: "URL:"
	NoteKinds map[string]string
}

// Paths of the data files.
const (
	AnnotationsPath  = "data/annotations.jsonld"
	EventsJSONPath   = "data/events.json"
	GraphMLPath      = "data/network.graphml"
	NetworkJSONPath  = "data/network.json"
	ActorsCSVPath    = "data/actors.csv"
	EventsCSVPath    = "data/events.csv"
	citeDir          = "cite/"
	articlePagePath  = "articles/"
	actorPagePath    = "actors/"
	timelinePagePath = "timeline/index.html"
)

// CitePath returns the path of an article's citation file of extension ext ("bib", "ris",
// "json"), relative to the site's root.
func CitePath(articleID, ext string) string { return citeDir + articleID + "." + ext }

// NoteCitePath returns the path of a note's citation file of extension ext.
func NoteCitePath(noteID, ext string) string { return citeDir + "notes/" + noteID + "." + ext }

// Files returns every exported file, sorted by path. It makes them on all cores: the
// data files first, the largest (the annotations, a quarter of the exports' time at 10,000
// articles) at the start, then the citations, one article or note at a time.
func Files(d *dossier.Dossier, cfg Config) ([]File, error) {
	x := exporter{d: d, cfg: cfg}
	data := []struct {
		path string
		make func() ([]byte, error)
	}{
		{AnnotationsPath, x.annotations},
		{EventsJSONPath, x.timelineJS},
		{GraphMLPath, x.graphML},
		{NetworkJSONPath, x.networkJSON},
		{ActorsCSVPath, func() ([]byte, error) { return x.actorsCSV(), nil }},
		{EventsCSVPath, func() ([]byte, error) { return x.eventsCSV(), nil }},
	}
	var notes []*dossier.Note
	for _, n := range d.Notes {
		if n.Anchor != nil {
			notes = append(notes, n)
		}
	}
	made := make([][]File, len(data)+len(d.Articles)+len(notes))
	errs := make([]error, len(data))
	parallel.Each(len(made), func(i int) {
		switch {
		case i < len(data):
			b, err := data[i].make()
			made[i], errs[i] = []File{{data[i].path, b}}, err
		case i < len(data)+len(d.Articles):
			made[i] = x.articleCitations(d.Articles[i-len(data)])
		default:
			made[i] = x.noteCitations(notes[i-len(data)-len(d.Articles)])
		}
	})
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	files := slices.Concat(made...)
	sortFiles(files)
	return files, nil
}

// DataFiles are the files of data/, in the order the Daten page lists them, with the
// format each is in.
var DataFiles = []struct{ Path, Format, Type string }{
	{AnnotationsPath, "W3C Web Annotation (JSON-LD)", "application/ld+json"},
	{EventsJSONPath, "TimelineJS (JSON)", "application/json"},
	{GraphMLPath, "GraphML (Gephi, yEd)", "application/graphml+xml"},
	{NetworkJSONPath, "JSON (d3-force: nodes, links)", "application/json"},
	{ActorsCSVPath, "CSV (RFC 4180)", "text/csv"},
	{EventsCSVPath, "CSV (RFC 4180)", "text/csv"},
}

type exporter struct {
	d   *dossier.Dossier
	cfg Config
}

// url returns the address of path (relative to the site's root) as written in a file at
// from: absolute with a base URL, else relative to from.
func (x exporter) url(path, from string) string {
	if x.cfg.BaseURL != "" {
		return x.cfg.BaseURL + path
	}
	return strings.Repeat("../", strings.Count(from, "/")) + path
}

// absURL returns the absolute address of path, or "" if the site has no base URL.
func (x exporter) absURL(path string) string {
	if x.cfg.BaseURL == "" {
		return ""
	}
	return x.cfg.BaseURL + path
}

func articlePage(id string) string { return articlePagePath + id + ".html" }
func actorPage(id string) string   { return actorPagePath + id + ".html" }

// marshal writes v as indented JSON with a final newline. Like json.Marshal it escapes <,
// > and &, so that the same bytes are safe inside a page's <script>.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func sortFiles(fs []File) {
	slices.SortFunc(fs, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
}
