// Package seed reads a raw source article into numbered lines and classifies each line as
// title, kicker, byline, subheading, paragraph, caption, gallery or boilerplate.
//
// A seed is evidence: its text is never changed, and every line keeps its 1-based number as
// its address. Classification is a heuristic; an article's content file overrides any line.
package seed

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind is what a line of a seed is.
type Kind int

const (
	Blank Kind = iota
	Title
	Kicker
	Byline
	Subheading
	Paragraph
	Caption
	Gallery
	Boilerplate
)

var kindNames = [...]string{"blank", "title", "kicker", "byline", "subheading", "paragraph", "caption", "gallery", "boilerplate"}

func (k Kind) String() string { return kindNames[k] }

// Kinds lists the kinds an editor may assign to a line, for error messages.
const Kinds = "title, kicker, byline, subheading, paragraph, caption, gallery, boilerplate"

// ParseKind returns the kind named s (as in an article's lines: map).
func ParseKind(s string) (Kind, bool) {
	for k, name := range kindNames {
		if name == s && Kind(k) != Blank {
			return Kind(k), true
		}
	}
	return 0, false
}

// IsText reports whether lines of kind k are the article's own text, which must never be
// hidden from a reader.
func (k Kind) IsText() bool { return k == Paragraph || k == Subheading || k == Title || k == Kicker }

// Line is one line of a seed.
type Line struct {
	N      int    // 1-based line number, the line's stable address
	Text   string // the line as the seed has it, without the line break
	Kind   Kind
	Reason string // why the line has its kind, for `dossier check -v`
}

// Seed is a parsed source article.
type Seed struct {
	Name  string
	Lines []Line // Lines[i].N == i+1
}

// Line returns the line numbered n, or nil if there is none.
func (s *Seed) Line(n int) *Line {
	if n < 1 || n > len(s.Lines) {
		return nil
	}
	return &s.Lines[n-1]
}

// Error is a problem with a seed file at a line.
type Error struct {
	Line int
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

// MaxSize is the largest seed accepted, in bytes. A news article is rarely above 100 kB;
// a seed a hundred times larger is most likely the wrong file, and would make pages of
// many megabytes (a 10 MB seed builds in a few seconds).
const MaxSize = 10 << 20

// Parse splits data into lines and classifies them. A byte order mark and CRLF line endings
// are accepted; text that is not UTF-8, NUL bytes, carriage returns inside a line and more
// than MaxSize bytes are errors naming the first bad line.
func Parse(name string, data []byte) (*Seed, error) {
	if len(data) > MaxSize {
		return nil, tooLarge()
	}
	return ParseString(name, string(data))
}

// ParseString is Parse for a seed read into a string; the lines' texts are parts of it.
func ParseString(name, data string) (*Seed, error) {
	if len(data) > MaxSize {
		return nil, tooLarge()
	}
	data = strings.TrimPrefix(data, "\uFEFF")
	if strings.TrimSpace(data) == "" {
		return nil, &Error{1, "the seed is empty; put the article's text in it, one paragraph per line"}
	}
	data = strings.TrimSuffix(data, "\n")
	s := &Seed{Name: name, Lines: make([]Line, strings.Count(data, "\n")+1)}
	for i := range s.Lines {
		text, rest, _ := strings.Cut(data, "\n")
		data = rest
		text = strings.TrimRight(text, "\r")
		switch {
		case !utf8.ValidString(text):
			return nil, &Error{i + 1, "the text is not valid UTF-8 (is it Latin-1 or UTF-16?); convert the file, e.g. with `iconv -f latin1 -t utf-8`"}
		case strings.ContainsRune(text, 0):
			return nil, &Error{i + 1, "the line holds a NUL byte; a seed is plain text, one paragraph per line: is it the right file?"}
		case strings.ContainsRune(text, '\r'):
			return nil, &Error{i + 1, "the line holds a carriage return (CR): the file has old Mac line endings or stray CRs; convert it to LF line endings, e.g. with `tr '\\r' '\\n'`"}
		}
		s.Lines[i] = Line{N: i + 1, Text: text}
	}
	classify(s.Lines)
	return s, nil
}

func tooLarge() error {
	return &Error{1, fmt.Sprintf("the seed is larger than %d MB; a news article is rarely above 100 kB: is it the right file?", MaxSize>>20)}
}

// boilerplate lists the beginnings of lines that belong to a web page, not to its article,
// in German and English. Each is a whole word or phrase: "Teilen" is not "Teilnehmer".
var boilerplate = []string{
	"Ihr Browser ist veraltet", "Zum Hauptinhalt springen", "Siehe auch", "Jetzt abonnieren",
	"Schaltfläche", "Ähnliche Artikel", "schließen", "Rubriklistenbild", "ARCHIVBILD",
	"Liveblog", "Das Aktuellste zum", "Aktuelle Meldungen zu", "Mehr zum Thema", "Lesen Sie auch",
	"Zur Startseite", "Teilen", "Kommentare", "Anzeige", "Werbung", "Weiterlesen", "Auch interessant",
	"Das könnte Sie auch interessieren", "Zum Newsletter", "Newsletter abonnieren", "Artikel teilen",
	"Advertisement", "ADVERTISEMENT", "Skip to main content", "Skip to content", "Sign up for", "Sign in",
	"Subscribe", "Read more", "Read next", "Related:", "Related Coverage", "Related articles", "Share this",
	"Share on", "Our Standards", "Most Read", "Most Popular", "Recommended", "Follow us", "Click here",
	"Accept all", "Cookie", "Cookies",
}

// classify assigns every line its kind, in one pass over the seed plus a look at its shape.
func classify(lines []Line) {
	blank := 0
	for i := range lines {
		lines[i].Kind, lines[i].Reason = Paragraph, "text"
		if strings.TrimSpace(lines[i].Text) == "" {
			lines[i].Kind, lines[i].Reason = Blank, "empty"
			blank++
		}
	}
	// A seed that separates paragraphs by empty lines shows a photo gallery as a run of
	// lines without them: caption, text, caption, text.
	spaced := blank >= 5
	seenTitle, seenText, titleDone := false, false, false
	for i := range lines {
		l := &lines[i]
		if l.Kind == Blank {
			continue
		}
		t := strings.TrimSpace(l.Text)
		switch {
		case isBoilerplate(t):
			l.Kind, l.Reason = Boilerplate, "web page furniture: "+shorten(t, 40)
		case isByline(t):
			l.Kind, l.Reason = Byline, "author line"
		case credit(t) != "":
			l.Kind, l.Reason = Byline, "credit line: "+credit(t)
		case dateline(t) != "":
			l.Kind, l.Reason = Byline, "date line: "+dateline(t)
		case isWireDateline(t):
			l.Kind, l.Reason = Byline, "wire dateline standing alone"
		case isBio(t):
			l.Kind, l.Reason = Boilerplate, "author biography"
			if !longer(t, 99) {
				l.Kind, l.Reason = Byline, "short note on the author"
			}
		case isCaption(t) != "":
			l.Kind, l.Reason = Caption, "photo credit or caption: "+isCaption(t)
		case spaced && inRun(lines, i, 6):
			l.Kind, l.Reason = Gallery, "part of a run of lines without paragraph breaks"
		case !seenText && !titleDone && titleLike(t):
			// Heading-like lines before the first paragraph: the last is the title, any
			// before it kickers.
			l.Kind, l.Reason = Title, "heading-like line before the text"
			for j := i - 1; j >= 0; j-- {
				if lines[j].Kind == Title {
					lines[j].Kind, lines[j].Reason = Kicker, "short line before the title"
					break
				}
			}
			seenTitle = true
		case headingLike(t, 100) && (seenTitle || seenText):
			l.Kind, l.Reason = Subheading, "short line without final punctuation"
		case hasWirePrefix(t):
			l.Reason = "text after a wire dateline"
		}
		if l.Kind == Paragraph || l.Kind == Subheading || l.Kind == Gallery {
			seenText = true
		}
		// Kicker and title stand together; anything between ends the headline.
		titleDone = titleDone || (seenTitle && l.Kind != Title)
	}
}

func isBoilerplate(t string) bool {
	if t == "-" || t == "•" {
		return true
	}
	for _, p := range boilerplate {
		if rest, ok := strings.CutPrefix(t, p); ok && (len(t) < 200 || p == "Ihr Browser ist veraltet") {
			if r, _ := utf8.DecodeRuneInString(rest); rest == "" || !unicode.IsLetter(r) || p == "Liveblog" || p == "schließen" {
				return true
			}
		}
	}
	return false
}

func isByline(t string) bool {
	if strings.HasPrefix(t, "•") {
		return true
	}
	rest, ok := strings.CutPrefix(t, "Von")
	if !ok {
		rest, ok = strings.CutPrefix(t, "By ")
		if !ok {
			rest, ok = strings.CutPrefix(t, "BY ")
		}
	}
	if !ok || longer(t, 80) {
		return false
	}
	rest = strings.TrimPrefix(rest, " ")
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsUpper(r) && !strings.ContainsAny(rest, "!?") && !strings.Contains(rest, ". ") && !strings.HasSuffix(rest, ".")
}

// credits are the beginnings of the lines that credit the reporting: a wire story's
// sign-off, a German "Mitarbeit:".
var credits = []string{"Reporting by", "Additional reporting by", "Writing by", "Editing by", "Compiled by",
	"Reported by", "Mitarbeit:", "Mit Material von", "Mit Agenturmaterial", "Text:", "Recherche:"}

func credit(t string) string {
	if longer(t, 300) {
		return ""
	}
	for _, c := range credits {
		if strings.HasPrefix(t, c) {
			return "starts with " + strconvQuote(c)
		}
	}
	return ""
}

// datelines are the beginnings of the lines that say when a piece was published or
// changed, followed by a date or time.
var datelines = []string{"Published", "Updated", "Last updated", "First published", "Posted", "Veröffentlicht",
	"Aktualisiert", "Zuletzt aktualisiert", "Erstellt", "Stand:", "Datum:"}

func dateline(t string) string {
	if longer(t, 100) {
		return ""
	}
	for _, d := range datelines {
		rest, ok := strings.CutPrefix(t, d)
		if !ok {
			continue
		}
		rest = strings.TrimLeft(rest, " :")
		for _, w := range []string{"am ", "on ", "at ", "um "} {
			rest = strings.TrimPrefix(rest, w)
		}
		r, _ := utf8.DecodeRuneInString(rest)
		if unicode.IsDigit(r) || startsWithMonth(rest) {
			return "starts with " + strconvQuote(d) + " and a date"
		}
	}
	return ""
}

var monthNames = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September",
	"October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
	"Januar", "Februar", "März", "Juni", "Juli", "Oktober", "Dezember", "Montag", "Dienstag", "Mittwoch", "Donnerstag",
	"Freitag", "Samstag", "Sonntag", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}

func startsWithMonth(s string) bool {
	for _, m := range monthNames {
		if rest, ok := strings.CutPrefix(s, m); ok {
			if r, _ := utf8.DecodeRuneInString(rest); !unicode.IsLetter(r) {
				return true
			}
		}
	}
	return false
}

// A wire story begins with where it was filed and by which agency: "SEOUL, Feb 8
// (Reuters) - …". Alone on a line, that is a dateline; before text, the text's start.
var (
	wireDateline = regexp.MustCompile(`^(?:[\p{Lu}][\p{Lu}\p{L}\p{N} .,'/-]*\s)?\((?:Reuters|AP|AFP|dpa|Bloomberg|KCNA|Yonhap|UPI|Xinhua|TASS|epd|KNA|APA|SDA)\)\s*[-–—]?$`)
	wirePrefix   = regexp.MustCompile(`^(?:[\p{Lu}][\p{Lu}\p{L}\p{N} .,'/-]*\s)?\([A-Z][A-Za-z. ]{1,30}\)\s*[-–—]\s+\S`)
)

// isWireDateline and hasWirePrefix match wireDateline and wirePrefix. Both need an
// opening parenthesis, which few lines have, so they ask for one before running the
// expression: the two expressions took a tenth of a 10,000-article build's CPU time.
func isWireDateline(t string) bool {
	return strings.IndexByte(t, '(') >= 0 && wireDateline.MatchString(t)
}

func hasWirePrefix(t string) bool {
	return strings.IndexByte(t, '(') >= 0 && wirePrefix.MatchString(t)
}

// isBio reports whether t reads like a note about the author: "Anna Muster ist Journalistin …".
func isBio(t string) bool {
	first, rest := nextField(t)
	second, rest := nextField(rest)
	third, rest := nextField(rest)
	if third != "ist" && third != "is" || !isName(first) || !isName(second) {
		return false
	}
	if fourth, _ := nextField(rest); fourth == "" {
		return false
	}
	for _, w := range []string{"Journalist", "journalist", "Korrespondent", "korrespondent", "Redakteur", "Autor",
		"correspondent", "reporter", "editor", "columnist", "writer"} {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// nextField returns the first word of s, as strings.Fields splits it, and what follows.
func nextField(s string) (word, rest string) {
	start := -1
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if space := r < utf8.RuneSelf && asciiSpace[r] || r >= utf8.RuneSelf && unicode.IsSpace(r); space && start >= 0 {
			return s[start:i], s[i:]
		} else if !space && start < 0 {
			start = i
		}
		i += size
	}
	if start < 0 {
		return "", ""
	}
	return s[start:], ""
}

// asciiSpace holds the ASCII characters that unicode.IsSpace reports.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

func isName(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// agencies are the photo agencies whose captions are left in texts: "epa10926878 A handout …".
var agencies = []string{"epa", "EPA", "dpa", "AFP", "Reuters"}

// captionMarks are what a photo's caption or credit holds, in German and English.
var captionMarks = []string{"©", "Foto:", "Fotos:", "Photo:", "Photos:", "Photograph:", "Picture:", "Credit:",
	"Bildquelle:", "(Photo by", "Getty Images", "AP Photo", "REUTERS/", "Reuters/", "picture alliance", "IMAGO"}

// isCaption tells why t is a photo's caption or credit, or "".
func isCaption(t string) string {
	if isAgencyCaption(t) {
		return "starts with an agency's picture number"
	}
	if longer(t, 300) {
		return ""
	}
	for _, m := range captionMarks {
		if strings.Contains(t, m) {
			return "holds " + strconvQuote(m)
		}
	}
	for _, p := range []string{"Bild:", "Image:", "Grafik:", "Graphic:"} {
		if strings.HasPrefix(t, p) {
			return "starts with " + strconvQuote(p)
		}
	}
	return ""
}

func strconvQuote(s string) string { return "\u201c" + s + "\u201d" }

// isAgencyCaption reports whether t starts with an agency's name, five digits or more
// and a space.
func isAgencyCaption(t string) bool {
	for _, a := range agencies {
		if rest, ok := strings.CutPrefix(t, a); ok {
			digits := len(rest) - len(strings.TrimLeft(rest, "0123456789"))
			return digits >= 5 && digits < len(rest) && rest[digits] == ' '
		}
	}
	return false
}

// inRun reports whether line i belongs to at least min consecutive non-blank lines.
func inRun(lines []Line, i, min int) bool {
	lo, hi := i, i
	for lo > 0 && lines[lo-1].Kind != Blank {
		lo--
	}
	for hi < len(lines)-1 && lines[hi+1].Kind != Blank {
		hi++
	}
	return hi-lo+1 >= min
}

// titleLike reports whether t may be a headline: short, and ending like a heading or a
// question, not like a sentence.
func titleLike(t string) bool {
	r, _ := utf8.DecodeLastRuneInString(t)
	return !longer(t, 160) && !strings.ContainsRune(".:,;", r)
}

// headingLike reports whether t is short and does not end like a sentence.
func headingLike(t string, max int) bool {
	if longer(t, max) {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	return !strings.ContainsRune(".:,;!?", r)
}

// longer reports whether s has more than n characters, without counting all of a long
// paragraph's: a character has at most four bytes.
func longer(s string, n int) bool {
	return len(s) > 4*n || len(s) > n && utf8.RuneCountInString(s) > n
}

func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}
