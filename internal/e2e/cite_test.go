package e2e

import (
	"errors"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestCiteLineRange opens an article at #L12-L14: the three lines are marked, and the
// page's citation names them and the address, served and from file://.
func TestCiteLineRange(t *testing.T) {
	dir := mustSite(t)
	ctx := mustBrowser(t)
	for _, root := range []string{mustServe(t, dir, "/dossier/"), "file://" + dir + "/"} {
		url := root + "articles/zdfheute-2023-09-12.html#L12-L14"
		err := chromedp.Do(ctx, chromedp.Navigate(url))
		marked, err2 := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll(".in-range")].map(e => e.id)`))
		cite, err3 := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("[data-cite-range]").textContent`))
		open, err4 := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.getElementById("zitieren").open`))
		if err := errors.Join(err, err2, err3, err4); err != nil {
			t.Fatalf("%s: %v", url, err)
		}
		if strings.Join(marked, ",") != "L12,L13,L14" {
			t.Errorf("%s: marked %q, want L12 to L14", url, marked)
		}
		if !strings.Contains(cite, ", Z. 12–14. URL: ") || !strings.HasSuffix(cite, "articles/zdfheute-2023-09-12.html#L12-L14.") || !open {
			t.Errorf("%s: citation %q (open %v)", url, cite, open)
		}
	}
}
