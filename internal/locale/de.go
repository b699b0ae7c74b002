package locale

import (
	"strconv"

	snowball "github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/german"
)

// German is the locale of German text, the default.
var German = &Locale{
	Code:   "de",
	Name:   "Deutsch",
	Quotes: Quotes{Open: "„", Close: "“", InnerOpen: "‚", InnerClose: "‘"},
	Labels: &Labels{
		Lang: "de", OGLocale: "de_DE",
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
	Dates: Dates{
		Months: [12]string{"Januar", "Februar", "März", "April", "Mai", "Juni",
			"Juli", "August", "September", "Oktober", "November", "Dezember"},
		DayDot:   ".",
		Or:       "oder",
		Circa:    Phrase{"um", "um den"},
		Before:   Phrase{"vor", "vor dem"},
		After:    Phrase{"nach", "nach dem"},
		Between:  Phrase{"zwischen", "zwischen dem"},
		And:      Phrase{"und", "und dem"},
		Probably: "vermutlich",
	},
	Chart: Chart{
		Timeline:    "Zeitleiste",
		Network:     "Netz der Akteure",
		MonthsShort: [12]string{"Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."},
		Enlarged:    "vergrößert",
		Events:      Plural{One: "1 Ereignis", Other: "{n} Ereignissen"}, // dative: "mit 49 Ereignissen"
		Mentions:    Plural{One: "1 Erwähnung", Other: "{n} Erwähnungen"},
		Actors:      Plural{One: "1 Akteur", Other: "{n} Akteuren"},
		Links:       Plural{One: "1 Verbindung", Other: "{n} Verbindungen"},
		TimelineDesc: func(from, to, events string) string {
			return "Zeitleiste von " + from + " bis " + to + " mit " + events + "."
		},
		ZoomDesc: func(from, to, events string) string {
			return " Darunter vergrößert: " + from + " bis " + to + " mit " + events + "."
		},
		MiniDesc: func(from, to, events string) string {
			return "Kleine Zeitleiste von " + from + " bis " + to + " mit " + events + "."
		},
		NetworkDesc: func(actors, links, top string) string {
			s := "Netz aus " + actors + " und " + links + ", die im selben Absatz genannt werden."
			if top != "" {
				s += " Am häufigsten erwähnt: " + top + "."
			}
			return s
		},
		More:        Plural{One: "{n} weitere nicht gezeigt", Other: "{n} weitere nicht gezeigt"},
		ColActor:    "Akteur",
		ColMentions: "Erwähnungen",
		ColWith:     "Am häufigsten genannt mit (Absätze)",
	},
	Paging: &Paging{
		Pages:  "Seiten",
		PageOf: func(n, of int) string { return "Seite " + strconv.Itoa(n) + " von " + strconv.Itoa(of) },
		Prev:   "zurück", Next: "weiter",
		Newer: "neuere", Older: "ältere",
		Earlier: "früher", Later: "später",
		Months: "Monate",
		Part:   func(n int) string { return "Teil " + strconv.Itoa(n) },
		Latest: func(shown, of int) string {
			return "Die " + strconv.Itoa(shown) + " neuesten von " + strconv.Itoa(of) + "."
		},
		All:       func(n int) string { return "Alle " + strconv.Itoa(n) + " zeigen" },
		MostOften: "Am häufigsten in",
	},
	Search: Search{
		Stemmer: "german",
		Stem: func(folded string) string {
			env := snowball.NewEnv(folded)
			german.Stem(env)
			return env.Current()
		},
		// Snowball's German stop list, folded: articles, pronouns, auxiliaries,
		// conjunctions, prepositions.
		Stop: `
aber alle allem allen aller alles als also am an ander andere anderem anderen anderer
anderes anderm andern anderr anders auch auf aus bei bin bis bist da damit dann das dass
dasselbe dazu dein deine deinem deinen deiner deines dem demselben den denn denselben der
derer derselbe derselben des desselben dessen dich die dies diese dieselbe dieselben diesem
diesen dieser dieses dir doch dort du durch ein eine einem einen einer eines einig einige
einigem einigen einiger einiges einmal er es etwas euch euer eure eurem euren eurer eures
fur gegen gewesen hab habe haben hat hatte hatten hier hin hinter ich ihm ihn ihnen ihr
ihre ihrem ihren ihrer ihres im in indem ins ist jede jedem jeden jeder jedes jene jenem
jenen jener jenes jetzt kann kein keine keinem keinen keiner keines konnen konnte machen
man manche manchem manchen mancher manches mein meine meinem meinen meiner meines mich mir
mit muss musste nach nicht nichts noch nun nur ob oder ohne sehr sein seine seinem seinen
seiner seines selbst sich sie sind so solche solchem solchen solcher solches soll sollte
sondern sonst uber um und uns unser unsere unserem unseren unseres unter viel vom von vor
wahrend war waren warst was weg weil weiter welche welchem welchen welcher welches wenn
werde werden wie wieder will wir wird wirst wo wollen wollte wurde wurden zu zum zur zwar
zwischen
`,
	},
	Script: Script{
		Kinds:       map[string]string{"article": "Artikel", "note": "Anmerkungen", "actor": "Akteure", "topic": "Themen", "event": "Ereignisse"},
		Suggestions: "Suchvorschläge",
		Found:       Plural{One: "1 Treffer für „{q}“", Other: "{n} Treffer für „{q}“"},
		None:        "Keine Treffer für „{q}“.",
		All:         Plural{One: "Den Treffer auf der Suchseite zeigen", Other: "Alle {n} Treffer auf der Suchseite zeigen"},
		More:        "Weitere {n} zeigen",
		Options:     Plural{Zero: "Keine Vorschläge.", One: "1 Vorschlag.", Other: "{n} Vorschläge."},
		Enter:       "Suchbegriff eingeben.",
		Loading:     "Der Suchindex wird geladen …",
		Failed:      "Der Suchindex konnte nicht geladen werden.",
	},
	Preview: Preview{
		Title:    "Fehler im Dossier",
		Heading:  "Die Vorschau kann nicht neu gebaut werden",
		Errors:   Plural{One: "Das Dossier enthält 1 Fehler.", Other: "Das Dossier enthält {n} Fehler."},
		Fix:      "Korrigieren Sie die genannte Stelle und speichern Sie die Datei: Diese Seite lädt sich dann von selbst neu.",
		Unplaced: "Beim Bauen ist ein Fehler aufgetreten, der keiner Zeile zugeordnet ist (etwa in einer Vorlage unter templates/):",
		Fixed:    "Sobald er behoben ist, lädt sich diese Seite von selbst neu.",
		Warnings: Plural{One: "1 Hinweis (eine Warnung; sie verhindert die Veröffentlichung nicht)", Other: "{n} Hinweise (Warnungen; sie verhindern die Veröffentlichung nicht)"},
		LastGood: "Letzten funktionierenden Stand dieser Seite ansehen",
		Failed:   "Fehlgeschlagener Bau: {t}. Die Anleitung docs/redaktion.md erklärt jede Meldung.",
	},
	Editor: germanEditor,
	Cite:   germanCite,
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

var germanCite = Cite{
	Heading: "Zitieren", Source: "Der Artikel", Page: "Diese Seite im Dossier", Note: "Diese Anmerkung",
	Download: "Herunterladen für Literaturverwaltungen:",
	Range:    "Eine Passage zitieren Sie mit ihren Zeilen in der Adresse, etwa %s für die Zeilen 12 bis 14.",
	In:       "In:", Commented: "Kommentiert in:", URL: "URL:",
	Data:      "Daten",
	DataIntro: "Die Daten des Dossiers zum Weiterverwenden in anderen Werkzeugen: Anmerkungen, Chronik, Netzwerk und Akteure.",
	File:      "Datei", Format: "Format", Contents: "Inhalt",
	License: "Lizenz:", NoLicense: "Das Dossier nennt keine Lizenz; fragen Sie die Redaktion, bevor Sie die Daten weitergeben.",
	Contains: map[string]string{
		"data/annotations.jsonld": "jede Anmerkung mit der Textstelle, auf die sie sich bezieht",
		"data/events.json":        "die Chronik für TimelineJS",
		"data/network.graphml":    "Akteure und gemeinsame Nennungen für Gephi",
		"data/network.json":       "Akteure und gemeinsame Nennungen für d3",
		"data/actors.csv":         "die Akteure mit Art, Rolle und Zahl der Erwähnungen",
		"data/events.csv":         "die Ereignisse mit Datum, Akteuren, Themen und Belegstellen",
	},
}
