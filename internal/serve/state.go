package serve

import (
	"errors"
	"fmt"
	"slices"

	"sync"
	"time"

	"dossier/internal/build"
	"dossier/internal/diag"
	idossier "dossier/internal/dossier"
)

// state is what the server shows: the last site that built, and the failure of the latest
// build if it failed. Both stay until a build replaces them, so an editor who breaks a
// file keeps the rest of the site to look at.
type state struct {
	version string            // changes whenever what the server shows changes
	site    *build.Site       // the last good site; nil before the first success
	dossier *idossier.Dossier // the model of site, which edits are checked against
	failure *failure          // nil when the latest build succeeded
}

// failure is why the latest build failed.
type failure struct {
	Problems diag.List // every error and warning with its position, sorted
	Err      string    // a failure without positions (a broken template), or ""
	At       time.Time
	Dossier  *idossier.Dossier // what the failed build read, if it got so far: its language
}

// current holds the state behind a lock and tells waiters when it changes.
type current struct {
	mu      sync.Mutex
	st      state
	changed chan struct{} // closed, and replaced, at every change
	epoch   string        // tells this server's versions from an earlier run's
	n       int
}

func newCurrent(now time.Time) *current {
	return &current{changed: make(chan struct{}), epoch: fmt.Sprintf("%x", now.UnixNano())}
}

// get returns the state and a channel that is closed when it next changes.
func (c *current) get() (state, <-chan struct{}) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.st, c.changed
}

// succeed shows site, built from the model d.
func (c *current) succeed(site *build.Site, d *idossier.Dossier) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.bump(state{site: site, dossier: d})
}

// fail shows the failure f in front of the last good site, and reports whether anything
// changed: saving a file again without fixing it does not reload the page.
func (c *current) fail(f *failure) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if old := c.st.failure; old != nil && old.Err == f.Err && slices.Equal(old.Problems, f.Problems) && localeOf(old.Dossier) == localeOf(f.Dossier) {
		return false
	}
	c.bump(state{site: c.st.site, dossier: c.st.dossier, failure: f})
	return true
}

func (c *current) bump(st state) {
	c.n++
	st.version = fmt.Sprintf("%s-%d", c.epoch, c.n)
	c.st = st
	close(c.changed)
	c.changed = make(chan struct{})
}

// failureOf turns what build.Run returned into a failure.
func failureOf(problems diag.List, d *idossier.Dossier, err error, at time.Time) *failure {
	f := &failure{Problems: problems, At: at, Dossier: d}
	var list diag.List
	if !errors.As(err, &list) {
		f.Err = err.Error()
	}
	return f
}
