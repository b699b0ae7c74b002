package ingest

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"dossier/internal/seed"
)

// textArticle takes a text file as it is, line by line: it is the seed. The title,
// kicker and author are guessed from the lines the seed's classifier calls so.
func textArticle(text string) (*Article, error) {
	text = strings.TrimRight(text, " \n")
	text = strings.TrimLeft(text, "\n")
	if strings.TrimSpace(text) == "" {
		return nil, ErrNoArticle
	}
	s, err := seed.ParseString("", text+"\n")
	if err != nil {
		return nil, err
	}
	a := &Article{}
	n := 0
	for _, l := range s.Lines {
		t := strings.TrimSpace(l.Text)
		switch l.Kind {
		case seed.Title:
			a.Meta.Title.set(t, fmt.Sprintf("line %d", l.N), fmt.Sprintf("line %d of the text, which reads like a headline", l.N))
		case seed.Kicker:
			a.Meta.Kicker.set(t, fmt.Sprintf("line %d", l.N), fmt.Sprintf("line %d of the text, the short line above the headline", l.N))
		case seed.Byline:
			if strings.HasPrefix(t, "Von ") || strings.HasPrefix(t, "By ") {
				a.Meta.Author.set(trimByline(t), fmt.Sprintf("line %d", l.N), fmt.Sprintf("taken from the byline %q on line %d", t, l.N))
			}
		case seed.Paragraph:
			n += len([]rune(t))
		}
		a.Blocks = append(a.Blocks, Block{l.Kind, l.Text})
	}
	if n < minArticle/2 {
		return nil, ErrNoArticle
	}
	return a, nil
}

// seedText returns the seed made of blocks: each block a line, blank lines between.
// A text file's blocks are its lines, kept as they are.
func seedText(a *Article, fromText bool) string {
	var b strings.Builder
	for i, bl := range a.Blocks {
		if i > 0 && !fromText {
			b.WriteString("\n")
		}
		b.WriteString(bl.Text)
		b.WriteString("\n")
	}
	return b.String()
}

var isoDate = regexp.MustCompile(`^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|[T ])`)
var germanDate = regexp.MustCompile(`^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b`)

// months are the names of the months in English and German, and their abbreviations.
var months = func() map[string]int {
	m := map[string]int{}
	for i, names := range [][]string{
		{"january", "jan", "januar", "jänner"}, {"february", "feb", "februar"}, {"march", "mar", "märz", "maerz"},
		{"april", "apr"}, {"may", "mai"}, {"june", "jun", "juni"}, {"july", "jul", "juli"}, {"august", "aug"},
		{"september", "sep", "sept"}, {"october", "oct", "oktober", "okt"}, {"november", "nov"}, {"december", "dec", "dezember", "dez"},
	} {
		for _, n := range names {
			m[n] = i + 1
		}
	}
	return m
}()

var wordDate = regexp.MustCompile(`(?i)^(?:([a-zäö]+)\.?\s+(\d{1,2}),?\s+(\d{4})|(\d{1,2})\.?\s+([a-zäö]+)\.?\s+(\d{4}))\b`)

// pubDate returns the day (or month, or year) a date or timestamp of a page names, at
// the precision it has: "2024-03-05T17:42:00+01:00" is 2024-03-05, the day where it was
// published, not in UTC.
func pubDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if m := isoDate.FindStringSubmatch(s); m != nil {
		out := m[1]
		if m[2] != "" {
			out += "-" + m[2]
		}
		if m[3] != "" {
			out += "-" + m[3]
		}
		return out, validDate(out)
	}
	if m := germanDate.FindStringSubmatch(s); m != nil {
		out := fmt.Sprintf("%s-%02d-%02d", m[3], atoi(m[2]), atoi(m[1]))
		return out, validDate(out)
	}
	if m := wordDate.FindStringSubmatch(s); m != nil {
		month, day, year := m[1], m[2], m[3]
		if month == "" {
			month, day, year = m[5], m[4], m[6]
		}
		if mo, ok := months[strings.ToLower(month)]; ok {
			out := fmt.Sprintf("%s-%02d-%02d", year, mo, atoi(day))
			return out, validDate(out)
		}
	}
	return "", false
}

func validDate(s string) bool {
	layout := map[int]string{4: "2006", 7: "2006-01", 10: "2006-01-02"}[len(s)]
	if layout == "" {
		return false
	}
	_, err := time.Parse(layout, s)
	return err == nil
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = 10*n + int(c-'0')
	}
	return n
}
