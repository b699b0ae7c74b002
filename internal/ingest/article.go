package ingest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// articleFields are what the article file of an import says.
type articleFields struct {
	seed, title, kicker, publisher, author, published, language, url string
	retrieved                                                        time.Time
	sha256                                                           string
	review                                                           []string
	lines                                                            []lineKind
}

// articleFile writes the article file of an import: its front matter, in the order an
// editor reads it, and an empty body for the editors' introduction.
func articleFile(f articleFields) string {
	var b strings.Builder
	b.WriteString("---\n")
	field := func(key, value string) { fmt.Fprintf(&b, "%s: %s\n", key, value) }
	field("seed", f.seed)
	field("title", yamlString(f.title))
	if f.kicker != "" {
		field("kicker", yamlString(f.kicker))
	}
	field("publisher", yamlString(f.publisher))
	field("author", yamlString(f.author))
	if f.published != "" {
		field("published", f.published)
	}
	if f.language != "" {
		field("language", f.language)
	}
	field("url", yamlString(f.url))
	field("retrieved", f.retrieved.Format(time.RFC3339))
	field("sha256", f.sha256)
	if len(f.review) > 0 {
		b.WriteString("needs-review:             # what the import guessed; check each, then remove it\n")
		for _, r := range f.review {
			fmt.Fprintf(&b, "  - %s\n", yamlString(r))
		}
	}
	if len(f.lines) > 0 {
		b.WriteString("lines:                    # the page marks these lines so; the classifier would not\n")
		for _, l := range f.lines {
			fmt.Fprintf(&b, "  %q: %s\n", fmt.Sprint(l.line), l.kind)
		}
	}
	b.WriteString("---\n")
	return b.String()
}

// yamlString writes s as a YAML double-quoted scalar: a JSON string is one, and JSON's
// escapes cover every character that could end it early.
func yamlString(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s) // a string always encodes
	return strings.TrimSuffix(b.String(), "\n")
}

// setFields returns the article file src with the front matter's keys set to values:
// a key's line is replaced where it is, a missing key added at the end of the front
// matter. Everything else the editors wrote stays as it is.
func setFields(src string, values [][2]string) (string, error) {
	lines := strings.SplitAfter(src, "\n")
	open, end := -1, -1
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if open < 0 {
			if t == "" {
				continue
			}
			if t != "---" {
				return "", fmt.Errorf("the file has no front matter")
			}
			open = i
			continue
		}
		if t == "---" {
			end = i
			break
		}
	}
	if end < 0 {
		return "", fmt.Errorf("the file's front matter is not closed")
	}
	var add []string
	for _, kv := range values {
		line := kv[0] + ": " + kv[1] + "\n"
		found := false
		for i := open + 1; i < end; i++ {
			if strings.HasPrefix(lines[i], kv[0]+":") {
				lines[i], found = line, true
				break
			}
		}
		if !found {
			add = append(add, line)
		}
	}
	out := append(append(append([]string{}, lines[:end]...), add...), lines[end:]...)
	return strings.Join(out, ""), nil
}
