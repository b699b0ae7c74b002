package search

import (
	"strings"

	snowball "github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/german"
)

// stem returns the Snowball German stem of a folded word: "munitionsvorrate" →
// "munitionsvorrat", "waffen" → "waff". Snowball German only removes endings, and fold
// has already done its umlaut and ß steps, so the stem of a folded word is always a prefix
// of it; search.js relies on that to highlight words.
//
// static/search.js carries a port of the same algorithm, for query words the corpus does
// not have; the Node test compares the two on every word of the seeds.
func stem(folded string) string {
	env := snowball.NewEnv(folded)
	german.Stem(env)
	return env.Current()
}

// stopWords are the words that are not indexed, folded: Snowball's German stop list,
// articles, pronouns, auxiliaries, conjunctions, prepositions. A query drops them too, so
// "der Krieg" searches for "Krieg". The list ships in the index for search.js.
var stopWords = func() map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(stopList) {
		m[w] = true
	}
	return m
}()

const stopList = `
aber alle allem allen aller alles als also am an ander andere anderem anderen anderer
anderes anderm andern anderr anders auch auf aus bei bin bis bist da damit dann das dass
dasselbe dazu dein deine deinem deinen deiner deines dem demselben den denn denselben der
derer derselbe derselben des desselben dessen dich die dies diese dieselbe dieselben diesem
diesen dieser dieses dir doch dort du durch ein eine einem einen einer eines einig einige
einigem einigen einiger einiges einmal er es etwas euch euer eure eurem euren eurer eures
fur gegen gewesen hab habe haben hat hatte hatten hier hin hinter ich ihm ihn ihnen ihr
ihre ihrem ihren ihrer ihres im in indem ins ist jede jedem jeden jeder jedes jene jenem
jenen jener jenes jetzt kann kein keine keinem keinen keiner keines konnen konnte machen
man manche manchem manchen mancher manches mein meine meinem meinen meiner meines mich mir
mit muss musste nach nicht nichts noch nun nur ob oder ohne sehr sein seine seinem seinen
seiner seines selbst sich sie sind so solche solchem solchen solcher solches soll sollte
sondern sonst uber um und uns unser unsere unserem unseren unseres unter viel vom von vor
wahrend war waren warst was weg weil weiter welche welchem welchen welcher welches wenn
werde werden wie wieder will wir wird wirst wo wollen wollte wurde wurden zu zum zur zwar
zwischen
`
