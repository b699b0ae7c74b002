package mention

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Language is how a language inflects the words of names in running text.
type Language struct {
	Code string
	// Noun are the endings any capitalised word of a name may take: "Putins",
	// "des Sicherheitsrats", "Russia's" (folded "russias"); AfterE those of a word that
	// ends in e ("des Namens"), AfterConsonant those of a word that ends in a consonant
	// ("des Rates", "den Staaten"). "Korea" takes neither -n nor -en: "North Korean" is
	// an adjective, not the country.
	Noun, AfterE, AfterConsonant []string
	// Adjective are the endings of an adjective before the last word of a name, which
	// replace each other: "Nationaler" stands as "Nationalen", "Vereinte" as "Vereinten".
	Adjective []string
	// Acronym are the endings a name in capitals may take: "des IWFs", "the UN's".
	Acronym []string
}

// The languages with rules. Their endings are deliberately few: a form that no text
// writes costs nothing, but one that is another word ("Chinese" for China, "ukrainische"
// for Ukraine) links what is no mention, so no rule makes adjectives or demonyms of
// names.
var (
	German = &Language{
		Code:           "de",
		Noun:           []string{"s"},
		AfterE:         []string{"n", "ns"},
		AfterConsonant: []string{"es", "en", "e"},
		Adjective:      []string{"e", "en", "er", "es", "em"},
		Acronym:        []string{"s"},
	}
	English = &Language{
		Code:    "en",
		Noun:    []string{"s"},
		Acronym: []string{"s"},
	}
	// plain is for a language without rules: names as they are written, and the
	// possessive s most languages in Latin script know.
	plain = &Language{Noun: []string{"s"}, Acronym: []string{"s"}}
)

// LanguageOf returns the rules for the language with the code (a BCP 47 tag such as
// "de", "de-CH" or "en-GB": its language part counts).
func LanguageOf(code string) *Language {
	base, _, _ := strings.Cut(strings.ToLower(code), "-")
	base, _, _ = strings.Cut(base, "_")
	switch base {
	case "de":
		return German
	case "en":
		return English
	}
	return plain
}

// forms returns the forms the word w of a name may take, w itself first; last says
// whether it is the name's last word.
func (l *Language) forms(w nameWord, last bool) []string {
	out := []string{w.text}
	if !w.capital && !last || utf8.RuneCountInString(w.text) < 2 {
		return out // "der", "für", "of": as written; but "Kim Jong-uns"
	}
	add := func(f string) {
		for _, o := range out {
			if o == f {
				return
			}
		}
		out = append(out, f)
	}
	if w.acronym {
		for _, e := range l.Acronym {
			add(w.text + e)
		}
		return out
	}
	if !last && utf8.RuneCountInString(w.text) >= 5 {
		for _, e := range l.Adjective {
			if stem, ok := strings.CutSuffix(w.text, e); ok {
				for _, e := range l.Adjective {
					add(stem + e)
				}
				break
			}
		}
	}
	for _, e := range l.Noun {
		add(w.text + e)
	}
	end, _ := utf8.DecodeLastRuneInString(w.text)
	switch {
	case end == 'e':
		for _, e := range l.AfterE {
			add(w.text + e)
		}
	case !strings.ContainsRune("aeiouyäöü", end) && unicode.IsLetter(end):
		for _, e := range l.AfterConsonant {
			add(w.text + e)
		}
	}
	return out
}

// Forms returns the folded forms that the name may take in the language, each a list of
// words: every combination of the forms of its words, at most limit of them.
func (l *Language) Forms(name string, limit int) [][]string {
	words := nameWords(name)
	out := [][]string{nil}
	for i, w := range words {
		var next [][]string
		for _, f := range l.forms(w, i == len(words)-1) {
			for _, o := range out {
				if len(next) < limit {
					next = append(next, append(o[:len(o):len(o)], f))
				}
			}
		}
		out = next
	}
	if len(words) == 0 {
		return nil
	}
	return out
}
