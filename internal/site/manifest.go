package site

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"time"
)

// ManifestName is the file every build writes into its output folder: the proof that the
// folder is a site the tool wrote. It lists every file of the site with its size; the next
// build replaces the folder only while it holds nothing else (see owned).
const ManifestName = ".dossier-site"

// manifestHeader is the first line of a manifest; the number is the format's version.
const manifestHeader = "dossier-site 1"

// A manifest is what a .dossier-site file says. A temporary folder of a build in progress
// holds a manifest with Temp set to the folder's own name and no files: the proof that a
// build made the folder, so that the next one may remove what a killed build left.
type manifest struct {
	Version string
	Temp    string           // the name of the temporary folder it marks, or ""
	Files   map[string]int64 // slash-separated path → size
	Written time.Time        // the manifest file's modification time, when read from one
}

// toolVersion is the version of the running program as the Go toolchain stamped it.
func toolVersion() string {
	v := "(devel)"
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
		v = info.Main.Version
	}
	return v
}

// bytes returns the manifest as written: the header, a comment for whoever finds the file,
// the tool's version, then the files sorted by path, each as its size and path. The
// checksum covers the list, so that a manifest edited by hand is not trusted.
func (m *manifest) bytes() []byte {
	var list bytes.Buffer
	for _, p := range slices.Sorted(maps.Keys(m.Files)) {
		fmt.Fprintf(&list, "%d %s\n", m.Files[p], p)
	}
	var b bytes.Buffer
	b.WriteString(manifestHeader + "\n")
	b.WriteString("# Written by dossier. The next build replaces this folder only while it holds nothing\n")
	b.WriteString("# but the files listed here; put other files elsewhere.\n")
	fmt.Fprintf(&b, "version %s\n", m.Version)
	if m.Temp != "" {
		fmt.Fprintf(&b, "temporary %s\n", m.Temp)
	}
	sum := sha256.Sum256(list.Bytes())
	fmt.Fprintf(&b, "files %d %s\n", len(m.Files), hex.EncodeToString(sum[:]))
	b.Write(list.Bytes())
	return b.Bytes()
}

// parseManifest reads a manifest; an error names the line that is wrong.
func parseManifest(data []byte) (*manifest, error) {
	m := &manifest{Files: map[string]int64{}}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	n, count, sum := 0, -1, ""
	var list bytes.Buffer
	for sc.Scan() {
		n++
		line := sc.Text()
		bad := func(what string) error { return &lineError{n, fmt.Sprintf("%s: %q", what, line)} }
		switch {
		case n == 1:
			if line != manifestHeader {
				return nil, bad("not a dossier manifest (want " + strconv.Quote(manifestHeader) + ")")
			}
		case strings.HasPrefix(line, "#"):
		case count < 0:
			key, val, _ := strings.Cut(line, " ")
			switch key {
			case "version":
				m.Version = val
			case "temporary":
				m.Temp = val
			case "files":
				c, s, _ := strings.Cut(val, " ")
				var err error
				if count, err = strconv.Atoi(c); err != nil || count < 0 || len(s) != 2*sha256.Size {
					return nil, bad("want files COUNT SHA256")
				}
				sum = s
			default:
				return nil, bad("unknown key")
			}
		default:
			size, p, ok := strings.Cut(line, " ")
			s, err := strconv.ParseInt(size, 10, 64)
			if !ok || err != nil || s < 0 || !fs.ValidPath(p) || p == "." || p == ManifestName {
				return nil, bad("want SIZE PATH")
			}
			if _, dup := m.Files[p]; dup {
				return nil, bad("path listed twice")
			}
			m.Files[p] = s
			list.WriteString(line + "\n")
		}
	}
	if err := sc.Err(); err != nil {
		return nil, &lineError{n + 1, err.Error()}
	}
	if count < 0 {
		return nil, &lineError{max(n, 1), "no files line"}
	}
	got := sha256.Sum256(list.Bytes())
	if count != len(m.Files) || hex.EncodeToString(got[:]) != sum {
		return nil, &lineError{n, "the list of files does not match its count and checksum (changed by hand?)"}
	}
	return m, nil
}

// A lineError is a fault of a manifest at one of its lines.
type lineError struct {
	line int
	msg  string
}

func (e *lineError) Error() string { return fmt.Sprintf("line %d: %s", e.line, e.msg) }

// readManifest reads the manifest of the folder dir; it returns nil and no error if there
// is none.
func readManifest(dir string) (*manifest, error) {
	file := filepath.Join(dir, ManifestName)
	info, err := os.Lstat(file)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file", file)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	m, err := parseManifest(data)
	if err != nil {
		var le *lineError
		if errors.As(err, &le) {
			return nil, fmt.Errorf("%s:%d: %s", file, le.line, le.msg)
		}
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	m.Written = info.ModTime()
	return m, nil
}

// An entry is a file or folder found in an output folder.
type entry struct {
	rel  string // slash-separated, relative to the folder
	dir  bool
	info fs.FileInfo
}

// scan lists everything in dir but its manifest, folders before what they hold.
func scan(dir string) ([]entry, error) {
	var entries []entry
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p == dir {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if rel == ManifestName {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		entries = append(entries, entry{rel, d.IsDir(), info})
		return nil
	})
	return entries, err
}

// owned returns what in entries a build wrote, as the manifest m written at time made
// lists it, and what else is there (a foreign folder without what it holds): a file is the
// build's if the manifest lists its path and size, it is a regular file, and it was not
// changed after the manifest was written; a folder is the build's if it holds a listed
// file.
func owned(m *manifest, made time.Time, entries []entry) (mine map[string]int64, foreign []string) {
	dirs := map[string]bool{}
	for p := range m.Files {
		for d := path.Dir(p); d != "." && !dirs[d]; d = path.Dir(d) {
			dirs[d] = true
		}
	}
	mine = map[string]int64{}
	var inForeign string // the foreign folder whose entries come now, with a slash
	for _, e := range entries {
		if inForeign != "" && strings.HasPrefix(e.rel, inForeign) {
			continue
		}
		if e.dir {
			if !dirs[e.rel] {
				foreign = append(foreign, e.rel)
				inForeign = e.rel + "/"
			}
			continue
		}
		size, listed := m.Files[e.rel]
		if listed && e.info.Mode().IsRegular() && size == e.info.Size() && !e.info.ModTime().After(made) {
			mine[e.rel] = size
			continue
		}
		foreign = append(foreign, e.rel)
	}
	return mine, foreign
}

// notOurs is the error for a folder that holds files a build did not write.
func notOurs(dir string, foreign []string, hint string) error {
	const most = 10
	var b strings.Builder
	for i, f := range foreign {
		if i == most {
			fmt.Fprintf(&b, "\n… and %d more", len(foreign)-most)
			break
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "%s: not written by dossier; move it or choose another -out", filepath.Join(dir, filepath.FromSlash(f)))
	}
	if hint != "" {
		b.WriteString("\n" + hint)
	}
	return errors.New(b.String())
}
