// Package serve is the editors' live preview: it builds a dossier, serves the site from
// memory, rebuilds it whenever a source changes, and reloads the pages open in a browser.
//
// The site is built exactly as `dossier build` builds it, but never written: the server
// keeps the last good build in memory and adds a small script to each HTML page on the way
// out (scriptPath), which listens for server-sent events (eventsPath) and reloads the page
// when a build changed what the server shows. While the dossier does not build, every HTML
// page is replaced by an error page listing each problem as path:line:col: message; the
// last good version of a page stays one click away (?letzter-stand), and stylesheets and
// images keep being served from it. Fixing the file brings the page back by itself.
//
// A rebuild is a build of a build.Session: it loads and resolves again only what changed,
// and renders a page when a browser asks for it, so that a save shows in a large dossier
// as fast as in a small one (BenchmarkSaveToPage measures the whole way from a save to
// the updated page). Every page comes out as `dossier build` writes it.
//
// With Config.Edit, the article pages also get a script and a stylesheet of the server's
// own (annotate.js, annotate.css) with which an editor annotates what they read: select a
// passage, write a note, an event or a new name of an actor; change or remove a note. The
// script calls the server's endpoints (editPrefix), which write the files as `dossier new`
// does (package edit), and the save reloads the page as any other does. Neither the
// script nor the endpoints are ever part of a build.
package serve

import (
	"context"
	"errors"
	"fmt"
	"html/template"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"sync/atomic"
	"time"

	"dossier/internal/build"
)

// Config says what to serve.
type Config struct {
	// Build is the build to run on every change. Out is ignored: the server writes nothing.
	Build build.Config
	// Quiet is how long the sources must stay unchanged before a rebuild starts, so that
	// an editor's save, often several file operations, costs one build. Default 10ms:
	// the operations of one save follow each other within a millisecond.
	Quiet time.Duration
	// Log receives a line per build and the problems of a failed one; nil discards them.
	Log io.Writer
	// Edit lets editors annotate in the browser: select a passage of an article, write a
	// note, an event or an actor, change or remove a note; the server writes the files
	// into content/ (see editor for how it refuses anyone else).
	Edit bool
}

// Server is a preview. Make one with New and run it once with Run.
type Server struct {
	cfg     Config
	sess    *build.Session
	cur     *current
	errPage *template.Template
	done    chan struct{}          // closed on shutdown, to end the event streams
	edit    atomic.Pointer[editor] // nil while editing is off
}

// New returns a server for cfg.
func New(cfg Config) *Server {
	if cfg.Quiet <= 0 {
		cfg.Quiet = 10 * time.Millisecond
	}
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	cfg.Build.Out = ""
	return &Server{cfg: cfg, sess: build.NewSession(cfg.Build), cur: newCurrent(time.Now()), errPage: parseErrorPage(), done: make(chan struct{})}
}

// Run builds the dossier and serves it on ln, rebuilding on every change, until ctx is
// done; then it shuts down cleanly and returns nil. It closes ln.
func (s *Server) Run(ctx context.Context, ln net.Listener) error {
	defer ln.Close()
	root, err := filepath.Abs(s.cfg.Build.Src)
	if err != nil {
		return err
	}
	if s.cfg.Edit {
		e, err := newEditor(s.cfg.Build.Src, ln.Addr())
		if err != nil {
			return err
		}
		s.edit.Store(e)
	}
	// Watch before the first build, so that nothing saved during it goes unnoticed.
	w, err := newWatcher(root, s.logf)
	if err != nil {
		return fmt.Errorf("watching %s: %w", root, err)
	}
	defer w.Close()
	s.rebuild(ctx)

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	changed := make(chan struct{}, 1)
	watching := make(chan struct{})
	go func() {
		defer close(watching)
		w.run(ctx, s.cfg.Quiet, changed)
	}()
	building := make(chan struct{})
	go func() {
		defer close(building)
		for {
			select {
			case <-ctx.Done():
				return
			case <-changed:
				s.rebuild(ctx)
			}
		}
	}()

	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	srv.RegisterOnShutdown(func() { close(s.done) })
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	select {
	case err = <-served:
	case <-ctx.Done():
		shutdown, stop := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer stop()
		err = srv.Shutdown(shutdown)
		if e := <-served; !errors.Is(e, http.ErrServerClosed) && err == nil {
			err = e
		}
	}
	cancel()
	<-watching
	<-building
	return err
}

// rebuild builds the dossier and shows the outcome.
func (s *Server) rebuild(ctx context.Context) {
	start := time.Now()
	res, site, err := s.sess.Build()
	if ctx.Err() != nil {
		return // shutting down; the outcome is of no interest
	}
	took := time.Since(start).Round(time.Millisecond)
	if err != nil {
		f := failureOf(res.Problems, res.Dossier, err, time.Now())
		if s.cur.fail(f) {
			for _, p := range f.Problems.Errors() {
				s.logf("%s", p)
			}
			if f.Err != "" {
				s.logf("%s", f.Err)
			}
			s.logf("build failed after %v; the browser shows the errors", took)
		}
		return
	}
	s.cur.succeed(site, res.Dossier)
	warnings := fmt.Sprintf("%d warnings", len(res.Problems.Warnings()))
	if len(res.Problems.Warnings()) == 1 {
		warnings = "1 warning"
	}
	s.logf("built in %v; %s (dossier check lists them)", took, warnings)
}

// editor returns editing in the browser, or nil if it is off.
func (s *Server) editor() *editor { return s.edit.Load() }

func (s *Server) logf(format string, args ...any) {
	fmt.Fprintf(s.cfg.Log, "dossier: "+format+"\n", args...)
}
