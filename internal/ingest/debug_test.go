package ingest

import (
	"fmt"
	"os"
	"testing"
)

func TestDebug(t *testing.T) {
	for _, f := range []string{"cms-jsonld.html", "xhtml-1252.html", "wire-en.html"} {
		data, _ := os.ReadFile("testdata/" + f)
		d, err := decodeHTML(data, "")
		if err != nil {
			t.Fatal(err)
		}
		a, err := extractHTML(d.text, nil)
		fmt.Println("#####", f, d.encoding, d.note, err)
		if a == nil {
			continue
		}
		fmt.Printf("%+v\n", a.Meta)
		for _, b := range a.Blocks {
			fmt.Printf("%-10s %s\n", b.Kind, b.Text)
		}
		fmt.Println(a.Notes)
	}
}
