package build

import (
	"errors"
	"io/fs"
	"slices"
)

// layers is a union of file systems: the first that has a file wins. It lets a dossier
// override any default template or static file by putting one of the same name in its
// own folder.
type layers []fs.FS

func (l layers) Open(name string) (fs.File, error) {
	for _, f := range l {
		file, err := f.Open(name)
		if err == nil {
			st, serr := file.Stat()
			if serr == nil && st.IsDir() && name != "." {
				file.Close()
				continue // directories are listed by ReadDir, across layers
			}
			if serr == nil && !st.IsDir() {
				return file, nil
			}
			if name == "." {
				return file, nil
			}
			file.Close()
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// ReadDir merges the entries of name in every layer.
func (l layers) ReadDir(name string) ([]fs.DirEntry, error) {
	seen := map[string]bool{}
	var out []fs.DirEntry
	found := false
	for _, f := range l {
		entries, err := fs.ReadDir(f, name)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			return nil, err
		}
		found = true
		for _, e := range entries {
			if !seen[e.Name()] {
				seen[e.Name()] = true
				out = append(out, e)
			}
		}
	}
	if !found {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	slices.SortFunc(out, func(a, b fs.DirEntry) int {
		switch {
		case a.Name() < b.Name():
			return -1
		case a.Name() > b.Name():
			return 1
		}
		return 0
	})
	return out, nil
}
