package content

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

var translit = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss", "Ä", "ae", "Ö", "oe", "Ü", "ue")

// Slugify turns a name into an id: "Sergei Schoigu" -> "sergei-schoigu", "Südkorea" ->
// "suedkorea". German umlauts and ß are transliterated, other accents dropped.
func Slugify(s string) string {
	s = translit.Replace(norm.NFC.String(s))
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(unicode.ToLower(r))
			dash = false
		default:
			dash = true
		}
	}
	return b.String()
}
