package dossier

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"

	"dossier/internal/anchor"
	"dossier/internal/content"
	"dossier/internal/date"
	"dossier/internal/diag"
	"dossier/internal/seed"
)

// Config says how strict resolving is.
type Config struct {
	Strict bool // a quote anchored only approximately is an error, not a warning
}

// Resolve builds the model from loaded content and the seeds in fsys (the dossier's root,
// holding seeds/). It reports every problem it finds, not only the first.
func Resolve(c *content.Content, fsys fs.FS, cfg Config) (*Dossier, diag.List) {
	r := &resolver{cfg: cfg, fsys: fsys, d: &Dossier{
		Site:     c.Site,
		articles: map[string]*Article{},
		actors:   map[string]*Actor{},
		topics:   map[string]*Topic{},
		events:   map[string]*Event{},
		notes:    map[string]*Note{},
	}}
	r.index(c)
	r.readSeeds()
	r.findMentions()
	r.warnUnknownNames()
	r.anchorNotes()
	r.anchorEvents()
	r.tagTopics()
	r.countCoMentions()
	r.checkBodies(c)
	r.sortAll()
	return r.d, r.errs
}

type resolver struct {
	cfg  Config
	fsys fs.FS
	d    *Dossier
	errs diag.List
}

// index makes every record reachable by id.
func (r *resolver) index(c *content.Content) {
	for _, a := range c.Articles {
		r.d.Articles = append(r.d.Articles, &Article{Article: a})
	}
	for _, a := range c.Actors {
		r.d.Actors = append(r.d.Actors, &Actor{Actor: a})
	}
	for _, t := range c.Topics {
		r.d.Topics = append(r.d.Topics, &Topic{Topic: t})
	}
	for _, e := range c.Events {
		r.d.Events = append(r.d.Events, &Event{Event: e})
	}
	for _, n := range c.Notes {
		r.d.Notes = append(r.d.Notes, &Note{Note: n})
	}
	indexBy(r, r.d.Articles, r.d.articles, func(a *Article) *content.Meta { return &a.Meta })
	indexBy(r, r.d.Actors, r.d.actors, func(a *Actor) *content.Meta { return &a.Meta })
	indexBy(r, r.d.Topics, r.d.topics, func(t *Topic) *content.Meta { return &t.Meta })
	indexBy(r, r.d.Events, r.d.events, func(e *Event) *content.Meta { return &e.Meta })
	indexBy(r, r.d.Notes, r.d.notes, func(n *Note) *content.Meta { return &n.Meta })
	for _, e := range r.d.Events {
		e.Actors = lookupAll(r, "actor", e.Event.Actors, r.d.actors)
		e.Topics = lookupAll(r, "topic", e.Event.Topics, r.d.topics)
		if len(e.Event.Sources) == 0 {
			r.errs.Warnf(e.Pos(), "event has no source; add `sources:` with an article and a quote from it")
		}
	}
	for _, n := range r.d.Notes {
		n.Actors = lookupAll(r, "actor", n.Note.Actors, r.d.actors)
		n.Topics = lookupAll(r, "topic", n.Note.Topics, r.d.topics)
	}
}

func indexBy[T any](r *resolver, list []T, m map[string]T, meta func(T) *content.Meta) {
	for _, v := range list {
		id := meta(v).ID
		if prev, dup := m[id]; dup {
			r.errs.Errorf(meta(v).Pos(), "duplicate id %q: %s has the same file name; rename one of them", id, meta(prev).File)
			continue
		}
		m[id] = v
	}
}

func lookup[T any](r *resolver, kind string, ref content.Ref, m map[string]T) (T, bool) {
	v, ok := m[ref.ID]
	if !ok && ref.ID != "" {
		r.errs.Errorf(ref.Pos, "unknown %s %q%s", kind, ref.ID, suggest(ref.ID, m, kind))
	}
	return v, ok
}

func lookupAll[T any](r *resolver, kind string, refs []content.Ref, m map[string]T) []T {
	var out []T
	for _, ref := range refs {
		if v, ok := lookup(r, kind, ref, m); ok {
			out = append(out, v)
		}
	}
	return out
}

// readSeeds parses each article's seed and applies the editors' line kinds.
func (r *resolver) readSeeds() {
	// Reading and parsing are independent per seed: done on all cores first, checked and
	// reported in order after.
	type parsed struct {
		seed    *seed.Seed
		readErr error
		err     error
	}
	results := make([]parsed, len(r.d.Articles))
	eachParallel(len(r.d.Articles), func(i int) {
		name := r.d.Articles[i].Article.Seed.ID
		if name == "" || name != path.Base(name) || strings.HasPrefix(name, ".") {
			return
		}
		data, err := readLimited(r.fsys, "seeds/"+name, seed.MaxSize+1) // seed.Parse refuses more
		if err != nil {
			results[i].readErr = err
			return
		}
		results[i].seed, results[i].err = seed.Parse(name, data)
	})
	bySeed := map[string]*Article{}
	for i, a := range r.d.Articles {
		name := a.Article.Seed.ID
		if name == "" {
			continue
		}
		if name != path.Base(name) || strings.HasPrefix(name, ".") {
			r.errs.Errorf(a.Article.Seed.Pos, "seed %q must be a file name in seeds/, without folders", name)
			continue
		}
		if prev := bySeed[name]; prev != nil {
			r.errs.Errorf(a.Article.Seed.Pos, "seed %s already belongs to article %q (%s); each seed has one article", name, prev.ID, prev.File)
			continue
		}
		bySeed[name] = a
		if err := results[i].readErr; err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				r.errs.Errorf(a.Article.Seed.Pos, "seed file seeds/%s does not exist%s", name, r.seedHint(name))
			} else {
				r.errs.Errorf(a.Article.Seed.Pos, "cannot read seed: %v", err)
			}
			continue
		}
		s, err := results[i].seed, results[i].err
		if err != nil {
			var se *seed.Error
			if errors.As(err, &se) {
				r.errs.Errorf(diag.Pos{File: "seeds/" + name, Line: se.Line}, "%s", se.Msg)
			} else {
				r.errs.Errorf(diag.Pos{File: "seeds/" + name}, "%v", err)
			}
			continue
		}
		a.Seed = s
		for _, o := range a.Article.Lines {
			if o.To > len(s.Lines) {
				r.errs.Errorf(o.Pos, "line %d is past the end of seed %s (%d lines)", o.To, name, len(s.Lines))
				continue
			}
			for n := o.From; n <= o.To; n++ {
				if l := &s.Lines[n-1]; l.Kind != seed.Blank {
					l.Kind, l.Reason = o.Kind, "set in "+a.File
				}
			}
		}
		a.Lines = make([]*Line, len(s.Lines))
		for i, l := range s.Lines {
			a.Lines[i] = &Line{Line: l}
		}
		a.text = anchor.NewText(passages(a))
	}
}

// readLimited reads at most n bytes of the file name, so that a huge file is refused
// without being read whole.
func readLimited(fsys fs.FS, name string, n int64) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, n))
}

func (r *resolver) seedHint(name string) string {
	entries, _ := fs.ReadDir(r.fsys, "seeds")
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if best := closest(name, names); best != "" {
		return fmt.Sprintf("; did you mean %q?", best)
	}
	return "; put the article's raw text there, or fix the name"
}

// line returns line n of a, or nil.
func (a *Article) line(n int) *Line {
	if n < 1 || n > len(a.Lines) {
		return nil
	}
	return a.Lines[n-1]
}

// checkBodies resolves the id links in every markdown body.
func (r *resolver) checkBodies(c *content.Content) {
	metas := []*content.Meta{&c.Site.Meta}
	for _, a := range c.Articles {
		metas = append(metas, &a.Meta)
	}
	for _, a := range c.Actors {
		metas = append(metas, &a.Meta)
	}
	for _, t := range c.Topics {
		metas = append(metas, &t.Meta)
	}
	for _, e := range c.Events {
		metas = append(metas, &e.Meta)
	}
	for _, n := range c.Notes {
		metas = append(metas, &n.Meta)
	}
	for _, m := range metas {
		if m.Body == nil {
			continue
		}
		for _, ref := range m.Body.Refs {
			cr := content.Ref{ID: ref.ID, Pos: diag.Pos{File: m.File, Line: m.BodyLine + ref.Line - 1}}
			switch ref.Scheme {
			case "article":
				if art, ok := lookup(r, "article", cr, r.d.articles); ok && ref.Fragment != "" {
					r.checkLineFragment(art, ref.Fragment, cr.Pos)
				}
			case "actor":
				lookup(r, "actor", cr, r.d.actors)
			case "topic":
				lookup(r, "topic", cr, r.d.topics)
			case "event":
				lookup(r, "event", cr, r.d.events)
			case "note":
				lookup(r, "note", cr, r.d.notes)
			}
		}
	}
}

func (r *resolver) checkLineFragment(art *Article, frag string, pos diag.Pos) {
	n, err := strconv.Atoi(strings.TrimPrefix(frag, "L"))
	if !strings.HasPrefix(frag, "L") || err != nil {
		r.errs.Errorf(pos, "link to article %q has fragment #%s; link to a line as #L34", art.ID, frag)
		return
	}
	if art.Seed == nil {
		return
	}
	if l := art.line(n); l == nil || l.Kind == seed.Blank {
		r.errs.Errorf(pos, "link to article %q names line %d, which is empty or past the end of seeds/%s", art.ID, n, art.Seed.Name)
	}
}

// sortAll puts every list in its reading order.
func (r *resolver) sortAll() {
	d := r.d
	slices.SortFunc(d.Articles, func(a, b *Article) int {
		return cmp.Or(date.Compare(a.Published, b.Published), strings.Compare(a.ID, b.ID))
	})
	slices.SortFunc(d.Actors, func(a, b *Actor) int { return cmp.Or(collate(a.Name, b.Name), strings.Compare(a.ID, b.ID)) })
	slices.SortFunc(d.Topics, func(a, b *Topic) int { return cmp.Or(collate(a.Title, b.Title), strings.Compare(a.ID, b.ID)) })
	byDate := func(a, b *Event) int { return cmp.Or(date.Compare(a.Date, b.Date), strings.Compare(a.ID, b.ID)) }
	slices.SortFunc(d.Events, byDate)
	slices.SortFunc(d.Notes, func(a, b *Note) int { return strings.Compare(a.ID, b.ID) })
	for _, a := range d.Articles {
		slices.SortFunc(a.Events, byDate)
		slices.SortFunc(a.Topics, func(a, b *Topic) int { return collate(a.Title, b.Title) })
		for _, l := range a.Lines {
			slices.SortStableFunc(l.Anchors, func(a, b *Anchor) int { return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(b.End, a.End)) })
		}
	}
	byArticle := func(a, b *Article) int {
		return cmp.Or(date.Compare(a.Published, b.Published), strings.Compare(a.ID, b.ID))
	}
	for _, a := range d.Actors {
		slices.SortFunc(a.Events, byDate)
		slices.SortFunc(a.Articles, byArticle)
	}
	for _, t := range d.Topics {
		slices.SortFunc(t.Events, byDate)
		slices.SortFunc(t.Articles, byArticle)
	}
}

// collate compares names as a German reader expects: case and umlauts folded.
func collate(a, b string) int {
	return cmp.Or(strings.Compare(foldCollate(a), foldCollate(b)), strings.Compare(a, b))
}

var collateReplacer = strings.NewReplacer("ä", "a", "ö", "o", "ü", "u", "ß", "ss", "Ä", "a", "Ö", "o", "Ü", "u")

func foldCollate(s string) string { return strings.ToLower(collateReplacer.Replace(s)) }

func itoa(n int) string { return strconv.Itoa(n) }
