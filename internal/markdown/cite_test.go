package markdown

import (
	"reflect"
	"testing"
)

func TestCite(t *testing.T) {
	for _, tc := range []struct {
		name, src         string
		external, passage int
		uncited           []Uncited
	}{
		{"every sentence before a citation", "Kim kam am 12. September an. Er fuhr weiter ([Z. 2](article:a#L2)).\n", 0, 1, nil},
		{"a sentence after the last citation", "Er fuhr weiter ([Z. 2](article:a#L2)). Das ist Spekulation.\n", 0, 1,
			[]Uncited{{Line: 1, Sentence: "Das ist Spekulation.", Sentences: 1}}},
		{"a paragraph without a link", "Erster Satz.\n\nZweiter Absatz, erste Zeile.\nZweite Zeile. Und noch einer.\n", 0, 0,
			[]Uncited{{1, "Erster Satz.", 1}, {3, "Zweiter Absatz, erste Zeile.", 3}}},
		{"a profile link is no citation", "[Kim](actor:kim) führt das Land.\n", 0, 0,
			[]Uncited{{1, "Kim führt das Land.", 1}}},
		{"public sources count", "Er war Minister. Quelle: [Wikipedia](https://de.wikipedia.org/wiki/X), <https://example.org/y>.\n", 2, 0, nil},
		{"abbreviations and dates do not end a sentence", "Am 19. Juni, so Dr. Cha, kam z. B. Putin (Z. 3) an.\n", 0, 0,
			[]Uncited{{1, "Am 19. Juni, so Dr. Cha, kam z. B. Putin (Z. 3) an.", 1}}},
		{"a sentence goes on after its citation", "Sie schreiben ihn „Shoigu“ ([Z. 33](article:a#L33)); alle Formen sind verknüpft.\n", 0, 1, nil},
		{"a citation after the full stop covers the paragraph", "Er war Minister. Quelle: [Wikipedia](https://de.wikipedia.org/wiki/X).\n", 1, 0, nil},
		{"an article link without a line is no passage", "Siehe [den Artikel](article:a).\n", 0, 0, nil},
		{"list items are paragraphs too", "- Eins ([Z. 1](article:a#L1)).\n- Zwei.\n", 0, 1,
			[]Uncited{{2, "Zwei.", 1}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := NewParser().Parse([]byte(tc.src)).Cite()
			if c.External != tc.external || c.Passages != tc.passage {
				t.Errorf("external %d, passages %d; want %d, %d", c.External, c.Passages, tc.external, tc.passage)
			}
			if !reflect.DeepEqual(c.Uncited, tc.uncited) {
				t.Errorf("uncited %+v; want %+v", c.Uncited, tc.uncited)
			}
		})
	}
}
