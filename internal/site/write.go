// Package site writes a rendered site to its output folder: minified, complete, and put
// in place in one step, so that readers never see a half-written site.
package site

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"

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
func Write(out string, files []File, sources ...string) error {
	w, err := NewWriter(out, sources...)
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
// because the process died, leaves only a hidden folder marked as its own, which the next
// Writer removes. Write may be called from several goroutines at once.
//
// A Writer removes only what a build wrote. Every site it commits holds a manifest
// (ManifestName) listing its files; an existing output folder is replaced only if its
// manifest lists everything in it, or, once, if it has no manifest but holds only files
// that the new site has too (a site of a version before the manifest). Removing the old
// site after the swap again removes only the files its manifest lists.
type Writer struct {
	out, tmp string // out resolved: a symbolic link's target
	root     *os.Root

	old        map[string]int64 // the files of the site being replaced, by path, with their sizes
	oldMade    time.Time        // when they were written, at the latest
	legacy     bool             // the site being replaced has no manifest: its files are checked on Commit
	oldEntries []entry          // what it holds, then
	removed    []string         // what Commit could not remove, since it is not the build's

	mu    sync.Mutex
	dirs  map[string]*dirfile.Dir // folders made, each opened once: a file is then created by name, not by walking its path
	paths map[string]int64        // files written, with their sizes
	bytes int64
}

// NewWriter starts a new site for the output folder out. If out is a symbolic link, the
// site replaces the folder it points to and the link stays. NewWriter refuses an output
// folder that holds anything an earlier build did not write, that holds or lies inside one
// of sources (the folders the build reads), or that holds the working or home folder.
func NewWriter(out string, sources ...string) (*Writer, error) {
	if err := CheckPathFlag("out", out); err != nil {
		return nil, err
	}
	out, err := resolve(out)
	if err != nil {
		return nil, err
	}
	if err := guard(out, sources); err != nil {
		return nil, err
	}
	w := &Writer{out: out, dirs: map[string]*dirfile.Dir{}, paths: map[string]int64{}}
	if err := w.checkOld(); err != nil {
		return nil, err
	}
	return w, nil
}

// start makes the folder the new site is written into, beside the output folder, when the
// first file is written: a build that fails before it leaves nothing behind. It is called
// with w.mu held.
func (w *Writer) start() error {
	if w.root != nil {
		return nil
	}
	parent, base := filepath.Split(w.out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	removeStale(parent, base)
	tmp, err := os.MkdirTemp(parent, "."+base+".new-")
	if err != nil {
		return err
	}
	// The mark that makes the folder the build's, for the next build to remove if this
	// one is killed.
	mark := &manifest{Version: toolVersion(), Temp: filepath.Base(tmp)}
	if err := os.WriteFile(filepath.Join(tmp, ManifestName), mark.bytes(), 0o644); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	root, err := os.OpenRoot(tmp)
	if err != nil {
		os.RemoveAll(tmp)
		return err
	}
	w.tmp, w.root = tmp, root
	return nil
}

// legacyCore are files that every site has had since the first versions, before the
// manifest: a folder without a manifest is taken for such a site only if it has them all
// (and, on Commit, only files the new site has too).
var legacyCore = []string{"index.html", "404.html", "atom.xml"}

// hasAll reports whether entries hold a file for each of paths.
func hasAll(entries []entry, paths []string) bool {
	n := 0
	for _, e := range entries {
		if !e.dir && slices.Contains(paths, e.rel) {
			n++
		}
	}
	return n == len(paths)
}

// checkOld looks at what is at the output folder now, and refuses it unless a build may
// replace it.
func (w *Writer) checkOld() error {
	info, err := os.Lstat(w.out)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case !info.IsDir():
		return fmt.Errorf("output %s is a file, not a folder; remove it or choose another -out", w.out)
	}
	for _, name := range []string{"content", "seeds", ".git", "go.mod"} {
		if _, err := os.Lstat(filepath.Join(w.out, name)); err == nil {
			return fmt.Errorf("output folder %s holds %s, so it is not a build output: the build replaces its output folder entirely; choose another -out", w.out, name)
		}
	}
	m, err := readManifest(w.out)
	if err != nil {
		return fmt.Errorf("%w; delete the folder if dossier wrote it, or choose another -out", err)
	}
	entries, err := scan(w.out)
	if err != nil {
		return err
	}
	if m == nil {
		if len(entries) == 0 {
			return nil
		}
		if !hasAll(entries, legacyCore) {
			var top []string
			for _, e := range entries {
				if !strings.Contains(e.rel, "/") {
					top = append(top, e.rel)
				}
			}
			return notOurs(w.out, top, "")
		}
		// Perhaps a site of a version before the manifest: Commit compares its files
		// with the new site's.
		w.legacy, w.oldEntries, w.oldMade = true, entries, time.Now()
		return nil
	}
	if m.Temp != "" {
		return fmt.Errorf("%s is a build's temporary folder; delete it or choose another -out", w.out)
	}
	old, foreign := owned(m, m.Written, entries)
	if len(foreign) > 0 {
		return notOurs(w.out, foreign, "")
	}
	w.old, w.oldMade = old, m.Written
	return nil
}

// Write writes one file of the new site; path is slash-separated and relative to the
// output folder. Writing a path twice, or a path that leaves the folder, is an error.
func (w *Writer) Write(name string, data []byte) error {
	if !fs.ValidPath(name) || name == "." {
		return fmt.Errorf("refusing to write %q: not a path inside the output folder", name)
	}
	if name == ManifestName {
		return fmt.Errorf("refusing to write %s: the name of the site's manifest", name)
	}
	if strings.IndexFunc(name, unicode.IsControl) >= 0 {
		return fmt.Errorf("refusing to write %q: a control character in a file name", name)
	}
	w.mu.Lock()
	if _, dup := w.paths[name]; dup {
		w.mu.Unlock()
		return fmt.Errorf("two files would be written to %s", name)
	}
	if err := w.start(); err != nil {
		w.mu.Unlock()
		return err
	}
	w.paths[name] = int64(len(data))
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

// Kept returns what Commit left of the old site because the build had not written it
// (a file put there during the build), each as a path beside the output folder.
func (w *Writer) Kept() []string { return w.removed }

// close closes the folders opened for writing.
func (w *Writer) close() {
	for _, d := range w.dirs {
		d.Close()
	}
	if w.root != nil {
		w.root.Close()
	}
}

// Commit puts the new site in place of the old one, which it then removes.
func (w *Writer) Commit() error {
	w.mu.Lock()
	err := w.start() // a site of no files is a site too
	w.mu.Unlock()
	if err != nil {
		return err
	}
	w.close()
	fail := func(err error) error {
		os.RemoveAll(w.tmp)
		return err
	}
	if w.legacy {
		// The old site's files are the build's if the new site has each of them.
		m := &manifest{Files: maps.Clone(w.paths)}
		for _, e := range w.oldEntries {
			if _, ok := m.Files[e.rel]; ok && !e.dir {
				m.Files[e.rel] = e.info.Size()
			}
		}
		var foreign []string
		w.old, foreign = owned(m, w.oldMade, w.oldEntries)
		if len(foreign) > 0 {
			return fail(notOurs(w.out, foreign, fmt.Sprintf("(%s has no %s: if an older dossier wrote it, delete it once)", w.out, ManifestName)))
		}
		// The old site becomes the build's own, so that if the process dies after the
		// swap the next build may remove it.
		mark := &manifest{Version: toolVersion(), Files: w.old}
		if err := os.WriteFile(filepath.Join(w.out, ManifestName), mark.bytes(), 0o644); err != nil {
			return fail(err)
		}
	}
	m := &manifest{Version: toolVersion(), Files: w.paths}
	if err := os.WriteFile(filepath.Join(w.tmp, ManifestName), m.bytes(), 0o644); err != nil {
		return fail(err)
	}
	if err := os.Chmod(w.tmp, 0o755); err != nil {
		return fail(err)
	}
	old, err := swap(w.tmp, w.out)
	if err != nil {
		return fail(err)
	}
	if old != "" {
		w.removed = removeOwned(old, w.old, w.oldMade)
	}
	return nil
}

// Abort removes what was written; the old site stays.
func (w *Writer) Abort() {
	w.close()
	if w.tmp != "" {
		os.RemoveAll(w.tmp)
	}
}

// removeStale removes what a build that was killed left beside out: folders named as a
// build names them and marked by its manifest, and of those only what the manifest says
// the build wrote.
func removeStale(parent, base string) {
	for _, pattern := range []string{"." + base + ".new-*", "." + base + ".old-*"} {
		matches, _ := filepath.Glob(filepath.Join(parent, pattern))
		for _, dir := range matches {
			info, err := os.Lstat(dir)
			if err != nil || !info.IsDir() {
				continue
			}
			m, err := readManifest(dir)
			if err != nil || m == nil {
				continue // not the build's
			}
			if m.Temp == filepath.Base(dir) {
				os.RemoveAll(dir) // a build's temporary folder: all of it the build's
				continue
			}
			if m.Temp == "" {
				removeOwned(dir, m.Files, m.Written)
			}
		}
	}
}

// removeOwned removes from the folder dir the files of files (paths and sizes) not changed
// after made, its manifest, and then the folders left empty, dir too; it returns what it
// left.
func removeOwned(dir string, files map[string]int64, made time.Time) (kept []string) {
	entries, err := scan(dir)
	if err != nil {
		return []string{dir}
	}
	var remove, dirs []string
	for _, e := range entries {
		p := filepath.Join(dir, filepath.FromSlash(e.rel))
		switch size, ok := files[e.rel]; {
		case e.dir:
			dirs = append(dirs, p)
		case ok && e.info.Mode().IsRegular() && e.info.Size() == size && !e.info.ModTime().After(made):
			remove = append(remove, p)
		default:
			kept = append(kept, p)
		}
	}
	removeFiles(remove)
	// The manifest goes in any case: what is left is no longer a site of the build's,
	// and no later build touches it.
	os.Remove(filepath.Join(dir, ManifestName))
	for _, d := range slices.Backward(dirs) { // children before their parents; a folder that is not empty stays
		os.Remove(d)
	}
	if err := os.Remove(dir); err != nil && !errors.Is(err, fs.ErrNotExist) && len(kept) == 0 {
		return []string{dir}
	}
	return kept
}

// Equal reports whether the folder dir holds exactly files and a manifest that lists
// them, for tests. Files read from a site hold its manifest; it is then compared too.
func Equal(dir string, files []File) error {
	want := map[string][]byte{}
	sizes := map[string]int64{}
	for _, f := range files {
		want[f.Path] = f.Data
		if f.Path != ManifestName {
			sizes[f.Path] = int64(len(f.Data))
		}
	}
	m, err := readManifest(dir)
	switch {
	case err != nil:
		return err
	case m == nil:
		return fmt.Errorf("no %s", ManifestName)
	case !maps.Equal(m.Files, sizes):
		return fmt.Errorf("%s lists %d files, not the %d expected", ManifestName, len(m.Files), len(sizes))
	}
	if _, ok := want[ManifestName]; !ok {
		want[ManifestName] = nil // there, and not compared
	}
	seen := 0
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		w, ok := want[rel]
		if !ok {
			return fmt.Errorf("%s: not expected", rel)
		}
		seen++
		if w == nil && rel == ManifestName {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if !bytes.Equal(w, data) {
			return fmt.Errorf("%s: content differs", rel)
		}
		return nil
	})
	if err == nil && seen != len(want) {
		err = fmt.Errorf("%d files missing", len(want)-seen)
	}
	return err
}
