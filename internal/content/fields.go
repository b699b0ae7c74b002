package content

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"dossier/internal/date"
	"dossier/internal/diag"
	"dossier/internal/locale"
)

// fields reads the keys of one front matter mapping, keeping the position of each value,
// so that every problem can name its file, line and column.
type fields struct {
	file    string
	offset  int // lines of the file before the front matter's first line
	top     diag.Pos
	entries []field  // in file order, each key once
	asked   []string // the keys readers asked for, known or not
	errs    *diag.List
}

// field is a key of the mapping and its value. A front matter has a handful: a list is
// quicker to search than a map is to build.
type field struct {
	key  string
	k, v *node
	used bool
}

func newFields(file string, offset int, doc *node, errs *diag.List) *fields {
	f := &fields{file: file, offset: offset, errs: errs}
	f.top = diag.Pos{File: file, Line: offset + 1, Col: 1}
	if doc == nil || doc.Kind == 0 {
		return f
	}
	if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		doc = doc.Content[0]
	}
	if doc.Kind != yaml.MappingNode {
		errs.Errorf(f.pos(doc), "front matter must be a list of `key: value` lines")
		return f
	}
	f.entries = make([]field, 0, len(doc.Content)/2)
	for i := 0; i+1 < len(doc.Content); i += 2 {
		k, v := doc.Content[i], doc.Content[i+1]
		if f.find(k.Value) != nil {
			errs.Errorf(f.pos(k), "field %q is given twice; keep one", k.Value)
			continue
		}
		f.entries = append(f.entries, field{key: k.Value, k: k, v: v})
	}
	return f
}

func (f *fields) find(key string) *field {
	for i := range f.entries {
		if f.entries[i].key == key {
			return &f.entries[i]
		}
	}
	return nil
}

func (f *fields) pos(n *node) diag.Pos {
	if n == nil {
		return f.top
	}
	return diag.Pos{File: f.file, Line: f.offset + n.Line, Col: n.Column}
}

// node returns the value of key, or nil, and marks the key as known.
func (f *fields) node(key string) *node {
	if !slices.Contains(f.asked, key) {
		if f.asked == nil {
			f.asked = make([]string, 0, 8)
		}
		f.asked = append(f.asked, key)
	}
	e := f.find(key)
	if e == nil {
		return nil
	}
	e.used = true
	v := e.v
	if v != nil && v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return nil
	}
	return v
}

func (f *fields) missing(key, example string) {
	f.errs.Errorf(f.top, "missing required field %q; add a line like `%s: %s`", key, key, example)
}

// str reads a string field; example is shown when a required one is missing.
func (f *fields) str(key string, required bool, example string) (string, diag.Pos) {
	n := f.node(key)
	if n == nil {
		if required {
			f.missing(key, example)
		}
		return "", f.top
	}
	s, ok := f.scalar(key, n)
	if ok && required && strings.TrimSpace(s) == "" {
		f.errs.Errorf(f.pos(n), "field %q is empty; write e.g. `%s: %s`", key, key, example)
	}
	return s, f.pos(n)
}

func (f *fields) scalar(key string, n *node) (string, bool) {
	if n.Kind != yaml.ScalarNode {
		f.errs.Errorf(f.pos(n), "field %q must be a single value, not a %s", key, kindName(n))
		return "", false
	}
	return n.Value, true
}

func (f *fields) boolean(key string) bool {
	n := f.node(key)
	if n == nil {
		return false
	}
	var b bool
	if n.Kind != yaml.ScalarNode || n.decode(&b) != nil {
		f.errs.Errorf(f.pos(n), "field %q must be true or false", key)
	}
	return b
}

func (f *fields) date(key string, required bool) (date.Date, diag.Pos) {
	s, pos := f.str(key, required, "2024-06-19")
	if s == "" {
		return date.Date{}, pos
	}
	d, err := date.Parse(s)
	if err != nil {
		f.errs.Errorf(pos, "bad date in %q: %v", key, err)
	}
	return d, pos
}

// timestamp reads a moment, written as RFC 3339 (2024-06-19T08:15:00Z) or as a day.
func (f *fields) timestamp(key string) (time.Time, diag.Pos) {
	n := f.node(key)
	if n == nil {
		return time.Time{}, f.top
	}
	s, ok := f.scalar(key, n)
	if !ok {
		return time.Time{}, f.pos(n)
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, f.pos(n)
		}
	}
	f.errs.Errorf(f.pos(n), "%s %q is not a time; write it like `%s: 2024-06-19T08:15:00Z` or `%s: 2024-06-19`", key, s, key, key)
	return time.Time{}, f.pos(n)
}

// digest reads a SHA-256 digest written as 64 hexadecimal digits.
func (f *fields) digest(key string) Ref {
	s, pos := f.str(key, false, "")
	if s == "" {
		return Ref{Pos: pos}
	}
	if len(s) != 64 || strings.Trim(strings.ToLower(s), "0123456789abcdef") != "" {
		f.errs.Errorf(pos, "%s %q is not a SHA-256 digest (64 hexadecimal digits); remove the line, or write the one `sha256sum` prints for the seed", key, s)
		return Ref{Pos: pos}
	}
	return Ref{strings.ToLower(s), pos}
}

// list reads a list of strings; a single string is accepted as a list of one.
func (f *fields) list(key string) []Ref {
	n := f.node(key)
	if n == nil {
		return nil
	}
	if n.Kind == yaml.ScalarNode {
		return []Ref{{n.Value, f.pos(n)}}
	}
	if n.Kind != yaml.SequenceNode {
		f.errs.Errorf(f.pos(n), "field %q must be a list like `%s: [a, b]`", key, key)
		return nil
	}
	var out []Ref
	for _, c := range n.Content {
		if s, ok := f.scalar(key, c); ok {
			if out == nil {
				out = make([]Ref, 0, len(n.Content))
			}
			out = append(out, Ref{s, f.pos(c)})
		}
	}
	return out
}

// ids reads a list of references to other content by id.
func (f *fields) ids(key string) []Ref {
	refs := f.list(key)
	for _, r := range refs {
		f.checkSlug(r.ID, r.Pos, "id in "+strconv.Quote(key))
	}
	return refs
}

func (f *fields) id(key string, required bool, example string) Ref {
	s, pos := f.str(key, required, example)
	if s != "" {
		f.checkSlug(s, pos, "id in "+strconv.Quote(key))
	}
	return Ref{s, pos}
}

// ValidSlug reports whether s can be an id and a file name: words of lowercase letters and
// digits joined by single hyphens, as the regular expression ^[a-z0-9]+(-[a-z0-9]+)*$
// says.
func ValidSlug(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
		case c == '-' && i > 0 && i < len(s)-1 && s[i-1] != '-':
		default:
			return false
		}
	}
	return s != ""
}

func (f *fields) checkSlug(s string, pos diag.Pos, what string) {
	if !ValidSlug(s) {
		f.errs.Errorf(pos, "%s %q is not a valid id: use lowercase letters, digits and hyphens, like %q", what, s, Slugify(s))
	}
}

// webURL reports a value of key that is not empty and not an absolute http(s) address: it
// becomes a link, and a javascript: or relative one would not lead where readers expect.
func (f *fields) webURL(key, s string, pos diag.Pos) {
	if s == "" {
		return
	}
	u, err := url.Parse(s)
	if err != nil || (!strings.EqualFold(u.Scheme, "http") && !strings.EqualFold(u.Scheme, "https")) || u.Host == "" {
		f.errs.Errorf(pos, "%s %q is not a web address; write it in full, like `%s: https://example.org/…`", key, s, key)
	}
}

// oneOf reads a string field that must be one of choices.
func (f *fields) oneOf(key string, required bool, choices ...string) (string, diag.Pos) {
	s, pos := f.str(key, required, choices[0])
	if s != "" && !slices.Contains(choices, s) {
		f.errs.Errorf(pos, "%s %q is not one of: %s", key, s, strings.Join(choices, ", "))
	}
	return s, pos
}

// language reads the field `language`, a code of locales, and returns its locale; def if
// it is not given or not one of them.
func (f *fields) language(locales locale.Set, def *locale.Locale) *locale.Locale {
	s, pos := f.str("language", false, "")
	if s == "" {
		return def
	}
	l, ok := locales.Lookup(s)
	if !ok {
		f.errs.Errorf(pos, "%s", locales.Unknown(s))
		return def
	}
	return l
}

// mapping returns the key and value nodes of a mapping field, in file order.
func (f *fields) mapping(key string) [][2]*node {
	n := f.node(key)
	if n == nil {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		f.errs.Errorf(f.pos(n), "field %q must be a mapping of `\"line\": value` entries", key)
		return nil
	}
	var out [][2]*node
	for i := 0; i+1 < len(n.Content); i += 2 {
		out = append(out, [2]*node{n.Content[i], n.Content[i+1]})
	}
	return out
}

// unknown reports every key that no reader asked for: usually a typo.
func (f *fields) unknown() {
	var unused []*field
	for i := range f.entries {
		if !f.entries[i].used {
			unused = append(unused, &f.entries[i])
		}
	}
	if len(unused) == 0 {
		return
	}
	known := strings.Join(slices.Sorted(slices.Values(f.asked)), ", ")
	slices.SortFunc(unused, func(a, b *field) int { return strings.Compare(a.key, b.key) })
	for _, e := range unused {
		f.errs.Errorf(f.pos(e.k), "unknown field %q; known fields here are: %s", e.key, known)
	}
}

func kindName(n *node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "list"
	case yaml.MappingNode:
		return "mapping"
	}
	return "value"
}

// lineRange parses "34" or "40-66".
func lineRange(s string) (from, to int, err error) {
	a, b, isRange := strings.Cut(strings.TrimSpace(s), "-")
	if from, err = strconv.Atoi(strings.TrimSpace(a)); err != nil || from < 1 {
		return 0, 0, fmt.Errorf("%q is not a line number or range; write \"34\" or \"40-66\"", s)
	}
	to = from
	if isRange {
		if to, err = strconv.Atoi(strings.TrimSpace(b)); err != nil || to < from {
			return 0, 0, fmt.Errorf("%q is not a line range; write \"40-66\" with the smaller number first", s)
		}
	}
	return from, to, nil
}
