package build

import (
	"context"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"dossier/internal/benchgen"
	"dossier/internal/testdossier"
)

// BenchmarkScale builds synthetic dossiers of 100, 1,000 and 10,000 articles (written by
// internal/benchgen from the shipped seeds' sentences) to disk, as `dossier build` does,
// and reports the time per article, which should not grow with the dossier:
//
//	go test -run '^$' -bench Scale -benchtime 1x ./internal/build
//
// -bench 'Scale/articles=1000$' runs one size.
func BenchmarkScale(b *testing.B) {
	defer LimitMemory()() // as dossier build has it
	sentences := testdossier.Sentences(b)
	for _, n := range []int{100, 1000, 10000} {
		b.Run("articles="+strconv.Itoa(n), func(b *testing.B) {
			src := filepath.Join(b.TempDir(), "dossier")
			if _, err := benchgen.Write(src, n, sentences); err != nil {
				b.Fatal(err)
			}
			// A new corpus is tens of thousands of files that the kernel would write back
			// during the build, on the cores it measures.
			flushDisk()
			out := filepath.Join(b.TempDir(), "public")
			var pages int
			var took time.Duration
			b.ResetTimer()
			for b.Loop() {
				start := time.Now()
				res, err := Run(context.Background(), Config{Src: src, Out: out, Minify: true, NoNameWarnings: true})
				if err != nil {
					b.Fatal(err)
				}
				took += time.Since(start)
				pages = res.Pages
			}
			b.ReportMetric(float64(took.Nanoseconds())/float64(b.N*n), "ns/article")
			b.ReportMetric(float64(pages*b.N)/took.Seconds(), "pages/s")
		})
	}
}

// TestSynthetic builds a small synthetic dossier: the benchmark's input must be a valid
// dossier, its notes and events anchored.
func TestSynthetic(t *testing.T) {
	src := filepath.Join(t.TempDir(), "dossier")
	st, err := benchgen.Write(src, 20, testdossier.Sentences(t))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(context.Background(), Config{Src: src, Minify: true})
	if err != nil {
		for _, p := range res.Problems {
			t.Log(p)
		}
		t.Fatal(err)
	}
	notes := 0
	for _, n := range res.Dossier.Notes {
		if n.Anchor != nil {
			notes++
		}
	}
	if notes != st.Notes || len(res.Dossier.Articles) != st.Articles || len(res.Dossier.Actors) != st.Actors {
		t.Errorf("built %d articles, %d actors, %d anchored notes; wrote %+v", len(res.Dossier.Articles), len(res.Dossier.Actors), notes, st)
	}
	if res.Pages < st.Articles+st.Actors {
		t.Errorf("%d pages for %+v", res.Pages, st)
	}
}
