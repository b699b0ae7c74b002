package locale

import (
	"strconv"

	snowball "github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/english"
)

// English is the locale of English text.
var English = &Locale{
	Code:   "en",
	Name:   "English",
	Quotes: Quotes{Open: "“", Close: "”", InnerOpen: "‘", InnerClose: "’"},
	Labels: &Labels{
		Lang: "en", OGLocale: "en_GB",
		Home: "Home", Articles: "Articles", Actors: "Actors", Topics: "Topics", Timeline: "Timeline",
		Skip: "Skip to content", Nav: "Main navigation", Menu: "Menu",
		Intro: "About the source", Text: "Article text", Notes: "Notes", Note: "Note", Events: "Events", Event: "Event",
		Mentions: "Mentions", Related: "Often named together",
		Source: "Source", Original: "Original", Seed: "Source text", Line: "Line", LineShort: "l.", Lines: "Lines",
		Passages: "Passages", Profile: "Profile", Overview: "Overview", Aliases: "Also", Role: "Role",
		LatestEvents: "Latest events", MainActors: "Main actors", AllEvents: "All events in the timeline",
		AllActors: "All actors", AllTopics: "All topics",
		LatestArticles: "Latest articles", AllArticles: "All articles",
		NoMentions: "Not mentioned by name in the articles.", NoEvents: "No events.", NoNotes: "No notes.",
		Times: "×", NotesCount: "notes",
		NotFound: "Page not found", NotFoundText: "This page does not exist (any more). Try one of these:",
		BackToNote: "to the passage", Cited: "Evidence for", GoToEvent: "to the event",
		Gallery: "Photo gallery", Boilerplate: "Page furniture (not part of the article)",
		ArticleBy: "by", Published: "published", Publisher: "Outlet",
		Permalink: "Link to this note", CitePassage: "Cite the passage", NoteMore: "read more", NoteLess: "show less",
		IntroMore: "Read the whole introduction", IntroLess: "Fold the introduction", ToText: "To the article text", Contents: "Contents", NotesOne: "note",
		Network: "Network", NetworkPicture: "Network of actors", TimelinePicture: "Timeline of events", OtherTopics: "other topics",
		NetworkIntro: "Actors as nodes, sized by mentions; a line joins two actors named in the same paragraph, stronger the more often.",
		TimelineList: "All events by year", NetworkTable: "The connections as a table",
		NetworkShown: "The picture shows the %d most often named of %d actors; the table lists them all.",
		Search:       "Search", SearchLabel: "Search the dossier", SearchTerm: "Search term", SearchPlaceholder: "Search",
		SearchNoJS: "Search needs JavaScript. Without it, find people, states and organisations in the", SearchNoJSActors: "index of actors",
		SearchNoJSMid: "and the dossier's themes in the", SearchNoJSTopics: "list of topics",
		ActorKinds: map[string]string{"person": "People", "state": "States", "organisation": "Organisations", "media": "Media"},
		NoteKinds:  map[string]string{"context": "Context", "factcheck": "Fact check", "correction": "Correction", "translation": "Translation", "source": "Source"},
		Footer:     "Line numbers refer to the unaltered source text of the articles.",
	},
	Dates: Dates{
		Months: [12]string{"January", "February", "March", "April", "May", "June",
			"July", "August", "September", "October", "November", "December"},
		Or:       "or",
		Circa:    Phrase{"c.", "c."},
		Before:   Phrase{"before", "before"},
		After:    Phrase{"after", "after"},
		Between:  Phrase{"between", "between"},
		And:      Phrase{"and", "and"},
		Probably: "probably",
	},
	Chart: Chart{
		Timeline:    "Timeline",
		Network:     "Network of actors",
		MonthsShort: [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
		Enlarged:    "enlarged",
		Events:      Plural{One: "1 event", Other: "{n} events"},
		Mentions:    Plural{One: "1 mention", Other: "{n} mentions"},
		Actors:      Plural{One: "1 actor", Other: "{n} actors"},
		Links:       Plural{One: "1 link", Other: "{n} links"},
		TimelineDesc: func(from, to, events string) string {
			return "Timeline from " + from + " to " + to + " with " + events + "."
		},
		ZoomDesc: func(from, to, events string) string {
			return " Enlarged below: " + from + " to " + to + " with " + events + "."
		},
		MiniDesc: func(from, to, events string) string {
			return "Small timeline from " + from + " to " + to + " with " + events + "."
		},
		NetworkDesc: func(actors, links, top string) string {
			s := "Network of " + actors + " and " + links + " between those named in the same paragraph."
			if top != "" {
				s += " Most mentioned: " + top + "."
			}
			return s
		},
		More:        Plural{One: "{n} more not shown", Other: "{n} more not shown"},
		ColActor:    "Actor",
		ColMentions: "Mentions",
		ColWith:     "Most often named with (paragraphs)",
	},
	Paging: &Paging{
		Pages:  "Pages",
		PageOf: func(n, of int) string { return "Page " + strconv.Itoa(n) + " of " + strconv.Itoa(of) },
		Prev:   "previous", Next: "next",
		Newer: "newer", Older: "older",
		Earlier: "earlier", Later: "later",
		Months: "Months",
		Part:   func(n int) string { return "part " + strconv.Itoa(n) },
		Latest: func(shown, of int) string {
			return "The " + strconv.Itoa(shown) + " most recent of " + strconv.Itoa(of) + "."
		},
		All:       func(n int) string { return "Show all " + strconv.Itoa(n) },
		MostOften: "Most often in",
	},
	Search: Search{
		Stemmer: "english",
		Stem: func(folded string) string {
			env := snowball.NewEnv(folded)
			english.Stem(env)
			return env.Current()
		},
		// Snowball's English stop list, without the forms with an apostrophe, which are
		// two words here ("don't" is "don" and "t").
		Stop: `
a about above after again against all am an and any are as at be because been before being
below between both but by could did do does doing down during each few for from further had
has have having he her here hers herself him himself his how i if in into is it its itself
me more most my myself no nor not of off on once only or other ought our ours ourselves out
over own same she should so some such than that the their theirs them themselves then there
these they this those through to too under until up very was we were what when where which
while who whom why with would you your yours yourself yourselves
`,
	},
	Script: Script{
		Kinds:       map[string]string{"article": "Articles", "note": "Notes", "actor": "Actors", "topic": "Topics", "event": "Events"},
		Suggestions: "Search suggestions",
		Found:       Plural{One: "1 result for “{q}”", Other: "{n} results for “{q}”"},
		None:        "No results for “{q}”.",
		All:         Plural{One: "Show the result on the search page", Other: "Show all {n} results on the search page"},
		More:        "Show {n} more",
		Options:     Plural{Zero: "No suggestions.", One: "1 suggestion.", Other: "{n} suggestions."},
		Enter:       "Enter a search term.",
		Loading:     "Loading the search index …",
		Failed:      "The search index could not be loaded.",
	},
	Preview: Preview{
		Title:    "Errors in the dossier",
		Heading:  "The preview cannot be rebuilt",
		Errors:   Plural{One: "The dossier has 1 error.", Other: "The dossier has {n} errors."},
		Fix:      "Correct the place named and save the file: this page then reloads by itself.",
		Unplaced: "The build failed with an error that names no line (such as one in a template under templates/):",
		Fixed:    "Once it is fixed, this page reloads by itself.",
		Warnings: Plural{One: "1 notice (a warning; it does not stop publishing)", Other: "{n} notices (warnings; they do not stop publishing)"},
		LastGood: "See this page as it last built",
		Failed:   "Failed build: {t}. The guide docs/redaktion.md explains every message.",
	},
	Editor: englishEditor,
	Cite:   englishCite,
}

var englishEditor = &Editor{
	Toolbar: "Edit the selection", AddNote: "Add note", AddEvent: "Add event", AsActor: "As actor …",
	EditNote: "Edit", DeleteNote: "Delete",
	NewNote: "New note", ChangeNote: "Edit note", NewEvent: "New event", ActorTitle: "As actor",
	Passage: "Passage", Kind: "Kind", Text: "Text", TextHelp: "in Markdown",
	Actors: "Actors", Topics: "Topics", AddActor: "Find an actor, Enter adds it", AddTopic: "Find a topic, Enter adds it",
	Remove: "Remove:",
	Title:  "Title", Date: "Date", DateHelp: "2023-09-13, 2023-09, 2023, ~1982, 1950/1953, <2023-07",
	AliasOf: "Another spelling of", NewActor: "New actor", Name: "Name", ActorKind: "Kind of actor",
	Save: "Save", Cancel: "Cancel", Saving: "Saving …", Saved: "Saved: %s",
	ConfirmDelete: "Really delete %s? The file is removed.",
	Unknown:       "The dossier has no “%s”.",
	Conflict:      "The file was changed on disk meanwhile; nothing was written. What you typed is still in the form: copy it, and reload the page.",
	Forbidden:     "The preview refused to save; reload the page.",
	Failed:        "Saving failed:",
	Outdated:      "The page is older than the files; reload it.",
	Shortcut:      "Tab leads from the selection to the buttons",
	KindNames:     map[string]string{"context": "Context", "factcheck": "Fact check", "correction": "Correction", "translation": "Translation", "source": "Source"},
	ActorKinds:    map[string]string{"person": "Person", "state": "State", "organisation": "Organisation", "media": "Media"},
}

var englishCite = Cite{
	Heading: "Cite", Source: "The article", Page: "This page of the dossier", Note: "This note",
	Download: "Download for reference managers:",
	Range:    "To cite a passage, put its lines in the address, such as %s for lines 12 to 14.",
	In:       "In:", Commented: "Annotated in:", URL: "URL:",
	Data:      "Data",
	DataIntro: "The dossier's data for use in other tools: notes, timeline, network and actors.",
	File:      "File", Format: "Format", Contents: "Contents",
	License: "License:", NoLicense: "The dossier names no license; ask its editors before you pass the data on.",
	Contains: map[string]string{
		"data/annotations.jsonld": "every note with the passage it is on",
		"data/events.json":        "the timeline for TimelineJS",
		"data/network.graphml":    "actors and co-mentions for Gephi",
		"data/network.json":       "actors and co-mentions for d3",
		"data/actors.csv":         "the actors with kind, role and number of mentions",
		"data/events.csv":         "the events with date, actors, topics and sources",
	},
}
