package build

import (
	"errors"
	"io/fs"

	"dossier/internal/content"
	idossier "dossier/internal/dossier"
	"dossier/internal/render"
)

// A Session builds one dossier again and again, for the preview. A build of a session
// loads and resolves the dossier as Run does, reusing what earlier builds made of files
// that did not change, and renders nothing until a file is asked for: an editor's save
// costs the pages the browser shows, not the whole site.
type Session struct {
	cfg     Config
	content *content.Cache
	dossier *idossier.Cache
}

// NewSession returns a session for cfg; cfg.Out is ignored, a session writes nothing.
func NewSession(cfg Config) *Session {
	cfg.Out = ""
	return &Session{cfg: cfg, content: content.NewCache(), dossier: idossier.NewCache()}
}

// Build builds the dossier and returns its site, whose files are rendered when asked
// for. Like Run, it returns an error if the build failed, with every problem found in
// the Result. The Result holds no Files.
func (s *Session) Build() (*Result, *Site, error) {
	res, p, err := prepare(s.cfg, s)
	if err != nil {
		return res, nil, err
	}
	st := &Site{pages: p.r.OnDemand(), static: map[string][]byte{}}
	for _, f := range p.static {
		st.static[f.Path] = f.Data
	}
	res.Phases = append(res.Phases, p.renderStart.end("render"))
	return res, st, nil
}

// Site is a built dossier whose files are rendered when asked for. It is safe for
// concurrent use.
type Site struct {
	pages  *render.OnDemand
	static map[string][]byte
}

// Has reports whether the site has a page or static file at path (slash-separated,
// relative to the site's root), without rendering it.
func (s *Site) Has(path string) bool {
	_, ok := s.static[path]
	return ok || s.pages.Has(path)
}

// File returns the file at path, rendered exactly as Run would write it; an error
// satisfying errors.Is(err, fs.ErrNotExist) if there is none.
func (s *Site) File(path string) ([]byte, error) {
	if data, ok := s.static[path]; ok {
		return data, nil
	}
	data, err := s.pages.File(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, &PhaseError{"render", err}
	}
	return data, err
}
