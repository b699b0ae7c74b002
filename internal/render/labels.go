package render

import (
	"dossier/internal/content"
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
