package clause

import (
	"maps"
	"slices"
	"text/template"
	"text/template/parse"
)

// Reads returns the names a clause's templates take from a value, each
// with the name that follows it in the chain: "Trackers", "Company.Phone"
// for .Company.Phone, "Phone" for the Phone of it. all is true when it may
// read the site model otherwise: when it hands the whole model to a
// function, prints it or gives it a variable. Names are taken wherever
// they stand, also where the dot is something else, which at worst makes
// the list longer than it is; which of them are the model's, and what of
// site.toml they are built from, is for the caller to say (model.Inputs).
func (c *Clause) Reads() (names []string, all bool) { return c.reads, c.readsAll }

// Digest is the SHA-256 of the clause's file: a clause renders the same
// over the same model and messages as long as its file is the same.
func (c *Clause) Digest() string { return c.digest }

// reads walks a clause's templates for Reads.
type reads struct {
	names map[string]bool
	all   bool
}

func readsOf(t *template.Template) ([]string, bool) {
	r := &reads{names: map[string]bool{}}
	for _, tt := range t.Templates() {
		if tt.Tree != nil {
			r.walk(tt.Tree.Root, true)
		}
	}
	return slices.Sorted(maps.Keys(r.names)), r.all
}

// walk visits a node; site says whether the dot is the site model there.
func (r *reads) walk(n parse.Node, site bool) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				r.walk(c, site)
			}
		}
	case *parse.ActionNode:
		r.pipe(n.Pipe, site)
	case *parse.IfNode:
		r.pipe(n.Pipe, site)
		r.walk(n.List, site)
		r.walk(n.ElseList, site)
	case *parse.RangeNode:
		r.branch(&n.BranchNode, site)
	case *parse.WithNode:
		r.branch(&n.BranchNode, site)
	case *parse.TemplateNode:
		r.pipe(n.Pipe, site)
	}
}

// branch visits a range or with: its body's dot is the site only when the
// pipeline is the site itself.
func (r *reads) branch(b *parse.BranchNode, site bool) {
	r.pipe(b.Pipe, site)
	body := b.Pipe != nil && len(b.Pipe.Cmds) == 1 && len(b.Pipe.Cmds[0].Args) == 1 && r.isSite(b.Pipe.Cmds[0].Args[0], site)
	r.walk(b.List, body)
	r.walk(b.ElseList, site)
}

func (r *reads) pipe(p *parse.PipeNode, site bool) {
	if p == nil {
		return
	}
	for _, cmd := range p.Cmds {
		for _, arg := range cmd.Args {
			if r.isSite(arg, site) {
				r.all = true // handed on, printed or kept whole
			}
			r.arg(arg, site)
		}
	}
}

// isSite reports whether an argument is the whole site model: the dot
// where it is the site, or $.
func (r *reads) isSite(n parse.Node, site bool) bool {
	switch n := n.(type) {
	case *parse.DotNode:
		return site
	case *parse.VariableNode:
		return len(n.Ident) == 1 && n.Ident[0] == "$"
	}
	return false
}

func (r *reads) arg(n parse.Node, site bool) {
	switch n := n.(type) {
	case *parse.FieldNode:
		r.chain(n.Ident)
	case *parse.VariableNode:
		r.chain(n.Ident[1:])
	case *parse.ChainNode:
		r.arg(n.Node, site)
		r.chain(n.Field)
	case *parse.PipeNode:
		r.pipe(n, site)
	}
}

// chain takes the names of a chain of fields, each with the one after it.
func (r *reads) chain(idents []string) {
	for i, id := range idents {
		if i+1 < len(idents) {
			id += "." + idents[i+1]
		}
		r.names[id] = true
	}
}
