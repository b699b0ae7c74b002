package build

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"dossier/internal/diag"
	"dossier/internal/testdossier"
)

// The files of the fuzzed dossier, beside a fixed content/dossier.md and topic.
const (
	fuzzSeed    = "seeds/s.txt"
	fuzzArticle = "content/articles/frankfurter-rundschau-2024-06-19.md"
	fuzzActor   = "content/actors/wladimir-putin.md"
	fuzzNote    = "content/notes/n.md"
	fuzzEvent   = "content/events/e.md"
)

// FuzzBuild runs the whole build but the write (load, resolve, render) on a small dossier
// whose seed, article, actor, note and event are fuzzed, starting from small valid ones,
// broken ones and hostile ones. Invariants: no panic; every problem names a file and a line;
// a build without errors renders, and no page runs any of its content.
func FuzzBuild(f *testing.F) {
	// Small files: the fuzzer minimizes each input that reaches new code, which takes long
	// on large ones. Lines 9 and 11 are those of the repository's first seed.
	seed := "„Um Ukraine-Invasion fortzusetzen“\n\nPutin schließt Partnerschaft mit Nordkorea\n\n" +
		"  • Christiane Kühl\n\n© Foto: dpa\n\nPutin und Kim Jong-un feiern mit Pomp ihren Gipfel. Er braucht Waffen für seinen Krieg in der Ukraine.\n\n" +
		"„Unbesiegbarkeit und Dauerhaftigkeit“: Das zeigt das Treffen von Putin und Kim.\n"
	article := "---\nseed: s.txt\ntitle: \"Partnerschaft\"\npublished: 2024-06-19\nurl: https://example.org/fr\nlines:\n  \"1\": kicker\nmentions:\n  \"9\": { \"Kim\": wladimir-putin }\n---\n[Putin](actor:wladimir-putin).\n"
	actor := "---\nname: Wladimir Putin\nkind: person\naliases: [Putin]\nrole: Präsident\n---\n[Z. 9](article:frankfurter-rundschau-2024-06-19#L9).\n"
	f.Add(seed, article, actor,
		"---\narticle: frankfurter-rundschau-2024-06-19\nquote: \"Unbesiegbarkeit und Dauerhaftigkeit\"\nactors: [wladimir-putin]\ntopics: [t]\n---\n[Text](event:e).\n",
		"---\ndate: 2024-06\ntitle: \"Gipfel\"\nactors: [wladimir-putin]\nsources:\n  - article: frankfurter-rundschau-2024-06-19\n    quote: \"feiern mit Pomp\"\n---\n[N](note:n)\n")
	f.Add(seed, article, actor,
		"---\narticle: frankfurter-rundschau-2024-06-19\nquote: \"in der Ukraine. „Unbesiegbarkeit\"\n---\n",
		"---\ndate: 2024-13-45/2023\ntitle: [a]\n---\n")
	f.Add("\uFEFFTitel\r\n\r\nPutin trifft Kim.\r\n", "\uFEFF---\r\nseed: s.txt\r\ntitle: T\r\n---\r\n", "---\nname: Wladimir Putin\nkind: person\naliases: [Putin, \"\"]\n---\n",
		"---\narticle: frankfurter-rundschau-2024-06-19\nquote: Putin\n---\n", "---\ndate: ~2024\ntitle: E\n---\n")
	// The hostile dossier's payloads, in small (testdata/hostile/site.txtar has them all).
	f.Add("\"><script>window.__pwned=1</script> Titel\n\nPutin <img src=x onerror=alert(1)> trifft Kim.\n",
		"---\nseed: s.txt\ntitle: '\"><script>alert(1)</script>'\nauthor: '<img src=x onerror=alert(1)>'\n---\n<script>alert(1)</script> [a](https://e.org \"\\\"><b>\")\n",
		"---\nname: Wladimir Putin\nkind: person\naliases: [Putin, '<svg onload=alert(1)>']\nrole: '\"><script>alert(1)</script>'\n---\n",
		"---\narticle: frankfurter-rundschau-2024-06-19\nquote: '<img src=x onerror=alert(1)>'\n---\n<img src=x onerror=alert(1)>\n",
		"---\ndate: 2024\ntitle: '</script><script>alert(1)</script>'\nactors: [wladimir-putin]\nsources:\n  - article: frankfurter-rundschau-2024-06-19\n    quote: Putin\n---\n")

	// One folder for all inputs, its files overwritten each time: a new one each time
	// costs more than many a build.
	src := f.TempDir()
	f.Fuzz(func(t *testing.T, seed, article, actor, note, event string) {
		if len(seed)+len(article)+len(actor)+len(note)+len(event) > 4<<10 {
			return // larger inputs find nothing new, and take long to minimize
		}
		for name, data := range map[string]string{
			"content/dossier.md":  "---\ntitle: T\n---\nIntro.\n",
			"content/topics/t.md": "---\ntitle: Thema\nkeywords: [Waffe, Putin]\n---\n",
			fuzzSeed:              seed,
			fuzzArticle:           article,
			fuzzActor:             actor,
			fuzzNote:              note,
			fuzzEvent:             event,
		} {
			testdossier.WriteFile(t, filepath.Join(src, name), data)
		}
		res, err := Run(context.Background(), Config{Src: src})
		for _, p := range res.Problems {
			if p.Pos.File == "" || p.Pos.Line < 1 {
				t.Errorf("problem without a file and line: %v", p)
			}
		}
		var list diag.List
		switch {
		case errors.As(err, &list):
			if len(list) == 0 {
				t.Errorf("build failed without an error in its list")
			}
			return
		case err != nil:
			t.Fatalf("build failed outside the content: %v", err)
		}
		for _, file := range res.Files {
			for _, bad := range injections(t, file.Path, file.Data, false) {
				t.Errorf("%s: %s", file.Path, bad)
			}
		}
	})
}
