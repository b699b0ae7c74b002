// Package stamp tells whether a file changed since it was last read, from its size and
// modification time, without reading it.
package stamp

import (
	"io/fs"
	"time"
)

// Stamp is what tells that a file changed without reading it. The zero Stamp matches
// nothing.
type Stamp struct {
	size int64
	mod  time.Time
	ok   bool // the file was stat'ed, and long enough after it changed
}

// racyWindow is how long after its modification time a file is not trusted to stay the
// same while it keeps the time: a file system keeps times at some granularity (ext4 the
// kernel's clock tick, FAT two seconds), and a file written twice within one tick, to
// the same size, would look unchanged. Such a file is read again the next time, as git
// does with its racily clean index entries.
const racyWindow = 2 * time.Second

// Of returns the stamp of info, taken no earlier than start.
func Of(info fs.FileInfo, start time.Time) Stamp {
	mod := info.ModTime()
	return Stamp{size: info.Size(), mod: mod, ok: mod.Before(start.Add(-racyWindow))}
}

// Unchanged reports whether a file stamped s is the one stamped old.
func (s Stamp) Unchanged(old Stamp) bool {
	return s.ok && old.ok && s.size == old.size && s.mod.Equal(old.mod)
}
