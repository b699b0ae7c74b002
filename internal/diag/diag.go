// Package diag collects the errors and warnings of a build, each with the file, line and
// column it concerns, and prints them as path:line:col: message.
package diag

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Pos is a place in a source file. Line and Col are 1-based; 0 means unknown.
type Pos struct {
	File string
	Line int
	Col  int
}

func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Severity tells whether a problem fails the build.
type Severity int

const (
	Error Severity = iota
	Warning
)

// A Problem is one error or warning at a position.
type Problem struct {
	Pos      Pos
	Severity Severity
	Msg      string
	// Suggestion is set on a warning about a name in a seed that may be an actor's: what
	// an editor can accept (dossier accept) to link it.
	Suggestion *Suggestion
}

// Suggestion is a way to link a name that the linker could not link.
type Suggestion struct {
	Surface string // the name as the seed has it
	Actor   string // the actor it may be, or "" for a new actor
	Action  string // SuggestAlias, SuggestActor or SuggestMentions
}

// The actions of a suggestion.
const (
	SuggestAlias    = "alias"    // add Surface to Actor's aliases
	SuggestActor    = "actor"    // create an actor named Surface
	SuggestMentions = "mentions" // link this occurrence to Actor with the article's mentions
)

func (p Problem) String() string {
	if p.Severity == Warning {
		return p.Pos.String() + ": warning: " + p.Msg
	}
	return p.Pos.String() + ": " + p.Msg
}

// List is a set of problems. The zero value is ready to use.
type List []Problem

// Errorf adds an error at pos.
func (l *List) Errorf(pos Pos, format string, args ...any) {
	*l = append(*l, Problem{Pos: pos, Severity: Error, Msg: fmt.Sprintf(format, args...)})
}

// Warnf adds a warning at pos.
func (l *List) Warnf(pos Pos, format string, args ...any) {
	*l = append(*l, Problem{Pos: pos, Severity: Warning, Msg: fmt.Sprintf(format, args...)})
}

// Suggest adds a warning at pos that carries a suggestion.
func (l *List) Suggest(pos Pos, s Suggestion, format string, args ...any) {
	*l = append(*l, Problem{Pos: pos, Severity: Warning, Msg: fmt.Sprintf(format, args...), Suggestion: &s})
}

// Append adds all problems of other.
func (l *List) Append(other List) { *l = append(*l, other...) }

// Sort orders the problems by file, line, column, then message, and drops exact duplicates.
func (l List) Sort() List {
	slices.SortStableFunc(l, func(a, b Problem) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Severity, b.Severity),
			cmp.Compare(a.Msg, b.Msg),
		)
	})
	return slices.CompactFunc(l, func(a, b Problem) bool { return a.Pos == b.Pos && a.Severity == b.Severity && a.Msg == b.Msg })
}

// Errors returns the problems that fail the build.
func (l List) Errors() List { return l.only(Error) }

// Warnings returns the problems that do not fail the build.
func (l List) Warnings() List { return l.only(Warning) }

func (l List) only(s Severity) List {
	var out List
	for _, p := range l {
		if p.Severity == s {
			out = append(out, p)
		}
	}
	return out
}

// Err returns the list's errors as an error, or nil if there are none.
func (l List) Err() error {
	errs := l.Errors()
	if len(errs) == 0 {
		return nil
	}
	return errs
}

// Error prints every problem on its own line.
func (l List) Error() string {
	var b strings.Builder
	for i, p := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.String())
	}
	return b.String()
}
