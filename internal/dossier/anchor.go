package dossier

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"dossier/internal/anchor"
	"dossier/internal/content"
	"dossier/internal/parallel"
	"dossier/internal/seed"
)

// passages returns the lines of a seed in which a quote may be anchored.
func passages(lines []seed.Line) []anchor.Passage {
	var ps []anchor.Passage
	for _, l := range lines {
		if l.Kind != seed.Blank {
			ps = append(ps, anchor.Passage{Line: l.N, Text: l.Text})
		}
	}
	return ps
}

// quote is a note's or an event source's quote to anchor.
type quote struct {
	content.Quote
	what string // "note" or "event source", for messages
	art  *Article
	*anchored
}

// quoteKey is what the anchor of a quote in a seed depends on.
type quoteKey struct{ text, prefix, suffix string }

// anchored is where a quote was found in its seed.
type anchored struct {
	res anchor.Result
	// first and last are the lines that a quote found only approximately runs across, if
	// spans is set: a quote copied from two paragraphs.
	first, last int
	spans       bool
}

// anchorQuotes finds every quote in its article, on all cores, an article's quotes at a
// time; anchorQuote then links and reports them in order.
func (r *resolver) anchorQuotes(qs []*quote) {
	byArticle := map[*Article][]*quote{}
	var arts []*Article
	for _, q := range qs {
		art := r.d.articles[q.Article.ID]
		if art == nil || art.Seed == nil || strings.TrimSpace(q.Text) == "" {
			continue
		}
		q.art = art
		if byArticle[art] == nil {
			arts = append(arts, art)
		}
		byArticle[art] = append(byArticle[art], q)
	}
	parallel.Each(len(arts), func(i int) {
		e := r.entries[arts[i]]
		if e.anchors == nil {
			e.anchors = map[quoteKey]*anchored{}
		}
		for _, q := range byArticle[arts[i]] {
			key := quoteKey{q.Text, q.Prefix, q.Suffix}
			a := e.anchors[key]
			if a == nil {
				a = &anchored{res: e.text.Find(q.Text, q.Prefix, q.Suffix)}
				if m := a.res.Match; a.res.Status == anchor.NotFound || a.res.Status == anchor.Fuzzy && m.Score < 1 {
					a.first, a.last, a.spans = e.text.Spans(q.Text)
				}
				e.anchors[key] = a
			}
			q.anchored = a
		}
	})
}

// anchorQuote links q, found by anchorQuotes, to its passage and reports what does not fit.
func (r *resolver) anchorQuote(q *quote) *Anchor {
	art, ok := lookup(r, "article", q.Article, r.d.articles)
	what := q.what
	if !ok || art.Seed == nil || strings.TrimSpace(q.Text) == "" {
		return nil
	}
	res := q.res
	m := res.Match
	if q.spans {
		hint := ""
		if l := art.line(m.Line); l != nil && m.Score > 0 {
			hint = fmt.Sprintf("; the closest passage is on line %d (%.0f %% similar): %q", m.Line, 100*m.Score, excerpt(l.Text, m.Start, m.End))
		}
		r.errs.Errorf(q.Pos, "%s quote runs across lines %d to %d of article %q (seeds/%s), but a quote must lie within one paragraph: quote one part, or write a note for each%s", what, q.first, q.last, art.ID, art.Seed.Name, hint)
		return nil
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
	marks := l.marksToAdd()
	marks.anchors = append(marks.anchors, a)
	return a
}

func excerpt(s string, start, end int) string {
	if start < 0 || end > len(s) || start > end {
		return s
	}
	return s[start:end]
}

func (r *resolver) anchorNotes() {
	qs := make([]*quote, len(r.d.Notes))
	for i, n := range r.d.Notes {
		qs[i] = &quote{Quote: n.Quote, what: "note"}
	}
	r.anchorQuotes(qs)
	for i, n := range r.d.Notes {
		if a := r.anchorQuote(qs[i]); a != nil {
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
	var qs []*quote
	for _, e := range r.d.Events {
		for _, q := range e.Event.Sources {
			qs = append(qs, &quote{Quote: q, what: "event source"})
		}
	}
	r.anchorQuotes(qs)
	for _, e := range r.d.Events {
		for range e.Event.Sources {
			q := qs[0]
			qs = qs[1:]
			if a := r.anchorQuote(q); a != nil {
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
