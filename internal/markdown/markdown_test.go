package markdown

import (
	"dossier/internal/locale"

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
		html, err := NewRenderer(tc.root, path, locale.German.Quotes).Render(d)
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
		r := NewRenderer("", path, locale.German.Quotes)
		lead, rest, err := r.RenderLead(d, "")
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

func TestLineCitationsNameTheirArticle(t *testing.T) {
	p := NewParser()
	resolve := func(scheme, id, frag string) Target {
		t := Target{Path: scheme + "s/" + id + ".html"}
		if scheme == "article" && strings.HasPrefix(frag, "L") {
			t.Source, t.Line = map[string]string{"fr": "Frankfurter <Rundschau>", "zdf": "ZDFheute"}[id], "Z. "
		}
		return t
	}
	r := NewRenderer("../", resolve, locale.German.Quotes)
	for _, tc := range []struct {
		in, here, want string
	}{
		{"[Z. 34](article:fr#L34)", "", `<a href="../articles/fr.html#L34">Frankfurter &lt;Rundschau&gt;, Z. 34</a>`},
		{"[Z. 34](article:fr#L34)", "zdf", `<a href="../articles/fr.html#L34">Frankfurter &lt;Rundschau&gt;, Z. 34</a>`},
		{"[Z. 34](article:fr#L34)", "fr", `<a href="../articles/fr.html#L34">Z. 34</a>`},
		{"[Z. 5–6](article:zdf#L5)", "", `<a href="../articles/zdf.html#L5">ZDFheute, Z. 5–6</a>`},
		{"[die Rede](article:zdf#L5)", "", `<a href="../articles/zdf.html#L5">die Rede</a>`},
		{"[Z. 5](article:zdf)", "", `<a href="../articles/zdf.html">Z. 5</a>`},
		{"[Z. 5](actor:zdf#L5)", "", `<a href="../actors/zdf.html#L5">Z. 5</a>`},
		{"([Z. 1](article:zdf#L1), [Z. 3](article:zdf#L3), [Z. 4](article:fr#L4))", "",
			`(<a href="../articles/zdf.html#L1">ZDFheute, Z. 1</a>, <a href="../articles/zdf.html#L3">Z. 3</a>, <a href="../articles/fr.html#L4">Frankfurter &lt;Rundschau&gt;, Z. 4</a>)`},
		{"[Z. 1](article:zdf#L1) und [Putin](actor:putin), [Z. 3](article:zdf#L3)", "",
			`<a href="../actors/putin.html">Putin</a>, <a href="../articles/zdf.html#L3">ZDFheute, Z. 3</a>`},
	} {
		got, err := r.RenderOn(p.Parse([]byte(tc.in)), tc.here)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(got), tc.want) {
			t.Errorf("RenderOn(%q, %q) = %s, want …%s…", tc.in, tc.here, got, tc.want)
		}
	}
}

// TestQuotesByLanguage: straight quotes are typeset in the marks of the renderer's
// language; marks an editor typed stay as typed, and code is not touched.
func TestQuotesByLanguage(t *testing.T) {
	src := []byte("Er sagte \"es gibt 'keine' Grenzen\" und „so“, `\"code\"`, it's.")
	d := NewParser().Parse(src)
	path := func(scheme, id, frag string) Target { return Target{Path: id} }
	for _, tt := range []struct {
		q          locale.Quotes
		html, text string
	}{
		{locale.German.Quotes, "<p>Er sagte „es gibt ‚keine‘ Grenzen“ und „so“, <code>&quot;code&quot;</code>, it’s.</p>\n",
			"Er sagte „es gibt ‚keine‘ Grenzen“ und „so“, \"code\", it’s.\n"},
		{locale.English.Quotes, "<p>Er sagte “es gibt ‘keine’ Grenzen” und „so“, <code>&quot;code&quot;</code>, it’s.</p>\n",
			"Er sagte “es gibt ‘keine’ Grenzen” und „so“, \"code\", it’s.\n"},
		{locale.Quotes{Open: "« ", Close: " »", InnerOpen: "‹ ", InnerClose: " ›"}, "<p>Er sagte « es gibt ‹ keine › Grenzen » und „so“, <code>&quot;code&quot;</code>, it’s.</p>\n",
			"Er sagte « es gibt ‹ keine › Grenzen » und „so“, \"code\", it’s.\n"},
	} {
		got, err := NewRenderer("", path, tt.q).Render(d)
		if err != nil || string(got) != tt.html {
			t.Errorf("Render with %s…%s = %q, %v; want %q", tt.q.Open, tt.q.Close, got, err, tt.html)
		}
		if got := d.TextWith(tt.q); got != tt.text {
			t.Errorf("TextWith(%s…%s) = %q, want %q", tt.q.Open, tt.q.Close, got, tt.text)
		}
	}
}
