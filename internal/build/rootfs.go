package build

import (
	"io/fs"
	"os"
	"path"
	"sync"

	"dossier/internal/dirfile"
)

// folderFS is the dossier's folder as os.Root.FS has it: it refuses symbolic links that
// leave the dossier. It differs in one way: it opens each folder of the files it opens
// once. os.Root opens every folder on a file's path for each file, so that reading the
// 30,000 notes of content/notes took three opens and closes each. A file is opened in
// its folder without following a link; a link is left to the root.
type folderFS struct {
	root  *os.Root
	fs.FS // root.FS(), which answers everything but Open

	mu      sync.Mutex
	folders map[string]*dirfile.Dir // nil for a folder that could not be opened
}

func newFolderFS(root *os.Root) *folderFS {
	return &folderFS{root: root, FS: root.FS(), folders: map[string]*dirfile.Dir{}}
}

// Open opens name in its folder. If that fails, the root opens it, with its own error or
// its own way through a link that leaves the folder but not the dossier.
func (f *folderFS) Open(name string) (fs.File, error) {
	if dir, file := path.Split(name); dir != "" && fs.ValidPath(name) {
		if folder := f.folder(dir[:len(dir)-1]); folder != nil {
			if file, err := folder.Open(file); err == nil {
				return file, nil
			}
		}
	}
	return f.FS.Open(name)
}

// ReadDir lists the folder name, opened as Open opens a file's folder.
func (f *folderFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if fs.ValidPath(name) && name != "." {
		if folder := f.folder(name); folder != nil {
			return folder.ReadDir()
		}
	}
	return fs.ReadDir(f.FS, name)
}

func (f *folderFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(f.FS, name) }

func (f *folderFS) folder(dir string) *dirfile.Dir {
	f.mu.Lock()
	defer f.mu.Unlock()
	folder, ok := f.folders[dir]
	if !ok {
		folder, _ = dirfile.Open(f.root, dir)
		f.folders[dir] = folder
	}
	return folder
}

// close closes the folders opened.
func (f *folderFS) close() {
	for _, folder := range f.folders {
		if folder != nil {
			folder.Close()
		}
	}
}
