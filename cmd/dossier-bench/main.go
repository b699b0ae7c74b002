// Command dossier-bench compares the build of a synthetic dossier with Hugo building the
// same corpus as a Hugo site (one or more Hugo versions), and with the floor: the corpus's
// texts rendered by goldmark alone and written one file each, as many files as the Hugo
// site's pages. It runs them side by side, alternating their order from round to round,
// each as its own process, and prints for each the median, least and greatest wall time,
// the pages per second, the peak memory and the bytes and files written, and the ratios
// of the medians and round by round.
//
//	dossier-bench [-rounds 3] [-hugo PATH]... [-work DIR] PLAIN_DOSSIER HUGO_SITE
//	dossier-bench [-rounds 3] [-hugo PATH]... [-work DIR] -n 100000 [-gen DIR]
//
// -hugo may be given once for each Hugo to compare (default: the hugo command), or as
// -hugo none to compare with the floor alone. With -n and no folders, dossier-bench
// writes the two corpora of n articles into the work folder first, with the generator
// in -gen, one that writes the same text in both formats, such as the one beside this
// repository in ../shared/bench/gen (see README.md, "Speed").
//
//	dossier-bench floor -out DIR CONTENT_FOLDER...
//
// is the floor alone, which the comparison runs as a process of its own.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
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
	bytes  int64 // written: the sizes of the files in the output folder
	files  int
}

func compare(args []string) error {
	fs := flag.NewFlagSet("dossier-bench", flag.ExitOnError)
	rounds := fs.Int("rounds", 3, "runs of each contender; the median is reported")
	var hugos []string
	fs.Func("hugo", "a Hugo command to compare with, once for each (default hugo; none for no Hugo)", func(s string) error {
		hugos = append(hugos, s)
		return nil
	})
	work := fs.String("work", "", "folder for the corpora and the builds' output (default: a new temporary folder)")
	n := fs.Int("n", 0, "articles of the corpora to generate, when no folders are given")
	gen := fs.String("gen", "../shared/bench/gen", "the generator's folder (a Go main package), for -n")
	fs.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: dossier-bench [-rounds 3] [-hugo PATH]... [-work DIR] PLAIN_DOSSIER HUGO_SITE\n"+
			"       dossier-bench [-rounds 3] [-hugo PATH]... [-work DIR] -n ARTICLES [-gen DIR]")
		fs.PrintDefaults()
	}
	fs.Parse(args)
	if (fs.NArg() != 2 || *n != 0) && (fs.NArg() != 0 || *n <= 0) {
		fs.Usage()
		os.Exit(2)
	}
	if len(hugos) == 0 {
		hugos = []string{"hugo"}
	}
	if slices.Contains(hugos, "none") {
		hugos = nil
	}
	if *work == "" {
		dir, err := os.MkdirTemp("", "dossier-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		*work = dir
	}
	plain, hugoSite := fs.Arg(0), fs.Arg(1)
	if *n > 0 {
		var err error
		if plain, hugoSite, err = generate(*gen, *work, *n); err != nil {
			return err
		}
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	dossier, err := buildDossier(*work)
	if err != nil {
		return err
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
	}
	var versions []string
	for _, hugo := range hugos {
		v, err := exec.Command(hugo, "version").Output()
		if err != nil {
			return fmt.Errorf("%s version: %w (install Hugo, e.g. apt-get install -y hugo)", hugo, err)
		}
		name := "hugo"
		if m := regexp.MustCompile(`v(\d+\.\d+)\.\d+`).FindSubmatch(v); m != nil {
			name += " " + string(m[1])
		}
		for slices.ContainsFunc(contenders, func(c *contender) bool { return c.name == name }) {
			name += "'"
		}
		versions = append(versions, fmt.Sprintf("%s: %s (%s)", name, strings.TrimSpace(string(v)), hugo))
		contenders = append(contenders, &contender{name: name, inputs: []string{hugoSite}, cmd: func(out string) *exec.Cmd {
			return exec.Command(hugo, "--quiet", "-s", hugoSite, "-d", out)
		}, pages: func(_, out string) int { return countFiles(out, ".html") }})
	}
	contenders = append(contenders, &contender{name: "floor", inputs: floorDirs, cmd: func(out string) *exec.Cmd {
		return exec.Command(self, append([]string{"floor", "-out", out}, floorDirs...)...)
	}, pages: match(floorPages)})
	fmt.Printf("dossier-bench: %s against %s, %d rounds, GOMAXPROCS %d, %s\n", plain, hugoSite, *rounds, runtime.GOMAXPROCS(0), runtime.Version())
	for _, v := range versions {
		fmt.Println(v)
	}
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
			out := filepath.Join(*work, fmt.Sprintf("%s-%d", strings.NewReplacer(" ", "", "'", "b").Replace(c.name), round+1))
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
			r.bytes, r.files = du(out)
			c.runs = append(c.runs, r)
			fmt.Printf("round %d: %-10s %8.2f s %6d MB %6d pages %7.1f MB in %d files, load %s\n", round+1, c.name,
				r.wall.Seconds(), r.maxRSS>>20, r.pages, float64(r.bytes)/1e6, r.files, loadAverage())
		}
	}
	fmt.Println()
	report(os.Stdout, contenders)
	return nil
}

// report prints the table of the contenders' runs and the ratios to dossier's, the first.
func report(w *os.File, contenders []*contender) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "\tmedian wall\tleast\tgreatest\tpages\tpages/s\tmedian peak memory\tgreatest\twritten\tfiles\tdossier\t")
	d := contenders[0]
	dm := median(d.runs)
	for _, c := range contenders {
		m := median(c.runs)
		lo, hi := c.runs[0].wall, c.runs[0].wall
		var peak int64
		for _, r := range c.runs {
			lo, hi, peak = min(lo, r.wall), max(hi, r.wall), max(peak, r.maxRSS)
		}
		ratio := ""
		switch {
		case c.name == "floor":
			ratio = fmt.Sprintf("%.2f× its time", dm.wall.Seconds()/m.wall.Seconds())
		case c != d:
			ratio = fmt.Sprintf("%.1f× as fast", m.wall.Seconds()/dm.wall.Seconds())
		}
		fmt.Fprintf(tw, "%s\t%.2f s\t%.2f s\t%.2f s\t%d\t%.0f\t%d MB\t%d MB\t%.1f MB\t%d\t%s\t\n", c.name, m.wall.Seconds(),
			lo.Seconds(), hi.Seconds(), m.pages, float64(m.pages)/m.wall.Seconds(), m.maxRSS>>20, peak>>20,
			float64(m.bytes)/1e6, m.files, ratio)
	}
	tw.Flush()
	// A slow minute of the machine falls on one round's runs together; the ratio within
	// each round shows how much of the spread it explains.
	for _, c := range contenders[1:] {
		if c.name == "floor" {
			fmt.Fprintf(w, "dossier takes %.2f× the floor's time (medians); round by round %s× (median %.2f×)\n",
				dm.wall.Seconds()/median(c.runs).wall.Seconds(), roundRatios(d.runs, c.runs, "%.2f"), medianRatio(d.runs, c.runs))
		} else {
			fmt.Fprintf(w, "dossier is %.1f× as fast as %s (medians); round by round %s× (median %.1f×)\n",
				median(c.runs).wall.Seconds()/dm.wall.Seconds(), c.name, roundRatios(c.runs, d.runs, "%.1f"), medianRatio(c.runs, d.runs))
		}
	}
}

// generate writes the corpus of n articles in both formats into work with the generator
// in the folder gen, unless they are there from an earlier run, and returns their folders.
func generate(gen, work string, n int) (plain, hugo string, err error) {
	plain = filepath.Join(work, fmt.Sprintf("plain-%d", n))
	hugo = filepath.Join(work, fmt.Sprintf("hugo-%d", n))
	bin := filepath.Join(work, "gen")
	for _, c := range []struct{ out, format string }{{plain, "plain"}, {hugo, "hugo"}} {
		if _, err := os.Stat(c.out); err == nil {
			fmt.Printf("dossier-bench: %s is there, kept\n", c.out)
			continue
		}
		if _, err := os.Stat(bin); err != nil {
			cmd := exec.Command("go", "build", "-o", bin, ".")
			cmd.Dir = gen
			if out, err := cmd.CombinedOutput(); err != nil {
				return "", "", fmt.Errorf("go build of the generator in %s: %w\n%s", gen, err, out)
			}
		}
		seeds, err := filepath.Abs(filepath.Join(gen, "..", "..", "seeds"))
		if err != nil {
			return "", "", err
		}
		cmd := exec.Command(bin, "-n", strconv.Itoa(n), "-format", c.format, "-out", c.out, "-seeds", seeds)
		cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
		if err := cmd.Run(); err != nil {
			os.RemoveAll(c.out)
			return "", "", fmt.Errorf("generator: %w", err)
		}
	}
	return plain, hugo, nil
}

// du returns the bytes and the number of the files in dir.
func du(dir string) (size int64, files int) {
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if info, err := d.Info(); err == nil {
				size += info.Size()
				files++
			}
		}
		return nil
	})
	return size, files
}

// loadAverage returns the machine's load average over the last minute, or "?".
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(b)); err == nil && len(f) > 0 {
		return f[0]
	}
	return "?"
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
