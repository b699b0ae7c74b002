package dossier

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"dossier/internal/diag"
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
	words := corpusWords(r.d.Articles)
	ignore := map[string]bool{}
	for _, n := range r.d.Site.IgnoreNames {
		ignore[n.ID] = true
	}
	// The candidates of each article are found on all cores, in chunks of articles that
	// each keep their own memory of nameLike's answers; they are reported in order after.
	const chunk = 32
	cands := make([][][]candidate, len(r.d.Articles)) // article, line index
	eachParallel((len(r.d.Articles)+chunk-1)/chunk, func(k int) {
		c := words
		c.known = map[string]bool{}
		for i := k * chunk; i < min((k+1)*chunk, len(r.d.Articles)); i++ {
			art := r.d.Articles[i]
			if art.Seed == nil {
				continue
			}
			cands[i] = make([][]candidate, len(art.Lines))
			for j, l := range art.Lines {
				if l.Kind.IsText() || l.Kind == seed.Gallery {
					cands[i][j] = nameCandidates(l, c)
				}
			}
		}
	})
	for i, art := range r.d.Articles {
		if art.Seed == nil {
			continue
		}
		type found struct {
			pos   diag.Pos
			name  string
			lines []int
		}
		var order []*found
		byName := map[string]*found{}
		for j, l := range art.Lines {
			for _, c := range cands[i][j] {
				if ignore[c.name] {
					continue
				}
				f := byName[c.name]
				if f == nil {
					f = &found{pos: diag.Pos{File: "seeds/" + art.Seed.Name, Line: l.N, Col: c.col}, name: c.name}
					byName[c.name] = f
					order = append(order, f)
				}
				if !slices.Contains(f.lines, l.N) {
					f.lines = append(f.lines, l.N)
				}
			}
		}
		for _, f := range order {
			also := ""
			switch len(f.lines) {
			case 1:
			case 2:
				also = " (also on line " + joinInts(f.lines[1:]) + ")"
			default:
				also = " (also on lines " + joinInts(f.lines[1:]) + ")"
			}
			r.errs.Warnf(f.pos, "%q looks like a person's name but is no actor or alias%s; add it to an actor's `aliases:`, create the actor with `dossier new actor %q`, or list it under `ignore_names:` in content/dossier.md", f.name, also, f.name)
		}
	}
}

// corpus is what all seeds say about their words.
type corpus struct {
	lower   map[string]bool // words written in lower case somewhere
	article map[string]bool // capitalised words that follow an article somewhere, lower-cased
	known   map[string]bool // nameLike's answers so far (the same words recur on every line); one per goroutine
	dets    map[string]bool // determiners, as a set
	tokens  map[*Line][]token
}

// determiners precede nouns, rarely names.
var determiners = []string{
	"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines",
	"kein", "keine", "keinen", "keinem", "keiner", "dieser", "diese", "diesen", "diesem", "dieses",
	"jeder", "jede", "jeden", "jedem", "jedes", "sein", "seine", "seinen", "seinem", "seiner",
	"ihr", "ihre", "ihren", "ihrem", "ihrer", "unser", "unsere", "beim", "im", "am", "vom", "zum", "zur",
	"the", "a", "an",
}

func corpusWords(arts []*Article) corpus {
	c := corpus{lower: map[string]bool{}, article: map[string]bool{}, known: map[string]bool{}, dets: map[string]bool{}, tokens: map[*Line][]token{}}
	for _, d := range determiners {
		c.dets[d] = true
	}
	toks := make([][][]token, len(arts)) // article, line index
	eachParallel(len(arts), func(i int) {
		toks[i] = make([][]token, len(arts[i].Lines))
		for j, l := range arts[i].Lines {
			toks[i][j] = tokens(l.Text)
		}
	})
	for i, art := range arts {
		for j, l := range art.Lines {
			toks := toks[i][j]
			c.tokens[l] = toks
			for i, t := range toks {
				r, _ := utf8.DecodeRuneInString(t.text)
				if unicode.IsLower(r) {
					c.lower[t.text] = true
				} else if i > 0 && c.determiner(toks[i-1]) {
					c.article[strings.ToLower(t.text)] = true
				}
			}
		}
	}
	return c
}

// determiner reports whether t is an article or the like, directly before the next word.
func (c corpus) determiner(t token) bool {
	return !t.breakAfter && c.dets[strings.ToLower(t.text)]
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
func (c corpus) beforeNoun(prev token) bool {
	if prev.breakAfter {
		return false
	}
	w := prev.text
	if c.determiner(prev) || !strings.ContainsFunc(w, func(r rune) bool { return !unicode.IsDigit(r) }) {
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

// nameLike reports whether t may be part of a name: capitalised, with lower case after the
// first letter (so not an acronym like "USA"), and never used as a plain word in the seeds.
func (c corpus) nameLike(t string) bool {
	like, ok := c.known[t]
	if !ok {
		like = c.looksLikeName(t)
		c.known[t] = like
	}
	return like
}

func (c corpus) looksLikeName(t string) bool {
	first, size := utf8.DecodeRuneInString(t)
	if !unicode.IsUpper(first) || !strings.ContainsFunc(t[size:], unicode.IsLower) || strings.ContainsFunc(t, unicode.IsDigit) {
		return false
	}
	if slices.Contains(notNames, t) {
		return false
	}
	low := strings.ToLower(t)
	for _, form := range inflections(low) {
		if c.lower[form] || c.article[form] {
			return false
		}
	}
	return true
}

// inflections returns w and the forms it may take or come from in German text, so that
// "Regierungen" counts as a noun when "die Regierung" occurs, and "Fernem" as an adjective
// when "fernen" does.
func inflections(w string) []string {
	suffixes := []string{"s", "es", "n", "en", "e", "er", "em"}
	stems := []string{w}
	for _, sfx := range suffixes {
		if stem, ok := strings.CutSuffix(w, sfx); ok && utf8.RuneCountInString(stem) > 2 {
			stems = append(stems, stem)
		}
	}
	forms := slices.Clone(stems)
	for _, stem := range stems {
		for _, sfx := range suffixes {
			forms = append(forms, stem+sfx)
		}
	}
	return forms
}

// candidate is a name found in a line.
type candidate struct {
	name string
	col  int // 1-based, in characters
}

// nameCandidates returns the runs of two to four name-like words in l that no mention covers.
func nameCandidates(l *Line, c corpus) []candidate {
	var out []candidate
	var run []token
	flush := func() {
		if len(run) >= 2 && len(run) <= 4 {
			start, end := run[0].start, run[len(run)-1].end
			out = append(out, candidate{name: l.Text[start:end], col: utf8.RuneCountInString(l.Text[:start]) + 1})
		}
		run = run[:0]
	}
	toks := c.tokens[l]
	if i := strings.Index(l.Text, "©"); i >= 0 {
		// A photo credit names the photographer, who is no actor of the dossier.
		k := 0
		for k < len(toks) && toks[k].start < i {
			k++
		}
		toks = toks[:k]
	}
	for i, t := range toks {
		if !c.nameLike(t.text) || covered(l.Mentions, t.start, t.end) || len(run) == 0 && i > 0 && c.beforeNoun(toks[i-1]) {
			flush()
			continue
		}
		if t.breakBefore {
			flush()
		}
		run = append(run, t)
		if t.breakAfter {
			flush()
		}
	}
	flush()
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

func tokens(s string) []token {
	var out []token
	slash := false // a slash separates words without joining them: "Ed Jones/afp"
	for start := 0; start < len(s); {
		r, size := utf8.DecodeRuneInString(s[start:])
		if unicode.IsSpace(r) || r == '/' {
			slash = slash || r == '/'
			if r == '/' && len(out) > 0 {
				out[len(out)-1].breakAfter = true
			}
			start += size
			continue
		}
		end := start
		for end < len(s) {
			r, size := utf8.DecodeRuneInString(s[end:])
			if unicode.IsSpace(r) || r == '/' {
				break
			}
			end += size
		}
		word := s[start:end]
		lead := len(word) - len(strings.TrimLeftFunc(word, isEdge))
		trail := len(word) - len(strings.TrimRightFunc(word, isEdge))
		if lead < len(word) {
			out = append(out, token{text: word[lead : len(word)-trail], start: start + lead, end: end - trail, breakBefore: lead > 0 || slash, breakAfter: trail > 0})
		} else if len(out) > 0 {
			out[len(out)-1].breakAfter = true // a dash or other mark between words
		}
		slash = false
		start = end
	}
	return out
}

// isEdge reports whether r may stand around a word without belonging to it.
func isEdge(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

func joinInts(ns []int) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = fmt.Sprint(n)
	}
	return strings.Join(s, ", ")
}
