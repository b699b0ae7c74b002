package chart

import (
	"strconv"
	"time"
)

// A tick is a place on a time axis, with a label under it or none.
type tick struct {
	t     time.Time
	label string
}

// tickSteps are the intervals between ticks, in months, from fine to coarse.
var tickSteps = []int{1, 3, 6, 12, 24, 60, 120, 240, 600, 1200, 2400, 6000, 12000, 24000, 60000, 120000}

// chooseStep returns the finest tick step, in months, that leaves at least gap px between
// ticks when the months between from and to take px.
func chooseStep(from, to time.Time, px, gap float64) int {
	months := float64(to.Unix()-from.Unix()) / (30.44 * 86400)
	if months <= 0 {
		return 12
	}
	for _, s := range tickSteps {
		if px*float64(s)/months >= gap {
			return s
		}
	}
	return tickSteps[len(tickSteps)-1]
}

// yearTicks returns a labelled tick at the start of every year in [from, to] that is a
// multiple of years.
func yearTicks(from, to time.Time, years int) []tick {
	var ts []tick
	y := from.Year()
	if r := ((y % years) + years) % years; r != 0 {
		y += years - r
	}
	if time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC).Before(from) {
		y += years
	}
	for ; ; y += years {
		t := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
		if t.After(to) {
			return ts
		}
		ts = append(ts, tick{t: t, label: strconv.Itoa(y)})
	}
}

// months returns the first days of the months in [from, to).
func months(from, to time.Time) []time.Time {
	var ms []time.Time
	t := time.Date(from.Year(), from.Month(), 1, 0, 0, 0, 0, time.UTC)
	if t.Before(from) {
		t = t.AddDate(0, 1, 0)
	}
	for ; t.Before(to); t = t.AddDate(0, 1, 0) {
		ms = append(ms, t)
	}
	return ms
}

// monthTicks returns month ticks for [from, to) on px, labelled every step months that
// leaves room for the labels, and unlabelled minor ticks for the months between. The
// segment names the years in a second row.
func monthTicks(from, to time.Time, px float64, w *words) (ts []tick, minor []time.Time) {
	step := min(chooseStep(from, to, px, 40), 6)
	for _, m := range months(from, to.Add(time.Second)) {
		if (int(m.Month())-1)%step == 0 {
			ts = append(ts, tick{t: m, label: w.MonthsShort[m.Month()-1]})
		} else {
			minor = append(minor, m)
		}
	}
	return ts, minor
}

// yearMonthTicks returns ticks for [from, to) on px: for a span of a few years,
// unlabelled ticks at the start of each year, with the years named in label row 1
// (years is 1), and minor ones every quarter, or every month where there is room; for a
// longer span, labelled year ticks as far apart as their labels need.
func yearMonthTicks(from, to time.Time, px float64) (ts []tick, minor []time.Time, years int) {
	if step := chooseStep(from, to, px, 44); step > 12 {
		return yearTicks(from, to, step/12), nil, 0
	}
	step := 3
	if chooseStep(from, to, px, 8) == 1 {
		step = 1
	}
	for _, m := range months(from, to.Add(time.Second)) {
		switch {
		case m.Month() == time.January:
			ts = append(ts, tick{t: m})
		case (int(m.Month())-1)%step == 0:
			minor = append(minor, m)
		}
	}
	return ts, minor, 1
}

// timePanel returns a panel whose one segment runs from the start of from's year to to:
// with year ticks, every so many years as leave room for their labels, or month ticks
// when the span is short. With round, the start goes back to a whole number of steps so
// that the axis begins with a label.
func timePanel(from, to time.Time, x0, x1 float64, round bool, w *words) *panel {
	from = yearStart(from)
	if !to.After(from.AddDate(1, 0, 0)) {
		to = from.AddDate(1, 0, 0)
	}
	g := segment{t0: from, t1: to, x0: x0, x1: x1}
	step := chooseStep(from, to, x1-x0, 44)
	if step < 12 {
		if (x1-x0)*12*30.44*86400/float64(to.Unix()-from.Unix()) >= 48 {
			g.years = 2
			p := &panel{sc: scale{g}}
			p.ticks, p.minor = monthTicks(from, to, x1-x0, w)
			return p
		}
		step = 12
	}
	if round {
		ys := step / 12
		y := from.Year() - ((from.Year()%ys)+ys)%ys
		g.t0 = time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
		step = max(chooseStep(g.t0, to, x1-x0, 44), 12)
	}
	return &panel{sc: scale{g}, ticks: yearTicks(g.t0, to, step/12)}
}

// zoomPanel returns a panel for [from, to) with month ticks and the years below them,
// or, for a span too long for months, year ticks.
func zoomPanel(from, to time.Time, x0, x1 float64, w *words) *panel {
	if step := chooseStep(from, to, x1-x0, 40); step > 6 {
		return &panel{sc: scale{{t0: from, t1: to, x0: x0, x1: x1}},
			ticks: yearTicks(from, to, max(chooseStep(from, to, x1-x0, 44), 12)/12)}
	}
	p := &panel{sc: scale{{t0: from, t1: to, x0: x0, x1: x1, years: 2}}}
	p.ticks, p.minor = monthTicks(from, to, x1-x0, w)
	return p
}

// brokenPanel returns a panel with an axis broken at split: [from, split) on the left,
// with year ticks, and [split, to) on the right, with ticks by yearMonthTicks; the left
// takes share of the room, kept between a third and two thirds.
func brokenPanel(from, split, to time.Time, share, x0, x1 float64) *panel {
	const gap = 14.0
	share = min(max(share, 1.0/3), 2.0/3)
	mid := x0 + float64((x1-x0-gap)*share)
	left := segment{t0: from, t1: split, x0: x0, x1: mid}
	right := segment{t0: split, t1: to, x0: mid + gap, x1: x1}
	step := max(chooseStep(from, split, mid-x0, 44), 12)
	lt := yearTicks(from, split.Add(-time.Second), step/12)
	rt, minor, years := yearMonthTicks(split, to, x1-mid-gap)
	right.years = years
	return &panel{sc: scale{left, right}, ticks: append(lt, rt...), minor: minor}
}

// labelDepth is how far below the axis line its labels reach.
func (p *panel) labelDepth() float64 {
	for _, g := range p.sc {
		if g.years == 2 {
			return 36
		}
	}
	return 22
}

// drawAxis writes the panel's grid lines, axis line, ticks and their labels; labels that
// would fall on skip, or on a label already written, are left out, and so is one at the
// very end of the axis, where nothing follows it.
func (p *panel) drawAxis(out *writer, skip box) {
	ay := p.axisY()
	out.printf(`<g class="grid" stroke="currentColor" stroke-opacity=".12">`)
	for _, t := range p.ticks {
		x := p.sc.x(t.t)
		out.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s"/>`, num(x), num(p.top), num(x), num(ay))
	}
	out.WriteString(`</g>`)
	for _, g := range p.sc {
		out.printf(`<line class="axis" x1="%s" y1="%s" x2="%s" y2="%s" stroke="currentColor" stroke-opacity=".5"/>`,
			num(g.x0), num(ay), num(g.x1), num(ay))
	}
	out.printf(`<g class="tick" stroke="currentColor" stroke-opacity=".5">`)
	for _, t := range p.ticks {
		x := p.sc.x(t.t)
		out.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s"/>`, num(x), num(ay), num(x), num(ay+5))
	}
	for _, t := range p.minor {
		x := p.sc.x(t)
		out.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s"/>`, num(x), num(ay), num(x), num(ay+3))
	}
	out.WriteString(`</g>`)

	out.printf(`<g class="tick" font-size="%s" fill="currentColor" text-anchor="middle">`, num(tickSize))
	placed := []box{skip}
	label := func(text string, x, y float64, attrs string) {
		b := textBox(text, x, y, tickSize, "middle")
		for _, q := range placed {
			if b.overlaps(q) {
				return
			}
		}
		placed = append(placed, box{b.x0 - 4, b.y0, b.x1 + 4, b.y1})
		out.printf(`<text x="%s" y="%s"%s>%s</text>`, num(x), num(y), attrs, esc(text))
	}
	for _, t := range p.ticks {
		if t.label != "" && t.t.Before(p.sc.end()) {
			label(t.label, p.sc.x(t.t), ay+16, "")
		}
	}
	for _, g := range p.sc {
		if g.years == 0 {
			continue
		}
		y, attrs := ay+16, ""
		if g.years == 2 {
			y, attrs = ay+30, ` font-weight="600"`
		}
		for yr := g.t0.Year(); yr <= g.t1.Add(-time.Second).Year(); yr++ {
			a := maxTime(time.Date(yr, 1, 1, 0, 0, 0, 0, time.UTC), g.t0)
			b := minTime(time.Date(yr+1, 1, 1, 0, 0, 0, 0, time.UTC), g.t1)
			xa, xb := g.at(a), g.at(b)
			text := strconv.Itoa(yr)
			if xb-xa >= textWidth(text, tickSize)+8 {
				label(text, (xa+xb)/2, y, attrs)
			}
		}
	}
	out.WriteString(`</g>`)
}
