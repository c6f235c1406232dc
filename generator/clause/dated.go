package clause

import (
	"slices"
	"text/template/parse"

	"github.com/policygen/policygen/generator/model"
)

// namesDatedField reports whether a clause's templates name a field of
// model.DatedFields anywhere (.Effective, $.Changes, (.).Draft), in any
// template the clause defines. Such a clause renders differently as of
// another date or as a draft; any other renders the same.
func namesDatedField(t *templateT) bool {
	dated := model.DatedFields()
	for _, tt := range t.Templates() {
		if tt.Tree != nil && nodeNames(tt.Tree.Root, dated) {
			return true
		}
	}
	return false
}

// nodeNames reports whether a parse tree names one of the fields.
func nodeNames(n parse.Node, fields []string) bool {
	names := func(idents []string) bool {
		return slices.ContainsFunc(idents, func(s string) bool { return slices.Contains(fields, s) })
	}
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return false
		}
		return slices.ContainsFunc(n.Nodes, func(c parse.Node) bool { return nodeNames(c, fields) })
	case *parse.ActionNode:
		return nodeNames(n.Pipe, fields)
	case *parse.PipeNode:
		if n == nil {
			return false
		}
		for _, v := range n.Decl {
			if nodeNames(v, fields) {
				return true
			}
		}
		return slices.ContainsFunc(n.Cmds, func(c *parse.CommandNode) bool { return nodeNames(c, fields) })
	case *parse.CommandNode:
		return slices.ContainsFunc(n.Args, func(c parse.Node) bool { return nodeNames(c, fields) })
	case *parse.FieldNode:
		return names(n.Ident)
	case *parse.VariableNode:
		return names(n.Ident)
	case *parse.ChainNode:
		return names(n.Field) || nodeNames(n.Node, fields)
	case *parse.IfNode:
		return branchNames(&n.BranchNode, fields)
	case *parse.RangeNode:
		return branchNames(&n.BranchNode, fields)
	case *parse.WithNode:
		return branchNames(&n.BranchNode, fields)
	case *parse.TemplateNode:
		return nodeNames(n.Pipe, fields)
	}
	return false
}

func branchNames(b *parse.BranchNode, fields []string) bool {
	return nodeNames(b.Pipe, fields) || nodeNames(b.List, fields) || nodeNames(b.ElseList, fields)
}
