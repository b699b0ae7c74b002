// Package browsertest starts Debian's Chromium, headless, for the project's browser tests.
package browsertest

import (
	"context"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// ChromiumPath is where Debian's chromium package puts the browser.
const ChromiumPath = "/usr/bin/chromium"

// Start starts a headless Chromium with a profile of its own and returns a tab's context
// that ends after timeout; the browser is stopped when the test ends. Without Chromium the
// test is skipped, or fails in CI (CI set), where .ci/run installs it. The flags keep
// Chromium off the network, which this machine refuses.
func Start(tb testing.TB, timeout time.Duration, opts ...chromedp.ExecAllocatorOption) context.Context {
	tb.Helper()
	if _, err := exec.LookPath(ChromiumPath); err != nil {
		if os.Getenv("CI") != "" {
			tb.Fatalf("%s not found; .ci/run installs it (apt-get install -y chromium)", ChromiumPath)
		}
		tb.Skipf("%s not found", ChromiumPath)
	}
	all := append([]chromedp.ExecAllocatorOption{
		chromedp.ExecPath(ChromiumPath), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-quic", true),
		chromedp.UserDataDir(tb.TempDir()),
	}, opts...)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), all...)
	tb.Cleanup(cancel)
	ctx, cancel2 := chromedp.NewContext(actx)
	tb.Cleanup(cancel2)
	// The first action starts the browser; its context must carry no deadline.
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		tb.Fatalf("start chromium: %v", err)
	}
	ctx, cancel3 := context.WithTimeout(ctx, timeout)
	tb.Cleanup(cancel3)
	return ctx
}
