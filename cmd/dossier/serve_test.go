package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"dossier/internal/testdossier"
)

// TestServeCommand runs `dossier serve` as a user does, on a free port of 127.0.0.1: it
// prints the address, serves the dossier, shows an edit, and stops cleanly when the
// context ends, as on Ctrl-C.
func TestServeCommand(t *testing.T) {
	src := testdossier.Write(t, newDossier+"-- content/notes/n.md --\n---\narticle: fr\nquote: \"Unbesiegbarkeit und Dauerhaftigkeit\"\n---\nErste Fassung.\n")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	outR, outW := io.Pipe()
	var errs syncBuffer
	status := make(chan int, 1)
	go func() {
		status <- run(ctx, []string{"serve", "-src", src, "-addr", "127.0.0.1:0"}, outW, &errs)
		outW.Close()
	}()
	lines := bufio.NewScanner(outR)
	if !lines.Scan() {
		t.Fatalf("serve printed nothing; stderr:\n%s", errs.String())
	}
	m := regexp.MustCompile(`at (http://127\.0\.0\.1:\d+/)`).FindStringSubmatch(lines.Text())
	if m == nil {
		t.Fatalf("serve printed %q, want the address on 127.0.0.1", lines.Text())
	}
	page := m[1] + "articles/fr.html"
	poll(t, page, "Erste Fassung.")
	testdossier.WriteFile(t, filepath.Join(src, "content/notes/n.md"), "---\narticle: fr\nquote: \"Unbesiegbarkeit und Dauerhaftigkeit\"\n---\nZweite Fassung.\n")
	poll(t, page, "Zweite Fassung.")

	cancel()
	go io.Copy(io.Discard, outR)
	select {
	case s := <-status:
		if s != 0 {
			t.Errorf("serve after Ctrl-C = %d, want 0; stderr:\n%s", s, errs.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop within 10s of Ctrl-C")
	}
}

func TestServeBusyPort(t *testing.T) {
	src := testdossier.Write(t, newDossier)
	var out, errs strings.Builder
	if status := run(context.Background(), []string{"serve", "-src", src, "-addr", "127.0.0.1:-1"}, &out, &errs); status != 1 {
		t.Errorf("serve on a bad address = %d, want 1; stderr %q", status, errs.String())
	}
}

// poll fetches url until it shows text, for at most 10 seconds.
func poll(t *testing.T, url, text string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		resp, err := http.Get(url)
		if err == nil {
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if strings.Contains(string(body), text) {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s does not show %q after 10s (last error %v)", url, text, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestServeEditBeyondLoopback checks that editing in the browser is off when the preview
// listens beyond loopback, unless -edit turns it on.
func TestServeEditBeyondLoopback(t *testing.T) {
	src := testdossier.Write(t, newDossier)
	for _, tc := range []struct {
		args []string
		off  bool
	}{
		{[]string{"-addr", "0.0.0.0:0"}, true},
		{[]string{"-addr", "0.0.0.0:0", "-edit"}, false},
		{[]string{"-addr", "127.0.0.1:0"}, false},
	} {
		ctx, cancel := context.WithCancel(context.Background())
		outR, outW := io.Pipe()
		var errs syncBuffer
		status := make(chan int, 1)
		go func() {
			status <- run(ctx, append([]string{"serve", "-src", src}, tc.args...), outW, &errs)
			outW.Close()
		}()
		lines := bufio.NewScanner(outR)
		lines.Scan() // the address
		cancel()
		var rest []string
		for lines.Scan() {
			rest = append(rest, lines.Text())
		}
		<-status
		off := strings.Contains(strings.Join(rest, "\n"), "editing in the browser is off")
		if off != tc.off {
			t.Errorf("serve %q says %q; editing off: %v, want %v", tc.args, rest, off, tc.off)
		}
	}
}
