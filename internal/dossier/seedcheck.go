package dossier

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"dossier/internal/content"
	"dossier/internal/date"
	"dossier/internal/diag"
)

// The checks that guard the seeds as evidence and the articles' front matter.

// checkDigest compares the SHA-256 that the article records for its seed (written by
// `dossier import`) with the seed's: a seed is never edited, so a difference is an error.
func (r *resolver) checkDigest(a *Article, e *seedEntry) {
	want := a.Article.SHA256.ID
	if want == "" {
		return
	}
	if e.sum == "" {
		sum := sha256.Sum256([]byte(e.data))
		e.sum = hex.EncodeToString(sum[:])
	}
	if e.sum != want {
		r.errs.Errorf(a.Article.SHA256.Pos, "seeds/%s is not the text that was imported: its SHA-256 is %s, the article records %s. A seed is evidence and never edited: restore it (git checkout seeds/%s); if the source itself changed, import it again with `dossier import -update`, which keeps the old text", a.Article.Seed.ID, e.sum[:12]+"…", want[:12]+"…", a.Article.Seed.ID)
	}
}

// strictf reports a warning, or an error under -strict.
func (r *resolver) strictf(pos diag.Pos, format string, args ...any) {
	if r.cfg.Strict {
		r.errs.Errorf(pos, format, args...)
	} else {
		r.errs.Warnf(pos, format, args...)
	}
}

// seedIssue is something in a seed's text that a seed should not hold.
type seedIssue struct {
	line, col int
	msg       string
}

var (
	htmlTag   = regexp.MustCompile(`(?i)</?(?:p|div|span|br|a|b|i|em|strong|h[1-6]|li|ul|ol|img|script|style|html|head|body|meta|link|table|tr|td|figure|figcaption|article|section|header|footer|nav|iframe)(?:\s[^<>]*)?/?>|<!doctype html|&(?:nbsp|amp|quot|lt|gt|bdquo|ldquo|rdquo|auml|ouml|uuml|szlig|#\d{2,5}|#x[0-9a-f]{2,4});`)
	mojibake  = regexp.MustCompile(`Ã[\x{80}-\x{BF}\x{152}\x{153}\x{160}\x{161}\x{178}\x{17D}\x{17E}\x{192}\x{2C6}\x{2DC}\x{2013}-\x{203A}\x{20AC}\x{2122}]|â€[\x{9C}\x{9D}\x{9E}\x{93}\x{94}\x{98}\x{99}\x{A6}\x{A2}™žœ“”˜¦¢]|Â[\x{A0}-\x{BF}]`)
	c1Control = regexp.MustCompile(`[\x{80}-\x{9F}]`)
)

// lintSeed finds the first place of each kind of trouble in a seed's text: HTML tags or
// entities (a saved page put in seeds/ as it is), mojibake (UTF-8 read as windows-1252,
// or windows-1252 read as Latin-1), and control characters.
func lintSeed(data string) []seedIssue {
	var out []seedIssue
	at := func(i int) (int, int) {
		line := 1 + strings.Count(data[:i], "\n")
		col := 1 + utf8.RuneCountInString(data[strings.LastIndexByte(data[:i], '\n')+1:i])
		return line, col
	}
	if strings.ContainsAny(data, "<&") {
		if loc := htmlTag.FindStringIndex(data); loc != nil {
			l, c := at(loc[0])
			out = append(out, seedIssue{l, c, fmt.Sprintf("the seed looks like HTML (%q); a seed is the article's text: import the saved page with `dossier import FILE.html`, which extracts it", data[loc[0]:loc[1]])})
		}
	}
	if strings.Contains(data, "Ã") || strings.Contains(data, "â") || strings.Contains(data, "Â") {
		if loc := mojibake.FindStringIndex(data); loc != nil {
			l, c := at(loc[0])
			out = append(out, seedIssue{l, c, fmt.Sprintf("the seed looks garbled (%q is UTF-8 read as windows-1252); get the text again in its right encoding, e.g. with `dossier import`", data[loc[0]:loc[1]])})
		}
	}
	// One pass finds the first control character and the first C1 control (U+0080 to
	// U+009F, what c1Control matches), instead of a pass and the expression: the two
	// took a twentieth of a 10,000-article build's CPU time.
	ctrl, c1 := -1, -1
	for i, r := range data {
		if ctrl < 0 && (r < 0x20 && r != '\n' && r != '\t' && r != '\r' || r == 0x7F || r == utf8.RuneError && strings.HasPrefix(data[i:], "\uFFFD")) {
			ctrl = i
		}
		if c1 < 0 && r >= 0x80 && r <= 0x9F {
			c1 = i
		}
		if ctrl >= 0 && c1 >= 0 {
			break
		}
	}
	if ctrl >= 0 {
		r, _ := utf8.DecodeRuneInString(data[ctrl:])
		l, c := at(ctrl)
		what := fmt.Sprintf("the control character U+%04X", r)
		if r == utf8.RuneError {
			what = "U+FFFD, the mark of a character lost in a conversion"
		}
		out = append(out, seedIssue{l, c, "the seed holds " + what + "; remove it from the source and import it again"})
	}
	if c1 >= 0 {
		l, c := at(c1)
		r, _ := utf8.DecodeRuneInString(data[c1:])
		out = append(out, seedIssue{l, c, fmt.Sprintf("the seed holds the control character U+%04X, left when windows-1252 text is read as Latin-1 (it stands for a quotation mark or dash); import the text again with `dossier import`, which reads windows-1252", r)})
	}
	return out
}

func (r *resolver) reportLint(name string, issues []seedIssue) {
	for _, is := range issues {
		r.strictf(diag.Pos{File: "seeds/" + name, Line: is.line, Col: is.col}, "%s", is.msg)
	}
}

// checkUnclaimedSeeds warns of files in seeds/ that no article describes: they are
// silently left out of the site. Kept copies of updated seeds (name@date.txt) and the
// raw downloads in seeds/raw/ are no seeds of their own.
func (r *resolver) checkUnclaimedSeeds(files *seedFiles) {
	listed := files.listed
	if listed == nil {
		dir, err := fs.ReadDir(r.fsys, "seeds")
		if err != nil {
			return
		}
		for _, e := range dir {
			if !e.IsDir() {
				listed = append(listed, e.Name())
			}
		}
	}
	claimed := map[string]bool{}
	for _, a := range r.d.Articles {
		claimed[a.Article.Seed.ID] = true
	}
	for _, name := range listed {
		if claimed[name] || strings.HasPrefix(name, ".") || strings.Contains(name, "@") || !strings.HasSuffix(name, ".txt") {
			if !claimed[name] && (strings.HasSuffix(strings.ToLower(name), ".html") || strings.HasSuffix(strings.ToLower(name), ".htm")) {
				r.strictf(diag.Pos{File: "seeds/" + name}, "a saved web page in seeds/ is no seed; import it with `dossier import seeds/%s` (which writes the seed and its article), then remove it", name)
			}
			continue
		}
		if st, err := fs.Stat(r.fsys, "seeds/"+name); err != nil || st.IsDir() {
			continue
		}
		id := strings.TrimSuffix(name, path.Ext(name))
		r.strictf(diag.Pos{File: "seeds/" + name}, "no article describes this seed, so it is not in the site; create content/articles/%s.md with `seed: %s` and a title", content.Slugify(id), name)
	}
}

// placeholder matches what a template leaves for the editor to replace.
var placeholder = regexp.MustCompile(`(?i)^\s*(?:\.\.\.|…|tbd|todo|fixme|xxx|n/?a)\s*$|\b(?:todo|fixme|lorem ipsum)\b|^\s*[<\[{(]\s*(?:titel|title|autor|author|name|datum|date|verlag|publisher|quelle|text)[^>\]})]*[>\]})]\s*$`)

// bodyPlaceholders are the bodies `dossier new` writes.
var bodyPlaceholders = []string{"Text der Notiz, in Markdown.", "Profil in Markdown.", "Überblick in Markdown.", "Was geschah, in Markdown.", "Einleitung der Redaktion."}

// checkArticleFields warns of front matter an editor has yet to finish: template
// placeholders, and the fields `dossier import` asks to review.
func (r *resolver) checkArticleFields() {
	for _, a := range r.d.Articles {
		for _, f := range []struct{ key, value string }{{"title", a.Title}, {"kicker", a.Kicker}, {"publisher", a.Publisher}, {"author", a.Author}} {
			if f.value != "" && placeholder.MatchString(f.value) {
				r.strictf(a.Pos(), "%s %q is a placeholder; write the article's %s, or remove the line", f.key, f.value, f.key)
			}
		}
		if len(a.NeedsReview) > 0 {
			var what []string
			for _, n := range a.NeedsReview {
				key, _, _ := strings.Cut(n.ID, ":")
				what = append(what, key)
			}
			r.strictf(a.NeedsReview[0].Pos, "needs review: %s; check each against the source (or write it), then remove its line from `needs-review:`", strings.Join(what, ", "))
		}
		if a.Body != nil && slices.Contains(bodyPlaceholders, strings.TrimSpace(a.Body.Text())) {
			r.strictf(diag.Pos{File: a.File, Line: a.BodyLine, Col: 1}, "the introduction is still the template's; write what the piece is and how reliable its source")
		}
	}
}

// checkDuplicateEvents warns of two events on the same date whose titles are nearly the
// same: most often one event written twice.
func (r *resolver) checkDuplicateEvents() {
	for i, a := range r.d.Events {
		for _, b := range r.d.Events[i+1:] {
			if a.Date.IsZero() || date.Compare(a.Date, b.Date) != 0 || a.Date.String() != b.Date.String() {
				continue
			}
			if s := titleSimilarity(a.Title, b.Title); s >= 0.8 {
				first, second := a, b
				if second.File < first.File {
					first, second = second, first
				}
				r.errs.Warnf(second.Pos(), "likely the same event as %s (%s, %q, %.0f %% alike); merge them, or say in the titles what differs", first.File, first.Date, first.Title, 100*s)
			}
		}
	}
}

// titleSimilarity is the share of the shorter title's words that the other has too,
// on words of three letters or more but for the commonest, in lower case: "Gipfel in
// Wostotschny" is the same as "Gipfel auf dem Weltraumbahnhof Wostotschny". A title of
// one such word says too little to compare.
func titleSimilarity(a, b string) float64 {
	wa, wb := titleWords(a), titleWords(b)
	if len(wa) < 2 || len(wb) < 2 {
		return 0
	}
	common := 0
	for w := range wa {
		if wb[w] {
			common++
		}
	}
	return float64(common) / float64(min(len(wa), len(wb)))
}

// stopWords are the commonest words of German and English titles, which say nothing of
// what a title is about.
var stopWords = map[string]bool{"der": true, "die": true, "das": true, "den": true, "dem": true, "des": true,
	"und": true, "mit": true, "auf": true, "von": true, "für": true, "bei": true, "nach": true, "aus": true,
	"ein": true, "eine": true, "einen": true, "the": true, "and": true, "for": true, "with": true, "from": true}

func titleWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if utf8.RuneCountInString(w) >= 3 && !stopWords[w] {
			out[w] = true
		}
	}
	return out
}
