package render

import (
	"slices"
	"strings"
	"sync"

	"dossier/internal/dossier"
	"dossier/internal/search"
	"dossier/internal/seed"
)

const (
	searchPath      = "search/index.html"
	searchIndexPath = "static/search-index.js"
	searchShardDir  = "static/search/"
	searchWordsPath = "static/search-words.js"
	// shardAbove is the number of searchable things above which the index is split into
	// shards (search.Sharded), so that a query loads a small part of it: about 250 articles.
	// Below it one file is smaller than the shards a query needs, and works without them.
	shardAbove = 10_000
)

// searchIndex hands the files of the search index to emit: one, or for a large dossier
// the first file and its shards, written compact. It returns their paths.
func (r *Renderer) searchIndex(emit func(File) error) ([]string, error) {
	docs := r.searchDocs()
	if len(docs) <= shardAbove {
		index, err := search.Index(docs)
		if err != nil {
			return nil, err
		}
		return []string{searchIndexPath}, emit(File{searchIndexPath, index})
	}
	var paths []string
	var mu sync.Mutex
	first, err := search.Sharded(docs, func(s search.ShardFile) error {
		mu.Lock()
		paths = append(paths, searchShardDir+s.Name)
		mu.Unlock()
		return emit(File{searchShardDir + s.Name, s.Data})
	})
	if err != nil {
		return nil, err
	}
	return append(paths, searchIndexPath), emit(File{searchIndexPath, first})
}

// searchDocs lists everything a reader can search: each line of article text, notes,
// actors, topics and events. URLs are relative to the site's root.
func (r *Renderer) searchDocs() []search.Doc {
	n := len(r.d.Notes) + len(r.d.Actors) + len(r.d.Topics) + len(r.d.Events)
	for _, a := range r.d.Articles {
		for _, l := range a.Lines {
			if searched(l) {
				n++
			}
		}
	}
	// Sized once, to the count: appending hundreds of thousands copies them a dozen times,
	// and room for every line, half of them blank, was 40 MB of a large site's heap.
	docs := make([]search.Doc, 0, n)
	for _, a := range r.d.Articles {
		// The paragraphs share their article's title and URL; N numbers them (lineURL).
		title, url, lang := a.Title+" · "+r.l.LineShort+" ", articlePath(a.ID)+"#L", articleLocale(a)
		for _, l := range a.Lines {
			if !searched(l) {
				continue
			}
			docs = append(docs, search.Doc{Kind: "article", Title: title, URL: url, N: l.N,
				Text: l.Text, Keywords: mentionedNames(l), Lang: lang})
		}
	}
	for _, n := range r.d.Notes {
		if n.Anchor == nil {
			continue
		}
		a := n.Anchor.Article
		docs = append(docs, search.Doc{
			Kind: "note", Title: r.l.NoteKinds[n.Kind] + " · " + a.Title + ", " + r.l.LineShort + " " + itoa(n.Anchor.Line),
			URL: noteURL(n), Text: plain(n.Body.TextWith(r.loc.Quotes)), Lang: r.loc,
		})
	}
	for _, a := range r.d.Actors {
		var aliases []string
		for _, al := range a.Aliases {
			aliases = append(aliases, al.ID)
		}
		aliases = append(aliases, a.Variants...)
		docs = append(docs, search.Doc{Kind: "actor", Title: a.Name, URL: actorPath(a.ID),
			Text: strings.TrimSpace(a.Role + " " + plain(a.Body.TextWith(r.loc.Quotes))), Keywords: strings.Join(aliases, " "), Lang: r.loc})
	}
	for _, t := range r.d.Topics {
		var kws []string
		for _, k := range t.Keywords {
			kws = append(kws, k.ID)
		}
		docs = append(docs, search.Doc{Kind: "topic", Title: t.Title, URL: topicPath(t.ID),
			Text: plain(t.Body.TextWith(r.loc.Quotes)), Keywords: strings.Join(kws, " "), Lang: r.loc})
	}
	for _, e := range r.d.Events {
		docs = append(docs, search.Doc{Kind: "event", Title: r.dateText(e) + ": " + e.Title, URL: r.eventPath(e.ID),
			Text: plain(e.Body.TextWith(r.loc.Quotes)), Lang: r.loc})
	}
	return docs
}

// searched reports whether the line l of an article is searched: not blank, not
// boilerplate.
func searched(l *dossier.Line) bool { return l.Kind != seed.Blank && l.Kind != seed.Boilerplate }

// mentionedNames returns the canonical names of the actors a line names and their
// spellings in the other languages, so that a search for "Schoigu" finds the line that
// says "Shoigu", and one for "Shoigu" the line that says "Schoigu".
func mentionedNames(l *dossier.Line) string {
	var names []string
	var seen []*dossier.Actor
	for _, m := range l.Mentions() {
		if slices.Contains(seen, m.Actor) {
			continue
		}
		seen = append(seen, m.Actor)
		names = append(names, m.Actor.Name)
		names = append(names, m.Actor.Variants...)
	}
	return strings.Join(names, " ")
}

// plain collapses the whitespace of text taken from markdown: the words of s, as
// strings.Fields finds them, joined by single spaces. It writes them as it finds them,
// without a slice of the words (40 MB for the 30,000 notes of a large dossier).
func plain(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for w := range strings.FieldsSeq(s) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}

func (r *Renderer) searchPage(p Page) (any, error) {
	p.Title = r.l.Search
	p.SearchPage = true
	return SearchPage{Page: p, ActorsURL: p.Root + actorsPath, TopicsURL: p.Root + topicsPath}, nil
}

// searchWords returns static/search-words.js: the words of static/search.js in the
// site's language.
func (r *Renderer) searchWords() ([]byte, error) { return search.Words(r.loc) }
