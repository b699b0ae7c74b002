package tmplexec

// The escapers below give the output of html/template's escapers of the same names
// (Copyright 2011 The Go Authors; BSD-style licence, as Go's), for the content types
// that the package handles: plain values, template.HTML and template.URL. A test runs
// each against html/template itself.

import (
	"fmt"
	"html/template"
	"reflect"
	"strconv"
	"strings"
	"text/template/parse"
)

type contentType int

const (
	contentPlain contentType = iota
	contentHTML
	contentURL
)

// escaper escapes a string of a content type for one context of a page.
type escaper func(s string, ct contentType) string

var escapers = map[string]escaper{
	"_html_template_htmlescaper":   escapeHTML,
	"_html_template_attrescaper":   escapeAttr,
	"_html_template_rcdataescaper": escapeAttr, // the same for the content types handled
	"_html_template_urlfilter":     filterURL,
	"_html_template_urlnormalizer": func(s string, _ contentType) string { return processURL(s, true) },
	"_html_template_urlescaper":    func(s string, ct contentType) string { return processURL(s, ct == contentURL) },
}

// escaperOf returns the escaper a pipeline's command calls, if it is one.
func escaperOf(cmd *parse.CommandNode) (escaper, bool) {
	if len(cmd.Args) != 1 {
		return nil, false
	}
	id, ok := cmd.Args[0].(*parse.IdentifierNode)
	if !ok {
		return nil, false
	}
	e, ok := escapers[id.Ident]
	return e, ok
}

var (
	stringType = reflect.TypeFor[string]()
	intType    = reflect.TypeFor[int]()
	htmlType   = reflect.TypeFor[template.HTML]()
	urlType    = reflect.TypeFor[template.URL]()
	typedTypes = map[reflect.Type]bool{
		reflect.TypeFor[template.CSS]():      true,
		reflect.TypeFor[template.HTMLAttr](): true,
		reflect.TypeFor[template.JS]():       true,
		reflect.TypeFor[template.JSStr]():    true,
		reflect.TypeFor[template.Srcset]():   true,
	}
	stringerType = reflect.TypeFor[fmt.Stringer]()
)

// stringify is html/template's stringify of one value: its text and content type.
func stringify(v reflect.Value) (string, contentType) {
	if v.IsValid() && v.Kind() == reflect.Interface {
		v = v.Elem()
	}
	if !v.IsValid() {
		unsupported() // html/template skips an untyped nil; text/template may complain first
	}
	x := v
	for x.Kind() == reflect.Pointer && !x.IsNil() {
		x = x.Elem()
	}
	switch t := x.Type(); {
	case t == stringType:
		return x.String(), contentPlain
	case t == htmlType:
		return x.String(), contentHTML
	case t == urlType:
		return x.String(), contentURL
	case t == intType:
		return strconv.Itoa(int(x.Int())), contentPlain
	case typedTypes[t]:
		unsupported()
	}
	// fmt.Sprint of the value, or of what it points to unless a pointer along the way
	// is a Stringer or an error.
	for !v.Type().Implements(stringerType) && !v.Type().Implements(errorType) && v.Kind() == reflect.Pointer && !v.IsNil() {
		v = v.Elem()
	}
	return fmt.Sprint(v.Interface()), contentPlain
}

func escapeHTML(s string, ct contentType) string {
	if ct == contentHTML {
		return s
	}
	return replaceHTML(s)
}

func escapeAttr(s string, ct contentType) string {
	if ct == contentHTML {
		unsupported() // html/template strips the tags first
	}
	return replaceHTML(s)
}

// htmlReplacements is html/template's htmlReplacementTable. Every byte it replaces is
// ASCII, so replacing bytes is the same as html/template's replacing runes.
var htmlReplacements = [...]string{
	0:    "\uFFFD",
	'"':  "&#34;",
	'&':  "&amp;",
	'\'': "&#39;",
	'+':  "&#43;",
	'<':  "&lt;",
	'>':  "&gt;",
}

func replaceHTML(s string) string {
	var b strings.Builder
	written := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if int(c) >= len(htmlReplacements) || htmlReplacements[c] == "" {
			continue
		}
		if written == 0 {
			b.Grow(len(s) + 16)
		}
		b.WriteString(s[written:i])
		b.WriteString(htmlReplacements[c])
		written = i + 1
	}
	if written == 0 {
		return s
	}
	b.WriteString(s[written:])
	return b.String()
}

// filterURL is html/template's urlFilter: a URL with a scheme other than http, https
// and mailto becomes "#ZgotmplZ".
func filterURL(s string, ct contentType) string {
	if ct == contentURL {
		return s
	}
	if scheme, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(scheme, "/") {
		if !strings.EqualFold(scheme, "http") && !strings.EqualFold(scheme, "https") && !strings.EqualFold(scheme, "mailto") {
			return "#ZgotmplZ"
		}
	}
	return s
}

// processURL is html/template's processURLOnto: it percent-encodes what is not allowed
// in a URL; norm keeps reserved characters and valid escapes.
func processURL(s string, norm bool) string {
	var b strings.Builder
	written := 0
	for i, n := 0, len(s); i < n; i++ {
		c := s[i]
		switch c {
		case '!', '#', '$', '&', '*', '+', ',', '/', ':', ';', '=', '?', '@', '[', ']':
			if norm {
				continue
			}
		case '-', '.', '_', '~':
			continue
		case '%':
			if norm && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
				continue
			}
		default:
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				continue
			}
		}
		if written == 0 {
			b.Grow(len(s) + 16)
		}
		b.WriteString(s[written:i])
		fmt.Fprintf(&b, "%%%02x", c)
		written = i + 1
	}
	if written == 0 {
		return s
	}
	b.WriteString(s[written:])
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
