// Package content reads the editors' markdown files (front matter and body) into typed
// records that remember the file, line and column of every value.
package content

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/adrg/frontmatter"
	"gopkg.in/yaml.v3"

	"dossier/internal/date"
	"dossier/internal/diag"
	"dossier/internal/locale"
	"dossier/internal/markdown"
	"dossier/internal/parallel"
	"dossier/internal/seed"
	"dossier/internal/stamp"
)

// Ref is a reference to other content by id, with where it was written.
type Ref struct {
	ID  string
	Pos diag.Pos
}

// Meta is what every content file has.
type Meta struct {
	ID       string
	File     string // path relative to the dossier's root, e.g. content/notes/x.md
	Body     *markdown.Doc
	BodyLine int // line of the file where the body starts
	Draft    bool
}

// Pos returns the position of the file's first line.
func (m *Meta) Pos() diag.Pos { return diag.Pos{File: m.File, Line: 1, Col: 1} }

// Site is content/dossier.md: the home page and settings.
type Site struct {
	Meta
	Title, Subtitle string
	Language        string         // a code of the build's locales (locale.Set), "de" if not given
	Locale          *locale.Locale // the locale of Language
	BaseURL         string
	IgnoreNames     []Ref // capitalised runs in the seeds that are no one to link ("Fernem Osten")
	// License is the line the data page gives for reusing the dossier's data.
	License string
}

// Article describes one seed.
type Article struct {
	Meta
	Seed      Ref // file name in seeds/
	Title     string
	Kicker    string // the line above the headline, as the page has it
	Publisher string
	Author    string
	Published date.Date
	URL       string
	// Language is the code of the language the seed is written in: the article's
	// `language:`, or the dossier's if it has none.
	Language string
	Locale   *locale.Locale // the locale of Language
	Lines    []LineKind
	Mentions []MentionRule

	// What `dossier import` records about the seed: when it was retrieved, the SHA-256
	// of the seed's bytes (lowercase hex; check compares it with the file), and the fields
	// the importer guessed, for the editor to review and then remove.
	Retrieved    time.Time
	RetrievedPos diag.Pos
	SHA256       Ref // Ref.ID holds the hex digest
	NeedsReview  []Ref
}

// LineKind overrides the classification of lines From..To.
type LineKind struct {
	From, To int
	Kind     seed.Kind
	Pos      diag.Pos
}

// MentionRule says that Name means Actor on lines From..To.
type MentionRule struct {
	From, To int
	Name     string
	Actor    Ref
}

// Actor is a person, state, organisation or media outlet.
type Actor struct {
	Meta
	Name    string
	NamePos diag.Pos
	Kind    string
	Aliases []Ref // Ref.ID holds the alias text
	// Not are forms that hold one of the actor's names but must never link, such as a
	// homonym or a compound ("Kim-Regime"); Ref.ID holds the form.
	Not  []Ref
	Role string
	// Wikidata is the actor's Wikidata item ("Q56226"), Links further pages about the
	// actor (Wikipedia, an official site): the schema.org sameAs of the actor's page.
	Wikidata string
	Links    []Ref // Ref.ID holds the address
}

// Actor kinds.
var ActorKinds = []string{"person", "state", "organisation", "media"}

// Topic is a theme of the dossier.
type Topic struct {
	Meta
	Title    string
	Keywords []Ref // Ref.ID holds the keyword
}

// Event is an entry of the timeline.
type Event struct {
	Meta
	Date    date.Date
	DatePos diag.Pos
	Title   string
	Actors  []Ref
	Topics  []Ref
	Sources []Quote
}

// Quote selects a passage of an article, as the W3C TextQuoteSelector does.
type Quote struct {
	Article        Ref
	Text           string
	Prefix, Suffix string
	Pos            diag.Pos // of the quote text
}

// Note annotates a passage.
type Note struct {
	Meta
	Quote
	Kind   string
	Actors []Ref
	Topics []Ref
	// Rating is a fact-check's verdict in a word or two ("falsch", "irreführend",
	// "belegt"): with it, a factcheck note is published as a schema.org ClaimReview.
	Rating string
	// AnnotationID is the id of the annotation the note was imported from (dossier
	// import), so that importing it again adds nothing.
	AnnotationID string
}

// Note kinds.
var NoteKinds = []string{"context", "factcheck", "correction", "translation", "source"}

// Content is everything in content/, each kind sorted by id.
type Content struct {
	Site     *Site
	Articles []*Article
	Actors   []*Actor
	Topics   []*Topic
	Events   []*Event
	Notes    []*Note
}

// Config says what to load.
type Config struct {
	Drafts bool   // include files with `draft: true`
	Cache  *Cache // if not nil, files unchanged since the previous load with it are not read again
	// Locales are the languages `language:` may name; nil means locale.Builtin.
	Locales locale.Set
}

// Load reads content/ from fsys (the dossier's root). It returns what it could read and
// every problem found; a file with errors is still returned as far as it was understood.
func Load(fsys fs.FS, cfg Config) (*Content, diag.List) {
	locales := cfg.Locales
	if locales == nil {
		locales = locale.Builtin
	}
	l := &loader{fsys: fsys, p: markdown.NewParser(), cache: cfg.Cache, start: time.Now()}
	if l.cache != nil {
		l.cache.mu.Lock()
		defer l.cache.mu.Unlock()
		l.old = l.cache.files
	}
	var errs diag.List
	c := &Content{}
	site := l.file("content/dossier.md", nil, func(f *file) any { return loadSite(f, locales) })
	errs.Append(site.errs)
	if site.rec != nil {
		c.Site = site.rec.(*Site)
	} else {
		c.Site = &Site{Meta: Meta{File: "content/dossier.md"}, Title: "Dossier", Language: locales.Default().Code, Locale: locales.Default()}
	}
	// An article without `language:` is in the dossier's language: when that changes,
	// every article is read again.
	if l.cache != nil && l.cache.language != c.Site.Language {
		old := make(map[string]*cached, len(l.old))
		for name, f := range l.old {
			if !strings.HasPrefix(name, "content/articles/") {
				old[name] = f
			}
		}
		l.old = old
		l.cache.language = c.Site.Language
	}
	dirs := []*dir{
		{name: "articles", load: func(f *file) any { return loadArticle(f, locales, c.Site.Locale) }},
		{name: "actors", load: func(f *file) any { return loadActor(f) }},
		{name: "topics", load: func(f *file) any { return loadTopic(f) }},
		{name: "events", load: func(f *file) any { return loadEvent(f) }},
		{name: "notes", load: func(f *file) any { return loadNote(f) }},
	}
	// The folders are listed first, then their files are read and parsed, on all cores:
	// they are independent. Problems keep the order of a folder at a time.
	type job struct {
		d    *dir
		name string
		e    fs.DirEntry
	}
	parallel.Each(len(dirs), func(i int) { l.list(dirs[i]) }) // listing stats every file
	var jobs []job
	for _, d := range dirs {
		for i, name := range d.names {
			jobs = append(jobs, job{d, name, d.entries[i]})
		}
	}
	files := make([]*cached, len(jobs))
	parallel.Each(len(jobs), func(i int) {
		files[i] = l.file(jobs[i].name, jobs[i].e, jobs[i].d.load)
	})
	for i, j := range jobs {
		j.d.files = append(j.d.files, files[i])
	}
	if l.cache != nil {
		l.cache.files = make(map[string]*cached, len(jobs)+1)
		l.cache.files["content/dossier.md"] = site
		for i, j := range jobs {
			l.cache.files[j.name] = files[i]
		}
	}
	n := len(errs)
	for _, d := range dirs {
		n += len(d.errs)
		for _, f := range d.files {
			n += len(f.errs)
		}
	}
	errs = slices.Grow(errs, n-len(errs))
	for _, d := range dirs {
		errs.Append(d.errs)
		for _, f := range d.files {
			errs.Append(f.errs)
		}
	}
	c.Articles = collect[*Article](dirs[0], cfg)
	c.Actors = collect[*Actor](dirs[1], cfg)
	c.Topics = collect[*Topic](dirs[2], cfg)
	c.Events = collect[*Event](dirs[3], cfg)
	c.Notes = collect[*Note](dirs[4], cfg)
	return c, errs
}

// loader reads the files of one load.
type loader struct {
	fsys  fs.FS
	p     *markdown.Parser
	cache *Cache
	old   map[string]*cached // the files of the previous load with the cache
	start time.Time
}

// dir is a folder of content/ and what a load found in it.
type dir struct {
	name    string
	load    func(*file) any
	names   []string // paths of the files to read
	entries []fs.DirEntry
	errs    diag.List // problems with the folder and the names in it
	files   []*cached // as read, for names
}

// file returns the file name, of the folder entry e if it is not nil, read and parsed
// with load, or as the previous load with the cache did if the file did not change since.
func (l *loader) file(name string, e fs.DirEntry, load func(*file) any) *cached {
	var st stamp.Stamp
	if l.cache != nil {
		var info fs.FileInfo
		var err error
		if e != nil {
			info, err = e.Info()
		} else {
			info, err = fs.Stat(l.fsys, name)
		}
		if err == nil {
			st = stamp.Of(info, l.start)
		}
		if old := l.old[name]; old != nil && st.Unchanged(old.stamp) {
			return old
		}
	}
	c := &cached{stamp: st}
	if f, ok := readFile(l.fsys, name, l.p, &c.errs); ok {
		c.rec = load(f)
	}
	return c
}

// file is one content file split into front matter fields and body.
type file struct {
	Meta
	*fields
}

// MaxFileSize is the largest content file read, in bytes: an editor's note or profile is a
// few kilobytes, and markdown's cost grows faster than its length on nested input.
const MaxFileSize = 1 << 20

func readFile(fsys fs.FS, name string, p *markdown.Parser, errs *diag.List) (*file, bool) {
	data, ok := readData(fsys, name, errs)
	if !ok {
		return nil, false
	}
	return parseFile(name, data, p, errs), true
}

var readers = sync.Pool{New: func() any { return bufio.NewReader(nil) }}

// readData reads the file name. It opens it once: through an os.Root, every open walks
// the path a folder at a time.
func readData(fsys fs.FS, name string, errs *diag.List) ([]byte, bool) {
	f, err := fsys.Open(name)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			errs.Errorf(diag.Pos{File: name}, "file is missing; create it with a `title:` in front matter")
		} else {
			errs.Errorf(diag.Pos{File: name, Line: 1, Col: 1}, "cannot read: %v", err)
		}
		return nil, false
	}
	defer f.Close()
	var size int64
	if st, err := f.Stat(); err == nil {
		size = st.Size()
	}
	if size > MaxFileSize {
		errs.Errorf(diag.Pos{File: name, Line: 1, Col: 1}, "file is %.1f MB, larger than the %d MB a content file may have; split it or move long text to a seed", float64(size)/(1<<20), MaxFileSize>>20)
		return nil, false
	}
	data, err := readAll(f, size)
	if err != nil {
		errs.Errorf(diag.Pos{File: name, Line: 1, Col: 1}, "cannot read: %v", err)
		return nil, false
	}
	return data, true
}

// readAll reads r to its end into a buffer of the size it is expected to have.
func readAll(r io.Reader, size int64) ([]byte, error) {
	buf := make([]byte, 0, size+1) // one more byte, so that the end is seen without growing
	for {
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
	}
}

// parseFile splits data into front matter and body. Line numbers of both stay those of
// the file.
func parseFile(name string, data []byte, p *markdown.Parser, errs *diag.List) *file {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if bytes.Contains(data, []byte("\r\n")) {
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	}
	if !utf8.Valid(data) {
		// Report the first bad byte, then read the rest as far as it goes.
		bad := 0
		for bad < len(data) {
			r, n := utf8.DecodeRune(data[bad:])
			if r == utf8.RuneError && n == 1 {
				break
			}
			bad += n
		}
		line := 1 + bytes.Count(data[:bad], []byte("\n"))
		col := 1 + utf8.RuneCount(data[bytes.LastIndexByte(data[:bad], '\n')+1:bad])
		errs.Errorf(diag.Pos{File: name, Line: line, Col: col}, "the text is not valid UTF-8 (is it Latin-1?); convert the file, e.g. with `iconv -f latin1 -t utf-8`")
		data = bytes.ToValidUTF8(data, []byte("\uFFFD"))
	}
	f := &file{Meta: Meta{File: name, ID: strings.TrimSuffix(path.Base(name), ".md")}}
	top := diag.Pos{File: name, Line: 1, Col: 1}
	// The front matter's first line follows the opening "---", after any blank lines.
	offset, end := frontMatter(data)
	var doc *node
	var perr error
	// frontmatter copies all it reads, line by line and then the rest of the file, and
	// returns the copy; so it is given the file only as far as the line that closes the
	// front matter, and the body is taken from data. It reads through a bufio.Reader of
	// its own unless it is given one: this one then serves the next file.
	head := data[:end]
	br := readers.Get().(*bufio.Reader)
	br.Reset(bytes.NewReader(head))
	body, err := frontmatter.Parse(br, &doc, frontmatter.NewFormat("---", "---", func(b []byte, _ any) error {
		doc, perr = parseYAML(b)
		return perr
	}))
	br.Reset(nil)
	readers.Put(br)
	// The body frontmatter returns is the end of its copy of head; the same bytes of data
	// and the rest of the file take no more memory than they need.
	body = data[len(head)-len(body):]
	switch {
	case perr != nil:
		errs.Errorf(yamlPos(name, offset, perr), "front matter is not valid YAML: %s; check quotes, colons and indentation", yamlMsg(perr))
		body = nil
	case err != nil:
		errs.Errorf(top, "cannot read front matter: %v", err)
		body = nil
	case doc == nil && startsWithFence(data):
		errs.Errorf(top, "front matter is not closed; end it with a line `---`")
		body = nil
	case doc == nil:
		errs.Errorf(top, "front matter is missing; start the file with a line `---`, the fields, and another `---`")
	}
	if doc == nil {
		offset = 0 // no fields: a missing one is reported on the first line, which exists
	}
	f.fields = newFields(name, offset, doc, errs)
	f.BodyLine = 1 + bytes.Count(data[:len(data)-len(body)], []byte("\n"))
	if line, msg := tooDeep(body); msg != "" {
		errs.Errorf(diag.Pos{File: name, Line: f.BodyLine + line - 1, Col: 1}, "%s", msg)
		body = nil
	}
	f.Body = p.Parse(body)
	for _, pr := range f.Body.Problems {
		errs.Errorf(diag.Pos{File: name, Line: f.BodyLine + pr.Line - 1}, "%s", pr.Msg)
	}
	f.Draft = f.boolean("draft")
	return f
}

// frontMatter finds the front matter of data as frontmatter does. open is the number of
// the first line that is not blank: the opening "---" if there is front matter. end is
// the end of the line that closes it (the first line after the opening that is "---"
// but for white space), or len(data) if there is no front matter or it is not closed.
func frontMatter(data []byte) (open, end int) {
	opened := false
	for rest := data; len(rest) > 0; {
		line, next, _ := cutLine(rest)
		t := bytes.TrimSpace(line)
		if !opened {
			open++
		}
		switch {
		case opened && string(t) == "---":
			return open, len(data) - len(next)
		case opened:
		case len(t) == 0:
		case string(t) == "---":
			opened = true
		default:
			return open, len(data)
		}
		rest = next
	}
	return open, len(data)
}

func startsWithFence(data []byte) bool {
	return strings.TrimSpace(strings.SplitN(strings.TrimLeft(string(data), "\n\t "), "\n", 2)[0]) == "---"
}

// list finds every content/<dir>/**/*.md. Editors may sort files into subfolders; the id
// is the file name, so it must be unique across them.
func (l *loader) list(d *dir) {
	root := "content/" + d.name
	err := fs.WalkDir(l.fsys, root, func(name string, e fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && name == root {
				return fs.SkipAll
			}
			d.errs.Errorf(diag.Pos{File: name}, "cannot read: %v", err)
			return nil
		}
		switch {
		case strings.HasPrefix(e.Name(), ".") && name != root:
			if e.IsDir() {
				return fs.SkipDir
			}
		case e.IsDir():
		case !e.Type().IsRegular():
			// Checked before the name: a linked folder would otherwise be skipped quietly.
			d.errs.Errorf(diag.Pos{File: name, Line: 1, Col: 1}, "not a regular file (a symbolic link?); content must be plain files inside the dossier")
		case !strings.HasSuffix(e.Name(), ".md"):
			d.errs.Warnf(diag.Pos{File: name}, "ignored: only .md files are read in %s/", root)
		case !ValidSlug(strings.TrimSuffix(e.Name(), ".md")):
			d.errs.Errorf(diag.Pos{File: name}, "file name %q is not a valid id: use lowercase letters, digits and hyphens, e.g. %q", e.Name(), Slugify(strings.TrimSuffix(e.Name(), ".md"))+".md")
		default:
			d.names = append(d.names, name)
			d.entries = append(d.entries, e)
		}
		return nil
	})
	if err != nil {
		d.errs.Errorf(diag.Pos{File: root}, "cannot read folder: %v", err)
	}
}

// collect returns the records read in d, without drafts unless cfg asks for them, sorted
// by id.
func collect[T interface{ meta() *Meta }](d *dir, cfg Config) []T {
	var out []T
	for _, f := range d.files {
		if f.rec == nil {
			continue
		}
		if r := f.rec.(T); !r.meta().Draft || cfg.Drafts {
			out = append(out, r)
		}
	}
	byID := func(a, b T) int { return strings.Compare(a.meta().ID, b.meta().ID) }
	if !slices.IsSortedFunc(out, byID) { // files in subfolders
		slices.SortStableFunc(out, byID)
	}
	return out
}

func (m *Meta) meta() *Meta { return m }

func loadSite(f *file, locales locale.Set) *Site {
	s := &Site{Meta: f.Meta}
	s.Title, _ = f.str("title", true, `"Russland und Nordkorea"`)
	s.Subtitle, _ = f.str("subtitle", false, "")
	s.Locale = f.language(locales, locales.Default())
	s.Language = s.Locale.Code
	var pos diag.Pos
	s.BaseURL, pos = f.str("base_url", false, "")
	f.webURL("base_url", s.BaseURL, pos)
	s.IgnoreNames = f.list("ignore_names")
	s.License, _ = f.str("license", false, `"Texte der Redaktion: CC BY 4.0"`)
	f.unknown()
	return s
}

func loadArticle(f *file, locales locale.Set, site *locale.Locale) *Article {
	a := &Article{Meta: f.Meta}
	a.Seed.ID, a.Seed.Pos = f.str("seed", true, "000_db9fe16b07e37613.txt")
	a.Title, _ = f.str("title", true, `"Putin schließt strategische Partnerschaft mit Nordkorea"`)
	a.Kicker, _ = f.str("kicker", false, "")
	a.Publisher, _ = f.str("publisher", false, "")
	a.Author, _ = f.str("author", false, "")
	a.Published, _ = f.date("published", false)
	var pos diag.Pos
	a.URL, pos = f.str("url", false, "")
	f.webURL("url", a.URL, pos)
	a.Locale = f.language(locales, site)
	a.Language = a.Locale.Code
	a.Retrieved, a.RetrievedPos = f.timestamp("retrieved")
	a.SHA256 = f.digest("sha256")
	a.NeedsReview = f.list("needs-review")
	for _, kv := range f.mapping("lines") {
		from, to, err := lineRange(kv[0].Value)
		if err != nil {
			f.errs.Errorf(f.pos(kv[0]), "%v", err)
			continue
		}
		kind, ok := seed.ParseKind(kv[1].Value)
		if !ok || kv[1].Kind != yaml.ScalarNode {
			f.errs.Errorf(f.pos(kv[1]), "unknown line kind %q; use one of: %s", kv[1].Value, seed.Kinds)
			continue
		}
		a.Lines = append(a.Lines, LineKind{from, to, kind, f.pos(kv[0])})
	}
	for _, kv := range f.mapping("mentions") {
		from, to, err := lineRange(kv[0].Value)
		if err != nil {
			f.errs.Errorf(f.pos(kv[0]), "%v", err)
			continue
		}
		if kv[1].Kind != yaml.MappingNode {
			f.errs.Errorf(f.pos(kv[1]), "mentions for line %s must map names to actor ids, like `{ \"Kim\": kim-jong-un }`", kv[0].Value)
			continue
		}
		for i := 0; i+1 < len(kv[1].Content); i += 2 {
			name, actor := kv[1].Content[i], kv[1].Content[i+1]
			if strings.TrimSpace(name.Value) == "" {
				f.errs.Errorf(f.pos(name), "empty name in mentions; write the name as it stands in the seed")
				continue
			}
			f.checkSlug(actor.Value, f.pos(actor), "actor id")
			a.Mentions = append(a.Mentions, MentionRule{from, to, name.Value, Ref{actor.Value, f.pos(actor)}})
		}
	}
	f.unknown()
	return a
}

func loadActor(f *file) *Actor {
	a := &Actor{Meta: f.Meta}
	a.Name, a.NamePos = f.str("name", true, `"Kim Jong-un"`)
	a.Kind, _ = f.oneOf("kind", true, ActorKinds...)
	a.Aliases = f.list("aliases")
	for _, al := range a.Aliases {
		if strings.TrimSpace(al.ID) == "" {
			f.errs.Errorf(al.Pos, "empty alias; remove it or write the name as the seeds spell it")
		}
	}
	a.Not = f.list("not")
	for _, n := range a.Not {
		if strings.TrimSpace(n.ID) == "" {
			f.errs.Errorf(n.Pos, "empty form in `not:`; remove it or write the form that must not link as the seeds spell it")
		}
	}
	a.Role, _ = f.str("role", false, "")
	var pos diag.Pos
	if a.Wikidata, pos = f.str("wikidata", false, ""); a.Wikidata != "" && !validWikidata(a.Wikidata) {
		f.errs.Errorf(pos, "wikidata %q is not a Wikidata item; write its id, like `wikidata: Q56226`", a.Wikidata)
	}
	a.Links = f.list("links")
	for _, l := range a.Links {
		f.webURL("links", l.ID, l.Pos)
	}
	f.unknown()
	return a
}

func loadTopic(f *file) *Topic {
	t := &Topic{Meta: f.Meta}
	t.Title, _ = f.str("title", true, `"Sanktionen"`)
	t.Keywords = f.list("keywords")
	for _, k := range t.Keywords {
		if len([]rune(strings.TrimSpace(k.ID))) < 3 {
			f.errs.Errorf(k.Pos, "keyword %q is too short to tag passages; use at least 3 letters", k.ID)
		}
	}
	f.unknown()
	return t
}

func loadEvent(f *file) *Event {
	e := &Event{Meta: f.Meta}
	e.Date, e.DatePos = f.date("date", true)
	e.Title, _ = f.str("title", true, `"Gipfel auf dem Weltraumbahnhof Wostotschny"`)
	e.Actors = f.ids("actors")
	e.Topics = f.ids("topics")
	if n := f.node("sources"); n != nil {
		if n.Kind != yaml.SequenceNode {
			f.errs.Errorf(f.pos(n), "sources must be a list of `- article: ID` / `quote: \"…\"` entries")
		} else {
			for _, s := range n.Content {
				sf := newFields(f.file, f.offset, s, f.errs)
				sf.top = f.pos(s)
				q := readQuote(sf)
				sf.unknown()
				e.Sources = append(e.Sources, q)
			}
		}
	}
	f.unknown()
	return e
}

func readQuote(f *fields) Quote {
	var q Quote
	q.Article = f.id("article", true, "frankfurter-rundschau-2024-06-19")
	q.Text, q.Pos = f.str("quote", true, `"the passage, copied from the seed"`)
	q.Prefix, _ = f.str("prefix", false, "")
	q.Suffix, _ = f.str("suffix", false, "")
	return q
}

func loadNote(f *file) *Note {
	n := &Note{Meta: f.Meta}
	n.Quote = readQuote(f.fields)
	n.Kind, _ = f.oneOf("kind", false, NoteKinds...)
	if n.Kind == "" {
		n.Kind = "context"
	}
	n.Actors = f.ids("actors")
	n.Topics = f.ids("topics")
	var pos diag.Pos
	if n.Rating, pos = f.str("rating", false, `"falsch"`); n.Rating != "" && n.Kind != "factcheck" {
		f.errs.Errorf(pos, "rating is the verdict of a fact-check; give the note `kind: factcheck` or remove the rating")
	}
	n.AnnotationID, _ = f.str("annotation_id", false, "")
	f.unknown()
	return n
}

// validWikidata reports whether s is a Wikidata item id: Q and digits, not 0 first.
func validWikidata(s string) bool {
	if len(s) < 2 || s[0] != 'Q' || s[1] == '0' {
		return false
	}
	for _, c := range s[1:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// Limits on the shape of a body. Markdown this deep is never prose, and goldmark takes
// seconds to minutes on it (a 10,000-column table, 200,000 nested quotes).
const (
	maxQuoteDepth = 32
	maxIndent     = 256
	maxCells      = 256
)

// tooDeep returns the first line of body whose nesting exceeds the limits, and why.
func tooDeep(body []byte) (int, string) {
	for i, rest := 1, body; ; i++ {
		line, next, last := cutLine(rest)
		line = bytes.TrimSuffix(line, []byte("\n"))
		indent := len(line) - len(bytes.TrimLeft(line, " \t"))
		quotes := 0
		for _, c := range line {
			if c == '>' {
				quotes++
			} else if c != ' ' && c != '\t' {
				break
			}
		}
		switch {
		case quotes > maxQuoteDepth:
			return i, fmt.Sprintf("quotes nested %d deep (at most %d); flatten the markdown", quotes, maxQuoteDepth)
		case indent > maxIndent:
			return i, fmt.Sprintf("line indented by %d characters (at most %d); flatten the lists", indent, maxIndent)
		case bytes.Count(line, []byte("|")) > maxCells:
			return i, fmt.Sprintf("table row with more than %d cells; split the table", maxCells)
		}
		if last {
			return 0, ""
		}
		rest = next
	}
}
