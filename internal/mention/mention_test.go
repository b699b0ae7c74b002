package mention

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func actors() *Matcher {
	m := New()
	for name, key := range map[string]string{
		"Wladimir Putin": "putin", "Putin": "putin",
		"Kim Jong-un": "kju", "Kim Jong Un": "kju",
		"Kim Jong-il": "kji", "Kim Il-sung": "kis",
		"Nordkorea": "nk", "Sergei Schoigu": "schoigu", "Schoigu": "schoigu",
		"Choe Son-hui": "choe", "USA": "usa", "Vereinigte Staaten": "usa",
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
	kim := New()
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
		{"die USA und die Vereinigten Staaten", nil, "die [USA]usa und die Vereinigten Staaten"},
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
	m := New()
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
		kim := New()
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

// findWords is Find as it was first written, word by word with Words and a lookup per
// suffix: the reference for the faster Find.
func findWords(m *Matcher, text string, extra ...*Matcher) []Hit {
	type match struct {
		key       string
		last, end int
	}
	// names lists every name of a matcher by its folded words.
	names := func(x *Matcher) map[string]string {
		out := map[string]string{}
		var walk func(n *node, prefix string)
		walk = func(n *node, prefix string) {
			if n.key != "" {
				out[prefix] = n.key
			}
			for w, f := range n.forms {
				if f.next != nil {
					walk(f.next, prefix+" "+w)
				}
			}
		}
		walk(&x.root, "")
		return out
	}
	words := Words(text)
	longest := func(keys map[string]string, i int) match {
		var best match
		prefix := ""
		for j := i; j < len(words); j++ {
			if j > i && !joins(text[words[j-1].End:words[j].Start]) {
				break
			}
			w := words[j].Text
			for _, sfx := range Suffixes {
				if stem, ok := strings.CutSuffix(w, sfx); ok && stem != "" {
					if k := keys[prefix+" "+stem]; k != "" {
						best = match{k, j, words[j].End}
					}
				}
			}
			prefix += " " + w
			if k := keys[prefix]; k != "" {
				best = match{k, j, apostrophe(text, words[j].End)}
			}
			more := false
			for name := range keys {
				if strings.HasPrefix(name, prefix+" ") || name == prefix {
					more = true
				}
			}
			if !more {
				break
			}
		}
		return best
	}
	var all []map[string]string
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
		hits = append(hits, Hit{Start: words[i].Start, End: best.end, Key: best.key})
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
