package edit

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// A doc is a content file being changed in place. yaml.v3 reads its front matter and
// tells on which line each top-level key stands; the changes are made to the file's bytes
// at those places and nowhere else, so that the other keys, the comments, the quoting
// and the body stay as the editor wrote them. (Encoding the YAML nodes back would change
// the indentation and the quotes of keys that were not touched.)
type doc struct {
	data      []byte
	yamlStart int // the first byte after the opening fence's line
	yamlEnd   int // the first byte of the closing fence's line
	bodyStart int // the first byte after the closing fence's line
	nl        string
	entries   []entry
}

// entry is a top-level key of the front matter and its value.
type entry struct {
	key     string
	value   *yaml.Node
	keyLine int // of the front matter, 1-based
	start   int // the first byte of the key's line
	end     int // after the entry's last line, not counting comment or blank lines after it
	// valStart and valEnd are the value's bytes when it is on the key's line; valEnd is
	// -1 when the value runs over several lines.
	valStart, valEnd int
}

// errNoFrontMatter is the error of a file without front matter between --- lines.
var errNoFrontMatter = errors.New("the file has no front matter between --- lines")

// parseDoc reads the front matter of data.
func parseDoc(data []byte) (*doc, error) {
	d := &doc{data: data, nl: "\n"}
	opened := false
	for i := 0; i < len(data); {
		j := bytes.IndexByte(data[i:], '\n')
		next := len(data)
		if j >= 0 {
			next = i + j + 1
		}
		t := string(bytes.TrimSpace(data[i:next]))
		switch {
		case !opened && t == "":
		case !opened && t == "---":
			opened, d.yamlStart = true, next
			if bytes.HasSuffix(data[i:next], []byte("\r\n")) {
				d.nl = "\r\n"
			}
		case !opened:
			return nil, errNoFrontMatter
		case t == "---":
			d.yamlEnd, d.bodyStart = i, next
			return d, d.index()
		}
		i = next
	}
	return nil, errNoFrontMatter
}

// index finds the top-level keys of the front matter.
func (d *doc) index() error {
	src := d.data[d.yamlStart:d.yamlEnd]
	var root yaml.Node
	if err := yaml.Unmarshal(src, &root); err != nil {
		return err
	}
	d.entries = nil
	if len(root.Content) == 0 {
		return nil // empty front matter
	}
	m := root.Content[0]
	if m.Kind != yaml.MappingNode {
		return errors.New("the front matter is not a list of keys and values")
	}
	var lines []int // offset in data of each line of the front matter
	for i := d.yamlStart; i < d.yamlEnd; {
		lines = append(lines, i)
		j := bytes.IndexByte(d.data[i:d.yamlEnd], '\n')
		if j < 0 {
			break
		}
		i += j + 1
	}
	lineAt := func(n int) int { // start of line n, 1-based; yamlEnd past the last
		if n-1 < len(lines) {
			return lines[n-1]
		}
		return d.yamlEnd
	}
	for k := 0; k+1 < len(m.Content); k += 2 {
		key, val := m.Content[k], m.Content[k+1]
		if key.Column != 1 || key.Kind != yaml.ScalarNode {
			// New keys are written at the start of a line; so must the others be.
			return fmt.Errorf("line %d: the front matter's keys must start their lines", key.Line)
		}
		e := entry{key: key.Value, value: val, keyLine: key.Line, start: lineAt(key.Line), valEnd: -1}
		end := d.yamlEnd
		if k+2 < len(m.Content) {
			end = lineAt(m.Content[k+2].Line)
		}
		// The comment and blank lines before the next key are the next key's.
		for end > e.start {
			ls := bytes.LastIndexByte(d.data[e.start:end-1], '\n') + 1 + e.start
			t := bytes.TrimSpace(d.data[ls:end])
			if ls == e.start || len(t) > 0 && t[0] != '#' {
				break
			}
			end = ls
		}
		e.end = end
		keyLine := d.data[e.start:end]
		if i := bytes.IndexByte(keyLine, '\n'); i >= 0 && !onlyComments(keyLine[i+1:]) {
			keyLine = nil // the value goes on below the key
		}
		if keyLine != nil {
			if i := bytes.IndexByte(keyLine, '\n'); i >= 0 {
				keyLine = keyLine[:i]
			}
			keyLine = bytes.TrimSuffix(keyLine, []byte("\r"))
			// The value starts after the key's colon and the spaces after it; keys are
			// plain words, so the first colon is the key's.
			colon := bytes.IndexByte(keyLine, ':')
			if colon >= 0 {
				vs := colon + 1
				for vs < len(keyLine) && (keyLine[vs] == ' ' || keyLine[vs] == '\t') {
					vs++
				}
				if ve := valueEnd(keyLine, vs); ve >= 0 {
					e.valStart, e.valEnd = e.start+vs, e.start+ve
				}
			}
		}
		d.entries = append(d.entries, e)
	}
	return nil
}

// onlyComments reports whether every line of b is blank or a comment.
func onlyComments(b []byte) bool {
	for _, l := range bytes.Split(b, []byte("\n")) {
		if t := bytes.TrimSpace(l); len(t) > 0 && t[0] != '#' {
			return false
		}
	}
	return true
}

// valueEnd returns the end of the YAML value that starts at i of line, or -1 if it does
// not end on the line.
func valueEnd(line []byte, i int) int {
	if i >= len(line) {
		return i // no value
	}
	switch line[i] {
	case '"':
		for j := i + 1; j < len(line); j++ {
			switch line[j] {
			case '\\':
				j++
			case '"':
				return j + 1
			}
		}
		return -1
	case '\'':
		for j := i + 1; j < len(line); j++ {
			if line[j] == '\'' {
				if j+1 < len(line) && line[j+1] == '\'' {
					j++
					continue
				}
				return j + 1
			}
		}
		return -1
	case '[', '{':
		depth := 0
		for j := i; j < len(line); j++ {
			switch line[j] {
			case '[', '{':
				depth++
			case ']', '}':
				depth--
				if depth == 0 {
					return j + 1
				}
			case '"', '\'':
				k := valueEnd(line, j)
				if k < 0 {
					return -1
				}
				j = k - 1
			}
		}
		return -1
	case '|', '>':
		return -1 // a block scalar: its text is on the lines below
	}
	end := len(line)
	for j := i; j < len(line); j++ {
		if line[j] == '#' && (line[j-1] == ' ' || line[j-1] == '\t') {
			end = j
			break
		}
	}
	for end > i && (line[end-1] == ' ' || line[end-1] == '\t') {
		end--
	}
	return end
}

func (d *doc) entry(key string) *entry {
	for i := range d.entries {
		if d.entries[i].key == key {
			return &d.entries[i]
		}
	}
	return nil
}

// String returns the value of key as a string, "" if there is none or it is no string.
func (d *doc) String(key string) string {
	var s string
	if e := d.entry(key); e != nil {
		e.value.Decode(&s)
	}
	return s
}

// List returns the value of key as a list of strings.
func (d *doc) List(key string) []string {
	var l []string
	if e := d.entry(key); e != nil {
		e.value.Decode(&l)
	}
	return l
}

// Body returns the file's text after its front matter.
func (d *doc) Body() string { return string(d.data[d.bodyStart:]) }

// replace puts s in place of d.data[i:j] and reads the front matter again.
func (d *doc) replace(i, j int, s string) error {
	data := make([]byte, 0, len(d.data)-(j-i)+len(s))
	data = append(data, d.data[:i]...)
	data = append(data, s...)
	data = append(data, d.data[j:]...)
	nd, err := parseDoc(data)
	if err != nil {
		return err
	}
	*d = *nd
	return nil
}

// SetString sets key to s, changing nothing if it has that value.
func (d *doc) SetString(key, s string) error {
	e := d.entry(key)
	if e != nil && e.value.Kind == yaml.ScalarNode && d.String(key) == s {
		return nil
	}
	return d.set(key, yamlScalar(s), nil)
}

// SetList sets key to the list l, changing nothing if it has those items in that order.
// Items added at the end of a list are written after its last one, so that the items
// before keep their quotes and comments.
func (d *doc) SetList(key string, l []string) error {
	e := d.entry(key)
	var old []string
	if e != nil && (e.value.Kind == yaml.SequenceNode || e.value.Tag == "!!null") {
		old = d.List(key)
		if slices.Equal(old, l) {
			return nil
		}
	}
	seq := e != nil && e.value.Kind == yaml.SequenceNode
	quoted := seq && len(e.value.Content) > 0 && e.value.Content[0].Style == yaml.DoubleQuotedStyle
	items := make([]string, len(l))
	for i, s := range l {
		if quoted {
			items[i] = yamlString(s)
		} else {
			items[i] = yamlScalar(s)
		}
	}
	if seq && len(old) > 0 && len(l) > len(old) && slices.Equal(l[:len(old)], old) {
		if at, text, ok := d.appendAt(e, items[len(old):]); ok {
			return d.replace(at, at, text)
		}
	}
	return d.set(key, "["+strings.Join(items, ", ")+"]", items)
}

// appendAt returns where and what to write to add items at the end of the list of e: after
// the last item of a flow list on the key's line, or on lines after the last item of a
// block list whose items are one line each.
func (d *doc) appendAt(e *entry, items []string) (int, string, bool) {
	seq := e.value
	last := seq.Content[len(seq.Content)-1]
	if seq.Style&yaml.FlowStyle != 0 {
		if e.valEnd < 0 || d.data[e.valEnd-1] != ']' {
			return 0, "", false
		}
		at := e.valEnd - 1
		for at > e.valStart && (d.data[at-1] == ' ' || d.data[at-1] == '\t') {
			at--
		}
		return at, ", " + strings.Join(items, ", "), true
	}
	if last.Kind != yaml.ScalarNode || last.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		return 0, "", false
	}
	// The end of the last item's line: the line after it starts another item, a comment,
	// or the next key.
	lines := bytes.SplitAfter(d.data[e.start:e.end], []byte("\n"))
	at := e.start
	for n := 0; n < len(lines) && n < last.Line-e.keyLine+1; n++ {
		at += len(lines[n])
	}
	if at > e.end || !bytes.HasSuffix(d.data[:at], []byte("\n")) {
		return 0, "", false
	}
	indent := strings.Repeat(" ", max(last.Column-3, 0))
	var b strings.Builder
	for _, it := range items {
		b.WriteString(indent + "- " + it + d.nl)
	}
	return at, b.String(), true
}

// set writes the YAML value v for key: in place of the old value when that stands on the
// key's line, keeping what follows it there (a comment, at its column if there is room);
// else in place of the whole entry, a list again as a block list if it was one (items
// holds its items); at the end of the front matter if the key is new.
func (d *doc) set(key, v string, items []string) error {
	e := d.entry(key)
	switch {
	case e == nil:
		return d.replace(d.yamlEnd, d.yamlEnd, key+": "+v+d.nl)
	case e.valEnd >= 0:
		if e.valStart == e.valEnd && e.valStart > 0 && d.data[e.valStart-1] == ':' {
			v = " " + v
		}
		end := e.valEnd
		// Keep a comment after the value where it was: take the difference in length
		// from the spaces before it, leaving one at least.
		pad := end
		for pad < len(d.data) && d.data[pad] == ' ' {
			pad++
		}
		if pad > end && pad < len(d.data) && d.data[pad] == '#' {
			oldLen := utf8.RuneCount(d.data[e.valStart:e.valEnd])
			spaces := max(1, pad-end-(utf8.RuneCountInString(v)-oldLen))
			v += strings.Repeat(" ", spaces)
			end = pad
		} else if pad == end && end < len(d.data) && d.data[end] == '#' {
			v += " " // an empty value right before its comment
		}
		return d.replace(e.valStart, end, v)
	case e.value.Kind == yaml.SequenceNode && e.value.Style&yaml.FlowStyle == 0 && len(items) > 0:
		// A block list: the items again, indented as its first one was.
		first := e.value.Content[0]
		indent := strings.Repeat(" ", max(first.Column-3, 0))
		head := d.data[e.start:e.end]
		nlAt := bytes.IndexByte(head, '\n')
		var b strings.Builder
		b.Write(head[:nlAt+1])
		for _, it := range items {
			b.WriteString(indent + "- " + it + d.nl)
		}
		return d.replace(e.start, e.end, b.String())
	}
	return d.replace(e.start, e.end, key+": "+v+d.nl)
}

// SetBody makes body the text after the front matter, changing nothing if the two differ
// only in line endings or in the white space at their end.
func (d *doc) SetBody(body string) error {
	norm := func(s string) string {
		return strings.TrimRight(strings.ReplaceAll(s, "\r\n", "\n"), " \t\r\n")
	}
	if norm(body) == norm(d.Body()) {
		return nil
	}
	b := norm(body)
	if b != "" {
		b += "\n"
	}
	return d.replace(d.bodyStart, len(d.data), strings.ReplaceAll(b, "\n", d.nl))
}
