package anchor

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// sellers is the textbook O(mn) table that pattern.scan computes with bit vectors.
func sellers(q, text []rune, anchored bool) []int {
	col := make([]int, len(q)+1)
	for i := range col {
		col[i] = i
	}
	var dist []int
	for j, c := range text {
		diag := col[0]
		if anchored {
			col[0] = j + 1
		}
		for i := 1; i <= len(q); i++ {
			cost := 1
			if q[i-1] == c {
				cost = 0
			}
			next := min(diag+cost, col[i]+1, col[i-1]+1)
			diag, col[i] = col[i], next
		}
		dist = append(dist, col[len(q)])
	}
	return dist
}

// TestScan compares the bit-parallel distances with the table, for quotes that fill one and
// several 64-bit words, over a small alphabet so that there are many near matches.
func TestScan(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("abcä€ 𝄞")
	random := func(n int) []rune {
		rs := make([]rune, n)
		for i := range rs {
			rs[i] = alphabet[rng.IntN(len(alphabet))]
		}
		return rs
	}
	for _, m := range []int{1, 2, 7, 63, 64, 65, 127, 128, 129, 200} {
		for range 20 {
			q, text := random(m), random(rng.IntN(300))
			for _, anchored := range []bool{false, true} {
				got := newPattern(q).scan(text, anchored, nil)
				if want := sellers(q, text, anchored); !slices.Equal(got, want) {
					t.Fatalf("scan(%q, %q, %v) = %v, want %v", string(q), string(text), anchored, got, want)
				}
			}
		}
	}
}

func TestSnap(t *testing.T) {
	for _, tc := range []struct {
		s, sub, want string
	}{
		{"sagt der Nordkorea-Experte", "der Nordk", "der Nordkorea"},
		{"sagt der Nordkorea-Experte", "agt der", "sagt der"},
		{"sagt der Nordkorea-Experte", " der ", "der"},
		{"Pjöngjang ist grau", "öngjang is", "Pjöngjang ist"},
		{`sagt: "Ja", und`, `"Ja"`, `"Ja"`},
		{"Kim Jong-un", "Jong-u", "Jong-un"},
		{"a b", " ", ""},
	} {
		a := indexOf(t, tc.s, tc.sub)
		start, end := snap(tc.s, a, a+len(tc.sub))
		if got := tc.s[start:end]; got != tc.want {
			t.Errorf("snap(%q, %q) = %q, want %q", tc.s, tc.sub, got, tc.want)
		}
	}
}

func indexOf(tb testing.TB, s, sub string) int {
	tb.Helper()
	i := strings.Index(s, sub)
	if i < 0 {
		tb.Fatalf("%q lacks %q", s, sub)
	}
	return i
}
