// Package ingest turns a saved web page, a web address or a text file into a seed (the
// article's text, verbatim) and the article file that describes it, for `dossier import`.
//
// A page's main text is found with go-trafilatura; its metadata is read from JSON-LD,
// Open Graph and <meta> tags. The seed is UTF-8 with LF line endings, a block per
// paragraph: kicker, title, then the body's paragraphs and subheadings in order. The
// article file records where the text came from (url, retrieved), its SHA-256, and in
// needs-review what the importer guessed rather than read.
package ingest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"dossier/internal/content"
	"dossier/internal/locale"
	"dossier/internal/seed"
)

// Config says what to import and where to.
type Config struct {
	Root     string // the dossier's folder, holding seeds/ and content/
	ID       string // the article's id; if empty, made from the publisher and the date
	Language string // the seed's language, overriding what the page says
	Update   bool   // replace the seed of a source whose text changed, keeping the old one
	Now      func() time.Time
	Client   *http.Client // for web addresses; nil means NewClient()
}

// Report is what an import did.
type Report struct {
	ID        string
	Seed      string   // the seed's path, relative to Root
	Article   string   // the article file's path, relative to Root
	Wrote     []string // the files written, relative to Root
	Unchanged bool     // the source was imported before and its text is the same
	Updated   string   // the path the old seed was kept at, if the import replaced one
	Notes     []string // what the editor should know and check
}

// source is what was read, before extraction.
type source struct {
	name        string // as given
	data        []byte
	contentType string   // the server's, for a download
	url         *url.URL // where it was downloaded from, after redirects
	modTime     time.Time
}

// Import reads src (a file or an http(s) address) and writes its seed and article file
// under cfg.Root. Nothing is written if anything is wrong.
func Import(ctx context.Context, cfg Config, src string) (*Report, error) {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Client == nil {
		cfg.Client = NewClient()
	}
	if cfg.ID != "" && !content.ValidSlug(cfg.ID) {
		return nil, fmt.Errorf("-id %q is not a valid id: use lowercase letters, digits and hyphens, like %q", cfg.ID, content.Slugify(cfg.ID))
	}
	if cfg.Language != "" {
		if _, ok := locale.Lookup(cfg.Language); !ok {
			return nil, fmt.Errorf("-language: %s", locale.Builtin.Unknown(cfg.Language))
		}
	}
	for _, dir := range []string{"content", "seeds"} {
		if st, err := os.Stat(filepath.Join(cfg.Root, dir)); err != nil || !st.IsDir() {
			return nil, fmt.Errorf("%s holds no %s/ folder; run dossier in the dossier's folder or pass -src", cfg.Root, dir)
		}
	}
	s, err := read(ctx, cfg, src)
	if err != nil {
		return nil, err
	}
	now := cfg.Now().UTC().Truncate(time.Second)
	a, kind, err := extract(s)
	if err != nil {
		return nil, err
	}
	rep := &Report{Notes: a.Notes}
	text := seedText(a, kind == "text")
	if _, err := seed.ParseString("", text); err != nil {
		return nil, fmt.Errorf("%s: the extracted text is no seed: %v", src, err)
	}
	sum := sha256.Sum256([]byte(text))
	digest := hex.EncodeToString(sum[:])

	m := &a.Meta
	if s.url != nil {
		if m.URL.Text == "" || !strings.HasPrefix(m.URL.Text, "http") {
			m.URL = Value{Text: s.url.String(), Source: "the address it was downloaded from"}
		}
	}
	if m.URL.Text != "" {
		if u, err := url.Parse(m.URL.Text); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			m.URL = Value{}
		} else if s.url != nil && !u.IsAbs() {
			m.URL.Text = s.url.ResolveReference(u).String()
		}
	}
	published := ""
	if m.Published.Text != "" {
		if d, ok := pubDate(m.Published.Text); ok {
			published = d
		} else {
			rep.Notes = append(rep.Notes, fmt.Sprintf("published: the page says %q (%s), which is no date I can read; write it by hand", m.Published.Text, m.Published.Source))
		}
	}
	lang := languageOf(cfg.Language, m.Language, rep)
	retrieved := now
	if s.url == nil && !s.modTime.IsZero() {
		retrieved = s.modTime.UTC().Truncate(time.Second)
	}

	existing, err := findExisting(cfg.Root, digest, m.URL.Text, cfg.ID)
	if err != nil {
		return nil, err
	}
	if existing != nil {
		return reimport(cfg, existing, text, digest, retrieved, s, rep)
	}

	id := cfg.ID
	if id == "" {
		id = makeID(m, published, retrieved)
	}
	rep.ID = id
	rep.Seed = path.Join("seeds", id+".txt")
	rep.Article = path.Join("content", "articles", id+".md")
	for _, p := range []string{rep.Seed, rep.Article} {
		if _, err := os.Lstat(filepath.Join(cfg.Root, filepath.FromSlash(p))); err == nil {
			return nil, fmt.Errorf("%s already exists; give the new article another id with -id", p)
		}
	}
	var review []string
	for _, f := range []struct {
		key string
		v   Value
	}{{"title", m.Title}, {"kicker", m.Kicker}, {"publisher", m.Publisher}, {"author", m.Author}, {"published", m.Published}, {"language", m.Language}, {"url", m.URL}} {
		if f.v.Guess != "" && f.v.Text != "" {
			review = append(review, f.key+": "+f.v.Guess)
		}
	}
	if m.Title.Text == "" {
		review = append(review, "title: the page names no headline; write one")
	}
	for _, key := range []string{"author", "published", "publisher"} {
		if (key == "author" && m.Author.Text == "") || (key == "published" && published == "") || (key == "publisher" && m.Publisher.Text == "") {
			rep.Notes = append(rep.Notes, key+": not found in the page; add it by hand if known")
		}
	}
	review = append(review, "body: write the editors' introduction below the front matter (what the piece is, how reliable the source)")
	var lines []lineKind
	if kind == "html" {
		lines = overrides(a.Blocks, text)
	}
	article := articleFile(articleFields{
		seed: path.Base(rep.Seed), title: m.Title.Text, kicker: m.Kicker.Text, publisher: m.Publisher.Text,
		author: m.Author.Text, published: published, language: lang, url: m.URL.Text,
		retrieved: retrieved, sha256: digest, review: review, lines: lines,
	})
	files := []outFile{{rep.Seed, []byte(text)}, {rep.Article, []byte(article)}}
	if s.url != nil {
		ext := ".html"
		if kind == "text" {
			ext = ".txt"
		}
		files = append(files, outFile{path.Join("seeds", "raw", id+ext), s.data})
	}
	if err := writeAll(cfg.Root, files); err != nil {
		return nil, err
	}
	for _, f := range files {
		rep.Wrote = append(rep.Wrote, f.path)
	}
	return rep, nil
}

// read reads the source: a download for an address, else a file.
func read(ctx context.Context, cfg Config, src string) (*source, error) {
	if strings.Contains(src, "://") || strings.HasPrefix(strings.ToLower(src), "javascript:") || strings.HasPrefix(strings.ToLower(src), "data:") {
		u, err := parseWebURL(src)
		if err != nil {
			return nil, err
		}
		f, err := fetch(ctx, cfg.Client, u)
		if err != nil {
			return nil, err
		}
		return &source{name: src, data: f.body, contentType: f.contentType, url: f.url}, nil
	}
	st, err := os.Stat(src)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s does not exist; give a saved page, a text file or an http(s) address", src)
		}
		return nil, err
	}
	if st.IsDir() {
		return nil, fmt.Errorf("%s is a folder; give the saved page's .html file (the folder of its images is not needed)", src)
	}
	if st.Size() > MaxSource {
		return nil, tooLarge(src, st.Size())
	}
	data, err := os.ReadFile(src)
	if err != nil {
		return nil, err
	}
	return &source{name: src, data: data, modTime: st.ModTime()}, nil
}

// extract finds the article in s; kind is "html" or "text".
func extract(s *source) (*Article, string, error) {
	if len(bytes.TrimSpace(s.data)) == 0 {
		return nil, "", fmt.Errorf("%s is empty", s.name)
	}
	kind := sniff(s.data)
	if s.contentType != "" {
		if mt, _, _ := strings.Cut(s.contentType, ";"); strings.TrimSpace(mt) == "text/plain" && kind == "html" {
			kind = "html" // a server that does not know better; the text shows it is a page
		}
	}
	declaredHTML := strings.HasSuffix(strings.ToLower(s.name), ".html") || strings.HasSuffix(strings.ToLower(s.name), ".htm") || strings.HasSuffix(strings.ToLower(s.name), ".xhtml")
	var notes []string
	switch kind {
	case "html":
	case "text":
		if declaredHTML {
			return nil, "", fmt.Errorf("%s is named like a web page but holds no HTML; is it the right file?", s.name)
		}
	default:
		return nil, "", fmt.Errorf("%s is %s, not a web page or text; save the article as a page (.html) or its text (.txt)", s.name, kind)
	}
	var d decoded
	var err error
	if kind == "html" {
		d, err = decodeHTML(s.data, s.contentType)
	} else {
		d, err = decodeText(s.data, s.contentType)
	}
	if err != nil {
		return nil, "", fmt.Errorf("%s: %v", s.name, err)
	}
	if d.note != "" {
		notes = append(notes, d.note)
	}
	text, changed := cleanText(d.text)
	if changed > 0 {
		notes = append(notes, fmt.Sprintf("%d control characters removed or replaced", changed))
	}
	var a *Article
	if kind == "html" {
		a, err = extractHTML(text, s.url)
	} else {
		a, err = textArticle(text)
	}
	if errors.Is(err, ErrNoArticle) {
		return nil, "", fmt.Errorf("%s: no article text found (less than %d characters of paragraphs); is it an article's page, or one that shows its text only with JavaScript or after a login? Save the page once it shows the article, or copy the text into a .txt file", s.name, minArticle)
	}
	if err != nil {
		return nil, "", fmt.Errorf("%s: %v", s.name, err)
	}
	if d.encoding != "utf-8" && d.note == "" {
		notes = append(notes, "read as "+d.encoding+", as the page declares")
	}
	a.Notes = append(notes, a.Notes...)
	return a, kind, nil
}

// languageOf returns the seed's language code: the flag's, else the page's if the tool
// has a locale for it.
func languageOf(flag string, v Value, rep *Report) string {
	if flag != "" {
		return flag
	}
	if v.Text == "" {
		rep.Notes = append(rep.Notes, "language: the page states none; the dossier's language applies (set -language to say otherwise)")
		return ""
	}
	code := strings.ToLower(v.Text)
	code, _, _ = strings.Cut(strings.ReplaceAll(code, "_", "-"), "-")
	if _, ok := locale.Lookup(code); !ok {
		rep.Notes = append(rep.Notes, fmt.Sprintf("language: the page is in %q (%s), for which there is no locale (%s); the dossier's language applies", v.Text, v.Source, strings.Join(locale.Codes(), ", ")))
		return ""
	}
	return code
}

// makeID makes an article's id from its publisher and date, as
// "frankfurter-rundschau-2024-06-19"; without a publisher, from the host name.
func makeID(m *Meta, published string, retrieved time.Time) string {
	who := m.Publisher.Text
	if who == "" && m.URL.Text != "" {
		if u, err := url.Parse(m.URL.Text); err == nil {
			who = strings.TrimPrefix(u.Hostname(), "www.")
		}
	}
	if who == "" {
		who = firstWords(m.Title.Text, 5)
	}
	when := published
	if when == "" {
		when = retrieved.Format("2006-01-02")
	}
	s := content.Slugify(who)
	for len(s) > 40 {
		i := strings.LastIndexByte(s, '-')
		if i < 0 {
			s = s[:40]
			break
		}
		s = s[:i]
	}
	if s == "" {
		s = "artikel"
	}
	return s + "-" + when
}

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	return strings.Join(f[:min(n, len(f))], " ")
}

// lineKind is an entry of the article file's lines: the seed's classifier would read
// that line otherwise than the page marks it.
type lineKind struct {
	line int
	kind seed.Kind
}

// overrides returns the lines whose kind the page states (kicker, title, subheading,
// paragraph) but the seed's classifier would guess otherwise.
func overrides(blocks []Block, text string) []lineKind {
	s, err := seed.ParseString("", text)
	if err != nil {
		return nil
	}
	var out []lineKind
	n := 0
	for _, l := range s.Lines {
		if l.Kind == seed.Blank {
			continue
		}
		if n >= len(blocks) {
			break
		}
		// A paragraph the classifier calls a byline, caption or boilerplate is left to it:
		// it knows those lines, the page's markup does not mark them.
		if want := blocks[n].Kind; want != l.Kind && (want != seed.Paragraph || l.Kind.IsText()) {
			out = append(out, lineKind{l.N, want})
		}
		n++
	}
	return out
}

// outFile is a file an import writes.
type outFile struct {
	path string // relative to the root, with slashes
	data []byte
}

// writeAll writes files under root, creating each anew: none may exist. If one cannot be
// written, those written before are removed, so that nothing is half imported.
func writeAll(root string, files []outFile) error {
	r, err := os.OpenRoot(root)
	if err != nil {
		return err
	}
	defer r.Close()
	var done []string
	undo := func() {
		for _, p := range slices.Backward(done) {
			r.Remove(p)
		}
	}
	for _, f := range files {
		p := filepath.FromSlash(f.path)
		if err := r.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			undo()
			return err
		}
		if err := writeNew(r, p, f.data); err != nil {
			undo()
			return err
		}
		done = append(done, p)
	}
	return nil
}

func writeNew(r *os.Root, p string, data []byte) error {
	w, err := r.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s already exists; give the new article another id with -id", filepath.ToSlash(p))
		}
		return err
	}
	if _, err := w.Write(data); err != nil {
		w.Close()
		r.Remove(p)
		return err
	}
	if err := w.Close(); err != nil {
		r.Remove(p)
		return err
	}
	return nil
}
