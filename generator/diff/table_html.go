package diff

import (
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// writeTable writes the rows of a table as an HTML table (in a scrolling
// wrapper): header rows in
// <thead> as <th> cells, the others in <tbody>; every row has as many cells
// as the widest, an added row's cells each in <ins>, a removed row's in
// <del>, a changed row's with its words marked cell by cell.
func writeTable(b *strings.Builder, rows []item) {
	width := 0
	for _, it := range rows {
		width = max(width, len(rowCells(it)))
	}
	// The wrapper scrolls a wide table on a narrow screen, as the policy's
	// own tables do; it takes the focus so that a keyboard can scroll it.
	b.WriteString(`<div class="table-wrap" tabindex="0"><table class="diff-table">` + "\n")
	section := ""
	for _, it := range rows {
		want, cell := "tbody", "td"
		if it.shown().header {
			want, cell = "thead", "th"
		}
		if want != section {
			if section != "" {
				b.WriteString("</" + section + ">\n")
			}
			b.WriteString("<" + want + ">\n")
			section = want
		}
		b.WriteString(`<tr class="` + strings.Replace(classes[it.kind], "diff-block", "diff-row", 1) + `">`)
		c := rowCells(it)
		for i := range width {
			if i > 0 {
				b.WriteString(" ")
			}
			b.WriteString("<" + cell + ">")
			if i < len(c) {
				writeWords(b, c[i])
			}
			b.WriteString("</" + cell + ">")
		}
		b.WriteString("</tr>\n")
	}
	if section != "" {
		b.WriteString("</" + section + ">\n")
	}
	b.WriteString("</table></div>\n")
}

// rowCells returns the cells of a row as it is shown: each cell's words,
// all equal, inserted or deleted unless the row changed.
func rowCells(it item) [][]diffmatchpatch.Diff {
	if it.kind == opChanged {
		return it.cells
	}
	t := map[opKind]diffmatchpatch.Operation{opEqual: diffmatchpatch.DiffEqual, opInserted: diffmatchpatch.DiffInsert, opDeleted: diffmatchpatch.DiffDelete}[it.kind]
	var out [][]diffmatchpatch.Diff
	for _, c := range cells(it.shown().src) {
		if c == "" {
			out = append(out, nil)
		} else {
			out = append(out, []diffmatchpatch.Diff{{Type: t, Text: c}})
		}
	}
	return out
}
