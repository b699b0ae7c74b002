package search

import (
	"slices"
	"testing"
	"unicode/utf8"
)

func TestDerived(t *testing.T) {
	// The words that stand on their own in this small corpus.
	a := newAnalyzer()
	for _, w := range []string{"munition", "artillerie", "vorrate", "krieg", "wirtschaft", "nordkorea",
		"schoigu", "rat", "ende", "sicherheit", "welt", "raum", "bahnhof", "waffen", "lieferungen", "der"} {
		a.learn(w)
	}
	tests := []struct {
		word string
		want []string
	}{
		{"artilleriemunition", []string{"artilleri", "munition"}},
		{"munitionsvorrate", []string{"munition", "vorrat"}},     // linking -s-; not "rat" from "rate"
		{"kriegswirtschaft", []string{"krieg", "wirtschaft"}},    // linking -s-
		{"waffenlieferungen", []string{"liefer", "waff"}},        // "-en" is the plural the stemmer removes
		{"weltraumbahnhof", []string{"bahnhof", "raum", "welt"}}, // "weltraum" is not a word here, its parts are
		{"nordkoreas", []string{"nordkorea"}},                    // genitive -s after a vowel
		{"schoigus", []string{"schoigu"}},
		{"nordkoreanische", []string{"nordkorea"}},
		{"sicherheitsrat", []string{"sich"}}, // "Rat" is too short to be a part
		{"legende", nil},                     // nor "Ende"
		{"munition", nil},                    // a word is not its own part
		{"derart", nil},                      // stop words are no parts
		{"kriegs2023", nil},                  // nor are numbers compounds
		{"wirtschaftskrieg", []string{"krieg", "wirtschaft"}},
	}
	for _, tt := range tests {
		if got := a.derivedTerms(tt.word); !slices.Equal(got, tt.want) {
			t.Errorf("derivedTerms(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}

// TestSplitAsReference holds split, which stems only the heads and tails that begin with a
// known stem, to referenceSplit, which stems them all, on every word of the shipped
// dossier, of the random docs and of compounds whose head is a known word and an s the
// stemmer keeps: in "schoigus|raumbahn" only the rest without the s yields "raum".
func TestSplitAsReference(t *testing.T) {
	linking := []Doc{{Text: "Schoigu Raum Schoigusraumbahn Nordkorea Gipfel Nordkoreasgipfel"}}
	for name, docs := range map[string][]Doc{"shipped": shippedDocs(t), "random": randomDocs(2000), "linking": linking} {
		a := newAnalyzer()
		var folded []string
		for _, d := range docs {
			for _, s := range []string{d.Text, d.Keywords, d.title()} {
				for _, w := range words(s) {
					f := fold(w.s)
					a.learn(f)
					folded = append(folded, f)
				}
			}
		}
		memo := make(map[string][]string)
		compounds := 0
		for _, f := range folded {
			got, want := a.split(f), referenceSplit(a, f, memo)
			if !slices.Equal(got, want) {
				t.Errorf("%s: split(%q) = %q, want %q", name, f, got, want)
			}
			if len(got) > 0 {
				compounds++
			}
		}
		if compounds < 2 {
			t.Errorf("%s: only %d words have parts; the test proves little", name, compounds)
		}
	}
}

// referenceSplit is split as the package documentation says it: every cut of f, its head
// with and without a linking s and its tail stemmed and looked up. memo holds its answers.
func referenceSplit(a *analyzer, f string, memo map[string][]string) []string {
	if ps, ok := memo[f]; ok {
		return ps
	}
	memo[f] = nil
	n := utf8.RuneCountInString(f)
	if n < minPart+minRest || !onlyLetters(f) {
		return nil
	}
	var ps []string
	found := func(part, st, rest string) {
		ps = append(ps, st)
		ps = append(ps, referenceSplit(a, part, memo)...)
		ps = append(ps, referenceSplit(a, rest, memo)...)
	}
	cuts := runeOffsets(f)
	for i := minPart; i <= n-minRest; i++ {
		head, rest := f[:cuts[i]], f[cuts[i]:]
		if st := stem(head); a.isPart(st) {
			found(head, st, rest)
		} else if head[len(head)-1] == 's' && i-1 >= minPart {
			if st := stem(head[:len(head)-1]); a.isPart(st) {
				found(head[:len(head)-1], st, rest)
			}
		}
	}
	for i := minRest; i <= n-minPart; i++ {
		rest, tail := f[:cuts[i]], f[cuts[i]:]
		if st := stem(tail); a.isPart(st) {
			found(tail, st, rest)
		}
	}
	slices.Sort(ps)
	ps = slices.Compact(ps)
	memo[f] = ps
	return ps
}
