package site

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"golang.org/x/sync/errgroup"
)

// swapRename puts tmp in place of out with two renames, for systems without an atomic
// exchange: out is missing for the moment between them.
func swapRename(tmp, out string) error {
	old := filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".old-"+strings.TrimPrefix(filepath.Base(tmp), "."+filepath.Base(out)+".new-"))
	if err := os.Rename(out, old); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return os.Rename(tmp, out)
		}
		return err
	}
	if err := os.Rename(tmp, out); err != nil {
		os.Rename(old, out)
		return err
	}
	return removeTree(old)
}

// removeTree removes the folder dir and everything in it, like os.RemoveAll, with the
// files unlinked on several goroutines: an old site of 40,000 files takes seconds to
// remove one by one, most of it waiting for the file system.
func removeTree(dir string) error {
	var files, dirs []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir():
			dirs = append(dirs, p)
		default:
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return os.RemoveAll(dir)
	}
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0) * 2)
	const chunk = 256
	for i := 0; i < len(files); i += chunk {
		g.Go(func() error {
			for _, f := range files[i:min(i+chunk, len(files))] {
				if err := os.Remove(f); err != nil && !errors.Is(err, fs.ErrNotExist) {
					return err
				}
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return os.RemoveAll(dir)
	}
	for _, d := range slices.Backward(dirs) { // children before their parents
		if err := os.Remove(d); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return os.RemoveAll(dir)
		}
	}
	return nil
}
