package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Limits of a download.
const (
	FetchTimeout = 30 * time.Second
	MaxRedirects = 5
	// MaxSource is the largest page or text read, in bytes. A news page with its scripts
	// and styles inline is rarely above 3 MB.
	MaxSource = 16 << 20
)

// UserAgent names the tool to the servers it asks, as a well-behaved client does.
const UserAgent = "dossier-import/1 (+annotated dossier; saves one article for editors)"

// fetched is a server's answer.
type fetched struct {
	body        []byte
	contentType string
	url         *url.URL // after redirects
}

// NewClient returns the HTTP client an import uses: a timeout, at most MaxRedirects
// redirects, and only to http(s) addresses.
func NewClient() *http.Client {
	return &http.Client{
		Timeout: FetchTimeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= MaxRedirects {
				return fmt.Errorf("more than %d redirects", MaxRedirects)
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirected to %s, which is no http(s) address", req.URL.Redacted())
			}
			return nil
		},
	}
}

// parseWebURL returns s as an http(s) address, or an error saying why it is not one.
func parseWebURL(s string) (*url.URL, error) {
	u, err := url.Parse(s)
	if err != nil {
		return nil, fmt.Errorf("%q is not a valid address: %v", s, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("%q: only http and https addresses can be imported; for a saved page, give its file name", s)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("%q has no host name", s)
	}
	return u, nil
}

// fetch downloads u with client, refusing answers that are not 200 OK or too large.
func fetch(ctx context.Context, client *http.Client, u *url.URL) (*fetched, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1")
	resp, err := client.Do(req)
	if err != nil {
		var uerr *url.Error
		if errors.As(err, &uerr) && uerr.Timeout() {
			return nil, fmt.Errorf("%s did not answer within %v; try again, or save the page in the browser and import the file", u.Redacted(), client.Timeout)
		}
		return nil, fmt.Errorf("cannot fetch %s: %v", u.Redacted(), err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s answered %s; check the address, or save the page in the browser and import the file", u.Redacted(), resp.Status)
	}
	if resp.ContentLength > MaxSource {
		return nil, tooLarge(u.Redacted(), resp.ContentLength)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, MaxSource+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read the answer of %s: %v", u.Redacted(), err)
	}
	if len(body) > MaxSource {
		return nil, tooLarge(u.Redacted(), -1)
	}
	ct := resp.Header.Get("Content-Type")
	if mt, _, err := mime.ParseMediaType(ct); err == nil && !textual(mt) {
		return nil, fmt.Errorf("%s is %s, not a web page or text; save the article's text in a file and import that", u.Redacted(), mt)
	}
	return &fetched{body: body, contentType: ct, url: resp.Request.URL}, nil
}

func textual(mt string) bool {
	return strings.HasPrefix(mt, "text/") || mt == "application/xhtml+xml" || mt == "application/xml"
}

func tooLarge(what string, n int64) error {
	size := "more than " + mb(MaxSource)
	if n > 0 {
		size = mb(n)
	}
	return fmt.Errorf("%s is %s, larger than the %s a page may have; is it an article? Save only the article's page", what, size, mb(MaxSource))
}

func mb(n int64) string { return fmt.Sprintf("%.0f MB", float64(n)/(1<<20)) }
