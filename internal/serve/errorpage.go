package serve

import (
	"bytes"
	"html/template"

	"dossier/internal/diag"
)

// errorPageHTML is shown instead of every page while the dossier does not build. It is for
// editors, in German like the guide, and stands alone: no stylesheet of the site, whose
// templates may be what is broken. html/template escapes each message, which may quote
// a seed or a file with < and &.
const errorPageHTML = `<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Fehler im Dossier</title>
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
<h1>Die Vorschau kann nicht neu gebaut werden</h1>
{{- with .Errors}}
<p>Das Dossier enthält {{len .}} Fehler. Korrigieren Sie die genannte Stelle und speichern Sie die Datei: Diese Seite lädt sich dann von selbst neu.</p>
<ol>
{{- range .}}
<li><code><span class="pos">{{.Pos}}</span>: {{.Msg}}</code></li>
{{- end}}
</ol>
{{- end}}
{{- with .Err}}
<p>Beim Bauen ist ein Fehler aufgetreten, der keiner Zeile zugeordnet ist (etwa in einer Vorlage unter <code>templates/</code>):</p>
<pre><code>{{.}}</code></pre>
<p>Sobald er behoben ist, lädt sich diese Seite von selbst neu.</p>
{{- end}}
{{- with .Warnings}}
<details>
<summary>{{len .}} Hinweise (Warnungen; sie verhindern die Veröffentlichung nicht)</summary>
<ol class="warn">
{{- range .}}
<li><code><span class="pos">{{.Pos}}</span>: {{.Msg}}</code></li>
{{- end}}
</ol>
</details>
{{- end}}
{{- if .LastGood}}
<p><a href="?letzter-stand">Letzten funktionierenden Stand dieser Seite ansehen</a></p>
{{- end}}
<p><small>Fehlgeschlagener Bau: {{.At}}. Die Anleitung <code>docs/redaktion.md</code> erklärt jede Meldung.</small></p>
</main>
</body>
</html>
`

type errorView struct {
	Errors, Warnings diag.List
	Err              string
	LastGood         bool
	At               string
}

func parseErrorPage() *template.Template {
	return template.Must(template.New("error").Option("missingkey=error").Parse(errorPageHTML))
}

func renderError(t *template.Template, f *failure, lastGood bool) []byte {
	var b bytes.Buffer
	v := errorView{
		Errors:   f.Problems.Errors(),
		Warnings: f.Problems.Warnings(),
		Err:      f.Err,
		LastGood: lastGood,
		At:       f.At.Format("15:04:05"),
	}
	if err := t.Execute(&b, v); err != nil {
		// The template is fixed and its view typed; failing here is a bug in this file.
		panic(err)
	}
	return b.Bytes()
}
