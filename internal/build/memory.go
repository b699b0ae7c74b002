package build

import (
	"os"
	"runtime/debug"
)

// heapLimit is the heap a build aims to stay under unless GOMEMLIMIT says otherwise: a
// build allocates gigabytes for a large dossier but keeps far less, and collecting its
// garbage when the heap nears this limit, rather than when it has doubled, keeps a
// 10,000-article build under 1 GB for a tenth more CPU time. A dossier that needs more
// than this simply gets it, with more frequent collections.
const heapLimit = 850 << 20

// gcPercent lets the heap grow to four times what it keeps before a collection, not
// twice: while a build loads and resolves, its heap grows from nothing to the model, and
// at the default a 10,000-article build collected 17 times on the way, marking the growing
// model over and over. Once the model is in, heapLimit decides.
const gcPercent = 300

// LimitMemory sets the garbage collector of the process for builds, to heapLimit and
// gcPercent, where the environment (GOMEMLIMIT, GOGC) does not set it. It returns a
// function that puts back what it changed.
func LimitMemory() (restore func()) {
	var undo []func()
	if os.Getenv("GOMEMLIMIT") == "" {
		limit := debug.SetMemoryLimit(heapLimit)
		undo = append(undo, func() { debug.SetMemoryLimit(limit) })
	}
	if os.Getenv("GOGC") == "" {
		percent := debug.SetGCPercent(gcPercent)
		undo = append(undo, func() { debug.SetGCPercent(percent) })
	}
	return func() {
		for _, f := range undo {
			f()
		}
	}
}
