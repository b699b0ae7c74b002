package build

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"dossier/internal/testdossier"
)

// TestEnglishSite builds the shipped dossier with `language: en` in content/dossier.md:
// the pages, dates, pictures, search words and quotation marks are English, and the
// German articles' text keeps its own language, marked so.
func TestEnglishSite(t *testing.T) {
	src := t.TempDir()
	for _, dir := range []string{"seeds", "content"} {
		testdossier.CopyDir(t, filepath.Join(repoRoot, dir), filepath.Join(src, dir))
	}
	site := filepath.Join(src, "content/dossier.md")
	b, err := os.ReadFile(site)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(b), "\nlanguage: de\n", "\nlanguage: en\n", 1)
	// The editors' straight quotes, which the shipped texts do not use.
	s = strings.Replace(s, "\n## So liest man das Dossier", "\nThe \"quoted 'inner' words\" of an editor.\n\n## So liest man das Dossier", 1)
	if s == string(b) || !strings.Contains(s, "language: en") {
		t.Fatal("content/dossier.md changed: no `language: de` or no heading to write before")
	}
	testdossier.WriteFile(t, site, s)
	res := mustBuild(t, Config{Src: src})

	for path, want := range map[string][]string{
		"index.html": {`<html lang="en">`, `<a class="skip" href="#main">Skip to content</a>`, `aria-label="Main navigation"`,
			`>Home</a>`, `>Articles</a>`, `>Actors</a>`, `>Topics</a>`, `>Timeline</a>`, `placeholder="Search"`,
			"The “quoted ‘inner’ words” of an editor.", `og:locale" content="en_GB"`},
		"timeline/index.html":                            {"13 September 2023", "Timeline from ", `<q lang="de">`},
		"articles/frankfurter-rundschau-2024-06-19.html": {`<h1 lang="de">`, `<section class="seed" lang="de"`, "19 June 2024", ">Notes</h2>"},
		"actors/wladimir-putin.html":                     {`<ul class="mentions">`, `<span lang="de">`, `<h3 lang="de">`, ">Mentions "},
		"search/index.html":                              {`<html lang="en">`, "Search needs JavaScript."},
		"static/search-words.js":                         {`"lang":"en"`, `"suggestions":"Search suggestions"`, `"other":"{n} results for “{q}”"`},
		"atom.xml":                                       {`xml:lang="en"`, "Context: „"}, // a German passage in German marks
		"static/search-index.js":                         {`"stem":["german","english"]`}, // the articles German, the rest English
	} {
		page := mustFile(t, res, path)
		for _, w := range want {
			if !strings.Contains(page, w) {
				t.Errorf("%s lacks %q", path, w)
			}
		}
	}
	// No German word of the interface on any page: the labels that only German has.
	german := []string{"Zum Inhalt springen", "Hauptnavigation", "Dossier durchsuchen", "Suchbegriff", "Zeitleiste der Ereignisse", "Zeitleiste von ", "Kleine Zeitleiste",
		"Oft gemeinsam genannt", "Alle Ereignisse", "Zeilennummern verweisen", "Anmerkungen</h2>", "Erwähnungen <span",
		"Suchvorschläge", "Treffer", `lang="de"><head>`, "de_DE"}
	for _, f := range res.Files {
		if !strings.HasSuffix(f.Path, ".html") && f.Path != "static/search-words.js" {
			continue
		}
		for _, w := range german {
			if strings.Contains(string(f.Data), w) {
				t.Errorf("%s has the German %q", f.Path, w)
			}
		}
	}
}

// TestArticleLanguage: an English article in a German dossier is marked lang="en" wherever
// its text is shown (its page, the passages on actor, topic and timeline pages, the notes
// listed), its passages are quoted in English marks, and a German article is not marked.
func TestArticleLanguage(t *testing.T) {
	src := testdossier.Write(t, `
-- content/dossier.md --
---
title: "Probe"
---
-- content/articles/wire.md --
---
seed: en.txt
title: "Sanctions on Pyongyang"
language: en
---
-- content/articles/blatt.md --
---
seed: de.txt
title: "Sanktionen gegen Pjöngjang"
---
-- content/actors/nordkorea.md --
---
name: Nordkorea
kind: state
aliases: ["North Korea"]
---
-- content/topics/sanktionen.md --
---
title: Sanktionen
keywords: ["sanctions", "Sanktionen"]
---
-- content/notes/wire-note.md --
---
article: wire
quote: "new sanctions against North Korea"
topics: [sanktionen]
actors: [nordkorea]
---
Eine Anmerkung zur Meldung.
-- content/events/sanktionen-2024.md --
---
date: 2024-03-01
title: "Neue Sanktionen"
actors: [nordkorea]
topics: [sanktionen]
sources:
  - article: wire
    quote: "new sanctions against North Korea"
  - article: blatt
    quote: "neue Sanktionen gegen Nordkorea"
---
-- seeds/en.txt --
Sanctions on Pyongyang

The council agreed on new sanctions against North Korea on Friday.
-- seeds/de.txt --
Sanktionen gegen Pjöngjang

Der Rat beschloss neue Sanktionen gegen Nordkorea.
`)
	res := mustBuild(t, Config{Src: src})
	for path, want := range map[string][]string{
		"articles/wire.html":     {`<html lang="de">`, `<h1 lang="en">Sanctions on Pyongyang</h1>`, `<section class="seed" lang="en"`, `<q lang="en">new sanctions`},
		"actors/nordkorea.html":  {`<h3 lang="en"><a href="../articles/wire.html">`, `<span lang="en">The council`, `<blockquote lang="en"><p>new sanctions`},
		"topics/sanktionen.html": {`<h3 lang="en"><a href="../articles/wire.html">`, `<span lang="en">`, `<blockquote lang="en">`},
		"timeline/index.html":    {`<q lang="en">new sanctions against North Korea</q>`, `<q>neue Sanktionen gegen Nordkorea</q>`},
		"atom.xml":               {"Kontext: “new sanctions against North Korea”"},
		"articles/blatt.html":    {`<h1>Sanktionen gegen Pjöngjang</h1>`, `<section class="seed" aria-labelledby`},
		"static/search-words.js": {`"lang":"de"`},
		"static/search-index.js": {`"sanction"`, `"council"`, `"german"`, `"english"`, `on Friday.","en"]`}, // "sanctions", "council" stemmed as English, the German text as German
	} {
		page := mustFile(t, res, path)
		for _, w := range want {
			if !strings.Contains(page, w) {
				t.Errorf("%s lacks %q", path, w)
			}
		}
	}
	// The German article's passages are not marked English.
	for _, path := range []string{"actors/nordkorea.html", "topics/sanktionen.html"} {
		page := mustFile(t, res, path)
		if m := regexp.MustCompile(`<span lang="en">Der Rat`).FindString(page); m != "" {
			t.Errorf("%s marks the German passage English: %s", path, m)
		}
	}
}
