package build

// Broken and hostile input through the real command. Every bad input gives exit status 1,
// a message at its file and line, no panic or stack trace, and leaves the previous site
// exactly as it was. A dossier written by an attacker builds into pages that run none of
// its text.

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	xhtml "golang.org/x/net/html"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/tools/txtar"

	"dossier/internal/site"
	"dossier/internal/testdossier"
)

// mustCommand builds cmd/dossier into a temporary folder and returns its path.
func mustCommand(tb testing.TB) string {
	tb.Helper()
	bin := filepath.Join(tb.TempDir(), "dossier")
	if out, err := exec.Command("go", "build", "-o", bin, "dossier/cmd/dossier").CombinedOutput(); err != nil {
		tb.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// runCommand runs the command and returns its exit status and what it printed.
func runCommand(tb testing.TB, bin string, args ...string) (status int, stdout, stderr string) {
	tb.Helper()
	var o, e bytes.Buffer
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		status = exit.ExitCode()
	case err != nil:
		tb.Fatalf("%s %q: %v", bin, args, err)
	}
	return status, o.String(), e.String()
}

// mustReadTree returns every file under dir, to compare the folder with later.
func mustReadTree(tb testing.TB, dir string) []site.File {
	tb.Helper()
	var files []site.File
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files = append(files, site.File{Path: filepath.ToSlash(rel), Data: data})
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return files
}

// leftovers returns what a build left beside the output folder out.
func leftovers(tb testing.TB, out string) []string {
	tb.Helper()
	base := filepath.Base(out)
	var left []string
	for _, pattern := range []string{"." + base + ".new-*", "." + base + ".old-*"} {
		m, err := filepath.Glob(filepath.Join(filepath.Dir(out), pattern))
		if err != nil {
			tb.Fatal(err)
		}
		left = append(left, m...)
	}
	return left
}

// stackTrace matches what a panic or a Go stack trace prints.
var stackTrace = regexp.MustCompile(`panic:|goroutine \d+|runtime error|fatal error|\.go:\d+`)

const seedName = "000_db9fe16b07e37613.txt"

func mustReadSeed(tb testing.TB) string {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot, "seeds", seedName))
	if err != nil {
		tb.Fatal(err)
	}
	return string(data)
}

// badInput is a change to smallDossier that the build must refuse.
type badInput struct {
	name  string
	setup func(tb testing.TB, src string)
	want  []string // regular expressions, each matching one line the command prints
}

// put returns a setup that writes files (name, data, name, data, …) into the dossier.
func put(files ...string) func(testing.TB, string) {
	return func(tb testing.TB, src string) {
		for i := 0; i+1 < len(files); i += 2 {
			testdossier.WriteFile(tb, filepath.Join(src, files[i]), files[i+1])
		}
	}
}

// link returns a setup that replaces name in the dossier by a symbolic link to target;
// a target starting with "outside/" is made in a folder outside the dossier.
func link(name, target string, data string) func(testing.TB, string) {
	return func(tb testing.TB, src string) {
		if rest, ok := strings.CutPrefix(target, "outside/"); ok {
			outside := tb.TempDir()
			target = filepath.Join(outside, rest)
			if strings.HasSuffix(rest, "/") {
				if err := os.MkdirAll(target, 0o755); err != nil {
					tb.Fatal(err)
				}
				testdossier.WriteFile(tb, filepath.Join(target, "stolen.md"), data)
			} else {
				testdossier.WriteFile(tb, target, data)
			}
		}
		p := filepath.Join(src, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.RemoveAll(p); err != nil {
			tb.Fatal(err)
		}
		if err := os.Symlink(strings.TrimSuffix(target, "/"), p); err != nil {
			tb.Fatal(err)
		}
	}
}

// note is the note of smallDossier with its front matter fields and body replaced.
func note(fields, body string) string {
	return "---\n" + fields + "---\n" + body
}

const (
	noteFields  = "article: fr\nquote: \"Unbesiegbarkeit und Dauerhaftigkeit\"\nactors: [wladimir-putin]\n"
	seedFile    = "seeds/" + seedName
	notePath    = "content/notes/treffen.md"
	eventPath   = "content/events/vertrag.md"
	articlePath = "content/articles/fr.md"
	actorPath   = "content/actors/wladimir-putin.md"
)

func badInputs(tb testing.TB) []badInput {
	seedText := mustReadSeed(tb)
	seedLines := strings.Split(seedText, "\n")
	withLine := func(n int, f func(string) string) string {
		lines := append([]string(nil), seedLines...)
		lines[n-1] = f(lines[n-1])
		return strings.Join(lines, "\n")
	}
	latin1, err := charmap.Windows1252.NewEncoder().String(seedText)
	if err != nil {
		tb.Fatal(err)
	}
	utf16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(seedText)
	if err != nil {
		tb.Fatal(err)
	}
	crlf := strings.ReplaceAll(seedText, "\n", "\r\n")
	article := func(extra string) string {
		return "---\nseed: " + seedName + "\ntitle: \"Putin schließt strategische Partnerschaft mit Nordkorea\"\npublished: 2024-06-19\n" + extra + "---\n"
	}
	event := func(date, title, quote string) string {
		return "---\ndate: " + date + "\ntitle: " + title + "\nsources:\n  - article: fr\n    quote: \"" + quote + "\"\n---\n"
	}
	return []badInput{
		// Encodings and line ends.
		{"Latin-1 seed", put(seedFile, latin1), []string{`^seeds/` + seedName + `:1: the text is not valid UTF-8`}},
		{"invalid UTF-8 in a seed", put(seedFile, withLine(11, func(s string) string { return s[:20] + "\xff\xfe" + s[20:] })),
			[]string{`^seeds/` + seedName + `:11: the text is not valid UTF-8`}},
		{"UTF-16 seed", put(seedFile, utf16), []string{`^seeds/` + seedName + `:1: the text is not valid UTF-8`}},
		{"Latin-1 note body", put(notePath, note(noteFields, "Die T\xfcr.\n")),
			[]string{`^content/notes/treffen\.md:6:6: the text is not valid UTF-8`}},
		{"Latin-1 front matter", put(notePath, note("article: fr\nquote: \"Unbesiegbarkeit und Dauerhaftigkeit \xfc\"\n", "")),
			[]string{`^content/notes/treffen\.md:3:45: the text is not valid UTF-8`}},
		{"BOM and CRLF, unknown actor", put(notePath, "\uFEFF---\r\narticle: fr\r\nquote: \"Unbesiegbarkeit und Dauerhaftigkeit\"\r\nactors: [wladimir-putn]\r\n---\r\nText.\r\n"),
			[]string{`^content/notes/treffen\.md:4:10: unknown actor "wladimir-putn"; did you mean "wladimir-putin"\?`}},
		{"CRLF seed, broken quote", put(seedFile, crlf, notePath, note("article: fr\nquote: \"Unbesiegbarkeit und Dauerhaftigkeit und Frieden für alle Zeiten\"\n", "")),
			[]string{`^content/notes/treffen\.md:3:8: note quote not found in article "fr" .*the closest passage is on line 11`}},
		{"BOM and CRLF seed, broken quote", put(seedFile, "\uFEFF"+crlf, notePath, note("article: fr\nquote: \"Unbesiegbarkeit und Dauerhaftigkeit und Frieden für alle Zeiten\"\n", "")),
			[]string{`^content/notes/treffen\.md:3:8: note quote not found in article "fr" .*the closest passage is on line 11`}},
		{"seed with only a BOM", put(seedFile, "\uFEFF"), []string{`^seeds/` + seedName + `:1: the seed is empty`}},
		{"seed with a NUL byte", put(seedFile, withLine(3, func(s string) string { return s + "\x00" })),
			[]string{`^seeds/` + seedName + `:3: the line holds a NUL byte`}},
		{"seed with CR line ends", put(seedFile, strings.ReplaceAll(seedText, "\n", "\r")),
			[]string{`^seeds/` + seedName + `:1: the line holds a carriage return`}},

		// Empty files.
		{"empty seed", put(seedFile, ""), []string{`^seeds/` + seedName + `:1: the seed is empty`}},
		{"empty note", put(notePath, ""), []string{`^content/notes/treffen\.md:1:1: front matter is missing`}},
		{"empty dossier.md", put("content/dossier.md", ""), []string{`^content/dossier\.md:1:1: front matter is missing`}},
		{"empty article", put(articlePath, ""), []string{`^content/articles/fr\.md:1:1: front matter is missing`}},

		// Sizes.
		{"50 MB seed", func(tb testing.TB, src string) {
			big := strings.Repeat(seedText, 50<<20/len(seedText)+1)
			testdossier.WriteFile(tb, filepath.Join(src, seedFile), big)
		}, []string{`^seeds/` + seedName + `:1: the seed is larger than 10 MB`}},
		{"2 MB note", put(notePath, note(noteFields, strings.Repeat("Ein langer Satz über nichts. ", 2<<20/29+1))),
			[]string{`^content/notes/treffen\.md:1:1: file is 2\.\d MB, larger than the 1 MB`}},

		// Front matter.
		{"front matter not YAML: open quote", put(notePath, note("article: fr\nquote: \"Unbesiegbarkeit\n", "")),
			[]string{`^content/notes/treffen\.md:\d+:\d+: front matter is not valid YAML`}},
		{"front matter not YAML: colon", put(notePath, note("article: fr\nquote: Unbesiegbarkeit: und: Dauerhaftigkeit\n", "")),
			[]string{`^content/notes/treffen\.md:3:\d+: front matter is not valid YAML`}},
		{"front matter not YAML: tab", put(notePath, note("article: fr\n\tquote: x\n", "")),
			[]string{`^content/notes/treffen\.md:3:\d+: front matter is not valid YAML`}},
		{"front matter nested too deep", put(notePath, note("article: fr\nquote: "+strings.Repeat("[", 20000)+"\n", "")),
			[]string{`^content/notes/treffen\.md:\d+:\d+: front matter is not valid YAML: exceeded max depth`}},
		{"front matter not closed", put(notePath, "---\narticle: fr\nquote: \"Unbesiegbarkeit und Dauerhaftigkeit\"\n"),
			[]string{`^content/notes/treffen\.md:1:1: front matter is not closed`}},
		{"front matter a list", put(notePath, "---\n- article: fr\n---\n"),
			[]string{`^content/notes/treffen\.md:2:1: front matter must be a list of .key: value. lines`}},
		{"list for a string", put(notePath, note("article: [fr]\nquote: \"Unbesiegbarkeit und Dauerhaftigkeit\"\n", "")),
			[]string{`^content/notes/treffen\.md:2:10: field "article" must be a single value, not a list`}},
		{"list for an event title", put(eventPath, event("2024-06-19", "[Vertrag, Pakt]", "eine strategische Partnerschaft unterzeichnet")),
			[]string{`^content/events/vertrag\.md:3:8: field "title" must be a single value, not a list`}},
		{"mapping for aliases", put(actorPath, "---\nname: Wladimir Putin\nkind: person\naliases: {Putin: ja}\n---\n"),
			[]string{`^content/actors/wladimir-putin\.md:4:10: field "aliases" must be a list`}},
		{"YAML aliases", put(notePath, note("article: &a fr\nquote: *a\nactors: *a\nx: &b [*a, *a]\n", "")),
			[]string{`^content/notes/treffen\.md:3:8: field "quote" must be a single value`, `^content/notes/treffen\.md:5:1: unknown field "x"`}},

		// Dates.
		{"date 2024-13-45", put(eventPath, event("2024-13-45", "Vertrag", "eine strategische Partnerschaft unterzeichnet")),
			[]string{`^content/events/vertrag\.md:2:7: bad date in "date": month 13 out of range in "2024-13-45"`}},
		{"date range ending before it starts", put(eventPath, event("2024-06-19/2024-06-01", "Vertrag", "eine strategische Partnerschaft unterzeichnet")),
			[]string{`^content/events/vertrag\.md:2:7: bad date in "date": range ends before it starts`}},
		{"year range ending before it starts", put(eventPath, event("1953/1950", "Vertrag", "eine strategische Partnerschaft unterzeichnet")),
			[]string{`^content/events/vertrag\.md:2:7: bad date in "date": range ends before it starts`}},

		// Paths leaving their folder.
		{"article id with ../", put(notePath, note("article: ../articles/fr\nquote: \"Unbesiegbarkeit und Dauerhaftigkeit\"\n", "")),
			[]string{`^content/notes/treffen\.md:2:10: id in "article" "\.\./articles/fr" is not a valid id`}},
		{"actor id with ../", put(notePath, note("article: fr\nquote: \"Unbesiegbarkeit und Dauerhaftigkeit\"\nactors: [../../etc/passwd]\n", "")),
			[]string{`^content/notes/treffen\.md:4:10: id in "actors" "\.\./\.\./etc/passwd" is not a valid id`}},
		{"mention rule actor with ../", put(articlePath, article("mentions:\n  \"11\": { \"Kim\": ../kim }\n")),
			[]string{`^content/articles/fr\.md:6:\d+: actor id "\.\./kim" is not a valid id`}},
		{"seed with ../", put(articlePath, strings.Replace(article(""), seedName, "../content/dossier.md", 1)),
			[]string{`^content/articles/fr\.md:2:7: seed "\.\./content/dossier\.md" must be a file name in seeds/`}},
		{"seed with an absolute path", put(articlePath, strings.Replace(article(""), seedName, "/etc/passwd", 1)),
			[]string{`^content/articles/fr\.md:2:7: seed "/etc/passwd" must be a file name in seeds/`}},
		{"seed that is a folder", func(tb testing.TB, src string) {
			os.Remove(filepath.Join(src, seedFile))
			if err := os.Mkdir(filepath.Join(src, seedFile), 0o755); err != nil {
				tb.Fatal(err)
			}
		}, []string{`^content/articles/fr\.md:2:7: cannot read seed`}},
		{"links with ../ and absolute paths", put(notePath, note(noteFields,
			"[a](actor:../../etc/passwd)\n\n[b](../../etc/passwd)\n\n[c](/etc/passwd)\n\n[d](file:///etc/passwd)\n\n[e](article:fr#L../../x)\n")),
			[]string{
				`^content/notes/treffen\.md:6: unknown actor "\.\./\.\./etc/passwd"`,
				`^content/notes/treffen\.md:8: link "\.\./\.\./etc/passwd" is not allowed`,
				`^content/notes/treffen\.md:10: link "/etc/passwd" is not allowed`,
				`^content/notes/treffen\.md:12: link "file:///etc/passwd" is not allowed`,
				`^content/notes/treffen\.md:14: link to article "fr" has fragment #L\.\./\.\./x`,
			}},

		// Symbolic links leaving the dossier.
		{"linked note outside", link("content/notes/evil.md", "outside/evil.md", note(noteFields, "")),
			[]string{`^content/notes/evil\.md:1:1: not a regular file`}},
		{"linked note inside", link("content/notes/evil.md", "../events/vertrag.md", ""),
			[]string{`^content/notes/evil\.md:1:1: not a regular file`}},
		{"linked folder in notes", link("content/notes/more", "outside/more/", note(noteFields, "")),
			[]string{`^content/notes/more:1:1: not a regular file`}},
		{"linked notes folder", link("content/notes", "outside/notes/", note(noteFields, "")),
			[]string{`^content/notes: cannot read: .*escapes`}},
		{"linked seed outside", link(seedFile, "outside/seed.txt", seedText),
			[]string{`^content/articles/fr\.md:2:7: cannot read seed: .*escapes`}},
		{"linked seed to /etc/passwd", link(seedFile, "/etc/passwd", ""),
			[]string{`^content/articles/fr\.md:2:7: cannot read seed: .*escapes`}},
		{"linked seed with ../", link(seedFile, "../../"+seedName, ""),
			[]string{`^content/articles/fr\.md:2:7: cannot read seed: .*escapes`}},
		{"linked seeds folder", link("seeds", "outside/seeds/", ""),
			[]string{`^content/articles/fr\.md:2:7: cannot read seed: .*escapes`}},
		{"linked dossier.md", link("content/dossier.md", "outside/dossier.md", "---\ntitle: T\n---\n"),
			[]string{`^content/dossier\.md:1:1: cannot read: .*escapes`}},
		{"linked templates folder", link("templates", "outside/templates/", ""),
			[]string{`^dossier: render: templates: cannot read: .*escapes`}},
		{"linked static file", link("static/passwd.txt", "/etc/passwd", ""),
			[]string{`^dossier: render: static files: static/passwd\.txt: .*escapes`}},

		// Names and quotes.
		{"empty alias", put(actorPath, "---\nname: Wladimir Putin\nkind: person\naliases: [\"\", Putin]\n---\n"),
			[]string{`^content/actors/wladimir-putin\.md:4:11: empty alias`}},
		{"blank alias", put(actorPath, "---\nname: Wladimir Putin\nkind: person\naliases: [Putin, \"  \"]\n---\n"),
			[]string{`^content/actors/wladimir-putin\.md:4:18: empty alias`}},
		{"empty name", put(actorPath, "---\nname: \"\"\nkind: person\naliases: [Putin]\n---\n"),
			[]string{`^content/actors/wladimir-putin\.md:2:7: field "name" is empty`}},
		{"note quoting across two paragraphs", put(notePath, note("article: fr\nquote: \"Doch vor allem geht es Putin um eins: Er braucht dringend Waffen für seinen Krieg in der Ukraine. „Unbesiegbarkeit\"\n", "")),
			[]string{`^content/notes/treffen\.md:3:8: note quote runs across lines 9 to 11 of article "fr" .*the closest passage is on line 9`}},
		{"note quoting the end and the start of paragraphs", put(notePath, note("article: fr\nquote: \"in der Ukraine. „Unbesiegbarkeit und Dauerhaftigkeit“: Das zeigt das Gipfeltreffen von Russlands Präsident\"\n", "")),
			[]string{`^content/notes/treffen\.md:3:8: note quote runs across lines 9 to 11 of article "fr" .*the closest passage is on line 11`}},
		{"note quoting three paragraphs", put(notePath, note("article: fr\nquote: |\n  Er braucht dringend Waffen für seinen Krieg in der Ukraine.\n\n  "+seedLines[10]+"\n\n  "+seedLines[12][:40]+"\n", "")),
			[]string{`^content/notes/treffen\.md:3:8: note quote runs across lines 9 to 13 of article "fr"`}},
		{"event source quoting across two paragraphs", put(eventPath, event("2024-06-19", "Vertrag", "Krieg in der Ukraine. „Unbesiegbarkeit und Dauerhaftigkeit“")),
			[]string{`^content/events/vertrag\.md:6:12: event source quote runs across lines 9 to 11 of article "fr"`}},
		{"line override past the end", put(articlePath, article("lines:\n  \"9999\": kicker\n")),
			[]string{`^content/articles/fr\.md:6:3: line 9999 is past the end of seed`}},

		// Links a reader must not follow.
		{"script links in markdown", put(notePath, note(noteFields, strings.Join([]string{
			"[a](javascript:alert(1))",                                        // 6
			"[b](JaVaScRiPt:alert(1))",                                        // 8
			"[c](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", // 10
			"[d](vbscript:msgbox(1))",                                         // 12
			"[e](&#106;avascript:alert(1))",                                   // 14
			"[f](java&#x09;script:alert(1))",                                  // 16
			"<javascript:alert(1)>",                                           // 18
			"[g][r]",                                                          // 20
			"[r]: javascript:alert(1)",                                        // 22
			"![h](javascript:alert(1))",                                       // 24
			"[i](  javascript:alert(1)  )",                                    // 26
			"[j](<javascript:alert(1)>)",                                      // 28
			"[k](%6Aavascript:alert(1))",                                      // 30
		}, "\n\n")+"\n")),
			[]string{
				`^content/notes/treffen\.md:6: link "javascript:alert\(1\)" is not allowed`,
				`^content/notes/treffen\.md:8: link "JaVaScRiPt:alert\(1\)" is not allowed`,
				`^content/notes/treffen\.md:10: link "data:text/html;base64,.*" is not allowed`,
				`^content/notes/treffen\.md:12: link "vbscript:msgbox\(1\)" is not allowed`,
				`^content/notes/treffen\.md:14: link "&#106;avascript:alert\(1\)" is not allowed`,
				`^content/notes/treffen\.md:16: link "java&#x09;script:alert\(1\)" is not allowed`,
				`^content/notes/treffen\.md:18: link "javascript:alert\(1\)" has a scheme that is not allowed`,
				`^content/notes/treffen\.md:20: link "javascript:alert\(1\)" is not allowed`,
				`^content/notes/treffen\.md:24: images are not supported`,
				`^content/notes/treffen\.md:26: link "javascript:alert\(1\)" is not allowed`,
				`^content/notes/treffen\.md:28: link "javascript:alert\(1\)" is not allowed`,
				`^content/notes/treffen\.md:30: link "%6Aavascript:alert\(1\)" is not allowed`,
			}},
		{"script url of an article", put(articlePath, article("url: \"javascript:alert(1)\"\n")),
			[]string{`^content/articles/fr\.md:5:6: url "javascript:alert\(1\)" is not a web address`}},
		{"data base_url", put("content/dossier.md", "---\ntitle: T\nbase_url: \"data:text/html,<script>alert(1)</script>\"\n---\n"),
			[]string{`^content/dossier\.md:3:11: base_url "data:text/html,<script>alert\(1\)</script>" is not a web address`}},
	}
}

// TestBadInput runs the command on each kind of broken input, after a good build: exit
// status 1, a message naming the file and line, no stack trace, the site untouched.
func TestBadInput(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command")
	}
	bin := mustCommand(t)
	for _, tc := range badInputs(t) {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			src := testdossier.Write(t, smallDossier)
			out := filepath.Join(t.TempDir(), "public")
			if status, _, stderr := runCommand(t, bin, "build", "-src", src, "-out", out); status != 0 {
				t.Fatalf("the good build failed with status %d:\n%s", status, stderr)
			}
			before := mustReadTree(t, out)
			tc.setup(t, src)
			start := time.Now()
			status, stdout, stderr := runCommand(t, bin, "build", "-src", src, "-out", out)
			took := time.Since(start)
			if status != 1 {
				t.Errorf("exit status %d, want 1; stderr:\n%s", status, stderr)
			}
			for _, w := range tc.want {
				if !regexp.MustCompile("(?m)" + w).MatchString(stderr) {
					t.Errorf("no line matches %s in stderr:\n%s", w, stderr)
				}
			}
			if stackTrace.MatchString(stdout + stderr) {
				t.Errorf("the output shows a panic or stack trace:\n%s%s", stdout, stderr)
			}
			if err := site.Equal(out, before); err != nil {
				t.Errorf("the failed build changed the site: %v", err)
			}
			if left := leftovers(t, out); len(left) > 0 {
				t.Errorf("the failed build left %v", left)
			}
			if took > 20*time.Second {
				t.Errorf("the build took %v to fail", took)
			}
		})
	}
}

// TestOutputHoldingSources refuses an output folder that holds the dossier: replacing it
// would delete the sources.
func TestOutputHoldingSources(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "site", "dossier")
	for _, f := range txtar.Parse([]byte(smallDossier)).Files {
		testdossier.WriteFile(t, filepath.Join(src, f.Name), string(f.Data))
	}
	testdossier.WriteFile(t, filepath.Join(src, seedFile), mustReadSeed(t))
	for _, out := range []string{filepath.Join(dir, "site"), dir, src} {
		_, err := Run(context.Background(), Config{Src: src, Out: out})
		if err == nil || !strings.Contains(err.Error(), "the dossier's sources") {
			t.Errorf("build -out %s = %v; want a refusal", out, err)
		}
	}
	if _, err := os.Stat(filepath.Join(src, notePath)); err != nil {
		t.Errorf("the sources are gone: %v", err)
	}
}

// TestBOMAndCRLF builds a dossier whose every file has a byte order mark and CRLF line
// ends, and compares it with the same dossier in plain LF: the sites are byte for byte
// the same.
func TestBOMAndCRLF(t *testing.T) {
	plain := testdossier.Write(t, smallDossier)
	windows := testdossier.Write(t, smallDossier)
	err := filepath.WalkDir(windows, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		data = append([]byte("\uFEFF"), bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))...)
		return os.WriteFile(p, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	a := mustBuild(t, Config{Src: plain})
	b := mustBuild(t, Config{Src: windows})
	if len(a.Files) != len(b.Files) {
		t.Fatalf("%d files from LF, %d from BOM and CRLF", len(a.Files), len(b.Files))
	}
	for i := range a.Files {
		if a.Files[i].Path != b.Files[i].Path || !bytes.Equal(a.Files[i].Data, b.Files[i].Data) {
			t.Errorf("%s differs between LF and BOM with CRLF", a.Files[i].Path)
		}
	}
	if len(a.Problems) != len(b.Problems) {
		t.Errorf("LF: %v\nBOM and CRLF: %v", a.Problems, b.Problems)
	}
}

// TestHostileSite builds a dossier whose every text tries to put a script on a page, with
// and without minifying, and checks each file of the site for anything that would run.
func TestHostileSite(t *testing.T) {
	src := testdossier.WriteArchive(t, "testdata/hostile/site.txtar")
	for _, minify := range []bool{false, true} {
		res := mustBuild(t, Config{Src: src, Minify: minify})
		shown := false
		for _, f := range res.Files {
			for _, bad := range injections(t, f.Path, f.Data, minify) {
				t.Errorf("minify=%v: %s: %s", minify, f.Path, bad)
			}
			if f.Path == "articles/hostile.html" {
				// The seed's text is shown as text, not dropped.
				shown = strings.Contains(parsePage(t, f.Data).text, `"><script>window.__pwned=1</script> Mallory übernimmt`)
			}
		}
		if !shown {
			t.Errorf("minify=%v: articles/hostile.html does not show the first line of the seed as text", minify)
		}
	}
}

// injections returns what in the file at path would run text of a hostile dossier.
func injections(tb testing.TB, path string, data []byte, minified bool) []string {
	tb.Helper()
	switch filepath.Ext(path) {
	case ".html", ".svg":
		return htmlInjections(data)
	case ".xml":
		return xmlInjections(data)
	case ".js":
		if minified {
			// The minifier rewrites the index as JavaScript, no longer JSON, and turns
			// \u003c back into <, harmless in a script file of its own: the browser test
			// runs it.
			return nil
		}
		var found []string
		low := bytes.ToLower(data)
		for _, bad := range []string{"</script", "<!--"} {
			if bytes.Contains(low, []byte(bad)) {
				found = append(found, "script file holds "+bad+", which would end an inline script")
			}
		}
		if js, ok := bytes.CutPrefix(data, []byte("window.DOSSIER_SEARCH=")); ok {
			if !json.Valid(bytes.TrimSuffix(bytes.TrimSpace(js), []byte(";"))) {
				found = append(found, "the search index is not valid JSON")
			}
		}
		return found
	}
	return nil
}

// urlAttrs are the attributes whose value a browser may load or navigate to.
var urlAttrs = map[string]bool{
	"href": true, "src": true, "action": true, "formaction": true, "data": true, "poster": true,
	"background": true, "cite": true, "longdesc": true, "manifest": true, "codebase": true,
	"lowsrc": true, "dynsrc": true, "ping": true, "srcset": true, "xlink:href": true,
}

// hostileBaseURL begins the escaped base_url of the hostile dossier, which the 404 page
// uses for its links and scripts: the owner's setting, a web address, not content.
const hostileBaseURL = "https://example.org/%22%3e%3cscript%3ewindow.__pwned=1%3c/script%3e/"

// hostile reports whether s holds the payload of the hostile dossier.
func hostile(s string) bool {
	return strings.Contains(s, "__pwned") || strings.Contains(s, "alert(") || strings.Contains(s, "msgbox(")
}

// htmlInjections parses data as a browser would and reports script elements, event
// handler attributes, script URLs and embedded documents.
func htmlInjections(data []byte) []string {
	doc, err := xhtml.Parse(bytes.NewReader(data))
	if err != nil {
		return []string{err.Error()}
	}
	var found []string
	var walk func(n *xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode {
			found = append(found, elementInjections(n)...)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return found
}

func elementInjections(n *xhtml.Node) []string {
	var found []string
	switch n.Data {
	case "script":
		var text strings.Builder
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			text.WriteString(c.Data)
		}
		typ := strings.ToLower(attr(n, "type"))
		switch {
		case strings.Contains(typ, "json"):
			if !json.Valid([]byte(text.String())) {
				found = append(found, "a JSON script is not valid JSON: "+clipped(text.String()))
			}
		case hostile(text.String()) || hostile(strings.TrimPrefix(attr(n, "src"), hostileBaseURL)) || scriptURL(attr(n, "src")):
			found = append(found, "a script runs content: "+clipped(text.String()+attr(n, "src")))
		}
	case "iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal":
		found = append(found, "an element <"+n.Data+">")
	case "meta":
		if strings.EqualFold(attr(n, "http-equiv"), "refresh") {
			found = append(found, "a meta refresh")
		}
	case "style":
		var text strings.Builder
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			text.WriteString(c.Data)
		}
		if hostile(text.String()) || strings.Contains(strings.ToLower(text.String()), "javascript:") {
			found = append(found, "a style element from content: "+clipped(text.String()))
		}
	}
	for _, a := range n.Attr {
		key := strings.ToLower(a.Key)
		if a.Namespace != "" {
			key = a.Namespace + ":" + key
		}
		switch {
		case strings.HasPrefix(key, "on"):
			found = append(found, "<"+n.Data+"> has an event handler "+key+"="+clipped(a.Val))
		case key == "srcdoc":
			found = append(found, "<"+n.Data+"> has srcdoc")
		case key == "style" && (hostile(a.Val) || strings.Contains(strings.ToLower(a.Val), "expression(") || strings.Contains(strings.ToLower(a.Val), "javascript:")):
			found = append(found, "<"+n.Data+"> has a style loading "+clipped(a.Val))
		case urlAttrs[key] && scriptURL(a.Val):
			found = append(found, "<"+n.Data+" "+key+"="+clipped(a.Val)+"> runs or embeds a document")
		case !validAttrName.MatchString(key):
			found = append(found, "<"+n.Data+"> has an attribute named "+clipped(key)+": broken markup")
		}
	}
	return found
}

var validAttrName = regexp.MustCompile(`^[a-z][a-z0-9_.:-]*$`)

// scriptURL reports whether a browser would run or render u as a document: javascript:,
// vbscript: or data: after the characters browsers drop from a scheme.
func scriptURL(u string) bool {
	var b strings.Builder
	for _, r := range strings.ToLower(u) {
		if r > ' ' {
			b.WriteRune(r)
		}
	}
	s := b.String()
	return strings.HasPrefix(s, "javascript:") || strings.HasPrefix(s, "vbscript:") || strings.HasPrefix(s, "data:")
}

func attr(n *xhtml.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return a.Val
		}
	}
	return ""
}

func clipped(s string) string {
	if len(s) > 80 {
		return s[:80] + "…"
	}
	return s
}

// xmlInjections checks that the feed or sitemap is well-formed and that the HTML in the
// feed's entries would run nothing.
func xmlInjections(data []byte) []string {
	var found []string
	dec := xml.NewDecoder(bytes.NewReader(data))
	var html bool
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return append(found, "not well-formed XML: "+err.Error())
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			html = false
			for _, a := range tok.Attr {
				if a.Name.Local == "type" && a.Value == "html" {
					html = true
				}
				if a.Name.Local == "href" && scriptURL(a.Value) {
					found = append(found, "a link to "+clipped(a.Value))
				}
			}
		case xml.CharData:
			if html {
				for _, bad := range htmlInjections(tok) {
					found = append(found, "in an entry's HTML: "+bad)
				}
			}
		case xml.EndElement:
			html = false
		}
	}
	return found
}

// TestInjectionCheck makes sure the check finds each kind of injection it looks for.
func TestInjectionCheck(t *testing.T) {
	for _, page := range []string{
		`<p><script>window.__pwned=1</script></p>`,
		`<p>x</p><script>alert(1)</script>`,
		`<img src=x onerror=window.__pwned=1>`,
		`<a href="  jav&#x09;ascript:alert(1)">x</a>`,
		`<a href="data:text/html,x">x</a>`,
		`<svg><a xlink:href="javascript:alert(1)">x</a></svg>`,
		`<iframe srcdoc="x"></iframe>`,
		`<div title=""><svg onload=alert(1)>">`,
		`<meta http-equiv="refresh" content="0;url=javascript:alert(1)">`,
		`<p style="background:url(javascript:alert(1))">x</p>`,
		`<script type="application/ld+json">{"name": "</script><script>alert(1)</script>"}</script>`,
	} {
		if got := htmlInjections([]byte(page)); len(got) == 0 {
			t.Errorf("htmlInjections(%q) found nothing", page)
		}
	}
	for _, page := range []string{
		`<p title="&quot;&gt;&lt;script&gt;window.__pwned=1&lt;/script&gt;">&lt;script&gt;alert(1)&lt;/script&gt;</p>`,
		`<a href="https://example.org/%22%3E%3Cscript%3E">x</a><script src="static/search.js" defer></script>`,
		`<script type="application/ld+json">{"name": "\u003c/script\u003e"}</script>`,
	} {
		if got := htmlInjections([]byte(page)); len(got) > 0 {
			t.Errorf("htmlInjections(%q) = %q, want nothing", page, got)
		}
	}
	if got := xmlInjections([]byte(`<feed><entry><content type="html">&lt;img src=x onerror=alert(1)&gt;</content></entry></feed>`)); len(got) == 0 {
		t.Error("xmlInjections found no handler in an entry's HTML")
	}
}
