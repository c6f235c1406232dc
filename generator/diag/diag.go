// Package diag owns source positions and the errors that point at them.
//
// Every error a user can fix carries the file, line and column of the text
// that caused it, a message and, where it helps, a hint. A List collects all
// errors of a run so that they are reported together, sorted by position.
package diag

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Pos is a position in a source file. Line and Col start at 1; a zero Line
// means the position is unknown and only the file is named.
type Pos struct {
	File string
	Line int
	Col  int
}

// String formats the position as file:line:col, leaving out what is unknown.
func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Error is a problem at a position in a source file.
type Error struct {
	Pos  Pos
	Msg  string // lowercase, no final period
	Hint string // what to do about it; may be empty
	Err  error  // the underlying error, if any

	// Warning marks a problem the run works around: it is reported, but
	// does not fail the run. Info marks a warning that is only a remark.
	Warning bool
	Info    bool

	// Rule is the id of the check rule that found the problem, such as
	// "tracker-category"; empty for the problems of reading a site.
	Rule string
}

// Severity is how a problem is reported: "error", "warning" or "info".
func (e *Error) Severity() string {
	switch {
	case e.Info:
		return "info"
	case e.Warning:
		return "warning"
	}
	return "error"
}

// Errorf returns an Error at pos with a formatted message.
func Errorf(pos Pos, format string, args ...any) *Error {
	return &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)}
}

// Warningf returns a warning at pos with a formatted message.
func Warningf(pos Pos, format string, args ...any) *Error {
	e := Errorf(pos, format, args...)
	e.Warning = true
	return e
}

// WithHint sets the hint and returns e.
func (e *Error) WithHint(format string, args ...any) *Error {
	e.Hint = fmt.Sprintf(format, args...)
	return e
}

func (e *Error) Error() string {
	msg := e.Msg
	switch {
	case e.Rule != "":
		msg = e.Severity() + " " + e.Rule + ": " + msg // error tracker-category: …
	case e.Warning:
		msg = e.Severity() + ": " + msg
	}
	if e.Pos.File == "" {
		return msg
	}
	return e.Pos.String() + ": " + msg
}

func (e *Error) Unwrap() error { return e.Err }

// List is a set of errors reported together.
type List []*Error

// Add appends an error.
func (l *List) Add(e *Error) { *l = append(*l, e) }

// Addf appends an error at pos with a formatted message and returns it so a
// hint can be attached.
func (l *List) Addf(pos Pos, format string, args ...any) *Error {
	e := Errorf(pos, format, args...)
	l.Add(e)
	return e
}

// Sort orders the errors by file, line and column, keeping the order of
// errors at the same position, and drops exact duplicates.
func (l List) Sort() List {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i].Pos, l[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	out := l[:0]
	for i, e := range l {
		if i > 0 && e.Error() == l[i-1].Error() {
			continue
		}
		out = append(out, e)
	}
	return out
}

// Err returns the list as an error, or nil when it holds no error; its
// warnings are reported with the errors, if there are any.
func (l List) Err() error {
	if len(l.Errors()) == 0 {
		return nil
	}
	return l.Sort()
}

// Errors returns the members of l that are errors, not warnings.
func (l List) Errors() List {
	var out List
	for _, e := range l {
		if !e.Warning {
			out = append(out, e)
		}
	}
	return out
}

// Warnings returns the members of l that are warnings.
func (l List) Warnings() List {
	var out List
	for _, e := range l {
		if e.Warning {
			out = append(out, e)
		}
	}
	return out
}

func (l List) Error() string {
	msgs := make([]string, len(l))
	for i, e := range l {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// Errors flattens err into its diag errors: a List yields its members, an
// *Error itself, and anything else becomes an Error without position.
func Errors(err error) List {
	if err == nil {
		return nil
	}
	var l List
	if errors.As(err, &l) {
		return l
	}
	var e *Error
	if errors.As(err, &e) {
		return List{e}
	}
	return List{{Msg: err.Error(), Err: err}}
}
