package dirfile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func openDir(t *testing.T) (string, *Dir) {
	t.Helper()
	top := t.TempDir()
	if err := os.Mkdir(filepath.Join(top, "d"), 0o755); err != nil {
		t.Fatal(err)
	}
	root, err := os.OpenRoot(top)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { root.Close() })
	d, err := Open(root, "d")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return top, d
}

func TestWriteThenRead(t *testing.T) {
	top, d := openDir(t)
	for _, data := range []string{"erste Fassung, länger als die zweite", "zweite"} {
		if err := d.WriteFile("a.html", []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join(top, "d", "a.html"))
		if err != nil || string(got) != data {
			t.Fatalf("file holds %q, %v; want %q", got, err, data)
		}
		f, err := d.Open("a.html")
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.Stat()
		if err != nil {
			t.Fatal(err)
		}
		if st.Size() != int64(len(data)) || st.Name() != "a.html" || !st.Mode().IsRegular() || st.Mode().Perm() != 0o644&^umask(t) {
			t.Errorf("Stat: size %d, name %q, mode %v", st.Size(), st.Name(), st.Mode())
		}
		if age := time.Since(st.ModTime()); age < -time.Minute || age > time.Minute {
			t.Errorf("Stat: modified %v ago", age)
		}
		read, err := io.ReadAll(f)
		if err != nil || string(read) != data {
			t.Errorf("read %q, %v; want %q", read, err, data)
		}
		if err := f.Close(); err != nil {
			t.Error(err)
		}
		if _, err := f.Read(make([]byte, 1)); !errors.Is(err, fs.ErrClosed) {
			t.Errorf("read after close: %v, want ErrClosed", err)
		}
	}
}

// umask returns the bits the process's umask takes from 0o777, as the test sees them.
func umask(t *testing.T) fs.FileMode {
	name := filepath.Join(t.TempDir(), "probe")
	if err := os.WriteFile(name, nil, 0o777); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	return 0o777 &^ st.Mode().Perm()
}

func TestRefusesNamesThatLeave(t *testing.T) {
	top, d := openDir(t)
	if err := os.WriteFile(filepath.Join(top, "secret"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"", ".", "..", "../secret", "a/b", `a\b`, "/etc/passwd", "a\x00b"} {
		if _, err := d.Open(name); err == nil {
			t.Errorf("Open(%q) succeeded", name)
		}
		if err := d.WriteFile(name, []byte("x"), 0o644); err == nil {
			t.Errorf("WriteFile(%q) succeeded", name)
		}
	}
}

func TestRefusesLinks(t *testing.T) {
	top, d := openDir(t)
	outside := filepath.Join(top, "outside")
	if err := os.WriteFile(outside, []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(top, "d", "link")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if f, err := d.Open("link"); err == nil {
		f.Close()
		t.Error("Open followed a symbolic link")
	}
	if err := d.WriteFile("link", []byte("overwritten"), 0o644); err == nil {
		t.Error("WriteFile followed a symbolic link")
	}
	if got, _ := os.ReadFile(outside); string(got) != "keep" {
		t.Errorf("the file the link leads to holds %q", got)
	}
}

func TestOpenNeedsAFolder(t *testing.T) {
	top := t.TempDir()
	if err := os.WriteFile(filepath.Join(top, "f"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	root, err := os.OpenRoot(top)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	for _, name := range []string{"f", "missing", ".."} {
		if d, err := Open(root, name); err == nil {
			d.Close()
			t.Errorf("Open(root, %q) succeeded", name)
		}
	}
}

func TestMissingFile(t *testing.T) {
	_, d := openDir(t)
	if _, err := d.Open("missing.md"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Open of a missing file: %v, want ErrNotExist", err)
	}
}

func TestWriteFileReportsFailure(t *testing.T) {
	top, d := openDir(t)
	if err := os.Mkdir(filepath.Join(top, "d", "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	err := d.WriteFile("sub", []byte("x"), 0o644)
	var pe *fs.PathError
	if !errors.As(err, &pe) || pe.Path != "sub" {
		t.Errorf("WriteFile over a folder: %v, want an error naming sub", err)
	}
	big := make([]byte, 3<<20) // more than one write may take
	for i := range big {
		big[i] = byte(i)
	}
	if err := d.WriteFile("big", big, 0o644); err != nil {
		t.Fatal(err)
	}
	if got, err := os.ReadFile(filepath.Join(top, "d", "big")); err != nil || len(got) != len(big) || got[len(got)-1] != big[len(big)-1] {
		t.Errorf("big file: %d bytes, %v; want %d", len(got), err, len(big))
	}
}

func TestReadDir(t *testing.T) {
	top, d := openDir(t)
	for _, name := range []string{"b.md", "a.md", "c.txt"} {
		if err := os.WriteFile(filepath.Join(top, "d", name), []byte(name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(top, "d", "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	os.Symlink("a.md", filepath.Join(top, "d", "link.md")) // where links can be made, a link is listed as one
	entries, err := d.ReadDir()
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadDir(filepath.Join(top, "d")) // the standard library's answer, sorted by name
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(want) {
		t.Fatalf("ReadDir: %d entries, want %d", len(entries), len(want))
	}
	for i, e := range entries {
		w := want[i]
		if e.Name() != w.Name() || e.Type() != w.Type() || e.IsDir() != w.IsDir() {
			t.Errorf("entry %d: %q %v, want %q %v", i, e.Name(), e.Type(), w.Name(), w.Type())
		}
		info, err := e.Info()
		wi, _ := w.Info()
		if err != nil || info.Size() != wi.Size() || info.Mode() != wi.Mode() || !info.ModTime().Equal(wi.ModTime()) {
			t.Errorf("Info(%s) = %v, %v; want %v", e.Name(), info, err, wi)
		}
	}
}
