package serve

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"dossier/internal/build"
	"dossier/internal/testdossier"
)

// BenchmarkSaveToPage measures what an editor waits for: from saving a note to the moment
// the browser has the updated page, in the shipped dossier and in a synthetic one of 1,000
// articles (internal/benchgen). It does what the reload script does, listen for the reload
// event and fetch the page again, and reports the median and the slowest time from the
// save to a page that shows the new text.
func BenchmarkSaveToPage(b *testing.B) {
	b.Run("shipped", func(b *testing.B) {
		src := b.TempDir()
		for _, dir := range []string{"seeds", "content", "templates", "static"} {
			if _, err := os.Stat(filepath.Join(repoRoot, dir)); err == nil {
				testdossier.CopyDir(b, filepath.Join(repoRoot, dir), filepath.Join(src, dir))
			}
		}
		testdossier.Age(b, src)
		benchSaveToPage(b, src)
	})
	b.Run("articles=1000", func(b *testing.B) {
		src := testdossier.Synthetic(b, 1000)
		benchSaveToPage(b, src)
	})
}

func benchSaveToPage(b *testing.B, src string) {
	res, err := build.Run(context.Background(), build.Config{Src: src})
	if err != nil {
		b.Fatalf("the dossier does not build:\n%v", err)
	}
	var file, article string
	for _, n := range res.Dossier.Notes {
		if n.Anchor != nil {
			file, article = filepath.Join(src, n.File), n.Anchor.Article.ID
			break
		}
	}
	if file == "" {
		b.Fatal("the dossier has no anchored note")
	}
	orig, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}

	base := mustServe(b, Config{Build: build.Config{Src: src}})
	url := base + "/articles/" + article + ".html"
	body := waitFor(b, url, "the article", shows("<html")).body
	m := regexp.MustCompile(`data-version="([^"]+)"`).FindStringSubmatch(body)
	if m == nil {
		b.Fatal("no version in the page")
	}
	reloads := events(b, base, m[1])

	var times []time.Duration
	for i := 0; b.Loop(); i++ {
		marker := fmt.Sprintf("Messpunkt %d", i)
		start := time.Now()
		testdossier.WriteFile(b, file, string(orig)+"\n"+marker+"\n")
		for shown := false; !shown; {
			select {
			case <-reloads:
			case <-time.After(time.Minute):
				b.Fatalf("no reload within a minute of saving %s", file)
			}
			shown = strings.Contains(get(b, url).body, marker)
		}
		times = append(times, time.Since(start))
	}
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "ms-median")
	b.ReportMetric(float64(times[len(times)-1].Microseconds())/1000, "ms-max")
}
