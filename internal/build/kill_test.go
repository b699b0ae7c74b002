package build

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dossier/internal/site"
	"dossier/internal/testdossier"
)

// mustLargeDossier writes a dossier of n articles into a new folder: the repository's seeds
// under new names, its actors and topics without their bodies. Its build takes long enough
// to be killed while it writes.
func mustLargeDossier(tb testing.TB, n int) string {
	tb.Helper()
	dir := tb.TempDir()
	seeds, err := filepath.Glob(filepath.Join(repoRoot, "seeds", "*.txt"))
	if err != nil || len(seeds) == 0 {
		tb.Fatalf("no seeds: %v", err)
	}
	for _, kind := range []string{"actors", "topics"} {
		files, err := filepath.Glob(filepath.Join(repoRoot, "content", kind, "*.md"))
		if err != nil || len(files) == 0 {
			tb.Fatalf("no %s: %v", kind, err)
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				tb.Fatal(err)
			}
			// Only the front matter: a body may link to the repository's articles.
			parts := strings.SplitN(string(data), "---\n", 3)
			if len(parts) < 3 {
				tb.Fatalf("%s: no front matter", f)
			}
			testdossier.WriteFile(tb, filepath.Join(dir, "content", kind, filepath.Base(f)), "---\n"+parts[1]+"---\n")
		}
	}
	testdossier.WriteFile(tb, filepath.Join(dir, "content/dossier.md"), "---\ntitle: \"Groß\"\n---\nViele Artikel.\n")
	for i := range n {
		data, err := os.ReadFile(seeds[i%len(seeds)])
		if err != nil {
			tb.Fatal(err)
		}
		id := fmt.Sprintf("gen-%03d", i)
		testdossier.WriteFile(tb, filepath.Join(dir, "seeds", id+".txt"), string(data))
		testdossier.WriteFile(tb, filepath.Join(dir, "content/articles", id+".md"), fmt.Sprintf(
			"---\nseed: %s.txt\ntitle: \"Artikel %d\"\npublished: 2024-%02d-%02d\n---\nKopie von %s.\n",
			id, i, 1+i%12, 1+i%28, filepath.Base(seeds[i%len(seeds)])))
	}
	return dir
}

// TestKillDuringBuild kills the command again and again while it builds a large dossier
// over a small one's site, some kills at random moments, most while it writes. Each time
// the output folder holds either the old site or the new one, complete, and a build after
// the kills leaves nothing behind beside it.
func TestKillDuringBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("kills thirty builds")
	}
	bin := mustCommand(t)
	oldSrc := testdossier.Write(t, smallDossier)
	newSrc := mustLargeDossier(t, 150)
	out := filepath.Join(t.TempDir(), "public")

	build := func(src, out string) {
		t.Helper()
		if status, _, stderr := runCommand(t, bin, "build", "-src", src, "-out", out); status != 0 {
			t.Fatalf("build %s: status %d\n%s", src, status, stderr)
		}
	}
	build(oldSrc, out)
	oldSite := mustReadTree(t, out)
	ref := filepath.Join(t.TempDir(), "new")
	start := time.Now()
	status, stdout, stderr := runCommand(t, bin, "build", "-src", newSrc, "-out", ref, "-stats")
	full := time.Since(start)
	if status != 0 {
		t.Fatalf("build %s: status %d\n%s", newSrc, status, stderr)
	}
	// Files are written from the start of the render phase on, as they are rendered.
	var write time.Duration
	for _, l := range strings.Split(stdout, "\n") {
		if f := strings.Fields(l); len(f) >= 2 && (f[0] == "render" || f[0] == "write") {
			d, _ := time.ParseDuration(f[1])
			write += d
		}
	}
	if write <= 0 {
		t.Fatalf("no time of the write phase in the output of -stats:\n%s", stdout)
	}
	newSite := mustReadTree(t, ref)
	t.Logf("old site %d files, new site %d files, built in %v, written in %v", len(oldSite), len(newSite), full, write)

	seed := uint64(time.Now().UnixNano())
	rng := rand.New(rand.NewPCG(seed, 0))
	t.Logf("random seed %d", seed)
	counts := map[string]int{}
	for i := range 30 {
		// What an earlier kill left would look like this build's new folder; the build
		// after the loop shows that builds remove it.
		for _, l := range leftovers(t, out) {
			if err := os.RemoveAll(l); err != nil {
				t.Fatal(err)
			}
		}
		cmd := exec.Command(bin, "build", "-src", newSrc, "-out", out)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		exited := make(chan error, 1)
		go func() { exited <- cmd.Wait() }()
		var when string
		if i%3 == 0 {
			// Anywhere in the build.
			d := time.Duration(rng.Int64N(int64(full)))
			when = fmt.Sprintf("%v after the start", d)
			time.Sleep(d)
		} else {
			// While it writes: once the new folder appears, soon after.
			waitFor(t, exited, func() bool { return len(leftovers(t, out)) > 0 })
			d := time.Duration(rng.Int64N(int64(write)))
			when = fmt.Sprintf("%v after the new folder appeared", d)
			time.Sleep(d)
		}
		writing := len(leftovers(t, out)) > 0
		cmd.Process.Kill() // SIGKILL: no chance to clean up
		err := <-exited
		state := ""
		switch {
		case site.Equal(out, oldSite) == nil:
			state = "old"
		case site.Equal(out, newSite) == nil:
			state = "new"
		default:
			t.Fatalf("kill %d, %v: the output is neither the old site (%v) nor the new one (%v); the build said %v\n%s",
				i, when, site.Equal(out, oldSite), site.Equal(out, newSite), err, stderr.String())
		}
		switch {
		case err == nil:
			state += ", build had finished"
		case writing:
			state += ", killed while writing"
		}
		counts[state]++
		if strings.HasPrefix(state, "new") {
			build(oldSrc, out) // so that the next kill again finds the old site
		}
	}
	t.Logf("after the kills: %v", counts)
	if n := counts["old, killed while writing"] + counts["new, killed while writing"]; n < 5 {
		t.Errorf("only %d builds were killed while writing; make the dossier larger", n)
	}
	build(newSrc, out)
	if err := site.Equal(out, newSite); err != nil {
		t.Errorf("the build after the kills: %v", err)
	}
	if left := leftovers(t, out); len(left) > 0 {
		t.Errorf("the build after the kills left %v", left)
	}
}

// waitFor polls cond until it holds or the process has exited.
func waitFor(t *testing.T, exited chan error, cond func() bool) {
	t.Helper()
	for !cond() {
		select {
		case err := <-exited:
			exited <- err // for the caller
			return
		case <-time.After(200 * time.Microsecond):
		}
	}
}
