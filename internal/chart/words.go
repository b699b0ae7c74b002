package chart

import "dossier/internal/locale"

// words are what the charts write, in the page's language: the locale's chart words and
// its months.
type words struct {
	locale.Chart
	months [12]string
}

// wordsFor returns the words of the locale l, German's if l is nil.
func wordsFor(l *locale.Locale) *words {
	if l == nil {
		l = locale.German
	}
	return &words{Chart: l.Chart, months: l.Dates.Months}
}
