package chart

import (
	"dossier/internal/locale"

	"cmp"
	"html/template"
	"math"
	"slices"
	"strconv"
	"strings"
)

// A Node is an actor in the network.
type Node struct {
	ID     string
	Label  string
	URL    string // the actor's page, relative to the page the chart is on
	Weight int    // mentions
	Group  int    // colour: 0 person, 1 state, 2 organisation, 3 media
}

// An Edge joins two actors named in the same paragraphs. Edges are undirected: A–B and
// B–A are one edge, and their weights add up.
type Edge struct {
	From, To string // node IDs
	Weight   int    // paragraphs naming both
}

// A NetworkConfig says how to draw a network.
type NetworkConfig struct {
	ID            string // prefix of the ids inside the chart; see the package doc
	Title         string // the chart's accessible name: "Netz der Akteure"
	Desc          string // its description; empty for one generated from the graph
	Width, Height int    // of the viewBox in px; 720 by 540 if zero
	MaxNodes      int    // keep the heaviest nodes, and the edges between them; 0 for all
	Legend        []string
	Locale        *locale.Locale // the words; nil: German
}

// A graph is the network's nodes, heaviest first, and its edges between them.
type graph struct {
	nodes   []Node
	links   []link // sorted by a, b
	dropped int    // nodes left out by MaxNodes
}

// newGraph sorts and merges nodes and edges so that the result does not depend on their
// order: nodes by weight, heaviest first, then ID; a repeated ID keeps its heaviest node;
// edges to unknown or dropped nodes, loops and those of no weight are left out.
func newGraph(nodes []Node, edges []Edge, maxNodes int) graph {
	ns := slices.Clone(nodes)
	slices.SortFunc(ns, func(a, b Node) int {
		return cmp.Or(cmp.Compare(b.Weight, a.Weight), cmp.Compare(a.ID, b.ID),
			cmp.Compare(a.Label, b.Label), cmp.Compare(a.URL, b.URL), cmp.Compare(a.Group, b.Group))
	})
	var g graph
	index := make(map[string]int, len(ns))
	seen := make(map[string]bool, len(ns))
	for _, n := range ns {
		if seen[n.ID] || n.ID == "" {
			continue
		}
		seen[n.ID] = true
		if maxNodes > 0 && len(g.nodes) == maxNodes {
			g.dropped++
			continue
		}
		index[n.ID] = len(g.nodes)
		g.nodes = append(g.nodes, n)
	}
	for _, e := range edges {
		a, okA := index[e.From]
		b, okB := index[e.To]
		if !okA || !okB || a == b || e.Weight <= 0 {
			continue
		}
		g.links = append(g.links, link{a: min(a, b), b: max(a, b), weight: e.Weight})
	}
	slices.SortFunc(g.links, func(x, y link) int { return cmp.Or(cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b)) })
	// Merge repeated pairs.
	out := g.links[:0]
	for _, l := range g.links {
		if n := len(out); n > 0 && out[n-1].a == l.a && out[n-1].b == l.b {
			out[n-1].weight += l.weight
			continue
		}
		out = append(out, l)
	}
	g.links = out
	return g
}

// neighbours returns, for each node, its links, heaviest first.
func (g graph) neighbours() [][]Link {
	ns := make([][]Link, len(g.nodes))
	for _, l := range g.links {
		ns[l.a] = append(ns[l.a], Link{Node: g.nodes[l.b], Weight: l.weight})
		ns[l.b] = append(ns[l.b], Link{Node: g.nodes[l.a], Weight: l.weight})
	}
	for _, n := range ns {
		slices.SortStableFunc(n, func(x, y Link) int { return cmp.Compare(y.Weight, x.Weight) })
	}
	return ns
}

// Network draws actors as circles of area proportional to their mentions, coloured by
// group, and lines between those named in the same paragraphs, wider and darker the more
// often. The layout is force-directed (Fruchterman–Reingold from a fixed spiral, a fixed
// number of steps, no randomness), stretched to the viewBox and with overlapping circles
// pushed apart. Nodes are labelled heaviest first, each beside its circle where the label
// overlaps no circle and no other label; the rest have their name as tooltip, as every
// node does, with its mentions and the actors most often named with it. Every node links
// to its URL. A legend names the groups used. No nodes give "".
func Network(nodes []Node, edges []Edge, cfg NetworkConfig) template.HTML {
	g := newGraph(nodes, edges, cfg.MaxNodes)
	if len(g.nodes) == 0 {
		return ""
	}
	w := wordsFor(cfg.Locale)
	W := max(float64(cmp.Or(cfg.Width, 720)), 200)
	H := max(float64(cmp.Or(cfg.Height, 540)), 150)

	var groups []int
	for _, n := range g.nodes {
		if n.Group >= 0 && n.Group < len(cfg.Legend) && cfg.Legend[n.Group] != "" && !slices.Contains(groups, n.Group) {
			groups = append(groups, n.Group)
		}
	}
	slices.Sort(groups)
	legend, legendH := legendItems(groups, cfg.Legend, 8, W-8)

	maxW := 1
	for _, n := range g.nodes {
		maxW = max(maxW, n.Weight)
	}
	// A hundred nodes of the largest size leave no room between them for lines and
	// labels: the largest circle shrinks so that circles cover at most a fifth of the frame.
	rmin, rmax := 4.0, min(max(min(W, H)/24, 10), 22, float64(0.25*math.Sqrt(float64(W*H)/float64(len(g.nodes)))))
	rmax = max(rmax, rmin+2)
	radius := make([]float64, len(g.nodes))
	for i, n := range g.nodes {
		radius[i] = rmin + float64((rmax-rmin)*math.Sqrt(float64(max(n.Weight, 0))/float64(maxW)))
	}
	// Leave room on each side for a label beside a node at the edge: the layout is
	// stretched to its frame, so the outermost nodes sit on it.
	area := frame{x0: 8, y0: 8, x1: W - 8, y1: H - 8 - legendH}
	f := frame{x0: area.x0 + 2, y0: area.y0 + 10, x1: area.x1 - 2, y1: area.y1 - 10}
	xs, ys := layout(len(g.nodes), g.links, radius, f)

	labels := placeLabels(g.nodes, xs, ys, radius, area)

	nb := g.neighbours()
	ids := make([]string, len(g.nodes))
	for i, n := range g.nodes {
		ids[i] = n.ID
	}
	id := chartID(cfg.ID, "network", cfg.Title, float64(W*10000)+H, ids)
	title := cmp.Or(cfg.Title, w.Network)
	desc := cfg.Desc
	if desc == "" {
		var top []string
		for _, n := range g.nodes[:min(3, len(g.nodes))] {
			top = append(top, n.Label)
		}
		desc = w.NetworkDesc(w.Actors.N(len(g.nodes)), w.Links.N(len(g.links)), strings.Join(top, ", "))
		if g.dropped > 0 {
			desc += " " + w.More.N(g.dropped) + "."
		}
	}

	var out writer
	out.open("network", id, W, H, title, desc)

	// Edges, lightest first so the heavy ones lie on top.
	order := make([]int, len(g.links))
	for i := range order {
		order[i] = i
	}
	maxLink := 1
	for _, l := range g.links {
		maxLink = max(maxLink, l.weight)
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(g.links[a].weight, g.links[b].weight) })
	out.printf(`<g class="edges" stroke="currentColor" stroke-linecap="round">`)
	for _, i := range order {
		l := g.links[i]
		f := math.Sqrt(float64(l.weight) / float64(maxLink))
		out.printf(`<line class="edge" x1="%s" y1="%s" x2="%s" y2="%s" stroke-width="%s" stroke-opacity="%s"/>`,
			num(xs[l.a]), num(ys[l.a]), num(xs[l.b]), num(ys[l.b]), num(0.6+float64(2.9*f)), opacity(0.14+float64(0.46*f)))
	}
	out.WriteString(`</g>`)

	// Nodes, heaviest first, so that keyboard users meet them in that order (circles
	// and the labels beside them do not overlap, so the order of painting does not
	// matter); the labels on a node's own circle come after all of them, above any circle
	// they reach into, and out of the pointer's way (each link is named by its title).
	text := func(l nodeLabel, extra string) {
		weight := ""
		if l.bold {
			weight = ` font-weight="600"`
		}
		out.printf(`<text class="label" x="%s" y="%s" text-anchor="%s"%s%s fill="currentColor" stroke-width="3" stroke-linejoin="round" paint-order="stroke">%s</text>`,
			num(l.x), num(l.y), l.anchor, weight, extra, esc(l.text))
	}
	out.printf(`<g class="nodes" stroke="%s" stroke-width="1.5">`, bgPaint)
	for i, n := range g.nodes {
		class, fill := groupPaint(n.Group)
		out.link(n.URL, "node "+class, nodeTooltip(n, nb[i], w))
		out.printf(`<circle class="mark" cx="%s" cy="%s" r="%s" fill="%s"/>`, num(xs[i]), num(ys[i]), num(radius[i]), fill)
		if l := labels[i]; l.text != "" && !l.onTop {
			text(l, "")
		}
		out.endLink(n.URL)
	}
	out.WriteString(`</g>`)
	if slices.ContainsFunc(labels, func(l nodeLabel) bool { return l.onTop }) {
		out.printf(`<g class="labels" stroke="%s" aria-hidden="true">`, bgPaint)
		for _, l := range labels {
			if l.onTop {
				text(l, ` pointer-events="none"`)
			}
		}
		out.WriteString(`</g>`)
	}
	drawLegend(&out, legend, H-legendH-2, groupPaint)
	out.close()
	return template.HTML(out.String())
}

// opacity formats an opacity with two decimals.
func opacity(v float64) string {
	return strings.TrimPrefix(strconv.FormatFloat(min(max(v, 0), 1), 'f', 2, 64), "0")
}

// nodeTooltip returns "Kim Jong-un: 52 Erwähnungen; Wladimir Putin 31, Nordkorea 20, …".
func nodeTooltip(n Node, links []Link, w *words) string {
	var b strings.Builder
	b.WriteString(n.Label)
	b.WriteString(": ")
	b.WriteString(w.Mentions.N(n.Weight))
	for i, l := range links[:min(3, len(links))] {
		if i == 0 {
			b.WriteString("; ")
		} else {
			b.WriteString(", ")
		}
		b.WriteString(l.Node.Label + " " + strconv.Itoa(l.Weight))
	}
	return b.String()
}

// A nodeLabel is a node's label, placed; text is empty for a node without one.
type nodeLabel struct {
	text   string
	x, y   float64
	anchor string
	bold   bool
	onTop  bool // on the node's own circle, painted after all circles
}

// placeLabels labels nodes heaviest first, trying eight places around each circle, and
// keeps the first place whose box lies inside area and overlaps no circle and no label
// already placed.
func placeLabels(nodes []Node, xs, ys, radius []float64, area frame) []nodeLabel {
	labels := make([]nodeLabel, len(nodes))
	var placed []box
	bounds := box{area.x0, area.y0, area.x1, area.y1}
	for i, n := range nodes {
		text := truncate(n.Label, 24)
		x, y, r := xs[i], ys[i], radius[i]
		d := float64(r*0.72) + 2
		type spot struct {
			x, y   float64
			anchor string
		}
		cands := []spot{
			{x + r + 3, y + 4, "start"},
			{x - r - 3, y + 4, "end"},
			{x, y + r + 12, "middle"},
			{x, y - r - 4, "middle"},
			{x + d, y - d - 1, "start"},
			{x + d, y + d + 9, "start"},
			{x - d, y - d - 1, "end"},
			{x - d, y + d + 9, "end"},
		}
		// In the dense middle the heaviest nodes may find no place beside them: try
		// places a line further out above and below, so that the nodes a reader looks
		// for first keep their names.
		if i < 10 {
			for k := 1.0; k <= 3; k++ {
				cands = append(cands, spot{x, y - r - 4 - float64(13*k), "middle"}, spot{x, y + r + 12 + float64(13*k), "middle"})
			}
		}
	candidates:
		for _, c := range cands {
			b := textBox(text, c.x, c.y, labelSize, c.anchor)
			if !b.inside(bounds) {
				continue
			}
			padded := box{b.x0 - 2, b.y0 - 1, b.x1 + 2, b.y1 + 1}
			for _, p := range placed {
				if padded.overlaps(p) {
					continue candidates
				}
			}
			for j := range nodes {
				if circleHits(xs[j], ys[j], radius[j]+1, b) {
					continue candidates
				}
			}
			placed = append(placed, b)
			labels[i] = nodeLabel{text: text, x: c.x, y: c.y, anchor: c.anchor, bold: i < 5}
			break
		}
		// A heavy node with no free place keeps its name on top of its own circle, over
		// its halo, as long as no other label is in the way; it is painted above all
		// circles (onTop), which it may reach into.
		if labels[i].text == "" && i < 10 {
			b := textBox(text, x, y+4, labelSize, "middle")
			free := b.inside(bounds)
			for _, p := range placed {
				free = free && !b.overlaps(p)
			}
			if free {
				placed = append(placed, b)
				labels[i] = nodeLabel{text: text, x: x, y: y + 4, anchor: "middle", bold: i < 5, onTop: true}
			}
		}
	}
	return labels
}

// circleHits reports whether the circle at x, y of radius r overlaps b.
func circleHits(x, y, r float64, b box) bool {
	nx := min(max(x, b.x0), b.x1)
	ny := min(max(y, b.y0), b.y1)
	ex, ey := x-nx, y-ny
	return float64(ex*ex)+float64(ey*ey) < float64(r*r)
}
