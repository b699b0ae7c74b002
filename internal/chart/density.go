package chart

import (
	"html/template"
	"strconv"
	"time"
)

// A Bin is one month of a density chart: how many events fall in it.
type Bin struct {
	Month time.Time // its first day
	Count int
	Label string // the month as the page writes it: "März 2024"
	URL   string // where its events are listed; empty for none
}

// A DensityConfig says how to draw a density chart.
type DensityConfig struct {
	ID     string // prefix of the ids inside the chart
	Title  string // the chart's accessible name
	Width  int    // of the viewBox in px; 720 if zero
	Events string // the word after a count in a bar's tooltip: "Ereignisse"
}

// Density draws bins, consecutive months, as bars of their counts over a time axis
// labelled by year, each bar a link to its events. It is the overview of a timeline of
// thousands of events, which drawn one by one would be megabytes: its size grows with the
// months it spans, not with the events. No bins give "".
func Density(bins []Bin, cfg DensityConfig) template.HTML {
	if len(bins) == 0 {
		return ""
	}
	width := float64(cfg.Width)
	if width == 0 {
		width = 720
	}
	const height, top, axis = 120.0, 8.0, 96.0
	most, total := 0, 0
	for _, b := range bins {
		most, total = max(most, b.Count), total+b.Count
	}
	id := chartID(cfg.ID, "density", cfg.Title, width, []string{bins[0].Label, strconv.Itoa(len(bins))})
	desc := bins[0].Label + " – " + bins[len(bins)-1].Label + ": " + strconv.Itoa(total) + " " + cfg.Events
	var w writer
	w.open("density", id, width, height, cfg.Title, desc)
	step := (width - 2*margin) / float64(len(bins))
	for i, b := range bins {
		x := margin + float64(float64(i)*step) // not fused: the same on every platform
		if b.Month.Month() == time.January || i == 0 {
			w.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="currentColor" stroke-opacity=".4"/>`, num(x), num(top), num(x), num(axis+4))
			w.printf(`<text x="%s" y="%s" font-size="%s" fill="currentColor">%d</text>`, num(x+2), num(axis+16), num(tickSize), b.Month.Year())
		}
		if b.Count == 0 {
			continue
		}
		h := (axis - top) * float64(b.Count) / float64(most)
		w.link(b.URL, "bin", b.Label+": "+strconv.Itoa(b.Count)+" "+cfg.Events)
		w.printf(`<rect x="%s" y="%s" width="%s" height="%s" fill="currentColor" fill-opacity=".7"/>`, num(x+0.5), num(axis-h), num(max(1, step-1)), num(h))
		w.endLink(b.URL)
	}
	w.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="currentColor"/>`, num(margin), num(axis), num(width-margin), num(axis))
	w.close()
	return template.HTML(w.String())
}
