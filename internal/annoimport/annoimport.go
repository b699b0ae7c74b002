// Package annoimport reads annotations made in other tools, W3C Web Annotations (as
// data/annotations.jsonld has them) and Hypothesis's JSON export, and plans them as notes
// of a dossier: each is matched to its article by address and anchored as hand-written
// notes are.
//
// Accepted shapes: one Annotation, a list of them, an AnnotationPage or AnnotationCollection
// (items, first.items), and Hypothesis's {"rows": […]} or list of annotations (uri, text,
// tags, target[].selector). An annotation's article is the one whose url: is its target's
// source (or Hypothesis's uri), compared without scheme, "www.", fragment and trailing
// slash, or whose page in the site (articles/<id>.html) it names. Its TextQuoteSelector
// (exact, prefix, suffix) is anchored in the seed: found exactly or only after normalising
// quotes, dashes and spaces, it becomes a note quoting the seed; found only approximately,
// more than once or not at all, it is reported with the closest passage and written nowhere.
// An annotation already imported (the same id in a note's annotation_id:, or the same
// article, quote and text) is skipped, so that importing twice adds nothing.
package annoimport

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
)

// Annotation is an annotation read from a file, in the terms of a note.
type Annotation struct {
	ID             string // the annotation's id in the tool it comes from, or ""
	Source         string // the annotated page's address
	Exact          string
	Prefix, Suffix string
	Text           string   // the body, markdown or plain text
	Tags           []string // tags and tagging bodies
	Motivation     string   // W3C motivation, or ""
	Index          int      // position in the file, from 1, for messages
}

// Sniff reports whether data looks like a JSON file of annotations, not a page or text.
func Sniff(data []byte) bool {
	data = bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\uFEFF")))
	if len(data) == 0 || (data[0] != '{' && data[0] != '[') || !json.Valid(data) {
		return false
	}
	anns, err := Parse(data)
	return err == nil && len(anns) > 0
}

// Parse reads the annotations of data. An error names what is wrong with the file; an
// annotation without a text quote is kept with an empty Exact, for Plan to report.
func Parse(data []byte) ([]Annotation, error) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		return nil, fmt.Errorf("not JSON: %v", err)
	}
	items := list(v)
	if items == nil {
		return nil, fmt.Errorf("no annotations: expected an Annotation, a list of them, an AnnotationCollection or AnnotationPage (items), or a Hypothesis export (rows)")
	}
	var anns []Annotation
	for i, it := range items {
		m, ok := it.(map[string]any)
		if !ok {
			continue
		}
		if !isAnnotation(m) {
			continue
		}
		a := read(m)
		a.Index = i + 1
		anns = append(anns, a)
	}
	if len(anns) == 0 {
		return nil, fmt.Errorf("no annotations: none of the %d items has a target (W3C) or uri (Hypothesis)", len(items))
	}
	return anns, nil
}

// list returns the annotations of a file's value, or nil if it holds none.
func list(v any) []any {
	switch t := v.(type) {
	case []any:
		return t
	case map[string]any:
		for _, k := range []string{"rows", "items"} {
			if l, ok := t[k].([]any); ok {
				return l
			}
		}
		if first, ok := t["first"].(map[string]any); ok {
			if l, ok := first["items"].([]any); ok {
				return l
			}
		}
		if isAnnotation(t) {
			return []any{t}
		}
	}
	return nil
}

func isAnnotation(m map[string]any) bool {
	_, target := m["target"]
	_, uri := m["uri"]
	return target || uri
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

func read(m map[string]any) Annotation {
	a := Annotation{ID: str(m["id"]), Source: str(m["uri"]), Motivation: str(m["motivation"])}
	if a.ID == "" {
		a.ID = str(m["@id"])
	}
	// Hypothesis: text and tags.
	a.Text = str(m["text"])
	if tags, ok := m["tags"].([]any); ok {
		for _, t := range tags {
			if s := str(t); s != "" {
				a.Tags = append(a.Tags, s)
			}
		}
	}
	// W3C: bodyValue, or bodies.
	if a.Text == "" {
		a.Text = str(m["bodyValue"])
	}
	var texts = map[string]string{}
	for _, b := range asList(m["body"]) {
		bm, ok := b.(map[string]any)
		if !ok {
			continue
		}
		if str(bm["type"]) != "TextualBody" && bm["value"] == nil {
			continue
		}
		val := str(bm["value"])
		switch str(bm["purpose"]) {
		case "tagging", "classifying":
			if val != "" {
				a.Tags = append(a.Tags, val)
			}
			continue
		}
		format := str(bm["format"])
		if _, ok := texts[format]; !ok {
			texts[format] = val
		}
	}
	if a.Text == "" {
		for _, f := range []string{"text/markdown", "text/plain", ""} {
			if t := texts[f]; t != "" {
				a.Text = t
				break
			}
		}
	}
	// The target: its source and its quote selector, the first that has one.
	for _, t := range asList(m["target"]) {
		switch tm := t.(type) {
		case string:
			if a.Source == "" {
				a.Source = tm
			}
		case map[string]any:
			if a.Source == "" {
				a.Source = str(tm["source"])
			}
			for _, s := range asList(tm["selector"]) {
				sm, ok := s.(map[string]any)
				if !ok || str(sm["type"]) != "TextQuoteSelector" || a.Exact != "" {
					continue
				}
				a.Exact, a.Prefix, a.Suffix = str(sm["exact"]), str(sm["prefix"]), str(sm["suffix"])
			}
		}
	}
	return a
}

// asList returns v as a list: a JSON-LD value may be one value or a list of them.
func asList(v any) []any {
	switch t := v.(type) {
	case nil:
		return nil
	case []any:
		return t
	}
	return []any{v}
}

// normalURL returns an address as compared: without scheme, "www.", query order kept,
// fragment and trailing slash removed, host in lower case.
func normalURL(s string) string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || u.Host == "" {
		return strings.TrimSuffix(strings.TrimSpace(s), "/")
	}
	host := strings.TrimPrefix(strings.ToLower(u.Host), "www.")
	p := strings.TrimSuffix(u.EscapedPath(), "/")
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	return host + p
}
