package locale

import "strings"

// Plural is the forms of a phrase with a number in it, "{n}" where the number goes: One
// for 1, Zero (if given) for 0, Other for the rest. A language whose rule differs (French
// writes 0 as it writes 1) gives Zero the form of One. The same rule picks the form in
// the site's scripts, which get the forms as data.
type Plural struct {
	Zero  string `json:"zero,omitempty"`
	One   string `json:"one"`
	Other string `json:"other"`
}

// N returns the form for n, with n in it.
func (p Plural) N(n int) string {
	return strings.ReplaceAll(p.form(n), "{n}", itoa(n))
}

func (p Plural) form(n int) string {
	switch {
	case n == 0 && p.Zero != "":
		return p.Zero
	case n == 1:
		return p.One
	}
	return p.Other
}

func itoa(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			return string(b[i:])
		}
	}
}
