package serve

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

const repoRoot = "../.."

func mustListen(tb testing.TB) net.Listener {
	tb.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	return ln
}

// mustServe runs a server for cfg on a free port of 127.0.0.1 until the test ends, and
// returns its address as http://host:port.
func mustServe(tb testing.TB, cfg Config) string {
	tb.Helper()
	ln := mustListen(tb)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- New(cfg).Run(ctx, ln) }()
	tb.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				tb.Errorf("Run: %v", err)
			}
		case <-time.After(10 * time.Second):
			tb.Error("the server did not shut down within 10s")
		}
	})
	return "http://" + ln.Addr().String()
}

// page is a response of the server.
type page struct {
	status int
	body   string
}

func get(tb testing.TB, url string) page {
	tb.Helper()
	resp, err := http.Get(url)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatal(err)
	}
	return page{resp.StatusCode, string(body)}
}

// waitFor polls url until ok accepts the response, and fails the test after 10 seconds.
func waitFor(tb testing.TB, url, what string, ok func(page) bool) page {
	tb.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		p := get(tb, url)
		if ok(p) {
			return p
		}
		if time.Now().After(deadline) {
			tb.Fatalf("after 10s, %s still does not show %s: status %d\n%s", url, what, p.status, p.body)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func shows(text string) func(page) bool {
	return func(p page) bool { return p.status == http.StatusOK && strings.Contains(p.body, text) }
}

// events connects to the server's event stream as the reload script does, and returns a
// channel that receives the version of each reload event.
func events(tb testing.TB, base, version string) <-chan string {
	tb.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+eventsPath+"?v="+version, nil)
	if err != nil {
		tb.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		tb.Fatalf("events: Content-Type %q", ct)
	}
	ch := make(chan string, 16)
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		reload := false
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == "event: reload":
				reload = true
			case reload && strings.HasPrefix(line, "data: "):
				ch <- strings.TrimPrefix(line, "data: ")
				reload = false
			}
		}
	}()
	tb.Cleanup(func() { cancel(); <-done })
	return ch
}
