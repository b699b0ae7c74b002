package edit

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"dossier/internal/content"
	idossier "dossier/internal/dossier"
)

// Version names the bytes of a file: a change made from one version is refused once the
// file has another.
func Version(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:12])
}

// ConflictError is a change refused because its file changed since the version it was
// made from, or went away.
type ConflictError struct{ File string }

func (e *ConflictError) Error() string {
	return e.File + " was changed on disk since it was read; nothing was written. Reload to see the file as it is now."
}

// Note is a note's file as a form shows and changes it.
type Note struct {
	ID, File, Version string
	Article, Quote    string
	Kind              string
	Actors, Topics    []string
	Body              string // markdown, as the file has it
}

// ReadNote returns the note with id as its file has it now. d says where the file is.
func ReadNote(src string, d *idossier.Dossier, id string) (Note, error) {
	rel, err := notePath(d, id)
	if err != nil {
		return Note{}, err
	}
	root, err := openContent(src)
	if err != nil {
		return Note{}, err
	}
	defer root.Close()
	data, err := root.ReadFile(rel)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return Note{}, &ConflictError{File: "content/" + rel}
		}
		return Note{}, err
	}
	doc, err := parseDoc(data)
	if err != nil {
		return Note{}, fmt.Errorf("content/%s: %v", rel, err)
	}
	n := Note{ID: id, File: "content/" + rel, Version: Version(data),
		Article: doc.String("article"), Quote: doc.String("quote"), Kind: doc.String("kind"),
		Actors: doc.List("actors"), Topics: doc.List("topics"), Body: doc.Body()}
	if n.Kind == "" {
		n.Kind = content.NoteKinds[0] // the loader's default
	}
	return n, nil
}

// NoteChange is what a form changes of a note.
type NoteChange struct {
	Kind           string
	Actors, Topics []string
	Body           string
}

// UpdateNote writes ch into the note with id, if its file is still version; only what
// changed is written, every other byte of the file stays. It returns the file's path.
func UpdateNote(src string, d *idossier.Dossier, id, version string, ch NoteChange) (string, error) {
	if !validUTF8(append([]string{ch.Kind, ch.Body}, append(ch.Actors, ch.Topics...)...)...) {
		return "", errors.New("the text is not valid UTF-8")
	}
	if !slices.Contains(content.NoteKinds, ch.Kind) {
		return "", fieldErr("kind", "kind %q is not one of: %s", ch.Kind, strings.Join(content.NoteKinds, ", "))
	}
	if err := checkRefs(d, ch.Actors, ch.Topics); err != nil {
		return "", err
	}
	rel, err := notePath(d, id)
	if err != nil {
		return "", err
	}
	return change(src, rel, version, func(doc *doc) error {
		old := doc.String("kind")
		if old == "" {
			old = content.NoteKinds[0]
		}
		if ch.Kind != old {
			if err := doc.SetString("kind", ch.Kind); err != nil {
				return err
			}
		}
		if err := setList(doc, "actors", ch.Actors); err != nil {
			return err
		}
		if err := setList(doc, "topics", ch.Topics); err != nil {
			return err
		}
		return doc.SetBody(ch.Body)
	})
}

// setList sets a list, leaving a missing key missing while the list is empty.
func setList(doc *doc, key string, l []string) error {
	if len(l) == 0 && doc.entry(key) == nil {
		return nil
	}
	return doc.SetList(key, l)
}

// DeleteNote removes the file of the note with id, if it is still version.
func DeleteNote(src string, d *idossier.Dossier, id, version string) (string, error) {
	rel, err := notePath(d, id)
	if err != nil {
		return "", err
	}
	root, err := openContent(src)
	if err != nil {
		return "", err
	}
	defer root.Close()
	data, err := root.ReadFile(rel)
	if err != nil || Version(data) != version {
		return "", &ConflictError{File: "content/" + rel}
	}
	return "content/" + rel, root.Remove(rel)
}

// AddAlias adds name to the aliases of the actor with id, unless the actor has it.
func AddAlias(src string, d *idossier.Dossier, id, name string) (string, error) {
	name = strings.TrimSpace(name)
	a := d.Actor(id)
	if a == nil {
		return "", fieldErr("actor", "unknown actor %q%s", id, d.Suggest("actor", id))
	}
	if name == "" || !validUTF8(name) || strings.ContainsAny(name, "\n\r") {
		return "", fieldErr("name", "select the name as the article writes it")
	}
	if other := ClaimedBy(d, name); other != nil {
		if other == a {
			return "", fieldErr("name", "actor %q already has the name %q", id, name)
		}
		return "", fieldErr("name", "the name %q already belongs to actor %q (%s)", name, other.ID, other.File)
	}
	rel, ok := strings.CutPrefix(a.File, "content/")
	if !ok {
		return "", fmt.Errorf("actor %q is not in content/", id)
	}
	root, err := openContent(src)
	if err != nil {
		return "", err
	}
	data, err := root.ReadFile(rel)
	root.Close()
	if err != nil {
		return "", err
	}
	return change(src, rel, Version(data), func(doc *doc) error {
		return doc.SetList("aliases", append(doc.List("aliases"), name))
	})
}

// notePath returns the file of the note with id, relative to content/.
func notePath(d *idossier.Dossier, id string) (string, error) {
	if !content.ValidSlug(id) {
		return "", fieldErr("id", "%q is not a note's id", id)
	}
	n := d.Note(id)
	if n == nil {
		return "", fieldErr("id", "there is no note %q; reload the page", id)
	}
	rel, ok := strings.CutPrefix(n.File, "content/")
	if !ok || path.Ext(rel) != ".md" {
		return "", fmt.Errorf("note %q is not in content/", id)
	}
	return rel, nil
}

// change applies edit to the file rel of content/ if it is still version, and writes the
// result in its place at once: into a new file beside it, renamed over it, so that a
// reader never sees half a file. A change that changes nothing writes nothing.
func change(src, rel, version string, edit func(*doc) error) (string, error) {
	root, err := openContent(src)
	if err != nil {
		return "", err
	}
	defer root.Close()
	file := "content/" + rel
	data, err := root.ReadFile(rel)
	if err != nil || Version(data) != version {
		return "", &ConflictError{File: file}
	}
	doc, err := parseDoc(data)
	if err != nil {
		return "", fmt.Errorf("%s: %v", file, err)
	}
	if err := edit(doc); err != nil {
		return "", err
	}
	if string(doc.data) == string(data) {
		return file, nil
	}
	info, err := root.Stat(rel)
	if err != nil {
		return "", err
	}
	dir, base := path.Split(rel)
	// A name the loader skips (it starts with a dot), so that a build never reads it.
	tmp := path.Join(dir, "."+base+"."+strconv.FormatInt(time.Now().UnixNano(), 36)+".tmp")
	if err := root.WriteFile(tmp, doc.data, info.Mode().Perm()); err != nil {
		root.Remove(tmp)
		return "", err
	}
	// Read again just before replacing: an editor's save since the first read wins.
	if now, err := root.ReadFile(rel); err != nil || Version(now) != version {
		root.Remove(tmp)
		return "", &ConflictError{File: file}
	}
	if err := root.Rename(tmp, rel); err != nil {
		root.Remove(tmp)
		return "", err
	}
	return file, nil
}
