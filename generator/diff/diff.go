// Package diff owns what a reader is shown about a new version of a policy:
// the text diff of two released Markdown documents, block by block with the
// changed words marked, each change under its headings, tables as tables
// and lists as lists, as HTML for the diff page or as text for a terminal;
// and the summary of what changed in the data between two site models, as
// facts that localize to one sentence each.
package diff

import (
	"slices"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/policygen/policygen/generator/markdown"
)

// opKind says what happened to a block.
type opKind uint8

const (
	opEqual opKind = iota
	opInserted
	opDeleted
	opChanged
)

// op is one block of the comparison. old is zero for an inserted block, new
// for a deleted one; an equal block has both. words are the display text of
// a changed block as equal, inserted and deleted runs; cells are those of
// each cell of a changed table row.
type op struct {
	kind     opKind
	old, new block
	words    []diffmatchpatch.Diff
	cells    [][]diffmatchpatch.Diff
}

// Result is the comparison of two Markdown documents: the blocks of both in
// order, each equal, inserted, deleted or changed.
type Result struct {
	ops []op
	d   *Differ // remembers displays, or nil
}

// A Differ compares the versions of a text, one pair after another, and
// remembers the blocks it has split each text into and how it displayed
// each block: a long history shows most blocks in many comparisons. The
// zero Differ is ready to use, and safe for concurrent use; it holds what
// it has seen until it is dropped.
type Differ struct {
	blocks sync.Map // text -> []block
	shown  sync.Map // block -> its display
	n      atomic.Int64
}

// Len returns how many texts and blocks the Differ remembers.
func (d *Differ) Len() int {
	if d == nil {
		return 0
	}
	return int(d.n.Load())
}

// Compare is Compare, remembering what it computes for the next one.
func (d *Differ) Compare(old, new string) *Result { return compare(old, new, d) }

func (d *Differ) split(md string) []block {
	if d == nil {
		return split(md)
	}
	if v, ok := d.blocks.Load(md); ok {
		return v.([]block)
	}
	b := split(md)
	if _, loaded := d.blocks.LoadOrStore(md, b); !loaded {
		d.n.Add(1)
	}
	return b
}

func (d *Differ) display(b block) string {
	if d == nil {
		return b.display()
	}
	if v, ok := d.shown.Load(b); ok {
		return v.(string)
	}
	s := b.display()
	if _, loaded := d.shown.LoadOrStore(b, s); !loaded {
		d.n.Add(1)
	}
	return s
}

// Beyond these sizes of the part that differs (in blocks, in words and the
// spaces between them) a diff is not searched for: the part is shown as
// replaced. The bounds keep the worst case of the O(N·D) search to a
// fraction of a second without a timeout, so output never depends on the
// speed of the machine.
const (
	maxBlockEdit = 10000
	maxWordEdit  = 4000
)

// Compare splits both texts into blocks (headings, paragraphs, list items,
// table rows), aligns the blocks, pairs the changed ones (see pairUp) and
// diffs the words of every pair, sentence by sentence (see words).
func Compare(old, new string) *Result { return compare(old, new, nil) }

func compare(old, new string, d *Differ) *Result {
	a, b := d.split(old), d.split(new)
	var alpha alphabet
	ra, okA := alpha.encode(sources(a))
	rb, okB := alpha.encode(sources(b))
	if !okA || !okB { // more distinct blocks than runes: all replaced
		return &Result{ops: pairUp(d, a, b), d: d}
	}
	return &Result{ops: blockOps(d, diffRunes(ra, rb, maxBlockEdit), a, b), d: d}
}

func sources(blocks []block) []string {
	s := make([]string, len(blocks))
	for i, b := range blocks {
		s[i] = b.src
	}
	return s
}

// blockOps walks the alignment. A run of deleted blocks next to a run of
// inserted ones is paired up in order into changed blocks; the rest stay
// deleted or inserted.
func blockOps(d *Differ, diffs []diffmatchpatch.Diff, a, b []block) []op {
	var ops []op
	var ia, ib int
	var dels, inss []block
	flush := func() {
		ops = append(ops, pairUp(d, dels, inss)...)
		dels, inss = nil, nil
	}
	for _, df := range diffs {
		n := utf8.RuneCountInString(df.Text)
		switch df.Type {
		case diffmatchpatch.DiffEqual:
			flush()
			for _, blk := range a[ia : ia+n] {
				ops = append(ops, op{kind: opEqual, old: blk, new: blk})
			}
			ia, ib = ia+n, ib+n
		case diffmatchpatch.DiffDelete:
			dels = append(dels, a[ia:ia+n]...)
			ia += n
		case diffmatchpatch.DiffInsert:
			inss = append(inss, b[ib:ib+n]...)
			ib += n
		}
	}
	flush()
	return ops
}

// pairUp pairs the deleted blocks of a run with inserted ones in order,
// each with the next inserted block of its kind (a table row with the row
// of the same first cell): those are changed blocks, the rest deleted or
// inserted.
func pairUp(d *Differ, dels, inss []block) []op {
	ops := make([]op, 0, max(len(dels), len(inss)))
	j := 0
	for i, del := range dels {
		k := partner(d, dels[i:], inss[j:])
		if k < 0 {
			ops = append(ops, op{kind: opDeleted, old: del})
			continue
		}
		for _, ins := range inss[j : j+k] {
			ops = append(ops, op{kind: opInserted, new: ins})
		}
		ops = append(ops, changed(d, del, inss[j+k])...)
		j += k + 1
	}
	for _, ins := range inss[j:] {
		ops = append(ops, op{kind: opInserted, new: ins})
	}
	return ops
}

// partner returns the index of the block in inss that dels[0] changed
// into, or -1. A table row is matched by its first cell, which names what
// the row is about (a recipient, a cookie), or as the next row when the
// first cells have a word in common; a header row by the next header row.
// Another block is matched by the block of its kind, among the next ones,
// that is most like it, if any is similar (so that a paragraph added
// before a changed one of the same template, such as a second joint
// controller's, is not taken for the change), unless one of the blocks
// deleted after it is more like that one; or else by the next of its
// kind unless that is similar to one of the blocks deleted after it,
// which then gets it.
func partner(d *Differ, dels, inss []block) int {
	old := dels[0]
	if old.kind == tableRow {
		return rowPartner(old, inss)
	}
	shown := d.display(old)
	first, best, bestLike := -1, -1, 0.0
	for k, b := range inss[:min(len(inss), lookahead)] {
		if b.kind != old.kind {
			continue
		}
		if first < 0 {
			first = k
		}
		if s := d.display(b); similar(shown, s) {
			if like := likeness(shown, s); best < 0 || like > bestLike {
				best, bestLike = k, like
			}
		}
	}
	later := dels[1:min(len(dels), lookahead)]
	if best >= 0 {
		for _, l := range later {
			if l.kind == old.kind && likeness(d.display(l), d.display(inss[best])) > bestLike {
				return -1
			}
		}
		return best
	}
	if first < 0 {
		return -1
	}
	for _, l := range later {
		if l.kind == old.kind && similar(d.display(l), d.display(inss[first])) {
			return -1
		}
	}
	return first
}

func rowPartner(old block, inss []block) int {
	if old.header {
		return slices.IndexFunc(inss, func(b block) bool { return b.header })
	}
	key := firstCell(old)
	if k := slices.IndexFunc(inss, func(b block) bool { return b.kind == tableRow && !b.header && firstCell(b) == key }); k >= 0 {
		return k
	}
	if len(inss) > 0 && inss[0].kind == tableRow && !inss[0].header && shareWord(key, firstCell(inss[0])) {
		return 0
	}
	return -1
}

// changed diffs the words of a pair of blocks. A pair that has no word in
// common is not a changed block but one removed and another added; table
// rows, paired by their first cells, are diffed cell by cell.
func changed(d *Differ, old, new block) []op {
	if old.kind == new.kind && markdown.SameHTML(old.src, new.src) {
		// Escaped differently (B\.V\. then B.V.), read the same: no change.
		return []op{{kind: opEqual, old: old, new: new}}
	}
	if old.kind == tableRow && new.kind == tableRow {
		return []op{{kind: opChanged, old: old, new: new, cells: cellWords(old, new)}}
	}
	w := words(d.display(old), d.display(new))
	for _, d := range w {
		if d.Type == diffmatchpatch.DiffEqual && hasWord(d.Text) {
			return []op{{kind: opChanged, old: old, new: new, words: w}}
		}
	}
	if len(w) == 0 { // neither shows anything, such as two separator rows
		return []op{{kind: opChanged, old: old, new: new}}
	}
	return []op{{kind: opDeleted, old: old}, {kind: opInserted, new: new}}
}

// Changed reports whether the texts differ.
func (r *Result) Changed() bool {
	for _, o := range r.ops {
		if o.kind != opEqual {
			return true
		}
	}
	return false
}

// item is an operation as shown: text is the display text of an equal,
// inserted or deleted block (a changed one has its words).
type item struct {
	op
	text string
}

// visible returns the operations that show something: table separator rows
// and blocks without text are left out.
func (r *Result) visible() []item {
	out := make([]item, 0, len(r.ops))
	for _, o := range r.ops {
		it := item{op: o}
		switch o.kind {
		case opChanged:
			if len(o.words) == 0 && len(o.cells) == 0 {
				continue
			}
		case opDeleted:
			it.text = r.d.display(o.old)
		default:
			it.text = r.d.display(o.new)
		}
		if it.text != "" || o.kind == opChanged {
			out = append(out, it)
		}
	}
	return out
}

// shown is the block whose form the operation is displayed in: the new one,
// unless the block was deleted.
func (o op) shown() block {
	if o.kind == opDeleted {
		return o.old
	}
	return o.new
}
