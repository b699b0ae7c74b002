package render

import (
	"bytes"
	"html/template"

	"dossier/internal/date"
	"dossier/internal/locale"
)

// The view structs below are what templates see: everything sorted, grouped, formatted
// and linked in Go, so that templates only place it.

// Page is what every page has.
type Page struct {
	Lang        string
	SiteTitle   string
	Title       string // of the page, for <title> and <h1>
	Description string
	Root        string // from this page to the site's root: "" or "../"
	Canonical   string // absolute URL, when the site has a base URL
	Feed        string // the Atom feed
	SearchPage  bool   // the search page loads the index at once; others when asked
	Sidenotes   bool   // an article with notes loads static/notes.js, which lays them out
	Nav         []NavItem
	L           *Labels
	C           *locale.Cite // the words of citations and data
	DataURL     string       // the data page
	CSS         string
	Meta        []MetaTag     // further <meta name>: an article's citation_* tags
	JSONLD      template.HTML // the page's schema.org JSON-LD in its <script>, or ""
	CiteScript  bool          // an article's page loads static/cite.js for line ranges

	// scratch is a buffer of the renderer's for markup the view lends its page
	// (lentHTML); page gives it back once the page is written.
	scratch *bytes.Buffer
}

// NavItem is an entry of the main navigation.
type NavItem struct {
	Label, URL string
	Current    bool
}

// Link is a labelled relative link.
type Link struct {
	Text, URL string
}

// CountLink is a link with a count, e.g. an actor and how often it is named.
type CountLink struct {
	Link
	Count int
	Note  string // e.g. an actor's role
}

// NoteView is a note as shown beside its passage or in a list.
type NoteView struct {
	ID         string // HTML id of the note: "note-…"
	MarkURL    string // link to the highlighted passage
	Number     int
	Kind       string // "context", … for CSS
	KindName   string
	Body       template.HTML
	Quote      string
	QuoteShort string // its first 90 characters or so, for a list
	QuoteLang  string // the language of the quote, its article's, if not the page's; or ""
	Article    Link
	Line       int
	Where      string // "article title, Z. 34"
	CiteURL    string // the passage as a text fragment: article.html#:~:text=…
	L          *Labels
	Actors     []Link
	Topics     []Link
	Cite       CiteView
}

// EventView is a timeline entry.
type EventView struct {
	ID      string // HTML id: "e-…"
	URL     string // the entry on the timeline
	Date    date.Date
	Title   string
	Body    template.HTML
	Actors  []Link
	Topics  []Link
	Sources []SourceView
}

// SourceView is a passage an event cites.
type SourceView struct {
	Label string // "Frankfurter Rundschau, Z. 54"
	URL   string
	Quote string
	Lang  string // the language of the quote, its article's, if not the page's; or ""
}

// Group is a run of lines shown together: article text, a photo gallery, or page
// furniture.
type Group struct {
	Kind string        // "text", "gallery", "boilerplate"
	HTML template.HTML // the lines, each with its number and notes (Renderer.writeLine)
}

// ArticleItem is an article in a list.
type ArticleItem struct {
	Link
	Publisher, Author string
	Published         date.Date
	Notes             int
}

// ArticleLines are lines of one article in a list: an actor's mentions, a topic's
// passages.
type ArticleLines struct {
	Article Link
	Lang    string        // the article's language, if not the page's; or ""
	Items   template.HTML // each an <li> with the line's link (Renderer.articleLines)
}

// HomePage is index.html.
type HomePage struct {
	Page
	Subtitle     string
	Intro        template.HTML
	Articles     []ArticleItem // all, or the newest homeArticles, newest first
	ArticlesHead string        // "Artikel", or "Neueste Artikel" when not all are listed
	ArticlesURL  string        // the list of all articles, when not all are listed here
	MainActors   []CountLink
	LatestEvents []EventView
	Topics       []CountLink
	TimelineURL  string
	ActorsURL    string
	TopicsURL    string
}

// ArticlePage is one article.
type ArticlePage struct {
	Page
	Publisher, Author string
	Published         date.Date
	URL               string
	SeedName          string
	TextLang          string        // the language of the article's title and text, if not the page's; or ""
	IntroLead         template.HTML // the introduction's first block, shown at once
	IntroRest         template.HTML // the rest of it, folded
	TextURL           string        // the first line of the text: "#L1"
	Contents          []Contents    // the page's parts, for an introduction longer than a screen
	Notes             []NoteView    // in reading order, numbered
	Groups            []Group
	Actors            []CountLink
	Topics            []Link
	Events            []EventView
	NoteCount         string // "13 Anmerkungen", "1 Anmerkung"
	Cite              CiteView
}

// Contents is an entry of an article's contents box, with the entries under it.
type Contents struct {
	Link
	Sub []Link
}

// ArticlesPage lists the articles, or one page of them.
type ArticlesPage struct {
	Page
	Articles []ArticleItem
	Pager    *Pager // when the articles are on several pages
}

// ActorPage is one actor.
type ActorPage struct {
	Page
	Kind     string
	Role     string
	Aliases  []string
	Profile  template.HTML
	Mentions []ArticleLines
	Count    int
	Notes    []NoteView
	Events   []EventView
	Timeline template.HTML
	Related  []CountLink

	// A list too long for the page is cut to its newest items; these say so and link
	// to its pages.
	MentionsMore, NotesMore, EventsMore *extract
}

// ActorGroup is the actors of one kind.
type ActorGroup struct {
	ID, Label string
	Actors    []CountLink
}

// ActorsPage lists the actors by kind, or one page of them.
type ActorsPage struct {
	Page
	Groups []ActorGroup
	Pager  *Pager
}

// TopicPage is one topic.
type TopicPage struct {
	Page
	Overview template.HTML
	Keywords []string
	Events   []EventView
	Timeline template.HTML
	Notes    []NoteView
	Passages []ArticleLines

	PassagesMore, NotesMore, EventsMore *extract
}

// ListPage is one page of a list too long for its actor's or topic's page.
type ListPage struct {
	Page
	Kicker   string // the actor's kind, or "Themen"
	Owner    Link   // the actor or topic
	Head     string // the list's name: "Erwähnungen"
	Count    int    // of the whole list
	Mentions []ArticleLines
	Notes    []NoteView
	Events   []EventView
	Pager    *Pager
}

// TopicsPage lists the topics.
type TopicsPage struct {
	Page
	Topics []CountLink
}

// Year is the events of one year, or of a part of a year on a timeline too long for one
// page.
type Year struct {
	Year    int
	Label   string // "2024", "März 2024"
	ID      string
	URL     string // of the year in the years' navigation
	Current bool   // the page is of this year
	Events  []EventView
}

// TimelineYear is a year of a split timeline with its pages.
type TimelineYear struct {
	Year  int
	Parts []CountLink
}

// TimelinePage is the chronicle, or one page of it.
type TimelinePage struct {
	Page
	Picture     template.HTML
	Years       []Year         // for the navigation
	Sections    []Year         // with their events
	Index       []TimelineYear // on the first page of a split timeline
	Months      []PagerLink    // the parts of the year of the page
	MonthsLabel string
	Pager       *Pager
}

// NetworkPage shows the actors and how often they are named together.
type NetworkPage struct {
	Page
	Picture template.HTML
	Table   template.HTML // the picture's text equivalent
	Pager   *Pager        // when the table is on several pages
}

// SearchPage is the search page; its results are made by static/search.js.
type SearchPage struct {
	Page
	ActorsURL, TopicsURL string
}

// NotFoundPage is 404.html.
type NotFoundPage struct {
	Page
	Links []Link
}
