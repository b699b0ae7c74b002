package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"dossier/internal/content"
)

// findExisting returns the article that has already imported the source: the one whose
// seed has the digest, or that has the source's address u, or the id the import was asked
// to give. A second import of any is no new article.
func findExisting(root, digest, u, id string) (*content.Article, error) {
	r, err := os.OpenRoot(root)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	c, _ := content.Load(r.FS(), content.Config{Drafts: true})
	for _, a := range c.Articles {
		if a.SHA256.ID == digest {
			return a, nil
		}
	}
	key := sameURL(u)
	for _, a := range c.Articles {
		if key != "" && sameURL(a.URL) == key {
			return a, nil
		}
	}
	// The id names the same source only where the addresses agree: -update must never put
	// one article's text in another's seed.
	for _, a := range c.Articles {
		if id != "" && a.ID == id {
			if sameURL(a.URL) != key {
				return nil, fmt.Errorf("%s describes another source (url %q); give the new article another id with -id", a.File, a.URL)
			}
			return a, nil
		}
	}
	return nil, nil
}

// sameURL returns u as compared with another: without its fragment and a final slash.
func sameURL(u string) string {
	u, _, _ = strings.Cut(u, "#")
	return strings.TrimSuffix(u, "/")
}

// reimport handles a source imported before as article a: the same text is nothing to
// do; a changed text is refused unless cfg.Update, which keeps the old seed as
// seeds/<name>@<date>.txt, writes the new one in its place and records its digest.
func reimport(cfg Config, a *content.Article, text, digest string, retrieved time.Time, s *source, rep *Report) (*Report, error) {
	rep.ID = a.ID
	rep.Article = a.File
	rep.Seed = path.Join("seeds", a.Seed.ID)
	if !seedName(a.Seed.ID) {
		return nil, fmt.Errorf("%s imported this source before, but its seed %q is no file in seeds/", a.File, a.Seed.ID)
	}
	old, err := os.ReadFile(filepath.Join(cfg.Root, "seeds", a.Seed.ID))
	if err != nil {
		return nil, fmt.Errorf("%s imported this source before, but its seed cannot be read: %v", a.File, err)
	}
	sum := sha256.Sum256(old)
	if hex.EncodeToString(sum[:]) == digest {
		rep.Unchanged = true
		rep.Notes = []string{fmt.Sprintf("already imported as %q (%s); its text is unchanged, nothing to do", a.ID, rep.Seed)}
		return rep, nil
	}
	when := "before"
	if !a.Retrieved.IsZero() {
		when = "on " + a.Retrieved.Format("2006-01-02")
	}
	if !cfg.Update {
		return nil, fmt.Errorf("%s was imported %s as article %q (%s), and its text has changed since; run again with -update to keep the old text as seeds/%s and import the new one", s.name, when, a.ID, rep.Seed, archiveName(a.Seed.ID, a.Retrieved, cfg.Now()))
	}
	src, err := os.ReadFile(filepath.Join(cfg.Root, filepath.FromSlash(a.File)))
	if err != nil {
		return nil, err
	}
	article, err := setFields(string(src), [][2]string{{"retrieved", retrieved.Format(time.RFC3339)}, {"sha256", digest}})
	if err != nil {
		return nil, fmt.Errorf("%s: %v; add the new text by hand", a.File, err)
	}
	keep := path.Join("seeds", archiveName(a.Seed.ID, a.Retrieved, cfg.Now()))
	r, err := os.OpenRoot(cfg.Root)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	// The old text is copied first: if anything fails after, it is still there. A second
	// update on one day keeps the text before it as name@date-2.txt.
	for i := 2; ; i++ {
		err := writeNew(r, filepath.FromSlash(keep), old)
		if err == nil {
			break
		}
		if _, serr := r.Lstat(filepath.FromSlash(keep)); serr != nil || i > 99 {
			return nil, err
		}
		base := archiveName(a.Seed.ID, a.Retrieved, cfg.Now())
		ext := path.Ext(base)
		keep = path.Join("seeds", fmt.Sprintf("%s-%d%s", strings.TrimSuffix(base, ext), i, ext))
	}
	if err := replace(r, filepath.FromSlash(rep.Seed), []byte(text)); err != nil {
		return nil, err
	}
	if err := replace(r, filepath.FromSlash(a.File), []byte(article)); err != nil {
		return nil, err
	}
	rep.Wrote = []string{keep, rep.Seed, a.File}
	if s.url != nil {
		raw := path.Join("seeds", "raw", a.ID+".html")
		if err := r.MkdirAll(filepath.Join("seeds", "raw"), 0o755); err == nil && replace(r, filepath.FromSlash(raw), s.data) == nil {
			rep.Wrote = append(rep.Wrote, raw)
		}
	}
	rep.Updated = keep
	return rep, nil
}

// archiveName is the name the old seed name is kept under: name@date.txt, with the day it
// was retrieved, or today's if that is not known.
func archiveName(name string, retrieved, now time.Time) string {
	day := retrieved
	if day.IsZero() {
		day = now
	}
	base := strings.TrimSuffix(name, path.Ext(name))
	return base + "@" + day.UTC().Format("2006-01-02") + path.Ext(name)
}

// replace writes data to p through a temporary file renamed over it, so that p is
// always either the old or the new text.
func replace(r *os.Root, p string, data []byte) error {
	tmp := p + ".import-tmp"
	r.Remove(tmp)
	if err := writeNew(r, tmp, data); err != nil {
		return err
	}
	if err := r.Rename(tmp, p); err != nil {
		r.Remove(tmp)
		return err
	}
	return nil
}

func seedName(name string) bool {
	return name != "" && name == path.Base(name) && !strings.HasPrefix(name, ".")
}
