package chart

import (
	"cmp"
	"html/template"
	"strconv"
)

// A Row is one actor in the network's text equivalent.
type Row struct {
	Node  Node
	Links []Link // the actors named with it, most often first
}

// A Link is an actor named with another, and in how many paragraphs.
type Link struct {
	Node   Node
	Weight int
}

// NetworkRows returns the text equivalent of the picture Network draws from the same
// arguments: a row for each node it draws, heaviest first, with the nodes it is joined
// to, most often named together first (ties in the order of the rows).
func NetworkRows(nodes []Node, edges []Edge, cfg NetworkConfig) []Row {
	g := newGraph(nodes, edges, cfg.MaxNodes)
	nb := g.neighbours()
	rows := make([]Row, len(g.nodes))
	for i, n := range g.nodes {
		rows[i] = Row{Node: n, Links: nb[i]}
	}
	return rows
}

// NetworkTable renders NetworkRows as an HTML table, to put beside the picture (or in a
// <details> under it) for readers who cannot see it: one row per actor with its mentions
// and the five actors most often named with it, each a link. The caption is the config's
// Title. No nodes give "".
func NetworkTable(nodes []Node, edges []Edge, cfg NetworkConfig) template.HTML {
	return RowsTable(NetworkRows(nodes, edges, cfg), cfg)
}

// RowsTable renders rows of NetworkRows as NetworkTable does: a long table can be shown a
// part at a time.
func RowsTable(rows []Row, cfg NetworkConfig) template.HTML {
	if len(rows) == 0 {
		return ""
	}
	w := wordsFor(cfg.Locale)
	var out writer
	out.printf(`<table class="chart-table"><caption>%s</caption>`, esc(cmp.Or(cfg.Title, w.Network)))
	out.printf(`<thead><tr><th scope="col">%s</th><th scope="col">%s</th><th scope="col">%s</th></tr></thead><tbody>`,
		esc(w.ColActor), esc(w.ColMentions), esc(w.ColWith))
	for _, r := range rows {
		out.WriteString(`<tr><th scope="row">`)
		anchor(&out, r.Node)
		out.printf(`</th><td>%d</td><td>`, r.Node.Weight)
		for i, l := range r.Links[:min(5, len(r.Links))] {
			if i > 0 {
				out.WriteString(", ")
			}
			anchor(&out, l.Node)
			out.WriteString(" (" + strconv.Itoa(l.Weight) + ")")
		}
		out.WriteString(`</td></tr>`)
	}
	out.WriteString(`</tbody></table>`)
	return template.HTML(out.String())
}

// anchor writes the node's label, as a link when it has a URL.
func anchor(out *writer, n Node) {
	if n.URL == "" {
		out.WriteString(esc(n.Label))
		return
	}
	out.printf(`<a href="%s">%s</a>`, esc(safeURL(n.URL)), esc(n.Label))
}
