package markdown

import (
	"strings"
	"testing"
)

func TestRender(t *testing.T) {
	p := NewParser()
	path := func(scheme, id, frag string) Target { return Target{Path: scheme + "s/" + id + ".html"} }
	for _, tc := range []struct {
		in, root string
		want     []string
		refs     int
		problems int
	}{
		{`[Putin](actor:wladimir-putin) und [Z. 34](article:fr#L34)`, "../",
			[]string{`<a href="../actors/wladimir-putin.html">Putin</a>`, `<a href="../articles/fr.html#L34">Z. 34</a>`}, 2, 0},
		{`"Zitat" und 'so'`, "", []string{"„Zitat“", "‚so‘"}, 0, 0},
		{`<script>alert(1)</script> <b onclick="x">b</b>`, "", []string{"raw HTML omitted"}, 0, 0},
		{`[x](javascript:alert(1)) [y](JAVASCRIPT:alert(1)) [z](data:text/html,x)`, "", []string{"x y z"}, 0, 3},
		{`[web](https://example.org/a?b=c&d=e) <https://example.org>`, "", []string{`href="https://example.org/a?b=c&amp;d=e"`}, 0, 0},
		{`![Bild](x.png)`, "", []string{"Bild"}, 0, 1},
		{`[t](actor:x "title\" onmouseover=\"alert(1)")`, "", []string{`<a href="actors/x.html">t</a>`}, 1, 0},
	} {
		d := p.Parse([]byte(tc.in))
		html, err := NewRenderer(tc.root, path).Render(d)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range tc.want {
			if !strings.Contains(string(html), w) {
				t.Errorf("Render(%q) = %s, want …%s…", tc.in, html, w)
			}
		}
		if strings.Contains(string(html), "javascript:") || strings.Contains(string(html), "onmouseover") {
			t.Errorf("Render(%q) = %s: unsafe output", tc.in, html)
		}
		if len(d.Refs) != tc.refs || len(d.Problems) != tc.problems {
			t.Errorf("Parse(%q): %d refs, %d problems (%v); want %d, %d", tc.in, len(d.Refs), len(d.Problems), d.Problems, tc.refs, tc.problems)
		}
	}
}

func TestRefLines(t *testing.T) {
	d := NewParser().Parse([]byte("Erste Zeile.\n\nZweiter Absatz mit [A](actor:a)\nund [B](topic:b).\n"))
	if len(d.Refs) != 2 || d.Refs[0].Line != 3 || d.Refs[1].Line != 4 {
		t.Errorf("refs = %+v, want lines 3 and 4", d.Refs)
	}
}

func TestRenderLead(t *testing.T) {
	p := NewParser()
	path := func(scheme, id, frag string) Target { return Target{Path: scheme + "s/" + id + ".html"} }
	for _, tc := range []struct {
		in, lead, rest string
	}{
		{"", "", ""},
		{"Nur ein Absatz.", "<p>Nur ein Absatz.</p>\n", ""},
		{"Erster [Z. 3](article:fr#L3).\n\n**Herkunft.** Zweiter.\n\n- eins\n- zwei\n",
			"<p>Erster <a href=\"articles/fr.html#L3\">Z. 3</a>.</p>\n",
			"<p><strong>Herkunft.</strong> Zweiter.</p>\n<ul>\n<li>eins</li>\n<li>zwei</li>\n</ul>\n"},
		{"## Titel\n\nText.", "<h2>Titel</h2>\n", "<p>Text.</p>\n"},
	} {
		d := p.Parse([]byte(tc.in))
		r := NewRenderer("", path)
		lead, rest, err := r.RenderLead(d)
		if err != nil {
			t.Fatal(err)
		}
		if string(lead) != tc.lead || string(rest) != tc.rest {
			t.Errorf("RenderLead(%q) = %q, %q; want %q, %q", tc.in, lead, rest, tc.lead, tc.rest)
		}
		whole, _ := r.Render(d)
		if string(lead)+string(rest) != string(whole) {
			t.Errorf("RenderLead(%q) = %q + %q; Render gives %q", tc.in, lead, rest, whole)
		}
	}
}
