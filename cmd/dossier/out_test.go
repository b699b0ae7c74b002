package main

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// smallDossier writes a dossier of one article into dir.
func smallDossier(tb testing.TB, dir string) {
	tb.Helper()
	for name, data := range map[string]string{
		"content/dossier.md":    "---\ntitle: T\n---\n",
		"seeds/a.txt":           "Titel\n\nEin Satz über Putin.\n",
		"content/articles/a.md": "---\nseed: a.txt\ntitle: A\n---\n",
	} {
		writeFile(tb, filepath.Join(dir, name), data)
	}
}

func writeFile(tb testing.TB, p, data string) {
	tb.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		tb.Fatal(err)
	}
}

// files returns every file under dir (relative, slash-separated) with its content.
func files(tb testing.TB, dir string) map[string]string {
	tb.Helper()
	m := map[string]string{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			data, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(dir, p)
			m[filepath.ToSlash(rel)] = string(data)
		}
		return nil
	})
	return m
}

func runBuild(args ...string) (status int, stdout, stderr string) {
	var o, e bytes.Buffer
	status = run(context.Background(), append([]string{"build"}, args...), &o, &e)
	return status, o.String(), e.String()
}

// TestBuildNeverDeletesUsersFiles runs `dossier build` as a careless user would, with each
// -out the issue "never delete what the tool did not write" names: every one is refused
// with the file in the way named, and every file of the user's is still there.
func TestBuildNeverDeletesUsersFiles(t *testing.T) {
	base := t.TempDir()
	src := filepath.Join(base, "dossier")
	smallDossier(t, src)
	home := filepath.Join(base, "home")
	userHome := map[string]string{
		"index.html": "<html>a saved page</html>", ".ssh/id_ed25519": "KEY", ".bashrc": "PATH=",
		"Documents/cv.odt": "years", "passwords.txt": "hunter2", "photos/1.jpg": "JPEG",
	}
	for name, data := range userHome {
		writeFile(t, filepath.Join(home, name), data)
	}
	t.Setenv("HOME", filepath.Join(base, "elsewhere"))

	// A folder with an index.html among the user's files.
	status, _, stderr := runBuild("-src", src, "-out", home)
	if status != 1 || !strings.Contains(stderr, filepath.Join(home, "passwords.txt")+": not written by dossier; move it or choose another -out") {
		t.Errorf("build -out HOME = %d\n%s", status, stderr)
	}
	// The same folder as the home folder.
	t.Setenv("HOME", home)
	if status, _, stderr := runBuild("-src", src, "-out", home); status != 1 || !strings.Contains(stderr, "home folder") {
		t.Errorf("build -out $HOME = %d\n%s", status, stderr)
	}
	if got := files(t, home); len(got) != len(userHome) {
		t.Errorf("the home folder now holds %v", got)
	}
	for name, want := range userHome {
		if data, err := os.ReadFile(filepath.Join(home, name)); err != nil || string(data) != want {
			t.Errorf("the user's %s is gone or changed: %q, %v", name, data, err)
		}
	}

	// The sources reached through a link, while they lie inside the output folder.
	out := filepath.Join(base, "out")
	if status, _, stderr := runBuild("-src", src, "-out", out); status != 0 {
		t.Fatalf("build = %d\n%s", status, stderr)
	}
	inside := filepath.Join(out, "dossier")
	smallDossier(t, inside)
	link := filepath.Join(base, "link")
	os.Symlink(inside, link)
	if status, _, stderr := runBuild("-src", link, "-out", out); status != 1 || !strings.Contains(stderr, "holds the dossier's sources") {
		t.Errorf("build -src LINK-INTO-OUT = %d\n%s", status, stderr)
	}
	if _, err := os.Stat(filepath.Join(inside, "content", "articles", "a.md")); err != nil {
		t.Errorf("the sources are gone: %v", err)
	}
	os.RemoveAll(inside)

	// A user's folder beside the output, named like the build's leftovers.
	backup := filepath.Join(base, ".out.old-backup", "notes.txt")
	writeFile(t, backup, "mine")
	if status, _, stderr := runBuild("-src", src, "-out", out); status != 0 {
		t.Errorf("rebuild = %d\n%s", status, stderr)
	}
	if data, err := os.ReadFile(backup); string(data) != "mine" {
		t.Errorf("the user's %s: %q, %v", backup, data, err)
	}

	// An output folder that is a link to the site: the site it points to is replaced,
	// and the link stays.
	published := filepath.Join(base, "www")
	if err := os.Symlink(out, published); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(src, "content/articles/b.md"), "---\nseed: b.txt\ntitle: B\n---\n")
	writeFile(t, filepath.Join(src, "seeds/b.txt"), "Titel B\n\nNoch ein Satz.\n")
	if status, _, stderr := runBuild("-src", src, "-out", published); status != 0 {
		t.Fatalf("build -out LINK = %d\n%s", status, stderr)
	}
	if info, err := os.Lstat(published); err != nil || info.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("-out is no longer a link: %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, "articles", "b.html")); err != nil {
		t.Errorf("the link's target was not updated: %v", err)
	}

	// Empty and odd flags.
	for _, args := range [][]string{
		{"-src", src, "-out", ""},
		{"-src", "", "-out", out},
		{"-src", src, "-out", out + "\n"},
		{"-src", src, "-out", "pub\x00lic"},
	} {
		before := files(t, base)
		status, stdout, stderr := runBuild(args...)
		if status != 2 || stdout != "" || !strings.Contains(stderr, "-") {
			t.Errorf("build %q = %d, stdout %q, stderr %q; want status 2 and why", args, status, stdout, stderr)
		}
		if after := files(t, base); len(after) != len(before) {
			t.Errorf("build %q wrote or removed files", args)
		}
	}
	for _, cmd := range []string{"check", "serve"} {
		var o, e bytes.Buffer
		if status := run(context.Background(), []string{cmd, "-src", ""}, &o, &e); status != 2 || !strings.Contains(e.String(), "-src is empty") {
			t.Errorf("%s -src \"\" = %d, %q", cmd, status, e.String())
		}
	}
}
