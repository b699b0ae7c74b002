package serve

import (
	"strings"
	"testing"
	"time"

	"dossier/internal/content"
	"dossier/internal/diag"
	idossier "dossier/internal/dossier"
	"dossier/internal/locale"
)

// TestErrorPageLanguage: the preview's error page is in the dossier's language, with its
// plurals and lang attribute, and no word of the other language.
func TestErrorPageLanguage(t *testing.T) {
	errAt := func(line int) diag.Problem {
		return diag.Problem{Pos: diag.Pos{File: "content/notes/x.md", Line: line, Col: 1}, Severity: diag.Error, Msg: "note quote not found"}
	}
	warn := diag.Problem{Pos: diag.Pos{File: "content/notes/y.md", Line: 2, Col: 1}, Severity: diag.Warning, Msg: "fuzzy"}
	at := time.Date(2026, 12, 7, 21, 5, 9, 0, time.UTC)
	one := diag.List{errAt(3), warn}
	two := diag.List{errAt(3), errAt(5), warn, warn}
	site := func(l *locale.Locale) *idossier.Dossier {
		return &idossier.Dossier{Site: &content.Site{Language: l.Code, Locale: l}}
	}
	for _, tt := range []struct {
		name     string
		problems diag.List
		d        *idossier.Dossier
		want     []string
		not      []string
	}{
		{"German, one", one, site(locale.German),
			[]string{`<html lang="de">`, "<title>Fehler im Dossier</title>", "Das Dossier enthält 1 Fehler.", "1 Hinweis (eine Warnung", "Fehlgeschlagener Bau: 21:05:09."},
			[]string{"error", "Hinweise"}},
		{"German, two", two, site(locale.German),
			[]string{"Das Dossier enthält 2 Fehler.", "2 Hinweise (Warnungen"},
			[]string{"1 Fehler"}},
		{"English, one", one, site(locale.English),
			[]string{`<html lang="en">`, "<title>Errors in the dossier</title>", "The dossier has 1 error.", "1 notice (a warning", "Failed build: 21:05:09."},
			[]string{"Fehler", "1 errors", "Hinweis", "lang=\"de\""}},
		{"English, two", two, site(locale.English),
			[]string{"The dossier has 2 errors.", "2 notices (warnings"},
			[]string{"Fehler", "2 error."}},
		{"no dossier read", one, nil,
			[]string{`<html lang="de">`, "Das Dossier enthält 1 Fehler."}, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := failureOf(tt.problems, tt.d, diag.List{}, at)
			page := string(renderError(parseErrorPage(), f, true, localeOf(f.Dossier)))
			for _, w := range tt.want {
				if !strings.Contains(page, w) {
					t.Errorf("the page lacks %q:\n%s", w, page)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(page, w) {
					t.Errorf("the page has %q:\n%s", w, page)
				}
			}
		})
	}
}

// TestErrorPageLastGoodLanguage: a failed build that read no site (content/dossier.md
// itself broken) speaks the language of the last good one.
func TestErrorPageLastGoodLanguage(t *testing.T) {
	last := &idossier.Dossier{Site: &content.Site{Language: "en", Locale: locale.English}}
	if got := localeOf(nil, last); got != locale.English {
		t.Errorf("localeOf(nil, English dossier) = %s, want en", got.Code)
	}
	if got := localeOf(&idossier.Dossier{Site: &content.Site{Locale: locale.German}}, last); got != locale.German {
		t.Errorf("localeOf(German dossier, English dossier) = %s, want de", got.Code)
	}
}
