package render

import (
	"fmt"
	"html"
	"html/template"
	"slices"
	"strconv"
	"strings"

	"dossier/internal/chart"
	"dossier/internal/date"
	"dossier/internal/dossier"
)

// A large dossier's lists are split over several pages so that no page grows past about
// 300 KB however many articles it has (a phone on a slow line gives up on a page of
// megabytes). A list is split only when it is longer than its limit below, so a dossier
// of a few hundred articles keeps its single pages, byte for byte. The limits are counts,
// not sizes, so that every page's path is known before any page is rendered (the preview
// renders pages one at a time), and are set so that the pages of the synthetic dossiers
// of internal/benchgen stay under 300 KB (TestLargestPage).
type pageLimits struct {
	articlesPaged   int // an index of more articles is paged …
	articlesPerPage int // … into pages of this many
	actorsPaged     int
	actorsPerPage   int
	networkPaged    int // rows of the network's table
	networkPerPage  int
	timelinePaged   int // events: more are split by year, a year of more by month
	eventsPerPart   int // the most events on one page of the timeline
	listPaged       int // an actor's mentions, a topic's passages or events …
	listPerPage     int
	notesPaged      int // … or notes
	notesPerPage    int
	listExtract     int // items of a paged list that its actor's or topic's page shows
	miniEvents      int // a mini timeline of more events counts them by month
}

var defaultLimits = pageLimits{
	articlesPaged: 1000, articlesPerPage: 500,
	actorsPaged: 1500, actorsPerPage: 1000,
	networkPaged: 400, networkPerPage: 250,
	timelinePaged: 300, eventsPerPart: 250,
	listPaged: 300, listPerPage: 200,
	notesPaged: 150, notesPerPage: 100,
	listExtract: 30, miniEvents: 200,
}

// Pager links the pages of a list.
type Pager struct {
	Label  string // accessible name: "Seiten"
	Status string // "Seite 2 von 5"
	Prev   *PagerLink
	Next   *PagerLink
	Pages  []PagerLink // an empty URL is a gap between page numbers
}

// PagerLink is a link to one page of a list.
type PagerLink struct {
	Text, URL string
	Current   bool
}

// pager returns the links of page n (from 1) of a list of pages, url(i) the path of page
// i relative to the site's root; prev and next name the neighbouring pages.
func (r *Renderer) pager(root string, n, pages int, url func(i int) string, prev, next string) *Pager {
	p := &Pager{Label: r.pw.Pages, Status: r.pw.PageOf(n, pages)}
	if n > 1 {
		p.Prev = &PagerLink{Text: prev, URL: root + url(n-1)}
	}
	if n < pages {
		p.Next = &PagerLink{Text: next, URL: root + url(n+1)}
	}
	gap := false
	for i := 1; i <= pages; i++ {
		if i == 1 || i == pages || (i >= n-2 && i <= n+2) {
			p.Pages = append(p.Pages, PagerLink{Text: strconv.Itoa(i), URL: root + url(i), Current: i == n})
			gap = false
		} else if !gap {
			p.Pages = append(p.Pages, PagerLink{})
			gap = true
		}
	}
	return p
}

// pageCount is the number of pages of n items at per a page.
func pageCount(n, per int) int { return max(1, (n+per-1)/per) }

// pageSlice returns page i (from 1) of items, per a page.
func pageSlice[T any](items []T, i, per int) []T {
	return items[min(len(items), (i-1)*per):min(len(items), i*per)]
}

// numbered returns the path of page i of a list whose first page is first and whose
// others are dir/i.html.
func numbered(first, dir string) func(i int) string {
	return func(i int) string {
		if i == 1 {
			return first
		}
		return dir + "/" + strconv.Itoa(i) + ".html"
	}
}

var (
	articlesPage = numbered(articlesPath, "articles/page")
	actorsPage   = numbered(actorsPath, "actors/page")
	networkPage  = numbered(networkPath, "network/page")
)

// listPath is the path of page i of a list (kind "mentions", "notes", …) of an actor or
// topic whose page is at owner ("actors/x.html").
func listPath(owner, kind string, i int) string {
	return owner[:len(owner)-len(".html")] + "/" + kind + "-" + strconv.Itoa(i) + ".html"
}

// A timelinePart is one page of a split timeline: a year, a month of a large year, or a
// part of a large month.
type timelinePart struct {
	year   int
	label  string // "2024", "März 2024", "März 2024, Teil 2"
	id     string // of its section: "y2024", "y2024-03", "y2024-03-2"
	path   string
	events []*dossier.Event
}

// splitTimeline returns the parts of a timeline of events (in date order), none if it
// fits on one page.
func (r *Renderer) splitTimeline(events []*dossier.Event) []timelinePart {
	if len(events) <= r.lim.timelinePaged {
		return nil
	}
	var parts []timelinePart
	for _, year := range runs(events, func(e *dossier.Event) int { return e.Date.Year() }) {
		y := year[0].Date.Year()
		ys := strconv.Itoa(y)
		if len(year) <= r.lim.eventsPerPart {
			parts = append(parts, timelinePart{year: y, label: ys, id: "y" + ys, path: "timeline/" + ys + ".html", events: year})
			continue
		}
		for _, month := range runs(year, func(e *dossier.Event) int { return int(e.Date.Start().Month()) }) {
			key := fmt.Sprintf("%s-%02d", ys, int(month[0].Date.Start().Month()))
			label := r.formatDate(key)
			for i := 0; i < len(month); i += r.lim.eventsPerPart {
				k, l := key, label
				if len(month) > r.lim.eventsPerPart {
					n := strconv.Itoa(i/r.lim.eventsPerPart + 1)
					k, l = key+"-"+n, label+", "+r.pw.Part(i/r.lim.eventsPerPart+1)
				}
				parts = append(parts, timelinePart{year: y, label: l, id: "y" + k, path: "timeline/" + k + ".html", events: month[i:min(len(month), i+r.lim.eventsPerPart)]})
			}
		}
	}
	return parts
}

// runs cuts items into runs of the same key.
func runs[T any, K comparable](items []T, key func(T) K) [][]T {
	var out [][]T
	for i, it := range items {
		if i == 0 || key(items[i-1]) != key(it) {
			out = append(out, nil)
		}
		out[len(out)-1] = append(out[len(out)-1], it)
	}
	return out
}

// formatDate writes the date s (as front matter writes it) in the site's language.
func (r *Renderer) formatDate(s string) string {
	d, err := date.Parse(s)
	if err != nil {
		return s
	}
	return d.In(&r.loc.Dates)
}

// eventPath is the path of the entry of the event id on the timeline.
func (r *Renderer) eventPath(id string) string {
	if p, ok := r.eventPage[id]; ok {
		return p + "#e-" + id
	}
	return timelinePath + "#e-" + id
}

// timelineParts renders the timeline of a split dossier: its first page (part 0) has the
// picture and links to every part; part i the events of r.parts[i-1].
func (r *Renderer) timelinePart(p Page, part int) (any, error) {
	v := TimelinePage{Page: p}
	for _, pt := range r.parts {
		if n := len(v.Years); n == 0 || v.Years[n-1].Year != pt.year {
			v.Years = append(v.Years, Year{Year: pt.year, Label: strconv.Itoa(pt.year), ID: "y" + strconv.Itoa(pt.year), URL: p.Root + pt.path})
		}
	}
	if part == 0 {
		p.Title = r.l.Timeline
		v.Page = p
		v.Picture = r.densityChart(r.d.Events, "tl", 720, p.Root)
		for _, pt := range r.parts {
			if n := len(v.Index); n == 0 || v.Index[n-1].Year != pt.year {
				v.Index = append(v.Index, TimelineYear{Year: pt.year})
			}
			y := &v.Index[len(v.Index)-1]
			y.Parts = append(y.Parts, CountLink{Link: Link{pt.label, p.Root + pt.path}, Count: len(pt.events)})
		}
		return v, nil
	}
	pt := r.parts[part-1]
	p.Title = r.l.Timeline + ": " + pt.label
	v.Page = p
	for i := range v.Years {
		v.Years[i].Current = v.Years[i].Year == pt.year
	}
	for _, o := range r.parts {
		if o.year == pt.year && len(o.events) < len(r.d.Events) && o.label != strconv.Itoa(o.year) {
			v.Months = append(v.Months, PagerLink{Text: o.label, URL: p.Root + o.path, Current: o.path == pt.path})
		}
	}
	if len(v.Months) > 0 {
		v.MonthsLabel = r.pw.Months
	}
	y := Year{Year: pt.year, Label: pt.label, ID: pt.id}
	for _, e := range pt.events {
		ev := r.eventView(e, p.Root)
		var err error
		if ev.Body, err = r.markdown(e.Body, p.Root); err != nil {
			return nil, err
		}
		y.Events = append(y.Events, ev)
	}
	v.Sections = []Year{y}
	v.Pager = r.pager(p.Root, part, len(r.parts), func(i int) string { return r.parts[i-1].path }, r.pw.Earlier, r.pw.Later)
	return v, nil
}

// densityChart draws how many of events fall in each month, each month a link to the
// part of the timeline that lists them: a timeline of thousands of events drawn one by
// one is megabytes.
func (r *Renderer) densityChart(events []*dossier.Event, id string, width int, root string) template.HTML {
	var bins []chart.Bin
	for _, month := range runs(events, func(e *dossier.Event) int { return e.Date.Year()*12 + int(e.Date.Start().Month()) - 1 }) {
		s := month[0].Date.Start()
		for len(bins) > 0 && bins[len(bins)-1].Month.AddDate(0, 1, 0).Before(s.AddDate(0, 0, 1-s.Day())) {
			next := bins[len(bins)-1].Month.AddDate(0, 1, 0)
			bins = append(bins, chart.Bin{Month: next, Label: r.formatDate(next.Format("2006-01"))})
		}
		b := chart.Bin{Month: s.AddDate(0, 0, 1-s.Day()), Count: len(month), Label: r.formatDate(s.Format("2006-01"))}
		b.URL = root + r.eventPath(month[0].ID)
		bins = append(bins, b)
	}
	return chart.Density(bins, chart.DensityConfig{ID: id, Title: r.l.TimelinePicture, Width: width, Events: r.l.Events})
}

// extract is what an actor's or topic's page shows of a list too long for it: how many
// it shows of all, and the link to all of them.
type extract struct {
	Text string // "Die 30 neuesten von 1234."
	Link Link   // "Alle 1234 zeigen"
	// MostOften are the articles that name the actor or topic most often.
	MostOften      []CountLink
	MostOftenLabel string
}

// newestFirst returns the items of runs (each run one article's, the runs in the order of
// the articles) with the runs in reverse order, the items of each in theirs.
func newestFirst[T any](items []T, article func(T) *dossier.Article) []T {
	rs := runs(items, article)
	slices.Reverse(rs)
	return slices.Concat(rs...)
}

// mostOften returns the articles of items with their number of items, most first (ties
// newest first), at most n, linked from root.
func mostOften[T any](items []T, article func(T) *dossier.Article, n int, root string) []CountLink {
	count := map[*dossier.Article]int{}
	var order []*dossier.Article
	for _, it := range items {
		a := article(it)
		if count[a] == 0 {
			order = append(order, a)
		}
		count[a]++
	}
	slices.Reverse(order)
	slices.SortStableFunc(order, func(a, b *dossier.Article) int { return count[b] - count[a] })
	var out []CountLink
	for _, a := range order[:min(n, len(order))] {
		out = append(out, CountLink{Link: Link{a.Title, root + articlePath(a.ID)}, Count: count[a]})
	}
	return out
}

// A list is one of an actor's or topic's lists as its pages show it.
type list struct {
	kind  string // in the path: "mentions", "notes", "events", "passages"
	head  string // the section's head: "Erwähnungen"
	n     int    // items
	pages int    // pages of the whole list; 0 if the owner's page shows it whole
}

// paged says whether a list of n items, paged above limit at per a page, is paged, and
// into how many pages.
func paged(kind, head string, n, limit, per int) list {
	l := list{kind: kind, head: head, n: n}
	if n > limit {
		l.pages = pageCount(n, per)
	}
	return l
}

// actorLists are an actor's lists: mentions (by sentence), notes, events.
func (r *Renderer) actorLists(a *dossier.Actor) []list {
	return []list{
		paged("mentions", r.l.Mentions, len(bySentence(a.Mentions)), r.lim.listPaged, r.lim.listPerPage),
		paged("notes", r.l.Notes, anchored(a.Notes), r.lim.notesPaged, r.lim.notesPerPage),
		paged("events", r.l.Events, len(a.Events), r.lim.listPaged, r.lim.listPerPage),
	}
}

// topicLists are a topic's lists: passages, notes, events.
func (r *Renderer) topicLists(t *dossier.Topic) []list {
	return []list{
		paged("passages", r.l.Passages, len(t.Passages), r.lim.listPaged, r.lim.listPerPage),
		paged("notes", r.l.Notes, anchored(t.Notes), r.lim.notesPaged, r.lim.notesPerPage),
		paged("events", r.l.Events, len(t.Events), r.lim.listPaged, r.lim.listPerPage),
	}
}

func anchored(notes []*dossier.Note) int {
	n := 0
	for _, x := range notes {
		if x.Anchor != nil {
			n++
		}
	}
	return n
}

// pagedJobs are the jobs of the pages that only a large dossier has.
func (r *Renderer) pagedJobs() []job {
	var jobs []job
	d := r.d
	if len(d.Articles) > r.lim.articlesPaged {
		for i := 2; i <= pageCount(len(d.Articles), r.lim.articlesPerPage); i++ {
			jobs = append(jobs, job{articlesPage(i), "articles.html", func(p Page) (any, error) { return r.articlesPage(p, i) }})
		}
	}
	if len(d.Actors) > r.lim.actorsPaged {
		for i := 2; i <= pageCount(len(d.Actors), r.lim.actorsPerPage); i++ {
			jobs = append(jobs, job{actorsPage(i), "actors.html", func(p Page) (any, error) { return r.actorsPage(p, i) }})
		}
	}
	if n := r.networkRows(); n > r.lim.networkPaged {
		for i := 2; i <= pageCount(n, r.lim.networkPerPage); i++ {
			jobs = append(jobs, job{networkPage(i), "network.html", func(p Page) (any, error) { return r.networkPart(p, i) }})
		}
	}
	for i, pt := range r.parts {
		jobs = append(jobs, job{pt.path, "timeline.html", func(p Page) (any, error) { return r.timelinePart(p, i+1) }})
	}
	for _, a := range d.Actors {
		for _, l := range r.actorLists(a) {
			for i := 1; i <= l.pages; i++ {
				jobs = append(jobs, job{listPath(actorPath(a.ID), l.kind, i), "list.html", func(p Page) (any, error) { return r.actorList(p, a, l, i) }})
			}
		}
	}
	for _, t := range d.Topics {
		for _, l := range r.topicLists(t) {
			for i := 1; i <= l.pages; i++ {
				jobs = append(jobs, job{listPath(topicPath(t.ID), l.kind, i), "list.html", func(p Page) (any, error) { return r.topicList(p, t, l, i) }})
			}
		}
	}
	return jobs
}

// articlesPage is page i of the index of articles.
func (r *Renderer) articlesPage(p Page, i int) (any, error) {
	pages := pageCount(len(r.d.Articles), r.lim.articlesPerPage) // the page's items alone: all of them for each page made it quadratic
	p.Title = r.l.Articles
	if i > 1 {
		p.Title += " (" + r.pw.PageOf(i, pages) + ")"
	}
	v := ArticlesPage{Page: p, Articles: r.articleItems(pageSlice(r.d.Articles, i, r.lim.articlesPerPage), p.Root)}
	v.Pager = r.pager(p.Root, i, pages, articlesPage, r.pw.Prev, r.pw.Next)
	return v, nil
}

// actorsPage is page i of the index of actors: the actors of each kind in turn.
func (r *Renderer) actorsPage(p Page, i int) (any, error) {
	var all []*dossier.Actor
	for _, kind := range actorKinds {
		for _, a := range r.d.Actors {
			if a.Kind == kind {
				all = append(all, a)
			}
		}
	}
	pages := pageCount(len(all), r.lim.actorsPerPage)
	p.Title = r.l.Actors
	if i > 1 {
		p.Title += " (" + r.pw.PageOf(i, pages) + ")"
	}
	v := ActorsPage{Page: p}
	for _, a := range pageSlice(all, i, r.lim.actorsPerPage) {
		if n := len(v.Groups); n == 0 || v.Groups[n-1].ID != a.Kind {
			v.Groups = append(v.Groups, ActorGroup{ID: a.Kind, Label: r.l.ActorKinds[a.Kind]})
		}
		g := &v.Groups[len(v.Groups)-1]
		g.Actors = append(g.Actors, r.actorLink(a, len(a.Mentions), p.Root))
	}
	v.Pager = r.pager(p.Root, i, pages, actorsPage, r.pw.Prev, r.pw.Next)
	return v, nil
}

// networkRows is the number of rows of the network's table.
func (r *Renderer) networkRows() int {
	n := 0
	for _, a := range r.d.Actors {
		if len(a.Mentions) > 0 {
			n++
		}
	}
	return n
}

// networkPart is page i > 1 of the network's table.
func (r *Renderer) networkPart(p Page, i int) (any, error) {
	nodes, edges, cfg := r.network(p.Root)
	rows := chart.NetworkRows(nodes, edges, cfg)
	pages := pageCount(len(rows), r.lim.networkPerPage)
	p.Title = r.l.Network + " (" + r.pw.PageOf(i, pages) + ")"
	return NetworkPage{Page: p, Table: chart.RowsTable(pageSlice(rows, i, r.lim.networkPerPage), cfg),
		Pager: r.pager(p.Root, i, pages, networkPage, r.pw.Prev, r.pw.Next)}, nil
}

// mentionItems lists sentences (of an actor's mentions) as articleLines does.
func (r *Renderer) mentionItems(root string, sentences [][]dossier.Mention) []ArticleLines {
	return r.articleLines(root, len(sentences), func(i int) (*dossier.Article, int, string) {
		ms := sentences[i]
		first, last := ms[0], ms[len(ms)-1]
		text := first.Article.Lines[first.Line-1].Text
		before, after := sentenceAround(text, first.Start, last.End)
		var b strings.Builder
		b.WriteString(html.EscapeString(before))
		for j, m := range ms {
			if j > 0 {
				b.WriteString(html.EscapeString(text[ms[j-1].End:m.Start]))
			}
			b.WriteString("<strong>" + html.EscapeString(text[m.Start:m.End]) + "</strong>")
		}
		b.WriteString(html.EscapeString(after))
		return first.Article, first.Line, b.String()
	})
}

// passageItems lists a topic's passages as articleLines does.
func (r *Renderer) passageItems(root string, ps []dossier.Passage) []ArticleLines {
	return r.articleLines(root, len(ps), func(i int) (*dossier.Article, int, string) {
		return ps[i].Article, ps[i].Line.N, html.EscapeString(clip(ps[i].Line.Text, 280))
	})
}

// newestNotes returns the anchored notes of notes, those on the newest articles first.
func (r *Renderer) newestNotes(notes []*dossier.Note) []*dossier.Note {
	var out []*dossier.Note
	for _, n := range notes {
		if n.Anchor != nil {
			out = append(out, n)
		}
	}
	slices.SortStableFunc(out, func(a, b *dossier.Note) int {
		return r.articleIndex[b.Anchor.Article] - r.articleIndex[a.Anchor.Article]
	})
	return out
}

// newestEvents returns events latest first.
func newestEvents(events []*dossier.Event) []*dossier.Event {
	out := slices.Clone(events)
	slices.Reverse(out)
	return out
}

// extractOf is the extract of list l for its owner's page, whose list pages are at owner.
func (r *Renderer) extractOf(root, owner string, l list) *extract {
	if l.pages == 0 {
		return nil
	}
	return &extract{
		Text: r.pw.Latest(min(r.lim.listExtract, l.n), l.n),
		Link: Link{r.pw.All(l.n), root + listPath(owner, l.kind, 1)},
	}
}

// listPage is page i of list l of the actor or topic owner (its name and page).
func (r *Renderer) listPage(p Page, kicker string, owner Link, ownerPath string, l list, i int) (ListPage, Page) {
	p.Title = owner.Text + ": " + l.head + " (" + r.pw.PageOf(i, l.pages) + ")"
	v := ListPage{Page: p, Kicker: kicker, Owner: owner, Head: l.head, Count: l.n}
	v.Pager = r.pager(p.Root, i, l.pages, func(i int) string { return listPath(ownerPath, l.kind, i) }, r.pw.Newer, r.pw.Older)
	return v, p
}

// actorList is page i of the list l of actor a.
func (r *Renderer) actorList(p Page, a *dossier.Actor, l list, i int) (any, error) {
	v, p := r.listPage(p, r.l.ActorKinds[a.Kind], Link{a.Name, p.Root + actorPath(a.ID)}, actorPath(a.ID), l, i)
	var err error
	switch l.kind {
	case "mentions":
		ss := ordered(r, a, l.kind, func() [][]dossier.Mention {
			return newestFirst(bySentence(a.Mentions), func(ms []dossier.Mention) *dossier.Article { return ms[0].Article })
		})
		v.Mentions = r.mentionItems(p.Root, pageSlice(ss, i, r.lim.listPerPage))
	case "notes":
		ns := ordered(r, a, l.kind, func() []*dossier.Note { return r.newestNotes(a.Notes) })
		v.Notes, err = r.noteViews(pageSlice(ns, i, r.lim.notesPerPage), p.Root, "")
	case "events":
		v.Events = r.eventViews(pageSlice(newestEvents(a.Events), i, r.lim.listPerPage), p.Root)
	}
	return v, err
}

// listKey names a paged list: its owner (an actor or a topic) and its kind.
type listKey struct {
	owner any
	kind  string
}

// ordered returns the items of owner's list kind in their order, made by order once per
// build and kept for the list's other pages: each page sorting the whole list made the
// lists of a large dossier quadratic (a topic of 100,000 articles has hundreds of pages).
func ordered[T any](r *Renderer, owner any, kind string, order func() []T) []T {
	key := listKey{owner, kind}
	if v, ok := r.lists.Load(key); ok {
		return v.([]T)
	}
	v, _ := r.lists.LoadOrStore(key, order())
	return v.([]T)
}

// topicList is page i of the list l of topic t.
func (r *Renderer) topicList(p Page, t *dossier.Topic, l list, i int) (any, error) {
	v, p := r.listPage(p, r.l.Topics, Link{t.Title, p.Root + topicPath(t.ID)}, topicPath(t.ID), l, i)
	var err error
	switch l.kind {
	case "passages":
		ps := ordered(r, t, l.kind, func() []dossier.Passage {
			return newestFirst(t.Passages, func(p dossier.Passage) *dossier.Article { return p.Article })
		})
		v.Mentions = r.passageItems(p.Root, pageSlice(ps, i, r.lim.listPerPage))
	case "notes":
		ns := ordered(r, t, l.kind, func() []*dossier.Note { return r.newestNotes(t.Notes) })
		v.Notes, err = r.noteViews(pageSlice(ns, i, r.lim.notesPerPage), p.Root, "")
	case "events":
		v.Events = r.eventViews(pageSlice(newestEvents(t.Events), i, r.lim.listPerPage), p.Root)
	}
	return v, err
}
