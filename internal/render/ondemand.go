package render

import (
	"bytes"
	"fmt"
	"io/fs"
	"sync"
)

// OnDemand renders the files of a dossier one at a time, when they are asked for, and keeps
// each once rendered: the preview renders the pages a browser shows, not the whole site.
// A file comes out exactly as Render makes it: both run the same code on the same model.
// OnDemand is safe for concurrent use.
type OnDemand struct {
	r    *Renderer
	jobs map[string]job

	mu    sync.Mutex
	pages map[string][]byte

	indexOnce sync.Once
	index     map[string][]byte // the search index and Renderer.lastFiles
	indexErr  error
}

// OnDemand returns the site of r, with nothing rendered yet.
func (r *Renderer) OnDemand() *OnDemand {
	s := &OnDemand{r: r, jobs: map[string]job{}, pages: map[string][]byte{}}
	for _, j := range r.jobs() {
		s.jobs[j.path] = j
	}
	return s
}

// Has reports whether the site has a page at path, without rendering it. Files made from
// the whole dossier (the search index, the feed, the sitemap) are not known until File
// asks for one of them.
func (s *OnDemand) Has(path string) bool {
	_, ok := s.jobs[path]
	return ok
}

// File returns the file at path, rendering it if it was not yet; fs.ErrNotExist if the
// site has no such file.
func (s *OnDemand) File(path string) ([]byte, error) {
	j, ok := s.jobs[path]
	if !ok && path == searchWordsPath { // every page asks for it: not the whole index
		return s.r.searchWords()
	}
	if !ok {
		s.indexOnce.Do(s.renderIndex)
		if s.indexErr != nil {
			return nil, s.indexErr
		}
		if data, ok := s.index[path]; ok {
			return data, nil
		}
		return nil, fs.ErrNotExist
	}
	s.mu.Lock()
	data, ok := s.pages[path]
	s.mu.Unlock()
	if ok {
		return data, nil
	}
	// Two requests for one page may both render it; they make the same bytes.
	var buf bytes.Buffer
	if err := s.r.page(j, &buf); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	data = buf.Bytes()
	s.mu.Lock()
	s.pages[path] = data
	s.mu.Unlock()
	return data, nil
}

// renderIndex makes the files that depend on the whole site: search index, feed, sitemap.
func (s *OnDemand) renderIndex() {
	s.index = map[string][]byte{}
	keep := func(f File) error {
		s.index[f.Path] = f.Data
		return nil
	}
	index, err := s.r.searchIndex(keep)
	if err != nil {
		s.indexErr = fmt.Errorf("search index: %w", err)
		return
	}
	paths := make([]string, 0, len(s.jobs)+len(index))
	for p := range s.jobs {
		paths = append(paths, p)
	}
	last, err := s.r.lastFiles(append(paths, index...))
	if err != nil {
		s.indexErr = err
		return
	}
	for _, f := range last {
		keep(f)
	}
}
