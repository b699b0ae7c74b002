package locale

import (
	"maps"
	"reflect"
	"slices"
	"strconv"
	"testing"
)

func TestLookup(t *testing.T) {
	if got := Codes(); !slices.Equal(got, []string{"de", "en"}) {
		t.Errorf("Codes() = %q, want de, en", got)
	}
	for _, code := range Codes() {
		l, ok := Lookup(code)
		if !ok || l.Code != code {
			t.Errorf("Lookup(%q) = %v, %v", code, l, ok)
		}
	}
	if l, ok := Lookup("fr"); ok {
		t.Errorf("Lookup(fr) = %v, want none", l)
	}
	if Builtin.Default() != German {
		t.Errorf("default locale %q, want de", Builtin.Default().Code)
	}
	if got, want := English.Quotes.Quote("x"), "“x”"; got != want {
		t.Errorf("English quote = %q, want %q", got, want)
	}
	if got, want := German.Quotes.Quote("x"), "„x“"; got != want {
		t.Errorf("German quote = %q, want %q", got, want)
	}
}

// TestComplete: every word of every built-in locale is given, so that no page of an
// English dossier shows an empty label (or a German one). Fields that may be empty in a
// language are listed.
func TestComplete(t *testing.T) {
	mayBeEmpty := map[string]bool{
		"Dates.DayDot": true, // English writes "19 June"
		"Plural.Zero":  true, // most forms say 0 as they say 5
	}
	for _, l := range Builtin {
		for _, path := range empty(reflect.ValueOf(*l), "", mayBeEmpty) {
			t.Errorf("%s: %s is empty", l.Code, path)
		}
	}
	// And the test finds what is missing.
	l := *English
	labels := *l.Labels
	labels.Footer = ""
	l.Labels = &labels
	if got := empty(reflect.ValueOf(l), "", mayBeEmpty); !slices.Equal(got, []string{"Labels.Footer"}) {
		t.Errorf("a locale without Labels.Footer: empty fields %q", got)
	}
}

// empty returns the paths of the zero strings, funcs, pointers and maps in v.
func empty(v reflect.Value, path string, skip map[string]bool) []string {
	var out []string
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return []string{path}
		}
		return empty(v.Elem(), path, skip)
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			f := v.Type().Field(i)
			p := f.Name
			if path != "" {
				p = path + "." + f.Name
			}
			if skip[p] || skip[v.Type().Name()+"."+f.Name] {
				continue
			}
			out = append(out, empty(v.Field(i), p, skip)...)
		}
	case reflect.Array:
		for i := 0; i < v.Len(); i++ {
			out = append(out, empty(v.Index(i), path+"["+strconv.Itoa(i)+"]", skip)...)
		}
	case reflect.Map:
		if v.Len() == 0 {
			return []string{path}
		}
		for _, k := range v.MapKeys() {
			out = append(out, empty(v.MapIndex(k), path+"["+k.String()+"]", skip)...)
		}
	case reflect.String, reflect.Func:
		if v.IsZero() {
			return []string{path}
		}
	}
	return out
}

// TestSameKeys: the maps of every locale have German's keys, a kind named in one
// language is named in all.
func TestSameKeys(t *testing.T) {
	for _, l := range Builtin[1:] {
		for name, pair := range map[string][2]map[string]string{
			"Labels.ActorKinds": {German.Labels.ActorKinds, l.Labels.ActorKinds},
			"Labels.NoteKinds":  {German.Labels.NoteKinds, l.Labels.NoteKinds},
			"Script.Kinds":      {German.Script.Kinds, l.Script.Kinds},
			"Editor.KindNames":  {German.Editor.KindNames, l.Editor.KindNames},
			"Editor.ActorKinds": {German.Editor.ActorKinds, l.Editor.ActorKinds},
			"Cite.Contains":     {German.Cite.Contains, l.Cite.Contains},
		} {
			if got, want := slices.Sorted(maps.Keys(pair[1])), slices.Sorted(maps.Keys(pair[0])); !slices.Equal(got, want) {
				t.Errorf("%s: %s has keys %q, German %q", l.Code, name, got, want)
			}
		}
	}
}

func TestPlural(t *testing.T) {
	p := Plural{Zero: "keine", One: "ein Fehler", Other: "{n} Fehler"}
	for n, want := range map[int]string{0: "keine", 1: "ein Fehler", 2: "2 Fehler", 12: "12 Fehler", -3: "-3 Fehler"} {
		if got := p.N(n); got != want {
			t.Errorf("N(%d) = %q, want %q", n, got, want)
		}
	}
	if got := (Plural{One: "1 Fehler", Other: "{n} Fehler"}).N(0); got != "0 Fehler" {
		t.Errorf("without Zero, N(0) = %q, want 0 Fehler", got)
	}
}
