package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"dossier/internal/content"
	"dossier/internal/diag"
	idossier "dossier/internal/dossier"
	"dossier/internal/ingest"
	"dossier/internal/locale"
)

const importUsage = `usage: dossier import [-src .] [-id ID] [-language de|en] [-update] SOURCE…

SOURCE is a saved web page (.html), an http(s) address, a text file, or a JSON file of
annotations (W3C Web Annotations, as data/annotations.jsonld, or a Hypothesis export),
whose annotations become notes on the articles they target (see below). A page is written as
seeds/<id>.txt (the article's text: kicker, title, paragraphs and subheadings, verbatim)
and content/articles/<id>.md (title, publisher, author, date, address, retrieved, the
seed's sha256, and needs-review: what was guessed). A download is also kept as
seeds/raw/<id>.html. Importing the same text again does nothing; a changed text at the
same address is refused unless -update, which keeps the old seed as seeds/<id>@<date>.txt
and names the notes that no longer anchor.

An annotation's article is the one whose url: is the annotated address (or whose page in
the site it names); its quote (TextQuoteSelector) is anchored as a note's. One that anchors
becomes content/notes/<article>-<first words>.md, quoting the seed, with its text as the
body, its tags as actors, topics or kind, and its id as annotation_id:. One that does not
is listed with the closest passage and written nowhere; one imported before is skipped.
`

// cmdImport imports sources as new articles.
func cmdImport(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, importUsage); fs.PrintDefaults() }
	cfg := ingest.Config{}
	fs.StringVar(&cfg.Root, "src", ".", "the dossier's folder (holding content/ and seeds/)")
	fs.StringVar(&cfg.ID, "id", "", "the new article's id (default: publisher and date, as frankfurter-rundschau-2024-06-19)")
	fs.StringVar(&cfg.Language, "language", "", "the article's language, if the page does not say it or says it wrong: "+strings.Join(locale.Codes(), ", "))
	fs.BoolVar(&cfg.Update, "update", false, "replace the seed of a source whose text changed, keeping the old one as seeds/<id>@<date>.txt")
	sources, err := parseInterspersed(fs, args)
	if err != nil {
		return 2
	}
	if len(sources) == 0 {
		fs.Usage()
		return 2
	}
	if cfg.ID != "" && len(sources) > 1 {
		fmt.Fprintf(stderr, "dossier import: -id names one article, but %d sources are given; import them one at a time\n", len(sources))
		return 2
	}
	status := 0
	for _, src := range sources {
		if data, ok := annotationFile(src); ok {
			if !importAnnotations(cfg.Root, src, data, stdout, stderr) {
				status = 1
			}
			continue
		}
		var before diag.List
		if cfg.Update {
			before = anchorProblems(cfg.Root)
		}
		rep, err := ingest.Import(ctx, cfg, src)
		if err != nil {
			fmt.Fprintf(stderr, "dossier import: %v\n", err)
			status = 1
			continue
		}
		printImport(stdout, src, rep)
		if rep.Updated != "" {
			reportBroken(stdout, rep, before, anchorProblems(cfg.Root))
		}
	}
	return status
}

func printImport(w io.Writer, src string, rep *ingest.Report) {
	switch {
	case rep.Unchanged:
		fmt.Fprintf(w, "dossier: %s: already imported as %s (%s), unchanged; nothing written\n", src, rep.ID, rep.Seed)
		return
	case rep.Updated != "":
		fmt.Fprintf(w, "dossier: %s: updated %s; the old text is kept as %s\n", src, rep.Seed, rep.Updated)
	default:
		fmt.Fprintf(w, "dossier: %s: imported as %s\n", src, rep.ID)
	}
	for _, f := range rep.Wrote {
		fmt.Fprintf(w, "  wrote %s\n", f)
	}
	for _, n := range rep.Notes {
		fmt.Fprintf(w, "  note: %s\n", n)
	}
	if rep.Updated == "" {
		fmt.Fprintf(w, "  next: review %s (its needs-review list), then `dossier check`; `dossier serve` shows it at articles/%s.html\n", rep.Article, rep.ID)
	}
}

// anchorProblems returns the problems a check of the dossier at src finds, or nil if it
// cannot be checked.
func anchorProblems(src string) diag.List {
	root, err := os.OpenRoot(src)
	if err != nil {
		return nil
	}
	defer root.Close()
	c, errs := content.Load(root.FS(), content.Config{Drafts: true})
	_, more := idossier.Resolve(c, root.FS(), idossier.Config{NoNameWarnings: true})
	return append(errs, more...)
}

// reportBroken prints the problems an update brought: the notes and event sources that
// anchored before and do not now, each with the closest passage.
func reportBroken(w io.Writer, rep *ingest.Report, before, after diag.List) {
	seen := map[string]bool{}
	for _, p := range before {
		seen[p.String()] = true
	}
	var broken []string
	for _, p := range after {
		if !seen[p.String()] && !strings.HasPrefix(p.Pos.File, "seeds/") {
			broken = append(broken, p.String())
		}
	}
	slices.Sort(broken)
	if len(broken) == 0 {
		fmt.Fprintf(w, "  every note and event source of %s still anchors\n", rep.ID)
		return
	}
	fmt.Fprintf(w, "  %d problems since the update; the notes are kept as they were, fix their quotes:\n", len(broken))
	for _, b := range broken {
		fmt.Fprintf(w, "    %s\n", b)
	}
}
