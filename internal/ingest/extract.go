package ingest

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"dossier/internal/seed"
)

// Block is a paragraph of the article's text, one block of the seed.
type Block struct {
	Kind seed.Kind // Kicker, Title, Subheading or Paragraph
	Text string
}

// Article is what was found in a source: the text and what the page says about it.
type Article struct {
	Blocks []Block
	Meta   Meta
	Notes  []string // what the editor should know about the extraction
}

// ErrNoArticle is returned for a page in which no article text was found.
var ErrNoArticle = errors.New("no article text found")

// minArticle is the least text, in characters, that counts as an article: a short news
// item has some 400.
const minArticle = 200

// extractHTML finds the article in a web page. The main text is found by go-trafilatura
// (with its readability and DOM Distiller fallbacks), which leaves out navigation,
// teasers, ads, newsletter boxes, comments and footers; the headline and kicker are
// taken from the page's <h1>, and the text is then cleared of what the page marks as a
// caption, credit, byline or date line.
func extractHTML(page string, pageURL *url.URL) (*Article, error) {
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return nil, err
	}
	a := &Article{Meta: pageMeta(doc)}
	head := findHeadline(doc, &a.Meta)
	furn := furnitureTexts(doc)

	// trafilatura changes the tree it is given; it gets a second one, with the tables
	// that lay out old pages turned into the blocks they stand for.
	work, _ := html.Parse(strings.NewReader(page))
	unwrapLayoutTables(work)
	opts := trafilatura.Options{
		OriginalURL:     pageURL,
		EnableFallback:  true,
		ExcludeComments: true,
		Focus:           trafilatura.Balanced,
		HtmlDateMode:    trafilatura.Fast,
	}
	res, err := trafilatura.ExtractDocument(work, opts)
	if err != nil || res == nil || res.ContentNode == nil {
		return nil, ErrNoArticle
	}
	if a.Meta.Published.Text == "" && !res.Metadata.Date.IsZero() {
		a.Meta.Published.set(res.Metadata.Date.Format("2006-01-02"), "the page's text", "found in the page by go-htmldate, not stated as the publication date")
	}
	if a.Meta.Publisher.Text == "" && res.Metadata.Sitename != "" {
		a.Meta.Publisher.set(res.Metadata.Sitename, "the site's name", "the page names no publisher; this is the site's name or host")
	}
	if a.Meta.Language.Text == "" && res.Metadata.Language != "" {
		a.Meta.Language.set(res.Metadata.Language, "the page's text", "the page states no language; detected from the text")
	}

	body := blocksOf(res.ContentNode)
	skip := map[string]bool{}
	if head.kicker != "" {
		skip[head.kicker] = true
	}
	if a.Meta.Title.Text != "" {
		skip[a.Meta.Title.Text] = true
	}
	if head.h1 != "" {
		skip[head.h1] = true
	}
	var kept []Block
	dropped := map[string]int{}
	for _, b := range body {
		switch why := furniture(b.Text, furn, skip); {
		case why != "":
			dropped[why]++
		default:
			kept = append(kept, b)
		}
	}
	if textLength(kept) < minArticle {
		return nil, ErrNoArticle
	}
	if head.kicker != "" {
		a.Blocks = append(a.Blocks, Block{seed.Kicker, head.kicker})
		a.Meta.Kicker.set(head.kicker, "the line above the <h1>", "")
	}
	if a.Meta.Title.Text != "" {
		a.Blocks = append(a.Blocks, Block{seed.Title, a.Meta.Title.Text})
	}
	a.Blocks = append(a.Blocks, kept...)
	for _, why := range slices.Sorted(mapKeys(dropped)) {
		a.Notes = append(a.Notes, fmt.Sprintf("left out %d %s", dropped[why], plural(dropped[why], why)))
	}
	if by := trimByline(head.byline); by != "" && (a.Meta.Author.Text == "" || strings.Contains(by, a.Meta.Author.Text) && by != a.Meta.Author.Text && utf8.RuneCountInString(by) < 100) {
		guess := fmt.Sprintf("taken from the byline %q", head.byline)
		if a.Meta.Author.Text != "" {
			guess = fmt.Sprintf("the page's metadata names %q (%s); the byline %q names more", a.Meta.Author.Text, a.Meta.Author.Source, head.byline)
		}
		a.Meta.Author = Value{}
		a.Meta.Author.set(by, "the byline", guess)
	}
	if a.Meta.Publisher.Text == "" {
		if site := siteFromTitle(doc, a.Meta.Title.Text); site != "" {
			a.Meta.Publisher.set(site, "<title>", fmt.Sprintf("the page names no publisher; %q is the part of its <title> besides the headline", site))
		}
	}
	return a, nil
}

func mapKeys[K comparable, V any](m map[K]V) func(func(K) bool) {
	return func(yield func(K) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

func plural(n int, s string) string {
	if n == 1 {
		return s
	}
	return s + "s"
}

func textLength(blocks []Block) int {
	n := 0
	for _, b := range blocks {
		if b.Kind == seed.Paragraph {
			n += utf8.RuneCountInString(b.Text)
		}
	}
	return n
}

// headline is what stands above the article's text.
type headline struct {
	h1     string // the <h1>'s whole text
	kicker string
	byline string // the text of the element marked as the byline, if short
}

// kickerClass matches the class names CMSs give the line above a headline.
var kickerClass = regexp.MustCompile(`(?i)(^|[-_ ])(kicker|dachzeile|topline|overline|roofline|eyebrow|spitzmarke|supertitle|superheadline|pretitle|strapline)($|[-_ ])`)

// findHeadline finds the article's <h1> and the kicker within or just before it, and
// sets m.Title from it unless the page's metadata gives the same headline.
func findHeadline(doc *html.Node, m *Meta) headline {
	var h headline
	var h1s []*html.Node
	var by *html.Node
	walk(doc, func(n *html.Node) bool {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.H1:
				h1s = append(h1s, n)
			case atom.Script, atom.Style, atom.Noscript, atom.Template:
				return false
			}
			// The byline is the first element so marked, or the innermost one in it: a
			// "byline" box often holds the date line too.
			if (by == nil || contains(by, n)) && (hasToken(n, "byline") || hasToken(n, "autor") || hasToken(n, "author")) {
				if t := collapse(textOf(n)); t != "" && utf8.RuneCountInString(t) < 200 {
					by = n
				}
			}
		}
		return true
	})
	if by != nil {
		if t := collapse(textOf(by)); utf8.RuneCountInString(t) < 120 {
			h.byline = t
		}
	}
	h1 := pickH1(h1s, m.Title.Text)
	if h1 != nil {
		h.h1 = collapse(textOf(h1))
		title := h.h1
		// The kicker inside the heading: <h1><span class=kicker>…</span> <span>…</span></h1>.
		walk(h1, func(n *html.Node) bool {
			if n != h1 && n.Type == html.ElementNode && kickerClass.MatchString(attr(n, "class")) && h.kicker == "" {
				h.kicker = collapse(textOf(n))
				n.Parent.RemoveChild(n)
				title = collapse(textOf(h1))
				return false
			}
			return true
		})
		if h.kicker == "" {
			h.kicker = kickerBefore(h1)
		}
		if title != "" {
			if m.Title.Text != "" && m.Title.Text != title {
				m.Title = Value{}
			}
			m.Title.set(title, "<h1>", "")
		}
	}
	if m.Title.Text == "" {
		for n := range doc.Descendants() {
			if n.DataAtom == atom.Title && n.Type == html.ElementNode {
				m.Title.set(trimSiteName(collapse(textOf(n))), "<title>", "the page has no headline; taken from its <title>, without the site's name")
				break
			}
		}
	}
	return h
}

// contains reports whether n is a descendant of a.
func contains(a, n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p == a {
			return true
		}
	}
	return false
}

// pickH1 returns the <h1> that is the article's headline: the one that the metadata's
// title names, else the first one inside <article> or <main>, else the first.
func pickH1(h1s []*html.Node, title string) *html.Node {
	if len(h1s) == 0 {
		return nil
	}
	if title != "" {
		for _, n := range h1s {
			if t := collapse(textOf(n)); t != "" && (strings.Contains(title, t) || strings.Contains(t, title)) {
				return n
			}
		}
	}
	for _, n := range h1s {
		for p := n.Parent; p != nil; p = p.Parent {
			if p.DataAtom == atom.Article || p.DataAtom == atom.Main {
				return n
			}
		}
	}
	return h1s[0]
}

// kickerBefore returns the text of the kicker standing just before the headline h1, in
// the same parent or in the parent's parent, if there is one.
func kickerBefore(h1 *html.Node) string {
	for n, depth := h1, 0; n != nil && depth < 2; n, depth = n.Parent, depth+1 {
		seen := 0
		for s := n.PrevSibling; s != nil && seen < 3; s = s.PrevSibling {
			if s.Type != html.ElementNode {
				continue
			}
			seen++
			if kickerClass.MatchString(attr(s, "class")) {
				if t := collapse(textOf(s)); t != "" && utf8.RuneCountInString(t) < 120 {
					return t
				}
			}
			if s.DataAtom == atom.P && n.Parent != nil && n.Parent.DataAtom == atom.Hgroup {
				return collapse(textOf(s))
			}
		}
	}
	return ""
}

// trimSiteName removes the site's name from a <title>: "Headline | Site", "Site - Section - Headline".
func trimSiteName(t string) string {
	for _, sep := range []string{" | ", " – ", " — ", " - ", " :: "} {
		parts := strings.Split(t, sep)
		if len(parts) < 2 {
			continue
		}
		longest := parts[0]
		for _, p := range parts[1:] {
			if utf8.RuneCountInString(p) > utf8.RuneCountInString(longest) {
				longest = p
			}
		}
		return longest
	}
	return t
}

// siteFromTitle returns the site's name from a <title> that joins it with the headline:
// "Site - Section - Headline" or "Headline | Site".
func siteFromTitle(doc *html.Node, headline string) string {
	var title string
	walk(doc, func(n *html.Node) bool {
		if n.Type == html.ElementNode && n.DataAtom == atom.Title && title == "" {
			title = collapse(textOf(n))
		}
		return title == ""
	})
	if headline == "" || !strings.Contains(title, headline) {
		return ""
	}
	for _, sep := range []string{" | ", " – ", " — ", " - ", " :: "} {
		if !strings.Contains(title, sep) {
			continue
		}
		parts := strings.Split(title, sep)
		switch {
		case strings.Contains(parts[len(parts)-1], headline):
			return parts[0]
		case strings.Contains(parts[0], headline):
			return parts[len(parts)-1]
		}
	}
	return ""
}

// Furniture is marked by class names made of these words: what the words name is
// never the article's text.
var furnitureWords = map[string]string{
	"caption": "caption", "figcaption": "caption", "bildtext": "caption", "bildunterschrift": "caption",
	"credit": "credit", "credits": "credit", "copyright": "credit", "quelle": "credit", "bildnachweis": "credit",
	"byline": "byline", "autor": "byline", "author": "byline", "authors": "byline",
	"dateline": "date line", "datum": "date line", "date": "date line", "timestamp": "date line", "published": "date line",
	"breadcrumb": "breadcrumb", "breadcrumbs": "breadcrumb",
	"newsletter": "newsletter box", "share": "share button", "social": "share button",
	"ad": "ad", "ads": "ad", "advert": "ad", "advertisement": "ad", "anzeige": "ad", "werbung": "ad",
	"comment": "comment", "comments": "comment", "kommentar": "comment", "kommentare": "comment",
	"related": "teaser", "teaser": "teaser", "promo": "teaser", "recommended": "teaser", "empfehlung": "teaser",
	"tags": "tag list", "footer": "footer", "cookie": "cookie notice", "consent": "cookie notice", "paywall": "subscription notice",
}

// linked lists the kinds of furniture whose class words are also given to the article's
// own text by some CMSs (a "teaser" is often the lead): those count only where their
// text is mostly links.
var linked = map[string]bool{"teaser": true}

// furnitureTexts returns the texts of everything the page marks as furniture, and of
// every element inside, each with what it is.
func furnitureTexts(doc *html.Node) map[string]string {
	out := map[string]string{}
	add := func(n *html.Node, why string) {
		walk(n, func(c *html.Node) bool {
			if c.Type == html.ElementNode {
				if t := collapse(textOf(c)); t != "" {
					if _, ok := out[t]; !ok {
						out[t] = why
					}
				}
			}
			return true
		})
	}
	walk(doc, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Noscript, atom.Template:
			return false
		case atom.Figcaption:
			add(n, "caption")
			return false
		case atom.Nav:
			add(n, "navigation")
			return false
		case atom.Time:
			if t := collapse(textOf(n)); t != "" && utf8.RuneCountInString(t) < 60 {
				out[t] = "date line"
			}
		}
		for _, w := range classWords(n) {
			if why, ok := furnitureWords[w]; ok && (!linked[why] || linkDensity(n) > 0.5) {
				add(n, why)
				return false
			}
		}
		return true
	})
	return out
}

// classWords returns the words of n's class names and id: "article-meta ad_slot" gives
// article, meta, ad, slot.
func classWords(n *html.Node) []string {
	s := strings.ToLower(attr(n, "class") + " " + attr(n, "id") + " " + attr(n, "itemprop") + " " + attr(n, "data-testid"))
	return strings.FieldsFunc(s, func(r rune) bool { return !('a' <= r && r <= 'z') })
}

func hasToken(n *html.Node, w string) bool { return slices.Contains(classWords(n), w) }

func linkDensity(n *html.Node) float64 {
	all := utf8.RuneCountInString(collapse(textOf(n)))
	if all == 0 {
		return 1
	}
	links := 0
	walk(n, func(c *html.Node) bool {
		if c.DataAtom == atom.A && c.Type == html.ElementNode {
			links += utf8.RuneCountInString(collapse(textOf(c)))
			return false
		}
		return true
	})
	return float64(links) / float64(all)
}

// furniture tells why a block of the extracted text is not the article's, or "".
func furniture(t string, furn map[string]string, skip map[string]bool) string {
	switch {
	case skip[t]:
		return "repeated headline"
	case adLabels[strings.ToLower(t)]:
		return "ad label"
	case strings.HasPrefix(t, "©") || strings.HasPrefix(t, "(c) ") || strings.HasPrefix(t, "(C) "):
		return "copyright line"
	}
	if why := furn[t]; why != "" {
		return why
	}
	return ""
}

var adLabels = map[string]bool{"anzeige": true, "werbung": true, "advertisement": true, "ad": true, "sponsored": true, "publicité": true, "annonce": true}

// unwrapLayoutTables turns the tables that lay out a page (navigation in one cell, the
// article in the next) into plain blocks, as reader views do: a table whose cells hold
// headings, paragraphs or other tables is no table of data.
func unwrapLayoutTables(doc *html.Node) {
	layout := map[*html.Node]bool{}
	var parts []*html.Node
	walk(doc, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		switch n.DataAtom {
		case atom.Table:
			if layoutTable(n) {
				layout[n] = true
				parts = append(parts, n)
			}
		case atom.Tbody, atom.Thead, atom.Tfoot, atom.Tr, atom.Td, atom.Th:
			if t := nearestTable(n); layout[t] {
				parts = append(parts, n)
			}
		}
		return true
	})
	for _, n := range parts {
		n.DataAtom, n.Data = atom.Div, "div"
	}
}

func nearestTable(n *html.Node) *html.Node {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && p.DataAtom == atom.Table {
			return p
		}
	}
	return nil
}

func layoutTable(t *html.Node) bool {
	if strings.EqualFold(attr(t, "role"), "presentation") {
		return true
	}
	found := false
	walk(t, func(n *html.Node) bool {
		if n != t && n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.H1, atom.H2, atom.P, atom.Table, atom.Ul, atom.Ol, atom.Blockquote:
				found = true
			}
		}
		return !found
	})
	return found
}

// blocksOf returns the text of the extracted content, a block for each paragraph,
// heading, list item, quote, table cell or line of text between line breaks.
func blocksOf(root *html.Node) []Block {
	var out []Block
	var cur strings.Builder
	kind := seed.Paragraph
	flush := func() {
		if t := collapse(cur.String()); t != "" {
			out = append(out, Block{kind, t})
		}
		cur.Reset()
		kind = seed.Paragraph
	}
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
		default:
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				visit(c)
			}
			return
		}
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Figcaption, atom.Img, atom.Iframe, atom.Svg:
			return
		case atom.Br, atom.Hr:
			flush()
			return
		}
		block := isBlock(n)
		if block {
			flush()
		}
		switch n.DataAtom {
		case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			kind = seed.Subheading
		case atom.P:
			if boldHeading(n) {
				kind = seed.Subheading
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
		if block {
			flush()
		}
	}
	visit(root)
	flush()
	return out
}

// boldHeading reports whether the paragraph p is a subheading as old pages write one:
// <p><b>Kurzarbeit seit Januar</b></p>, all bold, short, not ending like a sentence.
func boldHeading(p *html.Node) bool {
	t := collapse(textOf(p))
	if t == "" || utf8.RuneCountInString(t) > 100 || strings.ContainsAny(t[len(t)-1:], ".:,;!?") {
		return false
	}
	var only *html.Node
	for c := p.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) == "":
		case c.Type == html.ElementNode && (c.DataAtom == atom.B || c.DataAtom == atom.Strong) && only == nil:
			only = c
		default:
			return false
		}
	}
	return only != nil
}

func isBlock(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Li, atom.Ul, atom.Ol,
		atom.Blockquote, atom.Pre, atom.Table, atom.Tr, atom.Td, atom.Th, atom.Dd, atom.Dt, atom.Dl,
		atom.Section, atom.Article, atom.Header, atom.Footer, atom.Aside, atom.Figure, atom.Main, atom.Body,
		atom.Address, atom.Details, atom.Summary, atom.Caption:
		return true
	}
	return n.Data == "head" || n.Data == "lb" // trafilatura's own names, should they show
}
