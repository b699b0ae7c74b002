package content

import (
	"sync"

	"dossier/internal/diag"
	"dossier/internal/stamp"
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
	// language is the dossier's language at the previous load, the default of its
	// articles' language.
	language string
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{} }

// cached is one file as a load read it.
type cached struct {
	stamp stamp.Stamp
	rec   any // *Site, *Article, …, or nil if the file could not be read
	errs  diag.List
}
