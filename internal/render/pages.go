package render

import (
	"bytes"
	"fmt"
	"html"
	"html/template"
	"slices"
	"strings"
	"unicode/utf8"

	"dossier/internal/dossier"
	"dossier/internal/seed"
)

func (r *Renderer) home(p Page) (any, error) {
	d := r.d
	p.Title = d.Site.Title
	p.Description = d.Site.Subtitle
	intro, err := r.markdown(d.Site.Body, p.Root)
	if err != nil {
		return nil, err
	}
	v := HomePage{Page: p, Subtitle: d.Site.Subtitle, Intro: intro,
		TimelineURL: p.Root + timelinePath, ActorsURL: p.Root + actorsPath, TopicsURL: p.Root + topicsPath}
	v.Articles, v.ArticlesHead = r.articleItems(r.d.Articles, p.Root), r.l.Articles
	if n := len(v.Articles); n > homeArticles {
		v.Articles = v.Articles[n-homeArticles:]
		slices.Reverse(v.Articles)
		v.ArticlesHead, v.ArticlesURL = r.l.LatestArticles, p.Root+articlesPath
	}
	// The main actors are those most often named.
	ranked := slices.Clone(d.Actors)
	slices.SortStableFunc(ranked, func(a, b *dossier.Actor) int { return len(b.Mentions) - len(a.Mentions) })
	for _, a := range ranked[:min(12, len(ranked))] {
		if len(a.Mentions) > 0 {
			v.MainActors = append(v.MainActors, r.actorLink(a, len(a.Mentions), p.Root))
		}
	}
	for i := len(d.Events) - 1; i >= 0 && len(v.LatestEvents) < 5; i-- {
		v.LatestEvents = append(v.LatestEvents, r.eventView(d.Events[i], p.Root))
	}
	v.Topics = r.topicLinks(p.Root)
	return v, nil
}

// homeArticles is the number of articles the home page lists before it lists only the
// newest and links to the list of all: a long-kept dossier has thousands.
const homeArticles = 12

func (r *Renderer) articleItems(articles []*dossier.Article, root string) []ArticleItem {
	out := make([]ArticleItem, 0, len(articles))
	for _, a := range articles {
		out = append(out, ArticleItem{
			Link:      Link{a.Title, root + articlePath(a.ID)},
			Publisher: a.Publisher, Author: a.Author, Published: a.Published, Notes: len(a.Notes),
		})
	}
	return out
}

func (r *Renderer) topicLinks(root string) []CountLink {
	var out []CountLink
	for _, t := range r.d.Topics {
		out = append(out, CountLink{Link: Link{t.Title, root + topicPath(t.ID)}, Count: len(t.Passages)})
	}
	return out
}

func (r *Renderer) actorLink(a *dossier.Actor, count int, root string) CountLink {
	return CountLink{Link: Link{a.Name, root + actorPath(a.ID)}, Count: count, Note: a.Role}
}

func (r *Renderer) articles(p Page) (any, error) {
	if len(r.d.Articles) > r.lim.articlesPaged {
		return r.articlesPage(p, 1)
	}
	p.Title = r.l.Articles
	return ArticlesPage{Page: p, Articles: r.articleItems(r.d.Articles, p.Root)}, nil
}

func (r *Renderer) article(p Page, a *dossier.Article) (any, error) {
	p.Title = a.Title
	p.Description = strings.TrimSpace(strings.Join([]string{a.Publisher, a.Author}, " · "))
	p.Sidenotes = len(a.Notes) > 0
	lead, rest, err := r.md[p.Root].RenderLead(a.Body, a.ID)
	if err != nil {
		return nil, err
	}
	cite, meta, ld, err := r.articleCite(p, a)
	if err != nil {
		return nil, err
	}
	p.Meta, p.JSONLD, p.CiteScript = meta, ld, true
	v := ArticlePage{Page: p, Publisher: a.Publisher, Author: a.Author, Published: a.Published,
		URL: a.URL, SeedName: a.Seed.Name, TextLang: r.langOf(a), IntroLead: lead, IntroRest: rest, Cite: cite}
	if v.Notes, err = r.noteViews(a.Notes, p.Root, a.ID); err != nil {
		return nil, err
	}
	v.NoteCount = itoa(len(v.Notes)) + " " + r.l.NotesCount
	if len(v.Notes) == 1 {
		v.NoteCount = "1 " + r.l.NotesOne
	}
	var subheadings []Link
	// The groups' markup is written into the page's scratch buffer and each group's is a
	// part of it, lent to the page (lentHTML): a page's text is neither grown piecemeal
	// nor copied per group, and the next page reuses the memory. A builder per article
	// allocated 170 MB at 10,000 articles.
	b := p.scratch
	var ends []int // of each group in b
	for _, l := range a.Lines {
		if l.Kind == seed.Blank {
			continue
		}
		group := "text"
		switch l.Kind {
		case seed.Gallery:
			group = "gallery"
		case seed.Boilerplate:
			group = "boilerplate"
		}
		if n := len(v.Groups); n == 0 || v.Groups[n-1].Kind != group {
			if n > 0 {
				ends = append(ends, b.Len())
			}
			v.Groups = append(v.Groups, Group{Kind: group})
		}
		if v.TextURL == "" {
			v.TextURL = "#L" + itoa(l.N)
		}
		if l.Kind == seed.Subheading {
			subheadings = append(subheadings, Link{l.Text, "#L" + itoa(l.N)})
		}
		if err := r.writeLine(b, l, p.Root); err != nil {
			return nil, err
		}
	}
	if utf8.RuneCountInString(a.Body.Text()) > introScreen {
		v.Contents = []Contents{{Link: Link{r.l.Intro, "#h-intro"}}, {Link: Link{r.l.Text, "#h-text"}, Sub: subheadings}}
		if len(v.Notes) > 0 {
			v.Contents = append(v.Contents, Contents{Link: Link{r.l.Notes, "#h-notes"}})
		}
	}
	all, start := lentHTML(b.Bytes()), 0
	for i, end := range append(ends, b.Len()) {
		if i < len(v.Groups) {
			v.Groups[i].HTML = all[start:end]
		}
		start = end
	}
	for _, c := range a.Actors {
		v.Actors = append(v.Actors, r.actorLink(c.Actor, c.Count, p.Root))
	}
	for _, t := range a.Topics {
		v.Topics = append(v.Topics, Link{t.Title, p.Root + topicPath(t.ID)})
	}
	v.Events = r.eventViews(a.Events, p.Root)
	return v, nil
}

// introScreen is how many characters of an article's introduction fill a screen (at 1280
// by 900 px, some 25 lines of 80 characters below the page's head): an article with a
// longer one gets a contents box that leads past it.
const introScreen = 2000

// articleLines lists n lines, grouped by article, as items with the line's link followed
// by what item says, safe markup; item(i) also names the article and line of item i.
// Items of one article follow each other. The items are written in Go because an actor
// or topic has hundreds of them.
func (r *Renderer) articleLines(root string, n int, item func(i int) (a *dossier.Article, line int, html string)) []ArticleLines {
	var out []ArticleLines
	var b strings.Builder
	var last *dossier.Article
	flush := func() {
		if len(out) > 0 {
			out[len(out)-1].Items = template.HTML(b.String())
			b.Reset()
		}
	}
	open, close := "", ""
	for i := range n {
		a, line, text := item(i)
		if a != last {
			flush()
			out = append(out, ArticleLines{Article: Link{a.Title, root + articlePath(a.ID)}, Lang: r.langOf(a)})
			// The line's number is the page's words, its text the article's.
			if open, close = "", ""; out[len(out)-1].Lang != "" {
				open, close = `<span lang="`+out[len(out)-1].Lang+`">`, "</span>"
			}
			last = a
		}
		b.WriteString(`<li><a class="ln" href="` + html.EscapeString(root+lineURL(a, line)) + `">` + html.EscapeString(r.l.LineShort) + " " + itoa(line) + "</a> " + open + text + close + "</li>\n")
	}
	flush()
	return out
}

// writeLine writes a line of an article as its page shows it: the line's number, which
// links to the line, its text, and the notes anchored in it (template "note"). The markup
// is written here rather than in article.html because a page has hundreds of lines, and
// executing a template for each cost four fifths of a large dossier's rendering.
func (r *Renderer) writeLine(b *bytes.Buffer, l *dossier.Line, root string) error {
	n := itoa(l.N)
	hasNotes := false
	for _, an := range l.Anchors() {
		hasNotes = hasNotes || an.Note != nil
	}
	b.WriteString(`<div class="line k-`)
	b.WriteString(l.Kind.String())
	if hasNotes {
		b.WriteString(" has-notes")
	}
	for _, s := range []string{`" id="L`, n, `"><a class="ln" href="#L`, n, `" aria-label="`, r.lineLabel, " ", n, `">`, n, "</a>"} {
		b.WriteString(s)
	}
	tag := "p"
	if l.Kind == seed.Subheading || l.Kind == seed.Title {
		tag = "h3"
	}
	b.WriteString("<" + tag + ` class="text">`)
	r.writeLineHTML(b, l, root)
	b.WriteString("</" + tag + ">")
	if hasNotes {
		b.WriteString(`<aside class="notes" aria-label="` + html.EscapeString(r.l.Notes+", "+r.l.Line+" "+n) + `">`)
		for _, an := range l.Anchors() {
			if an.Note == nil {
				continue
			}
			nv, err := r.noteView(an.Note, root, an.Article.ID)
			if err != nil {
				return err
			}
			// Written apart, so that a template that hands back midway (Renderer.execute)
			// leaves nothing behind.
			nb := r.buffer()
			err = r.execute(nb, noteFile, "note", nv)
			b.Write(nb.Bytes())
			r.release(nb)
			if err != nil {
				return err
			}
		}
		b.WriteString("</aside>")
	}
	b.WriteString("</div>\n")
	return nil
}

// noteView returns the view of a note for pages at root, on the page of the article
// here or, with here "", elsewhere (its body's line citations then name their article). A
// note shows on its article's page and on the page of each actor and topic it names, so
// its view is made once for each.
func (r *Renderer) noteView(n *dossier.Note, root, here string) (NoteView, error) {
	key := noteKey{n, root, here}
	if v, ok := r.notes.Load(key); ok {
		return v.(NoteView), nil
	}
	v, err := r.makeNoteView(n, root, here)
	if err == nil {
		r.notes.Store(key, v)
	}
	return v, err
}

type noteKey struct {
	n          *dossier.Note
	root, here string
}

// NoteAnchor returns the HTML id of the card of the note with id, on its article's page.
func NoteAnchor(id string) string { return "note-" + id }

func (r *Renderer) makeNoteView(n *dossier.Note, root, here string) (NoteView, error) {
	body, err := r.md[root].RenderOn(n.Body, here)
	if err != nil {
		return NoteView{}, err
	}
	a := n.Anchor.Article
	v := NoteView{
		ID: NoteAnchor(n.ID), MarkURL: root + articlePath(a.ID) + "#" + n.Anchor.ID(),
		Number: n.Number, Kind: n.Kind, KindName: r.l.NoteKinds[n.Kind], Body: body,
		Quote:      a.Lines[n.Anchor.Line-1].Text[n.Anchor.Start:n.Anchor.End],
		QuoteShort: clip(a.Lines[n.Anchor.Line-1].Text[n.Anchor.Start:n.Anchor.End], 90),
		QuoteLang:  r.langOf(a),
		Article:    Link{a.Title, root + articlePath(a.ID)}, Line: n.Anchor.Line,
		Where:   fmt.Sprintf("%s, %s %d", a.Title, r.l.LineShort, n.Anchor.Line),
		CiteURL: root + articlePath(a.ID) + textFragment(a.Lines[n.Anchor.Line-1].Text[n.Anchor.Start:n.Anchor.End]),
		L:       r.l,
		Cite:    r.noteCite(n, root),
	}
	for _, x := range n.Actors {
		v.Actors = append(v.Actors, Link{x.Name, root + actorPath(x.ID)})
	}
	for _, t := range n.Topics {
		v.Topics = append(v.Topics, Link{t.Title, root + topicPath(t.ID)})
	}
	return v, nil
}

// eventView describes e for a list; the timeline adds its text.
func (r *Renderer) eventView(e *dossier.Event, root string) EventView {
	v := EventView{ID: "e-" + e.ID, URL: root + r.eventPath(e.ID), Date: e.Date, Title: e.Title}
	for _, a := range e.Actors {
		v.Actors = append(v.Actors, Link{a.Name, root + actorPath(a.ID)})
	}
	for _, t := range e.Topics {
		v.Topics = append(v.Topics, Link{t.Title, root + topicPath(t.ID)})
	}
	for _, s := range e.Sources {
		a := s.Article
		label := a.Publisher
		if label == "" {
			label = a.Title
		}
		v.Sources = append(v.Sources, SourceView{
			Label: fmt.Sprintf("%s, %s %d", label, r.l.LineShort, s.Line),
			URL:   root + articlePath(a.ID) + "#" + s.ID(),
			Quote: a.Lines[s.Line-1].Text[s.Start:s.End],
			Lang:  r.langOf(a),
		})
	}
	return v
}

// eventViews describes events for a list.
func (r *Renderer) eventViews(events []*dossier.Event, root string) []EventView {
	var out []EventView
	for _, e := range events {
		out = append(out, r.eventView(e, root))
	}
	return out
}

// noteViews describes the anchored ones of notes for a list.
func (r *Renderer) noteViews(notes []*dossier.Note, root, here string) ([]NoteView, error) {
	var out []NoteView
	for _, n := range notes {
		if n.Anchor == nil {
			continue
		}
		nv, err := r.noteView(n, root, here)
		if err != nil {
			return nil, err
		}
		out = append(out, nv)
	}
	return out, nil
}

// actorKinds are the kinds of actors in the order the index lists them.
var actorKinds = []string{"person", "state", "organisation", "media"}

func (r *Renderer) actors(p Page) (any, error) {
	if len(r.d.Actors) > r.lim.actorsPaged {
		return r.actorsPage(p, 1)
	}
	p.Title = r.l.Actors
	v := ActorsPage{Page: p}
	for _, kind := range actorKinds {
		g := ActorGroup{ID: kind, Label: r.l.ActorKinds[kind]}
		for _, a := range r.d.Actors {
			if a.Kind == kind {
				g.Actors = append(g.Actors, r.actorLink(a, len(a.Mentions), p.Root))
			}
		}
		if len(g.Actors) > 0 {
			v.Groups = append(v.Groups, g)
		}
	}
	return v, nil
}

func (r *Renderer) actor(p Page, a *dossier.Actor) (any, error) {
	p.Title = a.Name
	p.Description = a.Role
	profile, err := r.markdown(a.Body, p.Root)
	if err != nil {
		return nil, err
	}
	if p.JSONLD, err = r.actorLD(a); err != nil {
		return nil, err
	}
	v := ActorPage{Page: p, Kind: r.l.ActorKinds[a.Kind], Role: a.Role, Profile: profile, Count: len(a.Mentions)}
	for _, al := range a.Aliases {
		v.Aliases = append(v.Aliases, al.ID)
	}
	// A list too long for the page shows its newest items and links to all of them.
	lists, owner := r.actorLists(a), actorPath(a.ID)
	sentences := bySentence(a.Mentions)
	if ex := r.extractOf(p.Root, owner, lists[0]); ex != nil {
		byArticle := func(ms []dossier.Mention) *dossier.Article { return ms[0].Article }
		ex.MostOften, ex.MostOftenLabel = mostOften(sentences, byArticle, 5, p.Root), r.pw.MostOften
		sentences = newestFirst(sentences, byArticle)[:min(r.lim.listExtract, len(sentences))]
		v.MentionsMore = ex
	}
	v.Mentions = r.mentionItems(p.Root, sentences)
	notes := a.Notes
	if v.NotesMore = r.extractOf(p.Root, owner, lists[1]); v.NotesMore != nil {
		notes = r.newestNotes(notes)
		notes = notes[:min(r.lim.listExtract, len(notes))]
	}
	if v.Notes, err = r.noteViews(notes, p.Root, ""); err != nil {
		return nil, err
	}
	events := a.Events
	if v.EventsMore = r.extractOf(p.Root, owner, lists[2]); v.EventsMore != nil {
		events = newestEvents(events)[:min(r.lim.listExtract, len(events))]
	}
	v.Events = r.eventViews(events, p.Root)
	v.Timeline = r.miniTimeline(a.Events, p.Root)
	for _, c := range a.Related[:min(10, len(a.Related))] {
		v.Related = append(v.Related, r.actorLink(c.Actor, c.Count, p.Root))
	}
	return v, nil
}

func (r *Renderer) topics(p Page) (any, error) {
	p.Title = r.l.Topics
	return TopicsPage{Page: p, Topics: r.topicLinks(p.Root)}, nil
}

func (r *Renderer) topic(p Page, t *dossier.Topic) (any, error) {
	p.Title = t.Title
	overview, err := r.markdown(t.Body, p.Root)
	if err != nil {
		return nil, err
	}
	v := TopicPage{Page: p, Overview: overview}
	for _, k := range t.Keywords {
		v.Keywords = append(v.Keywords, k.ID)
	}
	lists, owner := r.topicLists(t), topicPath(t.ID)
	events := t.Events
	if v.EventsMore = r.extractOf(p.Root, owner, lists[2]); v.EventsMore != nil {
		events = newestEvents(events)[:min(r.lim.listExtract, len(events))]
	}
	v.Events = r.eventViews(events, p.Root)
	v.Timeline = r.miniTimeline(t.Events, p.Root)
	notes := t.Notes
	if v.NotesMore = r.extractOf(p.Root, owner, lists[1]); v.NotesMore != nil {
		notes = r.newestNotes(notes)
		notes = notes[:min(r.lim.listExtract, len(notes))]
	}
	if v.Notes, err = r.noteViews(notes, p.Root, ""); err != nil {
		return nil, err
	}
	passages := t.Passages
	if ex := r.extractOf(p.Root, owner, lists[0]); ex != nil {
		byArticle := func(p dossier.Passage) *dossier.Article { return p.Article }
		ex.MostOften, ex.MostOftenLabel = mostOften(passages, byArticle, 5, p.Root), r.pw.MostOften
		passages = newestFirst(passages, byArticle)[:min(r.lim.listExtract, len(passages))]
		v.PassagesMore = ex
	}
	v.Passages = r.passageItems(p.Root, passages)
	return v, nil
}

func (r *Renderer) timeline(p Page) (any, error) {
	if r.parts != nil {
		return r.timelinePart(p, 0)
	}
	p.Title = r.l.Timeline
	v := TimelinePage{Page: p, Picture: r.timelineChart(p.Root)}
	for _, e := range r.d.Events {
		ev := r.eventView(e, p.Root)
		var err error
		if ev.Body, err = r.markdown(e.Body, p.Root); err != nil {
			return nil, err
		}
		y := e.Date.Year()
		if n := len(v.Years); n == 0 || v.Years[n-1].Year != y {
			v.Years = append(v.Years, Year{Year: y, Label: itoa(y), ID: "y" + itoa(y), URL: "#y" + itoa(y)})
		}
		v.Years[len(v.Years)-1].Events = append(v.Years[len(v.Years)-1].Events, ev)
	}
	v.Sections = v.Years
	return v, nil
}

func (r *Renderer) notFound(p Page) (any, error) {
	p.Title = r.l.NotFound
	return NotFoundPage{Page: p, Links: []Link{
		{r.l.Home, p.Root + homePath}, {r.l.Articles, p.Root + articlesPath}, {r.l.Actors, p.Root + actorsPath},
		{r.l.Topics, p.Root + topicsPath}, {r.l.Timeline, p.Root + timelinePath},
	}}, nil
}

// bySentence groups mentions, in the order of the text, by the sentence they are in, so
// that a sentence that names an actor twice is listed once, both names in bold.
func bySentence(ms []dossier.Mention) [][]dossier.Mention {
	var out [][]dossier.Mention
	for i, m := range ms {
		if i > 0 {
			prev := ms[i-1]
			if prev.Article == m.Article && prev.Line == m.Line && m.Start >= prev.End {
				if s, _ := sentenceBounds(m.Article.Lines[m.Line-1].Text, m.Start, m.End); s <= prev.Start {
					out[len(out)-1] = append(out[len(out)-1], m)
					continue
				}
			}
		}
		out = append(out, ms[i:i+1:i+1])
	}
	return out
}

// sentenceAround returns the text of the sentence around text[start:end], before and
// after it, clipped to a readable length.
func sentenceAround(text string, start, end int) (before, after string) {
	s, e := sentenceBounds(text, start, end)
	before, after = text[s:start], text[end:e]
	if n := utf8.RuneCountInString(before); n > 160 {
		r := []rune(before)
		before = "…" + string(r[n-150:])
	}
	return before, clip(after, 200)
}

// sentenceBounds returns the byte offsets of the sentence of text around text[start:end].
func sentenceBounds(text string, start, end int) (s, e int) {
	// A full stop after a digit is an ordinal ("zum 70. Jahrestag"), not a sentence's end.
	ends := func(i int) bool {
		return strings.ContainsRune(".!?", rune(text[i])) && !(text[i] == '.' && i > 0 && text[i-1] >= '0' && text[i-1] <= '9')
	}
	for i := start - 1; i > 0; i-- {
		if text[i] == ' ' && ends(i-1) {
			s = i + 1
			break
		}
	}
	e = len(text)
	for i := end; i < len(text); i++ {
		if ends(i) && (i+1 == len(text) || text[i+1] == ' ') {
			e = i + 1
			break
		}
	}
	return s, e
}

func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	cut := string(r[:n])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return cut + " …"
}
