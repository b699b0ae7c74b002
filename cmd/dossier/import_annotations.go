package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"strings"

	"dossier/internal/annoimport"
	"dossier/internal/edit"
)

// maxAnnotationFile is the largest annotation file read: Hypothesis's export of a busy
// group is a few megabytes.
const maxAnnotationFile = 64 << 20

// annotationFile returns the contents of src if it is a local JSON file of annotations;
// anything else (a page, a text, an address) is an article for package ingest.
func annotationFile(src string) ([]byte, bool) {
	if strings.Contains(src, "://") {
		return nil, false
	}
	st, err := os.Stat(src)
	if err != nil || !st.Mode().IsRegular() || st.Size() > maxAnnotationFile {
		return nil, false
	}
	data, err := os.ReadFile(src)
	if err != nil || !annoimport.Sniff(data) {
		return nil, false
	}
	return data, true
}

// importAnnotations writes the annotations of a file as notes of the dossier at root and
// reports each that it does not write; it returns false if one did not anchor or a note
// could not be written.
func importAnnotations(root, src string, data []byte, stdout, stderr io.Writer) bool {
	anns, err := annoimport.Parse(data)
	if err != nil {
		fmt.Fprintf(stderr, "dossier import: %s: %v\n", src, err)
		return false
	}
	d := edit.Load(root)
	if d == nil {
		fmt.Fprintf(stderr, "dossier import: %s: the dossier cannot be read; `dossier check` says why\n", root)
		return false
	}
	plan := annoimport.Make(d, anns)
	ok := len(plan.Failed) == 0
	fmt.Fprintf(stdout, "dossier: %s: %d annotations: %d new notes, %d already imported, %d not anchored\n",
		src, len(anns), len(plan.Notes), len(plan.Skipped), len(plan.Failed))
	for _, n := range plan.Notes {
		if err := createFile(root, n.Path, n.Data); err != nil {
			fmt.Fprintf(stderr, "dossier import: %s: %v\n", n.Path, err)
			ok = false
			continue
		}
		fmt.Fprintf(stdout, "  wrote %s (line %d)\n", n.Path, n.Line)
	}
	for _, s := range plan.Skipped {
		fmt.Fprintf(stdout, "  skipped %s\n", s)
	}
	for _, f := range plan.Failed {
		fmt.Fprintf(stderr, "dossier import: %s: %s; not written\n", src, f)
	}
	return ok
}

// createFile writes a new file rel under root, through an os.Root (no path leaves it),
// never replacing one.
func createFile(root, rel, data string) error {
	r, err := os.OpenRoot(root)
	if err != nil {
		return err
	}
	defer r.Close()
	if err := r.MkdirAll(path.Dir(rel), 0o755); err != nil {
		return err
	}
	f, err := r.OpenFile(rel, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s already exists; nothing written", rel)
		}
		return err
	}
	if _, err := f.WriteString(data); err != nil {
		f.Close()
		r.Remove(rel)
		return err
	}
	return f.Close()
}
