package dossier

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"dossier/internal/anchor"
	"dossier/internal/content"
	"dossier/internal/seed"
)

// passages returns the lines of art in which a quote may be anchored.
func passages(art *Article) []anchor.Passage {
	var ps []anchor.Passage
	for _, l := range art.Lines {
		if l.Kind != seed.Blank {
			ps = append(ps, anchor.Passage{Line: l.N, Text: l.Text})
		}
	}
	return ps
}

// anchorQuote finds q in its article and reports what does not fit.
func (r *resolver) anchorQuote(q content.Quote, what string) *Anchor {
	art, ok := lookup(r, "article", q.Article, r.d.articles)
	if !ok || art.Seed == nil || strings.TrimSpace(q.Text) == "" {
		return nil
	}
	res := art.text.Find(q.Text, q.Prefix, q.Suffix)
	m := res.Match
	if res.Status == anchor.NotFound || res.Status == anchor.Fuzzy && m.Score < 1 {
		if first, last, ok := art.text.Spans(q.Text); ok {
			hint := ""
			if l := art.line(m.Line); l != nil && m.Score > 0 {
				hint = fmt.Sprintf("; the closest passage is on line %d (%.0f %% similar): %q", m.Line, 100*m.Score, excerpt(l.Text, m.Start, m.End))
			}
			r.errs.Errorf(q.Pos, "%s quote runs across lines %d to %d of article %q (seeds/%s), but a quote must lie within one paragraph: quote one part, or write a note for each%s", what, first, last, art.ID, art.Seed.Name, hint)
			return nil
		}
	}
	switch res.Status {
	case anchor.NotFound:
		hint := "; copy the passage from the seed"
		if l := art.line(m.Line); l != nil && m.Score > 0 {
			hint = fmt.Sprintf("; the closest passage is on line %d (%.0f %% similar): %q", m.Line, 100*m.Score, excerpt(l.Text, m.Start, m.End))
		}
		r.errs.Errorf(q.Pos, "%s quote not found in article %q (seeds/%s)%s", what, art.ID, art.Seed.Name, hint)
		return nil
	case anchor.Ambiguous:
		var lines []string
		for _, c := range res.Candidates {
			if n := strconv.Itoa(c.Line); !slices.Contains(lines, n) {
				lines = append(lines, n)
			}
		}
		if len(lines) > 10 {
			lines = append(lines[:10], "…")
		}
		r.errs.Errorf(q.Pos, "%s quote occurs %d times in article %q (lines %s); add `prefix:` or `suffix:` with the words just before or after the one you mean", what, len(res.Candidates), art.ID, strings.Join(lines, ", "))
		return nil
	case anchor.Fuzzy:
		l := art.line(m.Line)
		msg := fmt.Sprintf("%s quote matches only approximately (%.0f %%) on line %d: %q; copy the passage exactly", what, 100*m.Score, m.Line, l.Text[m.Start:m.End])
		if m.Score == 1 {
			msg = fmt.Sprintf("%s quote matches line %d only if letter case or its prefix/suffix are ignored: %q; copy the passage exactly and check prefix and suffix", what, m.Line, l.Text[m.Start:m.End])
		}
		if r.cfg.Strict {
			r.errs.Errorf(q.Pos, "%s", msg)
		} else {
			r.errs.Warnf(q.Pos, "%s", msg)
		}
	case anchor.Normalized:
		r.errs.Warnf(q.Pos, "%s quote matches line %d only after normalising quotes, dashes or spaces; copy it from the seed exactly", what, m.Line)
	}
	a := &Anchor{Article: art, Line: m.Line, Start: m.Start, End: m.End, Status: res.Status, Score: m.Score}
	l := art.line(m.Line)
	l.Anchors = append(l.Anchors, a)
	return a
}

func excerpt(s string, start, end int) string {
	if start < 0 || end > len(s) || start > end {
		return s
	}
	return s[start:end]
}

func (r *resolver) anchorNotes() {
	for _, n := range r.d.Notes {
		if a := r.anchorQuote(n.Quote, "note"); a != nil {
			a.Note = n
			n.Anchor = a
			a.Article.Notes = append(a.Article.Notes, n)
		}
		for _, act := range n.Actors {
			act.Notes = append(act.Notes, n)
		}
		for _, t := range n.Topics {
			t.Notes = append(t.Notes, n)
		}
	}
	for _, art := range r.d.Articles {
		slices.SortFunc(art.Notes, func(a, b *Note) int {
			return cmp.Or(cmp.Compare(a.Anchor.Line, b.Anchor.Line), cmp.Compare(a.Anchor.Start, b.Anchor.Start), strings.Compare(a.ID, b.ID))
		})
		for i, n := range art.Notes {
			n.Number = i + 1
		}
	}
}

func (r *resolver) anchorEvents() {
	for _, e := range r.d.Events {
		for _, q := range e.Event.Sources {
			if a := r.anchorQuote(q, "event source"); a != nil {
				a.Event = e
				e.Sources = append(e.Sources, a)
				if !slices.Contains(a.Article.Events, e) {
					a.Article.Events = append(a.Article.Events, e)
				}
			}
		}
		for _, a := range e.Actors {
			a.Events = append(a.Events, e)
		}
		for _, t := range e.Topics {
			t.Events = append(t.Events, e)
		}
	}
}
