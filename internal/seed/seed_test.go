package seed

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

func mustSeed(tb testing.TB, name string) *Seed {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	s, err := Parse(name, data)
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// TestClassify checks the automatic kind of lines of the real seeds that show each rule.
func TestClassify(t *testing.T) {
	for _, tc := range []struct {
		seed string
		line int
		want Kind
	}{
		{"000_db9fe16b07e37613.txt", 1, Kicker},
		{"000_db9fe16b07e37613.txt", 2, Blank},
		{"000_db9fe16b07e37613.txt", 3, Title},
		{"000_db9fe16b07e37613.txt", 5, Byline},
		{"000_db9fe16b07e37613.txt", 6, Byline},
		{"000_db9fe16b07e37613.txt", 7, Boilerplate},
		{"000_db9fe16b07e37613.txt", 9, Paragraph},
		{"000_db9fe16b07e37613.txt", 15, Subheading},
		{"000_db9fe16b07e37613.txt", 23, Gallery},
		{"000_db9fe16b07e37613.txt", 34, Gallery},
		{"000_db9fe16b07e37613.txt", 66, Boilerplate},
		{"001_7491ef1a70dbf932.txt", 3, Title},
		{"001_7491ef1a70dbf932.txt", 5, Paragraph},
		{"001_7491ef1a70dbf932.txt", 23, Subheading},
		{"001_7491ef1a70dbf932.txt", 35, Boilerplate},
		{"001_7491ef1a70dbf932.txt", 69, Caption},
		{"001_7491ef1a70dbf932.txt", 73, Boilerplate},
		{"001_7491ef1a70dbf932.txt", 77, Boilerplate},
		{"002_7f32bc9d79f56e77.txt", 1, Paragraph},
		{"002_7f32bc9d79f56e77.txt", 6, Subheading},
		{"002_7f32bc9d79f56e77.txt", 9, Boilerplate},
		{"002_7f32bc9d79f56e77.txt", 25, Byline},
		{"003_7681f01793c1b35b.txt", 1, Title},
		{"003_7681f01793c1b35b.txt", 3, Paragraph},
		{"003_7681f01793c1b35b.txt", 15, Caption},
		{"004_f6ebf1c77519c4e2.txt", 1, Boilerplate},
		{"004_f6ebf1c77519c4e2.txt", 3, Boilerplate},
		{"004_f6ebf1c77519c4e2.txt", 5, Kicker},
		{"004_f6ebf1c77519c4e2.txt", 6, Title},
		{"004_f6ebf1c77519c4e2.txt", 9, Caption},
		{"004_f6ebf1c77519c4e2.txt", 13, Paragraph},
		{"004_f6ebf1c77519c4e2.txt", 19, Subheading},
	} {
		s := mustSeed(t, tc.seed)
		if got := s.Line(tc.line).Kind; got != tc.want {
			t.Errorf("%s line %d (%.40q) = %v, want %v", tc.seed, tc.line, s.Line(tc.line).Text, got, tc.want)
		}
	}
}

// TestParseKeepsLines checks that every line keeps its number and text.
func TestParseKeepsLines(t *testing.T) {
	entries, _ := os.ReadDir("testdata")
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".txt") {
			continue
		}
		data, _ := os.ReadFile(filepath.Join("testdata", e.Name()))
		s := mustSeed(t, e.Name())
		raw := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
		if len(s.Lines) != len(raw) {
			t.Errorf("%s: %d lines, want %d", e.Name(), len(s.Lines), len(raw))
		}
		for i, l := range s.Lines {
			if l.N != i+1 || l.Text != raw[i] {
				t.Errorf("%s: line %d = %d %.30q, want %.30q", e.Name(), i+1, l.N, l.Text, raw[i])
			}
		}
	}
}

func TestParseInput(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		lines    []string
		errLine  int
		err      string
	}{
		{"crlf", "Titel\r\n\r\nText.\r\n", []string{"Titel", "", "Text."}, 0, ""},
		{"bom", "\uFEFFTitel\n", []string{"Titel"}, 0, ""},
		{"no final newline", "a\nb", []string{"a", "b"}, 0, ""},
		{"empty", "", nil, 1, "empty"},
		{"only space", " \n\n", nil, 1, "empty"},
		{"latin-1", "Titel\n\nGr\xfc\xdfe aus K\xf6ln\n", nil, 3, "not valid UTF-8"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := Parse("x.txt", []byte(tc.in))
			if tc.err != "" {
				e, ok := err.(*Error)
				if !ok || e.Line != tc.errLine || !strings.Contains(e.Msg, tc.err) {
					t.Fatalf("Parse(%q) error = %v, want line %d: …%s…", tc.in, err, tc.errLine, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, l := range s.Lines {
				got = append(got, l.Text)
			}
			if strings.Join(got, "|") != strings.Join(tc.lines, "|") {
				t.Errorf("Parse(%q) lines = %q, want %q", tc.in, got, tc.lines)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	entries, _ := os.ReadDir("testdata")
	for _, e := range entries {
		if data, err := os.ReadFile(filepath.Join("testdata", e.Name())); err == nil && !e.IsDir() {
			f.Add(data)
		}
	}
	f.Add([]byte("\uFEFFa\r\nb"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Parse("f.txt", data)
		if err != nil {
			if e, ok := err.(*Error); !ok || e.Line < 1 {
				t.Fatalf("error without a line: %v", err)
			}
			return
		}
		for i, l := range s.Lines {
			if l.N != i+1 {
				t.Fatalf("line %d numbered %d", i+1, l.N)
			}
			if (strings.TrimSpace(l.Text) == "") != (l.Kind == Blank) {
				t.Fatalf("line %d %q has kind %v", l.N, l.Text, l.Kind)
			}
		}
	})
}

// FuzzLineTests holds the line tests of classify to the plain ways they were first written.
func FuzzLineTests(f *testing.F) {
	for _, s := range []string{
		"Anna Muster ist Journalistin in Berlin.", "Anna Muster  ist\u00a0Autorin", "Anna Muster ist", "anna Muster ist Autor x",
		"epa10926878 A handout photo", "EPA1234 x", "Reuters123456", "Reuters123456 x", "dpa12345\tx", "AFP 12345 x",
		strings.Repeat("ä", 99), strings.Repeat("ä", 100), strings.Repeat("x", 300) + "©",
		"SEOUL (Reuters) -", "(dpa)", "PJÖNGJANG (KCNA) – Die Agentur meldet", "(Bloomberg) - x", "Text (AP)",
	} {
		f.Add(s)
	}
	agency := regexp.MustCompile(`^(epa|EPA|dpa|AFP|Reuters)\d{5,} `)
	f.Fuzz(func(t *testing.T, s string) {
		bio := func(t string) bool {
			f := strings.Fields(t)
			if len(f) < 4 || f[2] != "ist" || !isName(f[0]) || !isName(f[1]) {
				return false
			}
			for _, w := range []string{"Journalist", "journalist", "Korrespondent", "korrespondent", "Redakteur", "Autor"} {
				if strings.Contains(t, w) {
					return true
				}
			}
			return false
		}
		if got, want := isBio(s), bio(s); got != want {
			t.Errorf("isBio(%q) = %v, want %v", s, got, want)
		}
		if got, want := isWireDateline(s), wireDateline.MatchString(s); got != want {
			t.Errorf("isWireDateline(%q) = %v, want %v", s, got, want)
		}
		if got, want := hasWirePrefix(s), wirePrefix.MatchString(s); got != want {
			t.Errorf("hasWirePrefix(%q) = %v, want %v", s, got, want)
		}
		if got, want := isAgencyCaption(s), agency.MatchString(s); got != want {
			t.Errorf("isAgencyCaption(%q) = %v, want %v", s, got, want)
		}
		for _, n := range []int{0, 1, 60, 99, 100, 160, 300} {
			if got, want := longer(s, n), utf8.RuneCountInString(s) > n; got != want {
				t.Errorf("longer(%q, %d) = %v, want %v", s, n, got, want)
			}
		}
	})
}

// TestClassifyLanguages checks the rules for bylines, datelines, captions, credits and
// furniture in English and German, each line in a small seed of its own after a title
// and a paragraph, with the rule that decided it.
func TestClassifyLanguages(t *testing.T) {
	for _, tc := range []struct {
		line   string
		want   Kind
		reason string
	}{
		{"By Daniel Okafor and Mei Tanaka", Byline, "author line"},
		{"BY JANE DOE", Byline, "author line"},
		{"Von Christiane Kühl", Byline, "author line"},
		{"By the end of the year, prices had doubled.", Paragraph, "text"},
		{"Published : February 8, 2024 9:30 AM UTC", Byline, "date line"},
		{"Updated 2 hours ago", Byline, "date line"},
		{"Veröffentlicht am 14.03.2009, 18:05 Uhr", Byline, "date line"},
		{"Aktualisiert: 6. März 2024", Byline, "date line"},
		{"Updated rules took effect on Monday, the ministry said.", Paragraph, "text"},
		{"Erstellt wurde der Plan 2019 von der Stadt.", Paragraph, "text"},
		{"Reporting by Daniel Okafor in Singapore; Editing by Susan Clark", Byline, "credit line"},
		{"Mitarbeit: Anna Muster", Byline, "credit line"},
		{"SEOUL (Reuters) -", Byline, "wire dateline"},
		{"(dpa)", Byline, "wire dateline"},
		{"SEOUL, Feb 8 (Reuters) - North Korea fired a missile on Thursday, officials said.", Paragraph, "wire dateline"},
		{"Photo: Kenji Sato/World News Wire", Caption, "Photo:"},
		{"A container ship waits outside the port. REUTERS/Kim Hong-Ji", Caption, "REUTERS/"},
		{"Soldiers march in Pyongyang. (Photo by Kim Won Jin/AFP via Getty Images)", Caption, "(Photo by"},
		{"Bild: Archiv", Caption, "Bild:"},
		{"Foto: Jan Bergmann", Caption, "Foto:"},
		{"Advertisement", Boilerplate, "furniture"},
		{"Skip to main content", Boilerplate, "furniture"},
		{"Subscribers of the service complained about the outage.", Paragraph, "text"},
		{"Teilnehmer der Sitzung stimmten dafür.", Paragraph, "text"},
		{"Anzeige", Boilerplate, "furniture"},
		{"Jane Doe is a Reuters correspondent based in Seoul.", Byline, "author"},
	} {
		s, err := ParseString("t.txt", "Überschrift des Artikels\n\nEin erster Absatz mit Text, der endet.\n\n"+tc.line+"\n\nEin letzter Absatz, der endet.\n")
		if err != nil {
			t.Fatal(err)
		}
		l := s.Line(5)
		if l.Kind != tc.want || !strings.Contains(l.Reason, tc.reason) {
			t.Errorf("Classify(%q) = %v (%s), want %v (…%s…)", tc.line, l.Kind, l.Reason, tc.want, tc.reason)
		}
	}
}
