package build

import (
	"context"
	"path/filepath"
	"testing"
)

// BenchmarkBuild builds the shipped dossier: in memory (load, resolve, render, minify),
// and to disk as `dossier build` does.
func BenchmarkBuild(b *testing.B) {
	b.Run("memory", func(b *testing.B) {
		for b.Loop() {
			if _, err := Run(context.Background(), Config{Src: repoRoot, Minify: true}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("disk", func(b *testing.B) {
		out := filepath.Join(b.TempDir(), "public")
		for b.Loop() {
			if _, err := Run(context.Background(), Config{Src: repoRoot, Out: out, Minify: true}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
