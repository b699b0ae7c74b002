package dossier

import (
	"slices"
	"strconv"
	"strings"

	"dossier/internal/parallel"
	"dossier/internal/seed"
)

// tagTopics marks every text line that contains a topic's keyword.
func (r *resolver) tagTopics() {
	keywords := make([][]string, len(r.d.Topics)) // lower case, by topic
	var key strings.Builder
	tagging := false
	for k, t := range r.d.Topics {
		for _, kw := range t.Keywords {
			if kw := strings.ToLower(strings.TrimSpace(kw.ID)); kw != "" {
				keywords[k] = append(keywords[k], kw)
			}
		}
		writeKey(&key, strconv.Itoa(len(keywords[k])))
		writeKey(&key, keywords[k]...)
		tagging = tagging || len(keywords[k]) > 0
	}
	if tagging {
		// The lines of each article are searched on all cores, unless they were for the
		// same keywords and line kinds before; they are tagged in order after.
		tags := make([][][]int, len(r.d.Articles)) // article, line index: topic indexes
		parallel.Each(len(r.d.Articles), func(i int) {
			art := r.d.Articles[i]
			e := r.entries[art]
			if e == nil {
				return
			}
			kinds := kindsKey(art)
			if tt := e.topics; tt == nil || tt.keywords != key.String() || tt.kinds != kinds {
				e.topics = &topicTags{keywords: key.String(), kinds: kinds, tags: art.tag(e, keywords)}
			}
			tags[i] = e.topics.tags
		})
		for i, art := range r.d.Articles {
			for j, l := range art.Lines {
				for _, k := range tags[i][j] {
					t := r.d.Topics[k]
					marks := l.marksToAdd()
					marks.topics = append(marks.topics, t)
					t.Passages = append(t.Passages, Passage{art, l})
				}
			}
		}
	}
	for _, art := range r.d.Articles {
		set := map[*Topic]bool{}
		for _, l := range art.Lines {
			for _, t := range l.Topics() {
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

// tag returns, for each line of art, the indexes of the topics with a keyword in it.
func (art *Article) tag(e *seedEntry, keywords [][]string) [][]int {
	if e.lower == nil {
		e.lower = make([]string, len(e.seed.Lines))
		for i, l := range e.seed.Lines {
			e.lower[i] = strings.ToLower(l.Text)
		}
	}
	tags := make([][]int, len(art.Lines))
	for i, l := range art.Lines {
		if !l.Kind.IsText() && l.Kind != seed.Gallery {
			continue
		}
		for k, kws := range keywords {
			for _, kw := range kws {
				if strings.Contains(e.lower[i], kw) {
					tags[i] = append(tags[i], k)
					break
				}
			}
		}
	}
	return tags
}

// countCoMentions counts, for each pair of actors, the paragraphs that name both.
func (r *resolver) countCoMentions() {
	related := map[*Actor]map[*Actor]int{}
	var in []*Actor
	for _, art := range r.d.Articles {
		for _, l := range art.Lines {
			in = in[:0]
			for _, m := range l.Mentions() {
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
