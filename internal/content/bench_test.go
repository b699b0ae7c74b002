package content

import (
	"io/fs"
	"testing"

	"dossier/internal/testdossier"
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

// benchDossier writes a synthetic dossier of n articles, its files aged, and returns it
// as a build reads it.
func benchDossier(b *testing.B, n int) fs.FS {
	return testdossier.FS(b, testdossier.Synthetic(b, n))
}
