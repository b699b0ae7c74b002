package markdown

import (
	"dossier/internal/locale"

	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"
)

// hostileBodies are markdown bodies that try to get a script onto a page.
var hostileBodies = []string{
	"<script>alert(1)</script>",
	"<img src=x onerror=alert(1)>",
	"a <b onclick=\"alert(1)\">b</b> <svg onload=alert(1)>",
	"[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](data:text/html,<script>alert(1)</script>)",
	"[a](&#106;avascript:alert(1)) [b](java&#x09;script:alert(1)) [c](vbscript:msgbox(1))",
	"[a][r]\n\n[r]: javascript:alert(1) \"t\"",
	"<javascript:alert(1)> <https://example.org/\"onmouseover=\"alert(1)>",
	"[t](https://example.org \"\\\"><script>alert(1)</script>\")",
	"[t](actor:x\"onclick=\"alert(1))",
	"[t](#\"onclick=\"alert(1))",
	"`</script><script>alert(1)</script>`\n\n```\"><script>alert(1)</script>\n</script>\n```",
	"| <script>alert(1)</script> | b |\n|---|:-:|\n| <img src=x onerror=alert(1)> | [x](javascript:alert(1)) |",
	"www.example.org/\"><script>alert(1)</script> https://example.org/<script>",
	"<!-- --><script>alert(1)</script><![CDATA[ <script>alert(1)</script> ]]>",
	"<details open ontoggle=alert(1)>\n\n*x*\n\n</details>",
	"> <iframe src=\"javascript:alert(1)\"></iframe>\n> - <object data=x>",
	"&lt;script&gt;alert(1)&lt;/script&gt; &#60;script&#62;",
	"![x](javascript:alert(1)) ![y](https://example.org/x.png\"onerror=\"alert(1))",
	"[x](<javascript:alert(1)>) [y]( javascript:alert(1) )",
	"```js\" onmouseover=\"alert(1)\nx\n```",
}

// allowedTags are the elements a body may render to: goldmark's, with no raw HTML.
var allowedTags = map[string]bool{
	"p": true, "a": true, "em": true, "strong": true, "code": true, "pre": true, "blockquote": true,
	"ul": true, "ol": true, "li": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true,
	"h6": true, "hr": true, "br": true, "table": true, "thead": true, "tbody": true, "tr": true,
	"th": true, "td": true, "del": true, "input": true,
}

var (
	alignStyle = regexp.MustCompile(`^text-align:(left|right|center);?$`)
)

// unsafeHTML returns what in body HTML could run a script or embed a document.
func unsafeHTML(out []byte) []string {
	var found []string
	if bytes.Contains(bytes.ToLower(out), []byte("<script")) {
		found = append(found, "<script")
	}
	z := xhtml.NewTokenizer(bytes.NewReader(out))
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			if z.Err() != io.EOF {
				found = append(found, z.Err().Error())
			}
			return found
		}
		if tt != xhtml.StartTagToken && tt != xhtml.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		if !allowedTags[tok.Data] {
			found = append(found, "element <"+tok.Data+">")
		}
		for _, a := range tok.Attr {
			switch {
			case strings.HasPrefix(a.Key, "on"):
				found = append(found, "event handler "+a.Key)
			case a.Key == "href":
				if !safeHref(a.Val) {
					found = append(found, "href "+a.Val)
				}
			case a.Key == "title" && tok.Data == "a":
			case a.Key == "class" && tok.Data == "code" && strings.HasPrefix(a.Val, "language-"):
				// The info string of a fenced block, escaped: text in an attribute.
			case (a.Key == "align" || a.Key == "style") && (tok.Data == "th" || tok.Data == "td") && (a.Val == "left" || a.Val == "right" || a.Val == "center" || alignStyle.MatchString(a.Val)):
			case a.Key == "start" && tok.Data == "ol":
			case (a.Key == "checked" || a.Key == "disabled" || a.Key == "type") && tok.Data == "input":
			default:
				found = append(found, "attribute "+a.Key+"="+a.Val+" on <"+tok.Data+">")
			}
		}
	}
}

// safeHref reports whether a link leads to a web address, a mail address, a page of the
// site or a place in the page.
func safeHref(u string) bool {
	low := strings.ToLower(u)
	for _, prefix := range []string{"http://", "https://", "mailto:", "#", "../", "actors/", "articles/", "topics/", "events/", "notes/"} {
		if strings.HasPrefix(low, prefix) {
			return true
		}
	}
	return false
}

// FuzzRender parses and renders bodies, the repository's and hostile ones mutated: the
// output never holds an element or attribute that could run a script, and every problem
// names a line of the body.
func FuzzRender(f *testing.F) {
	filepath.WalkDir("../../content", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			if data, err := os.ReadFile(p); err == nil {
				if _, body, ok := strings.Cut(string(data), "\n---\n"); ok {
					f.Add(body)
				}
			}
		}
		return nil
	})
	for _, b := range hostileBodies {
		f.Add(b)
	}
	f.Add("Ein Text ohne Verweis, aber mit *Betonung* und \"Anführung\" -- und ... Auslassung.\n\n- Liste\n\n# Titel")
	f.Add("Zwei Sätze. Noch einer mit www.example.org und a@b.de und https://x.org.")
	f.Add("Zeit: 12:30 Uhr, Mail an a@b.de, mailto:a@b.de; ftp://x.org und http:nix und HTTP://X.ORG")
	p := NewParser()
	r := NewRenderer("../", func(scheme, id, frag string) Target {
		return Target{Path: scheme + "s/" + id + ".html", Title: id}
	}, locale.English.Quotes)
	f.Fuzz(func(t *testing.T, body string) {
		d := p.Parse([]byte(body))
		lines := 1 + strings.Count(body, "\n")
		for _, pr := range d.Problems {
			if pr.Line < 1 || pr.Line > lines {
				t.Fatalf("problem on line %d of %d: %s", pr.Line, lines, pr.Msg)
			}
		}
		for _, ref := range d.Refs {
			if ref.Line < 1 || ref.Line > lines {
				t.Fatalf("link on line %d of %d: %+v", ref.Line, lines, ref)
			}
		}
		out, err := r.Render(d)
		if err != nil {
			t.Fatalf("Render: %v", err)
		}
		if bad := unsafeHTML([]byte(out)); len(bad) > 0 {
			t.Fatalf("Render(%q) = %s\nunsafe: %q", body, out, bad)
		}
		// Parse leaves a body that cannot hold a link unparsed: parsed, it has none.
		eager := &Doc{source: []byte(body), p: p}
		eager.checkLinks()
		if !mayLink([]byte(body)) && (len(eager.Refs) > 0 || len(eager.Problems) > 0) {
			t.Fatalf("Parse(%q) skipped a body with links %v and problems %v", body, eager.Refs, eager.Problems)
		}
		if again, err := r.Render(eager); err != nil || again != out {
			t.Fatalf("Render(%q) = %s when parsed at once, %s when parsed lazily", body, again, out)
		}
	})
}

// TestHostileBodies renders each hostile body: nothing in the output could run.
func TestHostileBodies(t *testing.T) {
	p := NewParser()
	r := NewRenderer("", func(scheme, id, frag string) Target { return Target{Path: scheme + "s/" + id + ".html"} }, locale.English.Quotes)
	for _, b := range hostileBodies {
		out, err := r.Render(p.Parse([]byte(b)))
		if err != nil {
			t.Fatal(err)
		}
		if bad := unsafeHTML([]byte(out)); len(bad) > 0 {
			t.Errorf("Render(%q) = %s\nunsafe: %q", b, out, bad)
		}
	}
	for _, page := range []string{`<p><script>x</script></p>`, `<a href="javascript:x">`, `<p onclick="x">`, `<iframe>`, `<a href="data:x">`} {
		if len(unsafeHTML([]byte(page))) == 0 {
			t.Errorf("unsafeHTML(%q) found nothing", page)
		}
	}
}
