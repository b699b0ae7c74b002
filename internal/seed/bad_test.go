package seed

import (
	"strings"
	"testing"
)

// TestParseBad checks the line and message of each kind of unreadable seed.
func TestParseBad(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		line       int
		msg        string
	}{
		{"empty", "", 1, "the seed is empty"},
		{"only a BOM and blanks", "\uFEFF\n \n", 1, "the seed is empty"},
		{"Latin-1", "Titel\n\nEin Satz \xfcber Putin.\n", 3, "not valid UTF-8"},
		{"UTF-16", "\xff\xfeT\x00i\x00\n\x00", 1, "not valid UTF-8"},
		{"NUL", "Titel\n\nEin\x00Satz.\n", 3, "NUL byte"},
		{"CR line ends", "Titel\r\rEin Satz.\r", 1, "carriage return"},
		{"CR inside a line", "Titel\r\n\r\nEin\rSatz.\r\n", 3, "carriage return"},
		{"too large", strings.Repeat("Ein Satz über Putin.\n", MaxSize/21+1), 1, "larger than 10 MB"},
	} {
		_, err := Parse("s.txt", []byte(tc.data))
		e, ok := err.(*Error)
		if !ok || e.Line != tc.line || !strings.Contains(e.Msg, tc.msg) {
			t.Errorf("%s: Parse = %v; want line %d: …%s…", tc.name, err, tc.line, tc.msg)
		}
	}
	for _, data := range []string{"Titel\r\n\r\nEin Satz.\r\n", "\uFEFFTitel\n\nEin Satz.", "Titel\r\r\n"} {
		if _, err := Parse("s.txt", []byte(data)); err != nil {
			t.Errorf("Parse(%q) = %v; want it read", data, err)
		}
	}
}
