package guard

import (
	"io"
	"sync"
	"text/template"
)

// A Pool hands out copies of a parsed, instrumented template, one to each
// execution at a time, each with its tick bound to the state of the
// execution it serves. Copies are kept for the next execution: an
// html/template copy escapes its templates on its first execution only.
// There are never more copies than executions that ran at the same time.
type Pool[T any] struct {
	ticks *Ticks
	clone func(template.FuncMap) (T, error)
	mu    sync.Mutex
	free  []*copyOf[T]
}

type copyOf[T any] struct {
	t T
	r *run
}

// NewPool returns a pool of the templates ticks instrumented. clone makes
// a copy of them with the helpers of funcs added; the template it copies
// must not have executed (html/template cannot copy it then), so only its
// copies execute.
func NewPool[T any](ticks *Ticks, clone func(funcs template.FuncMap) (T, error)) *Pool[T] {
	return &Pool[T]{ticks: ticks, clone: clone}
}

// Execute calls exec with a copy of the template and a writer to w that
// enforces MaxOutput, within limits. An execution that runs into a limit
// returns an error that wraps an *Error.
func (p *Pool[T]) Execute(w io.Writer, limits Limits, exec func(t T, w io.Writer) error) error {
	c, err := p.get()
	if err != nil {
		return err
	}
	defer p.put(c)
	c.r.start(w, limits)
	defer func() { c.r.w = nil }()
	return exec(c.t, c.r)
}

func (p *Pool[T]) get() (*copyOf[T], error) {
	p.mu.Lock()
	if n := len(p.free); n > 0 {
		c := p.free[n-1]
		p.free = p.free[:n-1]
		p.mu.Unlock()
		return c, nil
	}
	p.mu.Unlock()
	r := &run{ticks: p.ticks}
	t, err := p.clone(template.FuncMap{tickFunc: r.tick})
	if err != nil {
		return nil, err
	}
	return &copyOf[T]{t, r}, nil
}

func (p *Pool[T]) put(c *copyOf[T]) {
	p.mu.Lock()
	p.free = append(p.free, c)
	p.mu.Unlock()
}
