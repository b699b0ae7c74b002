package dossier

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"dossier/internal/content"
	"dossier/internal/mention"
	"dossier/internal/parallel"
	"dossier/internal/seed"
)

// names is a matcher of every actor's names, and what it was made of.
type names struct {
	key       string // every name with its actor, in order
	m         *mention.Matcher
	conflicts []conflict
}

// conflict is a name that an earlier one claimed for another actor.
type conflict struct {
	i                  int // the name's index in the list of all names
	otherID, otherName string
}

// findMentions links every name and alias of every actor in every line.
func (r *resolver) findMentions() {
	var all []content.Ref // every name to find
	var ids []string      // and its actor
	var key strings.Builder
	for _, a := range r.d.Actors {
		for _, n := range append([]content.Ref{{ID: a.Name, Pos: a.NamePos}}, a.Aliases...) {
			if strings.TrimSpace(n.ID) == "" {
				continue
			}
			all = append(all, n)
			ids = append(ids, a.ID)
			writeKey(&key, n.ID, a.ID)
		}
	}
	nm := r.cache.names
	if nm == nil || nm.key != key.String() {
		nm = &names{key: key.String(), m: mention.New()}
		for i, n := range all {
			if otherID, otherName := nm.m.Add(n.ID, ids[i]); otherID != "" {
				nm.conflicts = append(nm.conflicts, conflict{i, otherID, otherName})
			}
		}
		r.cache.names = nm
	}
	for _, c := range nm.conflicts {
		n := all[c.i]
		r.errs.Errorf(n.Pos, "name %q is also claimed by actor %q (as %q); a name can mean only one actor: resolve it per line with `mentions:` in the article", n.ID, c.otherID, c.otherName)
	}
	// Finding is the costly part and reads only the matcher and the line: done on all
	// cores first, unless the seed's names were found with the same names and rules
	// before; the mentions are linked in order after.
	hits := make([][][]mention.Hit, len(r.d.Articles)) // article, line index
	parallel.Each(len(r.d.Articles), func(i int) {
		art := r.d.Articles[i]
		e := r.entries[art]
		if e == nil {
			return
		}
		rules := art.lineRules(r.d.actors)
		rk := rulesKey(art, rules)
		if m := e.mentions; m == nil || m.names != nm || m.rules != rk {
			e.mentions = &mentions{names: nm, rules: rk, hits: art.find(nm.m, rules)}
		}
		hits[i] = e.mentions.hits
	})
	// Each article's lines are linked on all cores; the actors' lists of mentions, and
	// the problems, in order after.
	used := make([][]bool, len(r.d.Articles)) // article, rule: the rule found its name
	parallel.Each(len(r.d.Articles), func(i int) {
		art := r.d.Articles[i]
		if art.Seed == nil {
			return
		}
		used[i] = make([]bool, len(art.Mentions))
		counts := map[*Actor]int{}
		for j, l := range art.Lines {
			if len(hits[i][j]) == 0 {
				continue
			}
			marks := l.marksToAdd()
			marks.mentions = make([]Mention, 0, len(hits[i][j]))
			for _, h := range hits[i][j] {
				actorID := h.Key
				if k, ok := strings.CutPrefix(h.Key, ruleKey); ok {
					ri, _ := strconv.Atoi(k)
					used[i][ri] = true
					actorID = art.Mentions[ri].Actor.ID
				}
				actor := r.d.actors[actorID]
				if actor == nil {
					continue // reported by checkLineRules
				}
				marks.mentions = append(marks.mentions, Mention{Actor: actor, Article: art, Line: l.N, Start: h.Start, End: h.End})
				counts[actor]++
			}
		}
		art.Actors = sortCounted(counts)
	})
	for i, art := range r.d.Articles {
		if art.Seed == nil {
			continue
		}
		r.checkLineRules(art)
		for ri, rule := range art.Mentions {
			if !used[i][ri] && r.d.actors[rule.Actor.ID] != nil && rule.To <= len(art.Lines) {
				r.errs.Warnf(rule.Actor.Pos, "%q does not occur on line %s of the seed; remove the rule or fix the name", rule.Name, lineLabel(rule.From, rule.To))
			}
		}
		for _, l := range art.Lines {
			for _, mn := range l.Mentions() {
				mn.Actor.Mentions = append(mn.Actor.Mentions, mn)
			}
		}
	}
	for _, a := range r.d.Actors {
		if len(a.Mentions) == 0 {
			r.errs.Warnf(a.NamePos, "actor %q is not mentioned in any article; add the spelling the seeds use to `aliases:`", a.Name)
		}
		for _, mn := range a.Mentions { // an article's mentions come together
			if n := len(a.Articles); n == 0 || a.Articles[n-1] != mn.Article {
				a.Articles = append(a.Articles, mn.Article)
			}
		}
	}
}

// ruleKey starts the key of a name that an article's mention rule resolves, followed by
// the rule's index; an actor's id, a slug, never starts so.
const ruleKey = "#"

// find returns the names of m and of the article's mention rules in each of its lines.
func (art *Article) find(m *mention.Matcher, rules map[int][]int) [][]mention.Hit {
	byRule := map[int]*mention.Matcher{}
	for _, ris := range rules {
		for _, ri := range ris {
			if byRule[ri] == nil {
				byRule[ri] = mention.New()
				byRule[ri].Add(art.Mentions[ri].Name, ruleKey+strconv.Itoa(ri))
			}
		}
	}
	hits := make([][]mention.Hit, len(art.Lines))
	for j, l := range art.Lines {
		if l.Kind == seed.Blank {
			continue
		}
		var extra []*mention.Matcher
		for _, ri := range rules[l.N] {
			extra = append(extra, byRule[ri])
		}
		hits[j] = m.Find(l.Text, extra...)
	}
	return hits
}

// rulesKey is what of art's mention rules its mentions depend on: each rule's name and
// lines, if it applies.
func rulesKey(art *Article, rules map[int][]int) string {
	if len(art.Mentions) == 0 {
		return ""
	}
	applies := map[int]bool{}
	for _, ris := range rules {
		for _, ri := range ris {
			applies[ri] = true
		}
	}
	var b strings.Builder
	for i, rule := range art.Mentions {
		if applies[i] {
			writeKey(&b, strconv.Itoa(rule.From), strconv.Itoa(rule.To), rule.Name)
		} else {
			writeKey(&b, "-")
		}
	}
	return b.String()
}

// writeKey writes strings to a cache key so that no two lists of them write the same.
func writeKey(b *strings.Builder, ss ...string) {
	for _, s := range ss {
		b.WriteString(strconv.Itoa(len(s)))
		b.WriteByte(':')
		b.WriteString(s)
	}
}

// lineRules returns, per line number, the indexes of the article's mention rules for it:
// those naming a known actor within the seed. checkLineRules reports the others.
func (art *Article) lineRules(actors map[string]*Actor) map[int][]int {
	if len(art.Mentions) == 0 {
		return nil
	}
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
	if len(counts) == 0 {
		return nil
	}
	all := make([]Counted, 0, len(counts))
	out := make([]*Counted, 0, len(counts))
	for a, n := range counts {
		all = append(all, Counted{a, n})
		out = append(out, &all[len(all)-1])
	}
	slices.SortFunc(out, func(a, b *Counted) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), strings.Compare(a.Name, b.Name), strings.Compare(a.ID, b.ID))
	})
	return out
}
