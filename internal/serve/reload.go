package serve

import (
	"bytes"
	"fmt"
	"html"
	"net/http"
	"time"
)

// The server's own paths. No page of a dossier starts with an underscore.
const (
	scriptPath = "/_dossier/reload.js"
	eventsPath = "/_dossier/events"
)

// reloadScript listens for the server's events and reloads the page when what it shows
// has changed. It tells the server which version the page is, so that a build that ended
// between the page's load and the script's connection still reloads it; EventSource
// reconnects by itself, and a server started anew has other versions, so a tab survives
// a restart of `dossier serve`.
//
// Before it reloads, it dispatches a cancelable "dossier:reload" event on the document:
// the editing script cancels it while a form holds what the editor typed, and reloads
// when the form closes.
const reloadScript = `(function () {
  var v = document.currentScript.dataset.version;
  var es = new EventSource("` + eventsPath + `?v=" + encodeURIComponent(v));
  es.addEventListener("reload", function () {
    es.close();
    if (document.dispatchEvent(new Event("dossier:reload", {cancelable: true}))) location.reload();
  });
})();
`

// reloadTag is the script element of the reload script, for a page of version.
func reloadTag(version string) string {
	return fmt.Sprintf(`<script src="%s" data-version="%s"></script>`, scriptPath, html.EscapeString(version))
}

// inject adds the server's tags to an HTML page, before its closing body tag. Only the
// server does this, on the way out: the built site never holds them.
func inject(page []byte, tag string) []byte {
	i := bytes.LastIndex(bytes.ToLower(page), []byte("</body>"))
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+len(tag))
	out = append(out, page[:i]...)
	out = append(out, tag...)
	return append(out, page[i:]...)
}

func (s *Server) serveScript(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	fmt.Fprint(w, reloadScript)
}

// serveEvents sends a "reload" event whenever the version the client shows is no longer
// the server's, until the client leaves or the server shuts down.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	// Reconnect quickly after a restart of the server.
	fmt.Fprint(w, "retry: 500\n\n")
	if err := rc.Flush(); err != nil {
		return
	}
	ping := time.NewTicker(15 * time.Second) // keeps proxies and idle timeouts away
	defer ping.Stop()
	client := r.URL.Query().Get("v")
	for {
		st, changed := s.cur.get()
		if st.version != "" && st.version != client {
			fmt.Fprintf(w, "event: reload\ndata: %s\n\n", st.version)
			if err := rc.Flush(); err != nil {
				return
			}
			client = st.version
		}
		select {
		case <-changed:
		case <-ping.C:
			fmt.Fprint(w, ": ping\n\n")
			if err := rc.Flush(); err != nil {
				return
			}
		case <-r.Context().Done():
			return
		case <-s.done:
			return
		}
	}
}
