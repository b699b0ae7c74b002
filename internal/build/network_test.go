package build

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"dossier/internal/testdossier"
)

// TestNetworkShowsMostNamed checks that the network pictures of a dossier with more actors
// than they can show apart draw the most often named, say so under the picture, and leave
// every actor to the table.
func TestNetworkShowsMostNamed(t *testing.T) {
	const actors = 120
	var archive, seed strings.Builder
	seed.WriteString("Ein Gespräch unter vielen\n\n")
	for i := 1; i <= actors; i++ {
		fmt.Fprintf(&archive, "-- content/actors/p%d.md --\n---\nname: \"Person %s\"\nkind: person\n---\n", i, word(i))
		// Person i is named 1 + i/10 times, so that the heaviest are the last.
		for range 1 + i/10 {
			fmt.Fprintf(&seed, "Heute sprach Person %s mit Person %s.\n\n", word(i), word(1+i%actors))
		}
	}
	archive.WriteString("-- content/dossier.md --\n---\ntitle: \"Netz\"\n---\n")
	archive.WriteString("-- content/articles/a.md --\n---\nseed: a.txt\ntitle: \"Gespräche\"\n---\n")
	archive.WriteString("-- seeds/a.txt --\n" + seed.String())
	src := testdossier.Write(t, archive.String())

	page := mustFile(t, mustBuild(t, Config{Src: src}), "network/index.html")
	wide, narrow, ok := strings.Cut(page, `<div class="narrow">`)
	if !ok {
		t.Fatalf("network page without a narrow picture:\n%s", page)
	}
	narrow, table, _ := strings.Cut(narrow, `id="h-table"`)
	node := regexp.MustCompile(`<circle class="mark"`)
	for _, c := range []struct {
		name, html string
		nodes      int
	}{{"wide", wide, 100}, {"narrow", narrow, 30}} {
		if got := len(node.FindAllString(c.html, -1)); got != c.nodes {
			t.Errorf("%s picture: %d circles, want the %d most often named", c.name, got, c.nodes)
		}
		note := fmt.Sprintf("Das Bild zeigt die %d meistgenannten der %d Akteure; die Tabelle nennt alle.", c.nodes, actors)
		if !strings.Contains(c.html, note) {
			t.Errorf("%s picture does not say %q", c.name, note)
		}
	}
	if !strings.Contains(wide, "Person "+word(actors)) || strings.Contains(wide, `>Person `+word(1)+`<`) {
		t.Errorf("wide picture: the most often named (Person %s) missing or the least (Person %s) drawn", word(actors), word(1))
	}
	for i := 1; i <= actors; i++ {
		if !strings.Contains(table, "Person "+word(i)+"<") {
			t.Errorf("the table leaves out Person %s", word(i))
		}
	}
}

// word spells i in letters (bijective base 26), so that names differ by more than a
// number.
func word(i int) string {
	var s string
	for ; i > 0; i /= 26 {
		i--
		s = string(rune('a'+i%26)) + s
	}
	return "X" + s
}
