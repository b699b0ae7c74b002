package site

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
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
	return os.RemoveAll(old)
}
