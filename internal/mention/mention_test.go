package mention

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func actors() *Matcher { return actorsIn("de") }

func actorsIn(lang string) *Matcher {
	m := New(lang)
	for name, key := range map[string]string{
		"Wladimir Putin": "putin", "Putin": "putin",
		"Kim Jong-un": "kju", "Kim Jong Un": "kju",
		"Kim Jong-il": "kji", "Kim Il-sung": "kis",
		"Nordkorea": "nk", "Sergei Schoigu": "schoigu", "Schoigu": "schoigu",
		"Choe Son-hui": "choe", "USA": "usa", "Vereinigte Staaten": "usa",
		"Nationaler Sicherheitsrat der USA": "nsc", "Ippen Media": "ippen", "Ippen": "ippen",
		"IPPEN.MEDIA": "ippen", "King's College London": "kcl", "Großbritannien": "uk",
		"U.N.": "un", "UN": "un", "UN Security Council": "unsc", "Korea": "korea", "Peskow": "peskow", "Vereinte Nationen": "vn",
	} {
		m.Add(name, key)
	}
	return m
}

// show renders hits as "[text]key" for readable comparisons.
func show(text string, hits []Hit) string {
	var b strings.Builder
	last := 0
	for _, h := range hits {
		b.WriteString(text[last:h.Start] + "[" + text[h.Start:h.End] + "]" + h.Key)
		last = h.End
	}
	return b.String() + text[last:]
}

func TestFind(t *testing.T) {
	kim := New("de")
	kim.Add("Kim", "local")
	for _, tc := range []struct {
		text  string
		extra *Matcher
		want  string
	}{
		{"Putin traf Kim Jong-un.", nil, "[Putin]putin traf [Kim Jong-un]kju."},
		{"Wladimir Putin und Kim Jong Un", nil, "[Wladimir Putin]putin und [Kim Jong Un]kju"},
		{"Kim-Jong-un und Kim Jong un", nil, "[Kim-Jong-un]kju und [Kim Jong un]kju"},
		{"Putins Krieg, Nordkoreas Waffen, Schoigus Besuch", nil, "[Putins]putin Krieg, [Nordkoreas]nk Waffen, [Schoigus]schoigu Besuch"},
		{"Choe Son-huis Reise", nil, "[Choe Son-huis]choe Reise"},
		{"Kim Jong-il stirbt, Kim Jong-un folgt", nil, "[Kim Jong-il]kji stirbt, [Kim Jong-un]kju folgt"},
		{"nordkoreanische Raketen und Putinversteher", nil, "nordkoreanische Raketen und Putinversteher"},
		{"Nordkorea-Experte", nil, "[Nordkorea]nk-Experte"},
		{"Putin’s Freund und Putin's Plan", nil, "[Putin’s]putin Freund und [Putin's]putin Plan"},
		{"die USA und die Vereinigten Staaten", nil, "die [USA]usa und die [Vereinigten Staaten]usa"},
		{"des Nationalen Sicherheitsrats der USA", nil, "des [Nationalen Sicherheitsrats der USA]nsc"},
		{"den Vereinten Nationen, der UNO", nil, "den [Vereinten Nationen]vn, der UNO"},
		{"gegenüber IPPEN.MEDIA und Ippen Media", nil, "gegenüber [IPPEN.MEDIA]ippen und [Ippen Media]ippen"},
		{"sagte er IPPEN.MEDIA.", nil, "sagte er [IPPEN.MEDIA]ippen."},
		{"am King‘s College London", nil, "am [King‘s College London]kcl"},
		{"Grossbritannien, GROSSBRITANNIEN, Großbritanniens", nil, "[Grossbritannien]uk, [GROSSBRITANNIEN]uk, [Großbritanniens]uk"},
		{"die U.N. und die UN, nicht un", nil, "die [U.N.]un und die [UN]un, nicht un"},
		{"the U.N. Security Council and the U.N.", nil, "the [U.N. Security Council]unsc and the [U.N.]un"},
		{"Koreas Norden, North Korean, Korean", nil, "[Koreas]korea Norden, North Korean, Korean"},
		{"Kremlsprecher Peskow, peskow", nil, "Kremlsprecher [Peskow]peskow, peskow"},
		{"Kim Jong-un. Kim sagte, Kims Schwester", kim, "[Kim Jong-un]kju. [Kim]local sagte, [Kims]local Schwester"},
		{"Putin. Kim", nil, "[Putin]putin. Kim"},
		{"Wladimir. Putin", nil, "Wladimir. [Putin]putin"},
		{"", nil, ""},
	} {
		var got []Hit
		if tc.extra != nil {
			got = actors().Find(tc.text, tc.extra)
		} else {
			got = actors().Find(tc.text)
		}
		if s := show(tc.text, got); s != tc.want {
			t.Errorf("Find(%q) = %s, want %s", tc.text, s, tc.want)
		}
	}
}

func TestAddConflict(t *testing.T) {
	m := New("de")
	m.Add("Kim Jong-un", "a")
	if k, n := m.Add("Kim Jong Un", "b"); k != "a" || n != "Kim Jong-un" {
		t.Errorf("Add of a variant of a's name = %q, %q; want a, Kim Jong-un", k, n)
	}
	if k, _ := m.Add("kim jong-un", "a"); k != "" {
		t.Errorf("Add of a's own name again reports a conflict with %q", k)
	}
}

func FuzzFind(f *testing.F) {
	f.Add("Putin traf Kim Jong-un und Kims Schwester in Nordkoreas Hauptstadt.")
	f.Add("Putin’s Freund\u00a0Kim-Jong-un")
	f.Add("PUTINS Äußerungen über Ärzte, Schoigus' Reise; Cafe\u0301 und Putins-Freund")
	f.Fuzz(func(t *testing.T, text string) {
		kim := New("de")
		kim.Add("Kim", "local")
		last := 0
		hits := actors().Find(text, kim)
		for _, h := range hits {
			if h.Start < last || h.End <= h.Start || h.End > len(text) {
				t.Fatalf("bad hit %+v after %d in %q", h, last, text)
			}
			if !utf8.ValidString(text[h.Start:h.End]) && utf8.ValidString(text) {
				t.Fatalf("hit %+v splits a character", h)
			}
			last = h.End
		}
		if want := findWords(actors(), text, kim); !slices.Equal(hits, want) {
			t.Fatalf("Find(%q) = %v; the word by word reference finds %v", text, hits, want)
		}
		var s scratch
		s.split(text)
		words := Words(text)
		if len(s.words) != len(words) {
			t.Fatalf("split(%q) finds %d words, Words %d", text, len(s.words), len(words))
		}
		for i, w := range words {
			sw := s.words[i]
			if f := s.folded(text, i); sw.start != w.Start || sw.end != w.End || string(f) != w.Text || sw.hash != hashOf(w.Text) {
				t.Fatalf("split(%q): word %d is %q at %d-%d, Words has %q at %d-%d", text, i, f, sw.start, sw.end, w.Text, w.Start, w.End)
			}
		}
	})
}

// findWords is Find written plainly: every form of every name, as Language.Forms gives
// them, in a map by its folded words, tried at every word: the reference for the faster
// Find.
func findWords(m *Matcher, text string, extra ...*Matcher) []Hit {
	type match struct {
		key       string
		last, end int
	}
	type name struct {
		key  string
		caps uint8
	}
	// names lists every form of every name of a matcher by its folded words, the form
	// of a word itself winning over an inflected form of another.
	names := func(x *Matcher) map[string]name {
		exact, inflected := map[string]name{}, map[string]name{}
		var walk func(n *node, prefix string, isExact bool)
		walk = func(n *node, prefix string, isExact bool) {
			if n.key != "" {
				if isExact {
					exact[prefix] = name{n.key, n.caps}
				} else if _, ok := inflected[prefix]; !ok {
					inflected[prefix] = name{n.key, n.caps}
				}
			}
			for w, e := range n.edges {
				walk(e.next, prefix+" "+w, isExact && e.exact)
			}
		}
		walk(&x.root, "", true)
		for k, v := range exact {
			inflected[k] = v
		}
		return inflected
	}
	words := Words(text)
	longest := func(keys map[string]name, i int) match {
		var best match
		prefix := ""
		for j := i; j < len(words); j++ {
			if j > i && !joins(gap(text, words[j-1].Start, words[j-1].End, words[j].Start)) {
				break
			}
			prefix += " " + words[j].Text
			if k, ok := keys[prefix]; ok && (j > i || written(text[words[j].Start:words[j].End], k.caps)) {
				best = match{k.key, j, apostrophe(text, abbreviation(text, words[j].Start, words[j].End))}
			}
		}
		return best
	}
	var all []map[string]name
	for _, x := range extra {
		all = append(all, names(x))
	}
	all = append(all, names(m))
	var hits []Hit
	for i := 0; i < len(words); {
		best := match{}
		for _, keys := range all {
			if c := longest(keys, i); c.end > best.end || (c.end == best.end && c.last > best.last) {
				best = c
			}
		}
		if best.key == "" {
			i++
			continue
		}
		if best.key != blocked {
			hits = append(hits, Hit{Start: words[i].Start, End: best.end, Key: best.key})
		}
		i = best.last + 1
	}
	return hits
}

// TestNFCBelow: a text of characters below nfcBelow is in NFC, one or two of them at a time.
func TestNFCBelow(t *testing.T) {
	for a := rune(1); a < nfcBelow; a++ {
		for b := rune(0); b < nfcBelow; b++ {
			s := string(a)
			if b > 0 {
				s += string(b)
			}
			if !norm.NFC.IsNormalString(s) {
				t.Fatalf("%q is not in NFC", s)
			}
		}
	}
}

func BenchmarkFind(b *testing.B) {
	m := actors()
	for i := range 1000 {
		m.Add("Akteur Nummer"+strings.Repeat("x", i%7)+string(rune('a'+i%26))+string(rune('a'+i/26%26)), "k")
	}
	text := strings.Repeat("Putin traf Kim Jong-un in Nordkorea, und die USA sahen zu. ", 20)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		m.Find(text)
	}
}
