package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// The templates of `dossier new`. Their comments are German, like the editors' guide
// (docs/redaktion.md), and show each field's choices; the body is a placeholder that the
// preview shows where the text will stand.

// frontMatter writes YAML lines of key, value and an optional comment, the comments
// aligned so that the file reads as a form.
type frontMatter struct{ b strings.Builder }

func (f *frontMatter) field(key, value, comment string) {
	line := key + ": " + value
	if comment != "" {
		line = fmt.Sprintf("%-21s # %s", line, comment)
	}
	f.b.WriteString(line + "\n")
}

func (f *frontMatter) raw(s string) { f.b.WriteString(s) }

func (f *frontMatter) file(body string) string {
	return "---\n" + f.b.String() + "---\n" + body + "\n"
}

func noteFile(n *newFile) string {
	var f frontMatter
	f.field("article", n.article, "")
	f.field("quote", yamlString(n.quote), "")
	if n.prefix != "" {
		f.field("prefix", yamlString(n.prefix), "")
	}
	if n.suffix != "" {
		f.field("suffix", yamlString(n.suffix), "")
	}
	f.field("kind", n.sub, "context | factcheck | correction | translation | source")
	f.field("actors", "[]", "Akteure, um die es geht, als ids: [wladimir-putin, kim-jong-un]")
	f.field("topics", "[]", "Themen als ids: [waffenlieferungen]")
	return f.file("Text der Notiz, in Markdown.")
}

func actorFile(n *newFile) string {
	var f frontMatter
	f.field("name", yamlString(n.name), "")
	f.field("kind", n.sub, "person | state | organisation | media")
	f.field("aliases", "[]", `jede weitere Schreibweise in den Seeds: ["Kim Jong Un"]`)
	f.field("role", `""`, `in einer Zeile: wer oder was, z. B. "Korea-Experte am CSIS"`)
	return f.file("Profil in Markdown.")
}

func topicFile(n *newFile) string {
	var f frontMatter
	f.field("title", yamlString(n.name), "")
	f.field("keywords", "[]", "Wortanfänge, die Absätze dem Thema zuordnen: [Sanktion, Embargo]")
	return f.file("Überblick in Markdown.")
}

func eventFile(n *newFile) string {
	var f frontMatter
	f.field("date", yamlString(n.date), "auch 2023-09, 2023, ~1982, 1950/1953, <2023-07")
	f.field("title", yamlString(n.name), "")
	f.field("actors", "[]", "Beteiligte als ids: [wladimir-putin]")
	f.field("topics", "[]", "Themen als ids: [diplomatie-und-besuche]")
	if n.article != "" {
		f.raw("sources:\n")
		f.raw("  - article: " + n.article + "\n")
		f.raw("    quote: " + yamlString(n.quote) + "\n")
	} else {
		f.field("sources", "[]", "Belege, je ein Artikel und ein wörtliches Zitat daraus:")
		f.raw("                      #   - article: <id>\n")
		f.raw("                      #     quote: \"…\"\n")
	}
	return f.file("Was geschah, in Markdown.")
}

// yamlString writes s as a YAML double-quoted scalar. A JSON string is one, and JSON's
// escapes cover every character that could end it early.
func yamlString(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s) // a string always encodes
	return strings.TrimSuffix(b.String(), "\n")
}
