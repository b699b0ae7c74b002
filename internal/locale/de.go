package locale

// German is the locale of German text, the default.
var German = &Locale{
	Code:   "de",
	Name:   "Deutsch",
	Quotes: Quotes{Open: "„", Close: "“", InnerOpen: "‚", InnerClose: "‘"},
	Editor: germanEditor,
	Cite:   germanCite,
}
