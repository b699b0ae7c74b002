package serve

import (
	"context"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// sources are the folders of a dossier whose changes the site depends on.
var sources = []string{"seeds", "content", "templates", "static"}

// watcher tells when a dossier's sources change. fsnotify watches single folders, so it
// watches every folder of the sources and adds each new one as it appears; it also watches
// the dossier's root, to notice a templates/ or static/ folder created after the start.
type watcher struct {
	fs   *fsnotify.Watcher
	root string
	logf func(format string, args ...any)
}

func newWatcher(root string, logf func(string, ...any)) (*watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{fs: fw, root: root, logf: logf}
	if err := fw.Add(root); err != nil {
		fw.Close()
		return nil, err
	}
	for _, dir := range sources {
		w.addTree(filepath.Join(root, dir))
	}
	return w, nil
}

func (w *watcher) Close() error { return w.fs.Close() }

// addTree watches dir and every folder below it. A folder that does not exist is no
// error: the root's watch tells when it appears.
func (w *watcher) addTree(dir string) {
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		if p != dir && ignored(d.Name()) {
			return filepath.SkipDir
		}
		if err := w.fs.Add(p); err != nil {
			w.logf("cannot watch %s: %v", p, err)
		}
		return nil
	})
}

// run sends on changed once the sources changed and then stayed quiet for quiet, so that
// an editor's save (a temporary file written, renamed over the old one) costs one build.
// A send that would block is dropped: a build is already due.
func (w *watcher) run(ctx context.Context, quiet time.Duration, changed chan<- struct{}) {
	var timer <-chan time.Time
	var first time.Time
	for {
		select {
		case <-ctx.Done():
			return
		case err, ok := <-w.fs.Errors:
			if !ok {
				return
			}
			w.logf("watching: %v", err)
		case ev, ok := <-w.fs.Events:
			if !ok {
				return
			}
			if !w.relevant(ev) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				w.addTree(ev.Name) // a new folder, or a file, which addTree ignores
			}
			now := time.Now()
			if timer == nil {
				first = now
			}
			// Wait for quiet, but not for ever while something keeps writing.
			wait := min(quiet, max(0, first.Add(10*quiet).Sub(now)))
			timer = time.After(wait)
		case <-timer:
			timer = nil
			select {
			case changed <- struct{}{}:
			default:
			}
		}
	}
}

// relevant reports whether ev may change the site.
func (w *watcher) relevant(ev fsnotify.Event) bool {
	if ev.Op == fsnotify.Chmod { // touch, indexers and virus scanners; contents are the same
		return false
	}
	rel, err := filepath.Rel(w.root, ev.Name)
	if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
		return false
	}
	parts := strings.Split(filepath.ToSlash(rel), "/")
	if !slices.Contains(sources, parts[0]) {
		return false
	}
	return !slices.ContainsFunc(parts, ignored)
}

// ignored reports whether a file or folder name is an editor's or the system's, not the
// dossier's: hidden files, backups and swap files, vim's write test "4913".
func ignored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") || name == "4913" ||
		strings.HasSuffix(name, ".swp") || strings.HasSuffix(name, ".swx") || strings.HasPrefix(name, "#")
}
