package tmplexec

import (
	"errors"
	"fmt"
	"html/template"
	"strings"
	"testing"
)

type item struct {
	Name  string
	URL   string
	Count int
	On    bool
	Safe  template.HTML
}

func (i item) Upper() string { return strings.ToUpper(i.Name) }

func (i *item) Pointer() string { return "ptr:" + i.Name }

type labels struct{ Hello, Bye string }

type page struct {
	Title string
	Items []item
	Ptrs  []*item
	L     *labels
	Tags  []string
	Body  template.HTML
	Link  template.URL
	Empty []item
	Num   int
	Any   any
	Stamp stamp
	Maybe *item
}

type stamp struct{ Day int }

func (s stamp) IsZero() bool { return s.Day == 0 }

func (s stamp) String() string { return fmt.Sprintf("day %d", s.Day) }

// templates covers each construct that Compile handles, in each escaping context.
var templates = map[string]string{
	"text":      `<p>{{.Title}} {{.Num}} {{.Body}} {{.Link}} {{.Stamp}} {{.Any}}</p>`,
	"attr":      `<a title="{{.Title}}" data-n="{{.Num}}" class="x {{.Title}}">x</a>`,
	"url":       `<a href="{{.Link}}">a</a><a href="{{.Title}}">b</a><a href="/q?x={{.Title}}">c</a><a href="{{.Title}}/{{.Title}}">d</a>`,
	"title":     `<title>{{.Title}} – {{.L.Hello}}</title>`,
	"if":        `{{if .Title}}t{{else if .Num}}n{{else}}none{{end}}{{if not .Stamp.IsZero}}{{.Stamp.Day}}{{end}}{{if and .Items .Tags}}both{{end}}{{if or .Empty .Tags}}or{{end}}`,
	"compare":   `{{if eq .Title "Hello"}}eq{{end}}{{if ne .Title .L.Hello}}ne{{end}}{{if eq .Num 3}}three{{end}}{{if eq .Title "a" "b" "Hello"}}any{{end}}`,
	"range":     `<ul>{{range .Items}}<li><a href="{{.URL}}">{{.Name}}</a> {{.Count}}{{if .On}}!{{end}}</li>{{else}}<li>none</li>{{end}}</ul>{{range $i, $t := .Tags}}{{if $i}}, {{end}}{{$t}}{{end}}{{range .Empty}}x{{else}}empty{{end}}`,
	"vars":      `{{$t := .Title}}{{range .Items}}{{$t}}:{{.Name}}:{{$.Num}} {{end}}{{$t = "changed"}}{{$t}}`,
	"with":      `{{with .L}}{{.Hello}}/{{.Bye}}{{end}}{{with .Empty}}x{{else}}no{{end}}{{with .Title}}{{.}}{{end}}`,
	"methods":   `{{range .Items}}{{.Upper}} {{end}}{{range .Ptrs}}{{.Pointer}} {{.Upper}} {{end}}`,
	"call":      `{{define "item"}}<b>{{.Name}}</b>{{end}}{{range .Items}}{{template "item" .}}{{end}}{{template "tags" .Tags}}{{define "tags"}}{{range .}}[{{.}}]{{end}}{{$}}{{end}}`,
	"funcs":     `{{shout .Title}} {{.Title | shout}} {{twice .Num}}`,
	"safe":      `{{range .Items}}{{.Safe}}{{end}}`,
	"script":    `<script>var x = 1;</script><p>{{.Title}}</p>`,
	"nilptr":    `{{.Maybe.Name}}`,
	"anyhtml":   `<p>{{.Any}}</p>`,
	"attrhtml":  `<a title="{{.Body}}">x</a>`,
	"literal":   `{{"a<b"}} {{3}} {{true}}`,
	"pipeline":  `{{(shout .Title)}} {{shout (shout .Title)}}`,
	"dollar":    `{{$.Title}}{{range .Items}}{{$.L.Bye}}{{end}}`,
	"emptyvars": `{{range $x := .Tags}}{{$x}}{{end}}`,
}

var funcs = template.FuncMap{
	"shout": func(s string) string { return strings.ToUpper(s) + "!" },
	"twice": func(n int) int { return 2 * n },
}

func data(s string) page {
	return page{
		Title: s,
		Items: []item{{Name: s, URL: s, Count: 2, On: true, Safe: template.HTML("<i>" + s + "</i>")}, {Name: "b&c", URL: "javascript:alert(1)"}},
		Ptrs:  []*item{{Name: s}},
		L:     &labels{Hello: "Hello", Bye: s},
		Tags:  []string{s, "<tag>", "x+y"},
		Body:  template.HTML("<em>" + s + "</em>"),
		Link:  template.URL("javascript:" + s),
		Num:   3,
		Any:   s,
		Stamp: stamp{Day: 7},
	}
}

// check compares the compiled program's output with html/template's for one template
// source and data. A program that reports ErrUnsupported must be one html/template
// itself fails on or one of the known cases.
func check(t *testing.T, name, src string, d any) {
	t.Helper()
	set := template.Must(template.New(name).Funcs(funcs).Option("missingkey=error").Parse(src))
	p, err := Compile(set, name, funcs)
	var want strings.Builder
	wantErr := set.ExecuteTemplate(&want, name, d)
	if err != nil {
		if !errors.Is(err, ErrUnsupported) {
			t.Fatalf("%s: Compile: %v", name, err)
		}
		t.Logf("%s: not compiled: %v", name, err)
		return
	}
	var got strings.Builder
	if err := p.Execute(&got, d); err != nil {
		if !errors.Is(err, ErrUnsupported) {
			t.Fatalf("%s: Execute: %v", name, err)
		}
		return // the caller runs html/template
	}
	if wantErr != nil {
		t.Fatalf("%s: html/template fails (%v) but the program wrote %q", name, wantErr, got.String())
	}
	if got.String() != want.String() {
		t.Errorf("%s with %q:\n got %q\nwant %q", name, src, got.String(), want.String())
	}
}

func TestSameAsHTMLTemplate(t *testing.T) {
	for _, s := range []string{"Hello", "", "a<b>&\"'+c", "\x00nul", "ümlaut ß", "javascript:alert(1)", "/path with space?q=1&r=%zz%41", "\xff\xfe bad utf8", "{{.}}"} {
		for name, src := range templates {
			check(t, name, src, data(s))
		}
	}
	// A nil pointer, nil data, and data of another type.
	check(t, "nilptr", templates["nilptr"], page{})
	check(t, "text", templates["text"], nil)
	check(t, "range", templates["range"], map[string]any{"Items": nil})
}

// TestCompiles makes sure that the templates above are compiled, not merely handed
// back: a test of the fallback alone would pass with a Compile that gives up.
func TestCompiles(t *testing.T) {
	for name, src := range templates {
		set := template.Must(template.New(name).Funcs(funcs).Parse(src))
		if _, err := Compile(set, name, funcs); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	for name, src := range map[string]string{
		"printf": `{{printf "%d" .Num}}`,
		"index":  `{{index .Tags 0}}`,
		"break":  `{{range .Tags}}{{break}}{{end}}`,
		"js":     `<script>var t = {{.Title}};</script>`,
		"css":    `<style>p { color: {{.Title}} }</style>`,
	} {
		set := template.Must(template.New(name).Funcs(funcs).Parse(src))
		if _, err := Compile(set, name, funcs); !errors.Is(err, ErrUnsupported) {
			t.Errorf("%s: Compile gave %v, want ErrUnsupported", name, err)
		}
	}
}

// TestExecuteFallsBack checks the values that execution hands back to html/template.
func TestExecuteFallsBack(t *testing.T) {
	for name, d := range map[string]page{
		"nilptr":   {},
		"attrhtml": {Body: "<b>x</b>"},
	} {
		set := template.Must(template.New(name).Funcs(funcs).Option("missingkey=error").Parse(templates[name]))
		p, err := Compile(set, name, funcs)
		if err != nil {
			t.Fatal(err)
		}
		if err := p.Execute(&strings.Builder{}, d); !errors.Is(err, ErrUnsupported) {
			t.Errorf("%s: Execute gave %v, want ErrUnsupported", name, err)
		}
	}
}

// TestEscapeError is html/template's own error, reported by Compile.
func TestEscapeError(t *testing.T) {
	set := template.Must(template.New("bad").Parse(`<a href="{{if .}}x">{{end}}`))
	if _, err := Compile(set, "bad", nil); err == nil || errors.Is(err, ErrUnsupported) {
		t.Errorf("Compile of a template html/template cannot escape gave %v", err)
	}
}

func FuzzSameAsHTMLTemplate(f *testing.F) {
	for _, s := range []string{"Hello", "a<b>&\"'+c", "javascript:x", "%41%zz /?#", "\x00\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for name, src := range templates {
			check(t, name, src, data(s))
		}
	})
}

type panicky struct{ *labels }

func (panicky) Boom() string { panic("boom") }

// TestPanicFallsBack: a method that panics, and a field reached through a nil embedded
// pointer, hand the page back to html/template instead of crashing the build.
func TestPanicFallsBack(t *testing.T) {
	for name, src := range map[string]string{"method": `{{.Boom}}`, "embedded": `{{.Hello}}`} {
		set := template.Must(template.New(name).Parse(src))
		p, err := Compile(set, name, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := p.Execute(&strings.Builder{}, panicky{}); !errors.Is(err, ErrUnsupported) {
			t.Errorf("%s: Execute gave %v, want ErrUnsupported", name, err)
		}
	}
}
