package content

import (
	"io/fs"
	"sync"
	"time"

	"dossier/internal/diag"
)

// Cache keeps the files of one dossier parsed between loads, for a caller that loads it
// again and again, as the preview server does after every save. A load with a cache
// stats every file, as it lists the folders, and reads and parses only those whose size
// or modification time changed since the previous load with the same cache; the others
// are the same records as before, problems included. The records are never changed after
// a load, so a model built from the previous load may still be read while the next runs.
//
// Loads with one Cache take turns. The cache keeps only the files of the latest load.
type Cache struct {
	mu    sync.Mutex
	files map[string]*cached // by path
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{} }

// cached is one file as a load read it.
type cached struct {
	stamp stamp
	rec   any // *Site, *Article, …, or nil if the file could not be read
	errs  diag.List
}

// stamp is what tells that a file changed without reading it.
type stamp struct {
	size int64
	mod  time.Time
	ok   bool // the file was stat'ed, and long enough after it changed
}

// racyWindow is how long after its modification time a file is not trusted to stay the
// same while it keeps the time: a file system keeps times at some granularity (ext4 the
// kernel's clock tick, FAT two seconds), and a file written twice within one tick, to
// the same size, would look unchanged. Such a file is read again by the next load, as
// git does with its racily clean index entries.
const racyWindow = 2 * time.Second

// stampOf returns the stamp of info, taken no earlier than start.
func stampOf(info fs.FileInfo, start time.Time) stamp {
	mod := info.ModTime()
	return stamp{size: info.Size(), mod: mod, ok: mod.Before(start.Add(-racyWindow))}
}

// unchanged reports whether a file stamped s is the one stamped old.
func (s stamp) unchanged(old stamp) bool {
	return s.ok && old.ok && s.size == old.size && s.mod.Equal(old.mod)
}
