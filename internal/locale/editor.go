package locale

// Editor is the words of the preview's editing forms (`dossier serve`), which only editors
// see. Each is a label, a button or a message; KindNames name the kinds of notes and
// ActorKinds the kinds of actors, by the kind as the content format writes it.
type Editor struct {
	Toolbar                               string // the label of the buttons shown on a selection
	AddNote, AddEvent, AsActor            string // the buttons
	EditNote, DeleteNote                  string // on each note card
	NewNote, ChangeNote, NewEvent         string // form titles
	ActorTitle                            string
	Passage, Kind, Text, TextHelp         string
	Actors, Topics, AddActor, AddTopic    string // AddActor, AddTopic: the type-ahead inputs' hints
	Remove                                string // on a chosen actor or topic, before its name
	Title, Date, DateHelp                 string
	AliasOf, NewActor, Name, ActorKind    string
	Save, Cancel, Saving, Saved           string
	ConfirmDelete                         string // %s is the note's kind and number
	Unknown                               string // %s is what was typed
	Conflict, Forbidden, Failed, Outdated string
	Shortcut                              string // how to reach the buttons from a selection
	KindNames                             map[string]string
	ActorKinds                            map[string]string
}
