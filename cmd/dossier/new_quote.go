package main

import (
	"fmt"
	"strconv"
	"strings"

	"dossier/internal/anchor"
	idossier "dossier/internal/dossier"
)

// checkedQuote is a quote found in its article.
type checkedQuote struct {
	text string // as the seed has it
	line int
	seed string
}

// checkQuote anchors quote in the article as a build will, before the file exists: a quote
// that the build would reject, or only warn about, is refused now with the closest passage.
// A quote that differs from the seed only in quotes, dashes or spaces is taken as the seed
// writes it, which is what the editor meant. The message, if any, says so.
func checkQuote(d *idossier.Dossier, articleID, quote, prefix, suffix string) (checkedQuote, string, error) {
	art := d.Article(articleID)
	if art == nil {
		var ids []string
		for _, a := range d.Articles {
			ids = append(ids, a.ID)
		}
		return checkedQuote{}, "", fmt.Errorf("unknown article %q; the articles are: %s", articleID, strings.Join(ids, ", "))
	}
	if art.Seed == nil {
		return checkedQuote{}, "", fmt.Errorf("the seed of article %q cannot be read; `dossier check` says why", articleID)
	}
	res := anchor.Find(passages(art), quote, prefix, suffix)
	m := res.Match
	seed := art.Seed.Name
	switch res.Status {
	case anchor.Exact:
		return checkedQuote{quote, m.Line, seed}, "", nil
	case anchor.Normalized:
		text := span(art, m)
		return checkedQuote{text, m.Line, seed}, fmt.Sprintf("the quote differs from line %d of the seed only in quotes, dashes or spaces; it is written as the seed has it: %q", m.Line, text), nil
	case anchor.Fuzzy:
		if m.Score >= 1 {
			return checkedQuote{}, "", fmt.Errorf("the quote is on line %d of seeds/%s, but -prefix or -suffix do not fit the words around it", m.Line, seed)
		}
		return checkedQuote{}, "", fmt.Errorf("the quote matches line %d of seeds/%s only approximately (%.0f %%): %q; copy the passage exactly, e.g. -quote %s", m.Line, seed, 100*m.Score, span(art, m), strconv.Quote(span(art, m)))
	case anchor.Ambiguous:
		return checkedQuote{}, "", fmt.Errorf("the quote occurs %d times in seeds/%s (%s); add -prefix or -suffix with the words just before or after the one you mean, or quote more", len(res.Candidates), seed, candidateLines(res.Candidates))
	}
	hint := "copy the passage from the seed"
	if m.Line > 0 && m.Score > 0 {
		hint = fmt.Sprintf("the closest passage is on line %d (%.0f %% similar): %q", m.Line, 100*m.Score, span(art, m))
	}
	return checkedQuote{}, "", fmt.Errorf("the quote is not in article %q (seeds/%s); %s", articleID, seed, hint)
}
