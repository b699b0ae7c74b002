package main

import (
	"go/build"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// actionlintVersion is the version .ci/run installs.
const actionlintVersion = "v1.7.12"

// TestWorkflow lints the GitHub Actions workflows with actionlint, and checks that the
// publishing workflow does what the README promises. Without actionlint the test skips,
// except in CI (CI set), where .ci/run installs it and a skip would hide a broken workflow.
func TestWorkflow(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(repoRoot, ".github", "workflows", "*.yml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no workflows in .github/workflows: %v", err)
	}

	pages := mustRead(t, filepath.Join(repoRoot, ".github", "workflows", "pages.yml"))
	for _, want := range []string{
		"branches: [main]", "pull_request:",
		"go-version-file: go.mod",
		"dossier check -strict",
		"steps.pages.outputs.base_url",
		"actions/configure-pages@v", "actions/upload-pages-artifact@v", "actions/deploy-pages@v",
		"if: github.event_name != 'pull_request'",
	} {
		if !strings.Contains(pages, want) {
			t.Errorf("pages.yml lacks %q", want)
		}
	}

	bin := findActionlint()
	if bin == "" {
		msg := "actionlint is not installed; install it with `go install github.com/rhysd/actionlint/cmd/actionlint@" + actionlintVersion + "`"
		if os.Getenv("CI") != "" {
			t.Fatal(msg + " (.ci/run does)")
		}
		t.Skip(msg)
	}
	cmd := exec.Command(bin, append([]string{"-no-color"}, files...)...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("actionlint: %v\n%s", err, out)
	}
}

// findActionlint looks on PATH, then where `go install` puts programs.
func findActionlint() string {
	if p, err := exec.LookPath("actionlint"); err == nil {
		return p
	}
	dirs := []string{os.Getenv("GOBIN")}
	for _, gopath := range filepath.SplitList(build.Default.GOPATH) {
		dirs = append(dirs, filepath.Join(gopath, "bin"))
	}
	for _, d := range dirs {
		if d == "" {
			continue
		}
		p := filepath.Join(d, "actionlint")
		if info, err := os.Stat(p); err == nil && !info.IsDir() {
			return p
		}
	}
	return ""
}
