// Command dossier-bench compares the build of a synthetic dossier with Hugo building the
// same corpus as a Hugo site, and with the floor: the corpus's texts rendered by goldmark
// alone and written one file each, as many files as the Hugo site's pages. It runs the
// three side by side, alternating their order from round to round, each as its own
// process, and prints the median wall time, the pages per second and the peak memory of
// each, and the ratios of the medians.
//
//	dossier-bench [-rounds 3] [-hugo hugo] [-work DIR] PLAIN_DOSSIER HUGO_SITE
//
// The corpora come from a generator that writes the same text in both formats, such as
// the one beside this repository in ../shared/bench/gen (see README.md, "Speed").
//
//	dossier-bench floor -out DIR CONTENT_FOLDER...
//
// is the floor alone, which the comparison runs as a process of its own.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/yuin/goldmark"
	"golang.org/x/sync/errgroup"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "floor" {
		if err := floorCommand(os.Args[2:]); err != nil {
			fmt.Fprintln(os.Stderr, "dossier-bench floor:", err)
			os.Exit(1)
		}
		return
	}
	if err := compare(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "dossier-bench:", err)
		os.Exit(1)
	}
}

// contender is one of the programs compared.
type contender struct {
	name   string
	inputs []string // the folders it reads
	cmd    func(out string) *exec.Cmd
	pages  func(stdout, out string) int // the pages made, from the output and the output folder
	runs   []run
}

// run is one measured run of a contender.
type run struct {
	wall   time.Duration
	maxRSS int64 // bytes
	pages  int
}

func compare(args []string) error {
	fs := flag.NewFlagSet("dossier-bench", flag.ExitOnError)
	rounds := fs.Int("rounds", 3, "runs of each contender; the median is reported")
	hugo := fs.String("hugo", "hugo", "the Hugo command")
	work := fs.String("work", "", "folder for the builds' output (default: a new temporary folder)")
	fs.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: dossier-bench [-rounds 3] [-hugo hugo] [-work DIR] PLAIN_DOSSIER HUGO_SITE")
		fs.PrintDefaults()
	}
	fs.Parse(args)
	if fs.NArg() != 2 {
		fs.Usage()
		os.Exit(2)
	}
	plain, hugoSite := fs.Arg(0), fs.Arg(1)
	if *work == "" {
		dir, err := os.MkdirTemp("", "dossier-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		*work = dir
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	dossier, err := buildDossier(*work)
	if err != nil {
		return err
	}
	hugoVersion, err := exec.Command(*hugo, "version").Output()
	if err != nil {
		return fmt.Errorf("%s version: %w (install Hugo, e.g. apt-get install -y hugo)", *hugo, err)
	}
	var floorDirs []string
	for _, d := range []string{"articles", "notes", "actors", "topics"} {
		if _, err := os.Stat(filepath.Join(hugoSite, "content", d)); err == nil {
			floorDirs = append(floorDirs, filepath.Join(hugoSite, "content", d))
		}
	}
	dossierPages := regexp.MustCompile(`(\d+) pages, \d+ files`)
	floorPages := regexp.MustCompile(`^(\d+) pages`)
	contenders := []*contender{
		{name: "dossier", inputs: []string{plain}, cmd: func(out string) *exec.Cmd {
			return exec.Command(dossier, "build", "-stats", "-src", plain, "-out", out)
		}, pages: match(dossierPages)},
		{name: "hugo", inputs: []string{hugoSite}, cmd: func(out string) *exec.Cmd {
			return exec.Command(*hugo, "--quiet", "-s", hugoSite, "-d", out)
		}, pages: func(_, out string) int { return countFiles(out, ".html") }},
		{name: "floor", inputs: floorDirs, cmd: func(out string) *exec.Cmd {
			return exec.Command(self, append([]string{"floor", "-out", out}, floorDirs...)...)
		}, pages: match(floorPages)},
	}
	fmt.Printf("dossier-bench: %s against %s, %d rounds, GOMAXPROCS %d, %s", plain, hugoSite, *rounds, runtime.GOMAXPROCS(0), hugoVersion)
	// Every run writes into a folder of its own, and the folders are removed only after
	// the last run. Removing one run's tens of thousands of files just before the next
	// made the next one slower, whoever it was: ext4 without a journal passes over every
	// inode freed in the last minute (six while its inode table is not yet written back)
	// when it makes a file (recently_deleted in fs/ext4/ialloc.c), which took 40% of a
	// build's CPU time in perf on this machine. For the same reason the machine should
	// not have removed many files in the minutes before the comparison starts.
	var outs []string
	defer func() {
		for _, out := range outs {
			os.RemoveAll(out)
		}
	}()
	for round := range *rounds {
		for i := range contenders {
			c := contenders[(i+round)%len(contenders)] // alternate who goes first
			out := filepath.Join(*work, fmt.Sprintf("%s-%d", c.name, round+1))
			if _, err := os.Stat(out); err == nil {
				return fmt.Errorf("%s exists; give -work an empty folder", out)
			}
			outs = append(outs, out)
			// Each run starts as after a checkout: its input in the page cache, which
			// this VM does not keep (a build that followed Hugo's read a third of its
			// corpus from the disk and took twice as long), and no files of the run
			// before still to be written back while it runs.
			if err := readAll(c.inputs); err != nil {
				return err
			}
			syscall.Sync()
			r, stdout, err := measure(c.cmd(out))
			if err != nil {
				return fmt.Errorf("%s: %w\n%s", c.name, err, stdout)
			}
			r.pages = c.pages(stdout, out)
			c.runs = append(c.runs, r)
			fmt.Printf("round %d: %-7s %8.2f s %6d MB %6d pages\n", round+1, c.name, r.wall.Seconds(), r.maxRSS>>20, r.pages)
		}
	}

	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "\tmedian wall\tpages\tpages/s\tmedian peak memory\tdossier's wall is\t")
	med := map[string]run{}
	for _, c := range contenders {
		med[c.name] = median(c.runs)
	}
	for _, c := range contenders {
		m := med[c.name]
		ratio := "1"
		if c.name != "dossier" {
			ratio = fmt.Sprintf("%.2f× its", med["dossier"].wall.Seconds()/m.wall.Seconds())
		}
		fmt.Fprintf(tw, "%s\t%.2f s\t%d\t%.0f\t%d MB\t%s\t\n", c.name, m.wall.Seconds(), m.pages,
			float64(m.pages)/m.wall.Seconds(), m.maxRSS>>20, ratio)
	}
	tw.Flush()
	fmt.Printf("dossier is %.1f× as fast as Hugo and takes %.2f× the floor's time (medians)\n",
		med["hugo"].wall.Seconds()/med["dossier"].wall.Seconds(), med["dossier"].wall.Seconds()/med["floor"].wall.Seconds())
	// A slow minute of the machine falls on one round's runs together; the ratio within
	// each round shows how much of the spread it explains.
	byName := map[string]*contender{}
	for _, c := range contenders {
		byName[c.name] = c
	}
	fmt.Printf("round by round: %s× as fast as Hugo (median %.1f×), %s× the floor's time (median %.2f×)\n",
		roundRatios(byName["hugo"].runs, byName["dossier"].runs, "%.1f"), medianRatio(byName["hugo"].runs, byName["dossier"].runs),
		roundRatios(byName["dossier"].runs, byName["floor"].runs, "%.2f"), medianRatio(byName["dossier"].runs, byName["floor"].runs))
	return nil
}

// ratios returns the wall time of each run of a over that of b in the same round.
func ratios(a, b []run) []float64 {
	r := make([]float64, min(len(a), len(b)))
	for i := range r {
		r[i] = a[i].wall.Seconds() / b[i].wall.Seconds()
	}
	return r
}

// roundRatios formats ratios(a, b), each with format.
func roundRatios(a, b []run, format string) string {
	var s []string
	for _, r := range ratios(a, b) {
		s = append(s, fmt.Sprintf(format, r))
	}
	return strings.Join(s, " ")
}

// medianRatio returns the median of ratios(a, b).
func medianRatio(a, b []run) float64 {
	r := ratios(a, b)
	if len(r) == 0 {
		return 0
	}
	slices.Sort(r)
	if len(r)%2 == 0 {
		return (r[len(r)/2-1] + r[len(r)/2]) / 2
	}
	return r[len(r)/2]
}

// readAll reads every file in the folders dirs, on all cores.
func readAll(dirs []string) error {
	var files []string
	for _, dir := range dirs {
		err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err == nil && d.Type().IsRegular() {
				files = append(files, p)
			}
			return err
		})
		if err != nil {
			return err
		}
	}
	var g errgroup.Group
	g.SetLimit(2 * runtime.GOMAXPROCS(0))
	for _, f := range files {
		g.Go(func() error {
			_, err := os.ReadFile(f)
			return err
		})
	}
	return g.Wait()
}

// buildDossier compiles the dossier command of this repository into dir.
func buildDossier(dir string) (string, error) {
	bin := filepath.Join(dir, "dossier")
	cmd := exec.Command("go", "build", "-o", bin, "dossier/cmd/dossier")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build: %w\n%s", err, out)
	}
	return bin, nil
}

// measure runs cmd and returns its wall time and peak memory.
func measure(cmd *exec.Cmd) (run, string, error) {
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	r := run{wall: time.Since(start)}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.maxRSS = ru.Maxrss << 10 // kilobytes on Linux
	}
	return r, out.String(), err
}

func match(re *regexp.Regexp) func(string, string) int {
	return func(s, _ string) int {
		for _, l := range strings.Split(s, "\n") {
			if m := re.FindStringSubmatch(l); m != nil {
				n, _ := strconv.Atoi(m[1])
				return n
			}
		}
		return 0
	}
}

// median returns the run of median wall time, with the median peak memory.
func median(runs []run) run {
	rs := slices.Clone(runs)
	slices.SortFunc(rs, func(a, b run) int { return int(a.wall - b.wall) })
	m := rs[len(rs)/2]
	slices.SortFunc(rs, func(a, b run) int { return int(a.maxRSS - b.maxRSS) })
	m.maxRSS = rs[len(rs)/2].maxRSS
	return m
}

func countFiles(dir, ext string) int {
	n := 0
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Ext(p) == ext {
			n++
		}
		return nil
	})
	return n
}

// floorCommand renders the markdown files of each folder with goldmark alone, after
// their front matter, and writes one HTML file each, on all cores: no templates, no
// links between pages.
func floorCommand(args []string) error {
	fs := flag.NewFlagSet("floor", flag.ExitOnError)
	out := fs.String("out", "", "output folder")
	fs.Parse(args)
	if *out == "" || fs.NArg() == 0 {
		return fmt.Errorf("usage: dossier-bench floor -out DIR CONTENT_FOLDER...")
	}
	type job struct{ src, dst string }
	var jobs []job
	for _, dir := range fs.Args() {
		files, err := filepath.Glob(filepath.Join(dir, "[^_]*.md"))
		if err != nil {
			return err
		}
		section := filepath.Join(*out, filepath.Base(dir))
		if err := os.MkdirAll(section, 0o755); err != nil {
			return err
		}
		for _, f := range files {
			jobs = append(jobs, job{f, filepath.Join(section, strings.TrimSuffix(filepath.Base(f), ".md")+".html")})
		}
	}
	queue := make(chan job)
	errs := make(chan error, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			md := goldmark.New()
			var buf bytes.Buffer
			for j := range queue {
				src, err := os.ReadFile(j.src)
				if err == nil {
					buf.Reset()
					err = md.Convert(body(src), &buf)
				}
				if err == nil {
					err = os.WriteFile(j.dst, buf.Bytes(), 0o644)
				}
				if err != nil {
					select {
					case errs <- err:
					default:
					}
				}
			}
		})
	}
	for _, j := range jobs {
		queue <- j
	}
	close(queue)
	wg.Wait()
	select {
	case err := <-errs:
		return err
	default:
	}
	fmt.Printf("%d pages\n", len(jobs))
	return nil
}

// body returns a markdown file without its front matter.
func body(src []byte) []byte {
	if !bytes.HasPrefix(src, []byte("---\n")) {
		return src
	}
	if i := bytes.Index(src[4:], []byte("\n---\n")); i >= 0 {
		return src[4+i+5:]
	}
	return src
}
