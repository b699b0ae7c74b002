package edit

import (
	"fmt"
	"strconv"
	"strings"

	"dossier/internal/anchor"
	idossier "dossier/internal/dossier"
)

// Quote is a quote found in its article.
type Quote struct {
	Text string // as the seed has it
	Line int
	Seed string // the seed's file name
}

// CheckQuote anchors quote in the article as a build will, before the file exists: a quote
// that the build would reject, or only warn about, is refused now with the closest passage.
// A quote that differs from the seed only in quotes, dashes or spaces is taken as the seed
// writes it, which is what the editor meant. The message, if any, says so.
func CheckQuote(d *idossier.Dossier, articleID, quote, prefix, suffix string) (Quote, string, error) {
	art := d.Article(articleID)
	if art == nil {
		var ids []string
		for _, a := range d.Articles {
			ids = append(ids, a.ID)
		}
		return Quote{}, "", fieldErr("article", "unknown article %q; the articles are: %s", articleID, strings.Join(ids, ", "))
	}
	if art.Seed == nil {
		return Quote{}, "", fieldErr("article", "the seed of article %q cannot be read; `dossier check` says why", articleID)
	}
	res := anchor.Find(art.Passages(), quote, prefix, suffix)
	m := res.Match
	seed := art.Seed.Name
	switch res.Status {
	case anchor.Exact:
		return Quote{quote, m.Line, seed}, "", nil
	case anchor.Normalized:
		text := art.Span(m)
		return Quote{text, m.Line, seed}, fmt.Sprintf("the quote differs from line %d of the seed only in quotes, dashes or spaces; it is written as the seed has it: %q", m.Line, text), nil
	case anchor.Fuzzy:
		if m.Score >= 1 {
			return Quote{}, "", fieldErr("quote", "the quote is on line %d of seeds/%s, but -prefix or -suffix do not fit the words around it", m.Line, seed)
		}
		return Quote{}, "", fieldErr("quote", "the quote matches line %d of seeds/%s only approximately (%.0f %%): %q; copy the passage exactly, e.g. -quote %s", m.Line, seed, 100*m.Score, art.Span(m), strconv.Quote(art.Span(m)))
	case anchor.Ambiguous:
		return Quote{}, "", fieldErr("quote", "the quote occurs %d times in seeds/%s (%s); add -prefix or -suffix with the words just before or after the one you mean, or quote more", len(res.Candidates), seed, idossier.CandidateLines(res.Candidates))
	}
	hint := "copy the passage from the seed"
	if m.Line > 0 && m.Score > 0 {
		hint = fmt.Sprintf("the closest passage is on line %d (%.0f %% similar): %q", m.Line, 100*m.Score, art.Span(m))
	}
	return Quote{}, "", fieldErr("quote", "the quote is not in article %q (seeds/%s); %s", articleID, seed, hint)
}
