package mention

import (
	"strings"
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// rule is a transliteration rule: from is written to where the other language's
// spelling has it; all of a name's occurrences change at once.
type rule struct{ from, to string }

// The spellings of Russian (and Ukrainian, Belarusian) names differ between German and
// English by these rules: Wladimir/Vladimir, Schoigu/Shoigu, Juri/Yuri, Lawrow/Lavrov,
// Michail/Mikhail, Pjöngjang/Pyongyang. Only rules that hold both ways without exception
// are here; Sacharowa/Zakharova (s or z for the same German s) is not, and is left to the
// editor, whom check points to the actor (Skeleton).
var (
	germanToEnglish = []rule{
		{"tsch", "ch"}, {"sch", "sh"}, {"ch", "kh"}, {"w", "v"}, {"j", "y"}, {"ö", "o"},
	}
	englishToGerman = []rule{
		{"sh", "sch"}, {"kh", "ch"}, {"v", "w"}, {"y", "j"},
	}
)

// Variants returns the spellings of name in the other languages: if transliterated (a
// person's name), transliterations by the table of each pair of languages; and the names of a country or organisation in
// the languages (from the Unicode CLDR: Südkorea/South Korea, Vereinte Nationen/United
// Nations). name itself is not among them.
func Variants(name string, transliterated bool, langs []string) []string {
	var out []string
	add := func(v string) {
		if v != name && v != "" {
			for _, o := range out {
				if o == v {
					return
				}
			}
			out = append(out, v)
		}
	}
	if transliterated {
		add(transliterate(name, englishToGerman))
		v := transliterate(name, germanToEnglish)
		add(v)
		for _, w := range strings.Fields(v) {
			if strings.HasSuffix(w, "ei") { // Sergei is Sergey as well
				add(strings.Replace(v, w, strings.TrimSuffix(w, "ei")+"ey", 1))
			}
		}
	}
	for _, n := range regionNames(name, langs) {
		add(n)
	}
	return out
}

// transliterate applies the table to name, each rule to the name as the rules before
// left it, so that "sch" is "sh" and not "skh".
func transliterate(name string, table []rule) string {
	words := strings.Fields(name)
	for i, w := range words {
		lower := strings.ToLower(w)
		if len(lower) != len(w) {
			continue // a rare letter whose lower case is longer: left as it is
		}
		var b strings.Builder
		for j := 0; j < len(lower); {
			matched := false
			for _, r := range table {
				if strings.HasPrefix(lower[j:], r.from) {
					to := r.to
					if j == 0 && w[:1] != lower[:1] { // keep the capital
						to = strings.ToUpper(to[:1]) + to[1:]
					}
					b.WriteString(to)
					j += len(r.from)
					matched = true
					break
				}
			}
			if !matched {
				b.WriteByte(w[j])
				j++
			}
		}
		words[i] = b.String()
	}
	return strings.Join(words, " ")
}

var regions struct {
	once   sync.Once
	byName map[string]language.Region // by folded name, in German or English
	forms  map[string]bool            // the names' inflected forms, folded, words joined by spaces
}

// regionNamesCLDRLacks are short names of countries in everyday use that the CLDR has
// only as variants, which golang.org/x/text does not expose.
var regionNamesCLDRLacks = map[string][]string{
	"GB": {"Großbritannien", "Britain", "Great Britain"},
	"US": {"Amerika", "America"},
	"NL": {"Holland"},
}

func loadRegions() {
	regions.once.Do(func() {
		regions.byName, regions.forms = map[string]language.Region{}, map[string]bool{}
		for _, lang := range []language.Tag{language.German, language.English} {
			namer := display.Regions(lang)
			rules := LanguageOf(lang.String())
			for a := 'A'; a <= 'Z'; a++ {
				for b := 'A'; b <= 'Z'; b++ {
					r, err := language.ParseRegion(string([]rune{a, b}))
					if err != nil {
						continue
					}
					n := namer.Name(r)
					if n == "" || strings.HasPrefix(n, "Unknown") || strings.HasPrefix(n, "Unbekannt") {
						continue
					}
					for _, n := range append([]string{n}, regionNamesCLDRLacks[r.String()]...) {
						regions.byName[Fold(n)] = r
						for _, f := range rules.Forms(n, 64) {
							regions.forms[strings.Join(f, " ")] = true
						}
					}
				}
			}
		}
	})
}

// regionNames returns the names in langs of the country or organisation named name in
// German or English, if the CLDR knows one by that name.
func regionNames(name string, langs []string) []string {
	loadRegions()
	r, ok := regions.byName[Fold(name)]
	if !ok {
		return nil
	}
	var out []string
	for _, l := range langs {
		tag, err := language.Parse(l)
		if err != nil {
			continue
		}
		if n := display.Regions(tag).Name(r); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// RegionCode returns the ISO 3166 code, in lower case, of the country named name in
// German or English, if the CLDR knows one by that name.
func RegionCode(name string) (string, bool) {
	loadRegions()
	r, ok := regions.byName[Fold(name)]
	if !ok || !r.IsCountry() {
		return "", false
	}
	return strings.ToLower(r.String()), true
}

// RegionName reports whether name, in any form the German or English rules give it, is
// the name of a country or organisation in the CLDR (in German or English): a name that may deserve
// an actor ("der Europäischen Union", "Vietnam").
func RegionName(name string) bool {
	loadRegions()
	var words []string
	for _, w := range Words(name) {
		words = append(words, w.Text)
	}
	return len(words) > 0 && regions.forms[strings.Join(words, " ")]
}

// Skeleton reduces a name to the letters all its spellings share, so that names that
// differ only in transliteration compare equal: "Zakharova" and "Sacharowa" are both
// "sacarova", "Peskov" and "Peskow" "pescov".
func Skeleton(name string) string {
	s := strings.ToLower(name)
	for _, r := range [...]struct{ from, to string }{
		{"tsch", "c"}, {"sch", "s"}, {"sh", "s"}, {"kh", "c"}, {"ch", "c"}, {"ck", "c"},
		{"ß", "s"}, {"ss", "s"}, {"z", "s"}, {"k", "c"}, {"w", "v"}, {"y", "j"}, {"ö", "o"},
		{"ü", "u"}, {"ä", "a"}, {"é", "e"}, {"-", " "}, {"‘", ""}, {"’", ""}, {"'", ""}, {".", ""},
		{"ij", "i"}, {"ej", "ei"}, {"yj", "i"},
	} {
		s = strings.ReplaceAll(s, r.from, r.to)
	}
	return strings.Join(strings.Fields(s), " ")
}
