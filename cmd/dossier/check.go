package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"

	"dossier/internal/build"
	"dossier/internal/diag"
	"dossier/internal/seed"
)

// cmdCheck validates the dossier without writing anything. Problems go to stderr as
// path:line:col: message, or to stdout as a JSON array for tools; the anchoring report
// and the boilerplate list go to stdout.
func cmdCheck(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfg := build.Config{}
	sourceFlags(fs, &cfg)
	verbose := fs.Bool("v", false, "also print the anchoring report and every seed line with its kind and the rule that decided it")
	anchors := fs.Bool("report", false, "print the anchoring report: every note and event source as anchored, fuzzy or orphaned")
	format := fs.String("format", "text", "how to print problems: text (path:line:col: message on stderr) or json (an array on stdout)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "dossier check: unexpected argument %q; use -src to name the dossier's folder\n", fs.Arg(0))
		return 2
	}
	if badPaths(stderr, "check", "src", cfg.Src) {
		return 2
	}
	switch *format {
	case "text":
	case "json":
		if *anchors || *verbose {
			fmt.Fprintln(stderr, "dossier check: -report and -v print text; use them without -format json")
			return 2
		}
	default:
		fmt.Fprintf(stderr, "dossier check: unknown -format %q; use text or json\n", *format)
		return 2
	}

	res, err := build.Run(ctx, cfg)
	if *format == "json" {
		return checkJSON(stdout, stderr, cfg.Src, res.Problems, err)
	}
	report(stderr, res.Problems, true)
	d := res.Dossier
	// The report helps most when the check fails, so it comes whenever the model was built.
	if (*anchors || *verbose) && d != nil {
		printAnchoring(stdout, anchoring(d))
	}
	if err != nil {
		return fail(stderr, err)
	}
	if *verbose {
		// Every line with its kind and the rule that decided it, so that an editor sees
		// why a line is shown as it is and which to set in the article's `lines:`.
		for _, a := range d.Articles {
			for _, l := range a.Lines {
				if l.Kind != seed.Blank {
					fmt.Fprintf(stdout, "seeds/%s:%d: %s (%s): %.60q\n", a.Seed.Name, l.N, l.Kind, l.Reason, l.Text)
				}
			}
		}
	}
	fmt.Fprintf(stdout, "dossier: %d articles, %d actors, %d topics, %d events, %d notes; %s\n",
		len(d.Articles), len(d.Actors), len(d.Topics), len(d.Events), len(d.Notes), counted(len(res.Problems.Warnings()), "warning"))
	return 0
}

// checkJSON prints problems as a JSON array and returns the exit status.
func checkJSON(stdout, stderr io.Writer, src string, problems diag.List, err error) int {
	var list diag.List
	if err != nil && !errors.As(err, &list) {
		// A failure without a position (unreadable folder, broken template) is still a
		// problem a tool must see.
		problems = append(problems, diag.Problem{Pos: diag.Pos{File: src}, Severity: diag.Error, Msg: err.Error()})
	}
	if werr := writeJSON(stdout, problems); werr != nil {
		fmt.Fprintf(stderr, "dossier: %v\n", werr)
		return 1
	}
	if err != nil {
		return 1
	}
	return 0
}

// jsonProblem is a problem as `dossier check -format json` prints it.
type jsonProblem struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	Severity string `json:"severity"` // "error" or "warning"
	Message  string `json:"message"`
	// Suggestion is how to link a name the linker could not (see dossier accept).
	Suggestion *jsonSuggestion `json:"suggestion,omitempty"`
}

// jsonSuggestion is a diag.Suggestion as `dossier check -format json` prints it.
type jsonSuggestion struct {
	Surface string `json:"surface"`
	Actor   string `json:"actor"`  // an actor's id, or "" for a new actor
	Action  string `json:"action"` // "alias", "actor" or "mentions"
}

func writeJSON(w io.Writer, problems diag.List) error {
	out := make([]jsonProblem, 0, len(problems)) // [] rather than null when all is well
	for _, p := range problems {
		sev := "error"
		if p.Severity == diag.Warning {
			sev = "warning"
		}
		jp := jsonProblem{File: p.Pos.File, Line: p.Pos.Line, Col: p.Pos.Col, Severity: sev, Message: p.Msg}
		if s := p.Suggestion; s != nil {
			jp.Suggestion = &jsonSuggestion{s.Surface, s.Actor, s.Action}
		}
		out = append(out, jp)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
