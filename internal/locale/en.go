package locale

// English is the locale of English text.
var English = &Locale{
	Code:   "en",
	Name:   "English",
	Quotes: Quotes{Open: "“", Close: "”", InnerOpen: "‘", InnerClose: "’"},
	Editor: englishEditor,
	Cite:   englishCite,
}
