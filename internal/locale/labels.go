package locale

// Labels are the words of the pages' interface: navigation, headings, the words around
// lists and links. Templates see them as .L.
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
	OGLocale                                                      string // the language and region as Open Graph writes them: "de_DE"
	Footer                                                        string
}
