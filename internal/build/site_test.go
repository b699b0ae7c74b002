package build

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"

	"dossier/internal/seed"
)

// The whole-site tests build the dossier shipped in this repository.
const repoRoot = "../.."

func mustBuild(tb testing.TB, cfg Config) *Result {
	tb.Helper()
	res, err := Run(context.Background(), cfg)
	if err != nil {
		tb.Fatalf("build %s: %v\n%v", cfg.Src, err, res.Problems)
	}
	return res
}

// mustFile returns the file at path of a build kept in memory.
func mustFile(tb testing.TB, res *Result, path string) string {
	tb.Helper()
	for _, f := range res.Files {
		if f.Path == path {
			return string(f.Data)
		}
	}
	tb.Fatalf("the build wrote no %s", path)
	return ""
}

func mustBuildRepo(tb testing.TB) (string, *Result) {
	tb.Helper()
	out := filepath.Join(tb.TempDir(), "public")
	return out, mustBuild(tb, Config{Src: repoRoot, Out: out, Minify: true})
}

// page is a parsed HTML page of the built site.
type page struct {
	ids   map[string]bool
	links []string // href and src values
	text  string   // all text, entities decoded
}

func parsePage(tb testing.TB, data []byte) *page {
	tb.Helper()
	doc, err := xhtml.Parse(bytes.NewReader(data))
	if err != nil {
		tb.Fatal(err)
	}
	p := &page{ids: map[string]bool{}}
	var text strings.Builder
	var walk func(n *xhtml.Node)
	walk = func(n *xhtml.Node) {
		for _, a := range n.Attr {
			if a.Key == "class" && a.Val == "ref" {
				return // a note's number or an event's mark, not text of the seed
			}
		}
		if n.Type == xhtml.TextNode {
			text.WriteString(n.Data)
		}
		for _, a := range n.Attr {
			switch a.Key {
			case "id":
				p.ids[a.Val] = true
			case "href", "src":
				p.links = append(p.links, a.Val)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	p.text = text.String()
	return p
}

func readPages(tb testing.TB, out string) map[string]*page {
	tb.Helper()
	pages := map[string]*page{}
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		pages[filepath.ToSlash(rel)] = parsePage(tb, data)
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return pages
}

// TestSiteLinks checks that every relative link of every page leads to a file of the site
// and every #fragment to an id in that page.
func TestSiteLinks(t *testing.T) {
	out, _ := mustBuildRepo(t)
	pages := readPages(t, out)
	if len(pages) < 10 {
		t.Fatalf("only %d pages built", len(pages))
	}
	checked := 0
	for from, p := range pages {
		for _, link := range p.links {
			u, err := url.Parse(link)
			if err != nil {
				t.Errorf("%s: bad link %q: %v", from, link, err)
				continue
			}
			if u.Scheme != "" || u.Host != "" {
				continue
			}
			if strings.HasPrefix(link, "/") {
				t.Errorf("%s: link %q is root-relative; it breaks under a sub-path", from, link)
				continue
			}
			target := from
			if u.Path != "" {
				target = path.Join(path.Dir(from), u.Path)
				if strings.HasSuffix(u.Path, "/") {
					t.Errorf("%s: link %q names a folder; it shows as a listing from file://", from, link)
					continue
				}
				if _, err := os.Stat(filepath.Join(out, target)); err != nil {
					t.Errorf("%s: link %q: no file %s", from, link, target)
					continue
				}
			}
			if u.Fragment != "" && !strings.HasPrefix(u.Fragment, ":~:") { // text fragments are found by the browser
				tp := pages[target]
				if tp == nil {
					t.Errorf("%s: link %q: fragment into a non-page", from, link)
				} else if !tp.ids[u.Fragment] {
					t.Errorf("%s: link %q: no id %q in %s", from, link, u.Fragment, target)
				}
			}
			checked++
		}
	}
	t.Logf("%d pages, %d links checked", len(pages), checked)
}

// TestSiteKeepsEveryParagraph checks that no line of article text is lost: every line
// classified as paragraph or subheading appears, with its anchor, on its article page.
func TestSiteKeepsEveryParagraph(t *testing.T) {
	out, res := mustBuildRepo(t)
	pages := readPages(t, out)
	space := regexp.MustCompile(`\s+`)
	norm := func(s string) string { return space.ReplaceAllString(strings.ReplaceAll(s, "\u00a0", " "), " ") }
	lines := 0
	for _, a := range res.Dossier.Articles {
		p := pages["articles/"+a.ID+".html"]
		if p == nil {
			t.Fatalf("no page for article %s", a.ID)
		}
		text := norm(p.text)
		for _, l := range a.Lines {
			if l.Kind != seed.Paragraph && l.Kind != seed.Subheading {
				continue
			}
			lines++
			if !p.ids[fmt.Sprintf("L%d", l.N)] {
				t.Errorf("articles/%s.html: no anchor L%d", a.ID, l.N)
			}
			if want := norm(strings.TrimSpace(l.Text)); !strings.Contains(text, want) {
				t.Errorf("articles/%s.html: line %d is missing: %.80q", a.ID, l.N, want)
			}
		}
	}
	if lines < 90 {
		t.Errorf("only %d paragraph lines checked; the seeds have more", lines)
	}
}

// TestSiteEscaping looks for text escaped twice or not at all.
func TestSiteEscaping(t *testing.T) {
	out, _ := mustBuildRepo(t)
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		data, _ := os.ReadFile(p)
		for _, bad := range []string{"&amp;amp;", "&amp;quot;", "&amp;#", "&amp;bdquo;", "&amp;ldquo;", "<script>alert", "{{", "}}", "%!"} {
			if bytes.Contains(data, []byte(bad)) {
				t.Errorf("%s contains %q", p, bad)
			}
		}
		if !bytes.Contains(data, []byte(`<html lang="de">`)) {
			t.Errorf("%s: no <html lang=\"de\">", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestBuildDeterministic builds twice, once on one processor, and compares every byte.
func TestBuildDeterministic(t *testing.T) {
	a := mustBuild(t, Config{Src: repoRoot, Minify: true})
	prev := runtime.GOMAXPROCS(1)
	b := mustBuild(t, Config{Src: repoRoot, Minify: true})
	runtime.GOMAXPROCS(prev)
	if len(a.Files) != len(b.Files) {
		t.Fatalf("%d files, then %d", len(a.Files), len(b.Files))
	}
	for i := range a.Files {
		if a.Files[i].Path != b.Files[i].Path || !bytes.Equal(a.Files[i].Data, b.Files[i].Data) {
			t.Errorf("%s differs between builds", a.Files[i].Path)
		}
	}
}

// TestBuildDeterministicAcrossProcesses runs the command twice, with GOMAXPROCS=1 and the
// default, and compares the output folders byte for byte.
func TestBuildDeterministicAcrossProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "dossier")
	if out, err := exec.Command("go", "build", "-o", bin, "dossier/cmd/dossier").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	outs := []string{filepath.Join(dir, "one"), filepath.Join(dir, "all")}
	for i, procs := range []string{"1", fmt.Sprint(runtime.NumCPU())} {
		cmd := exec.Command(bin, "build", "-src", repoRoot, "-out", outs[i])
		cmd.Env = append(os.Environ(), "GOMAXPROCS="+procs)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("dossier build: %v\n%s", err, out)
		}
	}
	if out, err := exec.Command("diff", "-r", outs[0], outs[1]).CombinedOutput(); err != nil {
		t.Fatalf("outputs differ:\n%s", out)
	}
}
