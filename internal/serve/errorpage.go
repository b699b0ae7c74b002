package serve

import (
	"bytes"
	"html/template"
	"strings"

	"dossier/internal/diag"
	idossier "dossier/internal/dossier"
	"dossier/internal/locale"
)

// errorPageHTML is shown instead of every page while the dossier does not build. It is for
// editors, in the dossier's language (its locale's Preview words), and stands alone: no
// stylesheet of the site, whose templates may be what is broken. html/template escapes
// each message, which may quote a seed or a file with < and &.
const errorPageHTML = `<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.W.Title}}</title>
<style>
body { font: 1rem/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; background: #fff; }
h1 { font-size: 1.5rem; color: #a00; }
ol { padding-left: 1.5rem; }
li { margin: .5rem 0; }
code { font: .95rem/1.4 ui-monospace, monospace; background: #f3f3f3; padding: 0 .2rem; word-break: break-word; }
.pos { font-weight: bold; }
.warn .pos { font-weight: normal; }
a { color: #0645ad; }
@media (prefers-color-scheme: dark) {
  body { color: #eee; background: #161616; } h1 { color: #ff8080; } code { background: #2a2a2a; } a { color: #8ab4f8; }
}
</style>
</head>
<body>
<main>
<h1>{{.W.Heading}}</h1>
{{- if .Errors}}
<p>{{.ErrorCount}} {{.W.Fix}}</p>
<ol>
{{- range .Errors}}
<li><code><span class="pos">{{.Pos}}</span>: {{.Msg}}</code></li>
{{- end}}
</ol>
{{- end}}
{{- with .Err}}
<p>{{$.W.Unplaced}}</p>
<pre><code>{{.}}</code></pre>
<p>{{$.W.Fixed}}</p>
{{- end}}
{{- if .Warnings}}
<details>
<summary>{{.WarningCount}}</summary>
<ol class="warn">
{{- range .Warnings}}
<li><code><span class="pos">{{.Pos}}</span>: {{.Msg}}</code></li>
{{- end}}
</ol>
</details>
{{- end}}
{{- if .LastGood}}
<p><a href="?letzter-stand">{{.W.LastGood}}</a></p>
{{- end}}
<p><small>{{.Failed}}</small></p>
</main>
</body>
</html>
`

type errorView struct {
	Lang                     string
	W                        *locale.Preview
	Errors, Warnings         diag.List
	ErrorCount, WarningCount string // "Das Dossier enthält 2 Fehler.", "1 Hinweis …"
	Err                      string
	LastGood                 bool
	Failed                   string // when, and where the guide is
}

func parseErrorPage() *template.Template {
	return template.Must(template.New("error").Option("missingkey=error").Parse(errorPageHTML))
}

// localeOf returns the locale of the first of ds that has a site: the failed build's
// dossier, whose content/dossier.md may just have changed its language, then the last
// good one. German if none has.
func localeOf(ds ...*idossier.Dossier) *locale.Locale {
	for _, d := range ds {
		if d != nil && d.Site != nil && d.Site.Locale != nil {
			return d.Site.Locale
		}
	}
	return locale.Builtin.Default()
}

// renderError writes the error page of f in the language of loc.
func renderError(t *template.Template, f *failure, lastGood bool, loc *locale.Locale) []byte {
	var b bytes.Buffer
	w := &loc.Preview
	v := errorView{
		Lang:     loc.Code,
		W:        w,
		Errors:   f.Problems.Errors(),
		Warnings: f.Problems.Warnings(),
		Err:      f.Err,
		LastGood: lastGood,
		Failed:   strings.ReplaceAll(w.Failed, "{t}", f.At.Format("15:04:05")),
	}
	v.ErrorCount, v.WarningCount = w.Errors.N(len(v.Errors)), w.Warnings.N(len(v.Warnings))
	if err := t.Execute(&b, v); err != nil {
		// The template is fixed and its view typed; failing here is a bug in this file.
		panic(err)
	}
	return b.Bytes()
}
