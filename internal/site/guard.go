package site

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode"
)

// CheckPathFlag refuses the value of a path flag that cannot be meant: empty, or holding
// a NUL, a line break or another control character (a path pasted with its newline).
func CheckPathFlag(flag, value string) error {
	if value == "" {
		example := map[string]string{"src": ".", "out": "public"}[flag]
		if example == "" {
			example = "DIR"
		}
		return fmt.Errorf("-%s is empty; give a folder (for example -%s %s)", flag, flag, example)
	}
	if i := strings.IndexFunc(value, unicode.IsControl); i >= 0 {
		return fmt.Errorf("-%s %q holds a control character at byte %d; give the folder's name without it", flag, value, i)
	}
	return nil
}

// resolve returns the absolute form of p with every symbolic link in it resolved, a link
// to what does not exist yet too; a part at the end that does not exist yet is kept as it
// is.
func resolve(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	for hops := 0; ; hops++ {
		info, err := os.Lstat(abs)
		if err != nil || info.Mode()&fs.ModeSymlink == 0 {
			break
		}
		if hops == 40 {
			return "", fmt.Errorf("%s: too many symbolic links", p)
		}
		target, err := os.Readlink(abs)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(target) {
			target = filepath.Join(filepath.Dir(abs), target)
		}
		abs = filepath.Clean(target)
	}
	var rest []string
	for dir := abs; ; dir = filepath.Dir(dir) {
		real, err := filepath.EvalSymlinks(dir)
		if err == nil {
			return filepath.Join(append([]string{real}, rest...)...), nil
		}
		if !errors.Is(err, fs.ErrNotExist) || filepath.Dir(dir) == dir {
			return "", err
		}
		rest = append([]string{filepath.Base(dir)}, rest...)
	}
}

// within reports whether the folder child is parent or lies inside it. Both are resolved
// paths; folders that exist are compared by device and inode (a bind mount, a file system
// that ignores case), the others by name.
func within(child, parent string) bool {
	pinfo, perr := os.Stat(parent)
	for dir := child; ; dir = filepath.Dir(dir) {
		if dir == parent {
			return true
		}
		if perr == nil {
			if info, err := os.Stat(dir); err == nil && os.SameFile(info, pinfo) {
				return true
			}
		}
		if filepath.Dir(dir) == dir {
			return false
		}
	}
}

// guard refuses an output folder out (resolved) whose replacement would delete what is
// not a site: the root, the home folder, the working folder or a folder that holds one of
// them, a folder that holds or lies inside one of the sources.
func guard(out string, sources []string) error {
	type place struct{ name, dir string }
	var places []place
	if home, err := os.UserHomeDir(); err == nil && home != "" {
		if home, err := resolve(home); err == nil {
			places = append(places, place{"your home folder", home})
		}
	}
	if wd, err := os.Getwd(); err == nil {
		if wd, err := resolve(wd); err == nil {
			places = append(places, place{"the working folder", wd})
		}
	}
	if filepath.Dir(out) == out {
		return fmt.Errorf("-out %s is the root of the file system; choose a folder of its own for the site, such as public", out)
	}
	for _, p := range places {
		if within(p.dir, out) {
			return fmt.Errorf("-out %s holds %s (%s), which a build would replace; choose a folder of its own for the site, such as public", out, p.name, p.dir)
		}
	}
	for _, s := range sources {
		s, err := resolve(s)
		if err != nil {
			return err
		}
		if within(out, s) {
			return fmt.Errorf("-out %s is or lies inside the dossier's sources (%s); choose a folder outside them, such as public", out, s)
		}
		if within(s, out) {
			return fmt.Errorf("-out %s holds the dossier's sources (%s), which a build would delete; choose another -out", out, s)
		}
	}
	return nil
}
