package diff

import (
	"html"
	"strconv"
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// HTML renders the comparison as an HTML fragment: each block a <p> or, for
// a heading, an <h3>, of class "diff-block" and "changed", "added" or
// "removed". Removed words are in <del>, added ones in <ins>, which carry
// the meaning without colour; an added block is one <ins>, a removed one
// one <del>. Unchanged blocks next to a change are shown as context; the
// rest of each unchanged run is folded into a <details> element whose
// <summary> is collapsed(n), for n blocks, as plain text (it is escaped).
// Folding needs no JavaScript.
func (r *Result) HTML(collapsed func(n int) string) string {
	if collapsed == nil {
		collapsed = func(n int) string { return strconv.Itoa(n) + " …" }
	}
	var b strings.Builder
	items := r.visible()
	size := 0
	for _, it := range items {
		size += len(it.text) + 40
	}
	b.Grow(size)
	for i := 0; i < len(items); {
		if items[i].kind != opEqual {
			writeBlock(&b, items[i])
			i++
			continue
		}
		j := i
		for j < len(items) && items[j].kind == opEqual {
			j++
		}
		writeRun(&b, r.d, items[i:j], i > 0, j < len(items), collapsed)
		i = j
	}
	return b.String()
}

// writeRun writes a run of unchanged blocks: the first as context if the
// run follows a change, the last if it precedes one, and the rest folded
// when it is more than one block.
func writeRun(b *strings.Builder, d *Differ, run []item, follows, precedes bool, collapsed func(int) string) {
	lo, hi := 0, len(run)
	if follows {
		lo = 1
	}
	if precedes {
		hi = max(lo, hi-1)
	}
	for _, it := range run[:lo] {
		d.writeEqual(b, it)
	}
	if n := hi - lo; n > 1 {
		b.WriteString(`<details class="diff-unchanged"><summary>`)
		b.WriteString(html.EscapeString(collapsed(n)))
		b.WriteString("</summary>\n")
		for _, it := range run[lo:hi] {
			d.writeEqual(b, it)
		}
		b.WriteString("</details>\n")
	} else {
		for _, it := range run[lo:hi] {
			d.writeEqual(b, it)
		}
	}
	for _, it := range run[hi:] {
		d.writeEqual(b, it)
	}
}

// writeEqual writes an unchanged block, as the Differ wrote it before if
// it has: a long history shows the same blocks on many diff pages.
func (d *Differ) writeEqual(b *strings.Builder, it item) {
	if d == nil {
		writeBlock(b, it)
		return
	}
	key := equalKey{it.new}
	if v, ok := d.shown.Load(key); ok {
		b.WriteString(v.(string))
		return
	}
	var one strings.Builder
	writeBlock(&one, it)
	if _, loaded := d.shown.LoadOrStore(key, one.String()); !loaded {
		d.n.Add(1)
	}
	b.WriteString(one.String())
}

// equalKey is the key under which a Differ keeps the HTML of an unchanged
// block, beside the display of blocks.
type equalKey struct{ block }

func writeBlock(b *strings.Builder, it item) {
	tag := "p"
	if it.shown().kind == heading {
		tag = "h3"
	}
	class := [...]string{opEqual: "diff-block", opInserted: "diff-block added", opDeleted: "diff-block removed", opChanged: "diff-block changed"}[it.kind]
	b.WriteString("<" + tag + ` class="` + class + `">`)
	switch it.kind {
	case opEqual:
		writeText(b, it.text)
	case opInserted:
		writeMarked(b, "ins", it.text)
	case opDeleted:
		writeMarked(b, "del", it.text)
	case opChanged:
		for _, w := range it.words {
			switch w.Type {
			case diffmatchpatch.DiffEqual:
				writeText(b, w.Text)
			case diffmatchpatch.DiffInsert:
				writeMarked(b, "ins", w.Text)
			case diffmatchpatch.DiffDelete:
				writeMarked(b, "del", w.Text)
			}
		}
	}
	b.WriteString("</" + tag + ">\n")
}

func writeMarked(b *strings.Builder, tag, text string) {
	b.WriteString("<" + tag + ">")
	writeText(b, text)
	b.WriteString("</" + tag + ">")
}

// writeText writes display text escaped, hard line breaks as <br>.
func writeText(b *strings.Builder, text string) {
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			b.WriteString("<br>")
		}
		b.WriteString(html.EscapeString(line))
	}
}
