package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"dossier/internal/content"
	"dossier/internal/edit"
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
	n := edit.Request{Kind: kind}
	src := fs.String("src", ".", "the dossier's folder (holding content/ and seeds/)")
	switch kind {
	case "note":
		fs.StringVar(&n.Article, "article", "", "id of the article the note annotates")
		fs.StringVar(&n.Quote, "quote", "", "the passage, copied from the seed")
		fs.StringVar(&n.Prefix, "prefix", "", "words just before the passage, if it occurs more than once")
		fs.StringVar(&n.Suffix, "suffix", "", "words just after the passage, if it occurs more than once")
		fs.StringVar(&n.Sub, "kind", "context", "kind of note: "+strings.Join(content.NoteKinds, ", "))
	case "actor":
		fs.StringVar(&n.Sub, "kind", "person", "kind of actor: "+strings.Join(content.ActorKinds, ", "))
	case "event":
		fs.StringVar(&n.Date, "date", "", "when: 2023-09-13, 2023-09, 2023, ~1982, 1950/1953, <2023-07 …")
		fs.StringVar(&n.Article, "article", "", "id of the article the source quote is from")
		fs.StringVar(&n.Quote, "quote", "", "the passage that reports the event, copied from the seed")
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
		n.Name = names[0]
	}
	c, err := edit.Create(*src, nil, n)
	for _, m := range c.Messages {
		fmt.Fprintf(stdout, "dossier: %s\n", m)
	}
	if err != nil {
		fmt.Fprintf(stderr, "dossier new %s: %v\n", kind, err)
		return 1
	}
	fmt.Fprintf(stdout, "dossier: wrote %s\n", filepath.Join(*src, filepath.FromSlash(c.File)))
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
