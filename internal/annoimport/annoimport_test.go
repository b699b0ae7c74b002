package annoimport

import (
	"os"
	"testing"
)

func TestParseShapes(t *testing.T) {
	w3c := `{"type":"Annotation","id":"urn:a1","motivation":"assessing",
		"body":[{"type":"TextualBody","value":"<p>x</p>","format":"text/html"},{"type":"TextualBody","value":"Text **md**","format":"text/markdown"},{"type":"TextualBody","value":"Sanktionen","purpose":"tagging"}],
		"target":{"source":"https://example.org/a","selector":[{"type":"TextPositionSelector","start":1,"end":4},{"type":"TextQuoteSelector","exact":"abc","prefix":"p","suffix":"s"}]}}`
	for _, tc := range []struct {
		name, data string
		n          int
	}{
		{"one W3C annotation", w3c, 1},
		{"a list", "[" + w3c + "," + w3c + "]", 2},
		{"a collection", `{"type":"AnnotationCollection","first":{"type":"AnnotationPage","items":[` + w3c + `]}}`, 1},
		{"a page", `{"type":"AnnotationPage","items":[` + w3c + `]}`, 1},
		{"Hypothesis rows", `{"total":1,"rows":[{"id":"h1","uri":"https://example.org/a","text":"T","tags":["t"],"target":[{"source":"https://example.org/a","selector":[{"type":"TextQuoteSelector","exact":"abc"}]}]}]}`, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			anns, err := Parse([]byte(tc.data))
			if err != nil || len(anns) != tc.n {
				t.Fatalf("Parse = %d annotations, %v; want %d", len(anns), err, tc.n)
			}
			a := anns[0]
			if a.Exact != "abc" || a.Source != "https://example.org/a" {
				t.Errorf("annotation %+v", a)
			}
			if tc.name == "one W3C annotation" && (a.Text != "Text **md**" || a.Motivation != "assessing" || len(a.Tags) != 1 || a.Prefix != "p" || a.Suffix != "s") {
				t.Errorf("W3C annotation %+v", a)
			}
		})
	}
	for _, bad := range []string{``, `{}`, `[]`, `[1,2]`, `{"rows":[{"x":1}]}`, `<html>`, `"text"`} {
		if Sniff([]byte(bad)) {
			t.Errorf("Sniff(%q) = true", bad)
		}
		if _, err := Parse([]byte(bad)); err == nil {
			t.Errorf("Parse(%q): no error", bad)
		}
	}
}

func TestNormalURL(t *testing.T) {
	for _, tc := range [][2]string{
		{"https://www.Example.org/a/b/", "http://example.org/a/b#x"},
		{"https://example.org/a?x=1", "http://example.org/a/?x=1"},
	} {
		if normalURL(tc[0]) != normalURL(tc[1]) {
			t.Errorf("normalURL(%q) = %q, normalURL(%q) = %q; want equal", tc[0], normalURL(tc[0]), tc[1], normalURL(tc[1]))
		}
	}
}

// FuzzParse: any file is read without a panic; what Parse returns, Sniff agrees with.
func FuzzParse(f *testing.F) {
	if b, err := os.ReadFile("../../cmd/dossier/testdata/hypothesis-export.json"); err == nil {
		f.Add(b)
	}
	f.Add([]byte(`{"type":"Annotation","target":{"source":"x","selector":{"type":"TextQuoteSelector","exact":"a"}},"body":"b"}`))
	f.Add([]byte(`[{"uri":"u","target":["s"]}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		anns, err := Parse(data)
		if err == nil && len(anns) == 0 {
			t.Errorf("Parse(%q): no error and no annotations", data)
		}
		Sniff(data)
	})
}
