// Package defaults holds the default templates and static files of every dossier. A
// dossier's own templates/ and static/ are layered over them, file by file.
package defaults

import (
	"embed"
	"io/fs"
)

//go:embed templates static
var files embed.FS

// Templates returns the default templates.
func Templates() fs.FS { return sub("templates") }

// Static returns the default static files: stylesheet, icons, scripts.
func Static() fs.FS { return sub("static") }

func sub(dir string) fs.FS {
	f, err := fs.Sub(files, dir)
	if err != nil {
		panic(err) // the embedded folders exist at compile time
	}
	return f
}
