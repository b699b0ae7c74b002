package dossier

import (
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"dossier/internal/content"
	"dossier/internal/testdossier"
)

// BenchmarkLoadResolve loads and resolves synthetic dossiers of 100, 1,000 and 10,000
// articles (internal/benchgen) from disk through an os.Root, as a build does, without
// caches; the time per article should not grow with the dossier:
//
//	go test -run '^$' -bench LoadResolve -benchtime 5x ./internal/dossier
func BenchmarkLoadResolve(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		b.Run("articles="+strconv.Itoa(n), func(b *testing.B) {
			fsys := benchDossier(b, n)
			var load, resolve time.Duration
			b.ReportAllocs()
			for b.Loop() {
				start := time.Now()
				c, errs := content.Load(fsys, content.Config{})
				load += time.Since(start)
				start = time.Now()
				_, more := Resolve(c, fsys, Config{})
				resolve += time.Since(start)
				if errs.Append(more); errs.Err() != nil {
					b.Fatal(errs.Err())
				}
			}
			perOp := func(d time.Duration) float64 { return float64(d.Nanoseconds()) / float64(b.N) }
			b.ReportMetric(perOp(load)/1e6, "load-ms/op")
			b.ReportMetric(perOp(resolve)/1e6, "resolve-ms/op")
			b.ReportMetric(perOp(load+resolve)/float64(n), "ns/article")
		})
	}
}

// BenchmarkLoadResolveWarm loads and resolves a dossier of 1,000 articles with the caches
// of the builds before, after an edit of one note each time, as the preview does after a
// save; with -bench 'Warm/unchanged', after no edit at all.
func BenchmarkLoadResolveWarm(b *testing.B) {
	for _, edit := range []bool{true, false} {
		name := "note-edited"
		if !edit {
			name = "unchanged"
		}
		b.Run(name, func(b *testing.B) {
			fsys := benchDossier(b, 1000)
			note := filepath.Join(benchDirs[b.Name()], "content", "notes", "00500-1.md")
			orig, err := os.ReadFile(note)
			if err != nil {
				b.Fatal(err)
			}
			cc, rc := content.NewCache(), NewCache()
			build := func() {
				c, errs := content.Load(fsys, content.Config{Cache: cc})
				_, more := Resolve(c, fsys, Config{Cache: rc})
				if errs.Append(more); errs.Err() != nil {
					b.Fatal(errs.Err())
				}
			}
			build()
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if edit {
					b.StopTimer()
					i++
					if err := os.WriteFile(note, append(orig, strconv.Itoa(i)...), 0o644); err != nil {
						b.Fatal(err)
					}
					b.StartTimer()
				}
				build()
			}
		})
	}
}

// benchDirs are the folders of benchDossier, by benchmark.
var benchDirs = map[string]string{}

// benchDossier writes a synthetic dossier of n articles, its files aged so that caches
// trust them at once, and returns it as a build reads it.
func benchDossier(b *testing.B, n int) fs.FS {
	dir := testdossier.Synthetic(b, n)
	benchDirs[b.Name()] = dir
	return testdossier.FS(b, dir)
}
