package site

import (
	"fmt"
	"io/fs"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// userFiles writes files (path relative to dir → content) into dir, as a user's own.
func userFiles(tb testing.TB, dir string, files map[string]string) {
	tb.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

// mustSurvive fails unless every one of files is in dir with its content.
func mustSurvive(tb testing.TB, dir string, files map[string]string) {
	tb.Helper()
	for name, want := range files {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil || string(data) != want {
			tb.Errorf("the user's %s is gone or changed: %q, %v", name, data, err)
		}
	}
}

// mustTree returns every file and folder under dir with its content ("dir" for a folder,
// "-> target" for a link).
func mustTree(tb testing.TB, dir string) map[string]string {
	tb.Helper()
	tree := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		switch {
		case d.IsDir():
			tree[rel] = "dir"
		case d.Type()&fs.ModeSymlink != 0:
			target, err := os.Readlink(p)
			tree[rel] = "-> " + target
			return err
		default:
			data, err := os.ReadFile(p)
			tree[rel] = string(data)
			return err
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return tree
}

var site2 = []File{{"index.html", []byte("<p>site</p>")}, {"articles/a.html", []byte("<p>a</p>")}, {"static/style.css", []byte("p{}")}}

// homeFiles is what a home folder holds, with a saved page at its top.
var homeFiles = map[string]string{
	"index.html":        "<html>a saved page</html>",
	".ssh/id_ed25519":   "PRIVATE KEY",
	".bashrc":           "export PATH",
	"Documents/cv.odt":  "years of work",
	"passwords.txt":     "hunter2",
	"photos/2024/1.jpg": "JPEG",
}

// TestRefusesFolderOfOtherFiles: a folder that holds an index.html among files the build
// did not write is not replaced, and the error names each thing in the way (a folder, not
// all it holds).
func TestRefusesFolderOfOtherFiles(t *testing.T) {
	out := t.TempDir()
	userFiles(t, out, homeFiles)
	err := Write(out, site2)
	if err == nil {
		t.Fatal("Write replaced a folder of the user's files")
	}
	for _, name := range []string{".bashrc", ".ssh", "Documents", "passwords.txt", "photos"} {
		if want := filepath.Join(out, name) + ": not written by dossier; move it or choose another -out"; !strings.Contains(err.Error()+"\n", want+"\n") {
			t.Errorf("error = %v\nwant a line %q", err, want)
		}
	}
	mustSurvive(t, out, homeFiles)
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".*")); len(left) > 0 {
		t.Errorf("a refused build left %v", left)
	}
}

// TestRefusesSiteWithOtherFiles: an earlier site is replaced only while it holds nothing
// but what its manifest lists: a file or folder added, a page edited by hand after the
// build, a page replaced by a link, or the manifest edited each stop the build.
func TestRefusesSiteWithOtherFiles(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(t *testing.T, out string)
		want   string
	}{
		{"file added", func(t *testing.T, out string) { userFiles(t, out, map[string]string{"CNAME": "example.org"}) }, "CNAME: not written by dossier"},
		{"folder added", func(t *testing.T, out string) { os.Mkdir(filepath.Join(out, "drafts"), 0o755) }, "drafts: not written by dossier"},
		{"file in a folder of the site", func(t *testing.T, out string) {
			userFiles(t, out, map[string]string{"articles/mine.txt": "mine"})
		}, filepath.Join("articles", "mine.txt") + ": not written by dossier"},
		{"page edited, same size", func(t *testing.T, out string) {
			p := filepath.Join(out, "index.html")
			later := time.Now().Add(time.Minute)
			os.WriteFile(p, []byte("<p>mine</p>"), 0o644)
			os.Chtimes(p, later, later)
		}, "index.html: not written by dossier"},
		{"page replaced by a link", func(t *testing.T, out string) {
			p := filepath.Join(out, "articles", "a.html")
			os.Remove(p)
			os.Symlink("/etc/passwd", p)
		}, "a.html: not written by dossier"},
		{"manifest edited", func(t *testing.T, out string) {
			p := filepath.Join(out, ManifestName)
			data, _ := os.ReadFile(p)
			os.WriteFile(p, append(data, "12 notes.txt\n"...), 0o644)
		}, "checksum"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			if err := Write(out, site2); err != nil {
				t.Fatal(err)
			}
			tc.change(t, out)
			before := mustTree(t, out)
			err := Write(out, []File{{"index.html", []byte("new")}})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Write = %v; want …%s…", err, tc.want)
			}
			if after := mustTree(t, out); !maps.Equal(before, after) {
				t.Errorf("the refused build changed the folder:\nbefore %v\nafter  %v", before, after)
			}
		})
	}
}

// TestReplacesOldSiteOnce: a site of a version before the manifest (index.html, 404.html,
// atom.xml and more) is replaced if the new site has each of its files, and holds a
// manifest from then on; one with a file the new site does not have is refused, with the
// advice to delete it once. A folder with only an index.html is no such site.
func TestReplacesOldSiteOnce(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	old := map[string]string{"index.html": "old", "404.html": "?", "atom.xml": "<feed/>", "articles/a.html": "old a"}
	userFiles(t, out, old)
	site3 := append([]File{{"404.html", []byte("404")}, {"atom.xml", []byte("<feed>")}}, site2...)
	if err := Write(out, site3); err != nil {
		t.Fatalf("Write over a site without a manifest = %v", err)
	}
	if err := Equal(out, site3); err != nil {
		t.Error(err)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".public.*")); len(left) > 0 {
		t.Errorf("left %v", left)
	}

	out = filepath.Join(t.TempDir(), "public")
	old = map[string]string{"index.html": "old", "404.html": "?", "atom.xml": "<feed/>", "articles/gone.html": "a page no longer built"}
	userFiles(t, out, old)
	os.Mkdir(filepath.Join(out, "photos"), 0o755)
	err := Write(out, site3)
	for _, want := range []string{filepath.Join("articles", "gone.html") + ": not written by dossier", "photos: not written by dossier", "delete it once"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Write = %v; want …%s…", err, want)
		}
	}
	mustSurvive(t, out, old)
	if _, err := os.Stat(filepath.Join(out, "photos")); err != nil {
		t.Errorf("the user's empty folder is gone: %v", err)
	}

	out = t.TempDir()
	page := map[string]string{"index.html": "<html>my page</html>"}
	userFiles(t, out, page)
	if err := Write(out, site3); err == nil || !strings.Contains(err.Error(), "index.html: not written by dossier") {
		t.Errorf("Write over a folder of one saved page = %v; want a refusal", err)
	}
	mustSurvive(t, out, page)
}

// TestSymlinkedOutput: an output folder that is a symbolic link gets the new site in the
// folder it points to, and stays a link.
func TestSymlinkedOutput(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "releases", "site")
	if err := Write(target, []File{{"index.html", []byte("old")}}); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "public")
	if err := os.Symlink(filepath.Join("releases", "site"), link); err != nil {
		t.Fatal(err)
	}
	if err := Write(link, site2); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the link is no longer a link: %v, %v", info, err)
	}
	if err := Equal(target, site2); err != nil {
		t.Errorf("the link's target: %v", err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "releases", ".site.*")); len(left) > 0 {
		t.Errorf("left %v", left)
	}
	dangling := filepath.Join(dir, "dangling")
	os.Symlink(filepath.Join(dir, "nowhere", "x"), dangling)
	if err := Write(dangling, site2); err != nil {
		t.Errorf("Write through a link to a folder not yet made = %v", err)
	} else if err := Equal(filepath.Join(dir, "nowhere", "x"), site2); err != nil {
		t.Errorf("the link's target: %v", err)
	}
}

// TestRefusesPlaces: the root, the home folder, the working folder and the folders that
// hold them, the sources and the folders that hold them or lie inside them are refused as
// output, also when named through a symbolic link, and nothing in them changes.
func TestRefusesPlaces(t *testing.T) {
	base := t.TempDir()
	home := filepath.Join(base, "home", "user")
	work := filepath.Join(home, "dossier")
	userFiles(t, work, map[string]string{"content/notes/a.md": "note", "seeds/a.txt": "seed", "index.html": "<p>x</p>"})
	t.Setenv("HOME", home)
	t.Chdir(work)
	os.Symlink(work, filepath.Join(base, "link-to-dossier"))
	os.Symlink(filepath.Join(work, "content"), filepath.Join(base, "link-to-content"))
	sources := []string{filepath.Join(work, "content"), filepath.Join(work, "seeds")}
	for _, tc := range []struct{ out, want string }{
		{"/", "root of the file system"},
		{home, "home folder"},
		{filepath.Dir(home), "home folder"},
		{work, "working folder"},
		{".", "working folder"},
		{filepath.Join(base, "link-to-dossier"), "working folder"},
		{"content", "inside the dossier's sources"},
		{filepath.Join("content", "site"), "inside the dossier's sources"},
		{filepath.Join(base, "link-to-content", "site"), "inside the dossier's sources"},
	} {
		before := mustTree(t, base)
		err := Write(tc.out, site2, sources...)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Write(%q) = %v; want …%s…", tc.out, err, tc.want)
		}
		if after := mustTree(t, base); !maps.Equal(before, after) {
			t.Errorf("Write(%q) changed files", tc.out)
		}
	}
	// The sources reached through a link, while they lie inside the output folder.
	out := filepath.Join(base, "site")
	real := filepath.Join(out, "dossier")
	userFiles(t, real, map[string]string{"content/a.md": "a", "seeds/a.txt": "s", "index.html": "<p>x</p>"})
	os.Symlink(real, filepath.Join(base, "dossier-link"))
	err := Write(out, site2, filepath.Join(base, "dossier-link", "content"))
	if err == nil || !strings.Contains(err.Error(), "holds the dossier's sources") {
		t.Errorf("Write over sources named through a link = %v; want a refusal", err)
	}
	mustSurvive(t, real, map[string]string{"content/a.md": "a", "seeds/a.txt": "s"})
	if err := Write(filepath.Join(work, "public"), site2, sources...); err != nil {
		t.Errorf("Write(public beside the sources) = %v", err)
	}
}

func TestCheckPathFlag(t *testing.T) {
	for _, tc := range []struct{ value, want string }{
		{"", "-out is empty"},
		{"pub\nlic", "control character"},
		{"pub\x00lic", "control character"},
		{"public\r", "control character"},
		{"public", ""},
		{"my site/öffentlich", ""},
	} {
		err := CheckPathFlag("out", tc.value)
		if tc.want == "" && err != nil || tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)) {
			t.Errorf("CheckPathFlag(%q) = %v; want …%s…", tc.value, err, tc.want)
		}
		if tc.want != "" {
			if err := Write(tc.value, site2); err == nil {
				t.Errorf("Write(%q) succeeded", tc.value)
			}
		}
	}
	w, err := NewWriter(filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	for _, name := range []string{ManifestName, "a\nb.html", "x\x00.html"} {
		if err := w.Write(name, nil); err == nil {
			t.Errorf("Write(%q) succeeded", name)
		}
	}
}

// TestNeverRemovesOthersFiles builds into random folder trees: the user's files, random
// index.html files and manifests copied from real builds, at random places in the output
// folder (an earlier site or not) and in folders beside it named as a build's leftovers.
// Whatever the build does, every file the test made is there afterwards, unchanged.
func TestNeverRemovesOthersFiles(t *testing.T) {
	var manifests [][]byte // of real sites, to copy
	for _, files := range [][]File{site2, {{"index.html", []byte("x")}}, {{"a.html", []byte("b")}}} {
		dir := filepath.Join(t.TempDir(), "s")
		if err := Write(dir, files); err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(filepath.Join(dir, ManifestName))
		if err != nil {
			t.Fatal(err)
		}
		manifests = append(manifests, data)
	}
	seed := uint64(time.Now().UnixNano())
	t.Logf("random seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 1))
	names := []string{"index.html", "a.html", "articles", "static", "style.css", "b.html", ".hidden", "notes.txt"}
	outcomes := map[string]int{}
	for round := range 300 {
		dir := t.TempDir()
		out := filepath.Join(dir, "public")
		roots := []string{out, out, filepath.Join(dir, ".public.old-"+fmt.Sprint(round)), filepath.Join(dir, ".public.new-x"), dir}
		if rng.IntN(2) == 0 {
			// An earlier site, which the user's files then join.
			if err := Write(out, site2); err != nil {
				t.Fatal(err)
			}
		}
		user := map[string]string{} // relative to dir
		for range rng.IntN(6) {
			parts := []string{roots[rng.IntN(len(roots))]}
			for range 1 + rng.IntN(3) {
				parts = append(parts, names[rng.IntN(len(names))])
			}
			p := filepath.Join(parts...)
			if os.MkdirAll(filepath.Dir(p), 0o755) != nil {
				continue // a file where a folder would be
			}
			if _, err := os.Lstat(p); err == nil {
				continue // something is there already
			}
			data := fmt.Sprintf("user file %d, %d", round, rng.IntN(1000))
			if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
			rel, _ := filepath.Rel(dir, p)
			user[rel] = data
		}
		for range rng.IntN(3) {
			root := roots[rng.IntN(len(roots))]
			if os.MkdirAll(root, 0o755) == nil {
				os.WriteFile(filepath.Join(root, ManifestName), manifests[rng.IntN(len(manifests))], 0o644)
			}
		}
		err := Write(out, []File{{"index.html", []byte("new")}, {"static/style.css", []byte("q{}")}})
		if err == nil {
			outcomes["built"]++
		} else {
			outcomes["refused"]++
		}
		for rel, want := range user {
			data, rerr := os.ReadFile(filepath.Join(dir, rel))
			if rerr != nil || string(data) != want {
				t.Fatalf("round %d: the build (%v) removed or changed the user's %s: %q, %v", round, err, rel, data, rerr)
			}
		}
	}
	t.Logf("outcomes: %v", outcomes)
	if outcomes["built"] < 20 || outcomes["refused"] < 20 {
		t.Errorf("outcomes %v: the trees are not varied enough to test both ways", outcomes)
	}
}

func TestParseManifest(t *testing.T) {
	m := &manifest{Version: "v1.2.3", Files: map[string]int64{"index.html": 12, "a/b.html": 0}}
	got, err := parseManifest(m.bytes())
	if err != nil || got.Version != m.Version || !maps.Equal(got.Files, m.Files) {
		t.Errorf("parseManifest(bytes()) = %+v, %v; want %+v", got, err, m)
	}
	good := string(m.bytes())
	for _, tc := range []struct{ name, data, want string }{
		{"empty", "", "line 1: no files line"},
		{"other file", "<html>\n", "line 1: not a dossier manifest"},
		{"unknown key", strings.Replace(good, "version", "colour", 1), "line 4: unknown key"},
		{"bad count", strings.Replace(good, "files 2", "files x", 1), "line 5: want files COUNT SHA256"},
		{"path leaving", good + "1 ../x\n", "line 8: want SIZE PATH"},
		{"negative size", good + "-1 x\n", "line 8: want SIZE PATH"},
		{"listed twice", good + "12 index.html\n", "line 8: path listed twice"},
		{"added", good + "12 notes.txt\n", "line 8: the list of files does not match"},
	} {
		_, err := parseManifest([]byte(tc.data))
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%s: parseManifest = %v; want %s…", tc.name, err, tc.want)
		}
	}
}

func FuzzParseManifest(f *testing.F) {
	f.Add((&manifest{Version: "v1", Files: map[string]int64{"index.html": 3}}).bytes())
	f.Add((&manifest{Version: "v1", Temp: ".public.new-1", Files: map[string]int64{}}).bytes())
	f.Add([]byte("dossier-site 1\nfiles 0 x\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := parseManifest(data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "line ") {
				t.Errorf("error without a line: %v", err)
			}
			return
		}
		for p := range m.Files {
			if !fs.ValidPath(p) || p == ManifestName {
				t.Errorf("path %q accepted", p)
			}
		}
	})
}
