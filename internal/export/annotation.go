package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"unicode/utf8"

	"dossier/internal/dossier"
	"dossier/internal/parallel"
)

// The notes as a W3C Web Annotation collection (Web Annotation Data Model, 2017), as
// annotation tools and the annotation import read it. Each note targets its article's page;
// its selectors are a TextQuoteSelector (the passage, with up to contextRunes characters
// before and after it) and a TextPositionSelector counting Unicode code points, as the
// model says, in the article's seed text with lines ended by "\n" and no byte order mark:
// the text the page shows line by line.

const annoContext = "http://www.w3.org/ns/anno.jsonld"

// contextRunes is how much text around the passage a TextQuoteSelector gives, as
// Hypothesis does (32 characters).
const contextRunes = 32

type annoCollection struct {
	Context string   `json:"@context"`
	ID      string   `json:"id"`
	Type    string   `json:"type"`
	Label   string   `json:"label"`
	Total   int      `json:"total"`
	First   annoPage `json:"first"`
}

type annoPage struct {
	ID         string       `json:"id"`
	Type       string       `json:"type"`
	StartIndex int          `json:"startIndex"`
	Items      []annotation `json:"items"`
}

type annotation struct {
	ID         string     `json:"id"`
	Type       string     `json:"type"`
	Motivation string     `json:"motivation"`
	Creator    annoAgent  `json:"creator"`
	Body       []annoBody `json:"body"`
	Target     annoTarget `json:"target"`
}

type annoAgent struct {
	Type string `json:"type"`
	Name string `json:"name"`
}

type annoBody struct {
	Type     string `json:"type"`
	Value    string `json:"value,omitempty"`
	Source   string `json:"source,omitempty"`
	Format   string `json:"format,omitempty"`
	Language string `json:"language,omitempty"`
	Purpose  string `json:"purpose"`
}

type annoTarget struct {
	Source   string         `json:"source"`
	Selector []annoSelector `json:"selector"`
}

type annoSelector struct {
	Type   string `json:"type"`
	Exact  string `json:"exact,omitempty"`
	Prefix string `json:"prefix,omitempty"`
	Suffix string `json:"suffix,omitempty"`
	Start  *int   `json:"start,omitempty"`
	End    *int   `json:"end,omitempty"`
}

// motivations are the Web Annotation motivations of the note kinds.
var motivations = map[string]string{
	"context":     "commenting",
	"factcheck":   "assessing",
	"correction":  "editing",
	"translation": "commenting",
	"source":      "describing",
}

func (x exporter) annotations() ([]byte, error) {
	c := x.annoCollection()
	var notes []*dossier.Note
	for _, n := range x.d.Notes {
		if n.Anchor != nil {
			notes = append(notes, n)
		}
	}
	c.Total = len(notes)
	head, err := marshal(c)
	if err != nil || len(notes) == 0 {
		return head, err
	}
	// The items are written in chunks on all cores, each item as marshal writes it at its
	// depth in the collection, and put where marshal wrote the empty list: the same bytes
	// as marshal of the whole collection (TestAnnotationsChunked), in a third of the time
	// on two cores at 10,000 articles. "items" is the last key of the last key, so the
	// empty list is where the collection ends.
	const itemsEnd = `"items": []` + "\n  }\n}\n"
	if !bytes.HasSuffix(head, []byte(itemsEnd)) {
		return nil, fmt.Errorf("annotations: the collection does not end in its items")
	}
	const per = 512
	chunks := make([][]byte, (len(notes)+per-1)/per)
	errs := make([]error, len(chunks))
	parallel.Each(len(chunks), func(k int) {
		offsets := map[*dossier.Article][]int{}
		var b []byte
		for i, n := range notes[k*per : min((k+1)*per, len(notes))] {
			a := n.Anchor.Article
			if offsets[a] == nil {
				offsets[a] = lineOffsets(a)
			}
			an, err := x.annotation(n, offsets[a])
			if err == nil {
				var item []byte
				item, err = json.MarshalIndent(an, "      ", "  ")
				if k > 0 || i > 0 {
					b = append(b, ",\n      "...)
				}
				b = append(b, item...)
			}
			if err != nil {
				errs[k] = err
				return
			}
		}
		chunks[k] = b
	})
	for _, err := range errs {
		if err != nil {
			return nil, err // the first in the notes' order, as one loop would find it
		}
	}
	out := append(head[:len(head)-len(itemsEnd)], `"items": [`+"\n      "...)
	for _, b := range chunks {
		out = append(out, b...)
	}
	return append(out, "\n    ]\n  }\n}\n"...), nil
}

// annoCollection returns the collection of annotations with no items yet.
func (x exporter) annoCollection() annoCollection {
	from := AnnotationsPath
	return annoCollection{
		Context: annoContext, ID: x.url(AnnotationsPath, from), Type: "AnnotationCollection",
		Label: x.d.Site.Title,
		First: annoPage{ID: x.url(AnnotationsPath, from) + "#page1", Type: "AnnotationPage", Items: []annotation{}},
	}
}

func (x exporter) annotation(n *dossier.Note, offsets []int) (annotation, error) {
	from := AnnotationsPath
	a := n.Anchor.Article
	line := a.Lines[n.Anchor.Line-1].Text
	start := offsets[n.Anchor.Line-1] + utf8.RuneCountInString(line[:n.Anchor.Start])
	end := start + utf8.RuneCountInString(line[n.Anchor.Start:n.Anchor.End])
	prefix, suffix := around(a, n.Anchor)
	lang := x.cfg.Words.Lang
	an := annotation{
		ID: x.url(articlePage(a.ID), from) + "#note-" + n.ID, Type: "Annotation",
		Motivation: motivations[n.Kind],
		Creator:    annoAgent{Type: "Organization", Name: x.d.Site.Title},
		Target: annoTarget{Source: x.url(articlePage(a.ID), from), Selector: []annoSelector{
			{Type: "TextQuoteSelector", Exact: line[n.Anchor.Start:n.Anchor.End], Prefix: prefix, Suffix: suffix},
			{Type: "TextPositionSelector", Start: &start, End: &end},
		}},
	}
	an.Body = append(an.Body, annoBody{Type: "TextualBody", Value: string(n.Body.Source()), Format: "text/markdown", Language: lang, Purpose: motivations[n.Kind]})
	if x.cfg.BodyHTML != nil {
		h, err := x.cfg.BodyHTML(n.Body)
		if err != nil {
			return annotation{}, err
		}
		an.Body = append(an.Body, annoBody{Type: "TextualBody", Value: h, Format: "text/html", Language: lang, Purpose: motivations[n.Kind]})
	}
	an.Body = append(an.Body, annoBody{Type: "TextualBody", Value: x.cfg.Words.NoteKinds[n.Kind], Language: lang, Purpose: "classifying"})
	for _, t := range n.Topics {
		an.Body = append(an.Body, annoBody{Type: "TextualBody", Value: t.Title, Language: lang, Purpose: "tagging"})
	}
	for _, c := range n.Actors {
		an.Body = append(an.Body, annoBody{Type: "SpecificResource", Source: x.url(actorPage(c.ID), from), Purpose: "identifying"})
		an.Body = append(an.Body, annoBody{Type: "TextualBody", Value: c.Name, Purpose: "tagging"})
	}
	return an, nil
}

// lineOffsets returns the code point offset of each line of a's seed in its text.
func lineOffsets(a *dossier.Article) []int {
	offs := make([]int, len(a.Lines))
	n := 0
	for i, l := range a.Lines {
		offs[i] = n
		n += utf8.RuneCountInString(l.Text) + 1
	}
	return offs
}

// around returns up to contextRunes code points of the seed's text before and after the
// passage of an, across line ends.
func around(a *dossier.Article, an *dossier.Anchor) (prefix, suffix string) {
	i := an.Line - 1
	before := a.Lines[i].Text[:an.Start]
	for j := i - 1; j >= 0 && utf8.RuneCountInString(before) < contextRunes; j-- {
		before = a.Lines[j].Text + "\n" + before
	}
	after := a.Lines[i].Text[an.End:]
	for j := i + 1; j < len(a.Lines) && utf8.RuneCountInString(after) < contextRunes; j++ {
		after += "\n" + a.Lines[j].Text
	}
	return lastRunes(before, contextRunes), firstRunes(after, contextRunes)
}

func lastRunes(s string, n int) string {
	for i := len(s); i > 0; {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		if n--; n == 0 {
			return s[i:]
		}
	}
	return s
}

func firstRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}
