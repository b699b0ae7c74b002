package content

import (
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// parseYAML parses front matter as yaml.Unmarshal does into a yaml.Node, or returns nil
// if there is none. yaml.v3 takes some 50 µs for the few `key: value` lines of a note,
// more than reading and rendering it; simpleYAML reads that common subset in a few and
// leaves everything else to yaml.v3.
func parseYAML(src []byte) (*node, error) {
	if n, ok := simpleYAML(src); ok {
		return n, nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, err
	}
	if doc.Kind == 0 {
		return nil, nil
	}
	return fromYAML(&doc), nil
}

// node is a value of front matter: what fields reads of a yaml.Node, in half its memory.
type node struct {
	Kind         yaml.Kind
	Style        yaml.Style
	Tag          string
	Value        string
	Line, Column int
	Content      []*node
}

// fromYAML returns n as a node, with its children.
func fromYAML(n *yaml.Node) *node {
	out := &node{Kind: n.Kind, Style: n.Style, Tag: n.Tag, Value: n.Value, Line: n.Line, Column: n.Column}
	for _, c := range n.Content {
		out.Content = append(out.Content, fromYAML(c))
	}
	return out
}

// decode decodes a scalar into v as yaml.Node.Decode does.
func (n *node) decode(v any) error {
	return (&yaml.Node{Kind: n.Kind, Style: n.Style, Tag: n.Tag, Value: n.Value}).Decode(v)
}

// simpleYAML reads front matter in the subset of YAML that content files mostly use into
// the nodes yaml.v3 builds, without comments, and with the tags of plain scalars left for
// yaml.v3 to resolve: a mapping of plain keys, each to a scalar on its line (plain,
// 'single' or "double" quoted without escapes), to a flow sequence of such scalars on its
// line, or to a block sequence whose items are such scalars or mappings of plain keys to
// them. It returns false for anything else, and for every input yaml.v3 refuses: tabs,
// control characters, escapes, multi-line values, nested or flow mappings, anchors, tags.
// TestSimpleYAML, TestSimpleYAMLMixed and FuzzSimpleYAML hold it to yaml.v3.
func simpleYAML(src []byte) (*node, bool) {
	if !simpleChars(src) {
		return nil, false
	}
	p := yamlParser{lines: strings.Split(string(src), "\n")}
	i := p.next(0)
	if i == len(p.lines) {
		return nil, false // no fields: yaml.v3 decides between nothing and a comment
	}
	top := p.new(node{Kind: yaml.MappingNode, Tag: "!!map", Line: i + 1, Column: 1})
	top.Content = make([]*node, 0, 2*(len(p.lines)-i))
	for i < len(p.lines) {
		line := p.lines[i]
		key, rest, ok := cutKey(line)
		if !ok {
			return nil, false
		}
		k := p.plain(key, i, 0)
		var v *node
		if value, _ := splitComment(rest); value == "" {
			// Empty: a block sequence follows, or the value is null.
			j := p.next(i + 1)
			switch {
			case j < len(p.lines) && isItem(strings.TrimLeft(p.lines[j], " ")):
				if v, i, ok = p.sequence(j, indent(p.lines[j])); !ok {
					return nil, false
				}
			case j < len(p.lines) && indent(p.lines[j]) > 0:
				return nil, false // a nested mapping, or a value continued
			case strings.TrimSpace(rest) != "":
				return nil, false // a comment after the colon
			default:
				v = p.new(node{Kind: yaml.ScalarNode, Tag: "!!null", Line: i + 1, Column: len(key) + 2})
				i = j
			}
		} else {
			if v, ok = p.inline(line, len(line)-len(strings.TrimLeft(rest, " ")), i, true); !ok {
				return nil, false
			}
			i = p.next(i + 1)
		}
		top.Content = append(top.Content, k, v)
		if i < len(p.lines) && indent(p.lines[i]) > 0 {
			return nil, false
		}
	}
	return p.new(node{Kind: yaml.DocumentNode, Line: top.Line, Column: 1, Content: []*node{top}}), true
}

// yamlParser reads the lines of front matter into nodes.
type yamlParser struct {
	lines []string
	nodes []node // allocated a few at a time
}

// new returns a new node.
func (p *yamlParser) new(n node) *node {
	if len(p.nodes) == 0 {
		p.nodes = make([]node, 16) // a note's front matter has some 14
	}
	m := &p.nodes[0]
	p.nodes = p.nodes[1:]
	*m = n
	return m
}

// next returns the index of the first line from i on that holds more than white space
// or a comment, or len(lines).
func (p *yamlParser) next(i int) int {
	for i < len(p.lines) {
		if t := strings.TrimLeft(p.lines[i], " "); t != "" && t[0] != '#' {
			break
		}
		i++
	}
	return i
}

// sequence reads a block sequence whose first item is on line i, indented by ind. It
// returns the index of the line after it.
func (p *yamlParser) sequence(i, ind int) (*node, int, bool) {
	seq := p.new(node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: i + 1, Column: ind + 1})
	for i < len(p.lines) {
		line := p.lines[i]
		switch in := indent(line); {
		case in < ind:
			return seq, i, in == 0
		case in > ind || !isItem(line[in:]):
			if in == 0 {
				return seq, i, true // the next key, after a sequence at the key's indentation
			}
			return nil, 0, false
		}
		at := ind + 1 + len(line[ind+1:]) - len(strings.TrimLeft(line[ind+1:], " "))
		if at == len(line) {
			return nil, 0, false // the item starts on the next line
		}
		if key, _, ok := cutKey(line[at:]); ok && key != "" {
			m, next, ok := p.mapping(i, at)
			if !ok {
				return nil, 0, false
			}
			seq.Content = append(seq.Content, m)
			i = next
			continue
		}
		v, ok := p.inline(line, at, i, false)
		if !ok {
			return nil, 0, false
		}
		seq.Content = append(seq.Content, v)
		i = p.next(i + 1)
	}
	return seq, i, true
}

// mapping reads a block mapping whose first key is on line i at byte (and column) at, the
// rest indented as far. It returns the index of the line after it.
func (p *yamlParser) mapping(i, at int) (*node, int, bool) {
	m := p.new(node{Kind: yaml.MappingNode, Tag: "!!map", Line: i + 1, Column: at + 1})
	for first := true; i < len(p.lines); first = false {
		line := p.lines[i]
		if !first {
			if in := indent(line); in < at {
				return m, i, true
			} else if in > at {
				return nil, 0, false
			}
		}
		key, rest, ok := cutKey(line[at:])
		if !ok {
			return nil, 0, false
		}
		if value, _ := splitComment(rest); value == "" {
			return nil, 0, false // null, or a collection on the next lines
		}
		v, ok := p.inline(line, len(line)-len(strings.TrimLeft(rest, " ")), i, true)
		if !ok {
			return nil, 0, false
		}
		m.Content = append(m.Content, p.plain(key, i, at), v)
		i = p.next(i + 1)
	}
	return m, i, true
}

// inline reads the value that starts at byte at of line i and runs to the line's end
// or comment: a scalar or, if flow is true, a flow sequence of scalars.
func (p *yamlParser) inline(line string, at, i int, flow bool) (*node, bool) {
	s := line[at:]
	col := utf8.RuneCountInString(line[:at])
	switch s[0] {
	case '"', '\'':
		n, rest, ok := p.quoted(s, i, col)
		return n, ok && isTail(rest)
	case '[':
		if !flow {
			return nil, false
		}
		return p.flowSequence(line, at, i)
	}
	value, _ := splitComment(s)
	if !plainScalar(value) {
		return nil, false
	}
	return p.plain(value, i, col), true
}

// flowSequence reads `[a, "b", 'c']` at byte at of line i.
func (p *yamlParser) flowSequence(line string, at, i int) (*node, bool) {
	seq := p.new(node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle, Tag: "!!seq", Line: i + 1, Column: utf8.RuneCountInString(line[:at]) + 1})
	k := at + 1
	for {
		k += len(line[k:]) - len(strings.TrimLeft(line[k:], " "))
		if k == len(line) {
			return nil, false // continued on the next line
		}
		if line[k] == ']' && len(seq.Content) == 0 {
			break
		}
		col := utf8.RuneCountInString(line[:k])
		var item *node
		if c := line[k]; c == '"' || c == '\'' {
			n, rest, ok := p.quoted(line[k:], i, col)
			if !ok {
				return nil, false
			}
			item, k = n, len(line)-len(strings.TrimLeft(rest, " "))
		} else {
			end := k + strings.IndexAny(line[k:], ",]")
			if end < k {
				return nil, false
			}
			v := strings.TrimRight(line[k:end], " ")
			if !plainScalar(v) || strings.ContainsAny(v, "#:[]{}") {
				return nil, false
			}
			item, k = p.plain(v, i, col), end
		}
		seq.Content = append(seq.Content, item)
		if k == len(line) {
			return nil, false
		}
		if line[k] == ']' {
			break
		}
		if line[k] != ',' {
			return nil, false
		}
		k++
		if rest := strings.TrimLeft(line[k:], " "); rest == "" || rest[0] == ']' {
			return nil, false // a trailing comma, or the sequence continues below
		}
	}
	return seq, isTail(line[k+1:])
}

// quoted reads a single or double quoted scalar at the start of s, on line i at column
// col (0-based), and returns what follows it.
func (p *yamlParser) quoted(s string, i, col int) (*node, string, bool) {
	q := s[0]
	n := p.new(node{Kind: yaml.ScalarNode, Tag: "!!str", Line: i + 1, Column: col + 1})
	if q == '"' {
		end := strings.IndexByte(s[1:], '"')
		if end < 0 || strings.IndexByte(s[1:end+1], '\\') >= 0 {
			return nil, "", false // escapes, or a string continued on the next line
		}
		n.Style, n.Value = yaml.DoubleQuotedStyle, s[1:end+1]
		return n, s[end+2:], true
	}
	var b []byte // the value so far, where '' stood for '
	start := 1
	for k := 1; k < len(s); k++ {
		if s[k] != '\'' {
			continue
		}
		if k+1 < len(s) && s[k+1] == '\'' {
			b = append(b, s[start:k+1]...)
			start = k + 2
			k++
			continue
		}
		n.Style, n.Value = yaml.SingleQuotedStyle, s[start:k]
		if b != nil {
			n.Value = string(append(b, s[start:k]...))
		}
		return n, s[k+1:], true
	}
	return nil, "", false
}

// isTail reports whether s, after a value, holds only spaces or a comment after a space.
func isTail(s string) bool {
	t := strings.TrimLeft(s, " ")
	return t == "" || t[0] == '#' && len(t) < len(s)
}

// splitComment cuts a plain value from a comment after it, and trims the spaces between.
func splitComment(s string) (value, comment string) {
	if strings.HasPrefix(s, "#") {
		return "", s
	}
	if i := strings.Index(s, " #"); i >= 0 {
		s, comment = s[:i], s[i+1:]
	}
	return strings.TrimRight(s, " "), comment
}

// plainScalar reports whether s is a plain scalar as YAML reads it on one line of a block:
// not empty, not starting with an indicator, and holding no ": ".
func plainScalar(s string) bool {
	return s != "" && !strings.ContainsRune("-?:,[]{}#&*!|>'\"%@` ", rune(s[0])) &&
		!strings.Contains(s, ": ") && !strings.HasSuffix(s, ":")
}

// plain returns a plain scalar. Its tag is left empty, for yaml.v3 to resolve from the
// value when asked (Node.ShortTag, Node.Decode): resolving a date or a number costs more
// than reading the line. Only null, which fields.node asks for, and the merge key, which
// yaml.v3 tags as it parses, are tagged.
func (p *yamlParser) plain(s string, i, col int) *node {
	n := p.new(node{Kind: yaml.ScalarNode, Value: s, Line: i + 1, Column: col + 1})
	switch s {
	case "~", "null", "Null", "NULL":
		n.Tag = "!!null"
	case "<<":
		n.Tag = "!!merge" // which yaml.v3 does not resolve from the value alone
	}
	return n
}

// cutKey cuts `key:` from the start of s, where key is made of ASCII letters, digits, "_"
// and "-" and starts with a letter or "_"; the colon must end s or be followed by a space.
func cutKey(s string) (key, rest string, ok bool) {
	k := 0
	for k < len(s) && (isKeyByte(s[k]) && (k > 0 || s[k] != '-' && (s[k] < '0' || s[k] > '9'))) {
		k++
	}
	if k == 0 || k > 1000 || k == len(s) || s[k] != ':' || k+1 < len(s) && s[k+1] != ' ' {
		return "", "", false
	}
	return s[:k], s[k+1:], true
}

func isKeyByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// isItem reports whether s, without its indentation, starts a block sequence item.
func isItem(s string) bool { return s == "-" || strings.HasPrefix(s, "- ") }

func indent(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }

// simpleChars reports whether src holds only characters that YAML reads as they are: no
// tab, carriage return or other control character, no line break but "\n", no byte order
// mark, nothing that is not UTF-8, and nothing that yaml.v3 counts as unprintable.
func simpleChars(src []byte) bool {
	for i := 0; i < len(src); {
		c := src[i]
		if c < utf8.RuneSelf {
			if c < ' ' && c != '\n' || c == 0x7F {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n == 1 || r < 0xA0 || r > 0xD7FF && r < 0xE000 || r == 0x2028 || r == 0x2029 || r == 0xFEFF || r > 0xFFFD {
			return false
		}
		i += n
	}
	return true
}
