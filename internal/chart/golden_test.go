package chart

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestGolden compares small charts with the markup in testdata/, byte for byte, so that
// any change to what the charts write shows in review. Run with -update to accept one.
func TestGolden(t *testing.T) {
	events := []Event{
		{ID: "koreakrieg", Title: "Koreakrieg", URL: "../events/koreakrieg/", Start: day0(1950, 6, 25), End: day0(1953, 7, 27), Label: "1950–1953", Topic: 0},
		{ID: "tod-kim-il-sung", Title: "Tod Kim Il-sungs", URL: "../events/tod-kim-il-sung/", Start: day0(1994, 7, 8), Label: "8. Juli 1994", Topic: 0},
		{ID: "wostotschny", Title: "Gipfel in Wostotschny", URL: "../events/wostotschny/", Start: day0(2023, 9, 13), Label: "13. September 2023", Topic: 1},
		{ID: "vertrag", Title: "Vertrag über strategische Partnerschaft", URL: "../events/vertrag/", Start: day0(2024, 6, 19), Label: "19. Juni 2024", Topic: 1},
	}
	cfg := TimelineConfig{ID: "tl", Title: "Zeitleiste", Width: 480, ZoomFrom: zoomFrom, ZoomTo: zoomTo,
		Legend: []string{"Geschichte", "Diplomatie"}}
	nodes := []Node{
		{ID: "putin", Label: "Wladimir Putin", URL: "../actors/putin/", Weight: 40, Group: 0},
		{ID: "kim", Label: "Kim Jong-un", URL: "../actors/kim/", Weight: 35, Group: 0},
		{ID: "russland", Label: "Russland", URL: "../actors/russland/", Weight: 50, Group: 1},
		{ID: "nordkorea", Label: "Nordkorea", URL: "../actors/nordkorea/", Weight: 60, Group: 1},
		{ID: "kcna", Label: "KCNA", URL: "../actors/kcna/", Weight: 5, Group: 3},
	}
	edges := []Edge{{"putin", "kim", 12}, {"putin", "russland", 8}, {"kim", "nordkorea", 10},
		{"russland", "nordkorea", 20}, {"kcna", "nordkorea", 3}, {"kcna", "kim", 2}}
	ncfg := NetworkConfig{ID: "nw", Title: "Netz", Width: 400, Height: 300, Legend: sampleGroupNames}

	for _, tc := range []struct {
		file string
		got  string
	}{
		{"timeline.svg", string(Timeline(events, cfg))},
		{"mini.svg", string(MiniTimeline(events, TimelineConfig{ID: "mini", Title: "Ereignisse", Width: 400, ZoomFrom: zoomFrom, ZoomTo: zoomTo}))},
		{"network.svg", string(Network(nodes, edges, ncfg))},
		{"network-table.html", string(NetworkTable(nodes, edges, ncfg))},
	} {
		t.Run(tc.file, func(t *testing.T) {
			path := filepath.Join("testdata", tc.file)
			if *update {
				if err := os.WriteFile(path, []byte(tc.got+"\n"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to write it)", err)
			}
			if got := tc.got + "\n"; got != string(want) {
				t.Errorf("%s differs from the chart drawn now, first at byte %d:\n got: %s\nwant: %s\n(run with -update to accept)",
					path, firstDiff(got, string(want)), around(got, firstDiff(got, string(want))), around(string(want), firstDiff(got, string(want))))
			}
		})
	}
}

func firstDiff(a, b string) int {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return i
}

// around returns up to 60 bytes of s either side of i.
func around(s string, i int) string {
	return s[max(i-60, 0):min(i+60, len(s))]
}
