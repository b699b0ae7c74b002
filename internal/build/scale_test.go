package build

import (
	"context"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"dossier/internal/benchgen"
	"dossier/internal/testdossier"
)

// BenchmarkScale builds synthetic dossiers of 100, 1,000 and 10,000 articles (written by
// internal/benchgen from the shipped seeds' sentences) to disk, as `dossier build` does,
// and reports the median time per article of its builds, which should not grow with the
// dossier:
//
//	go test -run '^$' -bench Scale -benchtime 5x ./internal/build
//
// -bench 'Scale/articles=1000$' runs one size.
//
// Every build writes a new folder, as a first build or CI's does, and nothing is removed
// before the last: on a file system without a journal, making a file passes over every
// inode freed in the last minutes, so removing one build's output would slow the next.
func BenchmarkScale(b *testing.B) {
	defer LimitMemory()() // as dossier build has it
	sentences := testdossier.Sentences(b)
	tmp := b.TempDir() // removed after all sizes
	for _, n := range []int{100, 1000, 10000} {
		b.Run("articles="+strconv.Itoa(n), func(b *testing.B) {
			dir := filepath.Join(tmp, strconv.Itoa(n))
			src := filepath.Join(dir, "dossier")
			if _, err := benchgen.Write(src, n, sentences); err != nil {
				b.Fatal(err)
			}
			var pages int
			var took []time.Duration
			for b.Loop() {
				// The kernel would write back the new corpus or the last build's files
				// during this build, on the cores it measures.
				b.StopTimer()
				flushDisk()
				b.StartTimer()
				out := filepath.Join(dir, "public-"+strconv.Itoa(len(took)))
				start := time.Now()
				res, err := Run(context.Background(), Config{Src: src, Out: out, Minify: true, NoNameWarnings: true})
				if err != nil {
					b.Fatal(err)
				}
				took = append(took, time.Since(start))
				pages = res.Pages
			}
			median := medianDuration(took)
			b.ReportMetric(float64(median.Nanoseconds())/float64(n), "ns/article")
			b.ReportMetric(float64(pages)/median.Seconds(), "pages/s")
		})
	}
}

// medianDuration returns the median of ds, the mean of the middle two if their number is
// even.
func medianDuration(ds []time.Duration) time.Duration {
	ds = slices.Clone(ds)
	slices.Sort(ds)
	n := len(ds)
	return (ds[(n-1)/2] + ds[n/2]) / 2
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
