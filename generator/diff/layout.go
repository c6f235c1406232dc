package diff

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
