package render

import (
	"html/template"
	"strings"

	"dossier/internal/date"
	"dossier/internal/dossier"
	"dossier/internal/export"
	"dossier/internal/locale"
	"dossier/internal/markdown"
)

// The citation block of article pages and notes, their citation_* meta tags and JSON-LD,
// the data page, and the files of package export.

const dataPath = "data/index.html"

// CiteView is a "Zitieren" block: closed by default, a <details>, so that it works
// without JavaScript.
type CiteView struct {
	ID        string // HTML id of the block
	C         *locale.Cite
	Source    string // the citation of the source article, or ""
	Page      string // of the dossier's page, or of the note
	PageLabel string
	// Range is Page's form for a range of lines, with {lines} and {url} for
	// static/cite.js to fill in when the address names lines (#L12-L14); URL is the
	// page's absolute address, or "" when the site has no base URL.
	Range, URL string
	RangeHint  string // how to cite lines, or ""
	Downloads  []Link
}

// MetaTag is a <meta name content> of a page's head.
type MetaTag struct{ Name, Content string }

// DataPage is data/index.html, the open data.
type DataPage struct {
	Page
	Files   []DataFile
	License string // the dossier's license line, or the words saying it gives none
}

// DataFile is a file of data/.
type DataFile struct {
	Link
	Format, Contents string
}

// exportConfig returns the configuration of package export for this site.
func (r *Renderer) exportConfig() export.Config {
	loc := r.loc
	formatDate := func(d date.Date) string { return d.In(&loc.Dates) }
	return export.Config{
		BaseURL: r.baseURL(),
		Words: export.Words{
			Lang: loc.Code, Quote: loc.Quotes.Quote, Date: formatDate,
			In: loc.Cite.In, Commented: loc.Cite.Commented, LineShort: r.l.LineShort, URL: loc.Cite.URL,
			NoteKinds: r.l.NoteKinds,
		},
		BodyHTML: func(doc *markdown.Doc) (string, error) {
			h, err := r.markdown(doc, "../") // data/ is a folder below the root
			return string(h), err
		},
	}
}

func (r *Renderer) downloads(root string, path func(ext string) string) []Link {
	return []Link{
		{"BibTeX", root + path("bib")},
		{"RIS", root + path("ris")},
		{"CSL-JSON", root + path("json")},
	}
}

// articleCite returns the citation block of a's page, its citation_* meta tags (as
// Zotero's and Google Scholar's readers want them) and its JSON-LD.
func (r *Renderer) articleCite(p Page, a *dossier.Article) (CiteView, []MetaTag, template.HTML, error) {
	cfg := r.exportConfig()
	c := &r.loc.Cite
	source, page := export.CitationText(r.d, cfg, a, 0, 0)
	v := CiteView{
		ID: "zitieren", C: c, Source: source, Page: page, PageLabel: c.Page,
		Range:     export.CitationRange(r.d, cfg, a),
		URL:       cfg.BaseURL,
		RangeHint: strings.Replace(c.Range, "%s", "#L12-L14", 1),
		Downloads: r.downloads(p.Root, func(ext string) string { return export.CitePath(a.ID, ext) }),
	}
	if v.URL != "" {
		v.URL += articlePath(a.ID)
	}
	meta := []MetaTag{{"citation_title", a.Title}}
	for _, au := range export.Authors(a.Author) {
		meta = append(meta, MetaTag{"citation_author", au})
	}
	if !a.Published.IsZero() {
		from, _, _, _ := a.Published.Parts()
		parts := make([]string, len(from))
		for i, n := range from {
			parts[i] = itoa(n)
			if i > 0 && n < 10 {
				parts[i] = "0" + parts[i]
			}
		}
		meta = append(meta, MetaTag{"citation_publication_date", strings.Join(parts, "/")})
	}
	if a.Publisher != "" {
		meta = append(meta, MetaTag{"citation_publisher", a.Publisher}, MetaTag{"citation_journal_title", a.Publisher})
	}
	public := a.URL
	if public == "" {
		public = p.Canonical
	}
	if public == "" {
		public = strings.TrimPrefix(articlePath(a.ID), "articles/") // the page itself, relative
	}
	meta = append(meta, MetaTag{"citation_public_url", public}, MetaTag{"citation_language", a.Language})
	ld, err := export.ArticleLD(r.d, cfg, a)
	return v, meta, ldScript(ld), err
}

// noteCite returns the citation block of note n, for pages at root.
func (r *Renderer) noteCite(n *dossier.Note, root string) CiteView {
	c := &r.loc.Cite
	return CiteView{
		ID: "cite-" + n.ID, C: c, Page: export.NoteCitationText(r.d, r.exportConfig(), n), PageLabel: c.Note,
		Downloads: r.downloads(root, func(ext string) string { return export.NoteCitePath(n.ID, ext) }),
	}
}

func (r *Renderer) actorLD(a *dossier.Actor) (template.HTML, error) {
	ld, err := export.ActorLD(r.d, r.exportConfig(), a)
	return ldScript(ld), err
}

// ldScript returns JSON-LD in its script element. The JSON is json.Marshal's, which
// writes <, > and & as \u escapes: no text in it can end the element.
func ldScript(ld []byte) template.HTML {
	return template.HTML(`<script type="application/ld+json">` + string(ld) + `</script>`)
}

func (r *Renderer) dataPage(p Page) (any, error) {
	c := &r.loc.Cite
	p.Title = c.Data
	v := DataPage{Page: p, License: r.d.Site.License}
	if v.License == "" {
		v.License = c.NoLicense
	}
	for _, f := range export.DataFiles {
		v.Files = append(v.Files, DataFile{Link: Link{strings.TrimPrefix(f.Path, "data/"), p.Root + f.Path}, Format: f.Format, Contents: c.Contains[f.Path]})
	}
	return v, nil
}
