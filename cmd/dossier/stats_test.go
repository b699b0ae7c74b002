package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"dossier/internal/build"
	"dossier/internal/testdossier"
)

// TestBuildStats checks -stats: a row per phase with its time, CPU time and allocations, a total,
// and the page count; and -cpuprofile, a profile.
func TestBuildStats(t *testing.T) {
	dir := t.TempDir()
	testdossier.WriteFile(t, filepath.Join(dir, "content/dossier.md"), "---\ntitle: T\n---\n")
	testdossier.WriteFile(t, filepath.Join(dir, "seeds/a.txt"), "Titel\n\nEin Satz über Putin.\n")
	testdossier.WriteFile(t, filepath.Join(dir, "content/articles/a.md"), "---\nseed: a.txt\ntitle: A\n---\n")
	prof := filepath.Join(dir, "cpu.prof")
	var stdout, stderr bytes.Buffer
	args := []string{"build", "-src", dir, "-out", filepath.Join(dir, "out"), "-stats", "-cpuprofile", prof}
	if got := run(context.Background(), args, &stdout, &stderr); got != 0 {
		t.Fatalf("run(%q) = %d, stderr %q", args, got, stderr.String())
	}
	out := stdout.String()
	for _, phase := range []string{"load", "resolve", "render", "write", "total"} {
		d := `[0-9.]+(ns|µs|ms|s)`
		row := regexp.MustCompile(`(?m)^\s*` + phase + `\s+` + d + `\s+` + d + `\s+` + d + `\s+[0-9.]+ MB\s+[0-9]+\s*$`)
		if !row.MatchString(out) {
			t.Errorf("-stats has no row for %s with time, cpu, gc cpu, bytes and allocations:\n%s", phase, out)
		}
	}
	if !regexp.MustCompile(`(?m)^\d+ pages, \d+ files`).MatchString(out) {
		t.Errorf("-stats does not say the page count:\n%s", out)
	}
	data, err := os.ReadFile(prof)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte{0x1f, 0x8b}) { // pprof's profiles are gzipped protocol buffers
		t.Errorf("-cpuprofile wrote %d bytes, not a profile", len(data))
	}
}

// TestBuildStatsBytes: -stats says how many bytes the build wrote, the sum of the files in
// the output folder.
func TestBuildStatsBytes(t *testing.T) {
	dir := t.TempDir()
	testdossier.WriteFile(t, filepath.Join(dir, "content/dossier.md"), "---\ntitle: T\n---\n")
	testdossier.WriteFile(t, filepath.Join(dir, "seeds/a.txt"), "Titel\n\nEin Satz über Putin.\n")
	testdossier.WriteFile(t, filepath.Join(dir, "content/articles/a.md"), "---\nseed: a.txt\ntitle: A\n---\n")
	out := filepath.Join(dir, "out")
	var stdout, stderr bytes.Buffer
	if got := run(context.Background(), []string{"build", "-src", dir, "-out", out, "-stats"}, &stdout, &stderr); got != 0 {
		t.Fatalf("build = %d, stderr %q", got, stderr.String())
	}
	m := regexp.MustCompile(`(?m)^\d+ pages, (\d+) files, ([0-9.]+) MB`).FindStringSubmatch(stdout.String())
	if m == nil {
		t.Fatalf("-stats does not say files and bytes:\n%s", stdout.String())
	}
	var files int
	var size int64
	filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && d.Name() != ".dossier-site" {
			info, _ := d.Info()
			files++
			size += info.Size()
		}
		return nil
	})
	if want := fmt.Sprintf("%.1f", float64(size)/1e6); m[1] != strconv.Itoa(files) || m[2] != want {
		t.Errorf("-stats says %s files, %s MB; the folder has %d files, %s MB", m[1], m[2], files, want)
	}
	// Not on a terminal, a build shows no progress; -quiet prints nothing at all.
	if stderr.Len() != 0 {
		t.Errorf("a build not on a terminal wrote %q to stderr", stderr.String())
	}
	stdout.Reset()
	if got := run(context.Background(), []string{"build", "-quiet", "-src", dir, "-out", out}, &stdout, &stderr); got != 0 || stdout.Len()+stderr.Len() != 0 {
		t.Errorf("build -quiet = %d, printed %q and %q", got, stdout.String(), stderr.String())
	}
}

// TestProgressLine: the progress line appears only after the wait, says the phase and the
// pages rendered of all, and is cleared at the end.
func TestProgressLine(t *testing.T) {
	var p build.Progress
	var w syncBuffer
	stop := showProgress(&w, &p, time.Hour, time.Millisecond)
	stop()
	if w.String() != "" {
		t.Errorf("a build shorter than the wait showed %q", w.String())
	}
	build.SetProgress(&p, "render", 40, 11403)
	stop = showProgress(&w, &p, 0, time.Millisecond)
	time.Sleep(50 * time.Millisecond)
	stop()
	got := w.String()
	if !strings.Contains(got, "\r\x1b[Kdossier: render 40/11403 pages") || !strings.HasSuffix(got, "\r\x1b[K") {
		t.Errorf("progress wrote %q", got)
	}
}
