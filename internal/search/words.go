package search

import (
	"encoding/json"

	"dossier/internal/locale"
)

// Words returns the script that hands static/search.js the words of the locale l, which
// the script has none of its own of, so that a new language is a new locale only:
//
//	window.DOSSIER_WORDS={"lang":"de","kinds":{…},"suggestions":"…",…};
//
// with the fields of locale.Script. The build writes it to static/search-words.js, which
// search.js loads before it starts (from disk too: it is a script, not JSON to fetch).
func Words(l *locale.Locale) ([]byte, error) {
	data, err := json.Marshal(struct {
		Lang string `json:"lang"`
		*locale.Script
	}{l.Code, &l.Script})
	if err != nil {
		return nil, err
	}
	return append(append([]byte("window.DOSSIER_WORDS="), data...), ";\n"...), nil
}
