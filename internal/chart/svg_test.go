package chart

import (
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// An element is a parsed SVG element, for checking what a chart draws.
type element struct {
	name     string
	attr     map[string]string
	children []*element
	text     string
	parent   *element
}

// mustParse parses a chart's markup as XML and returns its root, failing the test when it
// is not well-formed.
func mustParse(tb testing.TB, markup string) *element {
	tb.Helper()
	d := xml.NewDecoder(strings.NewReader(markup))
	var root, cur *element
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			tb.Fatalf("not well-formed XML: %v\n%s", err, markup)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			e := &element{name: t.Name.Local, attr: map[string]string{}, parent: cur}
			for _, a := range t.Attr {
				e.attr[a.Name.Local] = a.Value
			}
			if cur == nil {
				if root != nil {
					tb.Fatalf("more than one root element")
				}
				root = e
			} else {
				cur.children = append(cur.children, e)
			}
			cur = e
		case xml.EndElement:
			cur = cur.parent
		case xml.CharData:
			if cur != nil {
				cur.text += string(t)
			}
		case xml.ProcInst:
			tb.Errorf("processing instruction %q: a chart is for inline use", t.Target)
		}
	}
	if root == nil {
		tb.Fatalf("no root element in %q", markup)
	}
	return root
}

// all returns e and its descendants named name ("" for all), in document order.
func (e *element) all(name string) []*element {
	var out []*element
	var walk func(*element)
	walk = func(e *element) {
		if name == "" || e.name == name {
			out = append(out, e)
		}
		for _, c := range e.children {
			walk(c)
		}
	}
	walk(e)
	return out
}

// inherited returns attribute k of e or its nearest ancestor that has it.
func (e *element) inherited(k string) string {
	for ; e != nil; e = e.parent {
		if v, ok := e.attr[k]; ok {
			return v
		}
	}
	return ""
}

func (e *element) float(tb testing.TB, k string) float64 {
	tb.Helper()
	v, err := strconv.ParseFloat(e.attr[k], 64)
	if err != nil {
		tb.Fatalf("<%s %s=%q>: %v", e.name, k, e.attr[k], err)
	}
	return v
}

// hasClass reports whether e's class list holds c.
func (e *element) hasClass(c string) bool {
	return strings.Contains(" "+e.attr["class"]+" ", " "+c+" ")
}

// viewBox returns the root's viewBox as a box.
func viewBox(tb testing.TB, root *element) box {
	tb.Helper()
	f := strings.Fields(root.attr["viewBox"])
	if len(f) != 4 {
		tb.Fatalf("viewBox %q: want four numbers", root.attr["viewBox"])
	}
	var v [4]float64
	for i, s := range f {
		n, err := strconv.ParseFloat(s, 64)
		if err != nil || math.IsNaN(n) || math.IsInf(n, 0) {
			tb.Fatalf("viewBox %q: %v", root.attr["viewBox"], err)
		}
		v[i] = n
	}
	if v[2] <= 0 || v[3] <= 0 {
		tb.Fatalf("viewBox %q: empty", root.attr["viewBox"])
	}
	return box{v[0], v[1], v[0] + v[2], v[1] + v[3]}
}

// numericAttrs are the attributes that must hold one finite number.
var numericAttrs = []string{"x", "y", "cx", "cy", "r", "x1", "y1", "x2", "y2", "width", "height", "rx",
	"font-size", "stroke-width", "stroke-opacity", "fill-opacity"}

// checkChart checks what every chart must be: well-formed, one <svg> with a viewBox,
// named by its <title> and described by its <desc>, every link with an href and a
// tooltip, every number finite, everything drawn inside the viewBox. It returns the root.
func checkChart(t *testing.T, markup string) *element {
	t.Helper()
	for _, bad := range []string{"NaN", "Inf", "<?xml", "%!"} {
		if strings.Contains(markup, bad) {
			t.Errorf("markup contains %q", bad)
		}
	}
	root := mustParse(t, markup)
	if root.name != "svg" || root.attr["xmlns"] != "http://www.w3.org/2000/svg" {
		t.Fatalf("root is <%s xmlns=%q>, want an SVG <svg>", root.name, root.attr["xmlns"])
	}
	vb := viewBox(t, root)
	if root.attr["role"] != "group" {
		t.Errorf("role = %q, want group", root.attr["role"])
	}
	ids := map[string]*element{}
	for _, e := range root.all("") {
		if id := e.attr["id"]; id != "" {
			if ids[id] != nil {
				t.Errorf("id %q used twice", id)
			}
			ids[id] = e
		}
	}
	for attr, want := range map[string]string{"aria-labelledby": "title", "aria-describedby": "desc"} {
		e := ids[root.attr[attr]]
		if e == nil || e.name != want || strings.TrimSpace(e.text) == "" {
			t.Errorf("%s=%q does not name a non-empty <%s>", attr, root.attr[attr], want)
		} else if e.parent != root {
			t.Errorf("<%s> is not a child of the root", want)
		}
	}
	for _, a := range root.all("a") {
		if a.attr["href"] == "" {
			t.Errorf("<a> without href: %v", a.attr)
		}
		if len(a.children) == 0 || a.children[0].name != "title" || strings.TrimSpace(a.children[0].text) == "" {
			t.Errorf("<a href=%q> does not start with a non-empty <title>", a.attr["href"])
		}
	}
	for _, e := range root.all("")[1:] { // the root's width is 100%
		for _, k := range numericAttrs {
			if _, ok := e.attr[k]; ok {
				if v := e.float(t, k); math.IsNaN(v) || math.IsInf(v, 0) {
					t.Errorf("<%s %s=%q>", e.name, k, e.attr[k])
				}
			}
		}
	}
	for _, c := range root.all("circle") {
		cx, cy, r := c.float(t, "cx"), c.float(t, "cy"), c.float(t, "r")
		if b := (box{cx - r, cy - r, cx + r, cy + r}); !b.inside(vb) {
			t.Errorf("circle at %v, %v (r %v) outside the viewBox %v", cx, cy, r, vb)
		}
	}
	for _, r := range root.all("rect") {
		x, y, w, h := r.float(t, "x"), r.float(t, "y"), r.float(t, "width"), r.float(t, "height")
		if w < 0 || h < 0 || !(box{x, y, x + w, y + h}).inside(vb) {
			t.Errorf("rect %v %v %v %v outside the viewBox %v", x, y, w, h, vb)
		}
	}
	for _, tx := range root.all("text") {
		if b := measure(t, tx); !b.inside(vb) {
			t.Errorf("text %q at %v outside the viewBox %v", tx.text, b, vb)
		}
	}
	return root
}

// measure returns the box a <text> takes, estimated as the charts estimate it.
func measure(tb testing.TB, tx *element) box {
	tb.Helper()
	size, err := strconv.ParseFloat(tx.inherited("font-size"), 64)
	if err != nil {
		tb.Fatalf("text %q: font-size: %v", tx.text, err)
	}
	x, y := tx.float(tb, "x"), tx.float(tb, "y")
	w := float64(utf8.RuneCountInString(tx.text)) * 0.6 * size
	switch tx.inherited("text-anchor") {
	case "middle":
		x -= w / 2
	case "end":
		x -= w
	}
	return box{x, y - 0.8*size, x + w, y + 0.25*size}
}

// labels returns the boxes of the texts with class label.
func labels(tb testing.TB, root *element) []box {
	var bs []box
	for _, tx := range root.all("text") {
		if tx.hasClass("label") {
			bs = append(bs, measure(tb, tx))
		}
	}
	return bs
}

// checkNoOverlap fails for every two labels whose boxes overlap.
func checkNoOverlap(t *testing.T, root *element) {
	t.Helper()
	bs := labels(t, root)
	texts := []string{}
	for _, tx := range root.all("text") {
		if tx.hasClass("label") {
			texts = append(texts, tx.text)
		}
	}
	for i := range bs {
		for j := i + 1; j < len(bs); j++ {
			if bs[i].overlaps(bs[j]) {
				t.Errorf("labels %q %v and %q %v overlap", texts[i], bs[i], texts[j], bs[j])
			}
		}
	}
}

// marks returns the boxes of the marks drawn in a chart: circles and bars.
func marks(tb testing.TB, root *element) []box {
	var bs []box
	for _, e := range root.all("") {
		if !e.hasClass("mark") {
			continue
		}
		switch e.name {
		case "circle":
			cx, cy, r := e.float(tb, "cx"), e.float(tb, "cy"), e.float(tb, "r")
			bs = append(bs, box{cx - r, cy - r, cx + r, cy + r})
		case "rect":
			x, y := e.float(tb, "x"), e.float(tb, "y")
			bs = append(bs, box{x, y, x + e.float(tb, "width"), y + e.float(tb, "height")})
		case "path":
			bs = append(bs, pathBox(tb, e.attr["d"]))
		}
	}
	return bs
}

// pathBox returns the box of a capsule path's M, H, V and A end points.
func pathBox(tb testing.TB, d string) box {
	b := box{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	add := func(x, y float64) {
		b = box{min(b.x0, x), min(b.y0, y), max(b.x1, x), max(b.y1, y)}
	}
	var x, y float64
	for _, f := range strings.FieldsFunc(d, func(r rune) bool { return r == 'Z' }) {
		for len(f) > 0 {
			cmd := f[0]
			end := strings.IndexAny(f[1:], "MHVAZ")
			arg := f[1:]
			if end >= 0 {
				arg, f = f[1:end+1], f[end+1:]
			} else {
				f = ""
			}
			nums := strings.Fields(arg)
			fl := func(i int) float64 {
				v, err := strconv.ParseFloat(nums[i], 64)
				if err != nil {
					tb.Fatalf("path %q: %v", d, err)
				}
				return v
			}
			switch cmd {
			case 'M':
				x, y = fl(0), fl(1)
			case 'H':
				x = fl(0)
			case 'V':
				y = fl(0)
			case 'A':
				x, y = fl(5), fl(6)
			default:
				tb.Fatalf("path %q: unexpected command %c", d, cmd)
			}
			add(x, y)
		}
	}
	return b
}

func (b box) String() string {
	return fmt.Sprintf("[%.1f,%.1f–%.1f,%.1f]", b.x0, b.y0, b.x1, b.y1)
}
