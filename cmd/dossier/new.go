package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"dossier/internal/content"
	"dossier/internal/date"
	idossier "dossier/internal/dossier"
)

const newUsage = `usage:
  dossier new note  [NAME] -article ID -quote "passage from the seed" [-prefix …] [-suffix …] [-kind context]
  dossier new actor NAME [-kind person|state|organisation|media]
  dossier new topic TITLE
  dossier new event TITLE -date 2023-09-13 [-article ID -quote "passage from the seed"]

Each writes content/<kind>s/<id>.md, the id made from the name ("Südkorea" -> suedkorea),
and never overwrites a file. A quote is checked against the article's seed at once.
All take -src DIR, the dossier's folder (default .).
`

// cmdNew writes a new content file from a template.
func cmdNew(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || !slices.Contains([]string{"note", "actor", "topic", "event"}, args[0]) {
		if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
			fmt.Fprintf(stderr, "dossier new: unknown kind %q\n\n", args[0])
		}
		fmt.Fprint(stderr, newUsage)
		return 2
	}
	kind := args[0]
	fs := flag.NewFlagSet("new "+kind, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, newUsage) }
	n := newFile{kind: kind}
	fs.StringVar(&n.src, "src", ".", "the dossier's folder (holding content/ and seeds/)")
	switch kind {
	case "note":
		fs.StringVar(&n.article, "article", "", "id of the article the note annotates")
		fs.StringVar(&n.quote, "quote", "", "the passage, copied from the seed")
		fs.StringVar(&n.prefix, "prefix", "", "words just before the passage, if it occurs more than once")
		fs.StringVar(&n.suffix, "suffix", "", "words just after the passage, if it occurs more than once")
		fs.StringVar(&n.sub, "kind", "context", "kind of note: "+strings.Join(content.NoteKinds, ", "))
	case "actor":
		fs.StringVar(&n.sub, "kind", "person", "kind of actor: "+strings.Join(content.ActorKinds, ", "))
	case "event":
		fs.StringVar(&n.date, "date", "", "when: 2023-09-13, 2023-09, 2023, ~1982, 1950/1953, <2023-07 …")
		fs.StringVar(&n.article, "article", "", "id of the article the source quote is from")
		fs.StringVar(&n.quote, "quote", "", "the passage that reports the event, copied from the seed")
	}
	names, err := parseInterspersed(fs, args[1:])
	if err != nil {
		return 2
	}
	if len(names) > 1 {
		fmt.Fprintf(stderr, "dossier new %s: %d names given (%q); put a name of several words in quotes\n", kind, len(names), names)
		return 2
	}
	if len(names) == 1 {
		n.name = strings.TrimSpace(names[0])
	}
	file, msgs, err := n.create()
	for _, m := range msgs {
		fmt.Fprintf(stdout, "dossier: %s\n", m)
	}
	if err != nil {
		fmt.Fprintf(stderr, "dossier new %s: %v\n", kind, err)
		return 1
	}
	fmt.Fprintf(stdout, "dossier: wrote %s\n", file)
	return 0
}

// parseInterspersed parses flags before and after the positional arguments, so that
// `new actor "Victor Cha" -kind person` works as well as `new actor -kind person "Victor Cha"`.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos, args = append(pos, args[0]), args[1:]
	}
}

// newFile is what `dossier new` was asked to write.
type newFile struct {
	kind, src, name string
	sub             string // the note's or the actor's kind
	article, quote  string
	prefix, suffix  string
	date            string
}

// create checks the request, writes the file, and returns its path and what the editor
// should know about it.
func (n *newFile) create() (string, []string, error) {
	if err := n.validate(); err != nil {
		return "", nil, err
	}
	if _, err := os.Stat(filepath.Join(n.src, "content")); err != nil {
		return "", nil, fmt.Errorf("%s holds no content/ folder; run dossier in the dossier's folder or pass -src", n.src)
	}
	var msgs []string
	var body string
	switch n.kind {
	case "note":
		d, err := loadModel(n.src)
		if err != nil {
			return "", nil, err
		}
		q, msg, err := checkQuote(d, n.article, n.quote, n.prefix, n.suffix)
		if err != nil {
			return "", nil, err
		}
		if msg != "" {
			msgs = append(msgs, msg)
		}
		n.quote = q.text
		if n.name == "" {
			n.name = firstWords(n.quote, 6)
		}
		msgs = append(msgs, fmt.Sprintf("the note is anchored on line %d of seeds/%s; `dossier serve` shows it on articles/%s.html#L%d", q.line, q.seed, n.article, q.line))
		body = noteFile(n)
	case "actor":
		d, err := loadModel(n.src)
		if err != nil {
			return "", nil, err
		}
		if other := claimedBy(d, n.name); other != nil {
			return "", nil, fmt.Errorf("the name %q already belongs to actor %q (%s); add a spelling to its `aliases:` instead", n.name, other.ID, other.File)
		}
		body = actorFile(n)
	case "topic":
		body = topicFile(n)
	case "event":
		if n.article != "" {
			d, err := loadModel(n.src)
			if err != nil {
				return "", nil, err
			}
			q, msg, err := checkQuote(d, n.article, n.quote, "", "")
			if err != nil {
				return "", nil, err
			}
			if msg != "" {
				msgs = append(msgs, msg)
			}
			n.quote = q.text
		} else {
			msgs = append(msgs, "the event has no source yet; add one under `sources:` (an article and a quote from it)")
		}
		body = eventFile(n)
	}
	slug := slugOf(n.name)
	if slug == "" {
		return "", nil, fmt.Errorf("cannot make an id from %q; use a name with letters or digits", n.name)
	}
	rel := path.Join("content", n.kind+"s", slug+".md")
	if err := writeNew(n.src, rel, body); err != nil {
		return "", nil, err
	}
	return filepath.Join(n.src, filepath.FromSlash(rel)), msgs, nil
}

func (n *newFile) validate() error {
	if !validUTF8(n.name, n.article, n.quote, n.prefix, n.suffix, n.date) {
		return errors.New("the arguments are not valid UTF-8 text; check the terminal's encoding")
	}
	switch n.kind {
	case "note":
		if n.article == "" || strings.TrimSpace(n.quote) == "" {
			return errors.New(`a note needs -article ID and -quote "the passage, copied from the seed"`)
		}
		if !slices.Contains(content.NoteKinds, n.sub) {
			return fmt.Errorf("-kind %q is not one of: %s", n.sub, strings.Join(content.NoteKinds, ", "))
		}
	case "actor":
		if n.name == "" {
			return errors.New(`give the actor's name: dossier new actor "Victor Cha"`)
		}
		if !slices.Contains(content.ActorKinds, n.sub) {
			return fmt.Errorf("-kind %q is not one of: %s", n.sub, strings.Join(content.ActorKinds, ", "))
		}
	case "topic":
		if n.name == "" {
			return errors.New(`give the topic's title: dossier new topic "Sanktionen"`)
		}
	case "event":
		if n.name == "" {
			return errors.New(`give the event's title: dossier new event "Gipfel in Wostotschny" -date 2023-09-13`)
		}
		if n.date == "" {
			return errors.New("an event needs -date, e.g. -date 2023-09-13 (or 2023-09, 2023, ~1982, 1950/1953, <2023-07)")
		}
		if _, err := date.Parse(n.date); err != nil {
			return fmt.Errorf("-date: %v", err)
		}
		if (n.article == "") != (strings.TrimSpace(n.quote) == "") {
			return errors.New("a source needs both -article and -quote")
		}
	}
	return nil
}

// loadModel reads the dossier at src as a build does. Problems elsewhere in the dossier do
// not stop `new`: only the article the new file quotes must be sound.
func loadModel(src string) (*idossier.Dossier, error) {
	root, err := os.OpenRoot(src)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	fsys := root.FS()
	c, _ := content.Load(fsys, content.Config{Drafts: true})
	d, _ := idossier.Resolve(c, fsys, idossier.Config{})
	return d, nil
}

// claimedBy returns the actor that already has name as its name or alias, written alike.
func claimedBy(d *idossier.Dossier, name string) *idossier.Actor {
	key := content.Slugify(name)
	for _, a := range d.Actors {
		if content.Slugify(a.Name) == key {
			return a
		}
		for _, al := range a.Aliases {
			if content.Slugify(al.ID) == key {
				return a
			}
		}
	}
	return nil
}

// slugOf makes an id from a name, short enough to be a file name one can read.
func slugOf(name string) string {
	s := content.Slugify(name)
	for len(s) > 60 {
		i := strings.LastIndexByte(s, '-')
		if i < 0 {
			return s[:60]
		}
		s = s[:i]
	}
	return s
}

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	return strings.Join(f[:min(n, len(f))], " ")
}

// writeNew creates the file rel under src, refusing to replace anything: not the file, nor
// one of the same id in a subfolder, since ids must be unique across them.
func writeNew(src, rel, data string) error {
	dir, base := path.Split(rel)
	err := filepath.WalkDir(filepath.Join(src, filepath.FromSlash(dir)), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return fs.SkipAll
			}
			return err
		}
		if !d.IsDir() && d.Name() == base {
			r, _ := filepath.Rel(src, p)
			return fmt.Errorf("%s already exists; choose another name, or edit that file", filepath.ToSlash(r))
		}
		return nil
	})
	if err != nil {
		return err
	}
	full := filepath.Join(src, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s already exists; choose another name, or edit that file", rel)
		}
		return err
	}
	if _, err := f.WriteString(data); err != nil {
		f.Close()
		os.Remove(full)
		return err
	}
	return f.Close()
}

// validUTF8 guards the templates: a name that is not text would make a file no one can read.
func validUTF8(ss ...string) bool {
	for _, s := range ss {
		if !utf8.ValidString(s) {
			return false
		}
	}
	return true
}
