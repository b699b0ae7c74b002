package build

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"dossier/internal/benchgen"
	"dossier/internal/testdossier"
)

var scaleSizes = flag.String("sizes", "100,1000,10000", "BenchmarkScale: the dossiers' numbers of articles, comma-separated")

// BenchmarkScale builds synthetic dossiers of 100, 1,000 and 10,000 articles (written by
// internal/benchgen from the shipped seeds' sentences) to disk, as `dossier build` does,
// and reports for each the median time per article of its builds, which should not grow
// with the dossier, its pages per second, and the spread: the largest median time per
// article over the smallest.
//
//	go test -run '^$' -bench Scale -benchtime 5x ./internal/build
//	go test -run '^$' -bench Scale -benchtime 5x ./internal/build -sizes 1000
//
// Each of the -benchtime rounds builds every size once, in turn, so that the machine's
// slow minutes fall on all of them alike. Each build starts as a new `dossier build`
// process would, with the heap given back to the system: else a small build would reuse
// the memory a large one had the system fault in, and a large one would pay for its own.
// Every build writes a new folder, as a first build or CI's does, and nothing is removed
// before the last: on a file system without a journal, making a file passes over every
// inode freed in the last minutes, so removing one build's output would slow the next.
func BenchmarkScale(b *testing.B) {
	defer LimitMemory()() // as dossier build has it
	var sizes []int
	for f := range strings.SplitSeq(*scaleSizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			b.Fatalf("-sizes %q: want numbers of articles, such as 100,1000,10000", *scaleSizes)
		}
		sizes = append(sizes, n)
	}
	sentences := testdossier.Sentences(b)
	tmp := b.TempDir() // removed after the last build
	for _, n := range sizes {
		if _, err := benchgen.Write(filepath.Join(tmp, strconv.Itoa(n)), n, sentences); err != nil {
			b.Fatal(err)
		}
	}
	took := make([][]time.Duration, len(sizes))
	pages := make([]int, len(sizes))
	for b.Loop() {
		for i, n := range sizes {
			// The kernel would write back the new corpus or the last build's files
			// during this build, on the cores it measures.
			b.StopTimer()
			flushDisk()
			debug.FreeOSMemory()
			b.StartTimer()
			src := filepath.Join(tmp, strconv.Itoa(n))
			out := filepath.Join(tmp, fmt.Sprintf("public-%d-%d", n, len(took[i])))
			start := time.Now()
			res, err := Run(context.Background(), Config{Src: src, Out: out, Minify: true, NoNameWarnings: true})
			if err != nil {
				b.Fatal(err)
			}
			took[i] = append(took[i], time.Since(start))
			pages[i] = res.Pages
		}
	}
	perArticle := make([]float64, len(sizes))
	for i, n := range sizes {
		median := medianDuration(took[i])
		perArticle[i] = median.Seconds() * 1000 / float64(n)
		b.ReportMetric(perArticle[i], fmt.Sprintf("ms/article@%d", n))
		b.ReportMetric(float64(pages[i])/median.Seconds(), fmt.Sprintf("pages/s@%d", n))
		b.Logf("%d articles, %d pages: %v", n, pages[i], took[i])
	}
	b.ReportMetric(slices.Max(perArticle)/slices.Min(perArticle), "spread")
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
