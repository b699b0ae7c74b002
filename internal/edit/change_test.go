package edit

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dossier/internal/testdossier"
)

const noteFileText = `---
article: fr
quote: "Unbesiegbarkeit und Dauerhaftigkeit"
kind: context   # context | factcheck | correction | translation | source
actors: [wladimir-putin]
---
Erster Text.
`

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestNoteRoundTrip reads, changes and removes a note as the preview's form does.
func TestNoteRoundTrip(t *testing.T) {
	src := testdossier.Write(t, frDossier+"-- content/notes/sub/treffen.md --\n"+noteFileText)
	d := Load(src)
	path := filepath.Join(src, "content/notes/sub/treffen.md")
	n, err := ReadNote(src, d, "treffen")
	if err != nil {
		t.Fatal(err)
	}
	if n.File != "content/notes/sub/treffen.md" || n.Kind != "context" || n.Body != "Erster Text.\n" || len(n.Actors) != 1 || n.Quote != "Unbesiegbarkeit und Dauerhaftigkeit" {
		t.Errorf("ReadNote = %+v", n)
	}
	file, err := UpdateNote(src, d, "treffen", n.Version, NoteChange{Kind: "factcheck", Actors: []string{"wladimir-putin"}, Topics: []string{"diplomatie"}, Body: "Zweiter Text."})
	if err != nil || file != "content/notes/sub/treffen.md" {
		t.Fatalf("UpdateNote = %q, %v", file, err)
	}
	want := strings.NewReplacer("kind: context   #", "kind: factcheck #", "Erster", "Zweiter", "actors: [wladimir-putin]\n", "actors: [wladimir-putin]\ntopics: [diplomatie]\n").Replace(noteFileText)
	if got := mustRead(t, path); got != want {
		t.Errorf("after UpdateNote:\n%s\nwant\n%s", got, want)
	}
	// The old version no longer fits: a change made from it is refused, and so is a removal.
	_, err = UpdateNote(src, d, "treffen", n.Version, NoteChange{Kind: "source", Body: "Dritter."})
	var conflict *ConflictError
	if !errors.As(err, &conflict) {
		t.Errorf("UpdateNote from an old version = %v, want a ConflictError", err)
	}
	if _, err := DeleteNote(src, d, "treffen", n.Version); !errors.As(err, &conflict) {
		t.Errorf("DeleteNote of an old version = %v, want a ConflictError", err)
	}
	if got := mustRead(t, path); got != want {
		t.Errorf("a refused change wrote:\n%s", got)
	}
	n2, _ := ReadNote(src, d, "treffen")
	if _, err := DeleteNote(src, d, "treffen", n2.Version); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("DeleteNote left the file: %v", err)
	}
}

// TestChangesRefuse checks the changes that write nothing.
func TestChangesRefuse(t *testing.T) {
	src := testdossier.Write(t, frDossier+"-- content/notes/treffen.md --\n"+noteFileText)
	d := Load(src)
	n, _ := ReadNote(src, d, "treffen")
	for _, tc := range []struct {
		name string
		err  error
		want string
	}{
		{"unknown actor", second(UpdateNote(src, d, "treffen", n.Version, NoteChange{Kind: "context", Actors: []string{"wladimir-putn"}})), `unknown actor "wladimir-putn"; did you mean "wladimir-putin"?`},
		{"unknown topic", second(UpdateNote(src, d, "treffen", n.Version, NoteChange{Kind: "context", Topics: []string{"x"}})), `unknown topic "x"`},
		{"bad kind", second(UpdateNote(src, d, "treffen", n.Version, NoteChange{Kind: "rumour"})), `kind "rumour" is not one of`},
		{"path as id", second(UpdateNote(src, d, "../../etc/passwd", n.Version, NoteChange{Kind: "context"})), "is not a note's id"},
		{"unknown note", second(DeleteNote(src, d, "gibt-es-nicht", n.Version)), `there is no note "gibt-es-nicht"`},
		{"alias taken", second(AddAlias(src, d, "wladimir-putin", "Putin")), `already has the name "Putin"`},
		{"alias of unknown", second(AddAlias(src, d, "putin", "Wladimir")), `unknown actor "putin"`},
	} {
		if tc.err == nil || !strings.Contains(tc.err.Error(), tc.want) {
			t.Errorf("%s: %v, want …%s…", tc.name, tc.err, tc.want)
		}
	}
	if got := mustRead(t, filepath.Join(src, "content/notes/treffen.md")); got != noteFileText {
		t.Errorf("a refused change wrote:\n%s", got)
	}
}

func second[T any](_ T, err error) error { return err }

// TestAddAlias adds a spelling to an actor's aliases, after the ones it has.
func TestAddAlias(t *testing.T) {
	src := testdossier.Write(t, frDossier)
	d := Load(src)
	if _, err := AddAlias(src, d, "wladimir-putin", "Wladimir Wladimirowitsch Putin"); err != nil {
		t.Fatal(err)
	}
	got := mustRead(t, filepath.Join(src, "content/actors/wladimir-putin.md"))
	if want := "aliases: [Putin, Wladimir Wladimirowitsch Putin]\n"; !strings.Contains(got, want) {
		t.Errorf("after AddAlias:\n%s\nwant …%s…", got, want)
	}
}

// TestCreateUnique numbers the id of a new note whose name is taken, as the preview asks.
func TestCreateUnique(t *testing.T) {
	src := testdossier.Write(t, frDossier+"-- content/notes/fr-putin-und-kim.md --\n"+noteFileText)
	req := Request{Kind: "note", Name: "fr Putin und Kim", Sub: "context", Article: "fr", Quote: "Putin und Kim", Suffix: ":", Unique: true, Actors: []string{"wladimir-putin"}, Body: "Text."}
	c, err := Create(src, nil, req)
	if err != nil {
		t.Fatal(err)
	}
	if c.ID != "fr-putin-und-kim-2" || c.File != "content/notes/fr-putin-und-kim-2.md" || c.Line != 15 {
		t.Errorf("Create = %+v", c)
	}
	req.Unique = false
	if _, err := Create(src, nil, req); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("Create of a taken id = %v, want …already exists…", err)
	}
}
