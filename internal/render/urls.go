package render

import (
	"net/url"
	"strings"

	"dossier/internal/dossier"
	"dossier/internal/markdown"
)

// Where each page lives, relative to the site's root. Every link a page writes is
// relative to the page, so the site works under any sub-path and from file://; links name
// index.html explicitly because file:// shows a folder as a listing.
const (
	homePath     = "index.html"
	articlesPath = "articles/index.html"
	actorsPath   = "actors/index.html"
	topicsPath   = "topics/index.html"
	timelinePath = "timeline/index.html"
	notFoundPath = "404.html"
)

func articlePath(id string) string { return "articles/" + id + ".html" }
func actorPath(id string) string   { return "actors/" + id + ".html" }
func topicPath(id string) string   { return "topics/" + id + ".html" }

// idTarget resolves a link in a markdown body to the content it names. A link to an
// article's line says which article and line in its title, since a body often cites
// several articles by line alone ("Z. 34").
func (r *Renderer) idTarget(scheme, id, frag string) markdown.Target {
	switch scheme {
	case "article":
		t := markdown.Target{Path: articlePath(id)}
		if a := r.d.Article(id); a != nil {
			t.Title = a.Publisher
			if t.Title == "" {
				t.Title = a.Title
			}
			if n, ok := strings.CutPrefix(frag, "L"); ok {
				t.Source, t.Line = t.Title, r.l.LineShort+" "
				t.Title += ", " + r.l.LineShort + " " + n
			}
		}
		return t
	case "actor":
		return markdown.Target{Path: actorPath(id)}
	case "topic":
		return markdown.Target{Path: topicPath(id)}
	case "event":
		return markdown.Target{Path: r.eventPath(id)}
	case "note":
		if n := r.d.Note(id); n != nil && n.Anchor != nil {
			return markdown.Target{Path: noteURL(n)}
		}
	}
	return markdown.Target{Path: homePath}
}

// rootOf returns the way from a page at path p back to the site's root.
func rootOf(p string) string {
	root := ""
	for _, c := range p {
		if c == '/' {
			root += "../"
		}
	}
	return root
}

func noteURL(n *dossier.Note) string {
	return articlePath(n.Anchor.Article.ID) + "#note-" + n.ID
}

func lineURL(a *dossier.Article, line int) string {
	return articlePath(a.ID) + "#L" + itoa(line)
}

// textFragment links to a passage by its text (#:~:text=), so that a browser scrolls to
// and highlights it even where the page's own anchors are not known. Long passages are
// given by their first and last words.
func textFragment(quote string) string {
	words := strings.Fields(quote)
	if len(words) > 12 {
		return "#:~:text=" + fragmentEscape(strings.Join(words[:5], " ")) + "," + fragmentEscape(strings.Join(words[len(words)-5:], " "))
	}
	return "#:~:text=" + fragmentEscape(strings.Join(words, " "))
}

// fragmentEscape percent-encodes s for a text directive, where "-", "," and "&" have
// meaning too.
func fragmentEscape(s string) string {
	return fragmentReplacer.Replace(url.PathEscape(s))
}

// fragmentReplacer is made once: making a Replacer costs more than using it.
var fragmentReplacer = strings.NewReplacer("-", "%2D", ",", "%2C", "&", "%26")
