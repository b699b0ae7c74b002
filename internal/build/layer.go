package build

import (
	"errors"
	"io/fs"
	"slices"
	"strings"
)

// layers is a union of file systems: the first that has a file wins. It lets a dossier
// override any default template or static file by putting one of the same name in its
// own folder. Folders are merged: ReadDir lists the entries of every layer.
type layers []fs.FS

func (l layers) Open(name string) (fs.File, error) {
	for _, f := range l {
		st, err := fs.Stat(f, name)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			continue
		case err != nil:
			return nil, err
		case st.IsDir() && name != ".":
			continue // a folder is listed by ReadDir, across the layers
		}
		return f.Open(name)
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// ReadDir merges the entries of name in every layer; a name in an earlier layer hides
// the same name in later ones.
func (l layers) ReadDir(name string) ([]fs.DirEntry, error) {
	seen := map[string]bool{}
	var out []fs.DirEntry
	found := false
	for _, f := range l {
		entries, err := fs.ReadDir(f, name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
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
	slices.SortFunc(out, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return out, nil
}
