// Package site writes a rendered site to its output folder: minified, complete, and put
// in place in one step, so that readers never see a half-written site.
package site

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/svg"
	"golang.org/x/sync/errgroup"

	"dossier/internal/dirfile"
)

// File is a file of the site.
type File struct {
	Path string // relative to the output folder, slash-separated
	Data []byte
}

// minifier returns a minifier for HTML (or html/template sources, with templates), CSS,
// JavaScript and SVG. It keeps document tags, end tags and quotes, so that the output
// stays easy to read and validate.
func minifier(templates bool) *minify.M {
	h := &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepDefaultAttrVals: true}
	if templates {
		h.TemplateDelims = html.GoTemplateDelims
	}
	m := minify.New()
	m.Add("text/html", h)
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("application/javascript", js.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	return m
}

var (
	fileMinifier     = minifier(false)
	templateMinifier = minifier(true)
)

// MinifyTemplate minifies the source of an html/template file, leaving its actions as
// they are: the pages it makes come out minified, but for what the actions insert.
func MinifyTemplate(name string, src []byte) ([]byte, error) {
	out, err := templateMinifier.Bytes("text/html", src)
	if err != nil {
		return nil, fmt.Errorf("minify %s: %w", name, err)
	}
	return out, nil
}

var mediaTypes = map[string]string{
	".html": "text/html", ".css": "text/css", ".js": "application/javascript", ".svg": "image/svg+xml",
}

// Minify minifies the files whose type it knows (the static files: pages are minified by
// their templates).
func Minify(files []File) error {
	for i, f := range files {
		mt, ok := mediaTypes[path.Ext(f.Path)]
		if !ok {
			continue
		}
		out, err := fileMinifier.Bytes(mt, f.Data)
		if err != nil {
			return fmt.Errorf("minify %s: %w", f.Path, err)
		}
		files[i].Data = out
	}
	return nil
}

// Static returns the files of fsys (the static folder), under prefix.
func Static(fsys fs.FS, prefix string) ([]File, error) {
	var files []File
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return fmt.Errorf("%s: %w", path.Join(prefix, p), err)
		}
		files = append(files, File{path.Join(prefix, p), data})
		return nil
	})
	return files, err
}

// Write puts files into the folder out as a complete new site. It writes them into a new
// folder beside out, then swaps that folder into place; the previous site is removed only
// after that. If anything fails, out is left as it was.
func Write(out string, files []File) error {
	w, err := NewWriter(out)
	if err != nil {
		return err
	}
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0) * 2)
	for _, f := range files {
		g.Go(func() error { return w.Write(f.Path, f.Data) })
	}
	if err := g.Wait(); err != nil {
		w.Abort()
		return err
	}
	return w.Commit()
}

// A Writer writes a new site, file by file as the files are made, into a folder beside
// its output folder, and puts it in place of the old site in one step when committed.
// Until then the old site stays as it was; a Writer that is aborted, or never committed
// because the process died, leaves only a hidden folder that the next Writer removes.
// Write may be called from several goroutines at once.
type Writer struct {
	out, tmp string
	root     *os.Root

	mu    sync.Mutex
	dirs  map[string]*dirfile.Dir // folders made, each opened once: a file is then created by name, not by walking its path
	paths map[string]bool         // files written
	bytes int64
}

// NewWriter starts a new site for the output folder out. It refuses a folder that holds
// a dossier's sources or files other than an earlier site.
func NewWriter(out string) (*Writer, error) {
	out, err := filepath.Abs(out)
	if err != nil {
		return nil, err
	}
	if err := checkOut(out); err != nil {
		return nil, err
	}
	parent, base := filepath.Split(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	removeStale(parent, base)
	tmp, err := os.MkdirTemp(parent, "."+base+".new-")
	if err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(tmp)
	if err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	return &Writer{out: out, tmp: tmp, root: root, dirs: map[string]*dirfile.Dir{}, paths: map[string]bool{}}, nil
}

// Write writes one file of the new site; path is slash-separated and relative to the
// output folder. Writing a path twice, or a path that leaves the folder, is an error.
func (w *Writer) Write(name string, data []byte) error {
	if !fs.ValidPath(name) || name == "." {
		return fmt.Errorf("refusing to write %q: not a path inside the output folder", name)
	}
	w.mu.Lock()
	if w.paths[name] {
		w.mu.Unlock()
		return fmt.Errorf("two files would be written to %s", name)
	}
	w.paths[name] = true
	w.bytes += int64(len(data))
	dir := path.Dir(name)
	var err error
	d := w.dirs[dir]
	if d == nil {
		// Under the lock: a folder is made once, before any file in it is written.
		if err = w.root.MkdirAll(dir, 0o755); err == nil {
			d, err = dirfile.Open(w.root, dir)
		}
		if err == nil {
			w.dirs[dir] = d
		}
	}
	w.mu.Unlock()
	if err != nil {
		return err
	}
	return d.WriteFile(path.Base(name), data, 0o644)
}

// Files returns the number of files and bytes written so far.
func (w *Writer) Files() (n int, bytes int64) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return len(w.paths), w.bytes
}

// close closes the folders opened for writing.
func (w *Writer) close() {
	for _, d := range w.dirs {
		d.Close()
	}
	w.root.Close()
}

// Commit puts the new site in place of the old one, which it then removes.
func (w *Writer) Commit() error {
	w.close()
	if err := os.Chmod(w.tmp, 0o755); err != nil {
		os.RemoveAll(w.tmp)
		return err
	}
	if err := swap(w.tmp, w.out); err != nil {
		os.RemoveAll(w.tmp)
		return err
	}
	return nil
}

// Abort removes what was written; the old site stays.
func (w *Writer) Abort() {
	w.close()
	os.RemoveAll(w.tmp)
}

// checkOut refuses an output folder that holds a dossier's sources: replacing it would
// delete them.
func checkOut(out string) error {
	info, err := os.Stat(out)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !info.IsDir() {
		return fmt.Errorf("output %s is a file, not a folder; remove it or choose another -out", out)
	}
	for _, name := range []string{"content", "seeds", ".git", "go.mod"} {
		if _, err := os.Stat(filepath.Join(out, name)); err == nil {
			return fmt.Errorf("output folder %s holds %s, so it is not a build output: the build replaces its output folder entirely; choose another -out", out, name)
		}
	}
	// A folder of other files (say ~/Documents) would be replaced as a whole: only an
	// empty folder or an earlier site, which has an index.html, may be.
	entries, err := os.ReadDir(out)
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(out, "index.html")); len(entries) > 0 && err != nil {
		return fmt.Errorf("output folder %s is not empty and holds no index.html, so it is not an earlier site: the build would replace it entirely; empty it or choose another -out", out)
	}
	return nil
}

// removeStale removes what a build that was killed left beside out.
func removeStale(parent, base string) {
	for _, pattern := range []string{"." + base + ".new-*", "." + base + ".old-*"} {
		matches, _ := filepath.Glob(filepath.Join(parent, pattern))
		for _, m := range matches {
			os.RemoveAll(m)
		}
	}
}

// Equal reports whether the folder dir holds exactly files, for tests.
func Equal(dir string, files []File) error {
	want := map[string][]byte{}
	for _, f := range files {
		want[f.Path] = f.Data
	}
	seen := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		w, ok := want[rel]
		if !ok {
			return fmt.Errorf("%s: not expected", rel)
		}
		if !bytes.Equal(w, data) {
			return fmt.Errorf("%s: content differs", rel)
		}
		seen++
		return nil
	})
	if err == nil && seen != len(want) {
		err = fmt.Errorf("%d files missing", len(want)-seen)
	}
	return err
}
