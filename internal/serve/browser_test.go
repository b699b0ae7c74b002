package serve

import (
	"context"
	"dossier/internal/browsertest"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"dossier/internal/build"
	"dossier/internal/testdossier"
)

// mustBrowser starts a headless Chromium for the test. Without a browser the test fails
// in CI and is skipped elsewhere.
func mustBrowser(t *testing.T, opts ...chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	return browsertest.Start(t, 150*time.Second, opts...)
}

// scriptErrors collects uncaught exceptions of a tab.
func scriptErrors(ctx context.Context) func() []string {
	var mu sync.Mutex
	var errs []string
	go func() {
		for m, err := range chromedp.Console(ctx) {
			if err != nil {
				return
			}
			if m.IsException() {
				mu.Lock()
				errs = append(errs, m.String())
				mu.Unlock()
			}
		}
	}()
	return func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), errs...)
	}
}

// selectJS selects, by script as a mouse would, the n-th occurrence of a text in the
// seed text of a line, wherever the page's marks, links and note numbers cut it.
const selectJS = `(line, needle, nth) => {
  const t = document.getElementById("L" + line).querySelector(".text");
  const nodes = [];
  const walk = document.createTreeWalker(t, NodeFilter.SHOW_TEXT, {acceptNode: n => n.parentElement.closest("sup.ref") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT});
  let all = "";
  for (let n; (n = walk.nextNode());) { nodes.push([n, all.length]); all += n.data; }
  let at = -1;
  for (let i = 0; i < nth; i++) at = all.indexOf(needle, at + 1);
  if (at < 0) throw new Error(needle + " not on line " + line);
  const place = off => { for (let i = nodes.length - 1; i >= 0; i--) if (nodes[i][1] <= off) return [nodes[i][0], off - nodes[i][1]]; };
  const r = document.createRange();
  r.setStart(...place(at));
  r.setEnd(...place(at + needle.length));
  getSelection().removeAllRanges();
  getSelection().addRange(r);
  return getSelection().toString();
}`

// page is one tab of the browser on the preview.
type tab struct {
	t    *testing.T
	ctx  context.Context
	base string
}

// run runs the actions, each within 20 seconds; on failure it shows the form, if one is
// open, and the focused element.
func (b tab) run(actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	for i, a := range actions {
		ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
		err := chromedp.Do(ctx, a)
		cancel()
		if err != nil {
			state, _ := chromedp.Run(b.ctx, chromedp.Evaluate[string](`(document.querySelector(".dossier-form") || document.querySelector(".dossier-toolbar") || document.body).outerHTML.slice(0, 3000) + "\nfocus: " + document.activeElement.outerHTML.slice(0, 200)`))
			b.t.Fatalf("action %d: %v\n%s", i, err, state)
		}
	}
}

// eval returns the value of the JavaScript expression js in the tab.
func eval[T any](b tab, js string) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](js))
	if err != nil {
		b.t.Fatalf("%s: %v", js, err)
	}
	return v
}

// do runs js for its effect.
func (b tab) do(js string) {
	b.t.Helper()
	if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[any](js)); err != nil {
		b.t.Fatalf("%s: %v", js, err)
	}
}

// set sets the value of the form field sel as typing would, with an input event.
func (b tab) set(sel, value string) {
	b.t.Helper()
	b.do(fmt.Sprintf(`(() => { const e = document.querySelector(%q); e.value = %q; e.dispatchEvent(new Event("input", {bubbles: true})); })()`, sel, value))
}

func (b tab) value(sel string) string {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Value(chromedp.CSS(sel)))
	if err != nil {
		b.t.Fatalf("value of %s: %v", sel, err)
	}
	return v
}

// open loads path and waits until the editing script is ready.
func (b tab) open(path string) {
	b.t.Helper()
	b.run(chromedp.Navigate(b.base+path), chromedp.WaitVisible(chromedp.CSS(`html.dossier-editing`)))
}

// waitReload waits until the page was loaded anew, after a save.
func (b tab) waitReload() {
	b.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		fresh, _ := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`!window.__old && document.documentElement.classList.contains("dossier-editing")`))
		if fresh {
			return
		}
		if time.Now().After(deadline) {
			b.t.Fatal("the page did not reload after the save")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// mark marks the page, so that waitReload tells it from the next.
func (b tab) mark() { b.do(`window.__old = true`) }

func (b tab) clickButton(text string) {
	b.t.Helper()
	b.run(chromedp.Click(chromedp.Search(fmt.Sprintf(`//button[normalize-space(.)=%q]`, text))))
}

func (b tab) text(sel string) string {
	b.t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		b.t.Fatalf("text of %s: %v", sel, err)
	}
	return s
}

func (b tab) keys(keys ...string) {
	b.t.Helper()
	for _, k := range keys {
		b.run(chromedp.KeyEvent(k))
	}
}

// press sends one key with modifiers.
func (b tab) press(key string, mods chromedp.Modifier) {
	b.t.Helper()
	b.run(chromedp.KeyEvent(key, chromedp.KeyModifiers(mods)))
}

func (b tab) active() string {
	return eval[string](b, `(() => { const a = document.activeElement; return a.tagName.toLowerCase() + (a.name ? "[name=" + a.name + "]" : "") + (a.id ? "#" + a.id : "") + ":" + (a.textContent || "").trim().slice(0, 30); })()`)
}

// waitFile waits until the file at path reads want (or, want "", is gone), and fails the
// test with what it holds after 20 seconds.
func waitFile(t *testing.T, path string, ok func(string, error) bool) string {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		b, err := os.ReadFile(path)
		if ok(string(b), err) {
			return string(b)
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: %q, %v", path, b, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func exists(s string, err error) bool { return err == nil }

func gone(_ string, err error) bool { return errors.Is(err, os.ErrNotExist) }

// TestBrowserAnnotate annotates an article as an editor does with the mouse: selects a
// passage that runs across a note's mark, its number and two links, adds a note, finds it
// beside its passage and on the actor's page, edits it, is told of an edit made on disk
// meanwhile, and deletes the note. The files written are compared with golden files.
func TestBrowserAnnotate(t *testing.T) {
	src := testdossier.Write(t, editDossier)
	base := mustServe(t, Config{Build: build.Config{Src: src}, Edit: true})
	ctx := mustBrowser(t)
	errs := scriptErrors(ctx)
	b := tab{t, ctx, base}
	b.open("/articles/fr.html")

	b.do(`(` + selectJS + `)(11, "Dauerhaftigkeit“: Das zeigt das Gipfeltreffen von Russlands Präsident Wladimir Putin", 1)`)
	b.run(chromedp.WaitVisible(chromedp.CSS(`.dossier-toolbar`)))
	b.clickButton("Notiz hinzufügen")
	b.run(chromedp.WaitVisible(chromedp.CSS(`.dossier-form`)))
	if q := b.text(`.dossier-passage blockquote`); q != "Dauerhaftigkeit“: Das zeigt das Gipfeltreffen von Russlands Präsident Wladimir Putin" {
		t.Errorf("the form shows the passage %q", q)
	}
	b.run(
		chromedp.SetValue(chromedp.CSS(`.dossier-form select[name=kind]`), "factcheck"),
		chromedp.SendKeys(chromedp.CSS(`.dossier-form textarea[name=body]`), "Die Formel stammt aus der Meldung von **KCNA**."),
		chromedp.SendKeys(chromedp.CSS(`.dossier-form input[name=actors]`), "Wladimir Putin"+kb.Enter),
		chromedp.SendKeys(chromedp.CSS(`.dossier-form input[name=topics]`), "diplomatie"+kb.Enter),
	)
	b.mark()
	b.clickButton("Speichern")
	notePath := filepath.Join(src, "content/notes/fr-dauerhaftigkeit-das-zeigt-das-gipfeltreffen.md")
	checkGolden(t, "note-new.md", waitFile(t, notePath, exists))
	b.waitReload()
	card := `#note-fr-dauerhaftigkeit-das-zeigt-das-gipfeltreffen`
	if s := b.text(card + ` .note-body`); !strings.Contains(s, "Die Formel stammt aus der Meldung von KCNA.") {
		t.Errorf("the new note's card reads %q", s)
	}
	// Beside its passage: the card on the passage's line, the passage marked.
	if !eval[bool](b, `!!document.querySelector("#L11 mark#m-fr-dauerhaftigkeit-das-zeigt-das-gipfeltreffen") && !!document.querySelector("#L11 `+card+`")`) {
		t.Error("the new note is not beside its passage on line 11")
	}
	if a := b.active(); !strings.Contains(a, "note-fr-dauerhaftigkeit") {
		t.Errorf("after the save the focus is on %s, want the new note", a)
	}
	if p := get(t, base+"/actors/wladimir-putin.html"); !strings.Contains(p.body, "Die Formel stammt aus der Meldung von <strong>KCNA</strong>.") {
		t.Error("the actor's page does not show the new note")
	}

	// Edit: the form comes prefilled; the change is written as a minimal diff.
	b.run(chromedp.Click(chromedp.CSS(card+` .dossier-note-edit button`)), chromedp.WaitVisible(chromedp.CSS(`.dossier-form`)))
	kind, body := b.value(`.dossier-form select[name=kind]`), b.value(`.dossier-form textarea[name=body]`)
	if kind != "factcheck" || body != "Die Formel stammt aus der Meldung von **KCNA**." {
		t.Errorf("the edit form holds %q, %q", kind, body)
	}
	b.run(
		chromedp.SetValue(chromedp.CSS(`.dossier-form select[name=kind]`), "source"),
		chromedp.SetValue(chromedp.CSS(`.dossier-form textarea[name=body]`), "Die Formel zitiert die Staatsagentur KCNA."),
		chromedp.Click(chromedp.CSS(`.dossier-form .dossier-chips button`)), // removes Wladimir Putin
	)
	b.mark()
	b.clickButton("Speichern")
	checkGolden(t, "note-edited.md", waitFile(t, notePath, func(s string, err error) bool { return strings.Contains(s, "Staatsagentur") }))
	b.waitReload()
	if s := b.text(card + ` .note-body`); !strings.Contains(s, "Die Formel zitiert die Staatsagentur KCNA.") {
		t.Errorf("the edited note's card reads %q", s)
	}

	// A change on disk while the form is open: the save is refused, the form keeps what
	// was typed, the file keeps the change on disk.
	b.run(chromedp.Click(chromedp.CSS(card+` .dossier-note-edit button`)), chromedp.WaitVisible(chromedp.CSS(`.dossier-form`)))
	onDisk := strings.Replace(mustReadFile(t, notePath), "Staatsagentur", "staatliche Nachrichtenagentur", 1)
	if err := os.WriteFile(notePath, []byte(onDisk), 0o644); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond) // the rebuild and its reload event, which the open form holds back
	b.set(`.dossier-form textarea[name=body]`, "Meine Fassung.")
	b.clickButton("Speichern")
	b.run(chromedp.WaitVisible(chromedp.CSS(`.dossier-form .dossier-error`)))
	if s := b.text(`.dossier-form .dossier-status`); !strings.Contains(s, "inzwischen auf der Festplatte geändert") {
		t.Errorf("the conflict reads %q", s)
	}
	body = b.value(`.dossier-form textarea[name=body]`)
	if body != "Meine Fassung." {
		t.Errorf("after the conflict the form holds %q", body)
	}
	if s := mustReadFile(t, notePath); s != onDisk {
		t.Errorf("the refused save wrote:\n%s", s)
	}
	b.mark()
	b.clickButton("Abbrechen") // the reload held back happens now
	b.waitReload()

	// Delete, with a confirmation.
	b.run(chromedp.Click(chromedp.CSS(card + ` .dossier-note-edit button:nth-of-type(2)`)))
	if s := b.text(`.dossier-confirm`); !strings.Contains(s, "wirklich löschen") {
		t.Errorf("the confirmation reads %q", s)
	}
	b.mark()
	b.run(chromedp.Click(chromedp.CSS(`.dossier-danger`)))
	waitFile(t, notePath, gone)
	b.waitReload()
	cards := eval[int](b, `document.querySelectorAll("`+card+`").length`)
	if cards != 0 {
		t.Error("the deleted note is still on the page")
	}
	if e := errs(); len(e) > 0 {
		t.Errorf("script errors: %q", e)
	}
}

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// checkGolden compares a file the preview wrote with testdata/annotate/name; -update
// rewrites that.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "annotate", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update writes it)", err)
	}
	if got != string(want) {
		t.Errorf("the preview wrote\n%s\nwant (%s)\n%s", got, path, want)
	}
}

func mustReadFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestBrowserAnnotateKeyboard adds a note with the keyboard only, on a phone's width in
// dark mode: from the line number, select words, Tab to the buttons, open the form, tab
// through it, close it with Escape (the focus goes back to the passage), open it again
// and save.
func TestBrowserAnnotateKeyboard(t *testing.T) {
	src := testdossier.Write(t, editDossier)
	base := mustServe(t, Config{Build: build.Config{Src: src}, Edit: true})
	ctx := mustBrowser(t)
	errs := scriptErrors(ctx)
	b := tab{t, ctx, base}
	b.run(chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile))
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}}); err != nil {
		t.Fatal(err)
	}
	b.open("/articles/fr.html")
	b.run(chromedp.Focus(chromedp.CSS(`#L9 .ln`)))
	// Alt+→ moves over "Putin und", Shift+→ selects "Kim Jong-un feiern" (Jong, -un).
	for range 2 {
		b.press(kb.ArrowRight, chromedp.ModifierAlt)
	}
	for range 5 {
		b.press(kb.ArrowRight, chromedp.ModifierShift)
	}
	sel := eval[string](b, `getSelection().toString()`)
	if strings.TrimSpace(sel) != "Kim Jong-un feiern" {
		t.Fatalf("the keyboard selected %q", sel)
	}
	b.run(chromedp.WaitVisible(chromedp.CSS(`.dossier-toolbar`)))
	b.keys(kb.Tab)
	if a := b.active(); a != "button:Notiz hinzufügen" {
		t.Fatalf("Tab from the selection leads to %s", a)
	}
	b.keys(kb.Enter)
	b.run(chromedp.WaitVisible(chromedp.CSS(`.dossier-form`)))
	if a := b.active(); !strings.HasPrefix(a, "select[name=kind]") {
		t.Errorf("the form opens with the focus on %s", a)
	}
	fits := eval[bool](b, `document.documentElement.scrollWidth <= 390 && document.querySelector(".dossier-form").getBoundingClientRect().right <= 390`)
	if !fits {
		t.Error("the form is wider than the phone")
	}
	b.keys(kb.Escape)
	if a := b.active(); !strings.HasPrefix(a, "p:") {
		t.Errorf("Escape leaves the focus on %s, want the passage", a)
	}
	sel = eval[string](b, `getSelection().toString()`)
	if strings.TrimSpace(sel) != "Kim Jong-un feiern" {
		t.Errorf("after Escape the selection is %q", sel)
	}
	b.run(chromedp.WaitVisible(chromedp.CSS(`.dossier-toolbar`)))
	b.keys(kb.Tab, kb.Enter)
	b.run(chromedp.WaitVisible(chromedp.CSS(`.dossier-form`)))
	// kind, text, actors, topics: every field labelled, in this order.
	labelled := eval[bool](b, `[...document.querySelectorAll(".dossier-form input:not([type=radio]), .dossier-form select, .dossier-form textarea")].every(e => e.labels.length > 0)`)
	if !labelled {
		t.Error("a field of the form has no label")
	}
	b.keys(kb.ArrowDown) // Kontext → Faktencheck
	b.keys(kb.Tab)
	b.keys("Kim ist hier Kim Jong-un.")
	b.keys(kb.Tab)
	b.keys("kim-jong-un", kb.Enter)
	b.keys(kb.Tab)
	b.keys("Diplomatie", kb.Enter)
	b.keys(kb.Tab) // Speichern
	if a := b.active(); a != "button:Speichern" {
		t.Fatalf("after the fields the focus is on %s", a)
	}
	b.mark()
	b.keys(kb.Enter)
	checkGolden(t, "note-keyboard.md", waitFile(t, filepath.Join(src, "content/notes/fr-kim-jong-un-feiern.md"), exists))
	b.waitReload()
	if e := errs(); len(e) > 0 {
		t.Errorf("script errors: %q", e)
	}
}

// TestBrowserAnnotateErrors checks that a refused save shows its message in the form,
// beside the field, and keeps what was typed; an event with a good date then saves.
func TestBrowserAnnotateErrors(t *testing.T) {
	src := testdossier.Write(t, editDossier)
	base := mustServe(t, Config{Build: build.Config{Src: src}, Edit: true})
	ctx := mustBrowser(t)
	b := tab{t, ctx, base}
	b.open("/articles/fr.html")
	// Outside the article's text, a selection offers nothing.
	b.do(`(() => { const r = document.createRange(); r.selectNodeContents(document.querySelector("h1")); getSelection().removeAllRanges(); getSelection().addRange(r); })()`)
	time.Sleep(300 * time.Millisecond)
	shown := eval[bool](b, `!!document.querySelector(".dossier-toolbar:not([hidden])")`)
	if shown {
		t.Error("a selection of the title offers to annotate it")
	}
	// A selection that runs into the next paragraph ends with its own line.
	b.do(`(() => {
		const start = document.querySelector("#L9 .text").lastChild, end = document.querySelector("#L11 .text").firstChild;
		const r = document.createRange();
		r.setStart(start, start.data.indexOf("Er braucht"));
		r.setEnd(end, 1);
		getSelection().removeAllRanges();
		getSelection().addRange(r);
	})()`)
	b.run(chromedp.WaitVisible(chromedp.CSS(`.dossier-toolbar`)))
	b.clickButton("Notiz hinzufügen")
	b.run(chromedp.WaitVisible(chromedp.CSS(`.dossier-form`)))
	if q := b.text(`.dossier-passage blockquote`); q != "Er braucht dringend Waffen für seinen Krieg in der Ukraine." {
		t.Errorf("a selection across two lines gives the passage %q", q)
	}
	b.clickButton("Abbrechen")
	b.do(`(` + selectJS + `)(15, "Putin und Kim", 1)`)
	b.run(chromedp.WaitVisible(chromedp.CSS(`.dossier-toolbar`)))
	b.clickButton("Ereignis hinzufügen")
	b.run(chromedp.WaitVisible(chromedp.CSS(`.dossier-form`)))
	if title := b.value(`.dossier-form input[name=title]`); title != "Putin und Kim" {
		t.Errorf("the event's title is at first %q, want the passage", title)
	}
	b.set(`.dossier-form input[name=title]`, "Putin und Kim beraten über Waffen")
	b.run(
		chromedp.SendKeys(chromedp.CSS(`.dossier-form input[name=date]`), "2024-13"),
		chromedp.SendKeys(chromedp.CSS(`.dossier-form input[name=actors]`), "Wladimir Putn"))
	b.clickButton("Speichern")
	b.run(chromedp.WaitVisible(chromedp.CSS(`.dossier-form .dossier-error`)))
	if msg := b.text(`.dossier-form .dossier-status`); !strings.Contains(msg, "month 13") {
		t.Errorf("an invalid date reads %q", msg)
	}
	invalid := eval[string](b, `document.querySelector(".dossier-form input[name=date]").getAttribute("aria-invalid") || ""`)
	if invalid != "true" {
		t.Error("the date field is not marked invalid")
	}
	b.set(`.dossier-form input[name=date]`, "2024-06")
	b.clickButton("Speichern")
	b.run(chromedp.WaitVisible(chromedp.CSS(`.dossier-form .dossier-field-error`)))
	if msg := b.text(`.dossier-form .dossier-status`); !strings.Contains(msg, `unknown actor "Wladimir Putn"`) {
		t.Errorf("an unknown actor reads %q", msg)
	}
	title := b.value(`.dossier-form input[name=title]`)
	if title != "Putin und Kim beraten über Waffen" {
		t.Errorf("after the errors the title is %q", title)
	}
	if _, err := os.Stat(filepath.Join(src, "content/events")); !errors.Is(err, os.ErrNotExist) {
		t.Error("a refused event was written")
	}
	b.set(`.dossier-form input[name=actors]`, "")
	b.mark()
	b.clickButton("Speichern")
	checkGolden(t, "event-new.md", waitFile(t, filepath.Join(src, "content/events/putin-und-kim-beraten-ueber-waffen.md"), exists))
	b.waitReload()
}
