// Package testdossier writes small dossiers for tests: content files from a txtar archive
// beside a copy of the repository's seeds.
package testdossier

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"golang.org/x/tools/txtar"
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
