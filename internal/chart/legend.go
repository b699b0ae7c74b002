package chart

// A legendItem is one topic or group in a legend, placed.
type legendItem struct {
	key  int
	name string
	x    float64
	row  int
}

const legendRow = 20.0

// legendItems flows the names of keys (topics or groups) into rows between x0 and x1 and returns them with
// the height they take.
func legendItems(keys []int, names []string, x0, x1 float64) ([]legendItem, float64) {
	var items []legendItem
	x, row := x0, 0
	for _, t := range keys {
		name := names[t]
		w := 16 + textWidth(name, labelSize)
		if w > x1-x0 {
			name = truncate(name, max(int((x1-x0-16)/(labelSize*glyphWidth)), 4))
			w = 16 + textWidth(name, labelSize)
		}
		if x > x0 && x+w > x1 {
			x, row = x0, row+1
		}
		items = append(items, legendItem{key: t, name: name, x: x, row: row})
		x += w + 16
	}
	if len(items) == 0 {
		return nil, 0
	}
	return items, float64(row+1) * legendRow
}

// drawLegend writes the legend from top, each key's swatch painted by paint.
func drawLegend(out *writer, items []legendItem, top float64, paint func(int) (class, fill string)) {
	if len(items) == 0 {
		return
	}
	out.printf(`<g class="legend" font-size="%s">`, num(labelSize))
	for _, it := range items {
		class, fill := paint(it.key)
		cy := top + float64(float64(it.row)*legendRow) + legendRow/2
		out.printf(`<circle class="%s" cx="%s" cy="%s" r="5" fill="%s"/>`, class, num(it.x+5), num(cy), fill)
		out.printf(`<text x="%s" y="%s" fill="currentColor">%s</text>`, num(it.x+14), num(cy+labelSize*0.35), esc(it.name))
	}
	out.WriteString(`</g>`)
}
