package serve

import (
	"context"
	"encoding/json"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"dossier/internal/build"
	"dossier/internal/content"
	"dossier/internal/locale"
	"dossier/internal/testdossier"
)

const editDossier = smallDossier + `-- content/actors/kim-jong-un.md --
---
name: Kim Jong-un
kind: person
aliases: [Kim]
---
-- content/topics/diplomatie.md --
---
title: Diplomatie
---
`

// editServer serves a copy of editDossier with editing on, and returns its address, the
// dossier's folder and the token of its article page.
func editServer(t *testing.T) (base, src, token string) {
	t.Helper()
	src = testdossier.Write(t, editDossier)
	base = mustServe(t, Config{Build: build.Config{Src: src}, Edit: true})
	p := waitFor(t, base+"/articles/fr.html", "the page", shows("Der erste Text der Notiz."))
	m := regexp.MustCompile(`data-token="([0-9a-f]+)"`).FindStringSubmatch(p.body)
	if m == nil {
		t.Fatalf("the article page has no token:\n%s", p.body)
	}
	return base, src, m[1]
}

// editCall is a request to an endpoint, made as the preview's script makes it unless a
// test changes a part of it.
type editCall struct {
	method, op, host, origin, contentType, token, body string
}

func (c editCall) do(t *testing.T, base string) (int, map[string]any) {
	t.Helper()
	req, err := http.NewRequest(c.method, base+editPrefix+c.op, strings.NewReader(c.body))
	if err != nil {
		t.Fatal(err)
	}
	if c.host != "" {
		req.Host = c.host
	}
	if c.origin != "-" {
		req.Header.Set("Origin", c.origin)
	}
	req.Header.Set("Content-Type", c.contentType)
	req.Header.Set(tokenHeader, c.token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	var out map[string]any
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatalf("%s: not JSON: %q", c.op, data)
	}
	return resp.StatusCode, out
}

func contentFiles(t *testing.T, src string) map[string]string {
	t.Helper()
	files := map[string]string{}
	filepath.WalkDir(filepath.Join(src, "content"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			files[p] = string(b)
		}
		return nil
	})
	return files
}

// TestEditRefuses sends every kind of request the preview's script would not, each of
// which must get 403 and write nothing; then the one it would, which writes the note.
func TestEditRefuses(t *testing.T) {
	base, src, token := editServer(t)
	host := strings.TrimPrefix(base, "http://")
	create := `{"article":"fr","line":11,"start":1,"end":16,"text":"Unbesiegbarkeit","kind":"context","body":"Neu."}`
	good := editCall{http.MethodPost, "note/create", "", base, "application/json", token, create}
	before := contentFiles(t, src)
	for _, tc := range []struct {
		name string
		call func(c editCall) editCall
	}{
		{"no token", func(c editCall) editCall { c.token = ""; return c }},
		{"another token", func(c editCall) editCall { c.token = strings.Repeat("0", len(token)); return c }},
		{"foreign origin", func(c editCall) editCall { c.origin = "http://evil.example"; return c }},
		{"origin of another port", func(c editCall) editCall { c.origin = "http://127.0.0.1:1"; return c }},
		{"no origin", func(c editCall) editCall { c.origin = "-"; return c }},
		{"foreign host (DNS rebinding)", func(c editCall) editCall {
			c.host, c.origin = "evil.example:"+strings.Split(host, ":")[1], "http://evil.example:"+strings.Split(host, ":")[1]
			return c
		}},
		{"GET", func(c editCall) editCall { c.method = http.MethodGet; return c }},
		{"PUT", func(c editCall) editCall { c.method = http.MethodPut; return c }},
		{"a form, not JSON", func(c editCall) editCall { c.contentType = "application/x-www-form-urlencoded"; return c }},
		{"text, not JSON", func(c editCall) editCall { c.contentType = "text/plain"; return c }},
		{"a path as the article", func(c editCall) editCall { c.body = strings.Replace(create, `"fr"`, `"../../etc"`, 1); return c }},
		{"a path as the note's id", func(c editCall) editCall {
			c.op, c.body = "note/update", `{"id":"../actors/wladimir-putin","version":"x","kind":"context"}`
			return c
		}},
		{"a path as the note to delete", func(c editCall) editCall {
			c.op, c.body = "note/delete", `{"id":"treffen/../../dossier","version":"x"}`
			return c
		}},
		{"a path as the actor", func(c editCall) editCall {
			c.op, c.body = "actor/alias", `{"article":"fr","line":11,"start":1,"end":16,"text":"Unbesiegbarkeit","actor":"../dossier"}`
			return c
		}},
	} {
		status, out := tc.call(good).do(t, base)
		if status != http.StatusForbidden || out["code"] != "forbidden" {
			t.Errorf("%s: %d %v, want 403 forbidden", tc.name, status, out)
		}
		if after := contentFiles(t, src); !reflect.DeepEqual(after, before) {
			t.Errorf("%s: the refused request changed content/", tc.name)
		}
	}
	status, out := good.do(t, base)
	if status != http.StatusOK || out["file"] != "content/notes/fr-unbesiegbarkeit.md" {
		t.Fatalf("the preview's own request: %d %v", status, out)
	}
}

// TestEditOff checks that a server without editing offers none: no script on its pages,
// and 403 from its endpoints.
func TestEditOff(t *testing.T) {
	src := testdossier.Write(t, editDossier)
	base := mustServe(t, Config{Build: build.Config{Src: src}})
	p := waitFor(t, base+"/articles/fr.html", "the page", shows("Der erste Text der Notiz."))
	if strings.Contains(p.body, annotateJSPath) || strings.Contains(p.body, "data-token") {
		t.Errorf("the page of a server without editing has its script:\n%s", p.body)
	}
	if got := get(t, base+annotateJSPath); got.status != http.StatusNotFound {
		t.Errorf("%s = %d, want 404", annotateJSPath, got.status)
	}
	before := contentFiles(t, src)
	status, out := editCall{http.MethodPost, "note/create", "", base, "application/json", "x", `{"article":"fr"}`}.do(t, base)
	if status != http.StatusForbidden || !strings.Contains(out["error"].(string), "-edit") {
		t.Errorf("with editing off: %d %v, want 403 naming -edit", status, out)
	}
	if !reflect.DeepEqual(contentFiles(t, src), before) {
		t.Error("a server without editing wrote into content/")
	}
}

// TestEditScriptOnlyOnArticles checks that only the article pages get the script, and
// only when asked for under the server's own address.
func TestEditScriptOnlyOnArticles(t *testing.T) {
	base, _, _ := editServer(t)
	for _, path := range []string{"/", "/actors/wladimir-putin.html", "/articles/", "/timeline/", "/gibt-es-nicht.html"} {
		if p := get(t, base+path); strings.Contains(p.body, "data-token") {
			t.Errorf("%s has the editing script", path)
		}
	}
	req, _ := http.NewRequest(http.MethodGet, base+"/articles/fr.html", nil)
	req.Host = "evil.example"
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if strings.Contains(string(body), "data-token") {
		t.Error("a page asked for under another host name has the token")
	}
}

// TestEditErrors checks the refusals a form shows beside its fields: each names the
// field, and writes nothing.
func TestEditErrors(t *testing.T) {
	base, src, token := editServer(t)
	call := func(op, body string) (int, map[string]any) {
		return editCall{http.MethodPost, op, "", base, "application/json", token, body}.do(t, base)
	}
	read := func() map[string]any {
		_, n := call("note/read", `{"id":"treffen"}`)
		return n
	}
	n := read()
	before := contentFiles(t, src)
	sel := `"article":"fr","line":11,"start":1,"end":16,"text":"Unbesiegbarkeit"`
	for _, tc := range []struct {
		op, body     string
		status       int
		field, words string
	}{
		{"event/create", `{` + sel + `,"title":"Gipfel","date":"2024-13-45"}`, 422, "date", "month 13"},
		{"event/create", `{` + sel + `,"title":"","date":"2024"}`, 422, "name", "title"},
		{"note/create", `{` + sel + `,"kind":"context","actors":["wladimir-putn"]}`, 422, "actors", `did you mean "wladimir-putin"`},
		{"note/create", `{` + sel + `,"kind":"gerücht"}`, 422, "kind", "not one of"},
		{"note/create", `{"article":"fr","line":11,"start":1,"end":16,"text":"Anderer Text","kind":"context"}`, 422, "quote", "reload the page"},
		{"note/update", `{"id":"treffen","version":"alt","kind":"context"}`, 409, "", "changed on disk"},
		{"note/delete", `{"id":"treffen","version":"alt"}`, 409, "", "changed on disk"},
		{"actor/alias", `{"article":"fr","line":11,"start":91,"end":106,"text":"Wladimir Putin ","actor":"kim-jong-un"}`, 422, "name", `already belongs to actor "wladimir-putin"`},
		{"actor/create", `{"article":"fr","line":11,"start":91,"end":105,"text":"Wladimir Putin","kind":"person"}`, 422, "name", "already belongs"},
		{"note/explode", `{}`, 404, "", "no such operation"},
	} {
		status, out := call(tc.op, tc.body)
		msg, _ := out["error"].(string)
		field, _ := out["field"].(string)
		if status != tc.status || field != tc.field || !strings.Contains(msg, tc.words) {
			t.Errorf("%s %s: %d %v, want %d, field %q, …%s…", tc.op, tc.body, status, out, tc.status, tc.field, tc.words)
		}
	}
	if !reflect.DeepEqual(contentFiles(t, src), before) {
		t.Error("a refused request wrote into content/")
	}
	if got := read(); got["version"] != n["version"] {
		t.Error("the note's version changed")
	}
}

// TestBuildHasNoEditing builds the shipped dossier as `dossier build` does and greps
// every file of it for the editing code: the script, its styles, its endpoints, its
// token and its words.
func TestBuildHasNoEditing(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if _, err := build.Run(context.Background(), build.Config{Src: repoRoot, Out: out, Minify: true}); err != nil {
		t.Fatal(err)
	}
	w := locale.German.Editor
	needles := []string{"_dossier", "annotate", tokenHeader, "data-token", "dossier-ui", "dossier:reload",
		w.AddNote, w.AddEvent, w.AsActor, w.ConfirmDelete[:10], "Bearbeiten", "Speichern"}
	files := 0
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files++
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range needles {
			if strings.Contains(string(data), n) {
				t.Errorf("%s contains %q", p, n)
			}
		}
		return nil
	})
	if files < 50 {
		t.Fatalf("the build wrote only %d files", files)
	}
}

// TestEditorWords checks that every built-in language has every word of the editing
// forms, and a name for every kind of note and actor.
func TestEditorWords(t *testing.T) {
	for _, l := range locale.Builtin {
		if l.Editor == nil {
			t.Errorf("%s: no Editor words", l.Code)
			continue
		}
		v := reflect.ValueOf(*l.Editor)
		for i := range v.NumField() {
			if f := v.Field(i); f.Kind() == reflect.String && f.String() == "" {
				t.Errorf("%s: Editor.%s is empty", l.Code, v.Type().Field(i).Name)
			}
		}
		for _, k := range content.NoteKinds {
			if l.Editor.KindNames[k] == "" {
				t.Errorf("%s: no name for the note kind %q", l.Code, k)
			}
		}
		for _, k := range content.ActorKinds {
			if l.Editor.ActorKinds[k] == "" {
				t.Errorf("%s: no name for the actor kind %q", l.Code, k)
			}
		}
	}
}

// TestEditActor adds a selected name as another spelling of an actor, and as a new actor.
func TestEditActor(t *testing.T) {
	base, src, token := editServer(t)
	call := func(op, body string) (int, map[string]any) {
		return editCall{http.MethodPost, op, "", base, "application/json", token, body}.do(t, base)
	}
	// "Wladimir" on line 11, as another spelling of Putin.
	status, out := call("actor/alias", `{"article":"fr","line":11,"start":91,"end":99,"text":"Wladimir","actor":"wladimir-putin"}`)
	if status != http.StatusOK || out["file"] != "content/actors/wladimir-putin.md" {
		t.Fatalf("actor/alias: %d %v", status, out)
	}
	if got := mustReadFile(t, filepath.Join(src, "content/actors/wladimir-putin.md")); !strings.Contains(got, "aliases: [Putin, Wladimir]\n") {
		t.Errorf("after actor/alias:\n%s", got)
	}
	// "Russlands" on line 11, as a new state.
	status, out = call("actor/create", `{"article":"fr","line":11,"start":71,"end":80,"text":"Russlands","kind":"state"}`)
	if status != http.StatusOK || out["file"] != "content/actors/russlands.md" {
		t.Fatalf("actor/create: %d %v", status, out)
	}
	if got := mustReadFile(t, filepath.Join(src, "content/actors/russlands.md")); !strings.Contains(got, `name: "Russlands"`) || !strings.Contains(got, "kind: state") {
		t.Errorf("after actor/create:\n%s", got)
	}
}
