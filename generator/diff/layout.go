package diff

import "slices"

// A part is what the output shows or folds as one: a block, or a table with
// all its rows, so that a changed row is read with the rows around it.
type part struct {
	items []item // one, or the rows of a table
}

func (p part) table() bool { return p.items[0].shown().kind == tableRow }

func (p part) changed() bool {
	for _, it := range p.items {
		if it.kind != opEqual {
			return true
		}
	}
	return false
}

// heading returns the level of the heading the part is, or 0.
func (p part) heading() int {
	if b := p.items[0].shown(); b.kind == heading {
		return max(b.level, 1)
	}
	return 0
}

// parts groups the visible operations: the rows of a table together, each
// other block by itself.
func (r *Result) parts() []part {
	var out []part
	for _, it := range r.visible() {
		if n := len(out); n > 0 && it.shown().kind == tableRow && out[n-1].table() {
			out[n-1].items = append(out[n-1].items, it)
			continue
		}
		out = append(out, part{items: []item{it}})
	}
	return out
}

// layout says which parts are shown: the changed ones, the unchanged part
// before and after each as context, and the headings a changed part stands
// under (its clause heading and sub-heading), however far above it they
// are, so that every change is read under its heading.
func layout(parts []part) []bool {
	show := make([]bool, len(parts))
	type open struct{ level, index int }
	var path []open // the headings above the part, outermost first
	for i, p := range parts {
		if level := p.heading(); level > 0 {
			for len(path) > 0 && path[len(path)-1].level >= level {
				path = path[:len(path)-1]
			}
			path = append(path, open{level, i})
		}
		if !p.changed() {
			continue
		}
		for j := max(0, i-1); j <= min(len(parts)-1, i+1); j++ {
			show[j] = true
		}
		for _, h := range path {
			show[h.index] = true
		}
	}
	return show
}

// ChangedSections returns the outermost headings of the new text (its
// clauses) under which the texts differ as a reader sees them, each once,
// in order; a clause
// removed whole is named by its old heading, one renamed by its new one. A
// change before the first heading is under none and not named.
func (r *Result) ChangedSections() []string {
	parts := r.parts()
	top := 0 // the outermost level of heading
	for _, p := range parts {
		if l := p.heading(); l > 0 && (top == 0 || l < top) {
			top = l
		}
	}
	var out []string
	current := ""
	for i, p := range parts {
		if p.heading() == top {
			it := p.items[0]
			current = it.text
			if it.kind == opChanged {
				current = r.d.display(it.new)
			}
			if it.kind == opDeleted && i+1 < len(parts) && parts[i+1].heading() == top && parts[i+1].items[0].kind == opInserted {
				continue // renamed: the new heading names it
			}
		}
		if r.seen(p) && current != "" && !slices.Contains(out, current) {
			out = append(out, current)
		}
	}
	return out
}

// seen reports whether a reader sees the part change: a block added or
// removed, or changed in what it displays.
func (r *Result) seen(p part) bool {
	for _, it := range p.items {
		switch {
		case it.kind == opEqual:
		case it.kind == opChanged && r.d.display(it.old) == r.d.display(it.new):
		default:
			return true
		}
	}
	return false
}
