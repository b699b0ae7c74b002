package main

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/txtar"
)

const repoRoot = "../.."

// mustDossier writes the files of a txtar archive into a new folder, with the repository's
// seeds, and returns the folder.
func mustDossier(tb testing.TB, archive string) string {
	tb.Helper()
	dir := tb.TempDir()
	seeds, err := filepath.Glob(filepath.Join(repoRoot, "seeds", "*.txt"))
	if err != nil || len(seeds) == 0 {
		tb.Fatalf("no seeds: %v", err)
	}
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			tb.Fatal(err)
		}
		mustWrite(tb, filepath.Join(dir, "seeds", filepath.Base(s)), string(data))
	}
	for _, f := range txtar.Parse([]byte(archive)).Files {
		mustWrite(tb, filepath.Join(dir, f.Name), string(f.Data))
	}
	return dir
}

func mustWrite(tb testing.TB, name, data string) {
	tb.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		tb.Fatal(err)
	}
}

func mustRead(tb testing.TB, name string) string {
	tb.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		tb.Fatal(err)
	}
	return string(data)
}

// syncBuffer is a buffer that a running command writes while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
