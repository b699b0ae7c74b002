// Package dossier is the model of a dossier: content and seeds with every id resolved,
// every quote anchored in its passage, every mention of an actor found, and co-mentions
// counted. It is built once by Resolve and read by everyone after; nobody mutates it.
package dossier

import (
	"dossier/internal/anchor"
	"dossier/internal/content"
	"dossier/internal/seed"
)

// Dossier is the resolved model.
type Dossier struct {
	Site     *content.Site
	Articles []*Article // by publication date, then id
	Actors   []*Actor   // by name
	Topics   []*Topic   // by title
	Events   []*Event   // by date, then id
	Notes    []*Note    // by article, line, position

	articles map[string]*Article
	actors   map[string]*Actor
	topics   map[string]*Topic
	events   map[string]*Event
	notes    map[string]*Note
}

// Article returns the article with id, or nil.
func (d *Dossier) Article(id string) *Article { return d.articles[id] }

// Actor returns the actor with id, or nil.
func (d *Dossier) Actor(id string) *Actor { return d.actors[id] }

// Topic returns the topic with id, or nil.
func (d *Dossier) Topic(id string) *Topic { return d.topics[id] }

// Event returns the event with id, or nil.
func (d *Dossier) Event(id string) *Event { return d.events[id] }

// Note returns the note with id, or nil.
func (d *Dossier) Note(id string) *Note { return d.notes[id] }

// Article is a seed with its editorial description and everything anchored in it.
type Article struct {
	*content.Article
	Seed   *seed.Seed
	Lines  []*Line    // one per seed line, Lines[i].N == i+1
	Notes  []*Note    // in reading order
	Events []*Event   // events citing the article, by date
	Actors []*Counted // actors mentioned, most mentioned first
	Topics []*Topic   // topics tagged by keyword or named by a note or event, by title
}

// Line is a line of a seed with its final kind and its annotations.
type Line struct {
	*seed.Line // the seed's own: its text is not copied
	// marks are what the line has found in it, nil for the many lines that have none:
	// blank lines and most others. A large dossier has a million lines; each then takes
	// 16 bytes, not 80.
	marks *marks
}

// marks are what Resolve found in a line.
type marks struct {
	mentions []Mention
	anchors  []*Anchor
	topics   []*Topic
}

// Mentions are the actors the line names, in order.
func (l *Line) Mentions() []Mention {
	if l.marks == nil {
		return nil
	}
	return l.marks.mentions
}

// Anchors are the notes and event sources anchored in the line, by start.
func (l *Line) Anchors() []*Anchor {
	if l.marks == nil {
		return nil
	}
	return l.marks.anchors
}

// Topics are the topics whose keywords occur in the line.
func (l *Line) Topics() []*Topic {
	if l.marks == nil {
		return nil
	}
	return l.marks.topics
}

// marksToAdd returns the line's marks to add to, made on first use. Resolve adds them
// one phase at a time, each article's lines on one goroutine.
func (l *Line) marksToAdd() *marks {
	if l.marks == nil {
		l.marks = new(marks)
	}
	return l.marks
}

// Mention is an actor named in a line.
type Mention struct {
	Actor      *Actor
	Article    *Article
	Line       int
	Start, End int // byte offsets into the line's text
}

// Anchor is a passage selected by a note or an event source.
type Anchor struct {
	Article    *Article
	Line       int
	Start, End int // byte offsets into the line's text
	Status     anchor.Status
	Score      float64
	Note       *Note  // one of Note and Event is set
	Event      *Event //
}

// ID returns the HTML id of the highlighted passage.
func (a *Anchor) ID() string {
	if a.Note != nil {
		return "m-" + a.Note.ID
	}
	return "m-" + a.Event.ID + "-" + itoa(a.Line)
}

// Actor is a person, state, organisation or outlet with everything that involves it.
type Actor struct {
	*content.Actor
	// Variants are its names as the other languages spell them, which link as well:
	// transliterations ("Sergei Shoigu") and the CLDR's names ("South Korea").
	Variants []string
	Mentions []Mention  // in article and line order
	Articles []*Article // articles that mention the actor
	Notes    []*Note
	Events   []*Event
	Related  []*Counted // actors named in the same paragraphs, most often first
}

// Counted is an actor with a count: of mentions, or of shared paragraphs.
type Counted struct {
	*Actor
	Count int
}

// Topic is a theme with the passages, notes and events that belong to it.
type Topic struct {
	*content.Topic
	Passages []Passage
	Notes    []*Note
	Events   []*Event
	Articles []*Article
}

// Passage is a line of an article.
type Passage struct {
	Article *Article
	Line    *Line
}

// Event is a timeline entry with its sources anchored.
type Event struct {
	*content.Event
	Actors  []*Actor
	Topics  []*Topic
	Sources []*Anchor
}

// Note is an annotation anchored to a passage.
type Note struct {
	*content.Note
	Anchor *Anchor
	Number int // 1-based, within its article, in reading order
	Actors []*Actor
	Topics []*Topic
}
