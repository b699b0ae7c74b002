package markdown

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
)

// Citations says what a body cites, for the editorial checks of dossier check -strict.
type Citations struct {
	// External is the number of links to http(s) addresses: public sources.
	External int
	// Passages is the number of links to a line of an article (article:ID#L34).
	Passages int
	// Uncited are the runs of sentences that end a paragraph after its last link, or a
	// whole paragraph without one: claims no citation covers. A citation at the end of a
	// sentence covers that sentence and the ones before it in the same paragraph, as a
	// footnote at the end of a passage does.
	Uncited []Uncited
	// FirstLine is the 1-based line of the body's first paragraph, 1 if it has none.
	FirstLine int
}

// Uncited is a run of sentences at the end of a paragraph that no link follows.
type Uncited struct {
	Line      int    // 1-based line of the body where the run starts
	Sentence  string // the run's first sentence, shortened
	Sentences int    // how many sentences the run has
}

// linkMark stands for a link in the text of a paragraph.
const linkMark = '\x00'

// Cite reports what d cites. It parses the body if Parse did not.
func (d *Doc) Cite() Citations {
	var c Citations
	if d == nil {
		return c
	}
	src := d.source
	ast.Walk(d.tree(), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.(type) {
		case *ast.Paragraph, *ast.TextBlock:
			if c.FirstLine == 0 {
				c.FirstLine = lineOf(src, n)
			}
			c.Uncited = append(c.Uncited, uncited(&c, src, n)...)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	if c.FirstLine == 0 {
		c.FirstLine = 1
	}
	return c
}

// cites reports whether a link to dest is a citation: of a passage, an event, a note or a
// public source. A link to an actor's profile or a topic names, it does not cite.
func cites(dest string) bool {
	scheme, _, _ := strings.Cut(dest, ":")
	switch strings.ToLower(scheme) {
	case "actor", "topic":
		return false
	}
	return true
}

func countLink(c *Citations, dest string) {
	scheme, rest, _ := strings.Cut(dest, ":")
	switch strings.ToLower(scheme) {
	case "http", "https":
		c.External++
	case "article":
		if _, frag, ok := strings.Cut(rest, "#"); ok && strings.HasPrefix(frag, "L") {
			c.Passages++
		}
	}
}

// uncited returns the sentences of paragraph p after its last link, as one run, and
// counts p's links into c.
func uncited(c *Citations, src []byte, p ast.Node) []Uncited {
	var text []byte
	var starts []int  // offset in text of each piece taken from src
	var origins []int // the source offset of that piece
	ast.Walk(p, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			dest := string(n.Destination)
			countLink(c, dest)
			if !cites(dest) {
				return ast.WalkContinue, nil // a name linked to its profile: text
			}
			text = append(text, linkMark)
			return ast.WalkSkipChildren, nil
		case *ast.AutoLink:
			countLink(c, string(n.URL(src)))
			text = append(text, linkMark)
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			starts = append(starts, len(text))
			origins = append(origins, n.Segment.Start)
			text = append(text, n.Segment.Value(src)...)
			if n.SoftLineBreak() || n.HardLineBreak() {
				text = append(text, ' ')
			}
		case *ast.String:
			text = append(text, n.Value...)
		case *ast.CodeSpan:
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*ast.Text); ok {
					text = append(text, t.Segment.Value(src)...)
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	// The sentences after the last one that holds a link are the run no citation covers.
	sentences := splitSentences(text)
	first := len(sentences)
	for first > 0 && !strings.ContainsRune(sentences[first-1].text, linkMark) {
		first--
	}
	if first == len(sentences) {
		return nil
	}
	at := sentences[first].start
	line := 1
	for i := len(starts) - 1; i >= 0; i-- {
		if starts[i] <= at {
			line = 1 + bytes.Count(src[:origins[i]+at-starts[i]], []byte("\n"))
			break
		}
	}
	return []Uncited{{Line: line, Sentence: shorten(sentences[first].text), Sentences: len(sentences) - first}}
}

type sentence struct {
	start int
	text  string
}

// splitSentences splits text into sentences, leaving out what holds no letter (the full
// stop after a link, a closing parenthesis). A sentence ends at ".", "!" or "?", closing
// quotes and brackets after it included, followed by a space and a capital letter or an
// opening quote; not after a digit ("am 19. Juni") or a short abbreviation ("Z. 34",
// "z. B.", "Dr. Cha").
func splitSentences(text []byte) []sentence {
	var out []sentence
	start := 0
	add := func(end int) {
		s := strings.TrimLeftFunc(string(text[start:end]), func(r rune) bool {
			return unicode.IsSpace(r) || strings.ContainsRune(")]”“\"’»«,;:", r)
		})
		if strings.IndexFunc(s, unicode.IsLetter) >= 0 || strings.ContainsRune(s, linkMark) {
			out = append(out, sentence{end - len(s), strings.TrimSpace(s)})
		}
		start = end
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRune(text[i:])
		i += size
		if r != '.' && r != '!' && r != '?' {
			continue
		}
		if r == '.' && abbreviation(text[start:i-size]) {
			continue
		}
		j := i
		for j < len(text) {
			q, qs := utf8.DecodeRune(text[j:])
			if !strings.ContainsRune("“”\"'’»«)]", q) {
				break
			}
			j += qs
		}
		if j == len(text) {
			add(j)
			break
		}
		q, _ := utf8.DecodeRune(text[j:])
		if !unicode.IsSpace(q) {
			continue
		}
		k := j
		for k < len(text) {
			q, qs := utf8.DecodeRune(text[k:])
			if !unicode.IsSpace(q) {
				break
			}
			k += qs
		}
		if k == len(text) {
			add(k)
			break
		}
		next, _ := utf8.DecodeRune(text[k:])
		if unicode.IsUpper(next) || strings.ContainsRune("„«»\"(", next) {
			add(j)
			i = j
		}
	}
	add(len(text))
	return out
}

// abbreviation reports whether the word before a full stop at the end of before is a
// number or a short abbreviation rather than the end of a sentence.
func abbreviation(before []byte) bool {
	w := before[bytes.LastIndexFunc(before, func(r rune) bool { return unicode.IsSpace(r) || r == '(' || r == linkMark })+1:]
	if len(w) == 0 {
		return false
	}
	last, _ := utf8.DecodeLastRune(w)
	if unicode.IsDigit(last) {
		return true
	}
	switch strings.ToLower(string(w)) {
	case "z", "s", "nr", "dr", "prof", "vgl", "bzw", "ca", "etc", "u", "a", "b", "d", "h", "mio", "mrd", "st", "jh", "jr", "sen", "mr", "ms", "no", "vs", "e", "v", "chr":
		return true
	}
	return false
}

// shorten returns s cut to about 80 characters at a word boundary.
func shorten(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= 80 {
		return s
	}
	cut := 0
	for i := range s {
		if utf8.RuneCountInString(s[:i]) > 77 {
			break
		}
		if s[i] == ' ' {
			cut = i
		}
	}
	if cut == 0 {
		cut = len(s)
	}
	return s[:cut] + " …"
}
