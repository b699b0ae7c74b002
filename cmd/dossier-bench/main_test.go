package main

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"
)

func TestFloorRendersEachFile(t *testing.T) {
	src := filepath.Join(t.TempDir(), "articles")
	os.MkdirAll(src, 0o755)
	os.WriteFile(filepath.Join(src, "a.md"), []byte("---\ntitle: A\n---\n# Kopf\n\nText *betont*.\n"), 0o644)
	os.WriteFile(filepath.Join(src, "_index.md"), []byte("---\ntitle: list\n---\n"), 0o644)
	out := t.TempDir()
	if err := floorCommand([]string{"-out", out, src}); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(out, "articles", "a.html"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "<h1>Kopf</h1>\n<p>Text <em>betont</em>.</p>\n"; string(got) != want {
		t.Errorf("a.html = %q, want %q", got, want)
	}
	if _, err := os.Stat(filepath.Join(out, "articles", "_index.html")); err == nil {
		t.Error("_index.md, a Hugo list page, was rendered")
	}
}

func TestMedian(t *testing.T) {
	m := median([]run{{wall: 3 * time.Second, maxRSS: 10}, {wall: time.Second, maxRSS: 30}, {wall: 2 * time.Second, maxRSS: 20}})
	if m.wall != 2*time.Second || m.maxRSS != 20 {
		t.Errorf("median = %v, %d; want 2s, 20", m.wall, m.maxRSS)
	}
}

// TestReadAll reads every file of the folders, and says so when it cannot.
func TestReadAll(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "a", "b"), 0o755)
	os.WriteFile(filepath.Join(dir, "a", "b", "x.md"), []byte("x"), 0o644)
	if err := readAll([]string{dir}); err != nil {
		t.Errorf("readAll: %v", err)
	}
	if err := readAll([]string{dir, filepath.Join(dir, "missing")}); err == nil {
		t.Error("readAll of a missing folder succeeded")
	}
	if os.Getuid() != 0 { // root reads anything
		os.Chmod(filepath.Join(dir, "a", "b", "x.md"), 0)
		if err := readAll([]string{dir}); err == nil {
			t.Error("readAll of an unreadable file succeeded")
		}
	}
}

func TestMedianRatio(t *testing.T) {
	runs := func(secs ...float64) []run {
		var rs []run
		for _, s := range secs {
			rs = append(rs, run{wall: time.Duration(s * float64(time.Second))})
		}
		return rs
	}
	// Round by round: 6/3, 5/2.5 and 9/3 (a slow round for both would not move it).
	dossier, floor := runs(6, 5, 9), runs(3, 2.5, 3)
	if got := medianRatio(dossier, floor); got != 2 {
		t.Errorf("medianRatio = %v, want 2", got)
	}
	if got := roundRatios(dossier, floor, "%.2f"); got != "2.00 2.00 3.00" {
		t.Errorf("roundRatios = %q, want %q", got, "2.00 2.00 3.00")
	}
	if got := medianRatio(runs(4, 6), runs(1, 2)); got != 3.5 {
		t.Errorf("medianRatio of two rounds = %v, want 3.5 (4 and 3)", got)
	}
}

// TestReport prints each contender's median, least and greatest time, peak memory and
// bytes written, and dossier's ratio to each Hugo and to the floor.
func TestReport(t *testing.T) {
	runs := func(secs ...float64) []run {
		var rs []run
		for i, s := range secs {
			rs = append(rs, run{wall: time.Duration(s * float64(time.Second)), maxRSS: int64(i+1) << 20, pages: 10, bytes: 2e6, files: 4})
		}
		return rs
	}
	cs := []*contender{
		{name: "dossier", runs: runs(4, 2, 3)},
		{name: "hugo 0.165", runs: runs(60, 45, 70)},
		{name: "hugo 0.111", runs: runs(90, 100, 95)},
		{name: "floor", runs: runs(2, 1, 2)},
	}
	f, err := os.CreateTemp(t.TempDir(), "report")
	if err != nil {
		t.Fatal(err)
	}
	report(f, cs)
	b, _ := os.ReadFile(f.Name())
	for _, want := range []string{
		regexp.QuoteMeta("dossier is 20.0× as fast as hugo 0.165 (medians); round by round 15.0 22.5 23.3× (median 22.5×)"),
		regexp.QuoteMeta("dossier is 31.7× as fast as hugo 0.111 (medians); round by round 22.5 50.0 31.7× (median 31.7×)"),
		regexp.QuoteMeta("dossier takes 1.50× the floor's time (medians); round by round 2.00 2.00 1.50× (median 2.00×)"),
		`hugo 0\.111 +95\.00 s +90\.00 s +100\.00 s +10 +0 +2 MB +3 MB +2\.0 MB +4 +31\.7× as fast`,
		`floor +2\.00 s +1\.00 s +2\.00 s +10 +5 +2 MB +3 MB +2\.0 MB +4 +1\.50× its time`,
	} {
		if !regexp.MustCompile(want).Match(b) {
			t.Errorf("report lacks %q:\n%s", want, b)
		}
	}
}

func TestDu(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "a"), 0o755)
	os.WriteFile(filepath.Join(dir, "a", "x"), []byte("12345"), 0o644)
	os.WriteFile(filepath.Join(dir, "y"), []byte("123"), 0o644)
	if size, files := du(dir); size != 8 || files != 2 {
		t.Errorf("du = %d bytes, %d files; want 8, 2", size, files)
	}
}
