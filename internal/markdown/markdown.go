// Package markdown configures goldmark once for editors' bodies: a safe parser (no raw
// HTML, typographic quotes) that records links to other content by id, and renderers that
// turn those links into relative URLs and write the quotation marks of the page's language.
//
// A link to other content names it by kind and id, with an optional fragment:
//
//	[Wladimir Putin](actor:wladimir-putin)
//	[Z. 34](article:frankfurter-rundschau-2024-06-19#L34)
//	[Sanktionen](topic:sanktionen)   [Gipfel](event:gipfel-2023)   [Notiz](note:x)
package markdown

import (
	"bufio"
	"bytes"
	"html/template"
	"net/url"
	"strings"
	"sync"

	"dossier/internal/locale"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Schemes are the link schemes that name content by id.
var Schemes = []string{"article", "actor", "topic", "event", "note"}

// A Ref is a link from a body to other content.
type Ref struct {
	Scheme, ID, Fragment string
	Line                 int // 1-based, in the body's source
}

// A Problem is something wrong in a body, at a 1-based line of its source.
type Problem struct {
	Line int
	Msg  string
}

// Doc is a parsed body. It is read-only after Parse and may be rendered concurrently.
type Doc struct {
	source   []byte
	p        *Parser
	once     sync.Once
	root     ast.Node // parsed by tree
	Refs     []Ref
	Problems []Problem
}

// tree returns the body's syntax tree, parsing it if Parse did not.
func (d *Doc) tree() ast.Node {
	d.once.Do(func() {
		if d.p == nil { // not made by Parse
			d.root = ast.NewDocument()
			return
		}
		d.root = d.p.p.Parse(text.NewReader(d.source))
	})
	return d.root
}

// Empty reports whether the body has no content.
func (d *Doc) Empty() bool { return d == nil || !d.tree().HasChildren() }

func extensions() []goldmark.Extender {
	return []goldmark.Extender{
		extension.Table,
		extension.Strikethrough,
		extension.Linkify,
		extension.NewTypographer(extension.WithTypographicSubstitutions(extension.TypographicSubstitutions{
			extension.LeftDoubleQuote:  []byte(parsedQuotes.Open),
			extension.RightDoubleQuote: []byte(parsedQuotes.Close),
			extension.LeftSingleQuote:  []byte(parsedQuotes.InnerOpen),
			extension.RightSingleQuote: []byte(parsedQuotes.InnerClose),
			extension.LeftAngleQuote:   []byte("»"),
			extension.RightAngleQuote:  []byte("«"),
			extension.Apostrophe:       []byte("’"),
			extension.EnDash:           []byte("–"),
			extension.EmDash:           []byte("—"),
			extension.Ellipsis:         []byte("…"),
		})),
	}
}

// Parser parses bodies. It is safe for concurrent use.
type Parser struct{ p parser.Parser }

// NewParser returns the one parser configuration of the project.
func NewParser() *Parser {
	md := goldmark.New(goldmark.WithExtensions(extensions()...))
	return &Parser{md.Parser()}
}

// Parse parses src, records its id links and rejects links a reader must not follow. A
// body that cannot hold a link, most of them, is parsed only when first rendered, if ever:
// it has no links to record or reject, and a build that renders nothing (check) need not
// pay for it.
func (p *Parser) Parse(src []byte) *Doc {
	d := &Doc{source: src, p: p}
	if mayLink(src) {
		d.checkLinks()
	}
	return d
}

// checkLinks parses the body, records its id links and unlinks what may not stay a link.
func (d *Doc) checkLinks() {
	src := d.source
	var unlink []ast.Node
	ast.Walk(d.tree(), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			if !d.checkLink(n, string(n.Destination)) {
				unlink = append(unlink, n)
			}
		case *ast.Image:
			d.Problems = append(d.Problems, Problem{lineOf(src, n), "images are not supported in bodies yet; link to the picture instead"})
			unlink = append(unlink, n)
		case *ast.AutoLink:
			if u := string(n.URL(src)); !safeExternal(u) && n.AutoLinkType != ast.AutoLinkEmail {
				d.Problems = append(d.Problems, Problem{lineOf(src, n), "link " + quote(u) + " has a scheme that is not allowed; use http or https"})
				unlink = append(unlink, n)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, n := range unlink {
		replaceWithChildren(n)
	}
}

// mayLink reports whether src may hold a link to record or to reject: links and images
// need a "[", autolinks a "<", and the addresses that goldmark's linkify finds in text
// start with "http:", "https:", "ftp:" or "www." (an e-mail address it finds is always
// allowed).
func mayLink(src []byte) bool {
	if bytes.ContainsAny(src, "[<") {
		return true
	}
	for _, p := range linkified {
		if bytes.Contains(src, p) {
			return true
		}
	}
	return false
}

var linkified = [][]byte{[]byte("http:"), []byte("https:"), []byte("ftp:"), []byte("www.")}

// checkLink records an id link or reports a link that may not stay a link.
func (d *Doc) checkLink(n ast.Node, dest string) bool {
	line := lineOf(d.source, n)
	scheme, rest, hasScheme := strings.Cut(dest, ":")
	if hasScheme && isScheme(scheme) {
		id, frag, _ := strings.Cut(rest, "#")
		d.Refs = append(d.Refs, Ref{Scheme: scheme, ID: id, Fragment: frag, Line: line})
		return true
	}
	if safeExternal(dest) || isRelative(dest) {
		return true
	}
	d.Problems = append(d.Problems, Problem{line, "link " + quote(dest) + " is not allowed; link to content by id (actor:ID, article:ID#L34, topic:ID, event:ID, note:ID) or to an http(s) address"})
	return false
}

func isScheme(s string) bool {
	for _, k := range Schemes {
		if s == k {
			return true
		}
	}
	return false
}

func safeExternal(u string) bool {
	p, err := url.Parse(u)
	if err != nil {
		return false
	}
	switch strings.ToLower(p.Scheme) {
	case "http", "https", "mailto":
		return p.Scheme == "mailto" || p.Host != ""
	}
	return false
}

// isRelative accepts only in-page fragments: a relative path would depend on the page's
// place in the site.
func isRelative(u string) bool { return strings.HasPrefix(u, "#") && !strings.ContainsAny(u, " <>\"") }

func quote(s string) string { return "\"" + s + "\"" }

// lineOf returns the 1-based line where n's first text starts.
func lineOf(src []byte, n ast.Node) int {
	for c := n; c != nil; c = c.Parent() {
		if t, ok := c.(*ast.Text); ok {
			return 1 + bytes.Count(src[:t.Segment.Start], []byte("\n"))
		}
		if c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
			return 1 + bytes.Count(src[:c.Lines().At(0).Start], []byte("\n"))
		}
		if fc := c.FirstChild(); fc != nil {
			if t, ok := fc.(*ast.Text); ok {
				return 1 + bytes.Count(src[:t.Segment.Start], []byte("\n"))
			}
		}
	}
	return 1
}

func replaceWithChildren(n ast.Node) {
	parent := n.Parent()
	if parent == nil {
		return
	}
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		parent.InsertBefore(parent, n, c)
		c = next
	}
	parent.RemoveChild(parent, n)
}

// Renderer renders bodies for pages at one depth of the site.
type Renderer struct{ r renderer.Renderer }

// Target is where an id link leads: a path from the site's root, and a title that tells
// the reader where before they follow it ("Frankfurter Rundschau, Z. 34"); it may be empty.
//
// A link to a line of an article has the article's Source ("Frankfurter Rundschau") and
// the way a bare line citation starts, Line ("Z. "): a link whose text starts with Line,
// written on any page but that article's, names the source in its text ("Frankfurter
// Rundschau, Z. 34"), since a reader on a phone has no title to hover over.
type Target struct {
	Path, Title  string
	Source, Line string
}

// NewRenderer returns a renderer that writes an id link as root + target path + fragment;
// root leads from the page to the top of the site ("" or "../").
// Straight quotes are written with quotes, the marks of the page's language.
func NewRenderer(root string, resolve func(scheme, id, fragment string) Target, quotes locale.Quotes) *Renderer {
	funcs := []util.PrioritizedValue{util.Prioritized(&linkRenderer{root, resolve}, 100)}
	if quotes != parsedQuotes {
		funcs = append(funcs, util.Prioritized(quoteRenderer{marks(quotes)}, 100))
	}
	md := goldmark.New(
		goldmark.WithExtensions(extensions()...),
		goldmark.WithRendererOptions(html.WithXHTML(), renderer.WithNodeRenderers(funcs...)),
	)
	return &Renderer{md.Renderer()}
}

// parsedQuotes are the marks the parser's typographer writes for straight quotes: the
// German ones, which a renderer for another language replaces (quoteRenderer). The
// typographer runs at parse time, before a body's language is known, and the same body
// (a note) is rendered for pages of one language only, but the marks it types are the
// renderer's to choose.
var parsedQuotes = locale.Quotes{Open: "„", Close: "“", InnerOpen: "‚", InnerClose: "‘"}

// marks maps each of parsedQuotes to its counterpart in q.
func marks(q locale.Quotes) map[string][]byte {
	return map[string][]byte{
		parsedQuotes.Open: []byte(q.Open), parsedQuotes.Close: []byte(q.Close),
		parsedQuotes.InnerOpen: []byte(q.InnerOpen), parsedQuotes.InnerClose: []byte(q.InnerClose),
	}
}

// quoteRenderer writes the typographer's quotation marks in another language's. The
// typographer's marks are code strings (ast.String with IsCode); a „ an editor typed is
// text, and stays as typed.
type quoteRenderer struct{ marks map[string][]byte }

func (q quoteRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindString, q.renderString)
}

func (q quoteRenderer) renderString(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.String)
	switch {
	case n.IsCode():
		if m, ok := q.marks[string(n.Value)]; ok {
			_, _ = w.Write(m)
		} else {
			_, _ = w.Write(n.Value)
		}
	case n.IsRaw():
		_, _ = w.Write(n.Value)
	default:
		_, _ = w.Write(util.EscapeHTML(n.Value))
	}
	return ast.WalkContinue, nil
}

// Render returns d as HTML for a page that is not an article's: every line citation
// names its article.
func (r *Renderer) Render(d *Doc) (template.HTML, error) { return r.RenderOn(d, "") }

// RenderOn returns d as HTML for the page of the article with id here (or "" for another
// page): citations of here's own lines stay bare ("Z. 34").
func (r *Renderer) RenderOn(d *Doc, here string) (template.HTML, error) {
	if d.Empty() {
		return "", nil
	}
	return r.render(d, d.tree(), here)
}

// RenderLead returns d as RenderOn does, in two parts: its first block (a summary to show
// at once) and the blocks after it, which are empty when d has one block.
func (r *Renderer) RenderLead(d *Doc, here string) (lead, rest template.HTML, err error) {
	if d.Empty() {
		return "", "", nil
	}
	first := d.tree().FirstChild()
	if lead, err = r.render(d, first, here); err != nil {
		return "", "", err
	}
	var b strings.Builder
	for n := first.NextSibling(); n != nil; n = n.NextSibling() {
		h, err := r.render(d, n, here)
		if err != nil {
			return "", "", err
		}
		b.WriteString(string(h))
	}
	return lead, template.HTML(b.String()), nil
}

// pageWriter is the writer goldmark renders into, which carries to the link renderer the
// article whose page it writes: the renderer is shared by all pages and goroutines.
type pageWriter struct {
	*bufio.Writer
	here string
}

// render returns the node n of d, a block or the whole document, as HTML for the page of
// article here.
func (r *Renderer) render(d *Doc, n ast.Node, here string) (template.HTML, error) {
	// goldmark writes through a bufio.Writer of its own unless it is given one.
	var b strings.Builder
	w := writers.Get().(*bufio.Writer)
	defer writers.Put(w)
	w.Reset(&b)
	err := r.r.Render(pageWriter{w, here}, d.source, n)
	if err == nil {
		err = w.Flush()
	}
	w.Reset(nil)
	if err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil
}

var writers = sync.Pool{New: func() any { return bufio.NewWriterSize(nil, 2048) }}

type linkRenderer struct {
	root    string
	resolve func(scheme, id, fragment string) Target
}

func (l *linkRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindLink, l.renderLink)
}

func (l *linkRenderer) renderLink(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</a>")
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Link)
	dest, title, cite := string(n.Destination), "", ""
	if scheme, rest, ok := strings.Cut(dest, ":"); ok && isScheme(scheme) {
		id, frag, hasFrag := strings.Cut(rest, "#")
		t := l.resolve(scheme, id, frag)
		dest, title = l.root+t.Path, t.Title
		if pw, ok := w.(pageWriter); t.Source != "" && t.Line != "" && (!ok || pw.here != id || scheme != "article") &&
			strings.HasPrefix(linkText(n, source), t.Line) && !sameSource(n, source, scheme+":"+id+"#", t.Line) {
			cite, title = t.Source, ""
		}
		if hasFrag {
			if i := strings.IndexByte(dest, '#'); i >= 0 {
				dest = dest[:i] // an event's page fragment gives way to the editor's
			}
			dest += "#" + frag
		}
	}
	_, _ = w.WriteString(`<a href="`)
	_, _ = w.Write(util.EscapeHTML(util.URLEscape([]byte(dest), true)))
	if title != "" {
		_, _ = w.WriteString(`" title="`)
		_, _ = w.Write(util.EscapeHTML([]byte(title)))
	}
	_, _ = w.WriteString(`">`)
	if cite != "" {
		_, _ = w.Write(util.EscapeHTML([]byte(cite + ", ")))
	}
	return ast.WalkContinue, nil
}

// sameSource reports whether the link before n in its paragraph is a bare line citation
// (its text starting with line) of the same article, whose destination starts with
// prefix: "(Tamedia, Z. 13, Z. 15)" names the article once.
func sameSource(n *ast.Link, source []byte, prefix, line string) bool {
	for s := n.PreviousSibling(); s != nil; s = s.PreviousSibling() {
		if l, ok := s.(*ast.Link); ok {
			return strings.HasPrefix(string(l.Destination), prefix) && strings.HasPrefix(linkText(l, source), line)
		}
	}
	return false
}

// linkText returns the text at the start of link n, up to its first markup.
func linkText(n *ast.Link, source []byte) string {
	if t, ok := n.FirstChild().(*ast.Text); ok {
		return string(t.Segment.Value(source))
	}
	return ""
}

// Text returns the body as plain text, for search: the words without markup, blocks
// separated by newlines.
func (d *Doc) Text() string { return d.TextWith(parsedQuotes) }

// TextWith returns the body's text as Text does, its typographic quotation marks those of
// quotes.
func (d *Doc) TextWith(quotes locale.Quotes) string {
	var m map[string][]byte
	if quotes != parsedQuotes {
		m = marks(quotes)
	}
	if d.Empty() {
		return ""
	}
	var b strings.Builder
	ast.Walk(d.tree(), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *ast.Text:
			if entering {
				b.Write(n.Segment.Value(d.source))
				if n.SoftLineBreak() || n.HardLineBreak() {
					b.WriteByte(' ')
				}
			}
		case *ast.String:
			if entering {
				if q, ok := m[string(n.Value)]; ok && n.IsCode() {
					b.Write(q)
				} else {
					b.Write(n.Value)
				}
			}
		case *ast.CodeSpan, *ast.AutoLink:
			if entering {
				if a, ok := n.(*ast.AutoLink); ok {
					b.Write(a.Label(d.source))
					return ast.WalkSkipChildren, nil
				}
			}
		default:
			if !entering && n.Type() == ast.TypeBlock {
				b.WriteByte('\n')
			}
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}
