package render

// Labels are the words of the interface, in the site's language.
type Labels struct {
	Lang                                                          string
	Home, Articles, Actors, Topics, Timeline                      string
	Skip, Nav, Menu                                               string
	Intro, Text, Notes, Note, Events, Event, Mentions, Related    string
	Source, Original, Seed, Line, LineShort, Lines                string
	Passages, Profile, Overview, Aliases, Role                    string
	LatestEvents, MainActors, AllEvents, AllActors, AllTopics     string
	LatestArticles, AllArticles                                   string
	NoMentions, NoEvents, NoNotes, Times, NotesCount              string
	NotFound, NotFoundText, BackToNote, Cited, GoToEvent          string
	Gallery, Boilerplate, ArticleBy, Published, Publisher         string
	Permalink, CitePassage, NoteMore, NoteLess                    string
	IntroMore, IntroLess, ToText, Contents, NotesOne              string // NotesOne after 1, NotesCount after other numbers
	Network, NetworkPicture, TimelinePicture, OtherTopics         string
	NetworkIntro, TimelineList, NetworkTable, NetworkShown        string
	Search, SearchLabel, SearchTerm, SearchPlaceholder            string
	SearchNoJS, SearchNoJSActors, SearchNoJSMid, SearchNoJSTopics string
	ActorKinds                                                    map[string]string
	NoteKinds                                                     map[string]string
	KindPlural                                                    map[string]string
	Footer                                                        string
}

var labels = map[string]*Labels{
	"de": {
		Lang: "de",
		Home: "Start", Articles: "Artikel", Actors: "Akteure", Topics: "Themen", Timeline: "Chronik",
		Skip: "Zum Inhalt springen", Nav: "Hauptnavigation", Menu: "Menü",
		Intro: "Zur Quelle", Text: "Artikeltext", Notes: "Anmerkungen", Note: "Anmerkung", Events: "Ereignisse", Event: "Ereignis",
		Mentions: "Erwähnungen", Related: "Oft gemeinsam genannt",
		Source: "Quelle", Original: "Original", Seed: "Quelltext", Line: "Zeile", LineShort: "Z.", Lines: "Zeilen",
		Passages: "Textstellen", Profile: "Profil", Overview: "Überblick", Aliases: "Auch", Role: "Rolle",
		LatestEvents: "Neueste Ereignisse", MainActors: "Wichtige Akteure", AllEvents: "Alle Ereignisse in der Chronik",
		AllActors: "Alle Akteure", AllTopics: "Alle Themen",
		LatestArticles: "Neueste Artikel", AllArticles: "Alle Artikel",
		NoMentions: "In den Artikeln nicht namentlich erwähnt.", NoEvents: "Keine Ereignisse.", NoNotes: "Keine Anmerkungen.",
		Times: "×", NotesCount: "Anmerkungen",
		NotFound: "Seite nicht gefunden", NotFoundText: "Diese Seite gibt es nicht (mehr). Vielleicht hilft einer dieser Einstiege:",
		BackToNote: "zur Textstelle", Cited: "Beleg für", GoToEvent: "zum Ereignis",
		Gallery: "Bildergalerie", Boilerplate: "Seitenelemente (nicht Teil des Artikels)",
		ArticleBy: "von", Published: "erschienen", Publisher: "Medium",
		Permalink: "Link zur Anmerkung", CitePassage: "Passage zitieren", NoteMore: "weiterlesen", NoteLess: "einklappen",
		IntroMore: "Einleitung weiterlesen", IntroLess: "Einleitung einklappen", ToText: "Zum Artikeltext", Contents: "Inhalt", NotesOne: "Anmerkung",
		Network: "Netzwerk", NetworkPicture: "Netz der Akteure", TimelinePicture: "Zeitleiste der Ereignisse", OtherTopics: "weitere Themen",
		NetworkIntro: "Akteure als Knoten, nach Zahl der Erwähnungen gewichtet; eine Linie verbindet zwei Akteure, die im selben Absatz genannt werden, umso kräftiger, je öfter.",
		TimelineList: "Alle Ereignisse nach Jahren", NetworkTable: "Die Verbindungen als Tabelle",
		NetworkShown: "Das Bild zeigt die %d meistgenannten der %d Akteure; die Tabelle nennt alle.",
		Search:       "Suche", SearchLabel: "Dossier durchsuchen", SearchTerm: "Suchbegriff", SearchPlaceholder: "Suchen",
		SearchNoJS: "Die Suche braucht JavaScript. Ohne JavaScript finden Sie Personen, Staaten und Organisationen im", SearchNoJSActors: "Verzeichnis der Akteure",
		SearchNoJSMid: "und die Themen des Dossiers in der", SearchNoJSTopics: "Übersicht der Themen",
		ActorKinds: map[string]string{"person": "Personen", "state": "Staaten", "organisation": "Organisationen", "media": "Medien"},
		NoteKinds:  map[string]string{"context": "Kontext", "factcheck": "Faktencheck", "correction": "Korrektur", "translation": "Übersetzung", "source": "Quelle"},
		Footer:     "Zeilennummern verweisen auf den unveränderten Quelltext der Artikel.",
	},
	"en": {
		Lang: "en",
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
}
