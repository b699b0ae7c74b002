package date_test

import (
	"strings"
	"testing"

	"dossier/internal/date"
)

// edtfTests are dates in EDTF level 1: each is kept as written (String, EDTF), shown in
// words at its precision, and sorted by its earliest and latest day.
var edtfTests = []struct {
	in              string
	german, english string
	start, end      string
}{
	{"2023-09~", "um September 2023", "c. September 2023", "2023-09-01", "2023-09-30"},
	{"2023~", "um 2023", "c. 2023", "2023-01-01", "2023-12-31"},
	{"2024-06-19~", "um den 19. Juni 2024", "c. 19 June 2024", "2024-06-19", "2024-06-19"},
	{"2023-09?", "vermutlich September 2023", "probably September 2023", "2023-09-01", "2023-09-30"},
	{"1982?", "vermutlich 1982", "probably 1982", "1982-01-01", "1982-12-31"},
	{"2023-09%", "vermutlich um September 2023", "probably c. September 2023", "2023-09-01", "2023-09-30"},
	{"2023-XX", "2023", "2023", "2023-01-01", "2023-12-31"},
	{"2023-XX-XX", "2023", "2023", "2023-01-01", "2023-12-31"},
	{"2023-09-XX", "September 2023", "September 2023", "2023-09-01", "2023-09-30"},
	{"201X", "zwischen 2010 und 2019", "between 2010 and 2019", "2010-01-01", "2019-12-31"},
	{"19XX", "zwischen 1900 und 1999", "between 1900 and 1999", "1900-01-01", "1999-12-31"},
	{"000X", "zwischen 1 und 9", "between 1 and 9", "0001-01-01", "0009-12-31"},
	{"../2023-07", "vor Juli 2023", "before July 2023", "2023-07-01", "2023-07-01"},
	{"2023-07/..", "nach Juli 2023", "after July 2023", "2023-08-01", "2023-08-01"},
	{"2023-09-12/2023-09-14", "12.–14. September 2023", "12–14 September 2023", "2023-09-12", "2023-09-14"},
}

func TestEDTF(t *testing.T) {
	for _, tt := range edtfTests {
		t.Run(tt.in, func(t *testing.T) {
			d := mustParse(t, tt.in)
			if got := d.String(); got != tt.in {
				t.Errorf("Parse(%q).String() = %q, want it as written", tt.in, got)
			}
			if got := d.EDTF(); got != tt.in {
				t.Errorf("Parse(%q).EDTF() = %q, want it as written", tt.in, got)
			}
			if got := d.German(); got != tt.german {
				t.Errorf("Parse(%q).German() = %q, want %q", tt.in, got, tt.german)
			}
			if got := d.English(); got != tt.english {
				t.Errorf("Parse(%q).English() = %q, want %q", tt.in, got, tt.english)
			}
			if got := d.Start().Format("2006-01-02"); got != tt.start {
				t.Errorf("Parse(%q).Start() = %s, want %s", tt.in, got, tt.start)
			}
			if got := d.End().Format("2006-01-02"); got != tt.end {
				t.Errorf("Parse(%q).End() = %s, want %s", tt.in, got, tt.end)
			}
		})
	}
}

// TestEDTFOfOwnForms: the dossier's own forms are written in EDTF for other tools.
func TestEDTFOfOwnForms(t *testing.T) {
	for in, want := range map[string]string{
		"2024-06-19": "2024-06-19", "~1982": "1982~", "<2023-07": "../2023-07", ">2023-07": "2023-07/..",
		"1950/1953": "1950/1953", "1982/1984?": "[1982..1984]",
	} {
		if got := mustParse(t, in).EDTF(); got != want {
			t.Errorf("Parse(%q).EDTF() = %q, want %q", in, got, want)
		}
	}
}

var edtfErrorTests = []struct{ in, err string }{
	{"2023-13~", "month 13 out of range"},
	{"2023-09~?", "may only end the date"},
	{"2023-X9", "X may stand for a whole month or day"},
	{"2023-XX-12", "X may stand for a whole month or day"},
	{"20XX-09", "a year with X cannot have a month or day"},
	{"2XXX", "only the last one or two may be X"},
	{"201X~", "cannot also be qualified"},
	{"2004-06~/2004-08", "a qualifier or X on one end of the interval"},
	{"../", "needs a plain date"},
	{"../..", "needs a plain date"},
	{"../2023~", "needs a plain date"},
	{"2023-02-30?", "day 30 out of range"},
	{"%", "needs a date before it"},
}

func TestEDTFError(t *testing.T) {
	for _, tt := range edtfErrorTests {
		t.Run(tt.in, func(t *testing.T) {
			d, err := date.Parse(tt.in)
			if err == nil {
				t.Fatalf("Parse(%q) = %v, want error containing %q", tt.in, d, tt.err)
			}
			if !strings.Contains(err.Error(), tt.err) || !strings.Contains(err.Error(), "; write ") {
				t.Errorf("Parse(%q) error = %q, want it to contain %q and the forms to write", tt.in, err, tt.err)
			}
		})
	}
}
