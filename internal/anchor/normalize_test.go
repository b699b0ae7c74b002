package anchor

import (
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

var normalizeTests = []struct {
	in, want string
	offsets  []int
}{
	{"", "", []int{0}},
	{"Kim", "Kim", []int{0, 1, 2, 3}},
	{"  \t\n", "", []int{4}},
	{"a  \tb", "a b", []int{0, 1, 4, 5}},
	{" „Ja“ ", `"Ja"`, []int{1, 4, 5, 6, 10}},
	{"«Nein»", `"Nein"`, []int{0, 2, 3, 4, 5, 6, 8}},
	{`"Ja" 'ja'`, `"Ja" 'ja'`, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}},
	{"King‘s ‚x’", "King's 'x'", []int{0, 1, 2, 3, 4, 7, 8, 9, 12, 13, 16}},
	{"1′ 2″", `1' 2"`, []int{0, 1, 4, 5, 6, 9}},
	{"a – b — c − d", "a - b - c - d", []int{0, 1, 2, 5, 6, 7, 8, 11, 12, 13, 14, 17, 18, 19}},
	{"Nord‐ und Süd‑korea", "Nord- und Süd-korea", []int{0, 1, 2, 3, 4, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 19, 20, 21, 22, 23, 24}},
	{"Waf\u00adfen", "Waffen", []int{0, 1, 2, 5, 6, 7, 8}},
	{"a\u200bb\u200cc\u200dd\u2060e\ufeff", "abcde", []int{0, 4, 8, 12, 16, 20}},
	{"raus.\u00a0©\u00a0Ed", "raus. © Ed", []int{0, 1, 2, 3, 4, 5, 7, 8, 9, 11, 12, 13}},
	{"10\u202f000\u2009km", "10 000 km", []int{0, 1, 2, 5, 6, 7, 8, 11, 12, 13}},
	{"a \u00ad b", "a b", []int{0, 1, 5, 6}},
	{"Pjo\u0308ngjang", "Pjöngjang", []int{0, 1, 2, 2, 5, 6, 7, 8, 9, 10, 11}},
	{"Pjöngjang", "Pjöngjang", []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}},
	{"o\u00ad\u0308", "ö", []int{0, 0, 5}},
	{"Über", "Über", []int{0, 1, 2, 3, 4, 5}},
	{"a\xffb", "a\uFFFDb", []int{0, 1, 1, 1, 2, 3}},
	{"\xc3", "\uFFFD", []int{0, 0, 0, 1}},
}

func TestNormalize(t *testing.T) {
	for _, tc := range normalizeTests {
		got, offsets := Normalize(tc.in)
		if got != tc.want || !slices.Equal(offsets, tc.offsets) {
			t.Errorf("Normalize(%q) = %q, %v, want %q, %v", tc.in, got, offsets, tc.want, tc.offsets)
		}
	}
}

// TestSpan checks that a match in the normalized text maps back to exactly the characters
// it came from, without the removed characters or spaces around it.
func TestSpan(t *testing.T) {
	for _, tc := range []struct{ in, sub, want string }{
		{"die Waf\u00adfen\u00ad und", "Waffen", "Waf\u00adfen"},
		{"raus.\u00a0©\u00a0Ed", ". ©", ".\u00a0©"},
		{"„Ja“, sagt er", `"Ja"`, "„Ja“"},
		{"Pjo\u0308ngjang", "ö", "o\u0308"},
		{"a\u200b \u200bb", "a b", "a\u200b \u200bb"},
		{"x\xffy", "\uFFFDy", "\xffy"},
	} {
		f := fold(tc.in)
		a := strings.Index(f.s, tc.sub)
		if a < 0 {
			t.Fatalf("fold(%q) = %q, which lacks %q", tc.in, f.s, tc.sub)
		}
		start, end := f.span(a, a+len(tc.sub))
		if got := tc.in[start:end]; got != tc.want {
			t.Errorf("span of %q in %q = %q, want %q", tc.sub, tc.in, got, tc.want)
		}
	}
}

func FuzzNormalize(f *testing.F) {
	for _, tc := range normalizeTests {
		f.Add(tc.in)
	}
	for _, tc := range findTests {
		f.Add(tc.quote)
	}
	seed, err := os.ReadFile(article)
	if err != nil {
		f.Fatal(err)
	}
	for _, l := range strings.Split(string(seed), "\n") {
		f.Add(l)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, offsets := Normalize(s)
		if len(offsets) != len(got)+1 || offsets[len(got)] != len(s) {
			t.Fatalf("Normalize(%q) = %q with %d offsets ending in %d", s, got, len(offsets), offsets[len(offsets)-1])
		}
		for i, o := range offsets {
			if o < 0 || o > len(s) || i > 0 && o < offsets[i-1] {
				t.Fatalf("Normalize(%q): offsets %v out of order or bounds at %d", s, offsets, i)
			}
		}
		if !utf8.ValidString(got) || !norm.NFC.IsNormalString(got) {
			t.Fatalf("Normalize(%q) = %q, not NFC UTF-8", s, got)
		}
		if strings.HasPrefix(got, " ") || strings.HasSuffix(got, " ") || strings.Contains(got, "  ") {
			t.Fatalf("Normalize(%q) = %q, spaces not collapsed", s, got)
		}
		if again, _ := Normalize(got); again != got {
			t.Fatalf("Normalize(%q) = %q, but Normalize(%q) = %q", s, got, got, again)
		}
		if fs := foldString(s); fs != got {
			t.Fatalf("foldString(%q) = %q, but Normalize gives %q", s, fs, got)
		}
		f := fold(s)
		for i := range got {
			if f.start[i] >= f.end[i] || f.end[i] > len(s) {
				t.Fatalf("fold(%q): byte %d comes from [%d:%d]", s, i, f.start[i], f.end[i])
			}
		}
	})
}
