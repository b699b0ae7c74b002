package build

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"dossier/internal/seed"
	"dossier/internal/testdossier"
)

// TestSessionMatchesRun edits a copy of the shipped dossier again and again, the way an
// editor does while the preview runs, and checks after each edit that every file the
// session's site renders, reusing what its earlier builds made, is byte for byte the file
// a fresh full build of the same sources writes.
func TestSessionMatchesRun(t *testing.T) {
	src := t.TempDir()
	for _, dir := range []string{"seeds", "content"} {
		testdossier.CopyDir(t, filepath.Join(repoRoot, dir), filepath.Join(src, dir))
	}
	cfg := Config{Src: src, Minify: true, BaseURL: "https://example.org/dossier/"} // with a sitemap
	sess := NewSession(cfg)
	first, err := Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}

	// A note, and another paragraph of its article for the note to move to.
	note := first.Dossier.Notes[0]
	for _, n := range first.Dossier.Notes {
		if n.Anchor != nil && len(n.Actors) > 0 {
			note = n
			break
		}
	}
	notePath := filepath.Join(src, note.File)
	var otherLine string
	for _, l := range note.Anchor.Article.Lines {
		if l.Kind == seed.Paragraph && l.N != note.Anchor.Line && len(l.Text) < 300 && !strings.ContainsAny(l.Text, "\"\\") {
			otherLine = strings.TrimSpace(l.Text)
			break
		}
	}
	if otherLine == "" {
		t.Fatal("no paragraph to move the note to")
	}
	actor := first.Dossier.Actors[0]
	actorPath := filepath.Join(src, actor.File)

	edit := func(path string, f func(string) string) func(t *testing.T) {
		return func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			testdossier.WriteFile(t, path, f(string(data)))
		}
	}
	for _, step := range []struct {
		name   string
		do     func(t *testing.T)
		broken bool // the build fails after this step
	}{
		{"nothing changed", func(*testing.T) {}, false},
		{"note body", edit(notePath, func(s string) string { return s + "\nEin neuer Satz der Redaktion.\n" }), false},
		{"note moved", edit(notePath, func(s string) string {
			return replaceField(t, s, "quote", strconv.Quote(otherLine))
		}), false},
		{"note breaks", edit(notePath, func(s string) string {
			return strings.Replace(s, "actors: [", "actors: [niemand-bekanntes, ", 1)
		}), true},
		{"note fixed", edit(notePath, func(s string) string {
			return strings.Replace(s, "niemand-bekanntes, ", "", 1)
		}), false},
		{"note added", func(t *testing.T) {
			testdossier.WriteFile(t, filepath.Join(src, "content/notes/zz-neu.md"), "---\narticle: \""+note.Anchor.Article.ID+"\"\nquote: "+strconv.Quote(otherLine)+"\nkind: context\n---\n\nEine zweite Anmerkung.\n")
		}, false},
		{"note deleted", func(t *testing.T) {
			if err := os.Remove(notePath); err != nil {
				t.Fatal(err)
			}
		}, false},
		{"actor alias", edit(actorPath, func(s string) string {
			return strings.Replace(s, "\n---\n", "\n# edited\n---\n", 1)
		}), false},
		{"site title", edit(filepath.Join(src, "content/dossier.md"), func(s string) string {
			return strings.Replace(s, "title: \"", "title: \"Neu – ", 1)
		}), false},
	} {
		step.do(t)
		want, err := Run(context.Background(), cfg)
		res, site, serr := sess.Build()
		if step.broken {
			if err == nil || serr == nil {
				t.Fatalf("%s: the full build says %v, the session %v; want both to fail", step.name, err, serr)
			}
			if got, want := res.Problems.Errors(), want.Problems.Errors(); len(got) != len(want) {
				t.Errorf("%s: the session found %d errors, the full build %d", step.name, len(got), len(want))
			}
			continue
		}
		if err != nil || serr != nil {
			t.Fatalf("%s: the full build says %v, the session %v", step.name, err, serr)
		}
		for _, f := range want.Files {
			got, err := site.File(f.Path)
			if err != nil {
				t.Errorf("%s: %s: %v", step.name, f.Path, err)
			} else if !bytes.Equal(got, f.Data) {
				t.Errorf("%s: %s differs from the full build's", step.name, f.Path)
			}
		}
	}
}

// replaceField replaces the value of the front matter field name in a content file.
func replaceField(t *testing.T, file, name, value string) string {
	t.Helper()
	lines := strings.Split(file, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, name+":") {
			lines[i] = name + ": " + value
			return strings.Join(lines, "\n")
		}
	}
	t.Fatalf("no field %s in\n%s", name, file)
	return ""
}

// BenchmarkSessionEdit measures a preview's rebuild after an editor changed one note of
// a synthetic dossier of 1,000 articles: the session's build and the rendering of the
// note's article page, the page a browser shows again.
//
//	go test -run '^$' -bench SessionEdit ./internal/build
func BenchmarkSessionEdit(b *testing.B) {
	src := testdossier.Synthetic(b, 1000)
	sess := NewSession(Config{Src: src, Minify: true})
	res, _, err := sess.Build()
	if err != nil {
		b.Fatal(err)
	}
	note := res.Dossier.Notes[len(res.Dossier.Notes)/2]
	file, page := filepath.Join(src, note.File), "articles/"+note.Anchor.Article.ID+".html"
	orig, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	var building, rendering time.Duration
	phases := map[string]time.Duration{}
	for i := 0; b.Loop(); i++ {
		marker := "Messpunkt " + strconv.Itoa(i)
		testdossier.WriteFile(b, file, string(orig)+"\n"+marker+"\n")
		start := time.Now()
		res, site, err := sess.Build()
		if err != nil {
			b.Fatal(err)
		}
		built := time.Now()
		for _, p := range res.Phases {
			phases[p.Name] += p.Duration
		}
		building += built.Sub(start)
		data, err := site.File(page)
		rendering += time.Since(built)
		if err != nil {
			b.Fatal(err)
		}
		if !bytes.Contains(data, []byte(marker)) {
			b.Fatalf("%s does not show the edit", page)
		}
	}
	b.ReportMetric(float64(building.Microseconds())/1000/float64(b.N), "ms-build")
	b.ReportMetric(float64(rendering.Microseconds())/1000/float64(b.N), "ms-page")
	for name, d := range phases {
		b.ReportMetric(float64(d.Microseconds())/1000/float64(b.N), "ms-"+name)
	}
}
