package search

import (
	"slices"
	"testing"
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
