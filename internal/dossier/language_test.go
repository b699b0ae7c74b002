package dossier

import (
	"strings"
	"testing"
	"testing/fstest"

	"dossier/internal/content"
)

// linked resolves a dossier of one article over text in lang with the actors (file name
// to front matter body) and returns its mentions as "[text]actor" in the line, and the
// problems.
func linked(t *testing.T, lang, text string, actors map[string]string) (string, []string) {
	t.Helper()
	fsys := fstest.MapFS{
		"seeds/s.txt":           {Data: []byte(text)},
		"content/dossier.md":    {Data: []byte("---\ntitle: T\n---\n")},
		"content/articles/a.md": {Data: []byte("---\nseed: s.txt\ntitle: A\nlanguage: " + lang + "\n---\n")},
	}
	for id, fm := range actors {
		fsys["content/actors/"+id+".md"] = &fstest.MapFile{Data: []byte("---\n" + fm + "\n---\n")}
	}
	c, errs := content.Load(fsys, content.Config{})
	d, more := Resolve(c, fsys, Config{NoNameWarnings: true})
	errs.Append(more)
	var problems []string
	for _, p := range errs.Sort() {
		if !strings.Contains(p.Msg, "is not mentioned in any article") {
			problems = append(problems, p.String())
		}
	}
	var b strings.Builder
	for _, l := range d.Article("a").Lines {
		last := 0
		for _, m := range l.Mentions() {
			b.WriteString(l.Text[last:m.Start] + "[" + l.Text[m.Start:m.End] + "]" + m.Actor.ID)
			last = m.End
		}
		b.WriteString(l.Text[last:] + "\n")
	}
	return strings.TrimSuffix(b.String(), "\n"), problems
}

var worldActors = map[string]string{
	"putin":    `name: "Wladimir Putin"` + "\nkind: person\naliases: [Putin]",
	"peskow":   `name: "Dmitri Peskow"` + "\nkind: person",
	"schoigu":  `name: "Sergei Schoigu"` + "\nkind: person",
	"kju":      `name: "Kim Jong-un"` + "\nkind: person",
	"china":    `name: China` + "\nkind: state",
	"ukraine":  `name: Ukraine` + "\nkind: state",
	"sk":       `name: Südkorea` + "\nkind: state",
	"vn":       `name: "Vereinte Nationen"` + "\nkind: organisation",
	"nsc":      `name: "Nationaler Sicherheitsrat der USA"` + "\nkind: organisation",
	"usa":      `name: USA` + "\nkind: state\naliases: [\"Vereinigte Staaten\"]",
	"georgien": `name: Georgia` + "\nkind: state\nnot: [\"Georgia Meloni\"]",
}

// TestLanguageRules: each article is matched by its language's rules; names in other
// languages' spellings link; adjectives never link as the country.
func TestLanguageRules(t *testing.T) {
	for _, tc := range []struct{ lang, text, want string }{
		{"de", "Der Sprecher des Nationalen Sicherheitsrats der USA und den Vereinten Nationen.",
			"Der Sprecher des [Nationalen Sicherheitsrats der USA]nsc und den [Vereinten Nationen]vn."},
		{"de", "Putins Sprecher Peskow; ukrainische und chinesische Stellen.",
			"[Putins]putin Sprecher Peskow; ukrainische und chinesische Stellen."},
		{"en", "Putin's aide, Chinese and Ukrainian officials, China's and Ukraine's.",
			"[Putin's]putin aide, Chinese and Ukrainian officials, [China's]china and [Ukraine's]ukraine."},
		{"en", "Vladimir Putin and Sergei Shoigu met South Korea's envoy at the United Nations.",
			"[Vladimir Putin]putin and [Sergei Shoigu]schoigu met [South Korea's]sk envoy at the [United Nations]vn."},
		{"en", "The United States and the U.S. are not us.", "The [United States]usa and the U.S. are not us."},
		{"en", "Georgia Meloni is not Georgia.", "Georgia Meloni is not [Georgia]georgien."},
	} {
		got, problems := linked(t, tc.lang, tc.text, worldActors)
		if got != tc.want {
			t.Errorf("%s: %q\n got %s\nwant %s", tc.lang, tc.text, got, tc.want)
		}
		if len(problems) > 0 {
			t.Errorf("%s: problems %v", tc.lang, problems)
		}
	}
}

// TestOneSensePerArticle: a bare surname links to the person the article named in full
// before, only if exactly one fits and nothing suggests another.
func TestOneSensePerArticle(t *testing.T) {
	actors := map[string]string{
		"peskow": `name: "Dmitri Peskow"` + "\nkind: person",
		"kju":    `name: "Kim Jong-un"` + "\nkind: person",
		"kis":    `name: "Kim Il-sung"` + "\nkind: person",
		"choe":   `name: "Choe Son-hui"` + "\nkind: person",
	}
	for _, tc := range []struct{ text, want string }{
		{"Peskow sagte es.\nDmitri Peskow sagte es. Peskow und Peskows Amt.",
			"Peskow sagte es.\n[Dmitri Peskow]peskow sagte es. [Peskow]peskow und [Peskows]peskow Amt."},
		{"Kim Jong-un kam. Kim sprach, Choe Son-hui und Choe auch.",
			"[Kim Jong-un]kju kam. [Kim]kju sprach, [Choe Son-hui]choe und [Choe]choe auch."},
		{"Kim Jong-un und Kim Il-sung. Kim sprach.", "[Kim Jong-un]kju und [Kim Il-sung]kis. Kim sprach."},
		{"Kim Jong-un und Kim Jong-il. Kim sprach.", "[Kim Jong-un]kju und Kim Jong-il. Kim sprach."},
		{"Kim Jong-un und das Kim-Regime, die Hero Kim Kun Ok.", "[Kim Jong-un]kju und das Kim-Regime, die Hero Kim Kun Ok."},
	} {
		got, _ := linked(t, "de", tc.text, actors)
		if got != tc.want {
			t.Errorf("%q\n got %s\nwant %s", tc.text, got, tc.want)
		}
	}
}

// TestNotForms: a `not:` form never links, and one that is a name is a positioned error.
func TestNotForms(t *testing.T) {
	actors := map[string]string{
		"kju":  `name: "Kim Jong-un"` + "\nkind: person\nnot: [\"Kim-Regime\"]",
		"kis":  `name: "Kim Il-sung"` + "\nkind: person\nnot: [\"Kim Jong-un\", \"\"]",
		"usa":  `name: USA` + "\nkind: state",
		"dup":  `name: "Vereinigte Staaten"` + "\nkind: state\naliases: [USA]",
		"rule": `name: Regime` + "\nkind: organisation",
	}
	got, problems := linked(t, "de", "Kim Jong-un und das Kim-Regime.", actors)
	if want := "[Kim Jong-un]kju und das Kim-Regime."; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	want := []string{
		`content/actors/kis.md:4:7: "Kim Jong-un" in ` + "`not:`" + ` is a name of actor "kju"`,
		`content/actors/kis.md:4:22: empty form in ` + "`not:`",
		`content/actors/usa.md:2:7: name "USA" is also claimed by actor "dup"`,
	}
	if len(problems) != len(want) {
		t.Fatalf("problems:\n%s\nwant %d", strings.Join(problems, "\n"), len(want))
	}
	for i, w := range want {
		if !strings.HasPrefix(problems[i], w) {
			t.Errorf("problem %d = %s\nwant %s…", i, problems[i], w)
		}
	}
}
