// Package build runs a dossier's build in the order of its phases: load the content,
// resolve it into the model, render every page, write the site. Render and write overlap:
// each file is written into the new site as soon as it is rendered; the write phase puts
// the new site in place of the old one and removes the old.
package build

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/metrics"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	defaults "dossier"
	"dossier/internal/content"
	"dossier/internal/diag"
	idossier "dossier/internal/dossier"
	"dossier/internal/locale"
	"dossier/internal/render"
	"dossier/internal/site"
)

// Config is what a build needs to know.
type Config struct {
	Src     string // the dossier's root: content/, seeds/, and optionally templates/, static/
	Out     string // output folder; empty means do not write (check)
	BaseURL string // overrides base_url of content/dossier.md
	Drafts  bool   // include drafts
	Strict  bool   // approximate quotes are errors
	Minify  bool
	// NoNameWarnings skips looking for names that may be missing actors, for a build that
	// shows errors only (idossier.Config.NoNameWarnings).
	NoNameWarnings bool
	// Progress, if set, follows the build's phases and the files it renders.
	Progress *Progress
	// Locales are the languages `language:` may name, the first the default; nil means
	// locale.Builtin.
	Locales locale.Set
}

// Result is what a build produced.
type Result struct {
	Problems diag.List // sorted; errors and warnings
	Dossier  *idossier.Dossier
	// Files are the files of the site, sorted by path, when it was not written (Config.Out
	// empty); a written site is not kept in memory.
	Files     []site.File
	FileCount int   // files of the site
	Bytes     int64 // their size
	Pages     int   // HTML pages among them
	// Kept are files of the old site that the build left beside the output since it had
	// not written them (put there while it ran).
	Kept   []string
	Phases []Phase
}

// Phase is the cost of one phase of a build. The allocations are the whole process's
// during the phase (runtime/metrics), which is the build's own unless something else runs
// beside it.
type Phase struct {
	Name       string
	Duration   time.Duration
	CPU        time.Duration // of the whole process, user and kernel, on all cores (0 where not measured)
	GCCPU      time.Duration // of it, the garbage collector's, as the Go runtime estimates it
	AllocBytes uint64        // bytes allocated on the heap
	Allocs     uint64        // heap objects allocated
}

// allocSamples are the cumulative heap allocation counters, read at each phase's start
// and end; unlike runtime.ReadMemStats, reading them does not stop the world.
func allocSamples() []metrics.Sample {
	s := []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}, {Name: "/gc/heap/allocs:objects"}, {Name: "/cpu/classes/gc/total:cpu-seconds"}}
	metrics.Read(s)
	return s
}

// meter measures one phase from its creation to its end.
type meter struct {
	start  time.Time
	cpu    time.Duration
	allocs []metrics.Sample
}

func startMeter() meter { return meter{time.Now(), processCPU(), allocSamples()} }

func (m meter) end(name string) Phase {
	now := allocSamples()
	return Phase{
		Name:       name,
		Duration:   time.Since(m.start),
		CPU:        processCPU() - m.cpu,
		GCCPU:      time.Duration((now[2].Value.Float64() - m.allocs[2].Value.Float64()) * float64(time.Second)),
		AllocBytes: now[0].Value.Uint64() - m.allocs[0].Value.Uint64(),
		Allocs:     now[1].Value.Uint64() - m.allocs[1].Value.Uint64(),
	}
}

// PhaseError is a failure of one phase that is not a list of content problems.
type PhaseError struct {
	Phase string
	Err   error
}

func (e *PhaseError) Error() string { return e.Phase + ": " + e.Err.Error() }
func (e *PhaseError) Unwrap() error { return e.Err }

// Run builds the dossier at cfg.Src. It returns an error if the build failed: the
// Result's Problems then hold every error found, and nothing was written.
func Run(ctx context.Context, cfg Config) (*Result, error) {
	if err := site.CheckPathFlag("src", cfg.Src); err != nil {
		return &Result{}, &PhaseError{"load", err}
	}
	var out *site.Writer
	if cfg.Out != "" {
		// Before anything is read: a build that would delete what it did not write
		// fails at once.
		var err error
		if out, err = site.NewWriter(cfg.Out, Sources(cfg.Src)...); err != nil {
			return &Result{}, &PhaseError{"write", err}
		}
	}
	cfg.Progress.start("load", 0)
	res, p, err := prepare(cfg, nil)
	if err != nil && out != nil {
		out.Abort()
	}
	if err != nil {
		return res, err
	}
	phase := func(name string, m meter) {
		res.Phases = append(res.Phases, m.end(name))
	}
	r, static, start := p.r, p.static, p.renderStart
	cfg.Progress.start("render", r.PageCount())
	// Each file is written as soon as it is rendered, so that a large site is never held
	// in memory whole; without an output folder (check, the preview) the files are kept.
	var mu sync.Mutex
	emit := func(f render.File) error {
		mu.Lock()
		res.Files = append(res.Files, site.File{Path: f.Path, Data: bytes.Clone(f.Data)}) // Render reuses it
		res.Bytes += int64(len(f.Data))
		mu.Unlock()
		cfg.Progress.add(f.Path)
		return nil
	}
	if out != nil {
		emit = func(f render.File) error {
			cfg.Progress.add(f.Path)
			return out.Write(f.Path, f.Data)
		}
	}
	fail := func(phase string, err error) (*Result, error) {
		if out != nil {
			out.Abort()
		}
		res.Files = nil
		return res, &PhaseError{phase, err}
	}
	paths, err := r.Render(ctx, emit)
	if err != nil {
		return fail("render", err)
	}
	for _, f := range static {
		if err := emit(render.File{Path: f.Path, Data: f.Data}); err != nil {
			return fail("render", err)
		}
	}
	res.FileCount = len(paths) + len(static)
	for _, p := range paths {
		if strings.HasSuffix(p, ".html") {
			res.Pages++
		}
	}
	slices.SortFunc(res.Files, func(a, b site.File) int { return strings.Compare(a.Path, b.Path) })
	phase("render", start)

	if out == nil {
		return res, nil
	}
	_, res.Bytes = out.Files()
	cfg.Progress.start("write", 0)
	start = startMeter()
	if err := out.Commit(); err != nil {
		return res, &PhaseError{"write", err}
	}
	res.Kept = out.Kept()
	phase("write", start)
	return res, nil
}

// prepared is what prepare hands to the render phase.
type prepared struct {
	r           *render.Renderer
	static      []site.File
	renderStart meter // of the render phase, which making the renderer begins
}

// prepare runs the phases before rendering: it loads and resolves the dossier, with the
// caches of a Session if there is one, and makes its renderer and static files. The
// render phase it starts is ended by the caller.
func prepare(cfg Config, sess *Session) (*Result, *prepared, error) {
	res := &Result{}
	phase := func(name string, m meter) {
		res.Phases = append(res.Phases, m.end(name))
	}
	start := startMeter()
	root, err := os.OpenRoot(cfg.Src)
	if err != nil {
		return res, nil, &PhaseError{"load", err}
	}
	defer root.Close()
	ffs := newFolderFS(root) // refuses symbolic links that leave the dossier
	defer ffs.close()
	var fsys fs.FS = ffs
	// The static files do not depend on the content: they are read and minified while it
	// loads and resolves, on a core those phases leave idle much of the time (their cost
	// counts as theirs).
	var static []site.File
	var staticGroup errgroup.Group
	staticGroup.Go(func() (err error) {
		static, err = staticFiles(fsys, cfg.Minify)
		return err
	})
	defer staticGroup.Wait() // before ffs closes
	ccfg := content.Config{Drafts: cfg.Drafts, Locales: cfg.Locales}
	dcfg := idossier.Config{Strict: cfg.Strict, NoNameWarnings: cfg.NoNameWarnings}
	if sess != nil {
		ccfg.Cache, dcfg.Cache = sess.content, sess.dossier
	}
	c, problems := content.Load(fsys, ccfg)
	res.Problems = problems
	phase("load", start)

	cfg.Progress.start("resolve", 0)
	start = startMeter()
	d, problems := idossier.Resolve(c, fsys, dcfg)
	res.Problems.Append(problems)
	res.Problems = res.Problems.Sort()
	res.Dossier = d
	phase("resolve", start)
	if err := res.Problems.Err(); err != nil {
		return res, nil, err
	}

	start = startMeter()
	baseURL := d.Site.BaseURL
	if cfg.BaseURL != "" {
		baseURL = cfg.BaseURL
	}
	templates, err := sub(fsys, "templates")
	if err != nil {
		return res, nil, &PhaseError{"render", err}
	}
	rcfg := render.Config{
		Templates: layers{templates, defaults.Templates()},
		BaseURL:   baseURL,
		CSS:       "static/style.css",
	}
	if cfg.Minify {
		rcfg.Minify = site.MinifyTemplate
	}
	r, err := render.New(d, rcfg)
	if err != nil {
		return res, nil, &PhaseError{"render", err}
	}
	if err := staticGroup.Wait(); err != nil {
		return res, nil, &PhaseError{"render", err}
	}
	return res, &prepared{r, static, start}, nil
}

// staticFiles returns the static files of the dossier over the defaults, minified if
// minify is set.
func staticFiles(fsys fs.FS, minify bool) ([]site.File, error) {
	dir, err := sub(fsys, "static")
	if err != nil {
		return nil, err
	}
	static, err := site.Static(layers{dir, defaults.Static()}, "static")
	if err != nil {
		return nil, fmt.Errorf("static files: %w", err)
	}
	if minify {
		if err := site.Minify(static); err != nil {
			return nil, err
		}
	}
	return static, nil
}

// Sources returns the folders of the dossier at src that a build reads: an output folder
// must neither lie inside one nor hold one.
func Sources(src string) []string {
	var dirs []string
	for _, d := range []string{"content", "seeds", "templates", "static"} {
		dirs = append(dirs, filepath.Join(src, d))
	}
	return dirs
}

// sub returns the folder dir of fsys, or an empty file system if there is none. A folder
// that is there but cannot be read (a link leaving the dossier) is an error, not ignored.
func sub(fsys fs.FS, dir string) (fs.FS, error) {
	if _, err := fs.Stat(fsys, dir); errors.Is(err, fs.ErrNotExist) {
		return layers{}, nil
	} else if err != nil {
		return nil, fmt.Errorf("%s: cannot read: %w (a symbolic link leaving the dossier?)", dir, err)
	}
	return fs.Sub(fsys, dir)
}
