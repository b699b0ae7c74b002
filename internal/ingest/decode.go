package ingest

import (
	"bytes"
	"fmt"
	"mime"
	"net/http"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
)

// decoded is a source's text as UTF-8 and how it was read.
type decoded struct {
	text     string
	encoding string // its name, as the WHATWG Encoding Standard has it
	note     string // what the editor should know about the choice, or ""
}

var boms = []struct {
	bom  string
	name string
	enc  encoding.Encoding
}{
	{"\xEF\xBB\xBF", "utf-8", unicode.UTF8},
	{"\xFF\xFE", "utf-16le", unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)},
	{"\xFE\xFF", "utf-16be", unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)},
}

var xmlEncoding = regexp.MustCompile(`^<\?xml[^>]*\bencoding=["']([A-Za-z0-9._:-]+)["']`)

// decodeHTML reads a web page in the encoding its byte order mark, the server's
// Content-Type, its <meta charset> or XML declaration name, in that order, as browsers do.
// Text that is valid UTF-8 and not plain ASCII is read as UTF-8 whatever a declaration
// says: a page in windows-1252 with umlauts is practically never valid UTF-8, while a
// stale declaration on a UTF-8 page is common.
func decodeHTML(data []byte, contentType string) (decoded, error) {
	if d, ok := decodeBOM(data); ok {
		return d, nil
	}
	enc, name, certain := charset.DetermineEncoding(data, contentType)
	if !certain {
		if m := xmlEncoding.FindSubmatch(data); m != nil {
			if e, err := htmlindex.Get(string(m[1])); err == nil {
				enc, name = e, string(m[1])
			}
		}
	}
	if name != "utf-8" && utf8.Valid(data) && !ascii(data) {
		return decoded{text: string(data), encoding: "utf-8",
			note: fmt.Sprintf("the page declares %s but its text is UTF-8; read as UTF-8", name)}, nil
	}
	if name == "utf-8" && !utf8.Valid(data) {
		// Declared UTF-8 but not: most often a page saved in windows-1252 with a copied
		// template's declaration.
		return decodeWith(data, charmap.Windows1252, "windows-1252",
			"the page declares UTF-8 but is not valid UTF-8; read as windows-1252")
	}
	if name == "utf-8" {
		return decoded{text: string(data), encoding: name}, nil
	}
	return decodeWith(data, enc, name, "")
}

// decodeText reads a text file: by its byte order mark, as UTF-8 if it is valid UTF-8,
// as UTF-16 if every other byte is NUL, and otherwise as windows-1252, the encoding of
// text saved on Windows in Western Europe and a superset of Latin-1.
func decodeText(data []byte, contentType string) (decoded, error) {
	if d, ok := decodeBOM(data); ok {
		return d, nil
	}
	if _, params, err := mime.ParseMediaType(contentType); err == nil && params["charset"] != "" {
		if e, name := charset.Lookup(params["charset"]); e != nil && !(name == "utf-8" && !utf8.Valid(data)) {
			return decodeWith(data, e, name, "")
		}
	}
	if utf8.Valid(data) {
		return decoded{text: string(data), encoding: "utf-8"}, nil
	}
	if e, name := utf16Guess(data); e != nil {
		return decodeWith(data, e, name, "the file has no byte order mark; read as "+name+" because every other byte is NUL")
	}
	return decodeWith(data, charmap.Windows1252, "windows-1252", "the file is not UTF-8; read as windows-1252")
}

func decodeBOM(data []byte) (decoded, bool) {
	for _, b := range boms {
		if bytes.HasPrefix(data, []byte(b.bom)) {
			d, err := decodeWith(data[len(b.bom):], b.enc, b.name, "")
			return d, err == nil
		}
	}
	return decoded{}, false
}

func decodeWith(data []byte, e encoding.Encoding, name, note string) (decoded, error) {
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return decoded{}, fmt.Errorf("cannot read the text as %s: %v", name, err)
	}
	return decoded{text: string(out), encoding: name, note: note}, nil
}

// utf16Guess recognises UTF-16 without a byte order mark by its NUL bytes: text in a
// Latin script has a NUL in every other byte.
func utf16Guess(data []byte) (encoding.Encoding, string) {
	n := min(len(data), 4096) &^ 1
	if n < 4 {
		return nil, ""
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			even++
		}
		if data[i+1] == 0 {
			odd++
		}
	}
	switch half := n / 2; {
	case odd > half*9/10 && even == 0:
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "utf-16le"
	case even > half*9/10 && odd == 0:
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "utf-16be"
	}
	return nil, ""
}

func ascii(data []byte) bool {
	for _, c := range data {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// sniff tells what data is: "html", "text", or the kind of binary file it looks like.
func sniff(data []byte) string {
	head := data[:min(len(data), 1024)]
	for _, b := range boms {
		head = bytes.TrimPrefix(head, []byte(b.bom))
	}
	if _, name := utf16Guess(head); name != "" {
		if d, err := decodeText(data[:min(len(data), 2048)&^1], ""); err == nil {
			head = []byte(d.text)
		}
	}
	t := bytes.TrimLeft(head, " \t\r\n\f")
	for bytes.HasPrefix(t, []byte("<!--")) { // "saved from url" and other comments
		end := bytes.Index(t, []byte("-->"))
		if end < 0 {
			break
		}
		t = bytes.TrimLeft(t[end+3:], " \t\r\n\f")
	}
	lower := strings.ToLower(string(t[:min(len(t), 64)]))
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<?xml", "<meta", "<title", "<article", "<div", "<p>", "<p "} {
		if strings.HasPrefix(lower, p) {
			return "html"
		}
	}
	ct := http.DetectContentType(data)
	switch {
	case strings.HasPrefix(ct, "text/html"):
		return "html"
	case strings.HasPrefix(ct, "text/"):
		return "text"
	}
	if _, name := utf16Guess(data); name != "" {
		return "text"
	}
	if bytes.IndexByte(data[:min(len(data), 8192)], 0) < 0 && !looksBinary(data) {
		return "text" // windows-1252 and other 8-bit text DetectContentType does not know
	}
	return binaryKind(ct)
}

// looksBinary reports whether data holds control characters that no text file has.
func looksBinary(data []byte) bool {
	bad := 0
	head := data[:min(len(data), 8192)]
	for _, c := range head {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' {
			bad++
		}
	}
	return bad > len(head)/100
}

func binaryKind(ct string) string {
	ct, _, _ = strings.Cut(ct, ";")
	switch ct {
	case "application/pdf":
		return "a PDF document"
	case "application/zip", "application/x-gzip":
		return "an archive (" + ct + ")"
	case "application/octet-stream":
		return "a binary file"
	}
	if kind, _, ok := strings.Cut(ct, "/"); ok && (kind == "image" || kind == "audio" || kind == "video") {
		return "a file of type " + ct
	}
	return "a binary file (" + ct + ")"
}

// cleanText makes decoded text what a seed may hold: CRLF and CR become LF, tabs and
// other white space controls a space, C1 control characters (left by windows-1252 text
// read as Latin-1) the windows-1252 characters they stand for, and other control
// characters are removed. It reports how many characters it removed or replaced.
func cleanText(s string) (string, int) {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	b.Grow(len(s))
	changed := 0
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteByte('\n')
		case r == '\r' || r == '\u2028' || r == '\u2029':
			b.WriteByte('\n')
		case r == '\t' || r == '\v' || r == '\f':
			b.WriteByte(' ')
			changed++
		case r == utf8.RuneError || r == '\uFEFF':
			changed++
		case r < 0x20 || r == 0x7F:
			changed++
		case 0x80 <= r && r <= 0x9F:
			if c := charmap.Windows1252.DecodeByte(byte(r)); c != utf8.RuneError && (c < 0x80 || c > 0x9F) {
				b.WriteRune(c)
			}
			changed++
		default:
			b.WriteRune(r)
		}
	}
	return b.String(), changed
}
