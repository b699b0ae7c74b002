package content

import (
	"strings"
	"testing"

	"dossier/internal/testdossier"
)

// frontMatterCases are inputs for the front matter readers: the shapes editors write, and
// the ones that the fast paths must leave to adrg/frontmatter and yaml.v3.
var frontMatterCases = []string{
	"---\ntitle: T\n---\nBody.\n",
	"\n\n  ---  \ntitle: T\n --- \nBody",
	"---\ntitle: T\n---",
	"---\ntitle: T\n",
	"---",
	"---\n---\n",
	"title: T\n---\n",
	"\uFEFF---\ntitle: T\n---\n",
	"---\r\ntitle: T\r\n---\r\nBody\r\n",
	"---\ntitle: T\n...\n---\n",
	"",
	"\n\n",
	"a: 1\nb:\nc: [x, \"y\"]\nd:\n  - p\n  - 'q''r'\ne:\n- article: x\n  quote: \"y z\"\n- article: w\n",
	"# c\na: b # x\n\n",
	"a: b\na: c\n",
	"a:",
	"a:   \nb: x",
	"a: # c\nb: x",
	"a: # c\n  - x\n",
	"a: ~1982\nb: <2023\nc: null\nd: true\ne: 2024-06-19\nf: https://x.org/#f\ng: >2023\nh: 1.5\ni: 0x1F\nj: Null\nk: ~\n",
	"a: []\nb: [ ]\nc: [a , b ]\nd: [a,b]\ne: [\"a\", 'b']\nf: [a,]\ng: [a\nh: [a, [b]]\ni: [a: b]\nj: [a] x\nk: [a] # c\n",
	"a: \"x\" # c\nb: \"x\"#c\nc: 'x' y\nd: \"a\\\"b\"\ne: \"x\ny\"\nf: 'it''s'\ng: ''''\nh: ''\ni: \"\"\n",
	"a: x: y\nb: x:y\nc: x:\nd: x :y\ne: - x\nf: -x\ng: ?x\nh: x - y\ni: {a: b}\nj: &a x\nk: *a\nl: !t x\nm: |\n  x\nn: x}\n",
	"title: long\n  continued\n",
	"a:\n  b: c\n",
	"a:\n  - b\n  c: d\n",
	"a:\n  - b\n - c\n",
	"a:\n- b\n  - c\n",
	"a:\n  -\n    b\n",
	"a:\n  - b: c\n    d: [e, f]\n    g: 'h'\n  - i: j\n\n  # c\n  - k\nl: m\n",
	"a:\n  - b: c\n      d: e\n",
	"a:\n  - b: c\n    d:\n",
	"a:\n  - b: c\n  d: e\n",
	"a:\n  - b: c\nd: e\n",
	"a:\n  - - b\n",
	"a:\n  - [b]\n",
	"sources:\n  - article: \"x\"\n    quote: \"Er sagte: „Ja.“\"\n    prefix: \"\"\n",
	"ä: x\n",
	"a b: c\n",
	"\"a\": b\n",
	"1a: b\n",
	"_a: b\n-a: b\n",
	"true: x\nnull: y\n",
	"a: x\tb\n",
	"a: x\u0085b\n",
	"a: x\u2028b\n",
	"a: x\u00a0\n",
	"a: 😀\n",
	"a: \"😀\"\n",
	"a: x\u007f\n",
	"  a: b\n",
	"- a\n- b\n",
	"x\n",
	"%YAML 1.2\n---\na: b\n",
	"a: b\n---\nc: d\n",
	"a: [b, c]\n  - d\n",
	"lines:\n  \"1\": title\nmentions:\n  \"5-45\": { \"Kim\": kim-jong-un }\n",
	"a: '\n",
	"a: \"\n",
	"a: 'x''\n",
	strings.Repeat("k", 1100) + ": v\n",
	"a: " + strings.Repeat("v", 2000) + "\n",
	"a: x  y\nb: x  #y\nc: x#y\n",
	"a:\n- b\n# c\n- d\n",
	"a:\n-  b\n-   c: d\n    e: f\n",
	"a:\n  - b\n\n\n",
	"a: b\n# c\n",
}

// contentFiles returns the shipped dossier's content files.
func contentFiles(tb testing.TB) []string {
	tb.Helper()
	return testdossier.Texts(tb, "content/*/*.md", "content/dossier.md")
}
