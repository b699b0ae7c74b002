// Command dossier builds an annotated dossier into a static site.
//
//	dossier build  [-src .] [-out public] [-base-url URL] [-drafts] [-strict] [-minify=false] [-stats] [-quiet] [-cpuprofile FILE] [-memprofile FILE]
//	dossier serve  [-src .] [-addr 127.0.0.1:1313] [-drafts] [-strict] [-edit]
//	dossier check  [-src .] [-drafts] [-strict] [-v] [-report] [-format text|json]
//	dossier new    note|actor|topic|event …
//	dossier import [-src .] [-id ID] [-language de|en] [-update] SOURCE…
//	dossier accept [-src .] [-n] [-all] [NAME …]
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/pprof"
	"syscall"
	"text/tabwriter"
	"time"

	"golang.org/x/term"

	"dossier/internal/build"
	"dossier/internal/diag"
	"dossier/internal/site"
)

const usage = `usage: dossier <command> [flags]

commands:
  build   build the site into -out (default public)
  serve   preview the site at http://127.0.0.1:1313/, rebuilt and reloaded on every change
  check   validate everything, write nothing
  new     write a new note, actor, topic or event from a template
  import  add an article from a saved page, a web address or a text file
  accept  write suggestions of check into the actor files (aliases, new actors)

Run "dossier <command> -h" for the flags of a command.
`

func main() {
	// Ctrl-C, or a terminal or service manager that ends the program, stops `serve` cleanly.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "build":
		return cmdBuild(ctx, args[1:], stdout, stderr)
	case "serve":
		return cmdServe(ctx, args[1:], stdout, stderr)
	case "check":
		return cmdCheck(ctx, args[1:], stdout, stderr)
	case "new":
		return cmdNew(ctx, args[1:], stdout, stderr)
	case "import":
		return cmdImport(ctx, args[1:], stdout, stderr)
	case "accept":
		return cmdAccept(ctx, args[1:], stdout, stderr)
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "dossier: unknown command %q\n\n%s", args[0], usage)
	return 2
}

func cmdBuild(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfg := build.Config{}
	sourceFlags(fs, &cfg)
	fs.StringVar(&cfg.Out, "out", "public", "output folder, replaced as a whole")
	fs.StringVar(&cfg.BaseURL, "base-url", os.Getenv("DOSSIER_BASE_URL"), "absolute URL the site is published at (default $DOSSIER_BASE_URL, else base_url in content/dossier.md)")
	fs.BoolVar(&cfg.Minify, "minify", true, "minify HTML, CSS, JavaScript and SVG")
	stats := fs.Bool("stats", false, "print the time and allocations of each phase and the page count")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the build to this file (for go tool pprof)")
	memprofile := fs.String("memprofile", "", "write a profile of the build's allocations to this file (for go tool pprof)")
	quiet := fs.Bool("quiet", false, "print errors only: no progress line, no summary")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "dossier build: unexpected argument %q; use -src for the dossier's folder and -out for the site's\n", fs.Arg(0))
		return 2
	}
	if badPaths(stderr, "build", "src", cfg.Src, "out", cfg.Out) {
		return 2
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			return fail(stderr, err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fail(stderr, err)
		}
		defer pprof.StopCPUProfile()
	}
	build.LimitMemory()
	cfg.NoNameWarnings = true // a build reports errors only; dossier check the rest
	if !*quiet {
		if f, ok := stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
			cfg.Progress = new(build.Progress)
			defer showProgress(f, cfg.Progress, time.Second, 200*time.Millisecond)()
		}
	}
	res, err := build.Run(ctx, cfg)
	report(stderr, res.Problems, false)
	if err != nil {
		return fail(stderr, err)
	}
	if *memprofile != "" {
		if err := writeHeapProfile(*memprofile); err != nil {
			return fail(stderr, err)
		}
	}
	if *stats {
		printStats(stdout, res)
	}
	for _, k := range res.Kept {
		fmt.Fprintf(stderr, "dossier: kept %s: it was not written by dossier (it appeared during the build); move it where you want it\n", k)
	}
	if !*quiet {
		fmt.Fprintf(stdout, "dossier: wrote %d files to %s\n", res.FileCount, cfg.Out)
	}
	return 0
}

// showProgress shows on the terminal w, from after a build has taken wait and every
// every, the phase p is in and the pages rendered of all, on one line that it overwrites;
// the returned function stops it and clears the line.
func showProgress(w io.Writer, p *build.Progress, wait, every time.Duration) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTimer(wait)
		defer t.Stop()
		shown := false
		for {
			select {
			case <-done:
				if shown {
					fmt.Fprint(w, "\r\x1b[K")
				}
				return
			case <-t.C:
				fmt.Fprint(w, "\r\x1b[K"+progressLine(p))
				shown = true
				t.Reset(every)
			}
		}
	}()
	return func() {
		close(done)
		<-finished
	}
}

// progressLine says how far the build is: "dossier: render 5123/11403 pages".
func progressLine(p *build.Progress) string {
	phase, done, total := p.Now()
	if total > 0 {
		return fmt.Sprintf("dossier: %s %d/%d pages", phase, min(done, total), total)
	}
	return "dossier: " + phase
}

// printStats prints the cost of each phase of a build and what it made, as a table.
func printStats(w io.Writer, res *build.Result) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "phase\ttime\tcpu\tof it gc\tallocated\tallocations\t")
	var total build.Phase
	for _, p := range append(res.Phases, build.Phase{}) {
		if p.Name == "" {
			p = total
			p.Name = "total"
		}
		fmt.Fprintf(tw, "%s\t%v\t%v\t%v\t%.1f MB\t%d\t\n", p.Name, p.Duration.Round(10*time.Microsecond),
			p.CPU.Round(10*time.Millisecond), p.GCCPU.Round(10*time.Millisecond), float64(p.AllocBytes)/1e6, p.Allocs)
		total.Duration += p.Duration
		total.CPU += p.CPU
		total.GCCPU += p.GCCPU
		total.AllocBytes += p.AllocBytes
		total.Allocs += p.Allocs
	}
	tw.Flush()
	fmt.Fprintf(w, "%d pages, %d files, %.1f MB", res.Pages, res.FileCount, float64(res.Bytes)/1e6)
	if total.Duration > 0 {
		fmt.Fprintf(w, ", %.0f pages/s", float64(res.Pages)/total.Duration.Seconds())
	}
	fmt.Fprintln(w)
}

func report(w io.Writer, problems diag.List, warnings bool) {
	for _, p := range problems {
		if p.Severity == diag.Error || warnings {
			fmt.Fprintln(w, p)
		}
	}
}

// counted is n and the noun, in the plural unless n is 1: the command's messages are
// English, "1 error", "2 errors".
func counted(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func fail(w io.Writer, err error) int {
	var list diag.List
	if errors.As(err, &list) {
		fmt.Fprintf(w, "dossier: %s; nothing was written\n", counted(len(list), "error"))
		return 1
	}
	fmt.Fprintf(w, "dossier: %v\n", err)
	return 1
}

// badPaths prints why a path flag's value cannot be meant (empty, a control character),
// for each pair of flag name and value, and reports whether one could not.
func badPaths(stderr io.Writer, cmd string, nameValues ...string) bool {
	bad := false
	for i := 0; i+1 < len(nameValues); i += 2 {
		if err := site.CheckPathFlag(nameValues[i], nameValues[i+1]); err != nil {
			fmt.Fprintf(stderr, "dossier %s: %v\n", cmd, err)
			bad = true
		}
	}
	return bad
}

// sourceFlags adds the flags that say what to read, shared by build, check and serve.
func sourceFlags(fs *flag.FlagSet, cfg *build.Config) {
	fs.StringVar(&cfg.Src, "src", ".", "the dossier's folder (holding content/ and seeds/)")
	fs.BoolVar(&cfg.Drafts, "drafts", false, "include content marked draft: true")
	fs.BoolVar(&cfg.Strict, "strict", false, "treat approximately anchored quotes as errors and warn of unsourced fact-checks, event dates and profile sentences")
}

// writeHeapProfile writes the allocations of the process so far to file, as pprof's
// heap profile (go tool pprof -sample_index=alloc_space shows where the bytes went).
func writeHeapProfile(file string) error {
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
