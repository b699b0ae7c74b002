package build

import (
	"strings"
	"sync"
	"sync/atomic"
)

// Progress is how far a build has come, for a progress line: the phase it is in and, while
// it renders, the pages rendered of all. It is safe for concurrent use; a nil Progress
// records nothing.
type Progress struct {
	mu    sync.Mutex
	phase string
	done  atomic.Int64
	total atomic.Int64
}

// Now returns the phase and, in the render phase, the files made and the files to make.
func (p *Progress) Now() (phase string, done, total int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.phase, int(p.done.Load()), int(p.total.Load())
}

func (p *Progress) start(phase string, total int) {
	if p == nil {
		return
	}
	p.mu.Lock()
	p.phase = phase
	p.done.Store(0)
	p.total.Store(int64(total))
	p.mu.Unlock()
}

// add counts the file at path if it is a page.
func (p *Progress) add(path string) {
	if p != nil && strings.HasSuffix(path, ".html") {
		p.done.Add(1)
	}
}

// SetProgress puts p in phase with done of total pages, for tests of what shows it.
func SetProgress(p *Progress, phase string, done, total int) {
	p.start(phase, total)
	p.done.Store(int64(done))
}
