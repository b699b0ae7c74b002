package build

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"dossier/internal/testdossier"
)

// TestFolderFS checks that opening files folder by folder changes nothing a build can
// see: a file, a link to a file elsewhere in the dossier, and the refusal of a link that
// leaves it and of a path that is not one.
func TestFolderFS(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	testdossier.WriteFile(t, filepath.Join(dir, "seeds/a.txt"), "A")
	testdossier.WriteFile(t, filepath.Join(dir, "archive/b.txt"), "B")
	testdossier.WriteFile(t, filepath.Join(outside, "secret.txt"), "S")
	for link, target := range map[string]string{
		"seeds/b.txt":      "../archive/b.txt",
		"seeds/secret.txt": filepath.Join(outside, "secret.txt"),
		"seeds/up.txt":     "../../" + filepath.Base(outside) + "/secret.txt",
	} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	ffs := newFolderFS(root)
	defer ffs.close()
	for name, want := range map[string]string{"seeds/a.txt": "A", "seeds/b.txt": "B", "archive/b.txt": "B"} {
		if got, err := fs.ReadFile(ffs, name); err != nil || string(got) != want {
			t.Errorf("ReadFile(%s) = %q, %v; want %q", name, got, err, want)
		}
	}
	for _, name := range []string{"seeds/secret.txt", "seeds/up.txt", "seeds/../../x", "/etc/passwd", "seeds/missing.txt"} {
		if got, err := fs.ReadFile(ffs, name); err == nil {
			t.Errorf("ReadFile(%s) = %q, want an error", name, got)
		}
	}
	if entries, err := fs.ReadDir(ffs, "seeds"); err != nil || len(entries) != 4 {
		t.Errorf("ReadDir(seeds) = %d entries, %v; want 4", len(entries), err)
	}
}
