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
	"time"

	"dossier/internal/anchor"
	"dossier/internal/content"
	"dossier/internal/date"
	"dossier/internal/diag"
	"dossier/internal/parallel"
	"dossier/internal/seed"
	"dossier/internal/stamp"
)

// Config says how strict resolving is.
type Config struct {
	Strict bool   // a quote anchored only approximately is an error, not a warning
	Cache  *Cache // if not nil, what the previous resolve with it computed from the same inputs is reused
	// NoNameWarnings skips the search of the seeds for names that may be missing actors.
	// Its warnings are for editors (dossier check, the preview); it reads every word of
	// every seed, a third of the time a large dossier takes to resolve.
	NoNameWarnings bool
}

// Resolve builds the model from loaded content and the seeds in fsys (the dossier's root,
// holding seeds/). It reports every problem it finds, not only the first.
func Resolve(c *content.Content, fsys fs.FS, cfg Config) (*Dossier, diag.List) {
	cache := cfg.Cache
	if cache == nil {
		cache = &Cache{} // the same work, kept for no one
	}
	cache.mu.Lock()
	defer cache.mu.Unlock()
	r := &resolver{cfg: cfg, fsys: fsys, cache: cache, start: time.Now()}
	files := r.readSeedFiles(c)
	in := inputsOf(c, files, cfg.Strict)
	if last := cache.last; last != nil && last.in.equal(in) {
		return last.d, slices.Clone(last.errs) // the model is never changed; the list may be
	}
	r.entries = make(map[*Article]*seedEntry, len(c.Articles))
	r.d = &Dossier{
		Site:     c.Site,
		articles: make(map[string]*Article, len(c.Articles)),
		actors:   make(map[string]*Actor, len(c.Actors)),
		topics:   make(map[string]*Topic, len(c.Topics)),
		events:   make(map[string]*Event, len(c.Events)),
		notes:    make(map[string]*Note, len(c.Notes)),
	}
	r.index(c)
	r.readSeeds(files)
	r.findMentions()
	if !cfg.NoNameWarnings {
		r.warnUnknownNames()
	}
	r.anchorNotes()
	r.anchorEvents()
	r.tagTopics()
	r.countCoMentions()
	r.checkBodies(c)
	if r.cfg.Strict {
		r.checkCitations()
	}
	r.checkUnclaimedSeeds(files)
	r.checkArticleFields()
	r.checkDuplicateEvents()
	r.sortAll()
	if cache.persist {
		cache.last = &lastResolve{in, r.d, slices.Clone(r.errs)}
	}
	return r.d, r.errs
}

// inputs is all that a resolve depends on: the content records, which a load with a cache
// keeps while their files do not change, the seeds, which the cache keeps likewise, and
// the names of seeds/, which the hint for a missing seed reads.
type inputs struct {
	records []any // pointers to every record, in order
	seeds   []*seedEntry
	listed  []string
	strict  bool
}

// inputsOf returns the inputs of a resolve of c, or nil if they are not all known: a
// seed could not be read.
func inputsOf(c *content.Content, files *seedFiles, strict bool) *inputs {
	in := &inputs{records: []any{c.Site}, listed: files.listed, strict: strict}
	for _, a := range c.Articles {
		in.records = append(in.records, a)
	}
	for _, a := range c.Actors {
		in.records = append(in.records, a)
	}
	for _, t := range c.Topics {
		in.records = append(in.records, t)
	}
	for _, e := range c.Events {
		in.records = append(in.records, e)
	}
	for _, n := range c.Notes {
		in.records = append(in.records, n)
	}
	for _, e := range files.entries {
		if e == nil {
			return nil
		}
	}
	in.seeds = files.entries
	return in
}

func (in *inputs) equal(other *inputs) bool {
	return in != nil && other != nil && in.strict == other.strict && slices.Equal(in.records, other.records) &&
		slices.Equal(in.seeds, other.seeds) && slices.Equal(in.listed, other.listed)
}

// lastResolve is the previous resolve with a cache: a resolve of the same inputs returns
// its model again.
type lastResolve struct {
	in   *inputs
	d    *Dossier
	errs diag.List
}

type resolver struct {
	cfg     Config
	fsys    fs.FS
	cache   *Cache
	start   time.Time // before any seed was stat'ed
	d       *Dossier
	entries map[*Article]*seedEntry // of the articles whose seed was read
	errs    diag.List
}

// index makes every record reachable by id.
func (r *resolver) index(c *content.Content) {
	r.d.Articles = wrap(c.Articles, func(a *content.Article) Article { return Article{Article: a} })
	r.d.Actors = wrap(c.Actors, func(a *content.Actor) Actor { return Actor{Actor: a} })
	r.d.Topics = wrap(c.Topics, func(t *content.Topic) Topic { return Topic{Topic: t} })
	r.d.Events = wrap(c.Events, func(e *content.Event) Event { return Event{Event: e} })
	r.d.Notes = wrap(c.Notes, func(n *content.Note) Note { return Note{Note: n} })
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

// wrap returns a model item for each content record, allocated together.
func wrap[C, T any](records []C, item func(C) T) []*T {
	if len(records) == 0 {
		return nil
	}
	items := make([]T, len(records))
	out := make([]*T, len(records))
	for i, c := range records {
		items[i] = item(c)
		out[i] = &items[i]
	}
	return out
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
			if out == nil {
				out = make([]T, 0, len(refs))
			}
			out = append(out, v)
		}
	}
	return out
}

// seedFiles are the seeds that a resolve's articles name, read and parsed.
type seedFiles struct {
	names   []string
	index   map[string]int // in names
	entries []*seedEntry   // for names, nil where a seed could not be read
	errs    []error        // why
	listed  []string       // the names in seeds/, if the cache keeps them
}

// readSeedFiles reads the seeds that the articles of c name, each once even if two
// articles claim it, on all cores.
func (r *resolver) readSeedFiles(c *content.Content) *seedFiles {
	f := &seedFiles{index: map[string]int{}}
	for _, a := range c.Articles {
		if name := a.Seed.ID; seedName(name) {
			if _, dup := f.index[name]; !dup {
				f.index[name] = len(f.names)
				f.names = append(f.names, name)
			}
		}
	}
	var listed map[string]fs.DirEntry
	if r.cache.persist {
		// One listing stats all seeds, with a system call each through an os.Root;
		// fs.Stat would take three.
		dir, _ := fs.ReadDir(r.fsys, "seeds")
		listed = make(map[string]fs.DirEntry, len(dir))
		for _, e := range dir {
			listed[e.Name()] = e
			f.listed = append(f.listed, e.Name())
		}
	}
	f.entries = make([]*seedEntry, len(f.names))
	f.errs = make([]error, len(f.names))
	parallel.EachWorker(len(f.names), func() []byte { return make([]byte, 32<<10) }, func(buf []byte, i int) {
		f.entries[i], f.errs[i] = r.readSeed(f.names[i], listed[f.names[i]], buf)
	})
	if r.cache.persist {
		r.cache.seeds = make(map[string]*seedEntry, len(f.names))
		for i, name := range f.names {
			if f.entries[i] != nil {
				r.cache.seeds[name] = f.entries[i]
			}
		}
	}
	return f
}

// readSeeds gives each article its seed, read by readSeedFiles, with the editors' line
// kinds applied, and reports what is wrong, in order.
func (r *resolver) readSeeds(f *seedFiles) {
	bySeed := map[string]*Article{}
	for _, a := range r.d.Articles {
		name := a.Article.Seed.ID
		if name == "" {
			continue
		}
		if !seedName(name) {
			r.errs.Errorf(a.Article.Seed.Pos, "seed %q must be a file name in seeds/, without folders", name)
			continue
		}
		if prev := bySeed[name]; prev != nil {
			r.errs.Errorf(a.Article.Seed.Pos, "seed %s already belongs to article %q (%s); each seed has one article", name, prev.ID, prev.File)
			continue
		}
		bySeed[name] = a
		e := f.entries[f.index[name]]
		if e == nil {
			err := f.errs[f.index[name]]
			if errors.Is(err, fs.ErrNotExist) {
				r.errs.Errorf(a.Article.Seed.Pos, "seed file seeds/%s does not exist%s", name, r.seedHint(name))
			} else {
				r.errs.Errorf(a.Article.Seed.Pos, "cannot read seed: %v", err)
			}
			continue
		}
		if err := e.err; err != nil {
			var se *seed.Error
			if errors.As(err, &se) {
				r.errs.Errorf(diag.Pos{File: "seeds/" + name, Line: se.Line}, "%s", se.Msg)
			} else {
				r.errs.Errorf(diag.Pos{File: "seeds/" + name}, "%v", err)
			}
			continue
		}
		s := e.seed // shared by every model made from it, and so never changed
		if len(a.Article.Lines) > 0 {
			s = &seed.Seed{Name: s.Name, Lines: slices.Clone(s.Lines)}
		}
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
		a.Seed = s
		r.entries[a] = e // its text anchors quotes: the line kinds set in a change no passage
		r.checkDigest(a, e)
		r.reportLint(name, e.lint)
	}
	// The model's lines are many; they are made on all cores.
	parallel.Each(len(r.d.Articles), func(i int) {
		a := r.d.Articles[i]
		if a.Seed == nil {
			return
		}
		lines := make([]Line, len(a.Seed.Lines))
		a.Lines = make([]*Line, len(lines))
		for i := range lines {
			lines[i].Line = &a.Seed.Lines[i]
			a.Lines[i] = &lines[i]
		}
	})
}

// seedName reports whether name may name a file in seeds/.
func seedName(name string) bool {
	return name != "" && name == path.Base(name) && !strings.HasPrefix(name, ".")
}

// readSeed reads and parses the seed name, whose entry in seeds/ is e if not nil, with
// the help of buf, or returns the cache's entry for it if the file did not change since.
func (r *resolver) readSeed(name string, e fs.DirEntry, buf []byte) (*seedEntry, error) {
	file := "seeds/" + name
	var st stamp.Stamp
	if r.cache.persist {
		var info fs.FileInfo
		var err error
		if e != nil && e.Type().IsRegular() {
			info, err = e.Info()
		} else {
			info, err = fs.Stat(r.fsys, file) // a link: the file it leads to counts
		}
		if err == nil {
			st = stamp.Of(info, r.start)
			if old := r.cache.seeds[name]; old != nil && st.Unchanged(old.stamp) {
				return old, nil
			}
		}
	}
	data, err := readLimited(r.fsys, file, seed.MaxSize+1, buf) // seed.Parse refuses more
	if err != nil {
		return nil, err
	}
	se := &seedEntry{stamp: st, data: data, lint: lintSeed(data)}
	if se.seed, se.err = seed.ParseString(name, data); se.err == nil {
		se.text = anchor.NewText(passages(se.seed.Lines))
	}
	return se, nil
}

// readLimited reads at most n bytes of the file name, so that a huge file is refused
// without being read whole. It reads into a string, copying through buf, so that the
// text is not copied once more to become one.
func readLimited(fsys fs.FS, name string, n int64, buf []byte) (string, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return "", err
	}
	defer f.Close()
	var b strings.Builder
	if st, err := f.Stat(); err == nil {
		b.Grow(int(min(st.Size(), n)))
	}
	if _, err := io.CopyBuffer(&b, io.LimitReader(f, n), buf); err != nil {
		return "", err
	}
	return b.String(), nil
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
	// The keys are computed once per item, not once per comparison; the lists of an item's
	// articles, events and topics follow the order of all.
	sortByKey(d.Articles, func(a *Article) dateKey { return newDateKey(a.Published, a.ID) }, dateKey.compare)
	sortByKey(d.Actors, func(a *Actor) nameKey { return newNameKey(a.Name, a.ID) }, nameKey.compare)
	sortByKey(d.Topics, func(t *Topic) nameKey { return newNameKey(t.Title, t.ID) }, nameKey.compare)
	sortByKey(d.Events, func(e *Event) dateKey { return newDateKey(e.Date, e.ID) }, dateKey.compare)
	slices.SortFunc(d.Notes, func(a, b *Note) int { return strings.Compare(a.ID, b.ID) })
	articles, events, topics := ranks(d.Articles), ranks(d.Events), ranks(d.Topics)
	for _, a := range d.Articles {
		sortByRank(a.Events, events)
		sortByRank(a.Topics, topics)
		for _, l := range a.Lines {
			if an := l.Anchors(); len(an) > 1 {
				slices.SortStableFunc(an, func(a, b *Anchor) int { return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(b.End, a.End)) })
			}
		}
	}
	for _, a := range d.Actors {
		sortByRank(a.Events, events)
		sortByRank(a.Articles, articles)
	}
	for _, t := range d.Topics {
		sortByRank(t.Events, events)
		sortByRank(t.Articles, articles)
	}
}

// sortByRank sorts list in the order of the ranks of its items.
func sortByRank[T comparable](list []T, rank map[T]int) {
	if len(list) > 1 {
		sortByKey(list, func(v T) int { return rank[v] }, cmp.Compare[int])
	}
}

// sortByKey sorts list by the keys that key returns, computed once for each item.
func sortByKey[T, K any](list []T, key func(T) K, compare func(a, b K) int) {
	type keyed struct {
		k K
		v T
	}
	ks := make([]keyed, len(list))
	for i, v := range list {
		ks[i] = keyed{key(v), v}
	}
	slices.SortFunc(ks, func(a, b keyed) int { return compare(a.k, b.k) })
	for i := range ks {
		list[i] = ks[i].v
	}
}

// ranks returns the index of each item of list.
func ranks[T comparable](list []T) map[T]int {
	m := make(map[T]int, len(list))
	for i, v := range list {
		m[v] = i
	}
	return m
}

// dateKey orders by date as date.Compare does, then by id.
type dateKey struct {
	start, end time.Time
	date, id   string
}

func newDateKey(d date.Date, id string) dateKey { return dateKey{d.Start(), d.End(), d.String(), id} }

func (a dateKey) compare(b dateKey) int {
	return cmp.Or(a.start.Compare(b.start), a.end.Compare(b.end), strings.Compare(a.date, b.date), strings.Compare(a.id, b.id))
}

// nameKey orders names as a German reader expects: case and umlauts folded; then by id.
type nameKey struct{ folded, name, id string }

func newNameKey(name, id string) nameKey { return nameKey{foldCollate(name), name, id} }

func (a nameKey) compare(b nameKey) int {
	return cmp.Or(strings.Compare(a.folded, b.folded), strings.Compare(a.name, b.name), strings.Compare(a.id, b.id))
}

var collateReplacer = strings.NewReplacer("ä", "a", "ö", "o", "ü", "u", "ß", "ss", "Ä", "a", "Ö", "o", "Ü", "u")

func foldCollate(s string) string { return strings.ToLower(collateReplacer.Replace(s)) }

func itoa(n int) string { return strconv.Itoa(n) }
