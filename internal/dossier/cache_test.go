package dossier

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"dossier/internal/content"
	"dossier/internal/diag"
)

// TestCache edits the shipped dossier step by step, as an editor does while the preview
// runs, and builds the model after each step twice: with the caches of all steps before,
// and without. Both must give the same model and the same problems, and a model must not
// change when later ones are built.
func TestCache(t *testing.T) {
	fsys := shippedFS(t)
	cc, rc := content.NewCache(), NewCache()
	type built struct {
		step, dump string
		d          *Dossier
	}
	var models []built
	for i, step := range cacheSteps {
		t.Run(step.name, func(t *testing.T) {
			if step.edit != nil {
				step.edit(t, fsys)
			}
			// Every file written keeps a time long past, as if saved a minute before.
			for name, f := range fsys {
				if f.ModTime.IsZero() {
					f.ModTime = time.Now().Add(-time.Hour + time.Duration(i)*time.Second)
					fsys[name] = f
				}
			}
			c, errs := content.Load(fsys, content.Config{Cache: cc})
			d, more := Resolve(c, fsys, Config{Cache: rc})
			errs.Append(more)
			warm := dumpModel(d) + dumpProblems(errs)

			c, errs = content.Load(fsys, content.Config{})
			d2, more := Resolve(c, fsys, Config{})
			errs.Append(more)
			if cold := dumpModel(d2) + dumpProblems(errs); warm != cold {
				t.Fatalf("with caches:\n%s", diffLines(cold, warm))
			}
			if step.want != "" && !strings.Contains(warm, step.want) {
				t.Errorf("the model does not show the step: no %q", step.want)
			}
			for _, m := range models {
				if again := dumpModel(m.d); again != m.dump {
					t.Fatalf("the model of step %q changed:\n%s", m.step, diffLines(m.dump, again))
				}
			}
			models = append(models, built{step.name, dumpModel(d), d})
		})
	}
}

// cacheSteps are the edits of TestCache, in order. want is a line of the model or the
// problems that shows the edit.
var cacheSteps = []struct {
	name string
	edit func(t *testing.T, fsys fstest.MapFS)
	want string
}{
	{name: "first build"},
	{name: "nothing changed"},
	{name: "a note's body", edit: func(t *testing.T, fsys fstest.MapFS) {
		replace(t, fsys, "content/notes/bm-ankunft-nicht-wladiwostok.md", "\n---\n", "\n---\nNeu: [Putin](actor:wladimir-putin). ")
	}, want: "{actor wladimir-putin "},
	{name: "a note's quote", edit: func(t *testing.T, fsys fstest.MapFS) {
		n := noteOf(t, fsys, "berliner-morgenpost-2023-09-13", 2)
		replace(t, fsys, n, "quote: \"", "quote: \"Was nirgends steht: ")
	}, want: "note quote matches only approximately"},
	{name: "the same quote again", edit: func(t *testing.T, fsys fstest.MapFS) {
		n := noteOf(t, fsys, "berliner-morgenpost-2023-09-13", 2)
		replace(t, fsys, n, "quote: \"Was nirgends steht: ", "quote: \"")
	}},
	{name: "an actor's aliases", edit: func(t *testing.T, fsys fstest.MapFS) {
		replace(t, fsys, "content/actors/kim-jong-un.md", "\nkind:", "\naliases: [\"Machthaber\"]\nkind:")
	}, want: "→kim-jong-un \"Machthaber\""},
	{name: "an alias removed", edit: func(t *testing.T, fsys fstest.MapFS) {
		replace(t, fsys, "content/actors/kim-jong-un.md", "\naliases: [\"Machthaber\"]\nkind:", "\nkind:")
	}},
	{name: "a name claimed twice", edit: func(t *testing.T, fsys fstest.MapFS) {
		replace(t, fsys, "content/actors/kim-jong-il.md", "\nkind:", "\naliases: [\"Kim Jong-un\"]\nkind:")
	}, want: "is also claimed by actor"},
	{name: "a seed's line", edit: func(t *testing.T, fsys fstest.MapFS) {
		replace(t, fsys, "seeds/003_7681f01793c1b35b.txt", "Kim", "Ri Sol-ju sagte, Kim")
	}, want: "Ri Sol-ju"},
	{name: "a seed that cannot be read", edit: func(t *testing.T, fsys fstest.MapFS) {
		replace(t, fsys, "seeds/003_7681f01793c1b35b.txt", "Ri Sol-ju sagte", "Ri Sol-ju\x00sagte")
	}, want: "NUL byte"},
	{name: "the seed mended", edit: func(t *testing.T, fsys fstest.MapFS) {
		replace(t, fsys, "seeds/003_7681f01793c1b35b.txt", "Ri Sol-ju\x00sagte, ", "")
	}},
	{name: "a note deleted", edit: func(t *testing.T, fsys fstest.MapFS) {
		delete(fsys, noteOf(t, fsys, "zdfheute-2023-09-12", 1))
	}},
	{name: "a note added", edit: func(t *testing.T, fsys fstest.MapFS) {
		fsys["content/notes/neu.md"] = &fstest.MapFile{Data: []byte("---\narticle: zdfheute-2023-09-12\nquote: \"Kim Jong-un\"\nprefix: \"\"\nactors: [kim-jong-un]\n---\nNeu.\n")}
	}, want: "note neu"},
	{name: "a line kind and a mention rule", edit: func(t *testing.T, fsys fstest.MapFS) {
		replace(t, fsys, "content/articles/berliner-morgenpost-2023-09-13.md", "\nlines:\n", "\nlines:\n  \"5\": caption\n")
		replace(t, fsys, "content/articles/berliner-morgenpost-2023-09-13.md", "\"5-45\": { \"Kim\": kim-jong-un }", "\"5-45\": { \"Kim\": kim-jong-il }")
	}, want: "caption \"set in"},
	{name: "ignored names", edit: func(t *testing.T, fsys fstest.MapFS) {
		replace(t, fsys, "content/dossier.md", "ignore_names: [", "ignore_names: [\"Ri Sol-ju\", ")
	}},
	{name: "a topic's keywords", edit: func(t *testing.T, fsys fstest.MapFS) {
		replace(t, fsys, "content/topics/atomprogramm.md", "keywords: [", "keywords: [\"Wostotschny\", ")
	}, want: "Wostotschny"},
	{name: "an actor renamed", edit: func(t *testing.T, fsys fstest.MapFS) {
		fsys["content/actors/kim-jong-un-2.md"] = fsys["content/actors/kim-jong-un.md"]
		delete(fsys, "content/actors/kim-jong-un.md")
	}, want: "unknown actor \"kim-jong-un\""},
	{name: "an event's source", edit: func(t *testing.T, fsys fstest.MapFS) {
		names, _ := fs.Glob(fsys, "content/events/*.md")
		for _, name := range names {
			data := string(fsys[name].Data)
			if i := strings.Index(data, "quote: \""); i >= 0 {
				end := i + strings.Index(data[i:], "\n")
				replace(t, fsys, name, data[i:end], "quote: \"Dieser Satz steht in keinem der Artikel, nirgends.\"")
				return
			}
		}
	}, want: "event source quote not found"},
}

// shippedFS returns the shipped dossier's content and seeds in memory.
func shippedFS(t *testing.T) fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, dir := range []string{"content", "seeds"} {
		err := filepath.WalkDir(filepath.Join("../..", dir), func(p string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() {
				return err
			}
			data, err := os.ReadFile(p)
			rel, _ := filepath.Rel("../..", p)
			fsys[filepath.ToSlash(rel)] = &fstest.MapFile{Data: data}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return fsys
}

// replace replaces the first old in the file name with new, as an editor's save does: a
// new file, with a new time.
func replace(t *testing.T, fsys fstest.MapFS, name, old, new string) {
	t.Helper()
	f := fsys[name]
	if f == nil || !strings.Contains(string(f.Data), old) {
		t.Fatalf("%s holds no %q", name, old)
	}
	fsys[name] = &fstest.MapFile{Data: []byte(strings.Replace(string(f.Data), old, new, 1))}
}

// noteOf returns the k-th note (1-based, by name) on article.
func noteOf(t *testing.T, fsys fstest.MapFS, article string, k int) string {
	t.Helper()
	names, _ := fs.Glob(fsys, "content/notes/*.md")
	for _, n := range names {
		if strings.Contains(string(fsys[n].Data), "article: "+article) || strings.Contains(string(fsys[n].Data), "article: \""+article+"\"") {
			if k--; k == 0 {
				return n
			}
		}
	}
	t.Fatalf("article %s has no note %d", article, k)
	return ""
}

// dumpModel prints everything a page can show of d, one fact a line.
func dumpModel(d *Dossier) string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	s := d.Site
	p("site %q %q %q %q %v body %s", s.Title, s.Subtitle, s.Language, s.BaseURL, s.IgnoreNames, dumpBody(&s.Meta))
	for _, a := range d.Articles {
		p("article %s %s %+v %q %q %q %v %q %v %v body %s", a.ID, a.File, a.Article.Seed, a.Title, a.Publisher, a.Author, a.Published, a.URL, a.Article.Lines, a.Mentions, dumpBody(&a.Meta))
		if a.Seed != nil {
			p("  seed %s, %d lines", a.Seed.Name, len(a.Seed.Lines))
		}
		for _, l := range a.Lines {
			p("  line %d %v %q %q", l.N, l.Kind, l.Reason, l.Text)
			for _, m := range l.Mentions() {
				p("    mention %s:%d %d-%d→%s %q", m.Article.ID, m.Line, m.Start, m.End, m.Actor.ID, l.Text[m.Start:m.End])
			}
			for _, an := range l.Anchors() {
				p("    anchor %s", dumpAnchor(an))
			}
			for _, t := range l.Topics() {
				p("    topic %s", t.ID)
			}
		}
		p("  notes %v events %v topics %v", ids(a.Notes, noteID), ids(a.Events, eventID), ids(a.Topics, topicID))
		for _, c := range a.Actors {
			p("  actor %s %d", c.ID, c.Count)
		}
	}
	for _, a := range d.Actors {
		p("actor %s %s %q %v %q %v %q body %s", a.ID, a.File, a.Name, a.NamePos, a.Kind, a.Aliases, a.Role, dumpBody(&a.Meta))
		for _, m := range a.Mentions {
			p("  mention %s:%d %d-%d", m.Article.ID, m.Line, m.Start, m.End)
		}
		p("  articles %v notes %v events %v", ids(a.Articles, articleID), ids(a.Notes, noteID), ids(a.Events, eventID))
		for _, c := range a.Related {
			p("  related %s %d", c.ID, c.Count)
		}
	}
	for _, t := range d.Topics {
		p("topic %s %s %q %v body %s", t.ID, t.File, t.Title, t.Keywords, dumpBody(&t.Meta))
		for _, ps := range t.Passages {
			p("  passage %s:%d", ps.Article.ID, ps.Line.N)
		}
		p("  notes %v events %v articles %v", ids(t.Notes, noteID), ids(t.Events, eventID), ids(t.Articles, articleID))
	}
	for _, e := range d.Events {
		p("event %s %s %v %v %q %v body %s", e.ID, e.File, e.Date, e.DatePos, e.Title, e.Event.Sources, dumpBody(&e.Meta))
		p("  actors %v topics %v", ids(e.Actors, actorID), ids(e.Topics, topicID))
		for _, an := range e.Sources {
			p("  source %s", dumpAnchor(an))
		}
	}
	for _, n := range d.Notes {
		p("note %s %s %+v %q #%d body %s", n.ID, n.File, n.Quote, n.Kind, n.Number, dumpBody(&n.Meta))
		p("  actors %v topics %v", ids(n.Actors, actorID), ids(n.Topics, topicID))
		if n.Anchor != nil {
			p("  anchor %s", dumpAnchor(n.Anchor))
		}
	}
	for _, kind := range []string{"article", "actor", "topic", "event", "note"} {
		for _, id := range []string{"kim-jong-un", "neu", "berliner-morgenpost-2023-09-13", "atomprogramm"} {
			var found bool
			switch kind {
			case "article":
				found = d.Article(id) != nil
			case "actor":
				found = d.Actor(id) != nil
			case "topic":
				found = d.Topic(id) != nil
			case "event":
				found = d.Event(id) != nil
			case "note":
				found = d.Note(id) != nil
			}
			p("lookup %s %s %v", kind, id, found)
		}
	}
	return b.String()
}

func dumpBody(m *content.Meta) string {
	if m.Body == nil {
		return "none"
	}
	return fmt.Sprintf("line %d draft %v empty %v refs %v problems %v text %q", m.BodyLine, m.Draft, m.Body.Empty(), m.Body.Refs, m.Body.Problems, m.Body.Text())
}

func dumpAnchor(a *Anchor) string {
	of := ""
	if a.Note != nil {
		of = "note " + a.Note.ID
	}
	if a.Event != nil {
		of = "event " + a.Event.ID
	}
	return fmt.Sprintf("%s:%d %d-%d %v %.3f %s %s", a.Article.ID, a.Line, a.Start, a.End, a.Status, a.Score, of, a.ID())
}

func dumpProblems(l diag.List) string {
	var b strings.Builder
	for _, p := range l.Sort() {
		b.WriteString(p.String() + "\n")
	}
	return b.String()
}

func ids[T any](list []T, id func(T) string) []string {
	var out []string
	for _, v := range list {
		out = append(out, id(v))
	}
	return out
}

func articleID(a *Article) string { return a.ID }
func actorID(a *Actor) string     { return a.ID }
func topicID(t *Topic) string     { return t.ID }
func eventID(e *Event) string     { return e.ID }
func noteID(n *Note) string       { return n.ID }

// diffLines returns the lines of b that a does not have at the same place, and the other
// way round, the first ten.
func diffLines(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	var out []string
	for i := 0; i < max(len(al), len(bl)) && len(out) < 20; i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			out = append(out, "- "+x, "+ "+y)
		}
	}
	return strings.Join(out, "\n")
}

// TestCacheReuses checks that a resolve with a cache reuses what did not change, and only
// that: the seeds, the mentions found in them and the anchors of their quotes.
func TestCacheReuses(t *testing.T) {
	fsys := shippedFS(t)
	for name, f := range fsys {
		f.ModTime = time.Now().Add(-time.Hour)
		fsys[name] = f
	}
	cc, rc := content.NewCache(), NewCache()
	resolve := func() *Dossier {
		t.Helper()
		c, _ := content.Load(fsys, content.Config{Cache: cc})
		d, _ := Resolve(c, fsys, Config{Cache: rc})
		return d
	}
	const name = "003_7681f01793c1b35b.txt"
	first := resolve()
	if again := resolve(); again != first {
		t.Errorf("nothing changed, and the model was made again")
	}
	before := *rc.seeds[name]
	if before.mentions == nil || before.runs == nil || before.unknown == nil || len(before.anchors) == 0 {
		t.Fatalf("the cache holds too little of seed %s: %+v", name, before)
	}

	replace(t, fsys, "content/notes/bm-ankunft-nicht-wladiwostok.md", "\n---\n", "\n---\nNeu. ")
	fsys["content/notes/bm-ankunft-nicht-wladiwostok.md"].ModTime = time.Now().Add(-time.Minute)
	resolve()
	after := rc.seeds[name]
	if after.seed != before.seed || after.mentions != before.mentions || after.unknown != before.unknown {
		t.Errorf("a note's body changed, and the seed was read again or its names found again")
	}

	replace(t, fsys, "content/actors/kim-jong-un.md", "\nkind:", "\naliases: [\"Machthaber\"]\nkind:")
	fsys["content/actors/kim-jong-un.md"].ModTime = time.Now().Add(-time.Minute)
	resolve()
	after = rc.seeds[name]
	if after.seed != before.seed || after.mentions == before.mentions || after.text != before.text {
		t.Errorf("an actor's aliases changed: the seed must stay, its names be found again")
	}

	replace(t, fsys, "seeds/"+name, "Kim", "Kim Kim")
	fsys["seeds/"+name].ModTime = time.Now()
	resolve()
	racy := rc.seeds[name]
	if racy.seed == before.seed {
		t.Errorf("a seed changed and was not read again")
	}
	resolve()
	if rc.seeds[name] == racy {
		t.Errorf("a seed saved a moment ago was trusted to stay the same")
	}
}
