package main

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"dossier/internal/anchor"
	"dossier/internal/content"
	"dossier/internal/diag"
	idossier "dossier/internal/dossier"
)

// The three outcomes of the anchoring report.
const (
	anchored = "anchored"
	fuzzy    = "fuzzy"
	orphaned = "orphaned"
)

// anchorLine is one quote of a note or an event source in the anchoring report.
type anchorLine struct {
	Pos    diag.Pos // of the quote, in its content file
	State  string   // anchored, fuzzy or orphaned
	Detail string
}

func (l anchorLine) String() string { return l.Pos.String() + ": " + l.State + ": " + l.Detail }

// anchoring reports, for every note and event source, how its quote is anchored. The model
// holds the anchor of every quote that was found; a quote that was not is looked up once
// more, only to name the closest passage.
func anchoring(d *idossier.Dossier) []anchorLine {
	var out []anchorLine
	for _, n := range d.Notes {
		out = append(out, locate(d, n.Quote, n.Anchor, fmt.Sprintf("note %q", n.ID)))
	}
	for _, e := range d.Events {
		for i, q := range e.Event.Sources {
			// Resolve keeps only the sources it anchored, in order: when all were, the i-th
			// anchor is the i-th source's.
			var a *idossier.Anchor
			if len(e.Sources) == len(e.Event.Sources) {
				a = e.Sources[i]
			}
			out = append(out, locate(d, q, a, fmt.Sprintf("source %d of event %q", i+1, e.ID)))
		}
	}
	slices.SortStableFunc(out, func(a, b anchorLine) int {
		return cmp.Or(strings.Compare(a.Pos.File, b.Pos.File), cmp.Compare(a.Pos.Line, b.Pos.Line), cmp.Compare(a.Pos.Col, b.Pos.Col))
	})
	return out
}

func locate(d *idossier.Dossier, q content.Quote, a *idossier.Anchor, what string) anchorLine {
	l := anchorLine{Pos: q.Pos, State: orphaned}
	art := d.Article(q.Article.ID)
	switch {
	case art == nil:
		l.Detail = fmt.Sprintf("%s names the unknown article %q", what, q.Article.ID)
		return l
	case art.Seed == nil:
		l.Detail = fmt.Sprintf("%s: the seed of article %q could not be read", what, art.ID)
		return l
	case strings.TrimSpace(q.Text) == "":
		l.Detail = fmt.Sprintf("%s has an empty quote", what)
		return l
	}
	var status anchor.Status
	var m anchor.Match
	var candidates []anchor.Match
	if a != nil {
		status, m = a.Status, anchor.Match{Line: a.Line, Start: a.Start, End: a.End, Score: a.Score}
	} else {
		res := anchor.Find(art.Passages(), q.Text, q.Prefix, q.Suffix)
		status, m, candidates = res.Status, res.Match, res.Candidates
	}
	where := fmt.Sprintf("%s on line %d of article %q", what, m.Line, art.ID)
	switch status {
	case anchor.Exact:
		l.State, l.Detail = anchored, where
	case anchor.Normalized:
		l.State, l.Detail = anchored, where+" (after normalising quotes, dashes or spaces)"
	case anchor.Fuzzy:
		l.State = fuzzy
		l.Detail = fmt.Sprintf("%s, %.0f %% similar: %q", where, 100*m.Score, art.Span(m))
	case anchor.Ambiguous:
		l.Detail = fmt.Sprintf("%s occurs %d times in article %q (%s)", what, len(candidates), art.ID, idossier.CandidateLines(candidates))
	default:
		l.Detail = fmt.Sprintf("%s is not in article %q", what, art.ID)
		if m.Line > 0 && m.Score > 0 {
			l.Detail += fmt.Sprintf("; the closest passage is on line %d (%.0f %% similar): %q", m.Line, 100*m.Score, art.Span(m))
		}
	}
	return l
}

// candidateLines lists the lines of equal matches, each once: "lines 9, 46".
func printAnchoring(w io.Writer, lines []anchorLine) {
	counts := map[string]int{}
	for _, l := range lines {
		fmt.Fprintln(w, l)
		counts[l.State]++
	}
	fmt.Fprintf(w, "anchoring: %d anchored, %d fuzzy, %d orphaned\n", counts[anchored], counts[fuzzy], counts[orphaned])
}
