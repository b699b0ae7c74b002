package content

import (
	"bytes"
	"testing"

	"github.com/adrg/frontmatter"
)

// splitFull is what frontmatter makes of a whole file: the front matter it hands its
// format, whether it found an end, and the body.
func splitFull(data []byte) (fm []byte, found bool, body []byte, err error) {
	format := frontmatter.NewFormat("---", "---", func(b []byte, _ any) error {
		fm, found = bytes.Clone(b), true
		return nil
	})
	var v any
	body, err = frontmatter.Parse(bytes.NewReader(data), &v, format)
	return fm, found, body, err
}

func TestFrontMatterEnd(t *testing.T) {
	for _, tc := range []struct {
		data string
		want int
	}{
		{"", 0},
		{"---\ntitle: x\n---\nBody\n", len("---\ntitle: x\n---\n")},
		{"\n\n---\na: 1\n---", len("\n\n---\na: 1\n---")},
		{"---  \na: 1\n  ---\t\nBody", len("---  \na: 1\n  ---\t\n")},
		{"---\na: 1\nBody without an end\n", len("---\na: 1\nBody without an end\n")},
		{"Body first\n---\na: 1\n---\n", len("Body first\n---\na: 1\n---\n")},
		{"---\n---\n---\n", len("---\n---\n")},
	} {
		if got := frontMatterEnd([]byte(tc.data)); got != tc.want {
			t.Errorf("frontMatterEnd(%q) = %d, want %d", tc.data, got, tc.want)
		}
	}
}

// FuzzFrontMatterEnd holds frontMatterEnd to what frontmatter does: given the file only
// up to that point, it finds the same front matter, and the body is the rest of the file.
func FuzzFrontMatterEnd(f *testing.F) {
	for _, s := range []string{"---\ntitle: x\n---\nBody\n", "\n---\na: 1\n---", "---\na\n", "x\n---\n---\n", " --- \r\na\r\n---\r\nb", "---\n\u00a0---\u2028\nb"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		head := data[:frontMatterEnd(data)]
		fm, found, body, err := splitFull(data)
		hfm, hfound, hbody, herr := splitFull(head)
		if (err == nil) != (herr == nil) || found != hfound || !bytes.Equal(fm, hfm) {
			t.Fatalf("%q: front matter %q (found %v, %v) from the file, %q (found %v, %v) from its head %q", data, fm, found, err, hfm, hfound, herr, head)
		}
		if err == nil && !bytes.Equal(body, data[len(head)-len(hbody):]) {
			t.Fatalf("%q: body %q from the file, %q from its head %q", data, body, data[len(head)-len(hbody):], head)
		}
	})
}
