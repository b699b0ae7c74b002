package dossier

import (
	"slices"
	"strings"

	"dossier/internal/seed"
)

// tagTopics marks every text line that contains a topic's keyword.
func (r *resolver) tagTopics() {
	lower := map[*Article][]string{}
	for _, art := range r.d.Articles {
		lower[art] = make([]string, len(art.Lines))
		for i, l := range art.Lines {
			lower[art][i] = strings.ToLower(l.Text)
		}
	}
	for _, t := range r.d.Topics {
		var kws []string
		for _, k := range t.Keywords {
			if k := strings.ToLower(strings.TrimSpace(k.ID)); k != "" {
				kws = append(kws, k)
			}
		}
		if len(kws) == 0 {
			continue
		}
		for _, art := range r.d.Articles {
			for i, l := range art.Lines {
				if !l.Kind.IsText() && l.Kind != seed.Gallery {
					continue
				}
				low := lower[art][i]
				for _, k := range kws {
					if strings.Contains(low, k) {
						l.Topics = append(l.Topics, t)
						t.Passages = append(t.Passages, Passage{art, l})
						break
					}
				}
			}
		}
	}
	for _, art := range r.d.Articles {
		set := map[*Topic]bool{}
		for _, l := range art.Lines {
			for _, t := range l.Topics {
				set[t] = true
			}
		}
		for _, n := range art.Notes {
			for _, t := range n.Topics {
				set[t] = true
			}
		}
		for _, e := range art.Events {
			for _, t := range e.Topics {
				set[t] = true
			}
		}
		for t := range set {
			art.Topics = append(art.Topics, t)
			t.Articles = append(t.Articles, art)
		}
	}
}

// countCoMentions counts, for each pair of actors, the paragraphs that name both.
func (r *resolver) countCoMentions() {
	related := map[*Actor]map[*Actor]int{}
	for _, art := range r.d.Articles {
		for _, l := range art.Lines {
			var in []*Actor
			for _, m := range l.Mentions {
				if !slices.Contains(in, m.Actor) {
					in = append(in, m.Actor)
				}
			}
			for _, a := range in {
				for _, b := range in {
					if a != b {
						if related[a] == nil {
							related[a] = map[*Actor]int{}
						}
						related[a][b]++
					}
				}
			}
		}
	}
	for _, a := range r.d.Actors {
		a.Related = sortCounted(related[a])
	}
}
