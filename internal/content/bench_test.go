package content

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	"dossier/internal/benchgen"
)

// BenchmarkLoad loads a synthetic dossier of 1,000 articles (4,630 content files) from
// disk through an os.Root, as a build does: cold, and with a cache after no change, which
// costs what listing the folders and stat-ing every file costs:
//
//	go test -run '^$' -bench Load -benchtime 20x ./internal/content
func BenchmarkLoad(b *testing.B) {
	fsys := benchDossier(b, 1000)
	b.Run("cold", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, errs := Load(fsys, Config{}); errs.Err() != nil {
				b.Fatal(errs.Err())
			}
		}
	})
	b.Run("unchanged", func(b *testing.B) {
		cache := NewCache()
		Load(fsys, Config{Cache: cache})
		b.ReportAllocs()
		for b.Loop() {
			if _, errs := Load(fsys, Config{Cache: cache}); errs.Err() != nil {
				b.Fatal(errs.Err())
			}
		}
	})
}

// benchDossier writes a synthetic dossier of n articles, its files dated an hour back so
// that a cache trusts them at once, and returns it as a build reads it.
func benchDossier(b *testing.B, n int) fs.FS {
	b.Helper()
	seeds, err := filepath.Glob("../../seeds/*.txt")
	if err != nil || len(seeds) == 0 {
		b.Fatalf("no seeds: %v", err)
	}
	var texts []string
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	dir := filepath.Join(b.TempDir(), "dossier")
	if _, err := benchgen.Write(dir, n, benchgen.Sentences(texts...)); err != nil {
		b.Fatal(err)
	}
	past := time.Now().Add(-time.Hour)
	err = filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err == nil {
			err = os.Chtimes(p, past, past)
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { root.Close() })
	return root.FS()
}
