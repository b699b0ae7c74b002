package dossier

import (
	"slices"
	"strconv"
	"strings"

	"dossier/internal/anchor"
	"dossier/internal/seed"
)

// Passages returns the lines of art a quote may be anchored in, as Resolve sees them.
func (art *Article) Passages() []anchor.Passage {
	var ps []anchor.Passage
	for _, l := range art.Lines {
		if l.Kind != seed.Blank {
			ps = append(ps, anchor.Passage{Line: l.N, Text: l.Text})
		}
	}
	return ps
}

// Span returns the text of m in its line of art: the whole line if m's bounds do not fit
// it, "" if there is no such line.
func (art *Article) Span(m anchor.Match) string {
	if m.Line < 1 || m.Line > len(art.Lines) {
		return ""
	}
	t := art.Lines[m.Line-1].Text
	if m.Start < 0 || m.End > len(t) || m.Start > m.End {
		return t
	}
	return t[m.Start:m.End]
}

// CandidateLines names the lines of ms for a message: "line 3", "lines 3, 17".
func CandidateLines(ms []anchor.Match) string {
	var lines []string
	for _, m := range ms {
		if l := strconv.Itoa(m.Line); !slices.Contains(lines, l) {
			lines = append(lines, l)
		}
	}
	if len(lines) == 1 {
		return "line " + lines[0]
	}
	return "lines " + strings.Join(lines, ", ")
}
