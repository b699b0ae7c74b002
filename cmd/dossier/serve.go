package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"os"

	"dossier/internal/build"
	"dossier/internal/serve"
)

// cmdServe previews the dossier: it builds it, serves it, and rebuilds and reloads the
// browser on every change until ctx ends (Ctrl-C).
func cmdServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfg := build.Config{}
	sourceFlags(fs, &cfg)
	// Loopback only by default: the preview is the editor's, not the network's.
	addr := fs.String("addr", "127.0.0.1:1313", "address to listen on; port 0 picks a free one")
	fs.StringVar(&cfg.BaseURL, "base-url", os.Getenv("DOSSIER_BASE_URL"), "absolute URL the site is published at, for canonical links and feeds")
	allowEdit := fs.Bool("edit", false, "let the browser write notes, events and actors also when listening beyond loopback (on loopback it always may)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "dossier serve: unexpected argument %q; use -src to name the dossier's folder\n", fs.Arg(0))
		return 2
	}
	if badPaths(stderr, "serve", "src", cfg.Src) {
		return 2
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "dossier: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "dossier: serving %s at http://%s/ (Ctrl-C stops)\n", cfg.Src, ln.Addr())
	// Editing writes into content/: only the editor's own machine may, unless -edit says
	// that the network may too.
	edit := *allowEdit || isLoopback(ln.Addr())
	if !edit {
		fmt.Fprintln(stdout, "dossier: editing in the browser is off, since the preview listens beyond loopback; -edit turns it on")
	}
	// Minifying adds about a third to every rebuild and shows an editor nothing new.
	cfg.Minify = false
	if err := serve.New(serve.Config{Build: cfg, Log: stderr, Edit: edit}).Run(ctx, ln); err != nil {
		fmt.Fprintf(stderr, "dossier: %v\n", err)
		return 1
	}
	fmt.Fprintln(stdout, "dossier: stopped")
	return 0
}

// isLoopback reports whether addr is an address of this machine only.
func isLoopback(addr net.Addr) bool {
	tcp, ok := addr.(*net.TCPAddr)
	return ok && tcp.IP.IsLoopback()
}
