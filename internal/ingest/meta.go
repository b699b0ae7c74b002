package ingest

import (
	"encoding/json"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Meta is what a page says about its article, each value with where it was found.
type Meta struct {
	Title, Kicker, Publisher, Author, Published, Language, URL Value
}

// Value is a piece of metadata and where it came from.
type Value struct {
	Text   string
	Source string // "JSON-LD", "og:title", "<h1>", …
	Guess  string // why the value is only a guess, or "" if the page states it
}

func (v *Value) set(text, source, guess string) bool {
	text = collapse(text)
	if v.Text != "" || text == "" {
		return false
	}
	*v = Value{text, source, guess}
	return true
}

// pageMeta reads the metadata of doc: JSON-LD of a news article first, then Open Graph
// and article: properties, then <meta name>, <link rel=canonical> and <html lang>. The
// first source that has a value wins.
func pageMeta(doc *html.Node) Meta {
	var m Meta
	var metas []*html.Node
	var scripts []string
	var lang, savedFrom string
	walk(doc, func(n *html.Node) bool {
		switch n.Type {
		case html.CommentNode:
			if u := savedFromURL.FindStringSubmatch(n.Data); u != nil && savedFrom == "" {
				savedFrom = u[1]
			}
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Html:
				lang = attr(n, "lang")
				if lang == "" {
					lang = attr(n, "xml:lang")
				}
			case atom.Meta, atom.Link:
				metas = append(metas, n)
			case atom.Script:
				if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") {
					scripts = append(scripts, textOf(n))
				}
			}
		}
		return true
	})
	for _, s := range scripts {
		jsonLD(s, &m)
	}
	prop := func(names ...string) (string, string) {
		for _, name := range names {
			for _, n := range metas {
				if n.DataAtom != atom.Meta {
					continue
				}
				key := attr(n, "property")
				if key == "" {
					key = attr(n, "name")
				}
				if key == "" {
					key = attr(n, "itemprop")
				}
				if strings.EqualFold(key, name) {
					if c := strings.TrimSpace(attr(n, "content")); c != "" {
						return c, name
					}
				}
			}
		}
		return "", ""
	}
	setProp := func(v *Value, names ...string) {
		if c, name := prop(names...); c != "" {
			v.set(c, name, "")
		}
	}
	setProp(&m.Title, "og:title", "twitter:title", "dc.title", "title")
	setProp(&m.Publisher, "og:site_name", "application-name", "dc.publisher", "publisher")
	if c, name := prop("author", "article:author", "dc.creator", "byl", "sailthru.author", "parsely-author"); c != "" && !strings.Contains(c, "://") {
		m.Author.set(strings.TrimSpace(trimByline(c)), name, "")
	}
	setProp(&m.Published, "article:published_time", "og:article:published_time", "datePublished", "date", "dc.date", "dc.date.issued", "dcterms.created", "pubdate", "publishdate", "sailthru.date", "parsely-pub-date")
	for _, n := range metas {
		if n.DataAtom == atom.Link && hasWord(attr(n, "rel"), "canonical") {
			m.URL.set(attr(n, "href"), "<link rel=canonical>", "")
		}
	}
	setProp(&m.URL, "og:url")
	if lang != "" {
		m.Language.set(lang, "<html lang>", "")
	}
	setProp(&m.Language, "og:locale", "dc.language", "content-language", "language")
	if c := httpEquiv(metas, "content-language"); c != "" {
		m.Language.set(c, "<meta http-equiv=content-language>", "")
	}
	if savedFrom != "" {
		m.URL.set(savedFrom, "the browser's \"saved from url\" comment", "the page names no canonical address; the browser noted where it was saved from")
	}
	return m
}

var savedFromURL = regexp.MustCompile(`saved from url=\(\d+\)(https?://\S+)`)

func httpEquiv(metas []*html.Node, name string) string {
	for _, n := range metas {
		if strings.EqualFold(attr(n, "http-equiv"), name) {
			return strings.TrimSpace(attr(n, "content"))
		}
	}
	return ""
}

// articleTypes are the schema.org types of a news article and its kin.
var articleTypes = []string{"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle",
	"OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle", "BlogPosting", "LiveBlogPosting",
	"Report", "ScholarlyArticle", "TechArticle", "SocialMediaPosting"}

// jsonLD takes the fields of the first article in a JSON-LD script, which may hold one
// object, a list, or a @graph.
func jsonLD(script string, m *Meta) {
	var v any
	if json.Unmarshal([]byte(strings.TrimSpace(script)), &v) != nil {
		return
	}
	var objs []map[string]any
	var collect func(v any)
	collect = func(v any) {
		switch v := v.(type) {
		case []any:
			for _, e := range v {
				collect(e)
			}
		case map[string]any:
			objs = append(objs, v)
			if g, ok := v["@graph"]; ok {
				collect(g)
			}
		}
	}
	collect(v)
	for _, o := range objs {
		if !slices.ContainsFunc(types(o["@type"]), func(t string) bool { return slices.Contains(articleTypes, t) }) {
			continue
		}
		m.Title.set(str(o["headline"]), "JSON-LD headline", "")
		m.Author.set(strings.Join(names(o["author"]), ", "), "JSON-LD author", "")
		m.Published.set(str(o["datePublished"]), "JSON-LD datePublished", "")
		m.Publisher.set(strings.Join(names(o["publisher"]), ", "), "JSON-LD publisher", "")
		m.Language.set(str(o["inLanguage"]), "JSON-LD inLanguage", "")
		if u := str(o["url"]); strings.HasPrefix(u, "http") {
			m.URL.set(u, "JSON-LD url", "")
		}
		return
	}
}

func types(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{strings.TrimPrefix(strings.TrimPrefix(v, "https://schema.org/"), "http://schema.org/")}
	case []any:
		var out []string
		for _, e := range v {
			out = append(out, types(e)...)
		}
		return out
	}
	return nil
}

func str(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case map[string]any:
		return str(v["@value"])
	case []any:
		if len(v) > 0 {
			return str(v[0])
		}
	}
	return ""
}

// names returns the names of a JSON-LD person or organisation, or of a list of them.
func names(v any) []string {
	switch v := v.(type) {
	case string:
		if v != "" && !strings.Contains(v, "://") {
			return []string{v}
		}
	case map[string]any:
		if n := str(v["name"]); n != "" {
			return []string{n}
		}
	case []any:
		var out []string
		for _, e := range v {
			for _, n := range names(e) {
				if !slices.Contains(out, n) {
					out = append(out, n)
				}
			}
		}
		return out
	}
	return nil
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func hasWord(list, word string) bool {
	for _, w := range strings.Fields(list) {
		if strings.EqualFold(w, word) {
			return true
		}
	}
	return false
}

// walk calls f for n and, while f returns true, for its descendants, in document order.
func walk(n *html.Node, f func(*html.Node) bool) {
	if !f(n) {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

// textOf returns the text of n and its descendants as it stands in the document.
func textOf(n *html.Node) string {
	var b strings.Builder
	walk(n, func(c *html.Node) bool {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
		return true
	})
	return b.String()
}

// collapse joins runs of HTML white space into one space and trims the ends, as a
// browser shows text. Non-breaking spaces are kept: they are the page's text.
func collapse(s string) string {
	if !strings.ContainsAny(s, " \t\n\r\f") {
		return s
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// trimByline removes the "By" or "Von" of a byline.
func trimByline(s string) string {
	s = collapse(s)
	for _, p := range []string{"By ", "by ", "BY ", "Von ", "von ", "VON ", "Text: ", "Autor: ", "Author: ", "Mit Informationen von ", "Mit Material von "} {
		if rest, ok := strings.CutPrefix(s, p); ok {
			return strings.TrimSpace(rest)
		}
	}
	return s
}
