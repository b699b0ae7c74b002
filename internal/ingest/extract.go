package ingest

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
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

// extractHTML finds the article in a web page. The page's furniture that it marks as
// such (captions, credits, bylines, date lines, ads, newsletter boxes, share buttons,
// teasers made of links, comments, navigation) is removed first; go-readability, a port
// of Mozilla's Readability (Firefox's reader view), then finds the main text in what is
// left. The headline and the kicker are taken from the page's <h1>.
func extractHTML(page string, pageURL *url.URL) (*Article, error) {
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return nil, err
	}
	a := &Article{Meta: pageMeta(doc)}
	head := findHeadline(doc, &a.Meta)

	// Readability changes the tree it reads; it gets a second one, cleared of furniture,
	// with the tables that lay out old pages turned into the blocks they stand for.
	work, _ := html.Parse(strings.NewReader(page))
	unwrapLayoutTables(work)
	dropped := removeFurniture(work)
	p := readability.NewParser()
	p.CharThresholds = minArticle
	res, err := p.ParseAndMutate(work, pageURL)
	if err != nil || res.Node == nil {
		return nil, ErrNoArticle
	}
	if a.Meta.Publisher.Text == "" && res.SiteName() != "" {
		a.Meta.Publisher.set(res.SiteName(), "the site's name", "the page names no publisher; this is the site's name")
	}
	if a.Meta.Language.Text == "" && res.Language() != "" {
		a.Meta.Language.set(res.Language(), "the page", "")
	}

	skip := map[string]bool{}
	for _, t := range []string{head.kicker, a.Meta.Title.Text, head.h1} {
		if t != "" {
			skip[t] = true
		}
	}
	var kept []Block
	for _, b := range blocksOf(res.Node) {
		if why := furniture(b.Text, skip); why != "" {
			dropped[why]++
			continue
		}
		kept = append(kept, b)
	}
	kept, bylines := dropUnmarked(kept, dropped)
	if head.byline == "" && len(bylines) > 0 {
		head.byline = bylines[0]
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
	var left []string
	for _, why := range slices.Sorted(mapKeys(dropped)) {
		left = append(left, fmt.Sprintf("%d %s", dropped[why], plural(dropped[why], why)))
	}
	if len(left) > 0 {
		a.Notes = append(a.Notes, "left out the page's "+strings.Join(left, ", "))
	}
	if head.byline == "" {
		head.byline = res.Byline()
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

// dropUnmarked removes the furniture a page does not mark but the seed's classifier
// knows by its words: author and date lines ("By …", "Published : …"), captions and
// credits ("Photo: …"), and web page furniture ("Advertisement"). A wire story's
// sign-off ("Reporting by …") is its text and stays. It returns the author lines too.
func dropUnmarked(blocks []Block, dropped map[string]int) ([]Block, []string) {
	var b strings.Builder
	for _, bl := range blocks {
		b.WriteString(bl.Text + "\n\n")
	}
	s, err := seed.ParseString("", b.String())
	if err != nil {
		return blocks, nil
	}
	var kept []Block
	var bylines []string
	i := 0
	for _, l := range s.Lines {
		if l.Kind == seed.Blank {
			continue
		}
		bl := blocks[i]
		i++
		switch {
		case l.Kind == seed.Byline && strings.HasPrefix(l.Reason, "author line"):
			bylines = append(bylines, bl.Text)
			dropped["byline"]++
		case l.Kind == seed.Byline && strings.HasPrefix(l.Reason, "date line"):
			dropped["date line"]++
		case l.Kind == seed.Caption:
			dropped["caption"]++
		case l.Kind == seed.Boilerplate && strings.HasPrefix(l.Reason, "web page furniture"):
			dropped["piece of web page furniture"]++
		default:
			kept = append(kept, bl)
		}
	}
	return kept, bylines
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
			if (by == nil || contains(by, n)) && slices.ContainsFunc(classWords(n), func(w string) bool { return furnitureWord(w) == "byline" }) {
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
				title = collapse(textOutside(h1, n))
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

// textOutside returns the text of n without that of its descendant skip.
func textOutside(n, skip *html.Node) string {
	var b strings.Builder
	walk(n, func(c *html.Node) bool {
		if c == skip {
			return false
		}
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
		return true
	})
	return b.String()
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
	"updated": "date line", "modified": "date line", "pubdate": "date line", "meta": "date line",
	"reading": "reading time", "readingtime": "reading time", "lesezeit": "reading time",
	"breadcrumb": "breadcrumb", "breadcrumbs": "breadcrumb",
	"newsletter": "newsletter box", "share": "share button", "social": "share button",
	"ad": "ad", "ads": "ad", "advert": "ad", "advertisement": "ad", "anzeige": "ad", "werbung": "ad",
	"comment": "comment", "comments": "comment", "kommentar": "comment", "kommentare": "comment",
	"related": "teaser", "teaser": "teaser", "promo": "teaser", "recommended": "teaser", "empfehlung": "teaser",
	"video": "video teaser", "player": "video teaser", "audio": "audio teaser", "podcast": "audio teaser",
	"tags": "tag list", "footer": "footer", "cookie": "cookie notice", "consent": "cookie notice", "paywall": "subscription notice",
}

// furnitureWord returns the kind of furniture a word of a class name names, or "". A
// long word also counts at the start of a compound, as German class names have them:
// "teaserliste", "autorenzeile", "socialbuttons".
func furnitureWord(w string) string {
	if k := furnitureWords[w]; k != "" {
		return k
	}
	for fw, k := range furnitureWords {
		if len(fw) >= 5 && strings.HasPrefix(w, fw) {
			return k
		}
	}
	return ""
}

// linked lists the kinds of furniture whose class words are also given to the article's
// own text by some CMSs (a "teaser" is often the lead): those count only where their
// text is mostly links.
var linked = map[string]bool{"teaser": true}

// short lists the kinds of furniture that are a line or two: an element so marked that
// holds more is a container of more than that.
var short = map[string]bool{"caption": true, "video teaser": true, "audio teaser": true, "credit": true, "byline": true, "date line": true, "reading time": true,
	"share button": true, "breadcrumb": true, "tag list": true}

// removeFurniture removes from doc what the page marks as furniture, and counts it by
// kind. An element that holds the headline or most of the page's text is never removed,
// whatever its class says: it is the article's container.
func removeFurniture(doc *html.Node) map[string]int {
	total := utf8.RuneCountInString(collapse(textOf(doc)))
	dropped := map[string]int{}
	var remove []*html.Node
	walk(doc, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		why := ""
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Noscript, atom.Template:
			return false
		case atom.Figcaption:
			why = "caption"
		case atom.Nav:
			why = "navigation menu"
		case atom.Form, atom.Button, atom.Select:
			why = "form"
		case atom.Iframe:
			why = "embedded frame"
		case atom.Time:
			if !inText(n) {
				why = "date line"
			}
		}
		if why == "" {
			for _, w := range classWords(n) {
				if k := furnitureWord(w); k != "" && (!linked[k] || linkDensity(n) > 0.5) && (!short[k] || utf8.RuneCountInString(collapse(textOf(n))) < 400) {
					why = k
					break
				}
			}
		}
		if why == "" || holdsHeadline(n) || 2*utf8.RuneCountInString(collapse(textOf(n))) > total {
			return true
		}
		if strings.TrimSpace(textOf(n)) != "" {
			dropped[why]++
		}
		remove = append(remove, n)
		return false
	})
	for _, n := range remove {
		n.Parent.RemoveChild(n)
	}
	return dropped
}

// inText reports whether n stands in a paragraph of text, where a <time> is part of it.
func inText(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		switch p.DataAtom {
		case atom.P, atom.Li, atom.Blockquote, atom.Td, atom.Dd:
			return true
		case atom.Div, atom.Header, atom.Footer, atom.Section, atom.Article, atom.Body:
			return false
		}
	}
	return false
}

func holdsHeadline(n *html.Node) bool {
	found := false
	walk(n, func(c *html.Node) bool {
		found = found || c.DataAtom == atom.H1 && c.Type == html.ElementNode
		return !found
	})
	return found
}

// classWords returns the words of n's class names and id: "article-meta ad_slot" gives
// article, meta, ad, slot.
func classWords(n *html.Node) []string {
	s := strings.ToLower(attr(n, "class") + " " + attr(n, "id") + " " + attr(n, "itemprop") + " " + attr(n, "data-testid"))
	return strings.FieldsFunc(s, func(r rune) bool { return !('a' <= r && r <= 'z') })
}

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
func furniture(t string, skip map[string]bool) string {
	rest := t
	for k := range skip {
		rest = strings.ReplaceAll(rest, k, "")
	}
	switch {
	case skip[t] || rest != t && !hasLetters(rest):
		return "repeated headline"
	case adLabels[strings.ToLower(t)]:
		return "ad label"
	case strings.HasPrefix(t, "©") || strings.HasPrefix(t, "(c) ") || strings.HasPrefix(t, "(C) "):
		return "copyright line"
	}
	if !hasLetters(t) {
		return "separator"
	}
	return ""
}

func hasLetters(t string) bool {
	return strings.ContainsFunc(t, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
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
	linkText, links := 0, 0 // in the current block
	flush := func() {
		t := collapse(cur.String())
		// A block that is two or more links and little else is a list of links, which
		// readability leaves where a site puts its "most read" beside the article.
		if n := utf8.RuneCountInString(t); t != "" && !(links >= 2 && 10*linkText >= 8*n) {
			out = append(out, Block{kind, t})
		}
		cur.Reset()
		kind = seed.Paragraph
		linkText, links = 0, 0
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
		case atom.A:
			// Links side by side are words apart, as a browser shows them.
			cur.WriteByte(' ')
			defer cur.WriteByte(' ')
			links++
			linkText += utf8.RuneCountInString(collapse(textOf(n)))
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
