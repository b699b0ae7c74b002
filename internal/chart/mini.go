package chart

import (
	"cmp"
	"html/template"
	"strconv"
)

// MiniTimeline draws a compact timeline, about 600 by 80 px, for an actor's or a topic's
// page: one axis, the events as marks coloured by topic and stacked in up to three rows,
// each a link with its date and title as tooltip; no labels, no legend, no second panel.
// When the config's zoom span holds some of the events and others lie before it, the axis
// breaks at the span's start and gives the span as much room as its share of the events
// (between a third and two thirds), so that a century of history and two dense years
// both stay readable. No events give "".
func MiniTimeline(events []Event, cfg TimelineConfig) template.HTML {
	es := entries(events)
	if len(es) == 0 {
		return ""
	}
	w := wordsFor(cfg.Locale)
	W := float64(cmp.Or(cfg.Width, 600))
	W = max(W, 160)
	xmin, xmax := 16.0, W-16
	from, to := es[0].from, latest(es)

	var p *panel
	zoom := !cfg.ZoomFrom.IsZero() && !cfg.ZoomTo.Before(cfg.ZoomFrom)
	if zoom {
		zf, zt := cfg.ZoomFrom.UTC(), cfg.ZoomTo.UTC().Add(day)
		before, within := 0, 0
		for _, e := range es {
			if e.from.Before(zf) {
				before++
			}
			if e.to.After(zf) && e.from.Before(zt) {
				within++
			}
		}
		switch {
		case before > 0 && within > 0:
			p = brokenPanel(yearStart(from), zf, maxTime(zt, to), float64(before)/float64(before+within), xmin, xmax)
		case within > 0 && !from.Before(zf):
			g := segment{t0: zf, t1: maxTime(zt, to), x0: xmin, x1: xmax}
			p = &panel{}
			p.ticks, p.minor, g.years = yearMonthTicks(g.t0, g.t1, xmax-xmin)
			p.sc = scale{g}
		}
	}
	if p == nil {
		p = timePanel(from, to, xmin, xmax, false, w)
	}
	p.r, p.rowH, p.top = 4.5, 12, 6
	p.stack(es, 3)
	p.rows = 3 // the same height for every page's picture
	H := p.axisY() + p.labelDepth() - 2

	id := chartID(cfg.ID, "mini", cfg.Title, W, eventIDs(es))
	title := cmp.Or(cfg.Title, w.Timeline)
	desc := cmp.Or(cfg.Desc, w.MiniDesc(strconv.Itoa(from.Year()), strconv.Itoa(to.Add(-day).Year()), w.Events.N(len(es))))
	var out writer
	out.open("mini", id, W, H, title, desc)
	p.drawAxis(&out, box{})
	if len(p.sc) == 2 {
		// Two slashes across the axis where it breaks.
		x, y := float64((p.sc[0].x1+p.sc[1].x0)/2), p.axisY()
		out.printf(`<path class="axis" d="M%s %sl4 -8M%s %sl4 -8" stroke="currentColor" stroke-opacity=".5" fill="none"/>`,
			num(x-5), num(y+4), num(x+1), num(y+4))
	}
	p.drawMarks(&out)
	out.close()
	return template.HTML(out.String())
}
