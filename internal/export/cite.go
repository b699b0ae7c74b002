package export

import (
	"fmt"
	"strconv"
	"strings"

	"dossier/internal/date"
	"dossier/internal/dossier"
)

// A work is what a citation names: a source article, or the dossier's page of it (or of
// a passage, or of a note on it). Every citation format is written from one.
type work struct {
	id        string
	source    bool     // the source article, else the dossier's page
	title     string   // the article's, or for a note the note's label
	authors   []string // as written: "Christiane Kühl"
	container string   // the outlet, or the dossier's title
	publisher string
	issued    date.Date
	url       string // absolute, or ""
	lang      string
	lines     string // "Z. 12–14" for a passage, or ""
	kind      string // "article-newspaper" or "webpage", CSL's types
	quoted    bool   // the title holds its own quotation marks: a note's
}

// sourceWork is the source article a.
func (x exporter) sourceWork(a *dossier.Article) work {
	return work{
		id: a.ID, source: true, title: a.Title, authors: splitAuthors(a.Author),
		container: a.Publisher, publisher: a.Publisher, issued: a.Published, url: a.URL,
		lang: a.Language, kind: "article-newspaper",
	}
}

// pageWork is the dossier's page of a, cited at lines from..to if from > 0.
func (x exporter) pageWork(a *dossier.Article, from, to int) work {
	return work{
		id: a.ID + "-dossier", title: a.Title, container: x.siteTitle(),
		url: x.absURL(articlePage(a.ID) + lineFragment(from, to)), lang: x.cfg.Words.Lang,
		lines: x.lineRange(from, to), kind: "webpage",
	}
}

// noteWork is the dossier's note n on its passage.
func (x exporter) noteWork(n *dossier.Note) work {
	a := n.Anchor.Article
	w := x.pageWork(a, n.Anchor.Line, n.Anchor.Line)
	w.id = "note-" + n.ID
	w.title = x.cfg.Words.NoteKinds[n.Kind] + ": " + x.cfg.Words.Quote(n.Quote.Text)
	w.quoted = true
	w.url = x.absURL(articlePage(a.ID) + "#note-" + n.ID)
	return w
}

func (x exporter) siteTitle() string {
	s := x.d.Site
	if s.Subtitle == "" {
		return s.Title
	}
	return s.Title + ". " + s.Subtitle
}

// lineFragment returns the address of lines from..to on an article's page: #L12 or
// #L12-L14, as the page's script and the citation block read it.
func lineFragment(from, to int) string {
	switch {
	case from <= 0:
		return ""
	case to <= from:
		return "#L" + strconv.Itoa(from)
	}
	return "#L" + strconv.Itoa(from) + "-L" + strconv.Itoa(to)
}

// lineRange returns "Z. 12" or "Z. 12–14", or "" if from is 0.
func (x exporter) lineRange(from, to int) string {
	switch {
	case from <= 0:
		return ""
	case to <= from:
		return x.cfg.Words.LineShort + " " + strconv.Itoa(from)
	}
	return x.cfg.Words.LineShort + " " + strconv.Itoa(from) + "–" + strconv.Itoa(to)
}

// splitAuthors returns the names in an author line: "A und B", "A, B" or "A; B".
func splitAuthors(s string) []string {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	if strings.ContainsAny(s, "()") {
		return []string{s} // an editor's remark in it: a name we cannot split
	}
	f := func(r rune) bool { return r == ';' || r == '&' }
	var names []string
	for _, part := range strings.FieldsFunc(strings.NewReplacer(" und ", ";", " and ", ";", ", ", ";").Replace(s), f) {
		if p := strings.TrimSpace(part); p != "" {
			names = append(names, p)
		}
	}
	return names
}

// A name is an author's name in parts, as CSL and BibTeX want it. A name that is not a
// plain "Given Family" (an editor's remark, one word, an organisation) is a literal.
type name struct{ given, family, literal string }

func splitName(s string) name {
	if strings.ContainsAny(s, "(),") {
		return name{literal: s}
	}
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 4 {
		return name{literal: s}
	}
	i := len(words) - 1
	// German and Dutch particles belong to the family name: "Ursula von der Leyen".
	for i > 1 && isParticle(words[i-1]) {
		i--
	}
	return name{given: strings.Join(words[:i], " "), family: strings.Join(words[i:], " ")}
}

func isParticle(w string) bool {
	switch w {
	case "von", "van", "de", "der", "den", "zu", "vom", "zum", "di", "da", "del", "du", "la", "le":
		return true
	}
	return false
}

// inverted returns "Family, Given", or the literal name.
func (n name) inverted() string {
	if n.literal != "" {
		return n.literal
	}
	return n.family + ", " + n.given
}

// Text returns w's citation in the dossier's language, German style:
//
//	Kühl, Christiane: „Titel“. In: Ippen.Media, 19. Juni 2024. URL: https://….
//	„Titel“. Kommentiert in: Russland und Nordkorea. Eine kommentierte Presseschau, Z. 12–14.
func (x exporter) text(w work) string {
	wd := x.cfg.Words
	var b strings.Builder
	if len(w.authors) > 0 {
		for i, a := range w.authors {
			if i > 0 {
				b.WriteString("; ")
			}
			b.WriteString(splitName(a).inverted())
		}
		b.WriteString(": ")
	}
	if w.quoted {
		b.WriteString(w.title)
	} else {
		b.WriteString(wd.Quote(w.title))
	}
	b.WriteString(". ")
	if w.source {
		b.WriteString(wd.In)
	} else {
		b.WriteString(wd.Commented)
	}
	b.WriteString(" ")
	b.WriteString(w.container)
	if !w.issued.IsZero() {
		b.WriteString(", " + wd.Date(w.issued))
	}
	if w.lines != "" {
		b.WriteString(", " + w.lines)
	}
	b.WriteString(".")
	if w.url != "" {
		b.WriteString(" " + wd.URL + " " + w.url + ".")
	}
	return b.String()
}

// CitationText returns the German-style citation of a's source and of its page in the
// dossier, the page at lines from..to if from > 0 (0 for the whole page).
func CitationText(d *dossier.Dossier, cfg Config, a *dossier.Article, from, to int) (source, page string) {
	x := exporter{d: d, cfg: cfg}
	return x.text(x.sourceWork(a)), x.text(x.pageWork(a, from, to))
}

// NoteCitationText returns the citation of note n, which must be anchored.
func NoteCitationText(d *dossier.Dossier, cfg Config, n *dossier.Note) string {
	x := exporter{d: d, cfg: cfg}
	return x.text(x.noteWork(n))
}

func (x exporter) articleCitations(a *dossier.Article) []File {
	works := []work{x.sourceWork(a), x.pageWork(a, 0, 0)}
	return x.citationFiles(works, func(ext string) string { return CitePath(a.ID, ext) })
}

func (x exporter) noteCitations(n *dossier.Note) []File {
	works := []work{x.noteWork(n), x.sourceWork(n.Anchor.Article)}
	return x.citationFiles(works, func(ext string) string { return NoteCitePath(n.ID, ext) })
}

func (x exporter) citationFiles(works []work, path func(ext string) string) []File {
	var bib, ris strings.Builder
	items := make([]cslItem, len(works))
	for i, w := range works {
		if i > 0 {
			bib.WriteString("\n")
		}
		writeBibTeX(&bib, w)
		writeRIS(&ris, w)
		items[i] = csl(w)
	}
	js, err := marshal(items)
	if err != nil {
		panic(err) // plain strings and numbers
	}
	return []File{{path("bib"), []byte(bib.String())}, {path("json"), js}, {path("ris"), []byte(ris.String())}}
}

// cslItem is an item of CSL-JSON (citation-style-language/schema, csl-data.json), as
// Zotero, Citavi and pandoc read it.
type cslItem struct {
	ID             string    `json:"id"`
	Type           string    `json:"type"`
	Title          string    `json:"title"`
	ContainerTitle string    `json:"container-title,omitempty"`
	Publisher      string    `json:"publisher,omitempty"`
	Author         []cslName `json:"author,omitempty"`
	Issued         *cslDate  `json:"issued,omitempty"`
	URL            string    `json:"URL,omitempty"`
	Language       string    `json:"language,omitempty"`
	Note           string    `json:"note,omitempty"`
}

type cslName struct {
	Family  string `json:"family,omitempty"`
	Given   string `json:"given,omitempty"`
	Literal string `json:"literal,omitempty"`
}

// cslDate is a date at its precision: date-parts of one point, or of two for a range,
// with circa for an approximate one, and the date in EDTF as written.
type cslDate struct {
	DateParts [][]int `json:"date-parts"`
	Circa     bool    `json:"circa,omitempty"`
	EDTF      string  `json:"edtf,omitempty"`
}

func csl(w work) cslItem {
	it := cslItem{ID: w.id, Type: w.kind, Title: w.title, ContainerTitle: w.container,
		Publisher: w.publisher, URL: w.url, Language: w.lang, Note: w.lines}
	for _, a := range w.authors {
		n := splitName(a)
		it.Author = append(it.Author, cslName{Family: n.family, Given: n.given, Literal: n.literal})
	}
	if !w.issued.IsZero() {
		from, to, approx, uncertain := w.issued.Parts()
		d := &cslDate{DateParts: [][]int{from}, Circa: approx || uncertain, EDTF: w.issued.EDTF()}
		if to != nil {
			d.DateParts = append(d.DateParts, to)
		}
		it.Issued = d
	}
	return it
}

// writeBibTeX writes w as a biblatex entry (@article or @online), which BibTeX, biber,
// Zotero and JabRef read; the text is UTF-8, as biber and Zotero expect.
func writeBibTeX(b *strings.Builder, w work) {
	typ := "online"
	if w.source {
		typ = "article"
	}
	fmt.Fprintf(b, "@%s{%s,\n", typ, w.id)
	field := func(k, v string) {
		if v != "" {
			fmt.Fprintf(b, "  %s = {%s},\n", k, v)
		}
	}
	var authors []string
	for _, a := range w.authors {
		n := splitName(a)
		if n.literal != "" {
			authors = append(authors, "{"+bibEscape(n.literal)+"}") // braces: one name, as written
		} else {
			authors = append(authors, bibEscape(n.inverted()))
		}
	}
	field("author", strings.Join(authors, " and "))
	field("title", bibEscape(w.title))
	if w.source {
		field("journaltitle", bibEscape(w.container))
		field("journal", bibEscape(w.container))
	} else {
		field("organization", bibEscape(w.container))
	}
	if !w.issued.IsZero() {
		from, _, _, _ := w.issued.Parts()
		field("date", w.issued.EDTF())
		field("year", strconv.Itoa(from[0]))
		if len(from) > 1 {
			field("month", strconv.Itoa(from[1]))
		}
	}
	field("url", bibURL(w.url))
	field("langid", bibLang(w.lang))
	field("note", bibEscape(w.lines))
	b.WriteString("}\n")
}

var bibReplacer = strings.NewReplacer(
	`\`, `\textbackslash{}`, `{`, `\{`, `}`, `\}`, `%`, `\%`, `&`, `\&`, `$`, `\$`,
	`#`, `\#`, `_`, `\_`, `~`, `\textasciitilde{}`, `^`, `\textasciicircum{}`, "\n", " ",
)

func bibEscape(s string) string { return bibReplacer.Replace(s) }

// bibURL writes an address so that its braces and percent signs cannot end the field.
func bibURL(s string) string {
	return bibURLReplacer.Replace(s)
}

// bibURLReplacer is made once: making it on every call took a sixth of the exports' time.
var bibURLReplacer = strings.NewReplacer("{", "%7B", "}", "%7D", `\`, "%5C", "\n", "")

func bibLang(code string) string {
	switch code {
	case "de":
		return "ngerman"
	case "en":
		return "english"
	}
	return code
}

// writeRIS writes w in RIS (Research Information Systems), as EndNote, Zotero and Citavi
// read it: one TAG  - value line each, CRLF line ends, ER to end the record.
func writeRIS(b *strings.Builder, w work) {
	tag := func(t, v string) {
		if v = strings.Join(strings.Fields(v), " "); v != "" {
			b.WriteString(t + "  - " + v + "\r\n")
		}
	}
	if w.source {
		tag("TY", "NEWS")
	} else {
		tag("TY", "ELEC")
	}
	tag("ID", w.id)
	for _, a := range w.authors {
		tag("AU", splitName(a).inverted())
	}
	tag("TI", w.title)
	tag("T2", w.container)
	tag("PB", w.publisher)
	if !w.issued.IsZero() {
		from, _, _, _ := w.issued.Parts()
		tag("PY", strconv.Itoa(from[0]))
		parts := []string{strconv.Itoa(from[0]), "", "", ""}
		for i, p := range from[1:] {
			parts[i+1] = fmt.Sprintf("%02d", p)
		}
		tag("DA", strings.Join(parts, "/"))
	}
	tag("UR", w.url)
	tag("LA", w.lang)
	tag("N1", w.lines)
	b.WriteString("ER  - \r\n")
}

// CitationRange returns the citation of a's page for a range of lines, with {lines} where
// the lines go ("12–14") and {url} where the address of the page at them goes: the page's
// script fills them in when its address names lines (#L12-L14).
func CitationRange(d *dossier.Dossier, cfg Config, a *dossier.Article) string {
	x := exporter{d: d, cfg: cfg}
	w := x.pageWork(a, 0, 0)
	w.lines = cfg.Words.LineShort + " {lines}"
	w.url = "{url}"
	return x.text(w)
}

// Authors returns the names of an article's author line, one per author.
func Authors(s string) []string { return splitAuthors(s) }
