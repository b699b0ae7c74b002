// Package render turns the dossier model into page bytes with html/template: one view
// struct per page kind, built in Go, and one template file per page kind.
//
// Templates come from an fs.FS (the user's templates layered over the defaults). Every
// page template defines "main" and is parsed together with base.html (the layout, which
// defines "base") and partials.html (shared pieces). Page kinds and their files:
//
//	home      home.html       index.html
//	article   article.html    articles/<id>.html
//	articles  articles.html   articles/index.html
//	actor     actor.html      actors/<id>.html
//	actors    actors.html     actors/index.html
//	topic     topic.html      topics/<id>.html
//	topics    topics.html     topics/index.html
//	timeline  timeline.html   timeline/index.html
//	network   network.html    network/index.html
//	search    search.html     search/index.html (and static/search-index.js, static/search/)
//	data      data.html       data/index.html (and the files of package export)
//	404       404.html        404.html
//
// Pages and notes run as compiled by internal/tmplexec, which writes what html/template
// would, several times faster; a template it does not compile (a dossier's own may use
// anything) runs in html/template. Templates run with missingkey=error. Function map: date (a date at its precision in the
// site's language), isodate (its machine-readable form).
package render

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html"
	"html/template"
	"io/fs"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"

	"golang.org/x/sync/errgroup"

	"dossier/internal/date"
	"dossier/internal/dossier"
	"dossier/internal/export"
	"dossier/internal/locale"
	"dossier/internal/markdown"
	"dossier/internal/parallel"
	"dossier/internal/tmplexec"
)

// Config configures rendering.
type Config struct {
	Templates fs.FS  // holds base.html, partials.html and one file per page kind
	BaseURL   string // absolute URL of the site, for canonical links; may be empty
	CSS       string // path of the stylesheet, relative to the site's root
	// Minify, if set, is applied to the source of each template before it is parsed: the
	// build minifies the templates once instead of every page they make.
	Minify func(name string, src []byte) ([]byte, error)

	exec   execMode    // tests compare html/template with the compiled templates
	limits *pageLimits // of the lists of a page; defaultLimits if nil
}

// execMode says how templates run.
type execMode int

const (
	execAuto      execMode = iota // compiled when they compile, else html/template
	execInterpret                 // html/template only
	execCompiled                  // compiled only: a template or value left to html/template is an error
)

// File is a rendered page.
type File struct {
	Path string // relative to the output folder, slash-separated
	Data []byte
}

// Renderer renders one dossier.
type Renderer struct {
	d     *dossier.Dossier
	cfg   Config
	loc   *locale.Locale // of the site's language
	l     *Labels        // loc's
	pages map[string]*template.Template
	progs map[string]map[string]*tmplexec.Program // by file and template name, when compiled
	sizes map[string]*atomic.Int64                // by file, of the last page made
	md    map[string]*markdown.Renderer           // by root

	notes sync.Map  // noteKey → NoteView, made once per build
	lists sync.Map  // listKey → the items of a paged list in their order, made once per build
	bufs  sync.Pool // *bytes.Buffer: buffer and release

	lineLabel string // "Zeile", escaped, for the link of each line's number

	topicColour map[*dossier.Topic]int // colour index of each topic in the pictures
	topicLegend []string               // the colours' names

	lim          pageLimits
	pw           *locale.Paging           // the words of paged lists
	parts        []timelinePart           // of a timeline too long for one page
	eventPage    map[string]string        // by event id, the part of the timeline with it
	articleIndex map[*dossier.Article]int // in the dossier's order, oldest first
}

// noteFile is the page template whose set's "note" writeLine executes.
const noteFile = "article.html"

var pageFiles = []string{"home.html", "article.html", "articles.html", "actor.html", "actors.html", "topic.html", "topics.html", "timeline.html", "network.html", "search.html", "data.html", "404.html", "list.html"}

// New parses the templates. A missing or broken template is an error naming its file.
func New(d *dossier.Dossier, cfg Config) (*Renderer, error) {
	loc := siteLocale(d.Site)
	l := loc.Labels
	r := &Renderer{d: d, cfg: cfg, loc: loc, l: l, pages: map[string]*template.Template{}, progs: map[string]map[string]*tmplexec.Program{}, sizes: map[string]*atomic.Int64{}, md: map[string]*markdown.Renderer{}}
	funcs := template.FuncMap{
		"date":    func(d date.Date) string { return d.In(&loc.Dates) },
		"isodate": func(d date.Date) string { return d.ISO() },
	}
	// base.html and partials.html are in every page file's set: they are read, minified
	// and parsed once, and each set is a clone of them with its page file parsed in.
	common := template.New("base.html").Funcs(funcs).Option("missingkey=error")
	if err := parse(common, funcs, cfg, "base.html", "partials.html"); err != nil {
		return nil, err
	}
	if common.Lookup("base") == nil {
		return nil, fmt.Errorf("templates/base.html: must define \"base\"")
	}
	// The sets are independent: they are cloned, parsed, escaped and compiled on all cores.
	sets := make([]*template.Template, len(pageFiles))
	progs := make([]map[string]*tmplexec.Program, len(pageFiles))
	errs := make([]error, len(pageFiles))
	parallel.Each(len(pageFiles), func(i int) {
		f := pageFiles[i]
		if sets[i], errs[i] = common.Clone(); errs[i] != nil {
			return
		}
		if errs[i] = parse(sets[i], funcs, cfg, f); errs[i] != nil {
			return
		}
		if sets[i].Lookup("main") == nil {
			errs[i] = fmt.Errorf("templates/%s: must define \"main\"", f)
			return
		}
		names := []string{"base"}
		if f == noteFile {
			names = append(names, "note") // the note beside its line, which Go writes (writeLine)
		}
		progs[i] = compile(sets[i], funcs, names...)
	})
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	for i, f := range pageFiles {
		r.pages[f], r.progs[f], r.sizes[f] = sets[i], progs[i], new(atomic.Int64)
	}
	r.topicColour, r.topicLegend = topicColours(d.Topics, l)
	r.lineLabel = html.EscapeString(l.Line)
	r.pw, r.lim = loc.Paging, defaultLimits
	if cfg.limits != nil {
		r.lim = *cfg.limits
	}
	r.articleIndex = map[*dossier.Article]int{}
	for i, a := range d.Articles {
		r.articleIndex[a] = i
	}
	r.parts = r.splitTimeline(d.Events)
	r.eventPage = map[string]string{}
	for _, pt := range r.parts {
		for _, e := range pt.events {
			r.eventPage[e.ID] = pt.path
		}
	}
	for _, root := range []string{"", "../", "../../"} {
		r.md[root] = markdown.NewRenderer(root, r.idTarget, loc.Quotes)
	}
	return r, nil
}

// parse parses the template files names of cfg.Templates into t, each as the template of
// its name, as template.ParseFS does, after Config.Minify. funcs are t's functions.
func parse(t *template.Template, funcs template.FuncMap, cfg Config, names ...string) error {
	for _, name := range names {
		src, err := fs.ReadFile(cfg.Templates, name)
		if err != nil {
			return fmt.Errorf("templates/%s: %w", name, err)
		}
		text := src
		if cfg.Minify != nil {
			if text, err = cfg.Minify(name, src); err != nil {
				return fmt.Errorf("templates/%s: %w", name, err)
			}
		}
		tmpl := t
		if name != t.Name() {
			tmpl = t.New(name)
		}
		if _, err := tmpl.Parse(string(text)); err != nil {
			if cfg.Minify != nil {
				// Minified, the text has other lines, and a broken action may read
				// otherwise: the error of the file as written says where, and what.
				if _, werr := template.New(name).Funcs(funcs).Parse(string(src)); werr != nil {
					err = werr
				}
			}
			return fmt.Errorf("templates/%s: %w", name, err)
		}
	}
	return nil
}

// job renders one page.
type job struct {
	path string
	tmpl string
	view func(p Page) (any, error)
}

// Render renders every page, in parallel on all cores, and hands each file to emit as
// soon as it is made, so that a caller can write it and let it go; emit is called from
// several goroutines at once, and must not keep a file's Data after it returns: the
// buffer of a page is reused for the next. The files' content does not depend on their order. It
// returns the paths of the files, sorted.
func (r *Renderer) Render(ctx context.Context, emit func(File) error) ([]string, error) {
	jobs := r.jobs()
	g, gctx := errgroup.WithContext(ctx)
	// The search index is one long job: it runs beside the pages, outside their limit, so
	// that it does not end alone on one core after them.
	var indexPaths []string
	indexDone := make(chan error, 1)
	go func() {
		var err error
		indexPaths, err = r.searchIndex(func(f File) error {
			if err := ctx.Err(); err != nil { // not gctx, which ends when the pages do
				return err
			}
			return emit(f)
		})
		indexDone <- err
	}()
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, j := range jobs {
		g.Go(func() error {
			if err := gctx.Err(); err != nil {
				return err
			}
			buf := r.buffer()
			err := r.page(j, buf)
			if err == nil {
				err = emit(File{j.path, buf.Bytes()})
			}
			r.release(buf) // emit has let the bytes go
			if err != nil {
				return fmt.Errorf("%s: %w", j.path, err)
			}
			return nil
		})
	}
	errPages := g.Wait()
	if err := <-indexDone; err != nil && errPages == nil {
		return nil, fmt.Errorf("search index: %w", err)
	}
	if errPages != nil {
		return nil, errPages
	}
	paths := make([]string, 0, len(jobs)+len(indexPaths)+2)
	for _, j := range jobs {
		paths = append(paths, j.path)
	}
	paths = append(paths, indexPaths...)
	last, err := r.lastFiles(paths)
	if err != nil {
		return nil, err
	}
	for _, f := range last {
		if err := emit(f); err != nil {
			return nil, fmt.Errorf("%s: %w", f.Path, err)
		}
		paths = append(paths, f.Path)
	}
	slices.Sort(paths)
	return paths, nil
}

// lastFiles returns the files made after all others: the feed, when the site has a base
// URL the sitemap, which lists paths (the pages and the search index) and the feed, and
// the files of package export (citations, data/).
func (r *Renderer) lastFiles(paths []string) ([]File, error) {
	feed, err := r.feed()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", feedPath, err)
	}
	words, err := r.searchWords()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", searchWordsPath, err)
	}
	files := []File{{feedPath, feed}, {searchWordsPath, words}}
	if r.baseURL() != "" {
		paths = append(slices.Clone(paths), feedPath)
		slices.Sort(paths)
		sm, err := r.sitemap(paths)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", sitemapPath, err)
		}
		files = append(files, File{sitemapPath, sm})
	}
	exported, err := export.Files(r.d, r.exportConfig())
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	for _, f := range exported {
		files = append(files, File{f.Path, f.Data})
	}
	return files, nil
}

// PageCount returns the number of HTML pages Render makes.
func (r *Renderer) PageCount() int {
	n := 0
	for _, j := range r.jobs() {
		if strings.HasSuffix(j.path, ".html") {
			n++
		}
	}
	return n
}

func (r *Renderer) jobs() []job {
	d := r.d
	jobs := []job{
		{homePath, "home.html", r.home},
		{articlesPath, "articles.html", r.articles},
		{actorsPath, "actors.html", r.actors},
		{topicsPath, "topics.html", r.topics},
		{timelinePath, "timeline.html", r.timeline},
		{networkPath, "network.html", r.networkPage},
		{searchPath, "search.html", r.searchPage},
		{dataPath, "data.html", r.dataPage},
		{notFoundPath, "404.html", r.notFound},
	}
	for _, a := range d.Articles {
		jobs = append(jobs, job{articlePath(a.ID), "article.html", func(p Page) (any, error) { return r.article(p, a) }})
	}
	for _, a := range d.Actors {
		jobs = append(jobs, job{actorPath(a.ID), "actor.html", func(p Page) (any, error) { return r.actor(p, a) }})
	}
	for _, t := range d.Topics {
		jobs = append(jobs, job{topicPath(t.ID), "topic.html", func(p Page) (any, error) { return r.topic(p, t) }})
	}
	return append(jobs, r.pagedJobs()...)
}

func (r *Renderer) page(j job, buf *bytes.Buffer) error {
	p := r.basePage(j.path)
	p.scratch = r.buffer()
	defer r.release(p.scratch) // after the page is written, and the markup lent with it
	view, err := j.view(p)
	if err != nil {
		return err
	}
	// Pages of a kind are of similar size: starting from the last one's saves growing
	// the buffer a dozen times.
	size := r.sizes[j.tmpl]
	buf.Grow(int(size.Load()) + 512)
	n := buf.Len()
	if err := r.execute(buf, j.tmpl, "base", view); err != nil {
		return err
	}
	size.Store(int64(buf.Len() - n))
	return nil
}

// lentHTML returns b as markup without copying it. The markup is valid only as long as
// b is not changed: for Page.scratch, until page has written the page.
func lentHTML(b []byte) template.HTML {
	return template.HTML(unsafe.String(unsafe.SliceData(b), len(b)))
}

// buffer returns an empty buffer for a page or a note, one that release gave back if
// there is one.
func (r *Renderer) buffer() *bytes.Buffer {
	if b, ok := r.bufs.Get().(*bytes.Buffer); ok {
		return b
	}
	return new(bytes.Buffer)
}

// release gives b back for another page once its bytes are no longer needed.
func (r *Renderer) release(b *bytes.Buffer) {
	if b.Cap() <= maxReused {
		b.Reset()
		r.bufs.Put(b)
	}
}

// maxReused is the largest buffer kept for another page: the few pages that list a large
// dossier whole (the home page, the timeline) are not worth holding.
const maxReused = 256 << 10

// compile compiles the templates names of a page's template set that it defines. A
// template that does not compile is left to html/template, which also reports its
// errors when it runs.
func compile(t *template.Template, funcs template.FuncMap, names ...string) map[string]*tmplexec.Program {
	progs := map[string]*tmplexec.Program{}
	for _, name := range names {
		if t.Lookup(name) == nil {
			continue
		}
		if p, err := tmplexec.Compile(t, name, funcs); err == nil {
			progs[name] = p
		}
	}
	return progs
}

// execute writes the template name of the page template file with data: compiled when
// it could be, else, or when the program hands back, by html/template. Both write the
// same bytes (tmplexec's tests, and TestCompiledSameAsTemplates).
func (r *Renderer) execute(b *bytes.Buffer, file, name string, data any) error {
	if p := r.progs[file][name]; p != nil && r.cfg.exec != execInterpret {
		n := b.Len()
		err := p.Execute(b, data)
		if err == nil || r.cfg.exec == execCompiled {
			return err
		}
		b.Truncate(n)
	} else if r.cfg.exec == execCompiled {
		return fmt.Errorf("templates/%s: %q is not compiled", file, name)
	}
	return r.pages[file].ExecuteTemplate(b, name, data)
}

func (r *Renderer) basePage(path string) Page {
	root := rootOf(path)
	if path == notFoundPath && r.baseURL() != "" {
		root = r.baseURL() // a host shows the 404 page at any depth: its links must be absolute
	}
	p := Page{
		Lang:      r.l.Lang,
		SiteTitle: r.d.Site.Title,
		Root:      root,
		L:         r.l,
		C:         &r.loc.Cite,
		DataURL:   root + dataPath,
		CSS:       root + r.cfg.CSS,
	}
	if base := r.baseURL(); base != "" {
		p.Canonical = base + strings.TrimSuffix(path, "index.html")
	}
	p.Feed = root + feedPath
	for _, n := range []struct{ label, path string }{
		{r.l.Home, homePath}, {r.l.Articles, articlesPath}, {r.l.Actors, actorsPath},
		{r.l.Topics, topicsPath}, {r.l.Timeline, timelinePath}, {r.l.Network, networkPath}, {r.l.Search, searchPath},
	} {
		section := strings.SplitN(n.path, "/", 2)[0]
		current := n.path == path || (strings.Contains(n.path, "/") && strings.HasPrefix(path, section+"/"))
		p.Nav = append(p.Nav, NavItem{Label: n.label, URL: root + n.path, Current: current})
	}
	return p
}

func (r *Renderer) markdown(doc *markdown.Doc, root string) (template.HTML, error) {
	return r.md[root].Render(doc)
}

func itoa(n int) string { return strconv.Itoa(n) }
