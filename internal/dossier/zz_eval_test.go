package dossier

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"dossier/internal/content"
)

func TestZZEval(t *testing.T) {
	fsys := os.DirFS("../..")
	c, _ := content.Load(fsys, content.Config{})
	d, _ := Resolve(c, fsys, Config{})
	counts := map[string]int{}
	for _, a := range d.Articles {
		for _, l := range a.Lines {
			toks := tokens(l.Text)
			for _, m := range l.Mentions {
				if m.Actor.Kind != "person" { continue }
				var prev *token
				for i := range toks {
					if toks[i].end <= m.Start { prev = &toks[i] }
				}
				if prev == nil || prev.breakAfter { counts["<start/punct>"]++; continue }
				r, _ := utf8.DecodeRuneInString(prev.text)
				if unicode.IsLower(r) { 
					for _, s := range []string{"en", "em", "er", "es", "e"} {
						if strings.HasSuffix(prev.text, s) { counts["adj?:"+prev.text]++; break }
					}
				}
			}
		}
	}
	fmt.Println(counts)
}
