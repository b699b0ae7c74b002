package site

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"golang.org/x/sync/errgroup"
)

// swapRename puts tmp in place of out with two renames, for systems without an atomic
// exchange: out is missing for the moment between them. It returns where the old site
// is now, or "" if there was none.
func swapRename(tmp, out string) (old string, err error) {
	old = filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".old-"+strings.TrimPrefix(filepath.Base(tmp), "."+filepath.Base(out)+".new-"))
	if err := os.Rename(out, old); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return "", os.Rename(tmp, out)
		}
		return "", err
	}
	if err := os.Rename(tmp, out); err != nil {
		os.Rename(old, out)
		return "", err
	}
	return old, nil
}

// removeFiles removes files, on several goroutines: an old site of 40,000 files takes
// seconds to remove one by one, most of it waiting for the file system.
func removeFiles(files []string) {
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0) * 2)
	const chunk = 256
	for i := 0; i < len(files); i += chunk {
		g.Go(func() error {
			for _, f := range files[i:min(i+chunk, len(files))] {
				os.Remove(f) // what stays is reported by the caller's look at the folder
			}
			return nil
		})
	}
	g.Wait()
}
