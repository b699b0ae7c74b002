package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"dossier/internal/build"
	"dossier/internal/content"
	"dossier/internal/diag"
	"dossier/internal/edit"
	"dossier/internal/mention"
)

// cmdAccept writes suggestions of `dossier check` into the actor files: an alias added to
// its actor's `aliases:`, a new actor created from the template of `dossier new actor`.
// Each file changes by the one line that holds its aliases; comments, order and the
// rest stay as they were. If the dossier has errors after, every file is put back.
func cmdAccept(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("accept", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfg := build.Config{}
	sourceFlags(fs, &cfg)
	all := fs.Bool("all", false, "accept every suggestion that names an actor or a new one")
	dry := fs.Bool("n", false, "print what would change, change nothing")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return 2
	}
	res, err := build.Run(ctx, cfg)
	if err != nil {
		report(stderr, res.Problems, false)
		fmt.Fprintln(stderr, "dossier accept: the dossier has errors; fix them first, then accept suggestions")
		return 1
	}
	var sugg []diag.Problem
	for _, p := range res.Problems {
		if s := p.Suggestion; s != nil && s.Action != diag.SuggestMentions {
			sugg = append(sugg, p)
		}
	}
	if !*all && len(rest) == 0 {
		for _, p := range sugg {
			fmt.Fprintf(stdout, "%s: %s %q%s\n", p.Pos, p.Suggestion.Action, p.Suggestion.Surface, targetOf(p.Suggestion))
		}
		fmt.Fprintf(stdout, "dossier accept: %d suggestions; accept some by their names (dossier accept \"Kremlin\" …) or all with -all\n", len(sugg))
		return 0
	}
	want := map[string]bool{}
	for _, a := range rest {
		want[strings.ToLower(a)] = true
	}
	chosen := sugg[:0:0]
	for _, p := range sugg {
		if *all || want[strings.ToLower(p.Suggestion.Surface)] {
			chosen = append(chosen, p)
			delete(want, strings.ToLower(p.Suggestion.Surface))
		}
	}
	for _, a := range rest {
		if want[strings.ToLower(a)] {
			fmt.Fprintf(stderr, "dossier accept: check suggests nothing for %q; run dossier accept without names to list the suggestions\n", a)
			return 1
		}
	}
	plan, err := planAccept(cfg.Src, res, chosen)
	if err != nil {
		fmt.Fprintf(stderr, "dossier accept: %v\n", err)
		return 1
	}
	for _, c := range plan {
		fmt.Fprintln(stdout, c.what)
	}
	if *dry || len(plan) == 0 {
		return 0
	}
	if err := applyAccept(cfg.Src, plan); err != nil {
		fmt.Fprintf(stderr, "dossier accept: %v\n", err)
		return 1
	}
	if res, err := build.Run(ctx, cfg); err != nil {
		report(stderr, res.Problems.Errors(), false)
		undoAccept(cfg.Src, plan)
		fmt.Fprintln(stderr, "dossier accept: the accepted suggestions made these errors; every file is as it was")
		return 1
	}
	return 0
}

func targetOf(s *diag.Suggestion) string {
	if s.Actor != "" {
		return " to actor " + s.Actor
	}
	return " as a new actor"
}

// change is a file accept writes: its new content, and its old one (nil if it is new).
type change struct {
	rel      string // slash-separated, under the dossier's root
	old, new []byte
	what     string
}

// planAccept returns the files that accepting the suggestions changes, new actors first.
func planAccept(src string, res *build.Result, chosen []diag.Problem) ([]*change, error) {
	d := res.Dossier
	byRel := map[string]*change{}
	var order []*change
	// New actors first: an alias may be for one of them ("Ushakov" for yuri-ushakov).
	for _, p := range chosen {
		s := p.Suggestion
		if s.Action != diag.SuggestActor {
			continue
		}
		slug := edit.Slug(s.Surface)
		rel := path.Join("content", "actors", slug+".md")
		if d.Actor(slug) != nil || byRel[rel] != nil {
			continue
		}
		kind := "person"
		if _, ok := mention.RegionCode(s.Surface); ok {
			kind = "state"
		} else if mention.RegionName(s.Surface) {
			kind = "organisation"
		}
		c := &change{rel: rel, new: []byte(edit.ActorFile(s.Surface, kind)), what: fmt.Sprintf("%s: new actor %q (%s), for %s", rel, s.Surface, kind, p.Pos)}
		byRel[rel] = c
		order = append(order, c)
	}
	for _, p := range chosen {
		s := p.Suggestion
		if s.Action != diag.SuggestAlias {
			continue
		}
		rel := path.Join("content", "actors", s.Actor+".md")
		if a := d.Actor(s.Actor); a != nil {
			rel = a.File
			if a.Name == s.Surface || slices.ContainsFunc(a.Aliases, func(r content.Ref) bool { return r.ID == s.Surface }) {
				continue
			}
		}
		c := byRel[rel]
		if c == nil {
			old, err := os.ReadFile(filepath.Join(src, filepath.FromSlash(rel)))
			if err != nil {
				if errors.Is(err, os.ErrNotExist) {
					return nil, fmt.Errorf("%s: %q is suggested for actor %s, which does not exist yet; accept the new actor's suggestion as well", p.Pos, s.Surface, s.Actor)
				}
				return nil, err
			}
			c = &change{rel: rel, old: old, new: old}
			byRel[rel] = c
			order = append(order, c)
		}
		next, err := addAlias(string(c.new), s.Surface)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", rel, err)
		}
		c.new = []byte(next)
		what := fmt.Sprintf("%s: alias %q added, for %s", rel, s.Surface, p.Pos)
		if c.what == "" {
			c.what = what
		} else {
			c.what += "\n" + what
		}
	}
	return order, nil
}

func applyAccept(src string, plan []*change) error {
	for i, c := range plan {
		full := filepath.Join(src, filepath.FromSlash(c.rel))
		var err error
		if c.old == nil {
			err = createFile(src, c.rel, string(c.new))
		} else {
			err = writeFileAtomic(full, c.new)
		}
		if err != nil {
			undoAccept(src, plan[:i])
			return err
		}
	}
	return nil
}

func undoAccept(src string, plan []*change) {
	for _, c := range plan {
		full := filepath.Join(src, filepath.FromSlash(c.rel))
		if c.old == nil {
			os.Remove(full)
		} else {
			writeFileAtomic(full, c.old)
		}
	}
}

// writeFileAtomic replaces the file with data, so that it is never half written.
func writeFileAtomic(name string, data []byte) error {
	info, err := os.Stat(name)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	os.Chmod(tmp.Name(), info.Mode().Perm())
	if err := os.Rename(tmp.Name(), name); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return nil
}

// flowEnd returns the index of the ] that closes the flow list opening at l[open], or -1
// if it does not close on the line; brackets in quotes do not count.
func flowEnd(l string, open int) int {
	var quote byte
	for i := open + 1; i < len(l); i++ {
		switch c := l[i]; {
		case quote != 0:
			if c == '\\' && quote == '"' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '[':
			return -1 // a nested list: left to the editor
		case c == ']':
			return i
		}
	}
	return -1
}

// addAlias adds alias to the `aliases:` of the actor file text, changing one line: the
// flow list gets one more item, a block list one more line, and a file without aliases
// an `aliases:` line after its name.
func addAlias(text, alias string) (string, error) {
	nl := "\n"
	if strings.Contains(text, "\r\n") {
		nl = "\r\n"
	}
	lines := strings.SplitAfter(text, "\n")
	if len(lines) == 0 || strings.TrimRight(lines[0], "\r\n") != "---" {
		return "", errors.New("no front matter: the file does not begin with ---")
	}
	q := strconv.Quote(alias)
	end, nameLine := -1, -1
	for i := 1; i < len(lines); i++ {
		if strings.TrimRight(lines[i], "\r\n") == "---" {
			end = i
			break
		}
		if strings.HasPrefix(lines[i], "name:") {
			nameLine = i
		}
	}
	if end < 0 {
		return "", errors.New("the front matter does not end with a --- line")
	}
	for i := 1; i < end; i++ {
		l := strings.TrimRight(lines[i], "\r\n")
		value, ok := strings.CutPrefix(l, "aliases:")
		if !ok {
			continue
		}
		eol := lines[i][len(l):]
		v := strings.TrimSpace(value)
		switch {
		case strings.HasPrefix(v, "["):
			open := strings.Index(l, "[")
			closing := flowEnd(l, open)
			if closing < 0 {
				return "", fmt.Errorf("line %d: the list of aliases does not end with ] on its line; add %s by hand", i+1, q)
			}
			inside := l[open+1 : closing]
			if strings.TrimSpace(inside) == "" {
				inside = q
			} else {
				inside = strings.TrimRight(inside, " ") + ", " + q
			}
			lines[i] = l[:open+1] + inside + l[closing:] + eol
		case v == "" || strings.HasPrefix(v, "#"):
			last, indent := i, "  "
			for j := i + 1; j < end; j++ {
				t := strings.TrimLeft(lines[j], " ")
				if strings.HasPrefix(t, "#") {
					continue // a comment among the items
				}
				if !strings.HasPrefix(t, "- ") && !strings.HasPrefix(t, "-\t") {
					break
				}
				last, indent = j, lines[j][:len(lines[j])-len(t)]
			}
			lines = slices.Insert(lines, last+1, indent+"- "+q+nl)
		default:
			return "", fmt.Errorf("line %d: aliases is not a list; write it as aliases: [%s, %s]", i+1, v, q)
		}
		return strings.Join(lines, ""), nil
	}
	at := nameLine + 1
	if nameLine < 0 {
		at = 1
	}
	lines = slices.Insert(lines, at, "aliases: ["+q+"]"+nl)
	return strings.Join(lines, ""), nil
}
