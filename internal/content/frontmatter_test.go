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

func TestFrontMatter(t *testing.T) {
	for _, tc := range []struct {
		data      string
		open, end int
	}{
		{"", 0, 0},
		{"---\ntitle: x\n---\nBody\n", 1, len("---\ntitle: x\n---\n")},
		{"\n\n---\na: 1\n---", 3, len("\n\n---\na: 1\n---")},
		{"---  \na: 1\n  ---\t\nBody", 1, len("---  \na: 1\n  ---\t\n")},
		{"---\na: 1\nBody without an end\n", 1, len("---\na: 1\nBody without an end\n")},
		{"Body first\n---\na: 1\n---\n", 1, len("Body first\n---\na: 1\n---\n")},
		{"---\n---\n---\n", 1, len("---\n---\n")},
	} {
		if open, end := frontMatter([]byte(tc.data)); open != tc.open || end != tc.end {
			t.Errorf("frontMatter(%q) = %d, %d, want %d, %d", tc.data, open, end, tc.open, tc.end)
		}
	}
}

// FuzzFrontMatter holds frontMatter's end to what frontmatter does: given the file only
// up to that point, it finds the same front matter, and the body is the rest of the file.
func FuzzFrontMatter(f *testing.F) {
	for _, s := range []string{"---\ntitle: x\n---\nBody\n", "\n---\na: 1\n---", "---\na\n", "x\n---\n---\n", " --- \r\na\r\n---\r\nb", "---\n\u00a0---\u2028\nb"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_, end := frontMatter(data)
		head := data[:end]
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
