package content

import (
	"testing"
	"testing/fstest"
	"time"

	"dossier/internal/locale"
)

// TestLanguage reads `language:` of the dossier and of articles: an article without one is
// in the dossier's language, and an unknown code is an error at its value that names the
// codes there are.
func TestLanguage(t *testing.T) {
	article := func(lang string) *fstest.MapFile {
		s := "---\nseed: s.txt\ntitle: T\n"
		if lang != "" {
			s += "language: " + lang + "\n"
		}
		return &fstest.MapFile{Data: []byte(s + "---\n")}
	}
	tests := []struct {
		name             string
		site, a, b       string // the dossier's and two articles' `language:`, "" for none
		wantSite         string
		wantA, wantB     string
		wantErr, wantPos string
	}{
		{name: "defaults", wantSite: "de", wantA: "de", wantB: "de"},
		{name: "english site", site: "en", wantSite: "en", wantA: "en", wantB: "en"},
		{name: "one english article", b: "en", wantSite: "de", wantA: "de", wantB: "en"},
		{name: "one german article", site: "en", a: "de", wantSite: "en", wantA: "de", wantB: "en"},
		{name: "bad article", b: "fr", wantSite: "de", wantA: "de", wantB: "de",
			wantPos: "content/articles/b.md:4:11", wantErr: `language "fr" is not supported; use one of: de, en`},
		{name: "bad site", site: "EN", wantSite: "de", wantA: "de", wantB: "de",
			wantPos: "content/dossier.md:3:11", wantErr: `language "EN" is not supported; use one of: de, en`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := "---\ntitle: T\n"
			if tt.site != "" {
				site += "language: " + tt.site + "\n"
			}
			fsys := fstest.MapFS{
				"content/dossier.md":    {Data: []byte(site + "---\n")},
				"content/articles/a.md": article(tt.a),
				"content/articles/b.md": article(tt.b),
			}
			c, errs := Load(fsys, Config{})
			if c.Site.Language != tt.wantSite || c.Articles[0].Language != tt.wantA || c.Articles[1].Language != tt.wantB {
				t.Errorf("languages: site %q, a %q, b %q; want %q, %q, %q", c.Site.Language, c.Articles[0].Language, c.Articles[1].Language, tt.wantSite, tt.wantA, tt.wantB)
			}
			want := ""
			if tt.wantErr != "" {
				want = tt.wantPos + ": " + tt.wantErr
			}
			if got := errs.Error(); got != want {
				t.Errorf("problems:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

// TestLanguageLocales: the codes `language:` accepts are those of the build's locales.
func TestLanguageLocales(t *testing.T) {
	fr := &locale.Locale{Code: "fr", Name: "Français"}
	fsys := fstest.MapFS{
		"content/dossier.md":    {Data: []byte("---\ntitle: T\nlanguage: fr\n---\n")},
		"content/articles/a.md": {Data: []byte("---\nseed: s.txt\ntitle: T\nlanguage: de\n---\n")},
	}
	c, errs := Load(fsys, Config{Locales: locale.Set{locale.German, fr}})
	if len(errs) != 0 || c.Site.Language != "fr" || c.Articles[0].Language != "de" {
		t.Errorf("site %q, article %q, problems %v", c.Site.Language, c.Articles[0].Language, errs)
	}
	_, errs = Load(fsys, Config{Locales: locale.Set{locale.English}})
	if want := `content/dossier.md:3:11: language "fr" is not supported; use one of: en
content/articles/a.md:4:11: language "de" is not supported; use one of: en`; errs.Error() != want {
		t.Errorf("problems:\n%s\nwant:\n%s", errs, want)
	}
}

// TestLanguageCache: an article without `language:` is read again when the dossier's
// language changes, since its language is the dossier's.
func TestLanguageCache(t *testing.T) {
	old := time.Now().Add(-time.Hour)
	fsys := fstest.MapFS{
		"content/dossier.md":    {Data: []byte("---\ntitle: T\n---\n"), ModTime: old},
		"content/articles/a.md": {Data: []byte("---\nseed: s.txt\ntitle: T\n---\n"), ModTime: old},
		"content/actors/c.md":   {Data: []byte("---\nname: C\nkind: person\n---\n"), ModTime: old},
	}
	cache := NewCache()
	first, _ := Load(fsys, Config{Cache: cache})
	fsys["content/dossier.md"] = &fstest.MapFile{Data: []byte("---\ntitle: T\nlanguage: en\n---\n"), ModTime: old.Add(time.Second)}
	second, _ := Load(fsys, Config{Cache: cache})
	if first.Articles[0].Language != "de" || second.Articles[0].Language != "en" {
		t.Errorf("article's language %q, then %q after the dossier's became en; want de, en", first.Articles[0].Language, second.Articles[0].Language)
	}
	if second.Actors[0] != first.Actors[0] {
		t.Errorf("an actor was read again, though only articles depend on the dossier's language")
	}
}
