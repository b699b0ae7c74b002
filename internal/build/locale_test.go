package build

import (
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	snowball "github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/french"

	"dossier/internal/locale"
	"dossier/internal/testdossier"
)

// french is a third language, as a newsroom adds one: one Locale value and nothing else.
// The words a reader sees first are French; every other string is English's marked
// ("fr:" and its letters turned by 13), so that a word that does not come from this value
// (German, English, or a label that some code spells out) shows in the output.
func frenchLocale() *locale.Locale {
	fr := &locale.Locale{}
	translate(reflect.ValueOf(fr).Elem(), reflect.ValueOf(locale.English).Elem())
	fr.Code, fr.Name = "fr", "Français"
	fr.Quotes = locale.Quotes{Open: "« ", Close: " »", InnerOpen: "‹ ", InnerClose: " ›"}
	l := fr.Labels
	l.Lang, l.OGLocale = "fr", "fr_FR"
	l.Home, l.Articles, l.Actors, l.Topics, l.Timeline = "Accueil", "Les articles", "Acteurs", "Thèmes", "Chronologie"
	l.Skip, l.Nav, l.Search = "Aller au contenu", "Navigation principale", "Recherche"
	fr.Dates = locale.Dates{
		Months: [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
		Or:     "ou", Circa: locale.Phrase{Period: "vers", Day: "vers le"}, Before: locale.Phrase{Period: "avant", Day: "avant le"},
		After: locale.Phrase{Period: "après", Day: "après le"}, Between: locale.Phrase{Period: "entre", Day: "entre le"},
		And: locale.Phrase{Period: "et", Day: "et le"}, Probably: "probablement",
	}
	fr.Chart.MonthsShort = [12]string{"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."}
	fr.Chart.Events = locale.Plural{Zero: "{n} événement", One: "{n} événement", Other: "{n} événements"}
	fr.Chart.TimelineDesc = func(from, to, events string) string {
		return "Chronologie de " + from + " à " + to + " avec " + events + "."
	}
	fr.Chart.ZoomDesc = func(from, to, events string) string {
		return " Agrandi : de " + from + " à " + to + " avec " + events + "."
	}
	fr.Chart.MiniDesc = func(from, to, events string) string {
		return "Petite chronologie de " + from + " à " + to + " avec " + events + "."
	}
	fr.Chart.NetworkDesc = func(actors, links, top string) string { return "Réseau de " + actors + " et " + links + "." }
	p := fr.Paging
	p.PageOf = func(n, of int) string { return "Page " + strconv.Itoa(n) + " sur " + strconv.Itoa(of) }
	p.Part = func(n int) string { return "partie " + strconv.Itoa(n) }
	p.Latest = func(shown, of int) string {
		return "Les " + strconv.Itoa(shown) + " plus récents sur " + strconv.Itoa(of) + "."
	}
	p.All = func(n int) string { return "Afficher les " + strconv.Itoa(n) }
	fr.Search = locale.Search{
		Stemmer: "french", // search.js has none: it matches French words by their beginnings
		Stem: func(folded string) string {
			env := snowball.NewEnv(folded)
			french.Stem(env)
			return env.Current()
		},
		Stop: "au aux avec ce ces dans de des du elle en et eux il je la le les leur lui ma mais me meme mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous",
	}
	fr.Script.Suggestions = "Suggestions de recherche"
	fr.Script.Found = locale.Plural{One: "{n} résultat pour « {q} »", Other: "{n} résultats pour « {q} »"}
	return fr
}

var placeholder = regexp.MustCompile(`\{[a-z]\}|%[sd]`)

// marked is s marked as the test locale's: "fr:" and its letters turned by 13, the
// placeholders kept.
func marked(s string) string {
	if s == "" {
		return ""
	}
	var b strings.Builder
	b.WriteString("fr:")
	last := 0
	for _, m := range placeholder.FindAllStringIndex(s, -1) {
		b.WriteString(rot13(s[last:m[0]]))
		b.WriteString(s[m[0]:m[1]])
		last = m[1]
	}
	b.WriteString(rot13(s[last:]))
	return b.String()
}

func rot13(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z':
			return 'a' + (r-'a'+13)%26
		case r >= 'A' && r <= 'Z':
			return 'A' + (r-'A'+13)%26
		}
		return r
	}, s)
}

// translate sets dst to src with every string marked; funcs are left nil, for
// frenchLocale to write (a build with one left nil fails).
func translate(dst, src reflect.Value) {
	switch src.Kind() {
	case reflect.Pointer:
		if !src.IsNil() {
			dst.Set(reflect.New(src.Type().Elem()))
			translate(dst.Elem(), src.Elem())
		}
	case reflect.Struct:
		for i := 0; i < src.NumField(); i++ {
			translate(dst.Field(i), src.Field(i))
		}
	case reflect.Array:
		for i := 0; i < src.Len(); i++ {
			translate(dst.Index(i), src.Index(i))
		}
	case reflect.Map:
		dst.Set(reflect.MakeMap(src.Type()))
		for _, k := range src.MapKeys() {
			dst.SetMapIndex(k, reflect.ValueOf(marked(src.MapIndex(k).String())))
		}
	case reflect.String:
		dst.SetString(marked(src.String()))
	}
}

// strings returns every string of v, a locale or part of one.
func localeStrings(v reflect.Value, out *[]string) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			localeStrings(v.Elem(), out)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			localeStrings(v.Field(i), out)
		}
	case reflect.Array:
		for i := 0; i < v.Len(); i++ {
			localeStrings(v.Index(i), out)
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			localeStrings(v.MapIndex(k), out)
		}
	case reflect.String:
		*out = append(*out, v.String())
	}
}

// TestThirdLanguage builds a dossier in a language the tool does not ship, given as one
// Locale in Config.Locales: its words are on the pages, in the search words and the
// pictures, its quotation marks in the editors' text, its stemmer in the index; and no
// German or English word of the interface is left anywhere.
func TestThirdLanguage(t *testing.T) {
	fr := frenchLocale()
	src := testdossier.Write(t, `
-- content/dossier.md --
---
title: "Essai"
language: fr
---
Un dossier "très 'petit'" sur la Corée.
-- content/articles/journal.md --
---
seed: j.txt
title: "Rencontre au sommet"
publisher: "Le Journal"
published: 2023-09-13
---
Une introduction.
-- content/actors/kim-jong-un.md --
---
name: Kim Jong-un
kind: person
---
Dirigeant.
-- content/topics/diplomatie.md --
---
title: Diplomatie
keywords: ["sommet"]
---
-- content/notes/rencontre.md --
---
article: journal
quote: "Kim Jong-un est arrivé"
actors: [kim-jong-un]
topics: [diplomatie]
---
Une note "citée".
-- content/events/sommet-2023.md --
---
date: 2023-09-13
title: "Sommet de Vostotchny"
actors: [kim-jong-un]
topics: [diplomatie]
sources:
  - article: journal
    quote: "Kim Jong-un est arrivé"
---
-- seeds/j.txt --
Rencontre au sommet

Kim Jong-un est arrivé au cosmodrome pour le sommet des dirigeants.
`)
	res := mustBuild(t, Config{Src: src, Locales: locale.Set{locale.German, locale.English, fr}})
	for path, want := range map[string][]string{
		"index.html": {`<html lang="fr">`, `og:locale" content="fr_FR"`, ">Accueil</a>", ">Les articles</a>", ">Chronologie</a>",
			"Aller au contenu", "Un dossier « très ‹ petit › » sur la Corée.", "13 septembre 2023"},
		"timeline/index.html":     {"Chronologie de 2023 à 2023 avec 1 événement.", "13 septembre 2023"},
		"actors/kim-jong-un.html": {"Une note « citée ».", "fr:"},
		"static/search-words.js":  {`"lang":"fr"`, "Suggestions de recherche", "résultats pour « {q} »"},
		"static/search-index.js":  {`"stem":["french"]`, `"sommet"`, `"dirig"`}, // "dirigeants" stemmed in French
	} {
		page := mustFile(t, res, path)
		for _, w := range want {
			if !strings.Contains(page, w) {
				t.Errorf("%s lacks %q", path, w)
			}
		}
	}
	// No word of German's or English's interface: every string of theirs that is not
	// also the test locale's, a name or a number.
	var mine, theirs []string
	localeStrings(reflect.ValueOf(fr).Elem(), &mine)
	localeStrings(reflect.ValueOf(locale.German).Elem(), &theirs)
	localeStrings(reflect.ValueOf(locale.English).Elem(), &theirs)
	own := map[string]bool{}
	for _, s := range mine {
		own[s] = true
	}
	words := regexp.MustCompile(`\pL{4,}`)
	leaks := map[string]bool{}
	for _, s := range theirs {
		if own[s] || !words.MatchString(s) || strings.ContainsAny(s, "{%") || len(s) < 6 {
			continue // a shared word, a date example, a pattern
		}
		switch s {
		case "Original", "Organisation", "Organisationen", "Person", "Profil", "Medium", "Kontext", "Format", "Context", "Source", "Media",
			"Timeline", "Profile": // TimelineJS, a format's name; schema.org's ProfilePage
			continue // words the test locale's marked strings, names or content may hold as well
		}
		for _, f := range res.Files {
			// The scripts are the tool's, in English comments; their words are search-words.js.
			if !strings.HasSuffix(f.Path, ".html") && !strings.HasSuffix(f.Path, ".xml") && f.Path != "static/search-words.js" {
				continue
			}
			if i := strings.Index(string(f.Data), s); i >= 0 && !leaks[s] {
				leaks[s] = true
				t.Errorf("%s has %q, a word of another locale: …%s…", f.Path, s, f.Data[max(0, i-60):min(len(f.Data), i+len(s)+20)])
			}
		}
	}
}
