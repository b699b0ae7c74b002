package chart

import (
	"dossier/internal/locale"

	"cmp"
	"html/template"
	"slices"
	"strconv"
	"time"
)

// An Event is one entry of a timeline.
type Event struct {
	ID    string
	Title string
	URL   string // the entry's page, relative to the page the chart is on
	// Start is the first day the event may mean, End its last day (both at midnight, as
	// date.Date's Start and End give them); a zero End, or one before Start, is Start.
	Start, End time.Time
	Label      string // the date as the page shows it: "19. Juni 2024"
	Topic      int    // colour index, 0 to 7 (higher ones wrap around); -1 for none
}

// A TimelineConfig says how to draw a timeline.
type TimelineConfig struct {
	ID    string // prefix of the ids inside the chart; see the package doc
	Title string // the chart's accessible name: "Zeitleiste"
	Desc  string // its description; empty for one generated from the events
	Width int    // of the viewBox in px: 720 if zero for Timeline, 600 for MiniTimeline
	// ZoomFrom and ZoomTo are the first and last day of the dense span that Timeline
	// draws enlarged in a second panel, and where MiniTimeline breaks its axis to give
	// that span more room. Zero ZoomFrom means no zoom.
	ZoomFrom, ZoomTo time.Time
	Legend           []string       // topic names by colour index; empty for no legend
	Locale           *locale.Locale // the words; nil: German
}

// An entry is an event with its time range as half-open [from, to).
type entry struct {
	*Event
	from, to time.Time
}

// entries returns the drawable events, sorted so that their order does not depend on the
// caller's.
func entries(events []Event) []entry {
	es := make([]entry, 0, len(events))
	for i := range events {
		e := &events[i]
		if e.Start.IsZero() {
			continue
		}
		end := e.End
		if end.IsZero() || end.Before(e.Start) {
			end = e.Start
		}
		es = append(es, entry{Event: e, from: e.Start.UTC(), to: end.UTC().Add(day)})
	}
	slices.SortFunc(es, func(a, b entry) int {
		return cmp.Or(a.from.Compare(b.from), a.to.Compare(b.to), cmp.Compare(a.ID, b.ID),
			cmp.Compare(a.Title, b.Title), cmp.Compare(a.URL, b.URL),
			cmp.Compare(a.Label, b.Label), cmp.Compare(a.Topic, b.Topic))
	})
	return es
}

// eventIDs returns the IDs of es, for a chart's default id.
func eventIDs(es []entry) []string {
	ids := make([]string, len(es))
	for i, e := range es {
		ids[i] = e.ID
	}
	return ids
}

// tooltip returns the event's date and title.
func (e entry) tooltip() string {
	if e.Label == "" {
		return e.Title
	}
	return e.Label + ": " + e.Title
}

// Sizes in px of the viewBox.
const (
	tickSize  = 11.0 // axis labels
	labelSize = 12.0 // event labels and legend
	margin    = 20.0 // left and right of the axis: room for half a year label
)

// A panel is one time axis with its marks stacked in rows above it.
type panel struct {
	sc    scale
	ticks []tick
	minor []time.Time // unlabelled ticks between labelled months
	marks []mark
	rows  int
	rowH  float64
	r     float64 // radius of a point mark, half the height of a bar
	top   float64 // y of the top of the rows
}

// axisY is the y of the panel's axis line.
func (p *panel) axisY() float64 { return p.top + float64(float64(p.rows)*p.rowH) + 3 }

// y is the centre of row i.
func (p *panel) y(row int) float64 { return p.axisY() - 3 - float64((float64(row)+0.5)*p.rowH) }

// A mark is an event placed in a panel: a circle at x0 when x0 == x1, else a bar.
type mark struct {
	entry
	x0, x1       float64
	open0, open1 bool // the bar goes on past the panel's start, end
	row          int
	label        string
	lx           float64 // label anchor
	anchor       string  // start or end
}

func (m *mark) circle() bool { return m.x0 == m.x1 }

// shape returns the mark's geometry in the panel's scale.
func (p *panel) shape(e entry) mark {
	m := mark{entry: e}
	m.open0 = e.from.Before(p.sc.start())
	m.open1 = e.to.After(p.sc.end())
	x0, x1 := p.sc.x(e.from), p.sc.x(e.to)
	if x1-x0 < 2*p.r+2 && !m.open0 && !m.open1 {
		c := (x0 + x1) / 2
		m.x0, m.x1 = c, c
		return m
	}
	m.x0, m.x1 = x0, max(x1, x0+2*p.r)
	return m
}

// extent returns the room the mark takes in its row, with a gap.
func (m *mark) extent(r float64) extent {
	if m.circle() {
		return extent{m.x0 - r - 1.5, m.x0 + r + 1.5}
	}
	return extent{m.x0 - 1.5, m.x1 + 1.5}
}

// stack places marks in rows without labels.
func (p *panel) stack(es []entry, maxRows int) {
	l := lanes{max: maxRows}
	for _, e := range es {
		m := p.shape(e)
		m.row = l.place(m.extent(p.r))
		p.marks = append(p.marks, m)
	}
	p.rows = max(len(l.rows), 1)
}

// stackLabelled places marks in rows with a label beside each where there is room
// between xmin and xmax, opening rows while there are fewer than labelRows. Marks are
// labelled loneliest first, so that a cluster cannot take the room an isolated mark
// needs. A label goes on the side with fewer marks in its way (so that in a cluster the
// first marks are labelled to the left and the last to the right, and both share rows),
// else on the other side, in the lowest row with room. Marks that find no room for their
// label keep only their tooltip and go, in time order, in the lowest row with room for
// the mark, up to maxRows.
func (p *panel) stackLabelled(es []entry, labelRows, maxRows, maxChars int, xmin, xmax float64) {
	type side struct {
		ext          extent
		x            float64
		anchor, text string
	}
	type cand struct {
		mark
		sides  []side // in order of preference
		crowd  int
		placed bool
		used   extent // in its row, with the label
	}
	centres := make([]float64, len(es)) // sorted, as es is
	cs := make([]cand, len(es))
	for i, e := range es {
		cs[i].mark = p.shape(e)
		centres[i] = (cs[i].x0 + cs[i].x1) / 2
	}
	// crowd counts the marks with centres in [a, b).
	crowd := func(a, b float64) int {
		i, _ := slices.BinarySearch(centres, a)
		j, _ := slices.BinarySearch(centres, b)
		return j - i
	}
	for i := range cs {
		c := &cs[i]
		ext := c.extent(p.r)
		text := truncate(c.Title, maxChars)
		tw := textWidth(text, labelSize)
		right := side{extent{ext.a, ext.b + 3 + tw}, ext.b + 2, "start", text}
		left := side{extent{ext.a - 3 - tw, ext.b}, ext.a - 2, "end", text}
		nl, nr := crowd(left.ext.a, ext.a), crowd(ext.b, right.ext.b)
		c.crowd = nl + nr
		if nl < nr {
			right, left = left, right
		}
		for _, s := range []side{right, left} {
			if s.ext.a >= xmin && s.ext.b <= xmax {
				c.sides = append(c.sides, s)
			}
		}
	}
	order := make([]int, len(cs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(cs[a].crowd, cs[b].crowd) })

	l := lanes{max: labelRows}
	for _, k := range order {
		c := &cs[k]
	rows:
		for i := 0; i < l.max && len(c.sides) > 0; i++ {
			if i == len(l.rows) {
				l.rows = append(l.rows, nil) // an empty row has room for either side
			}
			for _, s := range c.sides {
				if l.free(i, s.ext) {
					l.take(i, s.ext)
					c.row, c.label, c.lx, c.anchor, c.placed = i, s.text, s.x, s.anchor, true
					c.used = s.ext
					break rows
				}
			}
		}
	}
	// Then give back what was cut from a label where its row has room for more.
	for _, k := range order {
		c := &cs[k]
		whole := truncate(c.Title, 2*maxChars)
		if !c.placed || whole == c.label {
			continue
		}
		grow := textWidth(whole, labelSize) - textWidth(c.label, labelSize)
		e := extent{c.used.a, c.used.b + grow}
		if c.anchor == "end" {
			e = extent{c.used.a - grow, c.used.b}
		}
		l.remove(c.row, c.used)
		if e.a >= xmin && e.b <= xmax && l.free(c.row, e) {
			c.label, c.used = whole, e
		}
		l.take(c.row, c.used)
	}
	l.max = maxRows
	for i := range cs {
		if !cs[i].placed {
			cs[i].row = l.place(cs[i].extent(p.r))
		}
		p.marks = append(p.marks, cs[i].mark)
	}
	p.rows = max(len(l.rows), 1)
}

// Timeline draws events on a time axis from the year of the earliest to the end of the
// latest, with year ticks at a spacing that suits the width (decades for a century), as
// circles or, for those that last long enough to show, bars, coloured by topic and stacked
// in rows so that none hides another. When the config sets a zoom span that holds events,
// a second panel below draws that span enlarged, with months on its axis and the events'
// titles beside them where they fit without overlapping; on the overview the span is a
// band joined to the panel by a funnel, and events wholly inside it are drawn only in the
// panel. A legend names the topic colours used. Every mark links to its event's URL, with
// the date and title as its tooltip. No events give "".
func Timeline(events []Event, cfg TimelineConfig) template.HTML {
	es := entries(events)
	if len(es) == 0 {
		return ""
	}
	w := wordsFor(cfg.Locale)
	W := float64(cmp.Or(cfg.Width, 720))
	W = max(W, 240)
	xmin, xmax := margin, W-margin

	var zf, zt time.Time // the zoom span, half-open
	var over, zoomed []entry
	zoom := !cfg.ZoomFrom.IsZero() && !cfg.ZoomTo.Before(cfg.ZoomFrom)
	if zoom {
		zf, zt = cfg.ZoomFrom.UTC(), cfg.ZoomTo.UTC().Add(day)
	}
	for _, e := range es {
		touches := zoom && e.from.Before(zt) && e.to.After(zf)
		inside := zoom && !e.from.Before(zf) && !e.to.After(zt)
		if !inside {
			over = append(over, e)
		}
		if touches {
			zoomed = append(zoomed, e)
		}
	}

	var ov, zp *panel
	if len(over) > 0 {
		from, to := over[0].from, latest(over)
		if zoom && len(zoomed) > 0 {
			from, to = minTime(from, zf), maxTime(to, zt)
		}
		ov = timePanel(from, to, xmin, xmax, true, w)
		ov.r, ov.rowH = 5, 13
		ov.stack(over, 10)
	}
	if len(zoomed) > 0 {
		zp = zoomPanel(zf, zt, xmin, xmax, w)
		zp.r, zp.rowH = 5, 18
		maxChars := min(max(int((xmax-xmin)/(labelSize*glyphWidth)/2.6), 14), 34)
		zp.stackLabelled(zoomed, 9, 14, maxChars, 4, W-4)
	}

	// Vertical layout, top to bottom.
	y := 8.0
	var bandBottom, zoomTop, zoomBottom float64
	if ov != nil {
		ov.top = y
		y = ov.axisY() + ov.labelDepth() - 4 // just below the tick labels
		bandBottom = y
		if zp != nil {
			y += 26
		}
	}
	if zp != nil {
		zoomTop = y
		zp.top = y + 26 // below the caption
		zoomBottom = zp.axisY() + zp.labelDepth()
		y = zoomBottom
	}
	topics := usedTopics(es, cfg.Legend)
	legendTop := y + 8
	legend, legendH := legendItems(topics, cfg.Legend, xmin-margin/2, xmax+margin/2)
	y = legendTop + legendH + 4

	id := chartID(cfg.ID, "timeline", cfg.Title, W, eventIDs(es))
	title := cmp.Or(cfg.Title, w.Timeline)
	desc := cfg.Desc
	if desc == "" {
		desc = w.TimelineDesc(strconv.Itoa(es[0].from.Year()), strconv.Itoa(latest(es).Add(-day).Year()), w.Events.N(len(es)))
		if zp != nil && ov != nil {
			desc += w.ZoomDesc(monthYear(zf, w), monthYear(zt.Add(-day), w), w.Events.N(len(zoomed)))
		}
	}

	var out writer
	out.open("timeline", id, W, y, title, desc)
	if ov != nil && zp != nil {
		bx0, bx1 := ov.sc.x(zf), ov.sc.x(zt)
		if bx1-bx0 < 4 {
			c := float64((bx0 + bx1) / 2)
			bx0, bx1 = c-2, c+2
		}
		l, r := xmin-margin/2, xmax+margin/2
		out.printf(`<path class="zoom-panel" d="M%s %sH%sL%s %sV%sH%sV%sZ" fill="currentColor" fill-opacity=".05"/>`,
			num(bx0), num(bandBottom), num(bx1), num(r), num(zoomTop), num(zoomBottom), num(l), num(zoomTop))
		out.printf(`<path class="zoom-bracket" d="M%s %sL%s %sM%s %sL%s %s" fill="none" stroke="currentColor" stroke-opacity=".35"/>`,
			num(bx0), num(bandBottom), num(l), num(zoomTop), num(bx1), num(bandBottom), num(r), num(zoomTop))
		out.printf(`<rect class="zoom-band" x="%s" y="%s" width="%s" height="%s" fill="currentColor" fill-opacity=".14"/>`,
			num(bx0), num(ov.top), num(bx1-bx0), num(bandBottom-ov.top))
		ov.drawAxis(&out, box{bx0 - 1, ov.top, bx1 + 1, bandBottom})
	} else if ov != nil {
		ov.drawAxis(&out, box{})
	}
	if zp != nil {
		if ov == nil {
			out.printf(`<rect class="zoom-panel" x="%s" y="%s" width="%s" height="%s" fill="currentColor" fill-opacity=".05"/>`,
				num(xmin-margin/2), num(zoomTop), num(xmax-xmin+margin), num(zoomBottom-zoomTop))
		}
		out.printf(`<text class="zoom-caption" x="%s" y="%s" font-size="%s" fill="currentColor">%s</text>`,
			num(xmin), num(zoomTop+17), num(tickSize), esc(spanName(zf, zt.Add(-day), w)+" "+w.Enlarged))
		zp.drawAxis(&out, box{})
	}
	if ov != nil {
		ov.drawMarks(&out)
	}
	if zp != nil {
		zp.drawMarks(&out)
	}
	drawLegend(&out, legend, legendTop, topicPaint)
	out.close()
	return template.HTML(out.String())
}

// drawMarks writes the panel's marks, each a link with its tooltip, and their labels.
func (p *panel) drawMarks(out *writer) {
	out.printf(`<g class="marks" stroke="%s" stroke-width="1.5">`, bgPaint)
	for i := range p.marks {
		m := &p.marks[i]
		class, fill := topicPaint(m.Topic)
		out.link(m.URL, "event "+class, m.tooltip())
		y := p.y(m.row)
		switch {
		case m.circle():
			out.printf(`<circle class="mark" cx="%s" cy="%s" r="%s" fill="%s"/>`, num(m.x0), num(y), num(p.r), fill)
		case !m.open0 && !m.open1:
			out.printf(`<rect class="mark" x="%s" y="%s" width="%s" height="%s" rx="%s" fill="%s"/>`,
				num(m.x0), num(y-p.r), num(m.x1-m.x0), num(2*p.r), num(p.r), fill)
		default:
			out.printf(`<path class="mark" d="%s" fill="%s"/>`, capsule(m.x0, m.x1, y, p.r, !m.open0, !m.open1), fill)
		}
		if m.label != "" {
			out.printf(`<text class="label" x="%s" y="%s" text-anchor="%s" fill="currentColor" stroke-width="3" stroke-linejoin="round" paint-order="stroke">%s</text>`,
				num(m.lx), num(y+labelSize*0.35), m.anchor, esc(m.label))
		}
		out.endLink(m.URL)
	}
	out.WriteString(`</g>`)
}

// capsule returns the path of a bar from x0 to x1 around y, of half height r, with round
// ends where round0 and round1 say and flat ones (cut by the panel's edge) elsewhere.
func capsule(x0, x1, y, r float64, round0, round1 bool) string {
	var w writer
	a, b := x0, x1
	if round0 {
		a += r
	}
	if round1 {
		b -= r
	}
	w.printf("M%s %sH%s", num(a), num(y-r), num(b))
	if round1 {
		w.printf("A%s %s 0 0 1 %s %s", num(r), num(r), num(b), num(y+r))
	} else {
		w.printf("V%s", num(y+r))
	}
	w.printf("H%s", num(a))
	if round0 {
		w.printf("A%s %s 0 0 1 %s %s", num(r), num(r), num(a), num(y-r))
	}
	w.WriteString("Z")
	return w.String()
}

// usedTopics returns the colour indexes of es that have a name in the legend, in order.
func usedTopics(es []entry, names []string) []int {
	var used []int
	for _, e := range es {
		t := e.Topic
		if t >= 0 {
			t %= len(topicColours)
		}
		if t >= 0 && t < len(names) && names[t] != "" && !slices.Contains(used, t) {
			used = append(used, t)
		}
	}
	slices.Sort(used)
	return used
}

// latest returns the latest end of es.
func latest(es []entry) time.Time {
	t := es[0].to
	for _, e := range es[1:] {
		t = maxTime(t, e.to)
	}
	return t
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// monthYear names t's month: "Januar 2023".
func monthYear(t time.Time, w *words) string {
	return w.months[t.Month()-1] + " " + strconv.Itoa(t.Year())
}

// spanName names the days from a to b, inclusive, as briefly as they allow: "2023–2024"
// for whole years, "Juli 2023 – Juni 2024" otherwise.
func spanName(a, b time.Time, w *words) string {
	if a.Month() == time.January && a.Day() == 1 && b.Month() == time.December && b.Day() == 31 {
		if a.Year() == b.Year() {
			return strconv.Itoa(a.Year())
		}
		return strconv.Itoa(a.Year()) + "–" + strconv.Itoa(b.Year())
	}
	return w.MonthsShort[a.Month()-1] + " " + strconv.Itoa(a.Year()) + " – " +
		w.MonthsShort[b.Month()-1] + " " + strconv.Itoa(b.Year())
}
