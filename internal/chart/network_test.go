package chart

import (
	"dossier/internal/locale"

	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func networkCases(t *testing.T) []struct {
	name  string
	nodes []Node
	edges []Edge
	cfg   NetworkConfig
} {
	nodes, edges := sampleNetwork(t)
	big, bigEdges := manyNodes(120, 800)
	return []struct {
		name  string
		nodes []Node
		edges []Edge
		cfg   NetworkConfig
	}{
		{"sample", nodes, edges, NetworkConfig{Title: "Netz", Legend: sampleGroupNames}},
		{"sample narrow", nodes, edges, NetworkConfig{Width: 360, Height: 460, Legend: sampleGroupNames}},
		{"sample English", nodes, edges, NetworkConfig{Width: 900, Height: 600, Locale: locale.English, Legend: []string{"person", "state"}}},
		{"ten heaviest", nodes, edges, NetworkConfig{MaxNodes: 10, Legend: sampleGroupNames}},
		{"one node", nodes[:1], nil, NetworkConfig{}},
		{"two nodes, no edge", nodes[:2], nil, NetworkConfig{}},
		{"many", big, bigEdges, NetworkConfig{}},
		{"odd input", []Node{
			{ID: "a", Label: `<b>&"'`, URL: "javascript:x", Weight: 0, Group: 9},
			{ID: "a", Label: "Doppelt", URL: "a2/", Weight: 5},
			{ID: "b", Label: "B", Weight: -3, Group: -1},
			{ID: "c", Label: strings.Repeat("Langer Name ", 10), URL: "c/", Weight: 1},
		}, []Edge{
			{From: "a", To: "b", Weight: 2}, {From: "b", To: "a", Weight: 3}, {From: "a", To: "a", Weight: 9},
			{From: "a", To: "zz", Weight: 1}, {From: "c", To: "b", Weight: 0},
		}, NetworkConfig{Width: 300, Height: 200}},
	}
}

func TestNetwork(t *testing.T) {
	for _, tc := range networkCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			root := checkChart(t, string(Network(tc.nodes, tc.edges, tc.cfg)))
			if !root.hasClass("chart-network") {
				t.Errorf("class = %q, want chart-network", root.attr["class"])
			}
			checkNoOverlap(t, root)
			// No label covers a node, its own or another.
			var circles [][3]float64
			for _, c := range root.all("circle") {
				if c.hasClass("mark") {
					circles = append(circles, [3]float64{c.float(t, "cx"), c.float(t, "cy"), c.float(t, "r")})
				}
			}
			for _, l := range labels(t, root) {
				for _, c := range circles {
					if circleHits(c[0], c[1], c[2], l) {
						t.Errorf("label %v covers the node at %v", l, c)
					}
				}
			}
			// Nodes do not overlap.
			for i, a := range circles {
				for _, b := range circles[i+1:] {
					dx, dy := a[0]-b[0], a[1]-b[1]
					if d := a[2] + b[2]; dx*dx+dy*dy < d*d*0.99 {
						t.Errorf("nodes at %v and %v overlap", a, b)
					}
				}
			}
			want := len(newGraph(tc.nodes, tc.edges, tc.cfg.MaxNodes).nodes)
			if len(circles) != want {
				t.Errorf("%d nodes drawn, want %d", len(circles), want)
			}
		})
	}
}

func TestNetworkGraph(t *testing.T) {
	nodes := []Node{{ID: "a", Weight: 1}, {ID: "b", Weight: 3}, {ID: "a", Weight: 2}, {ID: "c", Weight: 3}}
	edges := []Edge{{"a", "b", 2}, {"b", "a", 3}, {"a", "a", 1}, {"c", "x", 1}, {"b", "c", 0}, {"c", "a", 1}}
	g := newGraph(nodes, edges, 0)
	var ids []string
	for _, n := range g.nodes {
		ids = append(ids, fmt.Sprintf("%s%d", n.ID, n.Weight))
	}
	if want := []string{"b3", "c3", "a2"}; !slices.Equal(ids, want) {
		t.Errorf("nodes %q, want %q: by weight, then ID, the heaviest of a repeated ID", ids, want)
	}
	if want := []link{{0, 2, 5}, {1, 2, 1}}; !slices.Equal(g.links, want) {
		t.Errorf("links %v, want %v: both directions added, loops, unknown IDs and weightless left out", g.links, want)
	}
	g = newGraph(nodes, edges, 2)
	if len(g.nodes) != 2 || g.dropped != 1 || len(g.links) != 0 {
		t.Errorf("MaxNodes 2: %d nodes, %d dropped, %d links; want 2, 1, 0", len(g.nodes), g.dropped, len(g.links))
	}
}

func TestNetworkLabels(t *testing.T) {
	nodes, edges := sampleNetwork(t)
	root := mustParse(t, string(Network(nodes, edges, NetworkConfig{Legend: sampleGroupNames})))
	labelled := map[string]bool{}
	for _, tx := range root.all("text") {
		if tx.hasClass("label") {
			labelled[tx.text] = true
		}
	}
	g := newGraph(nodes, edges, 0)
	for _, n := range g.nodes[:10] {
		if !labelled[n.Label] {
			t.Errorf("%q, among the ten heaviest, has no label", n.Label)
		}
	}
	if len(labelled) < len(g.nodes)*3/4 {
		t.Errorf("%d of %d nodes labelled, want three quarters", len(labelled), len(g.nodes))
	}
	// Every node is a link with a tooltip naming it and its mentions.
	for _, a := range root.all("a") {
		if !a.hasClass("node") || !strings.Contains(a.children[0].text, "Erwähnungen") {
			t.Errorf("link %q: tooltip %q", a.attr["href"], a.children[0].text)
		}
	}
}

// TestNetworkLabelsAboveCircles checks that no label lies under a circle painted after
// it, on the sample and on a hundred nodes of one size, where the heaviest find no place
// beside them and keep their names on their own circles, above the others.
func TestNetworkLabelsAboveCircles(t *testing.T) {
	nodes, edges := sampleNetwork(t)
	even, evenEdges := manyNodes(100, 600)
	for i := range even {
		even[i].Weight = 40 // a synthetic dossier's actors, all named as often
	}
	for _, c := range []struct {
		name  string
		nodes []Node
		edges []Edge
		cfg   NetworkConfig
	}{
		{"sample", nodes, edges, NetworkConfig{Legend: sampleGroupNames}},
		{"sample narrow", nodes, edges, NetworkConfig{Width: 360, Height: 420, MaxNodes: 30}},
		{"hundred even", even, evenEdges, NetworkConfig{Width: 760, Height: 600}},
	} {
		root := mustParse(t, string(Network(c.nodes, c.edges, c.cfg)))
		var circles []box // painted so far, as their bounding boxes
		var labels []struct {
			text  string
			b     box
			after int // circles painted before it
		}
		num := func(n *element, k string) float64 {
			v, err := strconv.ParseFloat(n.attr[k], 64)
			if err != nil {
				t.Fatalf("%s: %s=%q", c.name, k, n.attr[k])
			}
			return v
		}
		onTop := 0
		for _, n := range root.all("") {
			switch {
			case n.name == "circle" && n.hasClass("mark"):
				x, y, r := num(n, "cx"), num(n, "cy"), num(n, "r")
				circles = append(circles, box{x - r, y - r, x + r, y + r})
			case n.name == "text" && n.hasClass("label"):
				if n.attr["pointer-events"] == "none" {
					onTop++
				}
				labels = append(labels, struct {
					text  string
					b     box
					after int
				}{n.text, textBox(n.text, num(n, "x"), num(n, "y"), labelSize, n.attr["text-anchor"]), len(circles)})
			}
		}
		for _, l := range labels {
			for _, cb := range circles[l.after:] {
				cx, cy, r := (cb.x0+cb.x1)/2, (cb.y0+cb.y1)/2, (cb.x1-cb.x0)/2
				if circleHits(cx, cy, r, l.b) {
					t.Errorf("%s: label %q lies under a circle painted after it", c.name, l.text)
					break
				}
			}
		}
		if c.name == "hundred even" {
			if onTop == 0 {
				t.Errorf("%s: no label on its own circle; the case no longer tests the layer above", c.name)
			}
			// A hundred circles of the largest size would cover most of the frame.
			area := 0.0
			for _, cb := range circles {
				area += math.Pi * (cb.x1 - cb.x0) * (cb.x1 - cb.x0) / 4
			}
			if share := area / (760 * 600); share > 0.2 {
				t.Errorf("%s: circles cover %.0f%% of the frame, want at most a fifth", c.name, 100*share)
			}
		}
	}
}

func TestNetworkDeterministic(t *testing.T) {
	nodes, edges := sampleNetwork(t)
	cfg := NetworkConfig{Legend: sampleGroupNames}
	want := Network(nodes, edges, cfg)
	if Network(nodes, edges, cfg) != want {
		t.Fatal("two calls differ")
	}
	r := rand.New(rand.NewPCG(5, 6))
	for i := range 5 {
		ns, es := slices.Clone(nodes), slices.Clone(edges)
		r.Shuffle(len(ns), func(i, j int) { ns[i], ns[j] = ns[j], ns[i] })
		r.Shuffle(len(es), func(i, j int) { es[i], es[j] = es[j], es[i] })
		for k := range es {
			if r.IntN(2) == 0 {
				es[k].From, es[k].To = es[k].To, es[k].From
			}
		}
		if Network(ns, es, cfg) != want {
			t.Errorf("shuffle %d gives other bytes", i)
		}
		if !slices.EqualFunc(NetworkRows(ns, es, cfg), NetworkRows(nodes, edges, cfg), rowsEqual) {
			t.Errorf("shuffle %d gives other rows", i)
		}
	}
}

func rowsEqual(a, b Row) bool { return a.Node == b.Node && slices.Equal(a.Links, b.Links) }

func TestNetworkTable(t *testing.T) {
	nodes, edges := sampleNetwork(t)
	cfg := NetworkConfig{Title: "Akteure", MaxNodes: 12}
	rows := NetworkRows(nodes, edges, cfg)
	if len(rows) != 12 {
		t.Fatalf("%d rows, want 12", len(rows))
	}
	for i, r := range rows {
		if i > 0 && r.Node.Weight > rows[i-1].Node.Weight {
			t.Errorf("row %d (%s) heavier than the one before", i, r.Node.Label)
		}
		for j, l := range r.Links {
			if j > 0 && l.Weight > r.Links[j-1].Weight {
				t.Errorf("%s: link %d (%s) heavier than the one before", r.Node.Label, j, l.Node.Label)
			}
		}
	}
	table := string(NetworkTable(nodes, edges, cfg))
	root := mustParse(t, table)
	if root.name != "table" || len(root.all("caption")) != 1 || root.all("caption")[0].text != "Akteure" {
		t.Errorf("want a <table> with the caption Akteure: %.200s", table)
	}
	if n := len(root.all("tr")); n != 13 {
		t.Errorf("%d table rows, want a head and 12", n)
	}
	for _, a := range root.all("a") {
		if a.attr["href"] == "" || a.text == "" {
			t.Errorf("link %v %q", a.attr, a.text)
		}
	}
}

// manyNodes returns a random graph of n nodes and about m edges, for benchmarks.
func manyNodes(n, m int) ([]Node, []Edge) {
	r := rand.New(rand.NewPCG(7, 8))
	nodes := make([]Node, n)
	for i := range nodes {
		nodes[i] = Node{ID: fmt.Sprintf("n%03d", i), Label: fmt.Sprintf("Akteur %d", i), URL: fmt.Sprintf("../actors/n%03d/", i),
			Weight: 1 + r.IntN(100)*r.IntN(3), Group: i % 4}
	}
	edges := make([]Edge, m)
	for i := range edges {
		// Prefer heavy hubs, as real co-mentions do.
		a, b := r.IntN(n), r.IntN(1+r.IntN(n))
		edges[i] = Edge{From: nodes[a].ID, To: nodes[b].ID, Weight: 1 + r.IntN(10)}
	}
	return nodes, edges
}

func BenchmarkNetwork(b *testing.B) {
	nodes, edges := manyNodes(300, 3000)
	cfg := NetworkConfig{Width: 960, Height: 720}
	for b.Loop() {
		Network(nodes, edges, cfg)
	}
}
