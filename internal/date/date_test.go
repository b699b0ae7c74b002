package date_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"dossier/internal/date"
)

// parseTests are valid inputs and the canonical form each parses to.
var parseTests = []struct {
	in, want string
}{
	{"2024", "2024"},
	{"2024-06", "2024-06"},
	{"2024-06-19", "2024-06-19"},
	{"  2024-06-19\t", "2024-06-19"},
	{"\n~1982 ", "~1982"},
	{"0001", "0001"},
	{"0050-01-01", "0050-01-01"},
	{"9999-12-31", "9999-12-31"},
	{"2024-02-29", "2024-02-29"},
	{"2000-02-29", "2000-02-29"},
	{"2023-04-30", "2023-04-30"},
	{"1950/1953", "1950/1953"},
	{"2023-07/2023-09", "2023-07/2023-09"},
	{"1950-06-25/1953-07-27", "1950-06-25/1953-07-27"},
	{"1950-06/1953", "1950-06/1953"},
	{"1950/1953-07-27", "1950/1953-07-27"},
	{"2023-12-31/2024", "2023-12-31/2024"},
	{"~1982", "~1982"},
	{"~2023-07", "~2023-07"},
	{"~2024-06-19", "~2024-06-19"},
	{"1982/1984?", "1982/1984?"},
	{"1982/1983?", "1982/1983?"},
	{"1970/1980?", "1970/1980?"},
	{"2023-07/2023-09?", "2023-07/2023-09?"},
	{"2024-06-18/2024-06-20?", "2024-06-18/2024-06-20?"},
	{"<2023-07", "<2023-07"},
	{">2023-07", ">2023-07"},
	{"<2023", "<2023"},
	{">2024-06-19", ">2024-06-19"},
	{">9999-12-31", ">9999-12-31"},
}

// parseErrorTests are invalid inputs and a part of the error each must give.
var parseErrorTests = []struct {
	in, err string
}{
	{"", "empty date; write YYYY, YYYY-MM or YYYY-MM-DD, a range 1950/1953, ~1982"},
	{" \t ", "empty date"},
	{"2024-13-45", `month 13 out of range in "2024-13-45"; write YYYY, YYYY-MM or YYYY-MM-DD`},
	{"2024-00", `month 00 out of range in "2024-00"`},
	{"2023-02-29", `day 29 out of range for 2023-02, which has 28 days, in "2023-02-29"`},
	{"1900-02-29", "day 29 out of range for 1900-02"},
	{"2024-04-31", "day 31 out of range for 2024-04, which has 30 days"},
	{"2024-06-00", "day 00 out of range"},
	{"0000", `year 0000 out of range (0001 to 9999) in "0000"; write YYYY`},
	{"0000-06/2024", `year 0000 out of range (0001 to 9999) in "0000-06/2024"`},
	{"10000", "year must have 4 digits"},
	{"824", "year must have 4 digits"},
	{"20240619", "year must have 4 digits"},
	{"2024-6-1", `month must have 2 digits in "2024-6-1"; write YYYY, YYYY-MM or YYYY-MM-DD`},
	{"2024-06-1", "day must have 2 digits"},
	{"2024-06-019", "day must have 2 digits"},
	{"2024-06-19T10:00", `time of day not allowed in "2024-06-19T10:00"`},
	{"2024-06-19 10:00", "time of day"},
	{"2024-06-19T10:00:00-07:00", "time of day"},
	{"2024-06-19-01", "more than year, month and day"},
	{"2024-", "missing month"},
	{"2024-06-", "missing day"},
	{"-2024", "missing year"},
	{"June 2024", `year "June 2024" is not a number`},
	{"2024-Jun", `month "Jun" is not a number`},
	{"２０２４", "is not a number"},
	{"+2024", "is not a number"},
	{"1950 / 1953", "is not a number"},
	{"1953/1950", `range ends before it starts in "1953/1950"; write START/END`},
	{"2023-09/2023-07", "range ends before it starts"},
	{"1953-07-27/1950-06-25", "range ends before it starts"},
	{"1982/1982", "range end 1982 is not after its start 1982"},
	{"2023/2023-03", "range end 2023-03 is not after its start 2023"},
	{"2023-07-15/2023-07", "range end 2023-07 is not after its start 2023-07-15"},
	{"1950/1953/1960", "more than one /"},
	{"/1953", "range without a start"},
	{"1950/", "range without an end"},
	{"/", "range without a start"},
	{"?", "? needs a date before it"},
	{"1982?/1984", "? may only end a range"},
	{"1982/1984??", "? may only end a range"},
	{"1982/1984-06?", "? needs both ends of the range at the same precision"},
	{"~1982/1984", `~ qualifies a single date, not a range, in "~1982/1984"`},
	{"<1950/1953", "< qualifies a single date"},
	{">1950/1953?", "> qualifies a single date"},
	{"~", "~ needs a date after it"},
	{"<", "< needs a date after it"},
	{"~~1982", "is not a number"},
	{"~<1982", "is not a number"},
	{"~ 1982", "is not a number"},
	{"c. 1982", "is not a number"},
}

func TestParse(t *testing.T) {
	for _, tt := range parseTests {
		t.Run(tt.in, func(t *testing.T) {
			d, err := date.Parse(tt.in)
			if err != nil {
				t.Fatalf("Parse(%q) error: %v", tt.in, err)
			}
			if got := d.String(); got != tt.want {
				t.Errorf("Parse(%q) = %v, want %v", tt.in, got, tt.want)
			}
			if d.IsZero() {
				t.Errorf("Parse(%q).IsZero() = true, want false", tt.in)
			}
		})
	}
}

func TestParseError(t *testing.T) {
	for _, tt := range parseErrorTests {
		t.Run(tt.in, func(t *testing.T) {
			d, err := date.Parse(tt.in)
			if err == nil {
				t.Fatalf("Parse(%q) = %v, want error containing %q", tt.in, d, tt.err)
			}
			if !strings.Contains(err.Error(), tt.err) {
				t.Errorf("Parse(%q) error = %q, want it to contain %q", tt.in, err, tt.err)
			}
			if !strings.Contains(err.Error(), "; write ") {
				t.Errorf("Parse(%q) error = %q, want it to show the forms to write", tt.in, err)
			}
		})
	}
}

func TestRoundTrip(t *testing.T) {
	for _, tt := range parseTests {
		d := mustParse(t, tt.in)
		back, err := date.Parse(d.String())
		if err != nil {
			t.Errorf("Parse(%q) error: %v", d.String(), err)
			continue
		}
		if back != d {
			t.Errorf("Parse(%q) = %v, want %v", d.String(), back, d)
		}
	}
}

var displayTests = []struct {
	in, german, english string
}{
	{"2024-06-19", "19. Juni 2024", "19 June 2024"},
	{"2024-06-01", "1. Juni 2024", "1 June 2024"},
	{"2024-06", "Juni 2024", "June 2024"},
	{"2024-03", "März 2024", "March 2024"},
	{"2024", "2024", "2024"},
	{"0050", "50", "50"},
	{"1950/1953", "1950–1953", "1950–1953"},
	{"1950-06-25/1953-07-27", "25. Juni 1950 – 27. Juli 1953", "25 June 1950 – 27 July 1953"},
	{"2023-07/2023-09", "Juli – September 2023", "July – September 2023"},
	{"2023-11/2024-02", "November 2023 – Februar 2024", "November 2023 – February 2024"},
	{"2024-06-18/2024-06-20", "18.–20. Juni 2024", "18–20 June 2024"},
	{"2024-06-28/2024-07-02", "28. Juni – 2. Juli 2024", "28 June – 2 July 2024"},
	{"2023-12-30/2024-01-02", "30. Dezember 2023 – 2. Januar 2024", "30 December 2023 – 2 January 2024"},
	{"1950-06/1953", "Juni 1950 – 1953", "June 1950 – 1953"},
	{"1950/1953-07-27", "1950 – 27. Juli 1953", "1950 – 27 July 1953"},
	{"~1982", "um 1982", "c. 1982"},
	{"~2023-07", "um Juli 2023", "c. July 2023"},
	{"~2024-06-19", "um den 19. Juni 2024", "c. 19 June 2024"},
	{"1982/1984?", "1982, 1983 oder 1984", "1982, 1983 or 1984"},
	{"1982/1983?", "1982 oder 1983", "1982 or 1983"},
	{"1976/1980?", "1976, 1977, 1978, 1979 oder 1980", "1976, 1977, 1978, 1979 or 1980"},
	{"1975/1980?", "zwischen 1975 und 1980", "between 1975 and 1980"},
	{"1970/1980?", "zwischen 1970 und 1980", "between 1970 and 1980"},
	{"2023-07/2023-09?", "Juli, August oder September 2023", "July, August or September 2023"},
	{"2023-12/2024-01?", "Dezember 2023 oder Januar 2024", "December 2023 or January 2024"},
	{"2023-01/2023-12?", "zwischen Januar und Dezember 2023", "between January and December 2023"},
	{"2022-01/2023-12?", "zwischen Januar 2022 und Dezember 2023", "between January 2022 and December 2023"},
	{"2024-06-18/2024-06-20?", "18., 19. oder 20. Juni 2024", "18, 19 or 20 June 2024"},
	{"2024-06-30/2024-07-01?", "30. Juni oder 1. Juli 2024", "30 June or 1 July 2024"},
	{"2024-02-28/2024-03-01?", "28. Februar, 29. Februar oder 1. März 2024", "28 February, 29 February or 1 March 2024"},
	{"2024-06-01/2024-06-20?", "zwischen dem 1. und dem 20. Juni 2024", "between 1 and 20 June 2024"},
	{"<2023-07", "vor Juli 2023", "before July 2023"},
	{">2023-07", "nach Juli 2023", "after July 2023"},
	{"<2024-06-19", "vor dem 19. Juni 2024", "before 19 June 2024"},
	{">2024-06-19", "nach dem 19. Juni 2024", "after 19 June 2024"},
	{">1982", "nach 1982", "after 1982"},
}

func TestGerman(t *testing.T) {
	for _, tt := range displayTests {
		d := mustParse(t, tt.in)
		if got := d.German(); got != tt.german {
			t.Errorf("Parse(%q).German() = %q, want %q", tt.in, got, tt.german)
		}
	}
}

func TestEnglish(t *testing.T) {
	for _, tt := range displayTests {
		d := mustParse(t, tt.in)
		if got := d.English(); got != tt.english {
			t.Errorf("Parse(%q).English() = %q, want %q", tt.in, got, tt.english)
		}
	}
}

var boundsTests = []struct {
	in         string
	start, end string
	year       int
	iso        string
}{
	{"2024", "2024-01-01", "2024-12-31", 2024, "2024"},
	{"2024-02", "2024-02-01", "2024-02-29", 2024, "2024-02"},
	{"2023-02", "2023-02-01", "2023-02-28", 2023, "2023-02"},
	{"2024-06-19", "2024-06-19", "2024-06-19", 2024, "2024-06-19"},
	{"1950/1953", "1950-01-01", "1953-12-31", 1950, "1950"},
	{"1950-06-25/1953-07-27", "1950-06-25", "1953-07-27", 1950, "1950-06-25"},
	{"2023-07/2023-09", "2023-07-01", "2023-09-30", 2023, "2023-07"},
	{"1950-06/1953", "1950-06-01", "1953-12-31", 1950, "1950-06"},
	{"~1982", "1982-01-01", "1982-12-31", 1982, "1982"},
	{"~2023-07", "2023-07-01", "2023-07-31", 2023, "2023-07"},
	{"1982/1984?", "1982-01-01", "1984-12-31", 1982, "1982"},
	{"<2023-07", "2023-07-01", "2023-07-01", 2023, "2023-07"},
	{"<2023", "2023-01-01", "2023-01-01", 2023, "2023"},
	{">2023-07", "2023-08-01", "2023-08-01", 2023, "2023-07"},
	{">2023-12", "2024-01-01", "2024-01-01", 2024, "2023-12"},
	{">2024-02-28", "2024-02-29", "2024-02-29", 2024, "2024-02-28"},
	{">1982", "1983-01-01", "1983-01-01", 1983, "1982"},
}

func TestStartEnd(t *testing.T) {
	for _, tt := range boundsTests {
		d := mustParse(t, tt.in)
		start, end := d.Start(), d.End()
		if got := start.Format(time.DateOnly); got != tt.start {
			t.Errorf("Parse(%q).Start() = %v, want %v", tt.in, got, tt.start)
		}
		if got := end.Format(time.DateOnly); got != tt.end {
			t.Errorf("Parse(%q).End() = %v, want %v", tt.in, got, tt.end)
		}
		for _, tm := range []time.Time{start, end} {
			if tm.Location() != time.UTC || !tm.Equal(tm.Truncate(24*time.Hour)) {
				t.Errorf("Parse(%q): %v is not midnight UTC", tt.in, tm)
			}
		}
		if got := d.Year(); got != tt.year {
			t.Errorf("Parse(%q).Year() = %v, want %v", tt.in, got, tt.year)
		}
		if got := d.ISO(); got != tt.iso {
			t.Errorf("Parse(%q).ISO() = %v, want %v", tt.in, got, tt.iso)
		}
	}
}

// sorted is a mixed list in the order Compare puts it.
var sorted = []string{
	"1950/1953",
	"~1982",
	"1982/1984?",
	"2023",
	"2023-07-01",      // same Start and End as <2023-07, so String decides
	"<2023-07",        // sorts at the start of July
	"2023-07",         // then the whole month,
	"~2023-07",        // the same again, by String,
	"2023-07/2023-09", // then longer
	">2023-07",        // the day after July
	"2024-06-19",
}

func TestCompare(t *testing.T) {
	var want []date.Date
	for _, s := range sorted {
		want = append(want, mustParse(t, s))
	}
	got := slices.Clone(want)
	slices.Reverse(got)
	got[0], got[5] = got[5], got[0]
	slices.SortFunc(got, date.Compare)
	if !slices.Equal(got, want) {
		t.Errorf("sorted by Compare = %v, want %v", got, want)
	}
	for _, a := range want {
		for _, b := range want {
			if ab, ba := date.Compare(a, b), date.Compare(b, a); ab != -ba || (ab == 0) != (a == b) {
				t.Errorf("Compare(%v, %v) = %d, Compare(%v, %v) = %d", a, b, ab, b, a, ba)
			}
		}
	}
}

func TestZero(t *testing.T) {
	var d date.Date
	if !d.IsZero() {
		t.Errorf("Date{}.IsZero() = false, want true")
	}
	for name, got := range map[string]string{"String": d.String(), "German": d.German(), "English": d.English(), "ISO": d.ISO()} {
		if got != "" {
			t.Errorf("Date{}.%s() = %q, want empty", name, got)
		}
	}
	if !d.Start().IsZero() || !d.End().IsZero() || d.Year() != 0 {
		t.Errorf("Date{}: Start %v, End %v, Year %d, want zero", d.Start(), d.End(), d.Year())
	}
}

func TestText(t *testing.T) {
	type event struct {
		Date date.Date `json:"date"`
	}
	in := event{mustParse(t, "1982/1984?")}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), `{"date":"1982/1984?"}`; got != want {
		t.Errorf("json.Marshal(%v) = %s, want %s", in, got, want)
	}
	var out event
	if err := json.Unmarshal(b, &out); err != nil || out != in {
		t.Errorf("json.Unmarshal(%s) = %v, %v, want %v", b, out, err, in)
	}
	for _, bad := range []string{`{"date":""}`, `{"date":"2024-13"}`} {
		if err := json.Unmarshal([]byte(bad), &out); err == nil {
			t.Errorf("json.Unmarshal(%s) = %v, want error", bad, out)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, tt := range parseTests {
		f.Add(tt.in)
	}
	for _, tt := range parseErrorTests {
		f.Add(tt.in)
	}
	for _, tt := range displayTests {
		f.Add(tt.in)
	}
	for _, tt := range boundsTests {
		f.Add(tt.in)
	}
	for _, tt := range edtfTests {
		f.Add(tt.in)
	}
	for _, tt := range edtfErrorTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := date.Parse(s)
		if err != nil {
			if !strings.Contains(err.Error(), "; write ") {
				t.Errorf("Parse(%q) error = %q, want it to show the forms to write", s, err)
			}
			return
		}
		back, err := date.Parse(d.String())
		if err != nil {
			t.Fatalf("Parse(%q) error: %v (from Parse(%q))", d.String(), err, s)
		}
		if back != d {
			t.Errorf("Parse(%q) = %v, want %v (from Parse(%q))", d.String(), back, d, s)
		}
		if d.Start().After(d.End()) {
			t.Errorf("Parse(%q): Start %v after End %v", s, d.Start(), d.End())
		}
		if d.German() == "" || d.English() == "" {
			t.Errorf("Parse(%q): German() = %q, English() = %q, want text", s, d.German(), d.English())
		}
		if d.IsZero() {
			t.Errorf("Parse(%q).IsZero() = true, want false", s)
		}
	})
}

func mustParse(tb testing.TB, s string) date.Date {
	tb.Helper()
	d, err := date.Parse(s)
	if err != nil {
		tb.Fatalf("Parse(%q) error: %v", s, err)
	}
	return d
}
