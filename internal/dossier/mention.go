package dossier

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"dossier/internal/content"
	"dossier/internal/locale"
	"dossier/internal/mention"
	"dossier/internal/parallel"
	"dossier/internal/seed"
)

// names are matchers of every actor's names, one for each language of the articles, and
// what they were made of.
type names struct {
	key       string                      // every name with its actor, in order
	byLang    map[string]*mention.Matcher // by language code
	conflicts []conflict
	// short are the bare surnames of persons that the same article may have named in
	// full, by folded form: the actors each may be (see shortForms).
	short map[string][]*Actor
	// familyFirst holds the persons whose short form is a family name before given names
	// ("Kim" of "Kim Jong-un"): a capitalised word after one continues the name.
	familyFirst map[string]bool
	variants    []variant // the spellings in other languages added to the matchers
}

// conflict is a name that an earlier one claimed for another actor, or a `not:` form
// that is a name.
type conflict struct {
	i                  int // the name's index in the list of all names
	otherID, otherName string
}

// matcher returns the matcher for articles in the language lang.
func (nm *names) matcher(lang string) *mention.Matcher { return nm.byLang[lang] }

// language is the code of the language the article is written in.
func (art *Article) language(site *content.Site) string {
	if art.Article.Language != "" {
		return art.Article.Language
	}
	return site.Language
}

// findMentions links every name and alias of every actor in every line.
func (r *resolver) findMentions() {
	var all []content.Ref // every name to find
	var ids []string      // and its actor
	var not []bool        // whether it is a form that must not link
	var key strings.Builder
	for _, a := range r.d.Actors {
		for _, n := range append([]content.Ref{{ID: a.Name, Pos: a.NamePos}}, a.Aliases...) {
			if strings.TrimSpace(n.ID) == "" {
				continue
			}
			all, ids, not = append(all, n), append(ids, a.ID), append(not, false)
			writeKey(&key, n.ID, a.ID, a.Kind)
		}
	}
	for _, a := range r.d.Actors { // after every name, so that a form is checked against all
		for _, n := range a.Not {
			if strings.TrimSpace(n.ID) == "" {
				continue
			}
			all, ids, not = append(all, n), append(ids, a.ID), append(not, true)
			writeKey(&key, "!", n.ID, a.ID)
		}
	}
	langs := []string{r.d.Site.Language}
	for _, art := range r.d.Articles {
		if l := art.language(r.d.Site); !slices.Contains(langs, l) {
			langs = append(langs, l)
		}
	}
	slices.Sort(langs)
	writeKey(&key, langs...)
	nm := r.cache.names
	if nm == nil || nm.key != key.String() {
		nm = &names{key: key.String(), byLang: map[string]*mention.Matcher{}}
		variants := r.variants(all, ids, not, locale.Codes())
		nm.variants = variants
		for li, lang := range langs {
			m := mention.New(lang)
			for i, n := range all {
				var otherID, otherName string
				if not[i] {
					otherID, otherName = m.Block(n.ID)
				} else {
					otherID, otherName = m.Add(n.ID, ids[i])
				}
				if otherID != "" && li == 0 {
					nm.conflicts = append(nm.conflicts, conflict{i, otherID, otherName})
				}
			}
			for _, v := range variants {
				m.Add(v.name, v.actor)
			}
			nm.byLang[lang] = m
		}
		nm.short, nm.familyFirst = shortForms(r.d.Actors, all, ids, not)
		r.cache.names = nm
	}
	for _, v := range nm.variants {
		if a := r.d.actors[v.actor]; a != nil {
			a.Variants = append(a.Variants, v.name)
		}
	}
	for _, c := range nm.conflicts {
		n := all[c.i]
		switch {
		case not[c.i] && c.otherID == mention.Blocked: // the same form twice
		case not[c.i]:
			r.errs.Errorf(n.Pos, "%q in `not:` is a name of actor %q (as %q); a form cannot both link and not link: remove it from `not:` or from that actor's names", n.ID, c.otherID, c.otherName)
		default:
			r.errs.Errorf(n.Pos, "name %q is also claimed by actor %q (as %q); a name can mean only one actor: resolve it per line with `mentions:` in the article", n.ID, c.otherID, c.otherName)
		}
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
		lang := art.language(r.d.Site)
		rk := lang + "\x00" + rulesKey(art, rules)
		if m := e.mentions; m == nil || m.names != nm || m.rules != rk {
			e.mentions = &mentions{names: nm, rules: rk, hits: art.find(nm, lang, rules, r.d.actors)}
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

// find returns the names of nm in the language lang and of the article's mention rules
// in each of its lines, and the bare surnames that one sense per article gives.
func (art *Article) find(nm *names, lang string, rules map[int][]int, actors map[string]*Actor) [][]mention.Hit {
	m := nm.matcher(lang)
	byRule := map[int]*mention.Matcher{}
	for _, ris := range rules {
		for _, ri := range ris {
			if byRule[ri] == nil {
				byRule[ri] = mention.New(lang)
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
	art.findShort(nm, lang, hits, actors)
	return hits
}

// findShort adds to hits the bare surnames of persons the article has named in full
// before ("Peskow" after "Dmitri Peskow"), one sense per article: only where the article
// names exactly one actor in full whose surname it is, and after it did.
func (art *Article) findShort(nm *names, lang string, hits [][]mention.Hit, actors map[string]*Actor) {
	if len(nm.short) == 0 {
		return
	}
	type place struct{ line, start int }
	firstFull := map[string]place{} // by actor id: where the article first names it in full
	for j, hs := range hits {
		for _, h := range hs {
			if _, ok := firstFull[h.Key]; ok || strings.HasPrefix(h.Key, ruleKey) {
				continue
			}
			if a := actors[h.Key]; a != nil && a.Kind == "person" && len(mention.Words(art.Lines[j].Text[h.Start:h.End])) > 1 {
				firstFull[h.Key] = place{j, h.Start}
			}
		}
	}
	if len(firstFull) == 0 {
		return
	}
	sm := mention.New(lang)
	for form, as := range nm.short {
		var only *Actor
		n := 0
		for _, a := range as {
			if _, ok := firstFull[a.ID]; ok {
				only = a
				n++
			}
		}
		if n == 1 {
			sm.Add(form, only.ID)
		}
	}
	if sm.Empty() {
		return
	}
	// A family name that also starts a name the article does not link to its actor
	// ("Kim Jong-il" where only Kim Il-sung is an actor) may mean that one: it is no
	// short form in this article.
	other := map[string]bool{}
	for j, l := range art.Lines {
		for _, h := range sm.Find(l.Text) {
			if nm.familyFirst[h.Key] && runsOn(l.Text, h.End) && !coveredBy(hits[j], h) {
				other[h.Key] = true
			}
		}
	}
	for j, l := range art.Lines {
		if l.Kind == seed.Blank {
			continue
		}
		var add []mention.Hit
		for _, h := range sm.Find(l.Text) {
			p := firstFull[h.Key]
			if other[h.Key] || j < p.line || j == p.line && h.Start < p.start || overlaps(hits[j], h) || nm.familyFirst[h.Key] && runsOn(l.Text, h.End) {
				continue
			}
			add = append(add, h)
		}
		if len(add) > 0 {
			hits[j] = append(hits[j], add...)
			slices.SortFunc(hits[j], func(a, b mention.Hit) int { return cmp.Compare(a.Start, b.Start) })
		}
	}
}

// runsOn reports whether a capitalised word follows the end of a name in text, joined to
// it by a space or hyphen: the name is then part of a longer one ("Hero Kim Kun Ok",
// "Kim-Regime") and no mention of its own.
func runsOn(text string, end int) bool {
	rest := text[end:]
	gap := len(rest) - len(strings.TrimLeft(rest, " -\u00a0"))
	if gap == 0 || gap > 2 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest[gap:])
	return unicode.IsUpper(r)
}

// coveredBy reports whether h lies in a hit of the same key.
func coveredBy(hits []mention.Hit, h mention.Hit) bool {
	for _, o := range hits {
		if o.Key == h.Key && o.Start <= h.Start && h.End <= o.End {
			return true
		}
	}
	return false
}

func overlaps(hits []mention.Hit, h mention.Hit) bool {
	for _, o := range hits {
		if h.Start < o.End && o.Start < h.End {
			return true
		}
	}
	return false
}

// shortForms returns, by folded form, the persons whose bare surname it is: the last
// word of a name of two or more words, or, in names whose given name is hyphenated in
// the Korean way ("Kim Jong-un", "Choe Son-hui"), the first. A surname that is itself a
// name of some actor is no short form: the name links.
func shortForms(actors []*Actor, all []content.Ref, ids []string, not []bool) (short map[string][]*Actor, familyFirst map[string]bool) {
	full := map[string]bool{}
	for i, n := range all {
		if !not[i] {
			full[foldName(n.ID)] = true
		}
	}
	out := map[string][]*Actor{}
	familyFirst = map[string]bool{}
	for _, a := range actors {
		if a.Kind != "person" {
			continue
		}
		names := append([]content.Ref{{ID: a.Name}}, a.Aliases...)
		first := false
		for _, n := range names {
			if words := strings.Fields(n.ID); len(words) > 1 && strings.Contains(words[1], "-") {
				first = true
			}
		}
		for _, n := range names {
			words := strings.Fields(n.ID)
			if len(words) < 2 {
				continue
			}
			form := words[len(words)-1]
			if first {
				form = words[0]
			}
			f := foldName(form)
			if full[f] || len([]rune(f)) < 3 || slices.Contains(out[form], a) {
				continue
			}
			out[form] = append(out[form], a)
			if first {
				familyFirst[a.ID] = true
			}
		}
	}
	return out, familyFirst
}

// foldName folds a name for comparing it with others: its words folded, one space
// between them ("Kim Jong-un" is "kim jong un").
func foldName(s string) string {
	words := mention.Words(s)
	texts := make([]string, len(words))
	for i, w := range words {
		texts[i] = w.Text
	}
	return strings.Join(texts, " ")
}

// variant is a spelling of an actor's name in another language.
type variant struct{ name, actor string }

// variants returns the spellings of the names in the other languages that no other
// actor's name or spelling has: transliterations of persons' names, and the names of
// countries and organisations (mention.Variants).
func (r *resolver) variants(all []content.Ref, ids []string, not []bool, langs []string) []variant {
	owner := map[string]string{} // by folded name: its actor
	for i, n := range all {
		owner[foldName(n.ID)] = ids[i]
	}
	var out []variant
	claimed := map[string]string{}
	for i, n := range all {
		if not[i] {
			continue
		}
		a := r.d.actors[ids[i]]
		for _, v := range mention.Variants(n.ID, a.Kind == "person", langs) {
			f := foldName(v)
			if _, ok := owner[f]; ok {
				continue // a name already: its own, or another actor's
			}
			if other, ok := claimed[f]; ok && other != ids[i] {
				claimed[f] = "" // two actors' spellings: neither
				continue
			}
			claimed[f] = ids[i]
			out = append(out, variant{v, ids[i]})
		}
	}
	kept := out[:0]
	for _, v := range out {
		if claimed[foldName(v.name)] == v.actor {
			kept = append(kept, v)
		}
	}
	return kept
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
