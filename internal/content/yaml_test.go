package content

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/adrg/frontmatter"
	"gopkg.in/yaml.v3"
)

// TestSimpleYAML holds simpleYAML to yaml.v3: whatever it reads, yaml.v3 reads without
// error into the same nodes.
func TestSimpleYAML(t *testing.T) {
	read := 0
	for _, in := range frontMatterCases {
		if checkSimpleYAML(t, []byte(in)) {
			read++
		}
	}
	for _, in := range contentFiles(t) {
		var fm []byte
		frontmatter.Parse(strings.NewReader(in), new(int), frontmatter.NewFormat("---", "---", func(b []byte, _ any) error {
			fm = b
			return nil
		}))
		if fm != nil && checkSimpleYAML(t, fm) {
			read++
		}
	}
	t.Logf("simpleYAML read %d inputs", read)
	for _, in := range []string{
		"---\ntitle: T\n---\n",
		"seed: \"00001.txt\"\ntitle: \"Ein Titel\"\npublisher: \"P\"\npublished: 2014-03-05\n",
		"article: \"00001\"\nquote: \"Ein Satz.\"\nkind: \"context\"\nactors: [\"anna-becker\"]\ntopics: [\"munition\"]\n",
		"date: 2014-03-05\ntitle: \"E\"\nactors: [\"a\"]\ntopics: [\"t\"]\nsources:\n  - article: \"00001\"\n    quote: \"Ein Satz.\"\n",
	} {
		if !checkSimpleYAML(t, []byte(in)) && !strings.HasPrefix(in, "---") {
			t.Errorf("simpleYAML(%q) left it to yaml.v3; the common shapes must be read directly", in)
		}
	}
}

// TestSimpleYAMLMixed holds simpleYAML to yaml.v3 on front matter put together at random
// from lines that are each fine or each a little off.
func TestSimpleYAMLMixed(t *testing.T) {
	values := []string{"x", "x y", "\"x\"", "'x'", "'x''y'", "[a, b]", "[]", "[\"a\", 'b']", "2024-06-19", "~1982",
		"true", "null", "", " ", " # c", "x # c", "x#c", "\"x\" #c", "x: y", "[a,]", "{a: b}", "-1", "- x", "\"a\\nb\"",
		"https://x.org/a#b", "„Zitat“ – mit Strich", "x:", "[a, [b]]", "'x' y", "&a x", "*a"}
	lines := []string{"", "# c", "  # c", "  ", "- x", "  - x", "    - x", "  - a: b", "    c: d", "      c: d", "   c: d",
		"  -", "  - 'x'", "- [a]", "  - x # c", "-x", "  x", "  k: v"}
	rng := rand.New(rand.NewPCG(1, 2))
	read := 0
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.IntN(6) {
			if rng.IntN(3) == 0 {
				b.WriteString(lines[rng.IntN(len(lines))] + "\n")
				continue
			}
			b.WriteString(string(rune('a'+rng.IntN(3))) + ":")
			if v := values[rng.IntN(len(values))]; v != "" {
				b.WriteString(" " + v)
			}
			b.WriteString("\n")
		}
		if checkSimpleYAML(t, []byte(b.String())) {
			read++
		}
		if t.Failed() {
			return
		}
	}
	t.Logf("simpleYAML read %d of 20000 inputs", read)
}

func FuzzSimpleYAML(f *testing.F) {
	for _, in := range frontMatterCases {
		f.Add([]byte(in))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkSimpleYAML(t, data)
	})
}

// checkSimpleYAML reports whether simpleYAML read src, and fails if yaml.v3 reads it
// otherwise.
func checkSimpleYAML(t *testing.T, src []byte) bool {
	t.Helper()
	got, ok := simpleYAML(src)
	if !ok {
		return false
	}
	var want yaml.Node
	if err := yaml.Unmarshal(src, &want); err != nil {
		t.Errorf("simpleYAML(%q) read what yaml.v3 refuses: %v", src, err)
		return true
	}
	if g, w := dumpNode(got), dumpYAML(&want); g != w {
		t.Errorf("simpleYAML(%q) =\n%s\nyaml.v3 reads\n%s", src, g, w)
	}
	if g, w := dumpNode(got), dumpNode(fromYAML(&want)); g != w {
		t.Errorf("fromYAML(%q) =\n%s\nsimpleYAML reads\n%s", src, w, g)
	}
	return true
}

// dumpNode prints n and its children as front matter readers see them: with the tag that
// yaml.v3 resolves.
func dumpNode(n *node) string {
	var b strings.Builder
	var dump func(n *node, indent string)
	dump = func(n *node, indent string) {
		y := &yaml.Node{Kind: n.Kind, Style: n.Style, Tag: n.Tag, Value: n.Value}
		fmt.Fprintf(&b, "%skind=%d style=%d tag=%q null=%v value=%q %d:%d\n", indent, n.Kind, n.Style, y.ShortTag(), n.Tag == "!!null", n.Value, n.Line, n.Column)
		for _, c := range n.Content {
			dump(c, indent+"  ")
		}
	}
	dump(n, "")
	return b.String()
}

// dumpYAML prints n as dumpNode does, and what of it a node leaves out: anchors, aliases
// (comments do not count).
func dumpYAML(n *yaml.Node) string {
	var b strings.Builder
	var dump func(n *yaml.Node, indent string)
	dump = func(n *yaml.Node, indent string) {
		fmt.Fprintf(&b, "%skind=%d style=%d tag=%q null=%v value=%q %d:%d\n", indent, n.Kind, n.Style, n.ShortTag(), n.Tag == "!!null", n.Value, n.Line, n.Column)
		if n.Anchor != "" || n.Alias != nil {
			fmt.Fprintf(&b, "%sanchor=%q alias=%v\n", indent, n.Anchor, n.Alias != nil)
		}
		for _, c := range n.Content {
			dump(c, indent+"  ")
		}
	}
	dump(n, "")
	return b.String()
}
