package diff

import (
	"html"
	"strconv"
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// HTML renders the comparison as an HTML fragment. A block is a <p> or,
// for a heading, an <h3> (a clause) or <h4> (a sub-heading), a list item an
// <li> in a <ul>, each of class "diff-block" and "changed", "added" or
// "removed"; a table is a <table class="diff-table"> whose rows are of class
// "diff-row" and the same. Removed words are in <del>, added ones in <ins>,
// which carry the meaning without colour; an added block is one <ins>, a
// removed one one <del>. Changed blocks are shown under their headings,
// with the unchanged block before and after as context; the rest of each
// unchanged run is folded into a <details> element whose <summary> is
// collapsed(n), for n blocks (a table counting as one), as plain text (it
// is escaped). Folding needs no JavaScript.
func (r *Result) HTML(collapsed func(n int) string) string {
	if collapsed == nil {
		collapsed = func(n int) string { return strconv.Itoa(n) + " …" }
	}
	parts := r.parts()
	show := layout(parts)
	w := htmlWriter{d: r.d}
	size := 0
	for _, p := range parts {
		for _, it := range p.items {
			size += len(it.text) + 40
		}
	}
	w.b.Grow(size)
	for i := 0; i < len(parts); {
		if show[i] {
			w.part(parts[i])
			i++
			continue
		}
		j := i
		for j < len(parts) && !show[j] {
			j++
		}
		w.fold(parts[i:j], collapsed)
		i = j
	}
	w.endList()
	return w.b.String()
}

// fold writes a run of unchanged parts not shown as context: folded in a
// <details> element, unless it is a single part.
func (w *htmlWriter) fold(run []part, collapsed func(n int) string) {
	if len(run) == 1 {
		w.part(run[0])
		return
	}
	w.endList()
	w.b.WriteString(`<details class="diff-unchanged"><summary>`)
	w.b.WriteString(html.EscapeString(collapsed(len(run))))
	w.b.WriteString("</summary>\n")
	for _, p := range run {
		w.part(p)
	}
	w.endList()
	w.b.WriteString("</details>\n")
}

// htmlWriter builds the HTML output. inList is set while a <ul> is open:
// list items in a row share one.
type htmlWriter struct {
	b      strings.Builder
	d      *Differ
	inList bool
}

func (w *htmlWriter) part(p part) {
	if p.table() {
		w.endList()
		w.d.writeTable(&w.b, p)
		return
	}
	it := p.items[0]
	if it.shown().item() {
		if !w.inList {
			w.b.WriteString(`<ul class="diff-list">` + "\n")
			w.inList = true
		}
	} else {
		w.endList()
	}
	if it.kind == opEqual {
		w.d.writeEqual(&w.b, it)
		return
	}
	writeBlock(&w.b, it)
}

func (w *htmlWriter) endList() {
	if w.inList {
		w.b.WriteString("</ul>\n")
		w.inList = false
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

// writeTable writes a table, an unchanged one as the Differ wrote it
// before if it has.
func (d *Differ) writeTable(b *strings.Builder, p part) {
	if d == nil || p.changed() {
		writeTable(b, p.items)
		return
	}
	var src strings.Builder
	for _, it := range p.items {
		if it.new.header {
			src.WriteString("\x00") // a header row renders as <th>
		}
		src.WriteString(it.new.src + "\n")
	}
	key := tableKey{src.String()}
	if v, ok := d.shown.Load(key); ok {
		b.WriteString(v.(string))
		return
	}
	var one strings.Builder
	writeTable(&one, p.items)
	if _, loaded := d.shown.LoadOrStore(key, one.String()); !loaded {
		d.n.Add(1)
	}
	b.WriteString(one.String())
}

// tableKey is the key under which a Differ keeps the HTML of an unchanged
// table: the Markdown of its rows, header rows marked.
type tableKey struct{ src string }

var classes = [...]string{opEqual: "diff-block", opInserted: "diff-block added", opDeleted: "diff-block removed", opChanged: "diff-block changed"}

func writeBlock(b *strings.Builder, it item) {
	shown := it.shown()
	tag, attrs := "p", ""
	switch {
	case shown.kind == heading && shown.level >= 3:
		tag = "h4"
	case shown.kind == heading:
		tag = "h3"
	case shown.item():
		tag = "li"
		if !shown.bullet() {
			attrs = ` data-numbered`
		}
	}
	b.WriteString("<" + tag + ` class="` + classes[it.kind] + `"` + attrs + ">")
	switch it.kind {
	case opEqual:
		writeText(b, it.text)
	case opInserted:
		writeMarked(b, "ins", it.text)
	case opDeleted:
		writeMarked(b, "del", it.text)
	case opChanged:
		writeWords(b, it.words)
	}
	b.WriteString("</" + tag + ">\n")
}

func writeWords(b *strings.Builder, words []diffmatchpatch.Diff) {
	for _, w := range words {
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
