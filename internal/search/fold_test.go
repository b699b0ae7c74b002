package search

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Pjöngjang", "pjongjang"},
		{"Pjongjang", "pjongjang"},
		{"PJÖNGJANG", "pjongjang"},
		{"Pjo\u0308ngjang", "pjongjang"}, // decomposed ö
		{"Straße", "strasse"},
		{"STRASSE", "strasse"},
		{"ẞ", "ss"},
		{"Südkorea", "sudkorea"},
		{"Kühl", "kuhl"},
		{"Artil\u00adlerie", "artillerie"}, // soft hyphen
		{"Wla\u200bdimir", "wladimir"},     // zero-width space
		{"Ærø", "aero"},
		{"Łódź", "lodz"},
		{"İstanbul", "istanbul"},
		{"Ελλάδα", "ελλαδα"},
		{"ΣΟΣ", "σοσ"}, // each letter on its own: no final sigma, as in search.js
		{"Kim Jong-un", "kim jong-un"},
		{"schon folded 2024", "schon folded 2024"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := fold(tt.in); got != tt.want {
			t.Errorf("fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Kim Jong-un, Nordkoreas Machthaber", []string{"Kim", "Jong", "un", "Nordkoreas", "Machthaber"}},
		{"„Munition“ – und Waffen…", []string{"Munition", "und", "Waffen"}},
		{"King‘s College", []string{"King", "s", "College"}},
		{"Artil\u00adlerie", []string{"Artil\u00adlerie"}},
		{"KN-23, 152 bis 122 Millimeter", []string{"KN", "23", "152", "bis", "122", "Millimeter"}},
		{"Größe×Breite÷2", []string{"Größe", "Breite", "2"}},
		{"Москва (Moskau)", []string{"Москва", "Moskau"}},
		{"김정은·Kim", []string{"김정은", "Kim"}},
		{"Rakete🚀Start", []string{"Rakete", "Start"}},
		{"a\xffb", []string{"a", "b"}}, // not UTF-8
		{"  ", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, w := range words(tt.in) {
			if tt.in[w.start:w.end] != w.s {
				t.Errorf("words(%q): %q at %d:%d", tt.in, w.s, w.start, w.end)
			}
			got = append(got, w.s)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("words(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestWordsASCII holds the ASCII shortcut of nextWord to isWordChar.
func TestWordsASCII(t *testing.T) {
	for c := range rune(utf8.RuneSelf) {
		s := "a" + string(c) + "b"
		want := 2
		if isWordChar(c) {
			want = 1
		}
		if got := len(words(s)); got != want {
			t.Errorf("words(%q) has %d words, want %d", s, got, want)
		}
	}
}

func TestStem(t *testing.T) {
	tests := []struct{ in, want string }{
		{"munition", "munition"},
		{"munitionen", "munition"},
		{"munitionsvorrate", "munitionsvorrat"},
		{"waffen", "waff"},
		{"waffe", "waff"},
		{"lieferungen", "liefer"},
		{"lieferung", "liefer"},
		{"russlands", "russland"},
		{"putins", "putin"},
		{"kims", "kim"},
		{"schoigu", "schoigu"},
		{"schoigus", "schoigus"}, // -s after a vowel stays; compound.go counts it as "schoigu"
		{"pjongjang", "pjongjang"},
		{"strasse", "strass"},
		{"aufeinander", "aufeinand"},
		{"kategorisch", "kategor"},
		{"moglichkeiten", "moglich"},
		{"bedeutung", "bedeut"},
		{"nordkoreanische", "nordkorean"},
		{"un", "un"},
	}
	for _, tt := range tests {
		if got := stem(tt.in); got != tt.want {
			t.Errorf("stem(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := stem(tt.in); !strings.HasPrefix(tt.in, got) {
			t.Errorf("stem(%q) = %q, not a prefix of the word", tt.in, got)
		}
	}
}

// FuzzFold holds fold and stem to what the query side and the snippets rely on: fold is
// idempotent and gives valid UTF-8; the stem of a folded word is a prefix of it; folding
// does not join or split the words of a text that is already folded.
func FuzzFold(f *testing.F) {
	for _, s := range []string{"Pjöngjang", "Straße", "Artil\u00adlerie", "İ", "ΣΟΣ", "Ærø", "a\xffb",
		"Munitionsvorräte", "Kim Jong-un", "e\u0301\u0327", "\u1e08", "ǅ"} {
		f.Add(s)
	}
	for _, d := range shippedDocs(f)[:40] {
		f.Add(d.Text)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fs := fold(s)
		if !utf8.ValidString(fs) && utf8.ValidString(s) {
			t.Fatalf("fold(%q) = %q, not UTF-8", s, fs)
		}
		if ffs := fold(fs); ffs != fs {
			t.Fatalf("fold(fold(%q)) = %q, fold = %q", s, ffs, fs)
		}
		for _, w := range words(fs) {
			if st := stem(w.s); !strings.HasPrefix(w.s, st) {
				t.Fatalf("stem(%q) = %q, not a prefix", w.s, st)
			}
		}
	})
}
