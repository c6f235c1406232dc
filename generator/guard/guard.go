// Package guard bounds the execution of text/template and html/template
// templates: each execution has a time limit and an output limit.
//
// text/template cannot be interrupted, and {{ range 3000000000 }}{{ end }}
// writes nothing, so a deadline in the writer alone would never fire.
// Instrument therefore puts a call of a tick function at the start of
// every range body and of every template (so that recursion ticks too);
// once the execution's time is up the tick returns an error, and a helper
// that returns an error stops the execution. A parsed template is shared
// by many executions at once, each with its own deadline: a Pool hands
// every execution a copy whose tick is bound to that execution's state.
package guard

import (
	"errors"
	"io"
	"strconv"
	"strings"
	"text/template/parse"
	"time"

	"github.com/policygen/policygen/generator/diag"
)

// DefaultTimeout is how long one execution may run when Limits does not
// say.
const DefaultTimeout = 10 * time.Second

// MaxOutput is how many bytes one execution may write: 16 MiB, far more
// than any policy page needs.
const MaxOutput = 16 << 20

// tickFunc is the name of the tick helper, one no template writer uses.
const tickFunc = "policygen_guard_tick"

// checkEvery is how many ticks pass between looks at the clock: a tick
// costs a function call through reflection, a look at the clock a little
// more.
const checkEvery = 64

// Limits bound one execution.
type Limits struct {
	Timeout time.Duration    // how long it may run; 0 for DefaultTimeout
	Now     func() time.Time // the clock; nil for time.Now (tests pass one that advances)
}

func (l Limits) timeout() time.Duration {
	if l.Timeout > 0 {
		return l.Timeout
	}
	return DefaultTimeout
}

func (l Limits) now() time.Time {
	if l.Now != nil {
		return l.Now()
	}
	return time.Now()
}

// A Mark is where a tick stands: the range or template it starts, by the
// name its template was parsed under, line and column.
type Mark struct {
	Name      string
	Line, Col int
}

// Ticks are the ticks of a set of templates, numbered in the order
// Instrument put them in.
type Ticks struct {
	at   []place // where each tick stands, found out when one fails
	done map[*parse.Tree]bool
}

type place struct {
	tree *parse.Tree
	node parse.Node
}

// Instrument puts ticks into a parsed tree: at the start of the template
// and of every range body. It does nothing to a tree it has seen.
func (t *Ticks) Instrument(tree *parse.Tree) {
	if tree == nil || tree.Root == nil || t.done[tree] {
		return
	}
	if t.done == nil {
		t.done = map[*parse.Tree]bool{}
	}
	t.done[tree] = true
	t.walk(tree, tree.Root)
	t.prepend(tree, tree.Root, tree.Root)
}

func (t *Ticks) walk(tree *parse.Tree, n parse.Node) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				t.walk(tree, c)
			}
		}
	case *parse.IfNode:
		t.walk(tree, n.List)
		t.walk(tree, n.ElseList)
	case *parse.WithNode:
		t.walk(tree, n.List)
		t.walk(tree, n.ElseList)
	case *parse.RangeNode:
		t.walk(tree, n.List)
		t.walk(tree, n.ElseList)
		at := parse.Node(n)
		if p := n.Pipe; p != nil && len(p.Cmds) > 0 && len(p.Cmds[0].Args) > 0 {
			at = p.Cmds[0].Args[0] // what it ranges over
		}
		t.prepend(tree, at, n.List)
	}
}

// prepend puts a tick that marks at at the start of list: an action
// {{ $policygen_guard_tick := policygen_guard_tick N }}, which prints
// nothing, as html/template leaves a declaration alone.
func (t *Ticks) prepend(tree *parse.Tree, at parse.Node, list *parse.ListNode) {
	if list == nil {
		return
	}
	i := len(t.at)
	t.at = append(t.at, place{tree, at})
	pos := at.Position()
	num := &parse.NumberNode{NodeType: parse.NodeNumber, Pos: pos, IsInt: true, Int64: int64(i), Text: strconv.Itoa(i)}
	cmd := &parse.CommandNode{NodeType: parse.NodeCommand, Pos: pos, Args: []parse.Node{parse.NewIdentifier(tickFunc).SetPos(pos), num}}
	pipe := &parse.PipeNode{NodeType: parse.NodePipe, Pos: pos,
		Decl: []*parse.VariableNode{{NodeType: parse.NodeVariable, Pos: pos, Ident: []string{"$" + tickFunc}}},
		Cmds: []*parse.CommandNode{cmd}}
	action := &parse.ActionNode{NodeType: parse.NodeAction, Pos: pos, Pipe: pipe}
	list.Nodes = append([]parse.Node{action}, list.Nodes...)
}

// mark finds the line and column of a tick from the location
// "name:line:col" that ErrorContext gives; at the start of a file it
// names the file alone.
func (p place) mark() Mark {
	if p.node.Position() == 0 {
		return Mark{Name: p.tree.ParseName}
	}
	loc, _ := p.tree.ErrorContext(p.node)
	rest, c, _ := cutLast(loc)
	name, l, _ := cutLast(rest)
	line, _ := strconv.Atoi(l)
	col, _ := strconv.Atoi(c)
	return Mark{Name: name, Line: line, Col: col + 1} // ErrorContext counts columns from 0
}

func cutLast(s string) (before, after string, ok bool) {
	i := strings.LastIndexByte(s, ':')
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+1:], true
}

// run is the state of one execution: its tick and its writer.
type run struct {
	ticks    *Ticks
	limits   Limits
	deadline time.Time
	n        int // ticks so far
	last     int // the newest tick, -1 before the first
	w        io.Writer
	written  int
}

func (r *run) start(w io.Writer, limits Limits) {
	r.limits, r.w, r.n, r.last, r.written = limits, w, 0, -1, 0
	r.deadline = limits.now().Add(limits.timeout())
}

func (r *run) tick(i int) (string, error) {
	r.last = i
	r.n++
	if r.n%checkEvery == 1 && r.limits.now().After(r.deadline) {
		return "", r.fail(TimeLimit)
	}
	return "", nil
}

// Write passes p on, or fails once the execution would write more than
// MaxOutput; text/template stops at a failed write.
func (r *run) Write(p []byte) (int, error) {
	if r.written+len(p) > MaxOutput {
		return 0, r.fail(OutputLimit)
	}
	r.written += len(p)
	return r.w.Write(p)
}

func (r *run) fail(limit Limit) *Error {
	e := &Error{Limit: limit, Timeout: r.limits.timeout()}
	if r.last >= 0 {
		e.Mark = r.ticks.at[r.last].mark()
	}
	return e
}

// Limit says which limit an execution ran into.
type Limit int

// The limits.
const (
	TimeLimit Limit = iota
	OutputLimit
)

// Error is an execution that ran into a limit, at the range or template
// it was in last (a zero Mark when it had not entered one).
type Error struct {
	Limit   Limit
	Mark    Mark
	Timeout time.Duration // the time limit it ran with
}

func (e *Error) Error() string { return e.Diag(func(name string) string { return name }).Error() }

// Diag returns the error at its position, with describe turning the name
// a template was parsed under into the file name users know; file is used
// when the Mark is zero.
func (e *Error) Diag(describe func(name string) string) *diag.Error {
	pos := diag.Pos{File: describe(e.Mark.Name), Line: e.Mark.Line, Col: e.Mark.Col}
	if e.Limit == OutputLimit {
		return diag.Errorf(pos, "rendering wrote more than %d MiB, the limit of a clause or page", MaxOutput>>20).
			WithHint("a range that repeats more often than it should makes the page too large; the limit is fixed")
	}
	return diag.Errorf(pos, "rendering ran longer than %v, the time limit", e.Timeout).
		WithHint("a range over a large number, or a template that calls itself, never ends; if the template is only slow, give more time with --timeout")
}

// As reports whether err is or wraps an *Error, and sets e to it.
func As(err error, e **Error) bool { return errors.As(err, e) }
