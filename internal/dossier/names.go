package dossier

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"dossier/internal/diag"
	"dossier/internal/mention"
	"dossier/internal/parallel"
	"dossier/internal/seed"
)

// warnUnknownNames warns of every run of two or more capitalised words in an article's text
// that looks like a person's name ("Victor Cha") but is no actor's name or alias, once per
// name and article, at the first line where it stands. An editor then adds the actor or the
// spelling; a name that no one links is a person the reader cannot follow.
//
// German capitalises every noun, so capitals alone say little. The seeds themselves tell
// names from words: a word that some seed writes in lower case ("Beide", "Zunächst") or puts
// after an article ("der Verteidigungsminister") is no name. What is left is mostly names;
// the warning is only a warning because the rest is not.
func (r *resolver) warnUnknownNames() {
	arts := r.d.Articles
	var seeds []*seedEntry // the seeds whose words the corpus holds
	for _, a := range arts {
		if e := r.entries[a]; e != nil {
			seeds = append(seeds, e)
		}
	}
	c := r.cache.corpus
	if c == nil || !slices.Equal(c.seeds, seeds) {
		c = &corpus{seeds: seeds, lower: map[string]bool{}, article: map[string]bool{}}
	}
	fresh := c != r.cache.corpus // its words are still to read
	// One pass over the words of each article, on all cores, reads what the corpus needs
	// and the runs of capitalised words that may be names, unless the article's runs were
	// found from the same seed, mentions and line kinds before; each goroutine keeps words
	// of its own, merged after.
	runs := make([]*nameRuns, len(arts))
	kinds := make([]string, len(arts))
	words := parallel.EachWorker(len(arts), newWordScratch, func(ws *wordScratch, i int) {
		e := r.entries[arts[i]]
		if e == nil {
			return
		}
		kinds[i] = kindsKey(arts[i])
		runs[i] = e.runs
		if runs[i] == nil || runs[i].mentions != e.mentions || runs[i].kinds != kinds[i] {
			runs[i] = &nameRuns{mentions: e.mentions, kinds: kinds[i]}
		} else if !fresh {
			return
		}
		ws.read(arts[i], fresh, runs[i])
	})
	if fresh {
		for _, ws := range words {
			for w := range ws.lower {
				c.lower[w] = true
			}
			for w := range ws.article {
				c.article[w] = true
			}
		}
		r.cache.corpus = c
	}
	ignore := map[string]bool{}
	var ignoreKey strings.Builder
	for _, n := range r.d.Site.IgnoreNames {
		ignore[n.ID] = true
		writeKey(&ignoreKey, n.ID)
	}
	// The runs are then cut where a word is no name by what all seeds say: on all cores,
	// each goroutine keeping its own memory of the answers; reported in order after.
	warnings := make([]diag.List, len(arts))
	g := newGuesser(r.d.Actors, r.cache.names)
	parallel.EachWorker(len(arts), newWordScratch, func(ws *wordScratch, i int) {
		e := r.entries[arts[i]]
		if e == nil {
			return
		}
		e.runs = runs[i]
		if u := e.unknown; u == nil || u.runs != runs[i] || u.corpus != c || u.ignore != ignoreKey.String() {
			w, done := c.warnings(arts[i], runs[i], ignore, g, ws)
			w.Append(c.suggestions(arts[i], g, done, ignore, ws))
			e.unknown = &unknownNames{runs: runs[i], corpus: c, ignore: ignoreKey.String(), warnings: w}
		}
		warnings[i] = e.unknown.warnings
	})
	n := 0
	for _, w := range warnings {
		n += len(w)
	}
	r.errs = slices.Grow(r.errs, n)
	for _, w := range warnings {
		r.errs.Append(w)
	}
}

// nameRuns are the runs of capitalised words in the text lines of an article that may be
// names whatever the seeds say about their words: each run at least two words long, with
// no mention in it, nothing but spaces between its words, and none of the words that
// cannot be part of a name.
type nameRuns struct {
	mentions *mentions
	kinds    string
	runs     []nameRun
}

// nameRun is a run of words of one line.
type nameRun struct {
	line  int    // its number
	text  string // the line's text
	words []runWord
}

// runWord is a word of a run: the line's text from start to end.
type runWord struct {
	start, end              int32
	breakBefore, breakAfter bool // as the word's token has them
	afterNoun               bool // the word before it makes it a noun; see beforeNoun
}

// read reads the tokens of art: their words into ws, if corpus is set, and the runs that
// may be names into runs, if it has none.
func (ws *wordScratch) read(art *Article, corpus bool, runs *nameRuns) {
	find := runs.runs == nil
	for _, l := range art.Lines {
		if !corpus && (!find || !l.Kind.IsText() && l.Kind != seed.Gallery) {
			continue
		}
		ws.toks = tokens(l.Text, ws.toks[:0])
		if corpus {
			ws.words()
		}
		if find && (l.Kind.IsText() || l.Kind == seed.Gallery) {
			runs.runs = ws.findRuns(l, runs.runs)
		}
	}
	if find && runs.runs == nil {
		runs.runs = []nameRun{} // found, and none
	}
}

// words records the words of the line whose tokens ws holds that tell names from words:
// those in lower case, and those after an article.
func (ws *wordScratch) words() {
	for k, t := range ws.toks {
		r, _ := utf8.DecodeRuneInString(t.text)
		if unicode.IsLower(r) {
			if !ws.lower[t.text] {
				ws.lower[t.text] = true
			}
		} else if k > 0 && determiner(ws.toks[k-1], ws) {
			if ws.low = appendLower(ws.low[:0], t.text); !ws.article[string(ws.low)] {
				ws.article[string(ws.low)] = true
			}
		}
	}
}

// findRuns appends to runs the runs of l, whose tokens ws holds.
func (ws *wordScratch) findRuns(l *Line, runs []nameRun) []nameRun {
	toks := ws.toks
	if i := strings.Index(l.Text, "©"); i >= 0 {
		// A photo credit names the photographer, who is no actor of the dossier.
		k := 0
		for k < len(toks) && toks[k].start < i {
			k++
		}
		toks = toks[:k]
	}
	from := 0 // the first token of the run so far
	commit := func(to int) {
		if to-from < 2 {
			return
		}
		words := make([]runWord, 0, to-from)
		for i, t := range toks[from:to] {
			i += from
			words = append(words, runWord{int32(t.start), int32(t.end), t.breakBefore, t.breakAfter, i > 0 && beforeNoun(toks[i-1], ws)})
		}
		runs = append(runs, nameRun{l.N, l.Text, words})
	}
	for i, t := range toks {
		if !ws.nameShaped(t.text) || covered(l.Mentions(), t.start, t.end) {
			commit(i)
			from = i + 1
		}
	}
	commit(len(toks))
	return runs
}

// warnings returns the warnings about the names in art, whose runs are runs, that look
// like persons' and are no actor's.
// It returns the names it warned of, too.
func (c *corpus) warnings(art *Article, runs *nameRuns, ignore map[string]bool, g *guesser, ws *wordScratch) (diag.List, map[string]bool) {
	type found struct {
		pos   diag.Pos
		name  string
		lines []int
	}
	var order []*found
	var byName map[string]*found
	for _, run := range runs.runs {
		for _, cand := range c.candidates(run, ws) {
			if ignore[cand.name] {
				continue
			}
			f := byName[cand.name]
			if f == nil {
				if byName == nil {
					byName = map[string]*found{}
				}
				f = &found{pos: diag.Pos{File: "seeds/" + art.Seed.Name, Line: run.line, Col: cand.col}, name: cand.name}
				byName[cand.name] = f
				order = append(order, f)
			}
			if !slices.Contains(f.lines, run.line) {
				f.lines = append(f.lines, run.line)
			}
		}
	}
	var out diag.List
	done := map[string]bool{}
	lang := mention.LanguageOf(art.Article.Language)
	for _, f := range order {
		done[f.name] = true
		also := ""
		switch len(f.lines) {
		case 1:
		case 2:
			also = " (also on line " + joinInts(f.lines[1:]) + ")"
		default:
			also = " (also on lines " + joinInts(f.lines[1:]) + ")"
		}
		if id := g.guess(f.name, lang); id != "" {
			out.Suggest(f.pos, diag.Suggestion{Surface: f.name, Actor: id, Action: diag.SuggestAlias}, "%q may be %s (add alias)%s", f.name, id, also)
			continue
		}
		out.Suggest(f.pos, diag.Suggestion{Surface: f.name, Action: diag.SuggestActor}, "%q looks like a person's name but is no actor or alias%s; add it to an actor's `aliases:`, create the actor with `dossier new actor %q`, or list it under `ignore_names:` in content/dossier.md", f.name, also, f.name)
	}
	return out, done
}

// kindsKey is what the kinds of art's lines depend on besides its seed: the kinds the
// editors set.
func kindsKey(art *Article) string {
	var b strings.Builder
	for _, o := range art.Article.Lines {
		writeKey(&b, strconv.Itoa(o.From), strconv.Itoa(o.To), strconv.Itoa(int(o.Kind)))
	}
	return b.String()
}

// corpus is what all seeds say about their words.
type corpus struct {
	seeds   []*seedEntry    // the seeds it was made of
	lower   map[string]bool // words written in lower case somewhere
	article map[string]bool // capitalised words that follow an article somewhere, lower-cased
}

// wordScratch is a goroutine's memory while it reads words.
type wordScratch struct {
	toks           []token
	low            []byte
	lower, article map[string]bool // words read, for corpus
	known          map[string]bool // answers of plainWord so far: the same words recur on every line
	shaped         map[string]bool // answers of nameShaped so far
	cands          []candidate
}

func newWordScratch() *wordScratch {
	return &wordScratch{lower: map[string]bool{}, article: map[string]bool{}, known: map[string]bool{}, shaped: map[string]bool{}}
}

// determiners precede nouns, rarely names.
var determiners = []string{
	"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines",
	"kein", "keine", "keinen", "keinem", "keiner", "dieser", "diese", "diesen", "diesem", "dieses",
	"jeder", "jede", "jeden", "jedem", "jedes", "sein", "seine", "seinen", "seinem", "seiner",
	"ihr", "ihre", "ihren", "ihrem", "ihrer", "unser", "unsere", "beim", "im", "am", "vom", "zum", "zur",
	"the", "a", "an",
}

var dets = func() map[string]bool {
	m := map[string]bool{}
	for _, d := range determiners {
		m[d] = true
	}
	return m
}()

// appendLower appends s in lower case to b, as strings.ToLower writes it.
func appendLower(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return append(b[:len(b)-i], strings.ToLower(s)...)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

// determiner reports whether t is an article or the like, directly before the next word.
func determiner(t token, ws *wordScratch) bool {
	if t.breakAfter || len(t.text) > 7 && utf8.RuneCountInString(t.text) > 7 { // no determiner has more than 7 letters
		return false
	}
	ws.low = appendLower(ws.low[:0], t.text)
	return dets[string(ws.low)]
}

// notNames are capitalised words that stand before names, or before nouns that would look
// like names after them, without being part of them: titles and quantities.
var notNames = []string{
	"Herr", "Herrn", "Frau", "Dr", "Prof", "Professor", "Professorin", "Präsident", "Präsidentin",
	"Präsidenten", "Machthaber", "Minister", "Ministerin",
	"Dutzende", "Hunderte", "Tausende", "Hunderttausende", "Millionen", "Milliarden",
	// Words that begin sentences, where German capitalises them too.
	"Aber", "Als", "Auch", "Bereits", "Da", "Damals", "Dann", "Denn", "Doch", "Dort", "Heute",
	"Hier", "Jetzt", "Laut", "Nach", "Noch", "Nun", "Nur", "Ob", "Oder", "Schon", "Seit", "So",
	"Trotz", "Und", "Wann", "Warum", "Was", "Weil", "Wenn", "Wer", "Wie", "Wo", "Zudem",
	"Während", "Wegen", "Beide", "Alle", "Viele", "Einige", "Mehrere", "Er", "Sie", "Es", "Wir",
	"Ich", "Man",
}

// prepositions end in -en like adjectives but precede names as well as nouns.
var prepositions = []string{"zwischen", "gegen", "neben", "unter", "hinter", "wegen", "seiten", "namens"}

// beforeNoun reports whether the word before a capitalised word makes that word a noun: an
// article, a number, or an inflected adjective ("im nordostukrainischen Gebiet Charkiw").
// Names follow verbs ("sagte Victor Cha") far more often than adjectives.
func beforeNoun(prev token, ws *wordScratch) bool {
	if prev.breakAfter {
		return false
	}
	w := prev.text
	if determiner(prev, ws) || !strings.ContainsFunc(w, func(r rune) bool { return !unicode.IsDigit(r) }) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsLower(r) || utf8.RuneCountInString(w) < 5 || slices.Contains(prepositions, w) {
		return false
	}
	for _, sfx := range []string{"en", "em", "er", "es"} {
		if strings.HasSuffix(w, sfx) {
			return true
		}
	}
	return false
}

// A word may be part of a name if it is nameShaped and, by what the seeds say, no
// plainWord.

// nameShaped reports whether t is capitalised, with lower case after the first letter (so
// not an acronym like "USA"), without digits, and none of the notNames.
func nameShaped(t string) bool {
	first, size := utf8.DecodeRuneInString(t)
	if !unicode.IsUpper(first) || !strings.ContainsFunc(t[size:], unicode.IsLower) || strings.ContainsFunc(t, unicode.IsDigit) {
		return false
	}
	return !slices.Contains(notNames, t)
}

// nameShaped is nameShaped, remembering its answers for capitalised words.
func (ws *wordScratch) nameShaped(t string) bool {
	if c := t[0]; 'a' <= c && c <= 'z' || '0' <= c && c <= '9' {
		return false // most words
	}
	shaped, ok := ws.shaped[t]
	if !ok {
		shaped = nameShaped(t)
		ws.shaped[t] = shaped
	}
	return shaped
}

// plainWord reports whether the seeds use t as a plain word: in lower case, or after an
// article.
func (c *corpus) plainWord(t string, ws *wordScratch) bool {
	plain, ok := ws.known[t]
	if !ok {
		plain = c.anyForm(strings.ToLower(t), ws)
		ws.known[t] = plain
	}
	return plain
}

// inflectionSuffixes are the endings by which German text inflects a word, so that
// "Regierungen" counts as a noun when "die Regierung" occurs, and "Fernem" as an
// adjective when "fernen" does.
var inflectionSuffixes = []string{"s", "es", "n", "en", "e", "er", "em"}

// anyForm reports whether the seeds write w, or a form it may take or come from, in lower
// case or after an article: a stem of w (w without a suffix, if more than two letters are
// left), or a stem with a suffix.
func (c *corpus) anyForm(w string, ws *wordScratch) bool {
	has := func(form string) bool { return c.lower[form] || c.article[form] }
	stem := func(s string) bool {
		if has(s) {
			return true
		}
		for _, sfx := range inflectionSuffixes {
			ws.low = append(append(ws.low[:0], s...), sfx...)
			if c.lower[string(ws.low)] || c.article[string(ws.low)] {
				return true
			}
		}
		return false
	}
	if stem(w) {
		return true
	}
	for _, sfx := range inflectionSuffixes {
		if s, ok := strings.CutSuffix(w, sfx); ok && utf8.RuneCountInString(s) > 2 && stem(s) {
			return true
		}
	}
	return false
}

// candidate is a name found in a line.
type candidate struct {
	name string
	col  int // 1-based, in characters
}

// candidates returns the parts of run, two to four words long, whose words are no plain
// words: the names it holds.
func (c *corpus) candidates(run nameRun, ws *wordScratch) []candidate {
	out := ws.cands[:0]
	text := run.text
	start, n := 0, 0 // the part so far: its first word, and its length
	flush := func() {
		if n >= 2 && n <= 4 {
			from, to := run.words[start].start, run.words[start+n-1].end
			out = append(out, candidate{name: text[from:to], col: utf8.RuneCountInString(text[:from]) + 1})
		}
		n = 0
	}
	for i, w := range run.words {
		if c.plainWord(text[w.start:w.end], ws) || n == 0 && w.afterNoun {
			flush()
			continue
		}
		if w.breakBefore {
			flush()
		}
		if n == 0 {
			start = i
		}
		n++
		if w.breakAfter {
			flush()
		}
	}
	flush()
	ws.cands = out
	return out
}

func covered(ms []Mention, start, end int) bool {
	for _, m := range ms {
		if start < m.End && m.Start < end {
			return true
		}
	}
	return false
}

// token is a word of a line with the punctuation around it stripped. Names run on only
// across plain spaces: punctuation before or after a word ends the run.
type token struct {
	text                    string
	start, end              int // byte offsets of text in the line
	breakBefore, breakAfter bool
}

// tokens appends the tokens of s to out.
func tokens(s string, out []token) []token {
	slash := false // a slash separates words without joining them: "Ed Jones/afp"
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if separator[c] {
				if c == '/' {
					slash = true
					if len(out) > 0 {
						out[len(out)-1].breakAfter = true
					}
				}
				i++
				continue
			}
		} else if r, size := utf8.DecodeRuneInString(s[i:]); unicode.IsSpace(r) {
			i += size
			continue
		}
		start := i
		ascii := true
		for i < len(s) {
			if c := s[i]; c < utf8.RuneSelf {
				if separator[c] {
					break
				}
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				break
			}
			ascii = false
			i += size
		}
		word := s[start:i]
		var lead, trail int
		if ascii {
			for lead < len(word) && isEdgeByte(word[lead]) {
				lead++
			}
			for trail < len(word)-lead && isEdgeByte(word[len(word)-1-trail]) {
				trail++
			}
		} else {
			lead = len(word) - len(strings.TrimLeftFunc(word, isEdge))
			trail = len(word) - len(strings.TrimRightFunc(word, isEdge))
		}
		if lead < len(word) {
			out = append(out, token{text: word[lead : len(word)-trail], start: start + lead, end: i - trail, breakBefore: lead > 0 || slash, breakAfter: trail > 0})
		} else if len(out) > 0 {
			out[len(out)-1].breakAfter = true // a dash or other mark between words
		}
		slash = false
	}
	return out
}

// separator holds the ASCII characters that end a word: white space, as unicode.IsSpace
// has it, and the slash.
var separator = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true, '/': true}

// isEdgeByte reports whether a word may begin or end with an edge at byte c: any byte but
// an ASCII letter or digit.
func isEdgeByte(c byte) bool {
	return !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9')
}

// isEdge reports whether r may stand around a word without belonging to it.
func isEdge(r rune) bool {
	if r < utf8.RuneSelf {
		return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9')
	}
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

func joinInts(ns []int) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = fmt.Sprint(n)
	}
	return strings.Join(s, ", ")
}
