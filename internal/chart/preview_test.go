package chart

import (
	"flag"
	"html/template"
	"os"
	"testing"
	"time"
)

var preview = flag.String("preview", "", "write an HTML page with sample charts to this file")

// TestWritePreview writes a page with the sample charts, styled like the dossier, to look
// at in a browser or to screenshot:
//
//	go test ./internal/chart -run WritePreview -preview=/tmp/x.html
//	chromium --headless --no-sandbox --disable-gpu --screenshot=/tmp/c.png --window-size=1280,900 file:///tmp/x.html
//
// Add --blink-settings=preferredColorScheme=0 for the dark theme, and #timeline, #kim, #arms
// or #network to the URL for that figure alone. Each chart is rendered
// twice, for wide and narrow screens, and a media query shows one.
func TestWritePreview(t *testing.T) {
	if *preview == "" {
		t.Skip("no -preview file given")
	}
	es := sampleEvents(t)
	zoomFrom := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	zoomTo := time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC)
	tl := func(id string, width int) template.HTML {
		return Timeline(es, TimelineConfig{ID: id, Title: "Zeitleiste", Width: width,
			ZoomFrom: zoomFrom, ZoomTo: zoomTo, Legend: sampleLegend})
	}
	mini := func(id string, width int, words ...string) template.HTML {
		return MiniTimeline(eventsWith(es, words...), TimelineConfig{ID: id, Title: "Ereignisse", Width: width,
			ZoomFrom: zoomFrom, ZoomTo: zoomTo})
	}
	nodes, edges := sampleNetwork(t)
	nw := func(id string, width, height int) template.HTML {
		return Network(nodes, edges, NetworkConfig{ID: id, Title: "Netz der Akteure", Width: width, Height: height,
			Legend: sampleGroupNames})
	}
	data := map[string]any{
		"TimelineWide":   tl("tl-wide", 720),
		"TimelineNarrow": tl("tl-narrow", 360),
		"KimWide":        mini("kim-wide", 600, "kim", "Kim"),
		"KimNarrow":      mini("kim-narrow", 360, "kim", "Kim"),
		"ArmsWide":       mini("arms-wide", 600, "waffen", "Waffen", "raketen", "container"),
		"ArmsNarrow":     mini("arms-narrow", 360, "waffen", "Waffen", "raketen", "container"),
		"NetworkWide":    nw("nw-wide", 720, 540),
		"NetworkNarrow":  nw("nw-narrow", 360, 460),
		"Table":          NetworkTable(nodes, edges, NetworkConfig{Title: "Die Akteure und wer mit ihnen genannt wird"}),
	}
	f, err := os.Create(*preview)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := previewPage.Execute(f, data); err != nil {
		t.Fatal(err)
	}
}

var previewPage = template.Must(template.New("preview").Parse(`<!doctype html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>chart preview</title>
<style>
:root {
  --bg: #fdfcf9; --fg: #1d1d1f; --muted: #5b5b60; --rule: #dedbd3; --accent: #8a1c1c; --link: #0b4f8a;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color-scheme: light dark;
  --topic-0: #3b6fb6; --topic-1: #b85a0c; --topic-2: #2a7d36; --topic-3: #c0313f;
  --topic-4: #7d52b5; --topic-5: #127b8a; --topic-6: #96690c; --topic-7: #b0438b; --topic-none: #737373;
  --group-0: #b85a0c; --group-1: #3b6fb6; --group-2: #2a7d36; --group-3: #7d52b5;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #17171a; --fg: #e8e6e1; --muted: #a9a7a1; --rule: #3a3a40; --accent: #f08c7c; --link: #8cc4ff;
    --topic-0: #6d9fe0; --topic-1: #e88a3c; --topic-2: #5cb86a; --topic-3: #ec6f7d;
    --topic-4: #ad8be0; --topic-5: #3fb8c8; --topic-6: #d4a640; --topic-7: #e07fc0; --topic-none: #9a9a9a;
    --group-0: #e88a3c; --group-1: #6d9fe0; --group-2: #5cb86a; --group-3: #ad8be0;
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 1.0625rem/1.6 Georgia, serif; }
main { max-width: 46rem; margin: 0 auto; padding: 1rem; }
h1, h2 { font-family: var(--sans); }
a { color: var(--link); }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
figure { margin: 1rem 0 2rem; }
figcaption { font: .9rem var(--sans); color: var(--muted); }
.chart { display: block; width: 100%; height: auto; --chart-bg: var(--bg); --chart-font: var(--sans); }
.chart a { color: var(--fg); }
.chart a:hover .mark, .chart a:focus-visible .mark { stroke: var(--fg); stroke-width: 2px; }
.chart a:hover .label { text-decoration: underline; }
.chart-network .edge { color: var(--fg); }
.narrow { display: none; }
@media (max-width: 600px) { .wide { display: none; } .narrow { display: block; } }
/* file:///tmp/x.html#network shows that figure alone, for a close screenshot. */
body:has(figure:target) main > :not(figure:target) { display: none; }
table { border-collapse: collapse; font: .85rem var(--sans); }
th, td { text-align: left; padding: .2rem .5rem; border-bottom: 1px solid var(--rule); vertical-align: top; }
</style></head>
<body><main>
<h1>Zeitleiste</h1>
<figure id="timeline"><div class="wide">{{.TimelineWide}}</div><div class="narrow">{{.TimelineNarrow}}</div>
<figcaption>Alle Ereignisse; 2023–2024 vergrößert.</figcaption></figure>
<h2>Kim Jong-un</h2>
<figure id="kim"><div class="wide">{{.KimWide}}</div><div class="narrow">{{.KimNarrow}}</div></figure>
<h2>Waffen und Munition</h2>
<figure id="arms"><div class="wide">{{.ArmsWide}}</div><div class="narrow">{{.ArmsNarrow}}</div></figure>
<h2>Netz der Akteure</h2>
<figure id="network"><div class="wide">{{.NetworkWide}}</div><div class="narrow">{{.NetworkNarrow}}</div></figure>
<details><summary>Als Tabelle</summary>{{.Table}}</details>
</main></body></html>
`))
