// Package testdossier writes dossiers for tests: small ones from a txtar archive beside a
// copy of the repository's seeds, and synthetic ones of any size (internal/benchgen).
package testdossier

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"dossier/internal/benchgen"
)

// Root returns the repository's root folder, wherever the test runs.
func Root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// Write writes the files of a txtar archive into a new folder, with the repository's
// seeds in seeds/, and returns the folder.
func Write(tb testing.TB, archive string) string {
	tb.Helper()
	dir := tb.TempDir()
	CopyDir(tb, filepath.Join(Root(), "seeds"), filepath.Join(dir, "seeds"))
	for _, f := range txtar.Parse([]byte(archive)).Files {
		WriteFile(tb, filepath.Join(dir, f.Name), string(f.Data))
	}
	return dir
}

// WriteArchive writes the files of the txtar archive file into a new folder, alone (no
// seeds are added), and returns the folder.
func WriteArchive(tb testing.TB, file string) string {
	tb.Helper()
	archive, err := txtar.ParseFile(file)
	if err != nil {
		tb.Fatal(err)
	}
	dir := tb.TempDir()
	for _, f := range archive.Files {
		WriteFile(tb, filepath.Join(dir, f.Name), string(f.Data))
	}
	return dir
}

// CopyDir copies the folder from, with its subfolders, to to.
func CopyDir(tb testing.TB, from, to string) {
	tb.Helper()
	err := filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(from, p)
		if err != nil {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		WriteFile(tb, filepath.Join(to, rel), string(data))
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
}

// WriteFile writes data to name, making its folder.
func WriteFile(tb testing.TB, name, data string) {
	tb.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		tb.Fatal(err)
	}
}

// Age sets the modification time of every file under dir an hour back, as the files of a
// dossier that was written long before an edit: a cache that distrusts files changed
// within the last seconds would otherwise read them all again.
func Age(tb testing.TB, dir string) {
	tb.Helper()
	old := time.Now().Add(-time.Hour)
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		return os.Chtimes(p, old, old)
	})
	if err != nil {
		tb.Fatal(err)
	}
}

// Texts returns the contents of the repository's files that match patterns (globs
// relative to Root), pattern by pattern, each pattern's files in name order.
func Texts(tb testing.TB, patterns ...string) []string {
	tb.Helper()
	var texts []string
	for _, pattern := range patterns {
		names, err := filepath.Glob(filepath.Join(Root(), pattern))
		if err != nil || len(names) == 0 {
			tb.Fatalf("no %s in %s: %v", pattern, Root(), err)
		}
		for _, n := range names {
			data, err := os.ReadFile(n)
			if err != nil {
				tb.Fatal(err)
			}
			texts = append(texts, string(data))
		}
	}
	return texts
}

// Sentences returns the sentences of the repository's seeds, from which internal/benchgen
// writes synthetic dossiers.
func Sentences(tb testing.TB) []string {
	tb.Helper()
	return benchgen.Sentences(Texts(tb, "seeds/*.txt")...)
}

// Synthetic writes a synthetic dossier of n articles (internal/benchgen) into a new
// folder, its files aged (Age), and returns the folder.
func Synthetic(tb testing.TB, n int) string {
	tb.Helper()
	dir := filepath.Join(tb.TempDir(), "dossier")
	if _, err := benchgen.Write(dir, n, Sentences(tb)); err != nil {
		tb.Fatal(err)
	}
	Age(tb, dir)
	return dir
}

// FS returns the folder dir as a build reads it, through an os.Root that is closed when
// the test ends.
func FS(tb testing.TB, dir string) fs.FS {
	tb.Helper()
	root, err := os.OpenRoot(dir)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { root.Close() })
	return root.FS()
}
