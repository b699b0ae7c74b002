package build

import (
	"fmt"
	"io/fs"
	"testing"
	"testing/fstest"
)

func TestLayers(t *testing.T) {
	own := fstest.MapFS{"base.html": {Data: []byte("own")}, "img/logo.svg": {Data: []byte("logo")}}
	defaults := fstest.MapFS{"base.html": {Data: []byte("default")}, "home.html": {Data: []byte("home")}, "img/icon.svg": {Data: []byte("icon")}}
	l := layers{own, defaults}
	for name, want := range map[string]string{"base.html": "own", "home.html": "home", "img/logo.svg": "logo", "img/icon.svg": "icon"} {
		if got, err := fs.ReadFile(l, name); err != nil || string(got) != want {
			t.Errorf("ReadFile(%q) = %q, %v; want %q", name, got, err, want)
		}
	}
	var files []string
	fs.WalkDir(l, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, p)
		}
		return err
	})
	if want := "[base.html home.html img/icon.svg img/logo.svg]"; fmt.Sprint(files) != want {
		t.Errorf("WalkDir found %v, want %s", files, want)
	}
	if _, err := fs.ReadFile(l, "missing.html"); err == nil {
		t.Error("ReadFile of a missing file succeeded")
	}
}
