// Package build runs a dossier's build in the order of its phases: load the content,
// resolve it into the model, render every page, write the site.
package build

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/metrics"
	"strings"
	"time"

	defaults "dossier"
	"dossier/internal/content"
	"dossier/internal/diag"
	idossier "dossier/internal/dossier"
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
}

// Result is what a build produced.
type Result struct {
	Problems diag.List // sorted; errors and warnings
	Dossier  *idossier.Dossier
	Files    []site.File
	Pages    int // HTML pages among Files
	Phases   []Phase
}

// Phase is the cost of one phase of a build. The allocations are the whole process's
// during the phase (runtime/metrics), which is the build's own unless something else runs
// beside it.
type Phase struct {
	Name       string
	Duration   time.Duration
	AllocBytes uint64 // bytes allocated on the heap
	Allocs     uint64 // heap objects allocated
}

// allocSamples are the cumulative heap allocation counters, read at each phase's start
// and end; unlike runtime.ReadMemStats, reading them does not stop the world.
func allocSamples() []metrics.Sample {
	s := []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}, {Name: "/gc/heap/allocs:objects"}}
	metrics.Read(s)
	return s
}

// meter measures one phase from its creation to its end.
type meter struct {
	start  time.Time
	allocs []metrics.Sample
}

func startMeter() meter { return meter{time.Now(), allocSamples()} }

func (m meter) end(name string) Phase {
	now := allocSamples()
	return Phase{
		Name:       name,
		Duration:   time.Since(m.start),
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
	res := &Result{}
	phase := func(name string, m meter) {
		res.Phases = append(res.Phases, m.end(name))
	}

	if cfg.Out != "" && holds(cfg.Out, cfg.Src) {
		// Replacing the output folder would delete the sources it holds.
		return res, &PhaseError{"write", fmt.Errorf("output folder %s holds content of the dossier %s, and a build replaces its output folder entirely; choose another -out", cfg.Out, cfg.Src)}
	}
	start := startMeter()
	root, err := os.OpenRoot(cfg.Src)
	if err != nil {
		return res, &PhaseError{"load", err}
	}
	defer root.Close()
	fsys := root.FS() // refuses symbolic links that leave the dossier
	c, problems := content.Load(fsys, content.Config{Drafts: cfg.Drafts})
	res.Problems = problems
	phase("load", start)

	start = startMeter()
	d, problems := idossier.Resolve(c, fsys, idossier.Config{Strict: cfg.Strict})
	res.Problems.Append(problems)
	res.Problems = res.Problems.Sort()
	res.Dossier = d
	phase("resolve", start)
	if err := res.Problems.Err(); err != nil {
		return res, err
	}

	start = startMeter()
	baseURL := d.Site.BaseURL
	if cfg.BaseURL != "" {
		baseURL = cfg.BaseURL
	}
	templates, err := sub(fsys, "templates")
	if err != nil {
		return res, &PhaseError{"render", err}
	}
	rcfg := render.Config{
		Templates: layers{templates, defaults.Templates()},
		BaseURL:   baseURL,
		CSS:       "static/style.css",
	}
	if cfg.Minify {
		rcfg.Finish = site.MinifyFunc()
	}
	r, err := render.New(d, rcfg)
	if err != nil {
		return res, &PhaseError{"render", err}
	}
	pages, err := r.Render(ctx)
	if err != nil {
		return res, &PhaseError{"render", err}
	}
	files := make([]site.File, 0, len(pages))
	for _, p := range pages {
		files = append(files, site.File{Path: p.Path, Data: p.Data})
		if strings.HasSuffix(p.Path, ".html") {
			res.Pages++
		}
	}
	staticDir, err := sub(fsys, "static")
	if err != nil {
		return res, &PhaseError{"render", err}
	}
	static, err := site.Static(layers{staticDir, defaults.Static()}, "static")
	if err != nil {
		return res, &PhaseError{"render", fmt.Errorf("static files: %w", err)}
	}
	if cfg.Minify { // the pages were minified as they were rendered
		if err := site.Minify(static); err != nil {
			return res, &PhaseError{"render", err}
		}
	}
	files = append(files, static...)
	res.Files = files
	phase("render", start)

	if cfg.Out == "" {
		return res, nil
	}
	start = startMeter()
	if err := site.Write(cfg.Out, files); err != nil {
		return res, &PhaseError{"write", err}
	}
	phase("write", start)
	return res, nil
}

// holds reports whether the folder dir is path or one of its parents.
func holds(dir, path string) bool {
	d, err1 := filepath.Abs(dir)
	p, err2 := filepath.Abs(path)
	if err1 != nil || err2 != nil {
		return false
	}
	rel, err := filepath.Rel(d, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
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
