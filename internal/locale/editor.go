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

var germanEditor = &Editor{
	Toolbar: "Auswahl bearbeiten", AddNote: "Notiz hinzufügen", AddEvent: "Ereignis hinzufügen", AsActor: "Als Akteur …",
	EditNote: "Bearbeiten", DeleteNote: "Löschen",
	NewNote: "Neue Notiz", ChangeNote: "Notiz bearbeiten", NewEvent: "Neues Ereignis", ActorTitle: "Als Akteur",
	Passage: "Textstelle", Kind: "Art", Text: "Text", TextHelp: "in Markdown",
	Actors: "Akteure", Topics: "Themen", AddActor: "Akteur suchen und mit Enter hinzufügen", AddTopic: "Thema suchen und mit Enter hinzufügen",
	Remove: "Entfernen:",
	Title:  "Titel", Date: "Datum", DateHelp: "2023-09-13, 2023-09, 2023, ~1982, 1950/1953, <2023-07",
	AliasOf: "Weitere Schreibweise von", NewActor: "Neuer Akteur", Name: "Name", ActorKind: "Art des Akteurs",
	Save: "Speichern", Cancel: "Abbrechen", Saving: "Wird gespeichert …", Saved: "Gespeichert: %s",
	ConfirmDelete: "%s wirklich löschen? Die Datei wird entfernt.",
	Unknown:       "„%s“ gibt es im Dossier nicht.",
	Conflict:      "Die Datei wurde inzwischen auf der Festplatte geändert; nichts wurde geschrieben. Ihre Eingaben stehen noch im Formular: kopieren Sie sie, und laden Sie die Seite neu.",
	Forbidden:     "Die Vorschau hat das Speichern abgelehnt; laden Sie die Seite neu.",
	Failed:        "Speichern fehlgeschlagen:",
	Outdated:      "Die Seite ist älter als die Dateien; laden Sie sie neu.",
	Shortcut:      "Tab führt von der Auswahl zu den Knöpfen",
	KindNames:     map[string]string{"context": "Kontext", "factcheck": "Faktencheck", "correction": "Korrektur", "translation": "Übersetzung", "source": "Quelle"},
	ActorKinds:    map[string]string{"person": "Person", "state": "Staat", "organisation": "Organisation", "media": "Medium"},
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
