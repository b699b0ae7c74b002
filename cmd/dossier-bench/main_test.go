package main

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestFloorRendersEachFile(t *testing.T) {
	src := filepath.Join(t.TempDir(), "articles")
	os.MkdirAll(src, 0o755)
	os.WriteFile(filepath.Join(src, "a.md"), []byte("---\ntitle: A\n---\n# Kopf\n\nText *betont*.\n"), 0o644)
	os.WriteFile(filepath.Join(src, "_index.md"), []byte("---\ntitle: list\n---\n"), 0o644)
	out := t.TempDir()
	if err := floorCommand([]string{"-out", out, src}); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(out, "articles", "a.html"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "<h1>Kopf</h1>\n<p>Text <em>betont</em>.</p>\n"; string(got) != want {
		t.Errorf("a.html = %q, want %q", got, want)
	}
	if _, err := os.Stat(filepath.Join(out, "articles", "_index.html")); err == nil {
		t.Error("_index.md, a Hugo list page, was rendered")
	}
}

func TestMedian(t *testing.T) {
	m := median([]run{{wall: 3 * time.Second, maxRSS: 10}, {wall: time.Second, maxRSS: 30}, {wall: 2 * time.Second, maxRSS: 20}})
	if m.wall != 2*time.Second || m.maxRSS != 20 {
		t.Errorf("median = %v, %d; want 2s, 20", m.wall, m.maxRSS)
	}
}

// TestReadAll reads every file of the folders, and says so when it cannot.
func TestReadAll(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "a", "b"), 0o755)
	os.WriteFile(filepath.Join(dir, "a", "b", "x.md"), []byte("x"), 0o644)
	if err := readAll([]string{dir}); err != nil {
		t.Errorf("readAll: %v", err)
	}
	if err := readAll([]string{dir, filepath.Join(dir, "missing")}); err == nil {
		t.Error("readAll of a missing folder succeeded")
	}
	if os.Getuid() != 0 { // root reads anything
		os.Chmod(filepath.Join(dir, "a", "b", "x.md"), 0)
		if err := readAll([]string{dir}); err == nil {
			t.Error("readAll of an unreadable file succeeded")
		}
	}
}
