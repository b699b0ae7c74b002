package anchor

import (
	"math"
	"os"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

// article is the seed in testdata, a Frankfurter Rundschau article of 66 lines.
const article = "testdata/fr-putin-nordkorea.txt"

// mustPassages returns the lines of a seed file as passages.
func mustPassages(tb testing.TB, name string) []Passage {
	tb.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		tb.Fatal(err)
	}
	return passages(string(data))
}

// passages numbers the lines of text from 1.
func passages(text string) []Passage {
	var ps []Passage
	for i, l := range strings.Split(text, "\n") {
		ps = append(ps, Passage{i + 1, l})
	}
	return ps
}

// score is the fuzzy score of a quote of n characters matched with d edits.
func score(d int, quote string) float64 {
	return 1 - float64(d)/float64(utf8.RuneCountInString(fold(quote).s))
}

var findTests = []struct {
	name                  string
	text                  string // the passages, one a line; "" for the article
	none                  bool   // no passages at all
	quote, prefix, suffix string
	status                Status
	line                  int
	start                 int     // the match's offset, checked if not 0
	match                 string  // the passage's text at the match
	score                 float64 // checked for every status but NotFound, which must be below the threshold
	lines                 []int   // the candidates' lines, for Ambiguous
}{
	{
		name:   "exact",
		quote:  "Ich denke, dass Nordkorea weiterhin Artilleriegranaten und Raketen liefern wird",
		status: Exact, line: 17, score: 1,
		match: "Ich denke, dass Nordkorea weiterhin Artilleriegranaten und Raketen liefern wird",
	},
	{
		name:   "straight quotes for typographic ones",
		quote:  `"Ich denke, dass Nordkorea weiterhin Artilleriegranaten und Raketen liefern wird"`,
		status: Normalized, line: 17, score: 1,
		match: "„Ich denke, dass Nordkorea weiterhin Artilleriegranaten und Raketen liefern wird“",
	},
	{
		name:   "apostrophe",
		quote:  "Ramon Pacheco Pardo vom King's College London",
		status: Normalized, line: 17, score: 1,
		match: "Ramon Pacheco Pardo vom King‘s College London",
	},
	{
		name:   "hyphen for dash",
		quote:  "Machthaber Kim Jong-un - wenn man der staatlichen",
		status: Normalized, line: 11, score: 1,
		match: "Machthaber Kim Jong-un – wenn man der staatlichen",
	},
	{
		name:   "space for no-break spaces",
		quote:  "kommen raus. © Ed Jones/afp",
		status: Normalized, line: 24, score: 1,
		match: "kommen raus. \u00a0©\u00a0Ed Jones/afp",
	},
	{
		name:   "soft hyphens in the seed",
		text:   "Dort sollen sie erstmals nordkoreanische Waf\u00adfen\u00adliefe\u00adrungen vereinbart haben.",
		quote:  "nordkoreanische Waffenlieferungen",
		status: Normalized, line: 1, score: 1,
		match: "nordkoreanische Waf\u00adfen\u00adliefe\u00adrungen",
	},
	{
		name:   "soft hyphen in the quote",
		quote:  "nordkoreanische Waffen\u00adlieferungen vereinbart",
		status: Normalized, line: 17, score: 1,
		match: "nordkoreanische Waffenlieferungen vereinbart",
	},
	{
		name:   "line break and spaces in the quote",
		quote:  "  Putin und Kim Jong-un feiern\n   mit Pomp ihren Gipfel. ",
		status: Normalized, line: 9, score: 1,
		match: "Putin und Kim Jong-un feiern mit Pomp ihren Gipfel.",
	},
	{
		name:   "decomposed umlaut",
		quote:  "Pjo\u0308ngjang betrachtet",
		status: Normalized, line: 64, score: 1,
		match: "Pjöngjang betrachtet",
	},
	{
		name:   "ambiguous",
		quote:  "Waffen und Munition",
		status: Ambiguous, line: 13, score: 1, lines: []int{13, 46},
		match: "Waffen und Munition",
	},
	{
		name:   "caption",
		quote:  "Kim Jong-un an der Grenze zwischen Nord- und Südkorea",
		status: Exact, line: 41, score: 1,
		match: "Kim Jong-un an der Grenze zwischen Nord- und Südkorea",
	},
	{
		name:  "suffix decides",
		quote: "Waffen und Munition", suffix: "aus.",
		status: Exact, line: 13, score: 1,
		match: "Waffen und Munition",
	},
	{
		name:  "prefix decides, compared normalized",
		quote: "Waffen und Munition", prefix: "die Ukraine - als Lieferant von ",
		status: Exact, line: 46, score: 1,
		match: "Waffen und Munition",
	},
	{
		name:  "prefix decides within one passage",
		text:  "Er sagte: „Ja.“ Sie sagte: „Ja.“\nEr fragte: „Ja?“",
		quote: `"Ja."`, prefix: "Sie sagte:",
		status: Normalized, line: 1, start: 31, score: 1,
		match: "„Ja.“",
	},
	{
		name:  "prefix and suffix decide",
		text:  "Er sagte: „Ja.“ Sie sagte: „Ja.“\nEr fragte: „Ja?“",
		quote: `"Ja."`, prefix: "sagte: ", suffix: " Sie",
		status: Normalized, line: 1, start: 10, score: 1,
		match: "„Ja.“",
	},
	{
		name:  "context prefers a normalized match to an exact one",
		text:  "Er sagte: \"Ja\".\nSie sagte: „Ja“.",
		quote: `"Ja"`, prefix: "Sie sagte:",
		status: Normalized, line: 2, score: 1,
		match: "„Ja“",
	},
	{
		name:  "context does not reach into the next passage",
		text:  "Ja.\nNein.\nJa.",
		quote: "Ja.", suffix: "Nein",
		status: Ambiguous, line: 1, score: 1, lines: []int{1, 3},
		match: "Ja.",
	},
	{
		name:  "context fits none of one",
		quote: "Ich denke, dass Nordkorea", prefix: "Kim sagt:",
		status: Fuzzy, line: 17, score: 1,
		match: "Ich denke, dass Nordkorea",
	},
	{
		name:  "context fits none of several",
		quote: "Waffen und Munition", suffix: "liefern",
		status: Ambiguous, line: 13, score: 1, lines: []int{13, 46},
		match: "Waffen und Munition",
	},
	{
		name:   "overlapping matches",
		text:   "abcabca",
		quote:  "abca",
		status: Ambiguous, line: 1, score: 1, lines: []int{1, 1},
		match: "abca",
	},
	{
		name:   "typo",
		quote:  "Ich denke, dass Nordkorea weiterhin Artilleriegranaten und Raketten liefern wird",
		status: Fuzzy, line: 17,
		score: score(1, "Ich denke, dass Nordkorea weiterhin Artilleriegranaten und Raketten liefern wird"),
		match: "Ich denke, dass Nordkorea weiterhin Artilleriegranaten und Raketen liefern wird",
	},
	{
		name:   "typo widened to whole words",
		quote:  "enke, dass Nordkorea weiterhin Artilerie",
		status: Fuzzy, line: 17,
		score: score(1, "enke, dass Nordkorea weiterhin Artilerie"),
		match: "denke, dass Nordkorea weiterhin Artilleriegranaten",
	},
	{
		name:   "a word left out",
		quote:  "Beide Seiten schweigen sich dazu, doch es gilt als sicher",
		status: Fuzzy, line: 17,
		score: score(4, "Beide Seiten schweigen sich dazu, doch es gilt als sicher"),
		match: "Beide Seiten schweigen sich dazu aus, doch es gilt als sicher",
	},
	{
		name:   "two words left out, below the threshold",
		quote:  "Beide Seiten schweigen dazu, doch es gilt als sicher",
		status: NotFound, line: 17,
		match: "Beide Seiten schweigen sich dazu aus, doch es gilt als sicher",
	},
	{
		name:   "case",
		quote:  "ICH DENKE, DASS NORDKOREA",
		status: Fuzzy, line: 17, score: 1,
		match: "Ich denke, dass Nordkorea",
	},
	{
		name:   "fuzzy tie goes to the lower line",
		text:   "Kim trifft Putin in Pjöngjang.\nKim trifft Putin in Pjöngjang.",
		quote:  "Kim trifft Putin in Pjongjang",
		status: Fuzzy, line: 1, score: score(1, "Kim trifft Putin in Pjongjang"),
		match: "Kim trifft Putin in Pjöngjang",
	},
	{
		name:  "fuzzy tie decided by the context",
		text:  "Am Montag: Kim trifft Putin in Pjöngjang.\nAm Dienstag: Kim trifft Putin in Pjöngjang.",
		quote: "Kim trifft Putin in Pjongjang", prefix: "Dienstag:",
		status: Fuzzy, line: 2, score: score(1, "Kim trifft Putin in Pjongjang"),
		match: "Kim trifft Putin in Pjöngjang",
	},
	{
		name:   "across two passages",
		quote:  "Er braucht dringend Waffen für seinen Krieg in der Ukraine. „Unbesiegbarkeit und Dauerhaftigkeit“: Das zeigt das Gipfeltreffen",
		status: NotFound, line: 11,
		match: "„Unbesiegbarkeit und Dauerhaftigkeit“: Das zeigt das Gipfeltreffen",
	},
	{
		name:   "not found",
		quote:  "Kim Jong-un besucht Berlin",
		status: NotFound, line: 39,
		match: "Kim Jong-un beobachtet einen",
	},
	{name: "empty quote", quote: "", status: NotFound},
	{name: "quote of spaces", quote: " \u00a0\u00ad\t", status: NotFound},
	{name: "no passages", none: true, quote: "Kim", status: NotFound},
	{name: "empty passages", text: "\n \n", quote: "Kim", status: NotFound},
	{
		name:   "quote not UTF-8",
		text:   "Pjöngjang",
		quote:  "Pj\xc3ngjang",
		status: Fuzzy, line: 1, score: score(1, "Pj\xc3ngjang"),
		match: "Pjöngjang",
	},
}

func TestFind(t *testing.T) {
	art := mustPassages(t, article)
	artText := NewText(art) // shared by the cases, to check that it gives what Find gives
	for _, tc := range findTests {
		t.Run(tc.name, func(t *testing.T) {
			ps := art
			switch {
			case tc.none:
				ps = nil
			case tc.text != "":
				ps = passages(tc.text)
			}
			r := Find(ps, tc.quote, tc.prefix, tc.suffix)
			if tc.text == "" && !tc.none {
				if r2 := artText.Find(tc.quote, tc.prefix, tc.suffix); !reflect.DeepEqual(r2, r) {
					t.Errorf("Text.Find(%q) = %+v, but Find = %+v", tc.quote, r2, r)
				}
			}
			if r.Status != tc.status {
				t.Fatalf("Find(%q, %q, %q) = %v %+v, want %v", tc.quote, tc.prefix, tc.suffix, r.Status, r.Match, tc.status)
			}
			if tc.line == 0 {
				if r.Match != (Match{}) || r.Candidates != nil {
					t.Errorf("Find(%q) = %+v, want the zero Result", tc.quote, r)
				}
				return
			}
			m := r.Match
			if m.Line != tc.line {
				t.Errorf("Find(%q): line %d, want %d", tc.quote, m.Line, tc.line)
			}
			if tc.start != 0 && m.Start != tc.start {
				t.Errorf("Find(%q): match at byte %d, want %d", tc.quote, m.Start, tc.start)
			}
			if got := ps[m.Line-1].Text[m.Start:m.End]; got != tc.match {
				t.Errorf("Find(%q) matched %q, want %q", tc.quote, got, tc.match)
			}
			switch {
			case tc.status == NotFound:
				if m.Score >= FuzzyThreshold {
					t.Errorf("Find(%q): score %.3f for a quote not found", tc.quote, m.Score)
				}
			case math.Abs(m.Score-tc.score) > 1e-9:
				t.Errorf("Find(%q): score %.4f, want %.4f", tc.quote, m.Score, tc.score)
			}
			var lines []int
			for _, c := range r.Candidates {
				lines = append(lines, c.Line)
			}
			if !slices.Equal(lines, tc.lines) {
				t.Errorf("Find(%q): candidates on lines %v, want %v", tc.quote, lines, tc.lines)
			}
			if r.Status == Ambiguous && r.Match != r.Candidates[0] {
				t.Errorf("Find(%q): match %+v is not the first candidate %+v", tc.quote, r.Match, r.Candidates[0])
			}
		})
	}
}

func TestStatusString(t *testing.T) {
	for s, want := range map[Status]string{
		Exact: "exact", Normalized: "normalized", Fuzzy: "fuzzy", Ambiguous: "ambiguous",
		NotFound: "not found", Status(-1): "Status(-1)", Status(9): "Status(9)",
	} {
		if got := s.String(); got != want {
			t.Errorf("Status(%d).String() = %q, want %q", int(s), got, want)
		}
	}
}

// TestFindEveryLine anchors every line of the article exactly, and again with one character
// dropped from its middle, which must anchor fuzzily to the same line or be reported as
// ambiguous or as too short to score.
func TestFindEveryLine(t *testing.T) {
	ps := mustPassages(t, article)
	for _, p := range ps {
		q := strings.TrimSpace(p.Text)
		if len(q) < 40 {
			continue
		}
		r := Find(ps, q, "", "")
		if r.Status != Exact && r.Status != Ambiguous {
			t.Errorf("line %d: Find(line) = %v", p.Line, r.Status)
		}
		rs := []rune(q)
		typo := string(rs[:len(rs)/2]) + string(rs[len(rs)/2+1:])
		r = Find(ps, typo, "", "")
		if r.Status == Exact || r.Status == Normalized {
			continue // the line has the shorter text in it too
		}
		if r.Status != Fuzzy || r.Match.Line != p.Line || p.Text[r.Match.Start:r.Match.End] != q {
			t.Errorf("line %d: Find(line with a typo) = %v on line %d: %q", p.Line, r.Status, r.Match.Line, p.Text[r.Match.Start:r.Match.End])
		}
	}
}

// TestTextConcurrent anchors quotes in one Text from several goroutines, for the race
// detector.
func TestTextConcurrent(t *testing.T) {
	text := NewText(mustPassages(t, article))
	var wg sync.WaitGroup
	for _, tc := range findTests[:8] {
		if tc.text != "" {
			continue
		}
		wg.Go(func() {
			if r := text.Find(tc.quote, tc.prefix, tc.suffix); r.Status != tc.status {
				t.Errorf("Text.Find(%q) = %v, want %v", tc.quote, r.Status, tc.status)
			}
		})
	}
	wg.Wait()
}

func FuzzFind(f *testing.F) {
	art, err := os.ReadFile(article)
	if err != nil {
		f.Fatal(err)
	}
	// Only the lines a case is about, and the article's head: the fuzzer minimizes each new
	// input, which takes its whole time budget on the 12 kB article.
	ps := passages(string(art))
	head := strings.Join(strings.Split(string(art), "\n")[:10], "\n")
	f.Add(head, "Putin und Kim Jong-un feiern", "", "")
	f.Add(head, "Kim Jong-um", "", "")
	for _, tc := range findTests {
		text := tc.text
		if text == "" && !tc.none {
			var lines []string
			for _, n := range slices.Concat([]int{max(tc.line, 1)}, tc.lines) {
				lines = append(lines, ps[n-1].Text)
			}
			text = strings.Join(lines, "\n")
		}
		f.Add(text, tc.quote, tc.prefix, tc.suffix)
	}
	f.Add("a\xffb\u0301c\n\u00ad", "\xff", "", "")
	f.Add("e\u0301\u0302x", "\u0302", "", "x")
	f.Fuzz(func(t *testing.T, text, quote, prefix, suffix string) {
		ps := passages(text)
		r := Find(ps, quote, prefix, suffix)
		if r.Status.String() == "" || strings.HasPrefix(r.Status.String(), "Status(") {
			t.Fatalf("Find(%q) = status %d", quote, int(r.Status))
		}
		check := func(m Match) {
			if m.Line < 1 || m.Line > len(ps) {
				t.Fatalf("Find(%q): match on line %d of %d", quote, m.Line, len(ps))
			}
			s := ps[m.Line-1].Text
			if m.Start < 0 || m.Start > m.End || m.End > len(s) {
				t.Fatalf("Find(%q): match [%d:%d] in a passage of %d bytes", quote, m.Start, m.End, len(s))
			}
			if !onBoundary(s, m.Start) || !onBoundary(s, m.End) {
				t.Fatalf("Find(%q): match [%d:%d] splits a character of %q", quote, m.Start, m.End, s)
			}
			if m.Score < 0 || m.Score > 1 {
				t.Fatalf("Find(%q): score %v", quote, m.Score)
			}
		}
		switch r.Status {
		case Exact, Normalized, Fuzzy:
			check(r.Match)
			got := ps[r.Match.Line-1].Text[r.Match.Start:r.Match.End]
			switch {
			case r.Status == Exact && got != quote:
				t.Fatalf("Find(%q) = exact match %q", quote, got)
			case r.Status == Normalized && !strings.Contains(fold(got).s, fold(quote).s):
				t.Fatalf("Find(%q) = normalized match %q", quote, got)
			case r.Status == Fuzzy && r.Match.Score < FuzzyThreshold:
				t.Fatalf("Find(%q) = fuzzy match with score %v", quote, r.Match.Score)
			}
		case Ambiguous:
			if len(r.Candidates) < 2 || r.Match != r.Candidates[0] {
				t.Fatalf("Find(%q) = ambiguous %+v among %+v", quote, r.Match, r.Candidates)
			}
			for _, c := range r.Candidates {
				check(c)
			}
		case NotFound:
			if r.Match != (Match{}) {
				check(r.Match)
			}
			if r.Match.Score >= FuzzyThreshold {
				t.Fatalf("Find(%q) = not found with score %v", quote, r.Match.Score)
			}
		}
	})
}

// onBoundary reports whether i is where a character of s begins as Go's range loop reads
// it (a byte that is not UTF-8 counting as one character), or the end of s.
func onBoundary(s string, i int) bool {
	if i == len(s) {
		return true
	}
	for j := range s {
		if j >= i {
			return j == i
		}
	}
	return false
}

func BenchmarkFind(b *testing.B) {
	ps := mustPassages(b, article)
	for _, bc := range []struct{ name, quote string }{
		{"exact", "Ich denke, dass Nordkorea weiterhin Artilleriegranaten und Raketen liefern wird"},
		{"normalized", `"Ich denke, dass Nordkorea weiterhin Artilleriegranaten und Raketen liefern wird"`},
		{"fuzzy", "Ich denke, dass Nordkorea weiterhin Artilleriegranaten und Raketten liefern wird"},
		{"not found", "Dieser Satz über Kim Jong-un und Wladimir Putin steht nirgends im Artikel, auch nicht ungefähr."},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Find(ps, bc.quote, "", "")
			}
		})
		b.Run(bc.name+"/prepared", func(b *testing.B) {
			text := NewText(ps)
			text.Find(bc.quote, "", "")
			b.ReportAllocs()
			for b.Loop() {
				text.Find(bc.quote, "", "")
			}
		})
	}
}
