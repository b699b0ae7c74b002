//go:build !linux

package dirfile

import (
	"io/fs"
	"os"
)

// Dir is an open folder.
type Dir struct{ root *os.Root }

// Open opens the folder name of root.
func Open(root *os.Root, name string) (*Dir, error) {
	r, err := root.OpenRoot(name)
	if err != nil {
		return nil, err
	}
	return &Dir{root: r}, nil
}

// Close closes the folder; files opened in it stay open.
func (d *Dir) Close() error { return d.root.Close() }

// ReadDir returns the folder's entries sorted by name.
func (d *Dir) ReadDir() ([]fs.DirEntry, error) { return fs.ReadDir(d.root.FS(), ".") }

// Open opens the file name of the folder for reading.
func (d *Dir) Open(name string) (fs.File, error) {
	if err := checkName("open", name); err != nil {
		return nil, err
	}
	if st, err := d.root.Lstat(name); err == nil && st.Mode()&fs.ModeSymlink != 0 {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	return d.root.Open(name)
}

// WriteFile writes data to the file name of the folder, which it creates, or empties if
// it is there, with the permissions perm.
func (d *Dir) WriteFile(name string, data []byte, perm fs.FileMode) error {
	if err := checkName("open", name); err != nil {
		return err
	}
	return d.root.WriteFile(name, data, perm)
}
