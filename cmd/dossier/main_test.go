package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRunExitStatus(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) {
		t.Helper()
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("content/dossier.md", "---\ntitle: T\n---\n")
	write("seeds/a.txt", "Titel\n\nEin Satz über Putin.\n")
	write("content/articles/a.md", "---\nseed: a.txt\ntitle: A\n---\n")
	out := filepath.Join(dir, "out")
	for _, tc := range []struct {
		args   []string
		status int
		stderr string
	}{
		{nil, 2, "usage"},
		{[]string{"frobnicate"}, 2, "unknown command"},
		{[]string{"build", "-src", dir, "-out", out}, 0, ""},
		{[]string{"check", "-src", dir}, 0, ""},
		{[]string{"build", "-src", dir, "-out", dir}, 1, "holds the dossier's sources"},
	} {
		var stdout, stderr bytes.Buffer
		if got := run(context.Background(), tc.args, &stdout, &stderr); got != tc.status || !strings.Contains(stderr.String(), tc.stderr) {
			t.Errorf("run(%q) = %d, stderr %q; want %d, …%s…", tc.args, got, stderr.String(), tc.status, tc.stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
		t.Errorf("build wrote no index.html: %v", err)
	}
	write("content/notes/n.md", "---\narticle: a\nquote: \"ein Satz über Kim\"\n---\n")
	var stdout, stderr bytes.Buffer
	if got := run(context.Background(), []string{"check", "-src", dir}, &stdout, &stderr); got != 1 || !strings.Contains(stderr.String(), "content/notes/n.md:3:8: note quote not found") {
		t.Errorf("check with a broken quote = %d, stderr %q", got, stderr.String())
	}
}
