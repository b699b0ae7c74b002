// Package benchgen writes synthetic dossiers of any size for benchmarks: the sentences of
// real seeds shuffled into articles, with actors named in them, notes and events quoting
// them, and topics, so that a build does the work of a real dossier of that size.
//
// The shape follows ../shared/bench (kept outside this module): n articles of 40
// paragraphs and 3 subheadings, 3 notes per article quoting one of its sentences verbatim,
// an event for every other article citing a passage, max(50, n/10) actors, some with an
// alias, and 30 topics. The same n and sentences give the same files.
package benchgen

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"unicode"
)

// Stats says what Write wrote.
type Stats struct {
	Articles, Notes, Events, Actors, Topics, Files int
}

// Sentences returns the sentences of texts (seeds: one paragraph a line), without the
// short lines (titles, captions) and with each sentence once.
func Sentences(texts ...string) []string {
	var out []string
	seen := map[string]bool{}
	for _, text := range texts {
		for _, line := range strings.Split(text, "\n") {
			for _, s := range splitSentences(strings.TrimSpace(line)) {
				if len(s) < 40 || len(s) > 400 || seen[s] || !strings.ContainsAny(s[len(s)-1:], ".!?") {
					continue
				}
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	return out
}

// splitSentences cuts a paragraph after ".", "!" or "?" followed by a space and a capital.
func splitSentences(p string) []string {
	var out []string
	start := 0
	rs := []rune(p)
	for i := 0; i+2 < len(rs); i++ {
		if strings.ContainsRune(".!?", rs[i]) && rs[i+1] == ' ' && unicode.IsUpper(rs[i+2]) {
			out = append(out, string(rs[start:i+1]))
			start = i + 2
		}
	}
	if start < len(rs) {
		out = append(out, string(rs[start:]))
	}
	return out
}

var (
	firstNames = []string{"Anna", "Boris", "Chiara", "Dmitri", "Elena", "Felix", "Galina", "Hiroshi", "Irina", "Jae-sung", "Klara", "Lea", "Maxim", "Nadja", "Oleg", "Paul", "Quirin", "Rosa", "Sergej", "Tamara", "Uwe", "Vera", "Wladimir", "Xenia", "Yuna", "Zofia", "Arkadi", "Berit", "Cem", "Dana", "Emil", "Frieda"}
	lastNames  = []string{"Becker", "Brandt", "Choi", "Engel", "Fischer", "Greve", "Hahn", "Iwanow", "Jung", "Kang", "Lorenz", "Morosow", "Nowak", "Ostrow", "Park", "Quast", "Roth", "Schulz", "Tarasow", "Ullrich", "Vogt", "Wagner", "Yoon", "Zimmer", "Abel", "Bauer", "Dietz", "Falk", "Gruber", "Haas", "Kern", "Lange"}
	topicNames = []string{"Atomprogramm", "Raketentechnik", "Munition", "Wirtschaft", "Grenzregion", "Diplomatie", "Sanktionen", "Arbeitsmigration", "Tourismus", "Energie", "Landwirtschaft", "Seewege", "Eisenbahn", "Cyberangriffe", "Propaganda", "Menschenrechte", "Flüchtlinge", "Geheimdienste", "Rüstungsexporte", "Raumfahrt", "Luftabwehr", "Marine", "Truppen", "Kriegsgefangene", "Finanzen", "Kryptowährung", "Schmuggel", "Bildung", "Medizin", "Geschichte"}
)

type actor struct{ id, name, alias string }

// Write writes a synthetic dossier of n articles made of sentences into dir (content/ and
// seeds/), which must be empty or missing.
func Write(dir string, n int, sentences []string) (Stats, error) {
	if len(sentences) < 50 {
		return Stats{}, fmt.Errorf("benchgen: %d sentences; want at least 50", len(sentences))
	}
	rng := rand.New(rand.NewPCG(uint64(n), 1))
	st := Stats{Articles: n, Topics: len(topicNames)}
	w := &writer{dir: dir}

	w.file("content/dossier.md", "---\ntitle: \"Synthetisches Dossier\"\nlanguage: \"de\"\n---\nEin synthetisches Dossier für Messungen.\n")
	var actors []actor
	aliases := map[string]bool{}
	for i := 0; len(actors) < max(50, n/10); i++ {
		first, last := firstNames[i%len(firstNames)], lastNames[(i/len(firstNames)+i)%len(lastNames)]
		name := first + " " + last
		if k := i / (len(firstNames) * len(lastNames)); k > 0 {
			name = fmt.Sprintf("%s %c. %s", first, 'A'+rune(k-1)%26, last) // beyond the pairs
		}
		a := actor{id: slug(name), name: name}
		if alias := first[:1] + ". " + last; i%3 == 0 && !aliases[alias] {
			aliases[alias] = true
			a.alias = alias
		}
		actors = append(actors, a)
		al := "[]"
		if a.alias != "" {
			al = fmt.Sprintf("[%q]", a.alias)
		}
		w.file("content/actors/"+a.id+".md", fmt.Sprintf("---\nname: %q\nkind: \"person\"\naliases: %s\n---\nSynthetische Person für Messungen.\n", name, al))
	}
	st.Actors = len(actors)
	for _, t := range topicNames {
		w.file("content/topics/"+slug(t)+".md", fmt.Sprintf("---\ntitle: %q\n---\nSynthetisches Thema für Messungen.\n", t))
	}

	for i := 1; i <= n; i++ {
		id := fmt.Sprintf("%05d", i)
		var seed strings.Builder
		title := sentences[rng.IntN(len(sentences))]
		title = strings.Join(strings.Fields(title)[:3], " ")
		seed.WriteString(title + "\n\n")
		count := map[string]int{}
		var used []string
		for p := range 40 {
			if p%13 == 12 {
				seed.WriteString(strings.Join(strings.Fields(sentences[rng.IntN(len(sentences))])[:2], " ") + "\n\n")
			}
			var para []string
			for range 1 + rng.IntN(4)/3 {
				s := sentences[rng.IntN(len(sentences))]
				count[s]++
				used = append(used, s)
				para = append(para, s)
			}
			if rng.IntN(3) == 0 {
				a := actors[rng.IntN(len(actors))]
				name := a.name
				if a.alias != "" && rng.IntN(2) == 0 {
					name = a.alias
				}
				para = append(para, name+" äußerte sich dazu nicht.")
			}
			seed.WriteString(strings.Join(para, " ") + "\n\n")
		}
		w.file("seeds/"+id+".txt", seed.String())
		date := fmt.Sprintf("20%02d-%02d-%02d", 10+rng.IntN(15), 1+rng.IntN(12), 1+rng.IntN(28))
		w.file("content/articles/"+id+".md", fmt.Sprintf("---\nseed: %q\ntitle: %q\npublisher: \"Synthetische Presse\"\npublished: %s\n---\nSynthetischer Artikel für Messungen.\n", id+".txt", title, date))

		// Quotes: sentences that stand once in the article, so that each anchors exactly.
		var once []string
		for _, s := range used {
			if count[s] == 1 {
				once = append(once, s)
			}
		}
		for k := range min(3, len(once)) {
			q := once[k*len(once)/3]
			a, t := actors[rng.IntN(len(actors))], topicNames[rng.IntN(len(topicNames))]
			w.file(fmt.Sprintf("content/notes/%s-%d.md", id, k+1), fmt.Sprintf("---\narticle: %q\nquote: %q\nkind: \"context\"\nactors: [%q]\ntopics: [%q]\n---\n%s %s\n", id, q, a.id, slug(t), sentences[rng.IntN(len(sentences))], sentences[rng.IntN(len(sentences))]))
			st.Notes++
		}
		if i%2 == 1 && len(once) > 0 {
			q := once[len(once)-1]
			a, t := actors[rng.IntN(len(actors))], topicNames[rng.IntN(len(topicNames))]
			w.file(fmt.Sprintf("content/events/e%s.md", id), fmt.Sprintf("---\ndate: %s\ntitle: \"Ereignis zu Artikel %s\"\nactors: [%q]\ntopics: [%q]\nsources:\n  - article: %q\n    quote: %q\n---\nSynthetisches Ereignis für Messungen.\n", date, id, a.id, slug(t), id, q))
			st.Events++
		}
	}
	st.Files = w.files
	return st, w.err
}

// slug returns the id of a name: lower case ASCII letters and digits joined by "-".
func slug(s string) string {
	r := strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss", "Ä", "ae", "Ö", "oe", "Ü", "ue", "ş", "s", "ç", "c")
	s = strings.ToLower(r.Replace(s))
	var b strings.Builder
	dash := false
	for _, c := range s {
		if c < 128 && (unicode.IsLetter(c) || unicode.IsDigit(c)) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(c)
			dash = false
		} else {
			dash = true
		}
	}
	return b.String()
}

// writer writes files under dir and keeps the first error.
type writer struct {
	dir   string
	files int
	err   error
}

func (w *writer) file(name, data string) {
	if w.err != nil {
		return
	}
	p := filepath.Join(w.dir, filepath.FromSlash(name))
	if w.err = os.MkdirAll(filepath.Dir(p), 0o755); w.err == nil {
		w.err = os.WriteFile(p, []byte(data), 0o644)
		w.files++
	}
}
