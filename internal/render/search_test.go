package render

import (
	"strings"
	"testing"
)

func TestPlain(t *testing.T) {
	for _, s := range []string{
		"", " ", "Wort", " Wort ", "zwei  Wörter", "Absatz eins.\nAbsatz zwei.\n",
		"\t\n Tab und\u00a0geschütztes\u2003Leerzeichen \u2028", "ein\r\nZeilenende",
	} {
		want := strings.Join(strings.Fields(s), " ")
		if got := plain(s); got != want {
			t.Errorf("plain(%q) = %q, want %q", s, got, want)
		}
	}
}
