package e2e

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"dossier/internal/benchgen"
	"dossier/internal/build"
	"dossier/internal/testdossier"
)

// slack is how far below or above its passage a note card may start on a wide screen.
const slack = 40

// noteBox is where a note card is drawn, beside the passage it belongs to.
type noteBox struct {
	ID                string
	Top, Bottom, Left float64 // of the card
	Right             float64
	Mark              float64 // top of the passage's first line
	TextTop           float64 // of its line's text
	TextBottom        float64
	TextLeft          float64
	TextRight         float64
	SectionBottom     float64 // of the article's text
	InFlow            bool    // moved into the text under its line
	Folded            bool
	Button            bool // a visible "read more" or "show less" button
}

// measureNotes is a function that returns the box of every note card on the page, in
// page coordinates.
const measureNotes = `() => {
	const y = window.scrollY;
	const section = document.querySelector("section.seed");
	return Array.from(document.querySelectorAll(".line .notes .note"), n => {
		const line = n.closest(".line");
		const mark = document.getElementById(n.id.replace(/^note-/, "m-"));
		const t = line.querySelector(".text").getBoundingClientRect();
		const b = n.getBoundingClientRect();
		const more = n.querySelector(".note-more");
		const mb = more && more.getBoundingClientRect();
		return {
			ID: n.id, Top: b.top + y, Bottom: b.bottom + y, Left: b.left, Right: b.right,
			Mark: mark ? mark.getClientRects()[0].top + y : NaN,
			TextTop: t.top + y, TextBottom: t.bottom + y, TextLeft: t.left, TextRight: t.right,
			SectionBottom: section.getBoundingClientRect().bottom + y,
			InFlow: !!n.closest(".inflow"), Folded: n.classList.contains("folded"),
			Button: !!(mb && mb.height > 0 && mb.top >= b.top && mb.bottom <= b.bottom + 1),
		};
	});
}`

// layoutAndUnfold waits for the layout after a change of the viewport, measures the
// cards, unfolds the first folded one, measures them again, folds it again and measures
// them a third time: one call to the browser, which is slow on a busy machine.
const layoutAndUnfold = `(async () => {
	const measure = ` + measureNotes + `;
	await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
	const r = {Before: measure(), Unfolded: -1, After: [], Again: [], Hidden: 0};
	r.Unfolded = r.Before.findIndex(b => b.Folded && !b.InFlow);
	if (r.Unfolded >= 0) {
		const note = document.getElementById(r.Before[r.Unfolded].ID);
		note.querySelector(".note-more").click();
		r.After = measure();
		const c = note.querySelector(".note-content");
		r.Hidden = c.scrollHeight - c.clientHeight;
		note.querySelector(".note-more").click();
		r.Again = measure();
	}
	return r;
})()`

// unfolding is what layoutAndUnfold returns.
type unfolding struct {
	Before, After, Again []noteBox
	Unfolded             int // index of the card unfolded, or -1
	Hidden               float64
}

// noteFigures says how an article's notes are laid out.
type noteFigures struct {
	notes, folded, inFlow int
	maxOffset             float64
}

// checkBeside reports each note card on a wide screen that is not level with its passage
// (within slack), not in the side column, overlapping the card before it, reaching past
// the article's text, or folded without a button to unfold it; and each note moved into
// the text that is not under its line.
func checkBeside(t *testing.T, where string, boxes []noteBox) noteFigures {
	t.Helper()
	var f noteFigures
	var prev *noteBox
	for i := range boxes {
		b := &boxes[i]
		f.notes++
		if math.IsNaN(b.Mark) {
			t.Errorf("%s: %s: no passage marked for the note", where, b.ID)
			continue
		}
		if b.InFlow {
			f.inFlow++
			if b.Top < b.TextBottom-1 || b.Left < b.TextLeft-1 || b.Right > b.TextRight+1 {
				t.Errorf("%s: %s moved into the text is not under its line: card (%.0f, %.0f)–(%.0f) against text (%.0f–%.0f, bottom %.0f)", where, b.ID, b.Left, b.Top, b.Right, b.TextLeft, b.TextRight, b.TextBottom)
			}
			continue
		}
		off := b.Top - b.Mark
		f.maxOffset = max(f.maxOffset, math.Abs(off))
		if math.Abs(off) > slack {
			t.Errorf("%s: %s starts %.0f px from its passage (at most %d)", where, b.ID, off, slack)
		}
		if b.Left < b.TextRight {
			t.Errorf("%s: %s is not beside the text: its left %.0f, the text's right %.0f", where, b.ID, b.Left, b.TextRight)
		}
		if prev != nil && b.Top < prev.Bottom-0.5 {
			t.Errorf("%s: %s (top %.0f) overlaps %s (bottom %.0f)", where, b.ID, b.Top, prev.ID, prev.Bottom)
		}
		if b.Bottom > b.SectionBottom+0.5 {
			t.Errorf("%s: %s reaches %.0f px past the article's text, over what follows", where, b.ID, b.Bottom-b.SectionBottom)
		}
		if b.Folded {
			f.folded++
			if !b.Button {
				t.Errorf("%s: %s is folded without a visible button to unfold it", where, b.ID)
			}
		}
		prev = b
	}
	return f
}

// checkUnder reports each note that is not under its line's text, as on a phone or
// without JavaScript.
func checkUnder(t *testing.T, where string, boxes []noteBox) {
	t.Helper()
	for _, b := range boxes {
		if b.Top < b.TextBottom-1 || b.Left < b.TextLeft-1 {
			t.Errorf("%s: %s at (%.0f, %.0f) is not under its line (text left %.0f, bottom %.0f)", where, b.ID, b.Left, b.Top, b.TextLeft, b.TextBottom)
		}
	}
}

// articlePages returns the paths of the article pages of the site in dir.
func articlePages(tb testing.TB, dir string) []string {
	tb.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "articles", "*.html"))
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, n := range names {
		if filepath.Base(n) != "index.html" {
			out = append(out, "articles/"+filepath.Base(n))
		}
	}
	if len(out) == 0 {
		tb.Fatalf("no article pages in %s", dir)
	}
	return out
}

var widths = []int64{1100, 1280, 1600} // the narrowest with a side column, a laptop, a desktop

// TestNotesBesidePassages opens every article of the shipped dossier, and of a generated
// one with many long notes, at desktop widths, and checks that every note card starts
// level with its passage (within 40 px); that a folded card unfolds in place, pushing
// only the cards below it, and folds again; and that on a phone and without JavaScript
// every note is under its line.
func TestNotesBesidePassages(t *testing.T) {
	ctx := mustBrowser(t)
	errs := consoleErrors(ctx)
	for _, tc := range []struct {
		name string
		dir  string
	}{
		{"shipped", mustSite(t)},
		{"long-notes", mustLongNotesSite(t)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := mustServe(t, tc.dir, "/dossier/")
			pages := articlePages(t, tc.dir)
			totals := make([]noteFigures, len(widths))
			for _, p := range pages {
				if err := chromedp.Do(ctx, chromedp.EmulateViewport(widths[0], 900), chromedp.Navigate(root+p)); err != nil {
					t.Fatalf("%s: %v", p, err)
				}
				// Each width by resizing the window, as a reader does: the layout follows.
				for i, w := range widths {
					where := fmt.Sprintf("%s at %d px", p, w)
					err := chromedp.Do(ctx, chromedp.EmulateViewport(w, 900))
					u, err2 := chromedp.Run(ctx, chromedp.Evaluate[unfolding](layoutAndUnfold, chromedp.EvalAwaitPromise))
					if err = errors.Join(err, err2); err != nil {
						t.Fatalf("%s: %v", where, err)
					}
					f := checkBeside(t, where, u.Before)
					checkUnfold(t, where, u)
					totals[i].notes += f.notes
					totals[i].folded += f.folded
					totals[i].inFlow += f.inFlow
					totals[i].maxOffset = max(totals[i].maxOffset, f.maxOffset)
				}
				// On a phone each note follows its line.
				err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844))
				u, err2 := chromedp.Run(ctx, chromedp.Evaluate[unfolding](layoutAndUnfold, chromedp.EvalAwaitPromise))
				if err = errors.Join(err, err2); err != nil {
					t.Fatalf("%s at 390 px: %v", p, err)
				}
				checkUnder(t, p+" at 390 px", u.Before)
			}
			for i, f := range totals {
				t.Logf("%d px: %d notes on %d pages, %d folded, %d moved into the text, farthest %.0f px from its passage", widths[i], f.notes, len(pages), f.folded, f.inFlow, f.maxOffset)
				if f.notes == 0 {
					t.Errorf("%d px: no notes measured", widths[i])
				}
			}

			// Without JavaScript each note follows its line too, at every width.
			if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
				t.Fatal(err)
			}
			defer chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: false})
			for _, p := range pages {
				err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(root+p))
				// Evaluated by the debugger, which runs while the page's scripts may not.
				boxes, err2 := chromedp.Run(ctx, chromedp.Evaluate[[]noteBox]("("+measureNotes+")()"))
				if err = errors.Join(err, err2); err != nil {
					t.Fatalf("%s without JavaScript: %v", p, err)
				}
				checkUnder(t, p+" without JavaScript at 1280 px", boxes)
			}
		})
	}
	if e := errs(); len(e) > 0 {
		t.Errorf("script errors: %q", e)
	}
}

// checkUnfold checks that the card layoutAndUnfold unfolded grew in place to show all its
// text, that the cards above it stayed, that none overlaps it, and that it folded again.
func checkUnfold(t *testing.T, where string, u unfolding) {
	t.Helper()
	i := u.Unfolded
	if i < 0 {
		return
	}
	before, after, again := u.Before, u.After, u.Again
	if len(after) != len(before) || len(again) != len(before) {
		t.Fatalf("%s: %d cards, %d unfolded, %d folded again", where, len(before), len(after), len(again))
	}
	id, a := before[i].ID, after[i]
	if a.Folded || u.Hidden > 1 || a.Bottom <= before[i].Bottom {
		t.Errorf("%s: %s unfolded: folded %v, %.0f px of its text still hidden, bottom %.0f (was %.0f)", where, id, a.Folded, u.Hidden, a.Bottom, before[i].Bottom)
	}
	if math.Abs(a.Top-before[i].Top) > 0.5 {
		t.Errorf("%s: %s moved from %.0f to %.0f when unfolded", where, id, before[i].Top, a.Top)
	}
	for j := range i {
		if !after[j].InFlow && math.Abs(after[j].Top-before[j].Top) > 0.5 {
			t.Errorf("%s: %s above the unfolded %s moved from %.0f to %.0f", where, after[j].ID, id, before[j].Top, after[j].Top)
		}
	}
	if j := i + 1; j < len(after) && !after[j].InFlow && after[j].Top < a.Bottom-0.5 {
		t.Errorf("%s: %s (top %.0f) overlaps the unfolded %s (bottom %.0f)", where, after[j].ID, after[j].Top, id, a.Bottom)
	}
	if !again[i].Folded || math.Abs(again[i].Bottom-before[i].Bottom) > 0.5 {
		t.Errorf("%s: %s folded again: folded %v, bottom %.0f (was %.0f)", where, id, again[i].Folded, again[i].Bottom, before[i].Bottom)
	}
}

// longNotes is built once per test binary.
var longNotes struct {
	dir string
	err error
}

// mustLongNotesSite builds the shipped dossier with many long notes added: one on every
// paragraph, two or three on some, each of four to ten sentences, so that the notes are
// far longer than the text beside them.
func mustLongNotesSite(tb testing.TB) string {
	tb.Helper()
	if longNotes.dir == "" && longNotes.err == nil {
		longNotes.dir, longNotes.err = writeLongNotes(tb)
	}
	if longNotes.err != nil {
		tb.Fatal(longNotes.err)
	}
	return longNotes.dir
}

var seedField = regexp.MustCompile(`(?m)^seed:\s*"?([^"\s]+)"?`)

func writeLongNotes(tb testing.TB) (string, error) {
	src, err := os.MkdirTemp("", "dossier-e2e-long-")
	if err != nil {
		return "", err
	}
	tb.Cleanup(func() { os.RemoveAll(src) })
	repo := testdossier.Root()
	for _, d := range []string{"seeds", "content"} {
		testdossier.CopyDir(tb, filepath.Join(repo, d), filepath.Join(src, d))
	}

	sentences := testdossier.Sentences(tb)
	rng := rand.New(rand.NewPCG(25, 1))
	articles, err := filepath.Glob(filepath.Join(src, "content", "articles", "*.md"))
	if err != nil {
		return "", err
	}
	notes := 0
	for _, a := range articles {
		meta, err := os.ReadFile(a)
		if err != nil {
			return "", err
		}
		m := seedField.FindSubmatch(meta)
		if m == nil {
			return "", fmt.Errorf("%s: no seed", a)
		}
		text, err := os.ReadFile(filepath.Join(src, "seeds", string(m[1])))
		if err != nil {
			return "", err
		}
		id := strings.TrimSuffix(filepath.Base(a), ".md")
		para := 0
		for _, line := range strings.Split(string(text), "\n") {
			quotes := benchgen.Sentences(line)
			if len(quotes) == 0 {
				continue
			}
			para++
			want := 1 // notes on this paragraph: two on every third, three on every seventh
			if para%3 == 0 {
				want = 2
			}
			if para%7 == 0 {
				want = 3
			}
			k := 0
			for _, q := range quotes {
				if k == want || strings.Count(string(text), q) != 1 {
					continue
				}
				var body []string
				for range 4 + rng.IntN(7) {
					body = append(body, sentences[rng.IntN(len(sentences))])
				}
				notes++
				k++
				testdossier.WriteFile(tb, filepath.Join(src, "content", "notes", fmt.Sprintf("long-%s-%d.md", id, notes)),
					fmt.Sprintf("---\narticle: %q\nquote: %q\nkind: \"context\"\n---\n%s\n", id, q, strings.Join(body, " ")))
			}
		}
	}
	if notes < 50 {
		return "", fmt.Errorf("only %d long notes written", notes)
	}
	out := filepath.Join(src, "public")
	_, err = build.Run(context.Background(), build.Config{Src: src, Out: out, Minify: true})
	return out, err
}
