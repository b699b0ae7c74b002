package build

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"dossier/internal/testdossier"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestGolden renders each testdata/*.txtar dossier and compares its pages with
// testdata/*.golden.txtar.
func TestGolden(t *testing.T) {
	inputs, _ := filepath.Glob("testdata/*.txtar")
	n := 0
	for _, in := range inputs {
		if strings.HasSuffix(in, ".golden.txtar") {
			continue
		}
		n++
		name := strings.TrimSuffix(filepath.Base(in), ".txtar")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			src := testdossier.Write(t, string(data))
			res := mustBuild(t, Config{Src: src})
			got := &txtar.Archive{Comment: []byte("Pages rendered from " + filepath.Base(in) + "; go test -run Golden -update rewrites this file.\n")}
			for _, f := range res.Files {
				if strings.HasSuffix(f.Path, ".html") || strings.HasSuffix(f.Path, ".xml") {
					// txtar ends every file with a newline.
					data := strings.TrimSuffix(string(f.Data), "\n") + "\n"
					got.Files = append(got.Files, txtar.File{Name: f.Path, Data: []byte(data)})
				}
			}
			goldenPath := strings.TrimSuffix(in, ".txtar") + ".golden.txtar"
			if *update {
				if err := os.WriteFile(goldenPath, txtar.Format(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			golden, err := txtar.ParseFile(goldenPath)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			want := map[string]string{}
			for _, f := range golden.Files {
				want[f.Name] = string(f.Data)
			}
			for _, f := range got.Files {
				w, ok := want[f.Name]
				if !ok {
					t.Errorf("%s: new page, not in %s", f.Name, goldenPath)
					continue
				}
				delete(want, f.Name)
				if w != string(f.Data) {
					t.Errorf("%s differs from %s:\n%s", f.Name, goldenPath, lineDiff(w, string(f.Data)))
				}
			}
			for name := range want {
				t.Errorf("%s: page no longer rendered", name)
			}
		})
	}
	if n == 0 {
		t.Fatal("no golden inputs in testdata/")
	}
}

// lineDiff shows the first lines where want and got differ.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 5; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			b.WriteString("line " + strconv.Itoa(i+1) + ":\n- " + wl + "\n+ " + gl + "\n")
			shown++
		}
	}
	return b.String()
}
