package dossier

import (
	"fmt"
	"slices"
	"strings"
)

// suggest returns "; did you mean …?" for the known id closest to id, or a hint.
func suggest[T any](id string, known map[string]T, kind string) string {
	ids := make([]string, 0, len(known))
	for k := range known {
		ids = append(ids, k)
	}
	slices.Sort(ids)
	if best := closest(id, ids); best != "" {
		return fmt.Sprintf("; did you mean %q?", best)
	}
	return fmt.Sprintf("; create content/%ss/%s.md or fix the id", kind, id)
}

// closest returns the candidate most like s, or "" if none is alike enough.
func closest(s string, candidates []string) string {
	best, bestD := "", len(s)/2+2
	for _, c := range candidates {
		if strings.Contains(c, s) || strings.Contains(s, c) {
			return c
		}
		if d := distance(s, c); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// distance is the Levenshtein distance between a and b, in bytes.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// Suggest returns the hint a build gives for an unknown id of an actor or a topic:
// "; did you mean …?" or where to create it.
func (d *Dossier) Suggest(kind, id string) string {
	switch kind {
	case "actor":
		return suggest(id, d.actors, kind)
	case "topic":
		return suggest(id, d.topics, kind)
	}
	return ""
}
