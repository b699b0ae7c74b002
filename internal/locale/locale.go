// Package locale holds, for each language a dossier or an article can be written in, every
// word and typographic rule the site uses for it: one Locale value per language.
//
// The dossier's language (`language:` in content/dossier.md) gives the site's Locale: the
// pages' labels, dates, the pictures' words, the quotation marks of editors' texts, the
// scripts' words and the preview's. An article's language (`language:` in its file, the
// dossier's if it has none) gives its Locale: the lang attribute wherever its text is
// shown, the quotation marks around its passages, and the stemmer and stop words its words
// are indexed with.
//
// Adding a language is one file, like de.go or en.go, holding its Locale with every field
// translated, and its entry in Builtin. TestComplete fails for a field left empty.
package locale

import (
	"slices"
	"strconv"
	"strings"
)

// A Locale is one language's words and rules.
type Locale struct {
	Code string // ISO 639-1, as in <html lang> and in front matter: "de"
	Name string // the language's name in itself: "Deutsch"

	// Quotes are the quotation marks its text is typeset with.
	Quotes Quotes

	Labels  *Labels // of the pages
	Dates   Dates   // dates at each precision
	Chart   Chart   // of the pictures
	Paging  *Paging // of lists too long for one page
	Search  Search  // how the search index treats its words
	Script  Script  // of static/search.js
	Preview Preview // of the preview's error page

	// Editor is the words of the preview's editing forms.
	Editor *Editor

	// Cite is the words of citations and the data page.
	Cite Cite
}

// Quotes are a language's quotation marks: Open and Close around a quotation, InnerOpen
// and InnerClose around one inside it.
type Quotes struct {
	Open, Close, InnerOpen, InnerClose string
}

// Quote returns s between the outer quotation marks.
func (q Quotes) Quote(s string) string { return q.Open + s + q.Close }

// A Set is the languages a build knows, the first its default.
type Set []*Locale

// Builtin is the languages the tool ships with, German first: it is the default.
var Builtin = Set{German, English}

// Lookup returns the locale of code, or false if the set has none.
func (s Set) Lookup(code string) (*Locale, bool) {
	i := slices.IndexFunc(s, func(l *Locale) bool { return l.Code == code })
	if i < 0 {
		return nil, false
	}
	return s[i], true
}

// Codes returns the codes of the set's languages, in its order.
func (s Set) Codes() []string {
	codes := make([]string, len(s))
	for i, l := range s {
		codes[i] = l.Code
	}
	return codes
}

// Default returns the set's default locale, its first.
func (s Set) Default() *Locale { return s[0] }

// Lookup returns the built-in locale of code, or false if there is none.
func Lookup(code string) (*Locale, bool) { return Builtin.Lookup(code) }

// Codes returns the codes of the built-in languages: "de", "en".
func Codes() []string { return Builtin.Codes() }

// Unknown returns the message for a language code the set does not have, naming the codes
// it has.
func (s Set) Unknown(code string) string {
	return "language " + strconv.Quote(code) + " is not supported; use one of: " + strings.Join(s.Codes(), ", ")
}
