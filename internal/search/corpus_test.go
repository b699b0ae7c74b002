package search

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// shippedDocs returns Docs like the ones the build makes of the shipped dossier: every
// non-blank line of every seed as an article paragraph, and the bodies of the content
// files as notes, actors, topics and events, with their markdown links reduced to text.
func shippedDocs(tb testing.TB) []Doc {
	tb.Helper()
	seeds, err := filepath.Glob("../../seeds/*.txt")
	if err != nil || len(seeds) == 0 {
		tb.Fatalf("no seeds in ../../seeds: %v", err)
	}
	var docs []Doc
	for _, path := range seeds {
		name := strings.TrimSuffix(filepath.Base(path), ".txt")
		for n, line := range mustLines(tb, path) {
			if strings.TrimSpace(line) == "" {
				continue
			}
			docs = append(docs, Doc{
				Kind:  "article",
				Title: fmt.Sprintf("Artikel %s · Z. %d", name, n+1),
				URL:   fmt.Sprintf("articles/%s.html#L%d", name, n+1),
				Text:  line,
			})
		}
	}
	for _, dir := range []struct{ dir, kind string }{
		{"notes", "note"}, {"actors", "actor"}, {"topics", "topic"}, {"events", "event"},
	} {
		files, _ := filepath.Glob(filepath.Join("../../content", dir.dir, "*.md"))
		for _, path := range files {
			id := strings.TrimSuffix(filepath.Base(path), ".md")
			front, body := splitFrontMatter(mustLines(tb, path))
			title := front["name"] + front["title"]
			if title == "" {
				title = front["quote"]
			}
			if title == "" {
				title = id
			}
			docs = append(docs, Doc{
				Kind:  dir.kind,
				Title: title,
				URL:   dir.dir + "/" + id + ".html",
				Text:  mdLink.ReplaceAllString(body, "$1"),
			})
		}
	}
	return docs
}

var mdLink = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)

// splitFrontMatter returns the scalar keys of a file's front matter and its body.
func splitFrontMatter(lines []string) (map[string]string, string) {
	front := make(map[string]string)
	if len(lines) == 0 || lines[0] != "---" {
		return front, strings.Join(lines, "\n")
	}
	for i := 1; i < len(lines); i++ {
		if lines[i] == "---" {
			return front, strings.TrimSpace(strings.Join(lines[i+1:], "\n"))
		}
		if k, v, ok := strings.Cut(lines[i], ":"); ok && !strings.HasPrefix(k, " ") {
			front[k] = strings.Trim(strings.TrimSpace(v), `"`)
		}
	}
	return front, ""
}

func mustLines(tb testing.TB, path string) []string {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return lines
}
