package render

import (
	"bytes"
	"context"
	"sync"
	"testing"

	defaults "dossier"
	"dossier/internal/content"
	"dossier/internal/dossier"
	"dossier/internal/site"
	"dossier/internal/testdossier"
)

// TestCompiledSameAsTemplates renders the shipped dossier, a synthetic one and the
// hostile one of the build's tests twice, with html/template alone and with the compiled
// templates alone, minified and not, and compares every file. Compiled alone, no page
// may fall back to html/template: the default templates must compile.
func TestCompiledSameAsTemplates(t *testing.T) {
	hostile := testdossier.WriteArchive(t, "../build/testdata/hostile/site.txtar")
	for name, dir := range map[string]string{
		"shipped":   testdossier.Root(),
		"synthetic": testdossier.Synthetic(t, 30),
		"hostile":   hostile,
	} {
		fsys := testdossier.FS(t, dir)
		c, problems := content.Load(fsys, content.Config{})
		d, more := dossier.Resolve(c, fsys, dossier.Config{})
		problems.Append(more)
		if err := problems.Err(); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, minify := range []bool{false, true} {
			cfg := Config{Templates: defaults.Templates(), BaseURL: "https://example.org/d/", CSS: "static/style.css"}
			if minify {
				cfg.Minify = site.MinifyTemplate
			}
			interpreted := renderAll(t, d, cfg, execInterpret)
			compiled := renderAll(t, d, cfg, execCompiled)
			if len(compiled) != len(interpreted) || len(compiled) < 10 {
				t.Fatalf("%s: %d files compiled, %d interpreted", name, len(compiled), len(interpreted))
			}
			for path, want := range interpreted {
				if got := compiled[path]; !bytes.Equal(got, want) {
					t.Errorf("%s, minify=%v: %s differs:\n%s", name, minify, path, firstDiff(got, want))
				}
			}
		}
	}
}

func renderAll(t *testing.T, d *dossier.Dossier, cfg Config, mode execMode) map[string][]byte {
	t.Helper()
	cfg.exec = mode
	r, err := New(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	files := map[string][]byte{}
	_, err = r.Render(context.Background(), func(f File) error {
		mu.Lock()
		defer mu.Unlock()
		files[f.Path] = bytes.Clone(f.Data) // Render reuses it
		return nil
	})
	if err != nil {
		t.Fatalf("exec mode %d: %v", mode, err)
	}
	return files
}

// firstDiff shows where two outputs part.
func firstDiff(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-80)
	return "got:  …" + string(got[from:min(len(got), i+80)]) + "\nwant: …" + string(want[from:min(len(want), i+80)])
}
