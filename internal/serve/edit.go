package serve

import (
	"crypto/rand"
	"crypto/subtle"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"mime"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"

	"dossier/internal/content"
	idossier "dossier/internal/dossier"
	"dossier/internal/edit"
	"dossier/internal/locale"
	"dossier/internal/render"
)

// The paths of editing in the browser: the script and stylesheet added to the article
// pages the server shows, and the endpoints they call (editPrefix + an operation).
const (
	annotateJSPath  = "/_dossier/annotate.js"
	annotateCSSPath = "/_dossier/annotate.css"
	editPrefix      = "/_dossier/edit/"
	tokenHeader     = "X-Dossier-Token"
)

// editor is editing in the browser, for one run of the server. Every request to its
// endpoints must come from a page this server served to this browser: a POST of JSON,
// whose Host is the address the server listens on (so that a web page cannot reach it
// under a name of its own, by DNS rebinding), whose Origin is that address (so that no
// other site's page can send it), carrying the token embedded in the served page (which
// no other site can read). Each refusal is 403 and writes nothing.
type editor struct {
	src   string
	token string
	addr  *net.TCPAddr
	mu    sync.Mutex // one write at a time
}

func newEditor(src string, addr net.Addr) (*editor, error) {
	tcp, ok := addr.(*net.TCPAddr)
	if !ok {
		return nil, fmt.Errorf("editing needs a TCP address, not %s", addr)
	}
	b := make([]byte, 24)
	rand.Read(b) // never fails
	return &editor{src: src, token: hex.EncodeToString(b), addr: tcp}, nil
}

// hostOK reports whether h, a request's Host, names the address the server listens on:
// its IP address, or a loopback name when it listens on loopback; on an unspecified
// address (0.0.0.0), any IP address or this machine's name, with the server's port.
func (e *editor) hostOK(h string) bool {
	host, port, err := net.SplitHostPort(h)
	if err != nil || port != strconv.Itoa(e.addr.Port) {
		return false
	}
	ip := net.ParseIP(host)
	switch {
	case e.addr.IP.IsUnspecified():
		if ip != nil || host == "localhost" {
			return true
		}
		name, err := os.Hostname()
		return err == nil && strings.EqualFold(host, name)
	case e.addr.IP.IsLoopback():
		return host == "localhost" || ip != nil && ip.IsLoopback()
	}
	return ip != nil && ip.Equal(e.addr.IP)
}

// check returns why r must be refused, or nil.
func (e *editor) check(r *http.Request) error {
	if r.Method != http.MethodPost {
		return errors.New("only POST is accepted")
	}
	if !e.hostOK(r.Host) {
		return fmt.Errorf("host %q is not the address the preview listens on", r.Host)
	}
	if o := r.Header.Get("Origin"); o != "http://"+r.Host {
		return fmt.Errorf("origin %q is not the preview's", o)
	}
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		return errors.New("the request is not JSON")
	}
	if subtle.ConstantTimeCompare([]byte(r.Header.Get(tokenHeader)), []byte(e.token)) != 1 {
		return errors.New("the token is missing or not this run's; reload the page")
	}
	return nil
}

// tags returns what an article page of the preview gets to edit it.
func (e *editor) tags(articleID string) string {
	return fmt.Sprintf(`<link rel="stylesheet" href="%s"><script src="%s" data-token="%s" data-article="%s" defer></script>`,
		annotateCSSPath, annotateJSPath, e.token, html.EscapeString(articleID))
}

// editRequest is the body of every request to the endpoints; each uses some fields.
type editRequest struct {
	// The selection: its article and line, and its start and end in UTF-16 code units
	// of the line's text, with the text the page showed there.
	Article string `json:"article"`
	Line    int    `json:"line"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Text    string `json:"text"`

	ID      string `json:"id"`      // of the note to read, change or remove
	Version string `json:"version"` // of its file, when it was read

	Kind   string   `json:"kind"` // the note's or the actor's
	Actors []string `json:"actors"`
	Topics []string `json:"topics"`
	Body   string   `json:"body"`
	Title  string   `json:"title"` // the event's
	Date   string   `json:"date"`
	Actor  string   `json:"actor"` // the actor to add a spelling to
}

// editError is the body of a refused request.
type editError struct {
	Error string `json:"error"`
	Field string `json:"field,omitempty"`
	Code  string `json:"code"` // forbidden, invalid, conflict, failed
}

// serveEdit answers the endpoints of editing in the browser.
func (s *Server) serveEdit(w http.ResponseWriter, r *http.Request) {
	e := s.editor()
	if e == nil {
		refuse(w, http.StatusForbidden, "forbidden", "", "editing in the browser is off: the preview listens beyond loopback; start it with -edit to allow it")
		return
	}
	if err := e.check(r); err != nil {
		refuse(w, http.StatusForbidden, "forbidden", "", err.Error())
		return
	}
	var req editRequest
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		refuse(w, http.StatusBadRequest, "invalid", "", "the request is not what the preview sends: "+err.Error())
		return
	}
	// Ids name files; the files are found from the ids in the model, never from a path,
	// and a request that tries one is refused as a forged one is.
	for _, id := range []string{req.Article, req.ID, req.Actor} {
		if id != "" && !content.ValidSlug(id) {
			refuse(w, http.StatusForbidden, "forbidden", "", fmt.Sprintf("%q is not an id: ids are lowercase words joined by hyphens, never paths", id))
			return
		}
	}
	st, _ := s.cur.get()
	if st.dossier == nil {
		refuse(w, http.StatusConflict, "conflict", "", "the dossier has not built yet; fix the errors the page shows first")
		return
	}
	op := strings.TrimPrefix(r.URL.Path, editPrefix)
	if op == "context" {
		writeJSON(w, http.StatusOK, contextOf(st.dossier, req.Article))
		return
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	out, err := e.do(op, st.dossier, &req)
	if err != nil {
		var fe *edit.Error
		var ce *edit.ConflictError
		switch {
		case errors.As(err, &fe):
			refuse(w, http.StatusUnprocessableEntity, "invalid", fe.Field, fe.Msg)
		case errors.As(err, &ce):
			refuse(w, http.StatusConflict, "conflict", "", ce.Error())
		case errors.Is(err, errUnknownOp):
			refuse(w, http.StatusNotFound, "invalid", "", err.Error())
		default:
			refuse(w, http.StatusInternalServerError, "failed", "", err.Error())
		}
		return
	}
	if f, ok := out["file"].(string); ok && op != "note/read" {
		s.logf("%s: %s", op, f)
	}
	writeJSON(w, http.StatusOK, out)
}

var errUnknownOp = errors.New("no such operation")

// do performs the operation op.
func (e *editor) do(op string, d *idossier.Dossier, req *editRequest) (map[string]any, error) {
	switch op {
	case "note/read":
		n, err := edit.ReadNote(e.src, d, req.ID)
		if err != nil {
			return nil, err
		}
		return map[string]any{"id": n.ID, "file": n.File, "version": n.Version, "quote": n.Quote,
			"kind": n.Kind, "actors": nonNil(n.Actors), "topics": nonNil(n.Topics), "body": n.Body}, nil
	case "note/update":
		f, err := edit.UpdateNote(e.src, d, req.ID, req.Version, edit.NoteChange{Kind: req.Kind, Actors: req.Actors, Topics: req.Topics, Body: req.Body})
		return map[string]any{"file": f, "anchor": render.NoteAnchor(req.ID)}, err
	case "note/delete":
		f, err := edit.DeleteNote(e.src, d, req.ID, req.Version)
		return map[string]any{"file": f}, err
	case "note/create", "event/create", "actor/alias", "actor/create":
	default:
		return nil, errUnknownOp
	}
	sel, err := selection(d, req)
	if err != nil {
		return nil, err
	}
	var c edit.Created
	switch op {
	case "note/create":
		c, err = edit.Create(e.src, d, edit.Request{Kind: "note", Name: req.Article + " " + firstWords(sel.Text, 5), Sub: req.Kind,
			Article: req.Article, Quote: sel.Text, Prefix: sel.Prefix, Suffix: sel.Suffix,
			Actors: req.Actors, Topics: req.Topics, Body: req.Body, Unique: true})
		return map[string]any{"id": c.ID, "file": c.File, "anchor": render.NoteAnchor(c.ID)}, err
	case "event/create":
		c, err = edit.Create(e.src, d, edit.Request{Kind: "event", Name: req.Title, Date: req.Date,
			Article: req.Article, Quote: sel.Text, Prefix: sel.Prefix, Suffix: sel.Suffix,
			Actors: req.Actors, Topics: req.Topics, Body: req.Body, Unique: true})
		return map[string]any{"id": c.ID, "file": c.File}, err
	case "actor/alias":
		f, err := edit.AddAlias(e.src, d, req.Actor, sel.Text)
		return map[string]any{"id": req.Actor, "file": f}, err
	default: // actor/create
		c, err = edit.Create(e.src, d, edit.Request{Kind: "actor", Name: sel.Text, Sub: req.Kind, Body: req.Body})
		return map[string]any{"id": c.ID, "file": c.File}, err
	}
}

// selection returns the passage req selects.
func selection(d *idossier.Dossier, req *editRequest) (edit.Selector, error) {
	art := d.Article(req.Article)
	if art == nil {
		return edit.Selector{}, &edit.Error{Field: "article", Msg: fmt.Sprintf("there is no article %q; reload the page", req.Article)}
	}
	return edit.Select(art, req.Line, req.Start, req.End, req.Text)
}

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	return strings.Join(f[:min(n, len(f))], " ")
}

func nonNil(l []string) []string {
	if l == nil {
		return []string{}
	}
	return l
}

// editContext is what the forms offer: the words of the dossier's language, the kinds,
// the actors and topics to choose from, and the notes of the article with their cards'
// ids.
type editContext struct {
	Words      *locale.Editor `json:"words"`
	NoteKinds  []string       `json:"noteKinds"`
	ActorKinds []string       `json:"actorKinds"`
	Actors     []choice       `json:"actors"`
	Topics     []choice       `json:"topics"`
	Notes      []choice       `json:"notes"` // Name is the id of the note's card
}

type choice struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

func contextOf(d *idossier.Dossier, articleID string) editContext {
	lang := localeOf(d)
	c := editContext{Words: lang.Editor, NoteKinds: content.NoteKinds, ActorKinds: content.ActorKinds,
		Actors: []choice{}, Topics: []choice{}, Notes: []choice{}}
	for _, a := range d.Actors {
		c.Actors = append(c.Actors, choice{a.ID, a.Name})
	}
	for _, t := range d.Topics {
		c.Topics = append(c.Topics, choice{t.ID, t.Title})
	}
	if art := d.Article(articleID); art != nil {
		for _, n := range art.Notes {
			c.Notes = append(c.Notes, choice{n.ID, render.NoteAnchor(n.ID)})
		}
	}
	return c
}

func refuse(w http.ResponseWriter, status int, code, field, msg string) {
	writeJSON(w, status, editError{Error: msg, Field: field, Code: code})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

//go:embed annotate.js
var annotateJS []byte

//go:embed annotate.css
var annotateCSS []byte

// serveAnnotate serves the editing script and stylesheet, while editing is on.
func (s *Server) serveAnnotate(w http.ResponseWriter, r *http.Request) {
	if s.editor() == nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	if r.URL.Path == annotateJSPath {
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Write(annotateJS)
		return
	}
	w.Header().Set("Content-Type", "text/css; charset=utf-8")
	w.Write(annotateCSS)
}
