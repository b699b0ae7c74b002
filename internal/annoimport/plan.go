package annoimport

import (
	"fmt"
	"strconv"
	"strings"

	"dossier/internal/anchor"
	"dossier/internal/content"
	"dossier/internal/dossier"
	"dossier/internal/seed"
)

// Plan is what importing a file would do.
type Plan struct {
	Notes   []Note   // to write, in the file's order
	Skipped []string // already imported, with the note that has each
	Failed  []string // not anchored or not matched, each with why and the closest passage
}

// Note is a new note file.
type Note struct {
	Path string // content/notes/<id>.md
	Data string
	From Annotation
	Line int // where it anchors in its article
}

// Make plans the import of anns into d: which become notes, and which do not and why.
func Make(d *dossier.Dossier, anns []Annotation) Plan {
	var p Plan
	taken := map[string]bool{}
	for _, n := range d.Notes {
		taken[n.ID] = true
	}
	for _, a := range anns {
		what := fmt.Sprintf("annotation %d", a.Index)
		if a.ID != "" {
			what += " (" + a.ID + ")"
		}
		art := matchArticle(d, a.Source)
		if art == nil {
			p.Failed = append(p.Failed, fmt.Sprintf("%s: no article has the address %q; give the article's url: in content/articles/<id>.md", what, a.Source))
			continue
		}
		if strings.TrimSpace(a.Exact) == "" {
			p.Failed = append(p.Failed, fmt.Sprintf("%s: no TextQuoteSelector (exact) to anchor it in %s", what, art.ID))
			continue
		}
		if n := imported(d, art, a); n != nil {
			p.Skipped = append(p.Skipped, fmt.Sprintf("%s: already imported as %s", what, n.File))
			continue
		}
		quote, prefix, suffix, line, why := anchorIn(art, a)
		if why != "" {
			p.Failed = append(p.Failed, fmt.Sprintf("%s: %s", what, why))
			continue
		}
		if dup := sameNote(p.Notes, art.ID, quote, a.Text); dup {
			p.Skipped = append(p.Skipped, fmt.Sprintf("%s: the same note as an earlier annotation of the file", what))
			continue
		}
		id := noteID(art.ID, quote, ownID(a.ID), taken)
		taken[id] = true
		kind, actors, topics, unused := classify(d, a)
		p.Notes = append(p.Notes, Note{
			Path: "content/notes/" + id + ".md",
			Data: noteFile(art.ID, quote, prefix, suffix, kind, actors, topics, unused, a),
			From: a, Line: line,
		})
	}
	return p
}

// matchArticle returns the article at address src: its url:, or its page in the site.
func matchArticle(d *dossier.Dossier, src string) *dossier.Article {
	if src == "" {
		return nil
	}
	want := normalURL(src)
	for _, a := range d.Articles {
		if a.URL != "" && normalURL(a.URL) == want {
			return a
		}
	}
	u := strings.SplitN(strings.SplitN(src, "#", 2)[0], "?", 2)[0]
	for _, a := range d.Articles {
		if strings.HasSuffix(u, "articles/"+a.ID+".html") || strings.HasSuffix(u, "articles/"+a.ID) {
			return a
		}
	}
	return nil
}

// imported returns the note a was imported as before, or nil.
func imported(d *dossier.Dossier, art *dossier.Article, a Annotation) *dossier.Note {
	for _, n := range d.Notes {
		if a.ID != "" && n.AnnotationID == a.ID {
			return n
		}
		if n.Anchor != nil && n.Anchor.Article == art && n.Quote.Text == quoteOfSeed(art, n.Anchor) && sameText(n, a.Text) && anchorsSame(art, n, a) {
			return n
		}
	}
	return nil
}

func quoteOfSeed(art *dossier.Article, an *dossier.Anchor) string {
	return art.Lines[an.Line-1].Text[an.Start:an.End]
}

// anchorsSame reports whether a anchors where n does.
func anchorsSame(art *dossier.Article, n *dossier.Note, a Annotation) bool {
	quote, _, _, line, why := anchorIn(art, a)
	return why == "" && line == n.Anchor.Line && quote == quoteOfSeed(art, n.Anchor)
}

func sameText(n *dossier.Note, text string) bool {
	return strings.TrimSpace(string(n.Body.Source())) == strings.TrimSpace(text)
}

func sameNote(notes []Note, article, quote, text string) bool {
	for _, n := range notes {
		if strings.Contains(n.Data, "article: "+strconv.Quote(article)+"\n") && strings.Contains(n.Data, "quote: "+yamlString(quote)+"\n") && strings.TrimSpace(n.From.Text) == strings.TrimSpace(text) {
			return true
		}
	}
	return false
}

// anchorIn anchors a's quote in art as a build anchors a note's: the quote alone if it is
// there once, else with the words around it that the annotation gives, within the line
// (a tool's prefix may reach into the line before, and the page's line numbers). It
// returns the quote and prefix and suffix as the seed has them, or why it does not anchor.
func anchorIn(art *dossier.Article, a Annotation) (quote, prefix, suffix string, line int, why string) {
	if art.Seed == nil {
		return "", "", "", 0, "the seed of " + art.ID + " cannot be read"
	}
	var ps []anchor.Passage
	for _, l := range art.Lines {
		if l.Kind != seed.Blank {
			ps = append(ps, anchor.Passage{Line: l.N, Text: l.Text})
		}
	}
	text := anchor.NewText(ps)
	pre, suf := lastLine(a.Prefix), firstLine(a.Suffix)
	res := text.Find(a.Exact, "", "")
	if res.Status == anchor.Ambiguous {
		res = text.Find(a.Exact, pre, suf)
		prefix, suffix = pre, suf
	}
	m := res.Match
	switch res.Status {
	case anchor.Exact, anchor.Normalized:
		l := art.Lines[m.Line-1].Text
		if prefix != "" || suffix != "" {
			// As the seed has them: the words just before and after, up to the tool's length.
			prefix = lastRunes(l[:m.Start], len([]rune(prefix)))
			suffix = firstRunes(l[m.End:], len([]rune(suffix)))
		}
		return l[m.Start:m.End], prefix, suffix, m.Line, ""
	case anchor.Ambiguous:
		var lines []string
		for _, c := range res.Candidates {
			lines = append(lines, strconv.Itoa(c.Line))
		}
		return "", "", "", 0, fmt.Sprintf("the quote %q occurs %d times in %s (lines %s) and its prefix and suffix do not single one out", a.Exact, len(res.Candidates), art.ID, strings.Join(lines, ", "))
	}
	hint := ""
	if m.Line > 0 && m.Score > 0 {
		hint = fmt.Sprintf("; the closest passage is on line %d (%.0f %% similar): %q", m.Line, 100*m.Score, art.Lines[m.Line-1].Text[m.Start:m.End])
	}
	if res.Status == anchor.Fuzzy {
		return "", "", "", 0, fmt.Sprintf("the quote %q matches %s only approximately%s", a.Exact, art.ID, hint)
	}
	return "", "", "", 0, fmt.Sprintf("the quote %q is not in %s%s", a.Exact, art.ID, hint)
}

func lastLine(s string) string {
	if i := strings.LastIndexAny(s, "\n\r"); i >= 0 {
		return s[i+1:]
	}
	return s
}

func firstLine(s string) string {
	if i := strings.IndexAny(s, "\n\r"); i >= 0 {
		return s[:i]
	}
	return s
}

func lastRunes(s string, n int) string {
	r := []rune(s)
	return string(r[max(0, len(r)-n):])
}

func firstRunes(s string, n int) string {
	r := []rune(s)
	return string(r[:min(n, len(r))])
}

// ownID returns the note id of an annotation id that is a note's address in a dossier
// (…/articles/<article>.html#note-<id>, as data/annotations.jsonld has it), or "".
func ownID(annotationID string) string {
	_, id, ok := strings.Cut(annotationID, ".html#note-")
	if !ok || !content.ValidSlug(id) {
		return ""
	}
	return id
}

// noteID makes the new note's id: own if it is free, else from its article and the
// quote's first words, unique.
func noteID(article, quote, own string, taken map[string]bool) string {
	if own != "" && !taken[own] {
		return own
	}
	words := strings.Fields(quote)
	base := content.Slugify(article + " " + strings.Join(words[:min(4, len(words))], " "))
	if len(base) > 60 {
		base = strings.TrimRight(base[:60], "-")
	}
	id := base
	for i := 2; taken[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	return id
}

// motivationKinds are the note kinds of the Web Annotation motivations that have one.
var motivationKinds = map[string]string{"assessing": "factcheck", "editing": "correction", "describing": "source"}

// classify reads a's kind from its motivation or a tag naming a kind, and its actors and
// topics from tags naming them by id, name or title; the tags that name nothing are
// returned as unused.
func classify(d *dossier.Dossier, a Annotation) (kind string, actors, topics, unused []string) {
	kind = motivationKinds[a.Motivation]
	for _, t := range a.Tags {
		low := strings.ToLower(strings.TrimSpace(t))
		if k := kindTags[low]; k != "" {
			if kind == "" {
				kind = k
			}
			continue
		}
		if act := findActor(d, low); act != "" {
			actors = appendNew(actors, act)
			continue
		}
		if top := findTopic(d, low); top != "" {
			topics = appendNew(topics, top)
			continue
		}
		unused = append(unused, t)
	}
	if kind == "" {
		kind = "context"
	}
	return kind, actors, topics, unused
}

// kindTags are the tags, in lower case, that say a note's kind: its name in front
// matter, and in German and English words as annotators tag.
var kindTags = map[string]string{
	"context": "context", "kontext": "context",
	"factcheck": "factcheck", "fact check": "factcheck", "fact-check": "factcheck", "faktencheck": "factcheck",
	"correction": "correction", "korrektur": "correction",
	"translation": "translation", "übersetzung": "translation",
	"source": "source", "quelle": "source",
}

func findActor(d *dossier.Dossier, tag string) string {
	for _, a := range d.Actors {
		if a.ID == tag || strings.ToLower(a.Name) == tag {
			return a.ID
		}
		for _, al := range a.Aliases {
			if strings.ToLower(al.ID) == tag {
				return a.ID
			}
		}
	}
	return ""
}

func findTopic(d *dossier.Dossier, tag string) string {
	for _, t := range d.Topics {
		if t.ID == tag || strings.ToLower(t.Title) == tag {
			return t.ID
		}
	}
	return ""
}

func appendNew(l []string, s string) []string {
	for _, x := range l {
		if x == s {
			return l
		}
	}
	return append(l, s)
}

// noteFile writes the note's file: its front matter as a hand-written note's, and the
// annotation's text as its body.
func noteFile(article, quote, prefix, suffix, kind string, actors, topics, unused []string, a Annotation) string {
	var b strings.Builder
	b.WriteString("---\n")
	b.WriteString("article: " + strconv.Quote(article) + "\n")
	b.WriteString("quote: " + yamlString(quote) + "\n")
	if prefix != "" {
		b.WriteString("prefix: " + yamlString(prefix) + "\n")
	}
	if suffix != "" {
		b.WriteString("suffix: " + yamlString(suffix) + "\n")
	}
	b.WriteString("kind: " + strconv.Quote(kind) + "\n")
	if len(actors) > 0 {
		b.WriteString("actors: [" + strings.Join(actors, ", ") + "]\n")
	}
	if len(topics) > 0 {
		b.WriteString("topics: [" + strings.Join(topics, ", ") + "]\n")
	}
	if a.ID != "" {
		b.WriteString("annotation_id: " + yamlString(a.ID) + "\n")
	}
	if len(unused) > 0 {
		b.WriteString("# tags that name no actor, topic or kind: " + strings.ReplaceAll(strings.Join(unused, ", "), "\n", " ") + "\n")
	}
	b.WriteString("---\n")
	if body := strings.TrimSpace(a.Text); body != "" {
		b.WriteString("\n" + body + "\n")
	}
	return b.String()
}

// yamlString writes s as a YAML double-quoted scalar: JSON's escapes are YAML's, and
// strconv.Quote's \x escapes are not, so it is written by encoding/json's rules.
func yamlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
