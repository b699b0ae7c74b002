package dossier

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"dossier/internal/content"
	"dossier/internal/diag"
	"dossier/internal/mention"
	"dossier/internal/seed"
)

// guesser tells which actor a name the linker could not link may be: one whose name,
// alias or variant is the same but for transliteration ("Zakharova", "Sacharowa"), an
// ending ("Kremlin", "Kreml") or a letter ("Soviet Union", "Sowjetunion"), or whose
// country has the name's letters as its code ("U.S.").
type guesser struct {
	skeletons map[string][]string // by skeleton without spaces: the actors with such a name
	last      map[string][]string // by skeleton of the last word of a person's name
	regions   map[string]string   // by ISO region code, lower case: the actor of that country
	entries   []guessEntry        // every skeleton, for the fuzzy comparisons
	short     map[string][]*Actor // the short forms (names.short)
}

type guessEntry struct{ skeleton, actor string }

func newGuesser(actors []*Actor, nm *names) *guesser {
	g := &guesser{skeletons: map[string][]string{}, last: map[string][]string{}, regions: map[string]string{}, short: nm.short}
	add := func(m map[string][]string, k, id string) {
		if !slices.Contains(m[k], id) {
			m[k] = append(m[k], id)
		}
	}
	for _, a := range actors {
		forms := []string{a.Name}
		for _, al := range a.Aliases {
			forms = append(forms, al.ID)
		}
		for _, v := range nm.variants {
			if v.actor == a.ID {
				forms = append(forms, v.name)
			}
		}
		for _, f := range forms {
			sk := strings.ReplaceAll(mention.Skeleton(f), " ", "")
			if sk == "" {
				continue
			}
			add(g.skeletons, sk, a.ID)
			g.entries = append(g.entries, guessEntry{sk, a.ID})
			if words := strings.Fields(f); a.Kind == "person" && len(words) > 1 {
				add(g.last, mention.Skeleton(words[len(words)-1]), a.ID)
			}
			if code, ok := mention.RegionCode(f); ok && a.Kind == "state" {
				g.regions[code] = a.ID
			}
		}
	}
	return g
}

// guess returns the one actor surface may be, or "". english allows the looser
// comparisons (an ending of up to three letters) that German nouns would abuse
// ("Japaner" is no Japan).
func (g *guesser) guess(surface string, lang *mention.Language) string {
	if letters := strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) {
			return r
		}
		return -1
	}, surface); strings.Contains(surface, ".") && utf8.RuneCountInString(letters) == 2 && !strings.ContainsFunc(letters, unicode.IsLower) {
		return g.regions[strings.ToLower(letters)] // "U.S.", "U.K."
	}
	sk := strings.ReplaceAll(mention.Skeleton(surface), " ", "")
	if len(sk) < 3 {
		return ""
	}
	stems := []string{sk}
	for _, e := range append(append(slices.Clone(lang.Noun), lang.AfterE...), lang.AfterConsonant...) {
		if s, ok := strings.CutSuffix(sk, e); ok && len(s) >= 3 {
			stems = append(stems, s)
		}
	}
	found := map[string]bool{}
	for _, s := range stems {
		for _, id := range g.skeletons[s] {
			found[id] = true
		}
		if !strings.Contains(surface, " ") {
			for _, id := range g.last[s] {
				found[id] = true
			}
		}
	}
	if len(found) == 0 {
		for _, e := range g.entries {
			switch {
			case len(sk) >= 6 && len(e.skeleton) >= 6 && distance(sk, e.skeleton) <= 1+len(sk)/12:
				found[e.actor] = true
			case lang == mention.English && len(e.skeleton) >= 4 && strings.HasPrefix(sk, e.skeleton) && len(sk)-len(e.skeleton) <= 3:
				found[e.actor] = true
			}
		}
	}
	if len(found) != 1 {
		return ""
	}
	for id := range found {
		return id
	}
	return ""
}

// suggestions returns the warnings, with suggestions, about the names in art that the
// linker could not link but that look like actors' (besides the persons' names that
// corpus.warnings reports, whose surfaces are in done): other spellings of known actors,
// countries and organisations, bare surnames, and in English text capitalised words
// within a sentence.
func (c *corpus) suggestions(art *Article, g *guesser, done, ignore map[string]bool, ws *wordScratch) diag.List {
	lang := mention.LanguageOf(art.Article.Language)
	english := lang == mention.English
	type found struct {
		pos   diag.Pos
		s     diag.Suggestion
		msg   func(also string) string
		lines []int
	}
	var order []*found
	byName := map[string]*found{}
	// The persons the article names in full, for bare surnames; and the names no actor
	// has, whose last word may stand alone after.
	named := map[string]bool{}
	unknownLast := map[string]string{} // by folded last word: the full name
	for name := range done {
		if words := strings.Fields(name); len(words) > 1 {
			unknownLast[mention.Fold(words[len(words)-1])] = name
		}
	}
	for _, l := range art.Lines {
		for _, m := range l.Mentions() {
			if strings.ContainsAny(l.Text[m.Start:m.End], " -") {
				named[m.Actor.ID] = true
			}
		}
	}
	suggest := func(l *Line, start int, surface string, s diag.Suggestion, msg func(also string) string) {
		if ignore[surface] || done[surface] {
			return
		}
		key := strings.ToLower(surface)
		f := byName[key]
		if f == nil {
			f = &found{pos: diag.Pos{File: "seeds/" + art.Seed.Name, Line: l.N, Col: utf8.RuneCountInString(l.Text[:start]) + 1}, s: s, msg: msg}
			byName[key] = f
			order = append(order, f)
		}
		if !slices.Contains(f.lines, l.N) {
			f.lines = append(f.lines, l.N)
		}
	}
	for _, l := range art.Lines {
		if !l.Kind.IsText() && l.Kind != seed.Gallery && l.Kind != seed.Caption {
			continue
		}
		text := l.Text
		if i := strings.Index(text, "©"); i >= 0 {
			text = text[:i] // a photo credit names no actor
		}
		ws.toks = tokens(text, ws.toks[:0])
		toks := ws.toks
		for i := 0; i < len(toks); {
			t := toks[i]
			if !candidateWord(t.text) || covered(l.Mentions(), t.start, t.end) {
				i++
				continue
			}
			j := i + 1 // the run of capitalised words from i
			for j < len(toks) && !toks[j-1].breakAfter && !toks[j].breakBefore && candidateWord(toks[j].text) && !covered(l.Mentions(), toks[j].start, toks[j].end) {
				j++
			}
			run := toks[i:j]
			i = j
			for len(run) > 0 && (title(run[0].text) || dets[strings.ToLower(run[0].text)]) {
				run = run[1:]
			}
			for len(run) > 0 && (title(run[len(run)-1].text) || demonym(run[len(run)-1].text)) {
				run = run[:len(run)-1]
			}
			if len(run) == 0 || len(run) > 4 {
				continue
			}
			start, end := run[0].start, run[len(run)-1].end
			if end < len(text) && text[end] == '.' && abbreviation(text[start:end]) {
				end++ // "U.S." ends after its last full stop
			}
			surface := text[start:end]
			switch id := g.guess(surface, lang); {
			case id != "":
				suggest(l, start, surface, diag.Suggestion{Surface: surface, Actor: id, Action: diag.SuggestAlias}, func(also string) string {
					return fmt.Sprintf("%q may be %s (add alias)%s", surface, id, also)
				})
			case mention.RegionName(surface):
				suggest(l, start, surface, diag.Suggestion{Surface: surface, Action: diag.SuggestActor}, func(also string) string {
					return fmt.Sprintf("%q is the name of a country or organisation but no actor or alias%s; create the actor with `dossier new actor %q`, or list it under `ignore_names:` in content/dossier.md", surface, also, surface)
				})
			case len(run) == 1 && unknownLast[mention.Fold(surface)] != "":
				full := unknownLast[mention.Fold(surface)]
				suggest(l, start, surface, diag.Suggestion{Surface: surface, Actor: content.Slugify(full), Action: diag.SuggestAlias}, func(also string) string {
					return fmt.Sprintf("%q may be %s (add alias)%s, once the actor for %q exists", surface, content.Slugify(full), also, full)
				})
			case len(run) == 1 && len(g.short[surface]) > 1 && namedAny(g.short[surface], named):
				var ids []string
				for _, a := range g.short[surface] {
					if named[a.ID] {
						ids = append(ids, a.ID)
					}
				}
				if len(ids) > 1 {
					suggest(l, start, surface, diag.Suggestion{Surface: surface, Action: diag.SuggestMentions}, func(also string) string {
						return fmt.Sprintf("%q may be any of %s%s; say which with `mentions:` in the article's file, line by line", surface, strings.Join(ids, ", "), also)
					})
				}
			case english && !sentenceStart(text, start) && (len(run) > 1 || !c.plainWord(run[0].text, ws)):
				suggest(l, start, surface, diag.Suggestion{Surface: surface, Action: diag.SuggestActor}, func(also string) string {
					return fmt.Sprintf("%q looks like a name but is no actor or alias%s; create the actor with `dossier new actor %q`, add it to an actor's `aliases:`, or list it under `ignore_names:` in content/dossier.md", surface, also, surface)
				})
			}
		}
	}
	var out diag.List
	for _, f := range order {
		also := ""
		switch len(f.lines) {
		case 1:
		case 2:
			also = " (also on line " + joinInts(f.lines[1:]) + ")"
		default:
			also = " (also on lines " + joinInts(f.lines[1:]) + ")"
		}
		out.Suggest(f.pos, f.s, "%s", f.msg(also))
	}
	return out
}

func namedAny(as []*Actor, named map[string]bool) bool {
	for _, a := range as {
		if named[a.ID] {
			return true
		}
	}
	return false
}

// candidateWord reports whether t may be (part of) a name: capitalised with lower case
// after ("Kremlin"), or an abbreviation with full stops ("U.S.").
func candidateWord(t string) bool {
	if nameShaped(t) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsUpper(r) && strings.Contains(t, ".") && !strings.ContainsFunc(t, func(r rune) bool { return unicode.IsLower(r) || unicode.IsDigit(r) })
}

// abbreviation reports whether s is an abbreviation with full stops, of parts of one or
// two letters ("U.S", "U.N").
func abbreviation(s string) bool {
	if !strings.Contains(s, ".") {
		return false
	}
	for part := range strings.SplitSeq(s, ".") {
		if utf8.RuneCountInString(part) > 2 {
			return false
		}
	}
	return true
}

// titles stand before names without being part of them; months and days are capitalised
// in English without being names.
var titles = map[string]bool{
	"President": true, "Prime": true, "Minister": true, "Foreign": true, "Defense": true, "Defence": true,
	"Secretary": true, "General": true, "Spokesman": true, "Spokeswoman": true, "Leader": true,
	"Chairman": true, "Deputy": true, "Vice": true, "Mr": true, "Mrs": true, "Ms": true, "Sir": true,
	"Senator": true, "Gen": true, "Adm": true, "Col": true, "Lt": true, "Sgt": true, "Ambassador": true,
	"January": true, "February": true, "March": true, "April": true, "May": true, "June": true, "July": true,
	"August": true, "September": true, "October": true, "November": true, "December": true,
	"Jan": true, "Feb": true, "Mar": true, "Apr": true, "Jun": true, "Jul": true, "Aug": true, "Sep": true,
	"Sept": true, "Oct": true, "Nov": true, "Dec": true, "Monday": true, "Tuesday": true, "Wednesday": true,
	"Thursday": true, "Friday": true, "Saturday": true, "Sunday": true,
}

func title(t string) bool { return titles[strings.TrimSuffix(t, ".")] || slices.Contains(notNames, t) }

// demonym reports whether t is shaped like an English adjective of a people or place
// ("Russian", "Korean", "Chinese", "British"), which names no actor.
func demonym(t string) bool {
	for _, sfx := range []string{"ian", "ean", "ese", "ish", "ican", "ic"} {
		if strings.HasSuffix(t, sfx) {
			return true
		}
	}
	return false
}

// sentenceStart reports whether the word at byte i of text begins a sentence, where any
// word is capitalised.
func sentenceStart(text string, i int) bool {
	before := strings.TrimRightFunc(text[:i], unicode.IsSpace)
	if before == "" {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(before)
	return strings.ContainsRune(".!?:;\"“”„«»—–-(", r)
}
