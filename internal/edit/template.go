package edit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

// The templates of new files. Their comments are German, like the editors' guide
// (docs/redaktion.md), and show each field's choices; a body not given is a placeholder
// that the preview shows where the text will stand.

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

func (f *frontMatter) file(body, placeholder string) string {
	if strings.TrimSpace(body) == "" {
		body = placeholder
	}
	return "---\n" + f.b.String() + "---\n" + strings.TrimRight(body, "\n") + "\n"
}

func noteFile(r *Request) string {
	var f frontMatter
	f.field("article", r.Article, "")
	f.field("quote", yamlString(r.Quote), "")
	if r.Prefix != "" {
		f.field("prefix", yamlString(r.Prefix), "")
	}
	if r.Suffix != "" {
		f.field("suffix", yamlString(r.Suffix), "")
	}
	f.field("kind", r.Sub, "context | factcheck | correction | translation | source")
	f.field("actors", yamlList(r.Actors), "Akteure, um die es geht, als ids: [wladimir-putin, kim-jong-un]")
	f.field("topics", yamlList(r.Topics), "Themen als ids: [waffenlieferungen]")
	return f.file(r.Body, "Text der Notiz, in Markdown.")
}

func actorFile(r *Request) string {
	var f frontMatter
	f.field("name", yamlString(r.Name), "")
	f.field("kind", r.Sub, "person | state | organisation | media")
	f.field("aliases", "[]", `jede weitere Schreibweise in den Seeds: ["Kim Jong Un"]`)
	f.field("role", `""`, `in einer Zeile: wer oder was, z. B. "Korea-Experte am CSIS"`)
	return f.file(r.Body, "Profil in Markdown.")
}

func topicFile(r *Request) string {
	var f frontMatter
	f.field("title", yamlString(r.Name), "")
	f.field("keywords", "[]", "Wortanfänge, die Absätze dem Thema zuordnen: [Sanktion, Embargo]")
	return f.file(r.Body, "Überblick in Markdown.")
}

func eventFile(r *Request) string {
	var f frontMatter
	f.field("date", yamlString(r.Date), "auch 2023-09, 2023, ~1982, 1950/1953, <2023-07")
	f.field("title", yamlString(r.Name), "")
	f.field("actors", yamlList(r.Actors), "Beteiligte als ids: [wladimir-putin]")
	f.field("topics", yamlList(r.Topics), "Themen als ids: [diplomatie-und-besuche]")
	if r.Article != "" {
		f.raw("sources:\n")
		f.raw("  - article: " + r.Article + "\n")
		f.raw("    quote: " + yamlString(r.Quote) + "\n")
		if r.Prefix != "" {
			f.raw("    prefix: " + yamlString(r.Prefix) + "\n")
		}
		if r.Suffix != "" {
			f.raw("    suffix: " + yamlString(r.Suffix) + "\n")
		}
	} else {
		f.field("sources", "[]", "Belege, je ein Artikel und ein wörtliches Zitat daraus:")
		f.raw("                      #   - article: <id>\n")
		f.raw("                      #     quote: \"…\"\n")
	}
	return f.file(r.Body, "Was geschah, in Markdown.")
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

// yamlScalar writes s plain when that is safe to read, as an id or a name is (YAML reads
// it back as the same string, and it holds none of YAML's signs), else double-quoted.
func yamlScalar(s string) string {
	if s != "" && strings.TrimSpace(s) == s && !strings.ContainsAny(s, ":#{}[],&*!|>'\"%@`\\\n\t") && !strings.ContainsAny(s[:1], "-?") {
		var back any
		if yaml.Unmarshal([]byte(s), &back) == nil && back == s {
			return s
		}
	}
	return yamlString(s)
}

// yamlList writes ids as a YAML flow sequence: [a, b].
func yamlList(ids []string) string {
	items := make([]string, len(ids))
	for i, id := range ids {
		items[i] = yamlScalar(id)
	}
	return "[" + strings.Join(items, ", ") + "]"
}

// ActorFile returns the file of a new actor as `dossier new actor` writes it.
func ActorFile(name, kind string) string {
	return actorFile(&Request{Kind: "actor", Name: name, Sub: kind})
}
