package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"testing"

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
