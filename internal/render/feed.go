package render

import (
	"bytes"
	"encoding/xml"
	"slices"
	"strings"
	"time"

	"dossier/internal/dossier"
)

// The Atom feed lists the newest events and notes (feedLimit). Entries carry the date of the event, or the
// publication date of the annotated article, so that the feed is the same for the same
// input: a build never asks the clock.

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr"`
	Base    string      `xml:"xml:base,attr,omitempty"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Sub     string      `xml:"subtitle,omitempty"`
	Updated string      `xml:"updated"`
	Author  atomAuthor  `xml:"author"`
	Links   []atomLink  `xml:"link"`
	Entries []atomEntry `xml:"entry"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomEntry struct {
	ID       string       `xml:"id"`
	Title    string       `xml:"title"`
	Updated  string       `xml:"updated"`
	Link     atomLink     `xml:"link"`
	Category []atomCat    `xml:"category"`
	Summary  string       `xml:"summary,omitempty"`
	Content  *atomContent `xml:"content,omitempty"`
}

type atomCat struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr,omitempty"`
}

type atomContent struct {
	Type string `xml:"type,attr"`
	Body string `xml:",chardata"`
}

const (
	feedPath    = "atom.xml"
	sitemapPath = "sitemap.xml"
	feedLimit   = 200 // entries of the feed, the newest
)

func (r *Renderer) feed() ([]byte, error) {
	d := r.d
	base := r.baseURL()
	f := atomFeed{
		Lang: r.l.Lang, Base: base,
		ID:     r.idURI("dossier", ""),
		Title:  d.Site.Title,
		Sub:    d.Site.Subtitle,
		Author: atomAuthor{d.Site.Title},
		Links:  []atomLink{{Rel: "alternate", Type: "text/html", Href: homePath}, {Rel: "self", Type: "application/atom+xml", Href: feedPath}},
	}
	// The newest entries only: a feed reader fetches the feed again and again, and the
	// events and notes of a large dossier would make it megabytes.
	type candidate struct {
		updated string
		entry   func() (atomEntry, error)
	}
	var cands []candidate
	for _, e := range d.Events {
		cands = append(cands, candidate{rfc3339(e.Date.Start()), func() (atomEntry, error) {
			body, err := r.markdown(e.Body, "")
			return atomEntry{
				ID: r.idURI("event", e.ID), Title: e.Title + " (" + r.dateText(e) + ")",
				Updated: rfc3339(e.Date.Start()), Link: atomLink{Rel: "alternate", Type: "text/html", Href: r.eventPath(e.ID)},
				Category: []atomCat{{Term: "event", Label: r.l.Event}},
				Content:  &atomContent{Type: "html", Body: string(body)},
			}, err
		}})
	}
	for _, n := range d.Notes {
		if n.Anchor == nil {
			continue
		}
		a := n.Anchor.Article
		cands = append(cands, candidate{rfc3339(a.Published.Start()), func() (atomEntry, error) {
			body, err := r.markdown(n.Body, "../")
			quote := a.Lines[n.Anchor.Line-1].Text[n.Anchor.Start:n.Anchor.End]
			return atomEntry{
				ID: r.idURI("note", n.ID), Title: r.l.NoteKinds[n.Kind] + ": " + articleLocale(a).Quotes.Quote(clip(quote, 80)),
				Updated: rfc3339(a.Published.Start()), Link: atomLink{Rel: "alternate", Type: "text/html", Href: noteURL(n)},
				Category: []atomCat{{Term: "note", Label: r.l.Note}, {Term: n.Kind, Label: r.l.NoteKinds[n.Kind]}},
				Summary:  a.Title + ", " + r.l.LineShort + " " + itoa(n.Anchor.Line),
				Content:  &atomContent{Type: "html", Body: strings.ReplaceAll(string(body), `href="../`, `href="`)},
			}, err
		}})
	}
	slices.SortStableFunc(cands, func(a, b candidate) int { return strings.Compare(b.updated, a.updated) })
	for _, c := range cands[:min(feedLimit, len(cands))] {
		entry, err := c.entry()
		if err != nil {
			return nil, err
		}
		f.Entries = append(f.Entries, entry)
	}
	f.Updated = rfc3339(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC))
	if len(f.Entries) > 0 {
		f.Updated = f.Entries[0].Updated
	}
	return xmlFile(f)
}

func (r *Renderer) dateText(e *dossier.Event) string {
	return e.Date.In(&r.loc.Dates)
}

// idURI is a stable identifier of a record: under the base URL when there is one.
func (r *Renderer) idURI(kind, id string) string {
	if base := r.baseURL(); base != "" {
		if id == "" {
			return base
		}
		return base + "#" + kind + "-" + id
	}
	if id == "" {
		return "urn:dossier:" + slugOf(r.d.Site.Title)
	}
	return "urn:dossier:" + slugOf(r.d.Site.Title) + ":" + kind + ":" + id
}

func slugOf(s string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(s) {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			b.WriteRune(c)
		} else if b.Len() > 0 && !strings.HasSuffix(b.String(), "-") {
			b.WriteByte('-')
		}
	}
	return strings.Trim(b.String(), "-")
}

func rfc3339(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// baseURL is the site's absolute address ending in "/", or "".
func (r *Renderer) baseURL() string {
	if r.cfg.BaseURL == "" {
		return ""
	}
	return strings.TrimSuffix(r.cfg.BaseURL, "/") + "/"
}

type sitemapURLSet struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc string `xml:"loc"`
}

// sitemap lists every page but the 404 page; it needs the base URL.
func (r *Renderer) sitemap(paths []string) ([]byte, error) {
	var s sitemapURLSet
	for _, p := range paths {
		if strings.HasSuffix(p, ".html") && p != notFoundPath {
			s.URLs = append(s.URLs, sitemapURL{r.baseURL() + strings.TrimSuffix(p, "index.html")})
		}
	}
	return xmlFile(s)
}

// xmlFile encodes v as an indented XML document.
func xmlFile(v any) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", " ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}
