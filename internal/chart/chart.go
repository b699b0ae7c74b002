// Package chart draws the dossier's pictures at build time as SVG: the timeline and the
// network of actors.
//
// Each function is pure: typed input in, markup out, as [template.HTML] for inline use in
// a page. The same input gives the same bytes whatever its order: events, nodes and edges
// are sorted first, no map is ranged over, the network layout starts from a fixed placement
// and runs a number of steps fixed by its size, every number is written with at most one
// decimal, and the arithmetic is written so that it gives the same bits on every platform
// (see layout.go; TestNoFusedMultiplyAdd keeps it so).
// Empty input gives the empty string, so a template can test the result with {{if}}.
//
// # Markup
//
// A chart is one <svg> element without an XML prolog:
//
//	<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-timeline" viewBox="0 0 720 310"
//	     width="100%" role="group" aria-labelledby="ID-title" aria-describedby="ID-desc" …>
//	  <title id="ID-title">…</title><desc id="ID-desc">…</desc>
//	  …
//	  <a href="../events/gipfel-wostotschny-2023/" class="event topic-2">
//	    <title>13. September 2023: Gipfel auf dem Weltraumbahnhof Wostotschny</title>
//	    <circle class="mark" …/><text class="label" …>Gipfel auf dem …</text>
//	  </a>
//	</svg>
//
// The root's role is group, not img: an img's children are presentational, which would hide
// its links from assistive technology (axe-core reports that as nested-interactive). The
// ids inside start with the config's ID or, when it is empty, with the chart's kind and a
// hash of its title, width and the IDs of what it draws, so that they differ between the
// charts of one page unless two draw the same thing at the same size. Every mark that
// has a URL is an SVG 2 <a href> whose first child is a <title>, which browsers show as
// a tooltip and screen readers read as the link's name. URLs are written as given (the
// caller makes them relative); one with a scheme other than http, https or mailto becomes
// "#".
//
// Geometry is in px of the viewBox, laid out for the config's Width, and the root has
// width="100%", so the picture scales with its container and keeps its aspect ratio. Text
// is 11 and 12 px at that width, so render a chart at about the width it is shown at: for
// a page that is wide on a desktop and narrow on a phone, render two (say 720 and 360 px,
// with distinct IDs) and show one of them by a media query. Label placement assumes a
// glyph is at most 0.6 em wide on average, which holds for system sans-serif fonts.
//
// # Styling
//
// Colours are presentation attributes that read CSS custom properties and fall back to a
// palette whose colours have at least 3:1 contrast against both a light (#fdfcf9) and a
// dark (#17171a) page, so the charts work in either theme with no stylesheet at all; a
// page refines them by defining the properties, or overrides them by class (a CSS rule
// beats a presentation attribute). Text is drawn in currentColor, so it takes the page's
// text colour, or inside a link the link colour (a page's "a { color: … }" rule matches
// SVG links too; ".chart a { color: inherit }" draws labels in the text colour). Lines,
// grid and axis are currentColor at a low opacity, so they follow the theme as well.
//
//	custom property    used for                              fallback
//	--topic-0 … -7     event marks and legend, by Topic      #3b75c4 #c4620a #2f8a3c #c8384a
//	                                                         #8a5cc2 #16899a #a87a12 #c04c98
//	--topic-none       events with Topic -1                  #7a7a7a
//	--group-none       nodes with a Group outside 0 to 3     #7a7a7a
//	--group-0 … -3     network nodes: person, state,         #c4620a #3b75c4 #2f8a3c #8a5cc2
//	                   organisation, media
//	--chart-bg         outlines around marks, halos behind   var(--bg, Canvas)
//	                   labels: set it to the page background
//	--chart-font       all text                              system-ui, sans-serif
//
//	class                      element
//	chart                      every root <svg>; also chart-timeline, chart-mini, chart-network
//	event, topic-N, topic-none a timeline mark's <a> (or <g> without URL), with its colour
//	node, group-N, group-none  a network node's <a>, with its colour
//	mark                       the circle, bar or node drawn for an entry
//	label                      a text label of a mark or node
//	axis, grid, tick           the time axis line, the year or month lines, tick labels
//	zoom-band, zoom-bracket,   the enlarged span on the overview, the funnel joining it to
//	zoom-panel, zoom-caption   the enlarged panel, that panel's background and caption
//	edge                       a network edge (<line>), opacity and width by weight
//	marks, nodes, edges        the <g> around all marks, nodes, edges
//	legend                     the legend's <g>; its swatches have topic-N or group-N
//	chart-table                the <table> of NetworkTable
package chart

import (
	"fmt"
	"hash/fnv"
	"html"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The fallback colours. Each has at least 3:1 contrast with #fdfcf9 and with #17171a,
// the dossier's light and dark page backgrounds (the lowest is 3.5:1).
var (
	topicColours = [8]string{"#3b75c4", "#c4620a", "#2f8a3c", "#c8384a", "#8a5cc2", "#16899a", "#a87a12", "#c04c98"}
	groupColours = [4]string{"#c4620a", "#3b75c4", "#2f8a3c", "#8a5cc2"}
)

const (
	neutralColour = "#7a7a7a"
	// bgPaint outlines marks and haloes labels in the page background.
	bgPaint = "var(--chart-bg, var(--bg, Canvas))"
	// glyphWidth is the assumed average advance of a glyph, in em.
	glyphWidth = 0.6
)

// topicPaint returns the class and fill of a timeline mark of topic i; indexes past 7
// wrap around.
func topicPaint(i int) (class, fill string) {
	if i < 0 {
		return "topic-none", "var(--topic-none, " + neutralColour + ")"
	}
	i %= len(topicColours)
	return fmt.Sprintf("topic-%d", i), fmt.Sprintf("var(--topic-%d, %s)", i, topicColours[i])
}

// groupPaint returns the class and fill of a network node of group i.
func groupPaint(i int) (class, fill string) {
	if i < 0 || i >= len(groupColours) {
		return "group-none", "var(--group-none, " + neutralColour + ")"
	}
	return fmt.Sprintf("group-%d", i), fmt.Sprintf("var(--group-%d, %s)", i, groupColours[i])
}

// num formats a coordinate with at most one decimal, the same on every platform.
func num(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		v = 0
	}
	s := strconv.FormatFloat(v, 'f', 1, 64)
	s = strings.TrimSuffix(s, ".0")
	if s == "-0" {
		s = "0"
	}
	return s
}

// esc escapes text for an XML attribute or element.
func esc(s string) string { return html.EscapeString(s) }

// textWidth estimates the width of s set at size px.
func textWidth(s string, size float64) float64 {
	return float64(float64(utf8.RuneCountInString(s)) * glyphWidth * size)
}

// truncate shortens s to at most n runes, at a word boundary where one is near, ending
// with an ellipsis.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n-1]
	cut := len(r)
	for i := len(r) - 1; i > len(r)*2/3; i-- {
		if r[i] == ' ' {
			cut = i
			break
		}
	}
	return strings.TrimRight(string(r[:cut]), " ,.:;–-") + "…"
}

// safeURL returns u unless it has a scheme other than http, https or mailto.
func safeURL(u string) string {
	scheme, _, ok := strings.Cut(u, ":")
	if !ok || strings.ContainsAny(scheme, "/?#") {
		return u
	}
	switch strings.ToLower(scheme) {
	case "http", "https", "mailto":
		return u
	}
	return "#"
}

// chartID returns the id prefix of a chart: id if set, else its kind and a hash of its
// title, size and the IDs of what it draws, so that two different charts on one page
// (say the same timeline at two widths) get different ids.
func chartID(id, kind, title string, size float64, ids []string) string {
	if id != "" {
		return id
	}
	h := fnv.New32a()
	fmt.Fprintf(h, "%s\x00%s\x00%s", title, num(size), strings.Join(ids, "\x00"))
	return fmt.Sprintf("%s-%08x", kind, h.Sum32())
}

// A writer accumulates markup.
type writer struct{ strings.Builder }

func (w *writer) printf(format string, args ...any) { fmt.Fprintf(w, format, args...) }

// open writes the root element with its title and description.
func (w *writer) open(kind, id string, width, height float64, title, desc string) {
	w.printf(`<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-%s" viewBox="0 0 %s %s" width="100%%"`,
		kind, num(width), num(height))
	w.printf(` role="group" aria-labelledby="%s-title" aria-describedby="%s-desc"`, esc(id), esc(id))
	w.printf(` font-family="var(--chart-font, system-ui, sans-serif)" font-size="12">`)
	w.printf(`<title id="%s-title">%s</title><desc id="%s-desc">%s</desc>`, esc(id), esc(title), esc(id), esc(desc))
}

func (w *writer) close() { w.WriteString("</svg>") }

// link opens an entry: an <a> to url, or a <g> when url is empty, with its tooltip.
func (w *writer) link(url, class, tooltip string) {
	if url == "" {
		w.printf(`<g class="%s"><title>%s</title>`, class, esc(tooltip))
		return
	}
	w.printf(`<a href="%s" class="%s"><title>%s</title>`, esc(safeURL(url)), class, esc(tooltip))
}

func (w *writer) endLink(url string) {
	if url == "" {
		w.WriteString("</g>")
		return
	}
	w.WriteString("</a>")
}

// A box is a rectangle in viewBox coordinates, for collision tests.
type box struct{ x0, y0, x1, y1 float64 }

func (a box) overlaps(b box) bool {
	return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1
}

func (a box) inside(b box) bool {
	return a.x0 >= b.x0 && a.x1 <= b.x1 && a.y0 >= b.y0 && a.y1 <= b.y1
}

// textBox returns the box of text set at size px with its baseline at y, anchored at x
// by anchor (start, middle or end).
func textBox(s string, x, y, size float64, anchor string) box {
	w := textWidth(s, size)
	switch anchor {
	case "middle":
		x -= float64(w / 2)
	case "end":
		x -= w
	}
	return box{x, y - float64(0.8*size), x + w, y + float64(0.25*size)}
}
