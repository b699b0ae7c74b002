package serve

import (
	"bytes"
	"errors"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"
)

// lastGoodParam asks for the last good version of a page while the build fails.
const lastGoodParam = "letzter-stand"

// ServeHTTP serves the site from memory, the error page while the build fails, and the
// server's own script and events.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case scriptPath:
		s.serveScript(w, r)
		return
	case eventsPath:
		s.serveEvents(w, r)
		return
	case annotateJSPath, annotateCSSPath:
		s.serveAnnotate(w, r)
		return
	}
	if strings.HasPrefix(r.URL.Path, editPrefix) {
		s.serveEdit(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	// Every response is the latest build's: a cached page would hide an edit.
	w.Header().Set("Cache-Control", "no-store")
	st, _ := s.cur.get()
	p := sitePath(r.URL.Path)
	if st.failure != nil && isPage(p) && !r.URL.Query().Has(lastGoodParam) {
		ok := st.site != nil && st.site.Has(p)
		page := inject(renderError(s.errPage, st.failure, ok, localeOf(st.failure.Dossier, st.dossier)), reloadTag(st.version))
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusInternalServerError)
		w.Write(page)
		return
	}
	if st.site == nil {
		http.NotFound(w, r)
		return
	}
	status := http.StatusOK
	data, err := st.site.File(p)
	if errors.Is(err, fs.ErrNotExist) {
		if st.site.Has(p + "/index.html") {
			http.Redirect(w, r, r.URL.Path+"/", http.StatusFound)
			return
		}
		p, status = "404.html", http.StatusNotFound
		data, err = st.site.File(p)
	}
	if errors.Is(err, fs.ErrNotExist) {
		http.NotFound(w, r)
		return
	}
	if err != nil {
		// A page that the build's probe did not render fails: show why, as for a build.
		s.logf("%v", err)
		page := inject(renderError(s.errPage, failureOf(nil, nil, err, time.Now()), false, localeOf(st.dossier)), reloadTag(st.version))
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusInternalServerError)
		w.Write(page)
		return
	}
	if path.Ext(p) == ".html" {
		tags := reloadTag(st.version)
		if e := s.editor(); e != nil && e.hostOK(r.Host) && status == http.StatusOK {
			if id, ok := articleOf(p); ok && st.dossier != nil && st.dossier.Article(id) != nil {
				tags += e.tags(id)
			}
		}
		data = inject(data, tags)
	}
	if status != http.StatusOK {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(status)
		w.Write(data)
		return
	}
	http.ServeContent(w, r, p, time.Time{}, bytes.NewReader(data))
}

// sitePath returns the file of the site that URL path u names.
func sitePath(u string) string {
	p := strings.TrimPrefix(path.Clean("/"+u), "/")
	if p == "" {
		return "index.html"
	}
	if strings.HasSuffix(u, "/") {
		return p + "/index.html"
	}
	return p
}

// articleOf returns the id of the article whose page is at p, if p is one.
func articleOf(p string) (string, bool) {
	id, ok := strings.CutPrefix(p, "articles/")
	id, ok2 := strings.CutSuffix(id, ".html")
	return id, ok && ok2 && !strings.Contains(id, "/") && id != "index"
}

// isPage reports whether p is an HTML page, or a folder that would show one.
func isPage(p string) bool {
	ext := path.Ext(p)
	return ext == ".html" || ext == ""
}
