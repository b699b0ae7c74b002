// Package edit writes the editors' content files, for `dossier new` and for the preview:
// a new note, actor, topic or event from its template, and small changes to existing files
// that keep every other byte of them.
//
// Every write goes through an os.Root of the dossier's content/ folder, so that no id,
// name or symbolic link can make it write anywhere else. A new file never replaces one; a
// change or a removal names the version of the file it was made from (Version) and is
// refused when the file on disk is no longer that version, so that an edit made meanwhile
// in an editor is not lost.
package edit

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"dossier/internal/content"
	"dossier/internal/date"
	idossier "dossier/internal/dossier"
)

// Request is a new content file to write.
type Request struct {
	Kind string // note, actor, topic or event
	Name string // the actor's name, the topic's or event's title; a note's id words (optional)
	Sub  string // the note's or the actor's kind

	Article, Quote string // the note's passage, or the event's source
	Prefix, Suffix string // to single out one of several equal passages
	Date           string // the event's

	Actors, Topics []string // ids; checked against the dossier
	Body           string   // the body in markdown; empty writes the template's placeholder

	// Unique numbers the id (-2, -3, …) when the one made from the name is taken, instead
	// of refusing: the preview makes names the editor did not choose.
	Unique bool
}

// Created is a file Create wrote.
type Created struct {
	ID   string
	File string // relative to the dossier's root, slash-separated: content/notes/x.md
	// Line is the seed line a note or an event source is anchored on, 0 for other kinds.
	Line int
	// Messages are what the editor should know about the file.
	Messages []string
}

// Error is a request refused because of one of its fields, for a form to show beside it.
type Error struct {
	Field string // the Request's field, in lower case: "date", "actors", "quote"; "" for the whole
	Msg   string
}

func (e *Error) Error() string { return e.Msg }

func fieldErr(field, format string, args ...any) error {
	return &Error{Field: field, Msg: fmt.Sprintf(format, args...)}
}

// Kinds are the kinds of file Create writes.
var Kinds = []string{"note", "actor", "topic", "event"}

// Create checks req against the dossier at src and writes the new file. d is the dossier
// to check against; nil reads it from src.
func Create(src string, d *idossier.Dossier, req Request) (Created, error) {
	req.Name = strings.TrimSpace(req.Name)
	if err := req.validate(); err != nil {
		return Created{}, err
	}
	root, err := openContent(src)
	if err != nil {
		return Created{}, err
	}
	defer root.Close()
	if d == nil {
		d = Load(src)
	}
	var c Created
	var body string
	switch req.Kind {
	case "note":
		q, msg, err := CheckQuote(d, req.Article, req.Quote, req.Prefix, req.Suffix)
		if err != nil {
			return Created{}, err
		}
		if msg != "" {
			c.Messages = append(c.Messages, msg)
		}
		req.Quote, c.Line = q.Text, q.Line
		if req.Name == "" {
			req.Name = firstWords(req.Quote, 6)
		}
		c.Messages = append(c.Messages, fmt.Sprintf("the note is anchored on line %d of seeds/%s; `dossier serve` shows it on articles/%s.html#L%d", q.Line, q.Seed, req.Article, q.Line))
	case "actor":
		if other := ClaimedBy(d, req.Name); other != nil {
			return Created{}, fieldErr("name", "the name %q already belongs to actor %q (%s); add a spelling to its `aliases:` instead", req.Name, other.ID, other.File)
		}
	case "event":
		if req.Article != "" {
			q, msg, err := CheckQuote(d, req.Article, req.Quote, req.Prefix, req.Suffix)
			if err != nil {
				return Created{}, err
			}
			if msg != "" {
				c.Messages = append(c.Messages, msg)
			}
			req.Quote, c.Line = q.Text, q.Line
		} else {
			c.Messages = append(c.Messages, "the event has no source yet; add one under `sources:` (an article and a quote from it)")
		}
	}
	if err := checkRefs(d, req.Actors, req.Topics); err != nil {
		return Created{}, err
	}
	switch req.Kind {
	case "note":
		body = noteFile(&req)
	case "actor":
		body = actorFile(&req)
	case "topic":
		body = topicFile(&req)
	case "event":
		body = eventFile(&req)
	}
	slug := Slug(req.Name)
	if slug == "" {
		return Created{}, fieldErr("name", "cannot make an id from %q; use a name with letters or digits", req.Name)
	}
	dir := req.Kind + "s"
	id, err := writeNew(root, dir, slug, body, req.Unique)
	if err != nil {
		return Created{}, err
	}
	c.ID, c.File = id, path.Join("content", dir, id+".md")
	return c, nil
}

func (r *Request) validate() error {
	if !validUTF8(append([]string{r.Name, r.Article, r.Quote, r.Prefix, r.Suffix, r.Date, r.Body}, append(r.Actors, r.Topics...)...)...) {
		return errors.New("the arguments are not valid UTF-8 text; check the terminal's encoding")
	}
	switch r.Kind {
	case "note":
		if r.Article == "" || strings.TrimSpace(r.Quote) == "" {
			return fieldErr("quote", `a note needs -article ID and -quote "the passage, copied from the seed"`)
		}
		if !slices.Contains(content.NoteKinds, r.Sub) {
			return fieldErr("kind", "-kind %q is not one of: %s", r.Sub, strings.Join(content.NoteKinds, ", "))
		}
	case "actor":
		if r.Name == "" {
			return fieldErr("name", `give the actor's name: dossier new actor "Victor Cha"`)
		}
		if !slices.Contains(content.ActorKinds, r.Sub) {
			return fieldErr("kind", "-kind %q is not one of: %s", r.Sub, strings.Join(content.ActorKinds, ", "))
		}
	case "topic":
		if r.Name == "" {
			return fieldErr("name", `give the topic's title: dossier new topic "Sanktionen"`)
		}
	case "event":
		if r.Name == "" {
			return fieldErr("name", `give the event's title: dossier new event "Gipfel in Wostotschny" -date 2023-09-13`)
		}
		if r.Date == "" {
			return fieldErr("date", "an event needs -date, e.g. -date 2023-09-13 (or 2023-09, 2023, ~1982, 1950/1953, <2023-07)")
		}
		if _, err := date.Parse(r.Date); err != nil {
			return fieldErr("date", "-date: %v", err)
		}
		if (r.Article == "") != (strings.TrimSpace(r.Quote) == "") {
			return fieldErr("quote", "a source needs both -article and -quote")
		}
	default:
		return fmt.Errorf("unknown kind %q; one of: %s", r.Kind, strings.Join(Kinds, ", "))
	}
	return nil
}

// checkRefs refuses ids of actors and topics the dossier does not have.
func checkRefs(d *idossier.Dossier, actors, topics []string) error {
	for _, id := range actors {
		if d.Actor(id) == nil {
			return fieldErr("actors", "unknown actor %q%s", id, d.Suggest("actor", id))
		}
	}
	for _, id := range topics {
		if d.Topic(id) == nil {
			return fieldErr("topics", "unknown topic %q%s", id, d.Suggest("topic", id))
		}
	}
	return nil
}

// Load reads the dossier at src as a build does. Problems elsewhere in the dossier do not
// stop an edit: only the files the edit touches must be sound.
func Load(src string) *idossier.Dossier {
	root, err := os.OpenRoot(src)
	if err != nil {
		return &idossier.Dossier{}
	}
	defer root.Close()
	fsys := root.FS()
	c, _ := content.Load(fsys, content.Config{Drafts: true})
	d, _ := idossier.Resolve(c, fsys, idossier.Config{})
	return d
}

// ClaimedBy returns the actor that already has name as its name or alias, written alike.
func ClaimedBy(d *idossier.Dossier, name string) *idossier.Actor {
	key := content.Slugify(name)
	for _, a := range d.Actors {
		if content.Slugify(a.Name) == key {
			return a
		}
		for _, al := range a.Aliases {
			if content.Slugify(al.ID) == key {
				return a
			}
		}
	}
	return nil
}

// Slug makes an id from a name, short enough to be a file name one can read.
func Slug(name string) string {
	s := content.Slugify(name)
	for len(s) > 60 {
		i := strings.LastIndexByte(s, '-')
		if i < 0 {
			return s[:60]
		}
		s = s[:i]
	}
	return s
}

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	return strings.Join(f[:min(n, len(f))], " ")
}

// openContent opens the content/ folder of the dossier at src, the only folder edits write.
func openContent(src string) (*os.Root, error) {
	root, err := os.OpenRoot(path.Join(src, "content"))
	if err != nil {
		return nil, fmt.Errorf("%s holds no content/ folder; run dossier in the dossier's folder or pass -src", src)
	}
	return root, nil
}

// writeNew creates dir/<id>.md in root, refusing to replace anything: not the file, nor
// one of the same id in a subfolder, since ids must be unique across them. With unique
// set, a taken id is numbered (slug-2, slug-3, …) instead. It returns the id written.
func writeNew(root *os.Root, dir, slug, data string, unique bool) (string, error) {
	taken := map[string]string{} // file name to its path, in dir and its subfolders
	err := fs.WalkDir(root.FS(), dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == dir {
				return fs.SkipAll
			}
			return err
		}
		if !d.IsDir() {
			taken[d.Name()] = p
		}
		return nil
	})
	if err != nil {
		return "", err
	}
	id := slug
	for n := 2; taken[id+".md"] != ""; n++ {
		if !unique {
			return "", fieldErr("name", "content/%s already exists; choose another name, or edit that file", taken[id+".md"])
		}
		id = slug + "-" + strconv.Itoa(n)
	}
	if err := root.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	rel := path.Join(dir, id+".md")
	f, err := root.OpenFile(rel, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return "", fieldErr("name", "content/%s already exists; choose another name, or edit that file", rel)
		}
		return "", err
	}
	if _, err := f.WriteString(data); err != nil {
		f.Close()
		root.Remove(rel)
		return "", err
	}
	return id, f.Close()
}

// validUTF8 guards the templates: a name that is not text would make a file no one can read.
func validUTF8(ss ...string) bool {
	for _, s := range ss {
		if !utf8.ValidString(s) {
			return false
		}
	}
	return true
}
