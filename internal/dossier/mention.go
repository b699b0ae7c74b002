package dossier

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"dossier/internal/content"
	"dossier/internal/mention"
	"dossier/internal/seed"
)

// findMentions links every name and alias of every actor in every line.
func (r *resolver) findMentions() {
	m := mention.New()
	for _, a := range r.d.Actors {
		names := append([]content.Ref{{ID: a.Name, Pos: a.NamePos}}, a.Aliases...)
		for _, n := range names {
			if strings.TrimSpace(n.ID) == "" {
				continue
			}
			if otherID, otherName := m.Add(n.ID, a.ID); otherID != "" {
				r.errs.Errorf(n.Pos, "name %q is also claimed by actor %q (as %q); a name can mean only one actor: resolve it per line with `mentions:` in the article", n.ID, otherID, otherName)
			}
		}
	}
	// Finding is the costly part and reads only the matcher and the line: done on all
	// cores first; the mentions are linked in order after.
	hits := make([][][]mention.Hit, len(r.d.Articles)) // article, line index
	eachParallel(len(r.d.Articles), func(i int) {
		art := r.d.Articles[i]
		if art.Seed == nil {
			return
		}
		rules := art.lineRules(r.d.actors)
		hits[i] = make([][]mention.Hit, len(art.Lines))
		for j, l := range art.Lines {
			if l.Kind == seed.Blank {
				continue
			}
			var extra []*mention.Matcher
			for _, ri := range rules[l.N] {
				x := mention.New()
				x.Add(art.Mentions[ri].Name, strconv.Itoa(ri))
				extra = append(extra, x)
			}
			hits[i][j] = m.Find(l.Text, extra...)
		}
	})
	for i, art := range r.d.Articles {
		if art.Seed == nil {
			continue
		}
		r.checkLineRules(art)
		used := make([]bool, len(art.Mentions))
		counts := map[*Actor]int{}
		for j, l := range art.Lines {
			for _, h := range hits[i][j] {
				actorID := h.Key
				if ri, err := strconv.Atoi(h.Key); err == nil {
					used[ri] = true
					actorID = art.Mentions[ri].Actor.ID
				}
				actor := r.d.actors[actorID]
				if actor == nil {
					continue // reported by checkLineRules
				}
				mn := Mention{Actor: actor, Article: art, Line: l.N, Start: h.Start, End: h.End}
				l.Mentions = append(l.Mentions, mn)
				actor.Mentions = append(actor.Mentions, mn)
				counts[actor]++
			}
		}
		for i, rule := range art.Mentions {
			if !used[i] && r.d.actors[rule.Actor.ID] != nil && rule.To <= len(art.Lines) {
				r.errs.Warnf(rule.Actor.Pos, "%q does not occur on line %s of the seed; remove the rule or fix the name", rule.Name, lineLabel(rule.From, rule.To))
			}
		}
		art.Actors = sortCounted(counts)
	}
	for _, a := range r.d.Actors {
		if len(a.Mentions) == 0 {
			r.errs.Warnf(a.NamePos, "actor %q is not mentioned in any article; add the spelling the seeds use to `aliases:`", a.Name)
		}
		seen := map[*Article]bool{}
		for _, mn := range a.Mentions {
			if !seen[mn.Article] {
				seen[mn.Article] = true
				a.Articles = append(a.Articles, mn.Article)
			}
		}
	}
}

// lineRules returns, per line number, the indexes of the article's mention rules for it:
// those naming a known actor within the seed. checkLineRules reports the others.
func (art *Article) lineRules(actors map[string]*Actor) map[int][]int {
	rules := map[int][]int{}
	for i, rule := range art.Mentions {
		if _, ok := actors[rule.Actor.ID]; !ok || rule.To > len(art.Lines) {
			continue
		}
		for n := rule.From; n <= rule.To; n++ {
			rules[n] = append(rules[n], i)
		}
	}
	return rules
}

// checkLineRules reports the mention rules of art that lineRules leaves out.
func (r *resolver) checkLineRules(art *Article) {
	for _, rule := range art.Mentions {
		if _, ok := lookup(r, "actor", rule.Actor, r.d.actors); !ok {
			continue
		}
		if rule.To > len(art.Lines) {
			r.errs.Errorf(rule.Actor.Pos, "line %d is past the end of seed %s (%d lines)", rule.To, art.Seed.Name, len(art.Lines))
		}
	}
}

func lineLabel(from, to int) string {
	if from == to {
		return strconv.Itoa(from)
	}
	return fmt.Sprintf("%d-%d", from, to)
}

func sortCounted(counts map[*Actor]int) []*Counted {
	var out []*Counted
	for a, n := range counts {
		out = append(out, &Counted{a, n})
	}
	slices.SortFunc(out, func(a, b *Counted) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), strings.Compare(a.Name, b.Name), strings.Compare(a.ID, b.ID))
	})
	return out
}
