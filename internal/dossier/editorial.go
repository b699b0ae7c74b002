package dossier

import (
	"strconv"
	"strings"

	"dossier/internal/diag"
)

// checkCitations warns, in the editorial mode (-strict), of what a fact-checking newsroom
// would not publish: a fact-check note that links no source, an event whose date neither
// one of its passages nor a public source gives, and a profile sentence that no citation
// covers. They are warnings: a build still succeeds, and an editor sees each at its line.
func (r *resolver) checkCitations() {
	for _, n := range r.d.Notes {
		if n.Kind != "factcheck" || n.Body == nil {
			continue
		}
		if c := n.Body.Cite(); c.External == 0 && c.Passages == 0 {
			r.errs.Warnf(diag.Pos{File: n.File, Line: n.BodyLine + c.FirstLine - 1, Col: 1},
				"fact-check note %q links no source; say what it was checked against with a link to a public source ([Name, date](https://…)) or to a passage ([Z. 12](article:ID#L12))", n.ID)
		}
	}
	for _, e := range r.d.Events {
		if e.Date.IsZero() || r.datedByPassage(e) {
			continue
		}
		if e.Body != nil && e.Body.Cite().External > 0 {
			continue
		}
		r.errs.Warnf(e.DatePos,
			"the date %s of event %q is in none of its passages; cite a public source for it in the body ([Name, date](https://…)) or add a source passage that gives the date", e.Date, e.ID)
	}
	for _, a := range r.d.Actors {
		if a.Body == nil {
			continue
		}
		for _, u := range a.Body.Cite().Uncited {
			more := ""
			if u.Sentences > 1 {
				more = " and the " + strconv.Itoa(u.Sentences-1) + " after it"
			}
			r.errs.Warnf(diag.Pos{File: a.File, Line: a.BodyLine + u.Line - 1, Col: 1},
				"the sentence %q%s cites nothing; end it with a link to its passage ([Z. 12](article:ID#L12)), an event or note, or a public source ([Name, date](https://…))", u.Sentence, more)
		}
	}
}

// datedByPassage reports whether a passage of e gives its date: its line names a year of
// the date; or it names the month and the article appeared in that year ("seit Januar
// dieses Jahres"); or the article appeared during the event or within the week after it,
// as "am Mittwoch" or "vergangene Woche" in a report of those days does.
func (r *resolver) datedByPassage(e *Event) bool {
	from, to := e.Date.Start().Year(), e.Date.End().Year()
	month := e.Date.Start().Month() - 1
	for _, s := range e.Sources {
		if s.Article == nil || s.Line < 1 || s.Line > len(s.Article.Lines) {
			continue
		}
		text := s.Article.Lines[s.Line-1].Text
		for y := from; y <= to; y++ {
			if strings.Contains(text, strconv.Itoa(y)) {
				return true
			}
		}
		p := s.Article.Published
		if p.IsZero() {
			continue
		}
		if (strings.Contains(text, germanMonths[month]) || strings.Contains(text, englishMonths[month])) && p.Year() == from {
			return true
		}
		if day := p.Start(); !day.Before(e.Date.Start()) && !day.After(e.Date.End().AddDate(0, 0, 7)) {
			return true
		}
	}
	return false
}

// The months as the seeds name them; a seed in another language dates its events by year.
var germanMonths = [...]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"}
var englishMonths = [...]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
