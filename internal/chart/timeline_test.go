package chart

import (
	"dossier/internal/locale"

	"fmt"
	"html/template"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
)

func day0(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

var (
	zoomFrom = day0(2023, 1, 1)
	zoomTo   = day0(2024, 12, 31)
)

func sampleConfig(width int) TimelineConfig {
	return TimelineConfig{Title: "Zeitleiste", Width: width, ZoomFrom: zoomFrom, ZoomTo: zoomTo, Legend: sampleLegend}
}

// timelineCases are inputs for Timeline and MiniTimeline, realistic and odd.
func timelineCases(t *testing.T) []struct {
	name   string
	events []Event
	cfg    TimelineConfig
} {
	es := sampleEvents(t)
	same := make([]Event, 20)
	for i := range same {
		same[i] = Event{ID: fmt.Sprintf("e%02d", i), Title: "Ereignis am selben Tag", URL: "e/", Start: day0(2023, 9, 13), Topic: i % 9}
	}
	return []struct {
		name   string
		events []Event
		cfg    TimelineConfig
	}{
		{"sample", es, sampleConfig(720)},
		{"sample narrow", es, sampleConfig(360)},
		{"sample wide", es, sampleConfig(1200)},
		{"sample English", es, TimelineConfig{Width: 640, ZoomFrom: zoomFrom, ZoomTo: zoomTo, Legend: sampleLegend, Locale: locale.English}},
		{"no zoom", es, TimelineConfig{Title: "Zeitleiste", Legend: sampleLegend}},
		{"zoom without events", es[:3], TimelineConfig{ZoomFrom: day0(1800, 1, 1), ZoomTo: day0(1801, 1, 1)}},
		{"only in zoom", eventsWith(es, "2023", "2024", "schoigu", "lawrow"), sampleConfig(720)},
		{"only before zoom", eventsWith(es, "geburt"), sampleConfig(720)},
		{"one event", es[:1], sampleConfig(720)},
		{"zoom over all", es, TimelineConfig{ZoomFrom: day0(1900, 1, 1), ZoomTo: day0(2030, 12, 31), Legend: sampleLegend}},
		{"long zoom", es, TimelineConfig{ZoomFrom: day0(1990, 1, 1), ZoomTo: day0(2024, 12, 31), Legend: sampleLegend}},
		{"one day", same, sampleConfig(720)},
		{"centuries", []Event{
			{ID: "a", Title: "Anfang", URL: "a/", Start: day0(100, 1, 1), End: day0(100, 12, 31)},
			{ID: "b", Title: "Ende", URL: "b/", Start: day0(9999, 12, 31)},
		}, TimelineConfig{}},
		{"odd input", []Event{
			{ID: "x", Title: `<script>&"'`, URL: "javascript:alert(1)", Start: day0(2023, 5, 1), End: day0(2020, 1, 1), Topic: 100},
			{ID: "y", Title: "Ohne Link", Start: day0(1999, 5, 1), Topic: -1},
			{ID: "z", Title: "Ohne Datum", URL: "z/"},
			{ID: "w", Title: strings.Repeat("Sehr langer Titel ", 20), URL: "w/", Start: day0(2024, 2, 1), End: day0(2024, 2, 29), Topic: 7},
		}, sampleConfig(500)},
	}
}

func TestTimeline(t *testing.T) {
	for _, tc := range timelineCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			out := string(Timeline(tc.events, tc.cfg))
			root := checkChart(t, out)
			if !root.hasClass("chart-timeline") {
				t.Errorf("class = %q, want chart-timeline", root.attr["class"])
			}
			checkNoOverlap(t, root)
			checkLabelsClearMarks(t, root)
			checkEventLinks(t, root, tc.events)
			checkSize(t, root, len(tc.events))
		})
	}
}

func TestMiniTimeline(t *testing.T) {
	for _, tc := range timelineCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			cfg := tc.cfg
			cfg.Width = 0
			out := string(MiniTimeline(tc.events, cfg))
			root := checkChart(t, out)
			vb := viewBox(t, root)
			if w, h := vb.x1-vb.x0, vb.y1-vb.y0; w != 600 || h < 50 || h > 90 {
				t.Errorf("viewBox %v by %v, want 600 by about 80", w, h)
			}
			if n := len(labels(t, root)); n != 0 {
				t.Errorf("%d labels, want none", n)
			}
			checkEventLinks(t, root, tc.events)
			checkSize(t, root, len(tc.events))
		})
	}
}

// checkSize fails for a chart of n events with more elements than they need: ticks by
// the thousand, say.
func checkSize(t *testing.T, root *element, n int) {
	t.Helper()
	if got, limit := len(root.all("")), 120+6*n; got > limit {
		t.Errorf("%d elements for %d events, want at most %d", got, n, limit)
	}
}

// checkEventLinks checks that each event with a date is drawn once, as a link to its URL
// when it has one, unless it is drawn twice because it reaches into the zoom span.
func checkEventLinks(t *testing.T, root *element, events []Event) {
	t.Helper()
	drawn := map[string]int{}
	for _, e := range root.all("") {
		if e.hasClass("event") {
			drawn[e.children[0].text]++
			if e.name == "a" && strings.HasPrefix(e.attr["href"], "javascript:") {
				t.Errorf("href %q", e.attr["href"])
			}
		}
	}
	for _, e := range events {
		if e.Start.IsZero() {
			continue
		}
		key := entry{Event: &e}.tooltip()
		if drawn[key] == 0 {
			t.Errorf("event %q not drawn (tooltips: %d)", key, len(drawn))
		}
	}
}

// checkLabelsClearMarks fails for a label that covers a mark.
func checkLabelsClearMarks(t *testing.T, root *element) {
	t.Helper()
	ms := marks(t, root)
	for _, l := range labels(t, root) {
		for _, m := range ms {
			if l.overlaps(m) {
				t.Errorf("label %v covers mark %v", l, m)
			}
		}
	}
}

func TestTimelineZoom(t *testing.T) {
	es := sampleEvents(t)
	root := mustParse(t, string(Timeline(es, sampleConfig(720))))
	if len(root.all("a")) < len(es) {
		t.Errorf("%d links for %d events", len(root.all("a")), len(es))
	}
	var band, bracket, caption int
	for _, e := range root.all("") {
		switch {
		case e.hasClass("zoom-band"):
			band++
		case e.hasClass("zoom-bracket"):
			bracket++
		case e.hasClass("zoom-caption"):
			caption++
			if !strings.Contains(e.text, "2023–2024") {
				t.Errorf("zoom caption %q, want the span 2023–2024", e.text)
			}
		}
	}
	if band != 1 || bracket != 1 || caption != 1 {
		t.Errorf("zoom band, bracket, caption: %d, %d, %d; want one each", band, bracket, caption)
	}
	// The overview has year ticks by the decade, the zoom panel months.
	var ticks []string
	for _, tx := range root.all("text") {
		if tx.parent.hasClass("tick") {
			ticks = append(ticks, tx.text)
		}
	}
	for _, want := range []string{"1910", "1950", "2000", "Jan.", "Juli", "2023", "2024"} {
		if !slices.Contains(ticks, want) {
			t.Errorf("tick labels %q lack %q", ticks, want)
		}
	}
	if n := len(labels(t, root)); n < 12 {
		t.Errorf("%d event labels in the zoom panel, want at least 12", n)
	}
	desc := root.all("desc")[0].text
	for _, want := range []string{"1910", "2024", "49 Ereignissen", "Januar 2023 bis Dezember 2024"} {
		if !strings.Contains(desc, want) {
			t.Errorf("desc %q lacks %q", desc, want)
		}
	}
}

func TestTimelineLegend(t *testing.T) {
	es := []Event{
		{ID: "a", Title: "A", URL: "a/", Start: day0(2000, 1, 1), Topic: 3},
		{ID: "b", Title: "B", URL: "b/", Start: day0(2001, 1, 1), Topic: 1},
		{ID: "c", Title: "C", URL: "c/", Start: day0(2002, 1, 1), Topic: 3},
	}
	root := mustParse(t, string(Timeline(es, TimelineConfig{Legend: sampleLegend})))
	var got []string
	for _, g := range root.all("g") {
		if g.hasClass("legend") {
			for _, tx := range g.all("text") {
				got = append(got, tx.text)
			}
		}
	}
	if want := []string{sampleLegend[1], sampleLegend[3]}; !slices.Equal(got, want) {
		t.Errorf("legend %q, want %q: the topics used, in order", got, want)
	}
}

func TestEmpty(t *testing.T) {
	noDate := []Event{{ID: "a", Title: "A"}}
	for name, got := range map[string]template.HTML{
		"Timeline":            Timeline(nil, TimelineConfig{}),
		"Timeline no date":    Timeline(noDate, TimelineConfig{}),
		"MiniTimeline":        MiniTimeline(nil, TimelineConfig{}),
		"Network":             Network(nil, nil, NetworkConfig{}),
		"Network no ID":       Network([]Node{{Label: "x"}}, nil, NetworkConfig{}),
		"NetworkTable":        NetworkTable(nil, nil, NetworkConfig{}),
		"MiniTimeline nodate": MiniTimeline(noDate, TimelineConfig{}),
	} {
		if got != "" {
			t.Errorf("%s of nothing = %.40q…, want \"\"", name, got)
		}
	}
}

// TestTimelineDeterministic checks that the same events, in any order, give the same bytes.
func TestTimelineDeterministic(t *testing.T) {
	es := sampleEvents(t)
	for _, draw := range []struct {
		name string
		f    func([]Event, TimelineConfig) template.HTML
	}{{"Timeline", Timeline}, {"MiniTimeline", MiniTimeline}} {
		want := draw.f(es, sampleConfig(720))
		if again := draw.f(es, sampleConfig(720)); again != want {
			t.Errorf("%s: two calls differ", draw.name)
		}
		r := rand.New(rand.NewPCG(1, 2))
		for i := range 5 {
			shuffled := slices.Clone(es)
			r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
			if got := draw.f(shuffled, sampleConfig(720)); got != want {
				t.Errorf("%s: shuffle %d gives other bytes", draw.name, i)
			}
		}
	}
}

func TestTruncate(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want string
	}{
		{"kurz", 10, "kurz"},
		{"Außenminister Lawrow in Pjöngjang", 33, "Außenminister Lawrow in Pjöngjang"},
		{"Außenminister Lawrow in Pjöngjang", 30, "Außenminister Lawrow in…"},
		{"Weltraumbahnhof", 8, "Weltrau…"},
		{"Kim Jong-un trifft mit dem Panzerzug ein", 14, "Kim Jong-un…"},
	} {
		if got := truncate(tc.in, tc.n); got != tc.want {
			t.Errorf("truncate(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
	}
}

func TestNum(t *testing.T) {
	for _, tc := range []struct {
		in   float64
		want string
	}{{0, "0"}, {1.04, "1"}, {1.05, "1.1"}, {-0.01, "0"}, {-2.5, "-2.5"}, {12.345, "12.3"}} {
		if got := num(tc.in); got != tc.want {
			t.Errorf("num(%v) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSafeURL(t *testing.T) {
	for in, want := range map[string]string{
		"../events/a/":        "../events/a/",
		"a/b:c/":              "a/b:c/",
		"#x":                  "#x",
		"https://example.org": "https://example.org",
		"javascript:alert(1)": "#",
		"JavaScript:x":        "#",
		"data:text/html,x":    "#",
	} {
		if got := safeURL(in); got != want {
			t.Errorf("safeURL(%q) = %q, want %q", in, got, want)
		}
	}
}

// manyEvents returns n events spread over 1900–2024, a third of them in 2023–2024.
func manyEvents(n int) []Event {
	r := rand.New(rand.NewPCG(3, 4))
	es := make([]Event, n)
	for i := range es {
		start := day0(1900, 1, 1).AddDate(0, 0, r.IntN(125*365))
		if i%3 == 0 {
			start = day0(2023, 1, 1).AddDate(0, 0, r.IntN(730))
		}
		end := start
		if i%7 == 0 {
			end = start.AddDate(r.IntN(5), r.IntN(12), 0)
		}
		es[i] = Event{ID: fmt.Sprintf("e%05d", i), Title: fmt.Sprintf("Ereignis Nummer %d", i),
			URL: fmt.Sprintf("../events/e%05d/", i), Start: start, End: end, Label: start.Format("2.1.2006"), Topic: i % 8}
	}
	return es
}

func TestTimelineMany(t *testing.T) {
	es := manyEvents(2000)
	for _, draw := range []func([]Event, TimelineConfig) template.HTML{Timeline, MiniTimeline} {
		root := checkChart(t, string(draw(es, sampleConfig(720))))
		checkNoOverlap(t, root)
		if vb := viewBox(t, root); vb.y1-vb.y0 > 900 {
			t.Errorf("height %v: too tall for a page", vb.y1-vb.y0)
		}
	}
}

func BenchmarkTimeline(b *testing.B) {
	es := manyEvents(5000)
	cfg := sampleConfig(720)
	for b.Loop() {
		Timeline(es, cfg)
	}
}

func BenchmarkMiniTimeline(b *testing.B) {
	es := manyEvents(5000)
	cfg := sampleConfig(600)
	for b.Loop() {
		MiniTimeline(es, cfg)
	}
}
