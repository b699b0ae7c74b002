package render

import (
	"dossier/internal/content"
	"dossier/internal/dossier"
	"dossier/internal/locale"
)

// Labels are the words of the interface, in the site's language: its locale's.
type Labels = locale.Labels

// siteLocale returns the locale of the dossier's language.
func siteLocale(s *content.Site) *locale.Locale {
	if s != nil && s.Locale != nil {
		return s.Locale
	}
	if s != nil {
		if l, ok := locale.Lookup(s.Language); ok {
			return l
		}
	}
	return locale.German
}

// articleLocale returns the locale of the language a's text is in.
func articleLocale(a *dossier.Article) *locale.Locale {
	if a.Article != nil && a.Article.Locale != nil {
		return a.Article.Locale
	}
	if a.Article != nil {
		if l, ok := locale.Lookup(a.Article.Language); ok {
			return l
		}
	}
	return locale.German
}

// langOf returns the code of the language of a's text for a lang attribute: "" when it is
// the site's, which <html lang> says.
func (r *Renderer) langOf(a *dossier.Article) string {
	if l := articleLocale(a); l != r.loc {
		return l.Code
	}
	return ""
}
