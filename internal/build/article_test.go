package build

import (
	"regexp"
	"strings"
	"testing"

	"dossier/internal/testdossier"
)

// TestArticleHead checks what a reader finds above an article's text: the introduction's
// first paragraph with the rest folded, links to the text and to the list of notes with
// the right plural, and for an introduction longer than a screen a contents box naming
// the introduction, the text's subheadings and the notes.
func TestArticleHead(t *testing.T) {
	long := strings.Repeat("Ein langer Absatz über die Herkunft des Textes, der Satz um Satz weitergeht. ", 30)
	src := testdossier.Write(t, `
-- content/dossier.md --
---
title: "Probe"
---
-- content/articles/kurz.md --
---
seed: a.txt
title: "Kurz eingeleitet"
---
Nur ein Satz der Einleitung.
-- content/articles/lang.md --
---
seed: b.txt
title: "Lang eingeleitet"
---
Die Zusammenfassung zuerst.

`+long+`
-- content/notes/eins.md --
---
article: kurz
quote: "Niemand sonst war da."
---
Eine Anmerkung.
-- content/notes/zwei.md --
---
article: lang
quote: "Erster Absatz des Textes."
---
Die erste.
-- content/notes/drei.md --
---
article: lang
quote: "Zweiter Absatz des Textes."
---
Die zweite.
-- seeds/a.txt --
Ein Treffen

Niemand sonst war da.
-- seeds/b.txt --
Ein langer Text

Erster Absatz des Textes.

Eine Zwischenzeile

Zweiter Absatz des Textes.
`)
	res := mustBuild(t, Config{Src: src})
	short, lang := mustFile(t, res, "articles/kurz.html"), mustFile(t, res, "articles/lang.html")

	for _, tc := range []struct {
		page, name, re string
		want           bool
	}{
		{short, "link to the text", `<a href="#L1">Zum Artikeltext ↓</a>`, true},
		{short, "one note, singular", `<a href="#h-notes">1 Anmerkung</a>`, true},
		{short, "the note list", `<h2 id="h-notes">Anmerkungen</h2>\s*<ol class="note-index">\s*<li class="note-context"><a href="#note-eins">`, true},
		{short, "nothing folded in a one-paragraph introduction", `<details class="intro-rest"`, false},
		{short, "no contents for a short introduction", `class="contents"`, false},
		{lang, "two notes, plural", `<a href="#h-notes">2 Anmerkungen</a>`, true},
		{lang, "the summary shown, the rest folded", `<h2 id="h-intro">Zur Quelle</h2>\s*<p>Die Zusammenfassung zuerst.</p>\s*<details class="intro-rest">\s*<summary><span class="more">Einleitung weiterlesen</span><span class="less">Einleitung einklappen</span></summary>\s*<p>Ein langer Absatz`, true},
		{lang, "contents", `<nav class="contents" aria-labelledby="h-contents">\s*<h2 id="h-contents">Inhalt</h2>\s*<ol>\s*<li><a href="#h-intro">Zur Quelle</a></li>\s*<li><a href="#h-text">Artikeltext</a>\s*<ol><li><a href="#L5">Eine Zwischenzeile</a></li></ol></li>\s*<li><a href="#h-notes">Anmerkungen</a></li>`, true},
	} {
		if got := regexp.MustCompile(tc.re).MatchString(tc.page); got != tc.want {
			t.Errorf("%s: found %v, want %v (%s)", tc.name, got, tc.want, tc.re)
		}
	}
}
