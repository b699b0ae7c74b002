package content

import (
	"testing"
	"testing/fstest"
	"time"
)

// TestCache loads a dossier again and again with a cache: files are read again when their
// size or time changed, or when they changed too recently to trust their time.
func TestCache(t *testing.T) {
	old := time.Now().Add(-time.Hour)
	fsys := fstest.MapFS{
		"content/dossier.md":   {Data: []byte("---\ntitle: T\n---\n"), ModTime: old},
		"content/notes/a.md":   {Data: []byte("---\narticle: x\nquote: q\nkind: bad\n---\nA.\n"), ModTime: old},
		"content/notes/b.md":   {Data: []byte("---\narticle: x\nquote: q\n---\nB.\n"), ModTime: old},
		"content/actors/c.md":  {Data: []byte("---\nname: C\nkind: person\n---\n"), ModTime: old},
		"content/topics/d.txt": {Data: []byte("not read"), ModTime: old},
	}
	cache := NewCache()
	load := func() (*Content, string) {
		t.Helper()
		c, errs := Load(fsys, Config{Cache: cache})
		cold, coldErrs := Load(fsys, Config{})
		if errs.Error() != coldErrs.Error() || len(c.Notes) != len(cold.Notes) {
			t.Fatalf("with a cache: %d notes, problems\n%s\nwithout: %d notes, problems\n%s", len(c.Notes), errs, len(cold.Notes), coldErrs)
		}
		return c, errs.Error()
	}
	first, problems := load()
	if len(first.Notes) != 2 || problems == "" {
		t.Fatalf("notes %v, problems %q", first.Notes, problems)
	}

	again, againProblems := load()
	if again.Notes[0] != first.Notes[0] || again.Notes[1] != first.Notes[1] || again.Actors[0] != first.Actors[0] || again.Site != first.Site {
		t.Errorf("unchanged files were read again")
	}
	if againProblems != problems {
		t.Errorf("problems of unchanged files = %q, want %q", againProblems, problems)
	}

	fsys["content/notes/b.md"] = &fstest.MapFile{Data: []byte("---\narticle: x\nquote: r\n---\nB.\n"), ModTime: old.Add(time.Second)}
	edited, _ := load()
	if edited.Notes[1] == first.Notes[1] || edited.Notes[1].Text != "r" || edited.Notes[0] != first.Notes[0] {
		t.Errorf("a changed file was not read again, or an unchanged one was")
	}

	// The same size and time: taken for unchanged, as make and git do.
	fsys["content/notes/b.md"] = &fstest.MapFile{Data: []byte("---\narticle: x\nquote: s\n---\nB.\n"), ModTime: old.Add(time.Second)}
	if same, _ := load(); same.Notes[1] != edited.Notes[1] {
		t.Errorf("a file of the same size and time was read again")
	}

	fsys["content/notes/b.md"] = &fstest.MapFile{Data: []byte("---\narticle: x\nquote: t\n---\nB.\n"), ModTime: time.Now()}
	racy, _ := load()
	if racy.Notes[1].Text != "t" {
		t.Errorf("a changed file was not read again")
	}
	if again, _ := load(); again.Notes[1] == racy.Notes[1] {
		t.Errorf("a file changed a moment ago was trusted to stay the same")
	}

	delete(fsys, "content/notes/a.md")
	if gone, _ := load(); len(gone.Notes) != 1 || gone.Notes[0].ID != "b" {
		t.Errorf("notes after one was deleted: %v", gone.Notes)
	}
	if _, ok := cache.files["content/notes/a.md"]; ok {
		t.Errorf("the cache keeps a deleted file")
	}
}
