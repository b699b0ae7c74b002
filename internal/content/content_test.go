package content

import (
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"dossier/internal/diag"
	"dossier/internal/markdown"
)

func TestLoadPositions(t *testing.T) {
	fsys := fstest.MapFS{
		"content/dossier.md":  {Data: []byte("---\ntitle: T\n---\nIntro.\n")},
		"content/events/e.md": {Data: []byte("\n---\ntitle: \"E\"\ndate: 2024-02-30\nactors: [Putin, kim-jong-un]\nsources:\n  - article: a\n    qoute: x\n---\nText.\n")},
		"content/notes/n.md":  {Data: []byte("---\narticle: a\nquote: \"x\"\nkind: opinion\n---\n")},
		"content/actors/a.md": {Data: []byte("---\nname: A\nkind: person\naliases: [\"\", B]\n---\n")},
	}
	c, errs := Load(fsys, Config{})
	want := []string{
		"content/actors/a.md:4:11: empty alias",
		"content/events/e.md:4:7: bad date in \"date\": day 30",
		"content/events/e.md:5:10: id in \"actors\" \"Putin\" is not a valid id",
		"content/events/e.md:7:5: missing required field \"quote\"",
		"content/events/e.md:8:5: unknown field \"qoute\"",
		"content/notes/n.md:4:7: kind \"opinion\" is not one of: context, factcheck",
	}
	got := errs.Sort()
	if len(got) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%v", len(got), len(want), got)
	}
	for i, w := range want {
		if !strings.HasPrefix(got[i].String(), w) {
			t.Errorf("problem %d = %s\nwant prefix %s", i, got[i], w)
		}
	}
	if len(c.Events) != 1 || c.Events[0].BodyLine != 10 {
		t.Errorf("event body starts on line %d, want 10", c.Events[0].BodyLine)
	}
}

func TestDrafts(t *testing.T) {
	fsys := fstest.MapFS{
		"content/dossier.md":  {Data: []byte("---\ntitle: T\n---\n")},
		"content/topics/a.md": {Data: []byte("---\ntitle: A\ndraft: true\n---\n")},
		"content/topics/b.md": {Data: []byte("---\ntitle: B\n---\n")},
	}
	for _, drafts := range []bool{false, true} {
		c, errs := Load(fsys, Config{Drafts: drafts})
		if errs.Err() != nil {
			t.Fatal(errs)
		}
		if want := map[bool]int{false: 1, true: 2}[drafts]; len(c.Topics) != want {
			t.Errorf("Drafts=%v: %d topics, want %d", drafts, len(c.Topics), want)
		}
	}
}

func TestSlugify(t *testing.T) {
	for in, want := range map[string]string{
		"Sergei Schoigu": "sergei-schoigu", "Südkorea": "suedkorea", "Straße": "strasse",
		"Choe Son-hui": "choe-son-hui", "  Ökonomie & Krieg ": "oekonomie-krieg", "Łukasz": "ukasz",
	} {
		if got := Slugify(in); got != want {
			t.Errorf("Slugify(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzParseFile(f *testing.F) {
	f.Add([]byte("---\ntitle: T\ndate: 2024\nactors: [a, b]\n---\nBody [x](actor:a).\n"))
	f.Add([]byte("---\ntitle: [\n---\n"))
	f.Add([]byte("---\n- a\n---\n"))
	f.Add([]byte("\uFEFF---\r\ntitle: T\r\n---\r\n"))
	p := markdown.NewParser()
	f.Fuzz(func(t *testing.T, data []byte) {
		var errs diag.List
		file := parseFile("content/topics/t.md", data, p, &errs)
		loadEvent(file)
		for _, e := range errs {
			if e.Pos.File == "" || e.Pos.Line < 1 {
				t.Fatalf("problem without a position: %v", e)
			}
		}
	})
}

func TestSubfolders(t *testing.T) {
	fsys := fstest.MapFS{
		"content/dossier.md":         {Data: []byte("---\ntitle: T\n---\n")},
		"content/notes/fr/a.md":      {Data: []byte("---\narticle: fr\nquote: q\n---\n")},
		"content/notes/zdf/b.md":     {Data: []byte("---\narticle: zdf\nquote: q\n---\n")},
		"content/notes/.hidden/c.md": {Data: []byte("not read")},
	}
	c, errs := Load(fsys, Config{})
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	if len(c.Notes) != 2 || c.Notes[0].ID != "a" || c.Notes[1].File != "content/notes/zdf/b.md" {
		t.Errorf("notes = %+v", c.Notes)
	}
}

func TestTooDeep(t *testing.T) {
	for _, tc := range []struct {
		name, body, want string
	}{
		{"quotes", strings.Repeat(">", 40) + " x\n", "content/notes/n.md:5:1: quotes nested 40 deep"},
		{"indent", "a\n" + strings.Repeat(" ", 300) + "- x\n", "content/notes/n.md:6:1: line indented by 300"},
		{"table", "|" + strings.Repeat(" a |", 300) + "\n", "content/notes/n.md:5:1: table row with more than 256 cells"},
	} {
		fsys := fstest.MapFS{
			"content/dossier.md": {Data: []byte("---\ntitle: T\n---\n")},
			"content/notes/n.md": {Data: []byte("---\narticle: a\nquote: q\n---\n" + tc.body)},
		}
		_, errs := Load(fsys, Config{})
		if !strings.Contains(errs.Error(), tc.want) {
			t.Errorf("%s: errors %q, want …%s…", tc.name, errs.Error(), tc.want)
		}
	}
}

func FuzzValidSlug(f *testing.F) {
	for _, s := range []string{"", "a", "a-b", "a--b", "-a", "a-", "ab-12-c", "A", "ä", "a_b", "a-b-"} {
		f.Add(s)
	}
	re := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := ValidSlug(s), re.MatchString(s); got != want {
			t.Errorf("ValidSlug(%q) = %v, want %v", s, got, want)
		}
	})
}
