package anchor

import (
	"strings"
	"testing"
)

func TestSpans(t *testing.T) {
	ps := []Passage{
		{1, "Putin und Kim feiern ihren Gipfel."},
		{3, "„Unbesiegbarkeit und Dauerhaftigkeit“: Das zeigt das Treffen."},
		{5, "Große Teile dieser Welt sehen das anders."},
	}
	for _, tc := range []struct {
		quote       string
		first, last int
		ok          bool
	}{
		{"ihren Gipfel. „Unbesiegbarkeit", 1, 3, true},
		{"ihren Gipfel.\n\n\"Unbesiegbarkeit", 1, 3, true}, // normalized: quotes, spaces
		{"Das zeigt das Treffen. Große Teile", 3, 5, true},
		{"Gipfel. „Unbesiegbarkeit und Dauerhaftigkeit“: Das zeigt das Treffen. Große", 1, 5, true},
		{"Unbesiegbarkeit und Dauerhaftigkeit", 0, 0, false}, // within one passage
		{"Gipfel. Große", 0, 0, false},                       // passages that do not follow each other
		{"Gipfel.„Unbesiegbarkeit", 0, 0, false},             // no space where the passages meet
		{"", 0, 0, false},
	} {
		first, last, ok := NewText(ps).Spans(tc.quote)
		if first != tc.first || last != tc.last || ok != tc.ok {
			t.Errorf("Spans(%q) = %d, %d, %v; want %d, %d, %v", tc.quote, first, last, ok, tc.first, tc.last, tc.ok)
		}
	}
}

// FuzzSpans checks that a quote Spans reports does run across the passages it names.
func FuzzSpans(f *testing.F) {
	f.Add("Putin und Kim feiern.\n„Unbesiegbarkeit“: Das zeigt das Treffen.\nGroße Teile.", "feiern. „Unbesiegbarkeit")
	f.Add("a\u00adb c\n\u00a0d  e\n\n", "c d")
	f.Add("a\xffb\nc", "\xffb c")
	f.Fuzz(func(t *testing.T, text, quote string) {
		ps := passages(text)
		first, last, ok := NewText(ps).Spans(quote)
		if !ok {
			return
		}
		if first >= last {
			t.Fatalf("Spans(%q) = lines %d to %d", quote, first, last)
		}
		var joined []string
		for _, p := range ps {
			if p.Line >= first && p.Line <= last {
				joined = append(joined, fold(p.Text).s)
			}
		}
		if len(joined) < 2 || !strings.Contains(strings.Join(joined, " "), fold(quote).s) {
			t.Fatalf("Spans(%q) = lines %d to %d, which do not hold it", quote, first, last)
		}
	})
}
