package locale

import (
	"slices"
	"testing"
)

func TestLookup(t *testing.T) {
	if got := Codes(); !slices.Equal(got, []string{"de", "en"}) {
		t.Errorf("Codes() = %q, want de, en", got)
	}
	for _, code := range Codes() {
		l, ok := Lookup(code)
		if !ok || l.Code != code {
			t.Errorf("Lookup(%q) = %v, %v", code, l, ok)
		}
	}
	if l, ok := Lookup("fr"); ok {
		t.Errorf("Lookup(fr) = %v, want none", l)
	}
	if Builtin.Default() != German {
		t.Errorf("default locale %q, want de", Builtin.Default().Code)
	}
	if got, want := English.Quotes.Quote("x"), "“x”"; got != want {
		t.Errorf("English quote = %q, want %q", got, want)
	}
	if got, want := German.Quotes.Quote("x"), "„x“"; got != want {
		t.Errorf("German quote = %q, want %q", got, want)
	}
}
