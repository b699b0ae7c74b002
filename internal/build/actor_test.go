package build

import (
	"regexp"
	"slices"
	"testing"

	"dossier/internal/testdossier"
)

// TestActorMentionsBySentence checks that an actor's page lists each sentence that names
// the actor once, every name in it in bold, however often the sentence names the actor.
func TestActorMentionsBySentence(t *testing.T) {
	src := testdossier.Write(t, `
-- content/dossier.md --
---
title: "Probe"
---
-- content/articles/a.md --
---
seed: a.txt
title: "Ein Treffen"
---
-- content/actors/wladimir-putin.md --
---
name: "Wladimir Putin"
kind: person
aliases: [Putin]
---
-- seeds/a.txt --
Ein Treffen

Putin traf Kim, und Putins Gast lachte. Später sprach Putin allein.

Niemand sonst war da.

Am Ende reiste Wladimir Putin ab.
`)
	page := mustFile(t, mustBuild(t, Config{Src: src}), "actors/wladimir-putin.html")
	var items []string
	for _, m := range regexp.MustCompile(`<li><a class="ln" href="[^"]*">Z\. \d+</a> (.*?)</li>`).FindAllStringSubmatch(page, -1) {
		items = append(items, m[1])
	}
	want := []string{
		"<strong>Putin</strong> traf Kim, und <strong>Putins</strong> Gast lachte.",
		"Später sprach <strong>Putin</strong> allein.",
		"Am Ende reiste <strong>Wladimir Putin</strong> ab.",
	}
	if !slices.Equal(items, want) {
		t.Errorf("mentions on the actor page:\n%q\nwant\n%q", items, want)
	}
	if !regexp.MustCompile(`Erwähnungen <span class="count">4</span>`).MatchString(page) {
		t.Errorf("the page does not count 4 mentions")
	}
}
