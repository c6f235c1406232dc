package diff

import (
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// ANSI styles of the terminal output. Deleted words are struck through and
// inserted ones underlined as well as coloured, so that they differ without
// colour vision too.
const (
	ansiReset   = "\x1b[0m"
	ansiRed     = "\x1b[31m"
	ansiGreen   = "\x1b[32m"
	ansiYellow  = "\x1b[33m"
	ansiDelWord = "\x1b[31;9m"
	ansiInsWord = "\x1b[32;4m"
)

// contextWidth is how many characters of an unchanged block are shown as
// context.
const contextWidth = 72

// Text writes the comparison for a terminal: each changed, added or removed
// block after a gutter of "~", "+" or "-", under the headings it stands
// under, with the first line of the unchanged block before and after it as
// context and "…" for the blocks skipped. Headings keep their "#" marks,
// bulleted list items are led by "• ", and a table row is written as its
// cells between "|": of a changed table, the header, the changed rows and
// the rows next to them. Without color, words are marked
// [-removed-]{+added+}; with color, in red struck through and green
// underlined. Nothing is written when the texts do not differ.
func (r *Result) Text(w io.Writer, color bool) error {
	parts := r.parts()
	show := layout(parts)
	if !slices.Contains(show, true) {
		return nil
	}
	t := terminal{color: color}
	for i, p := range parts {
		switch {
		case show[i] && p.table():
			t.table(p.items)
		case show[i]:
			t.block(p.items[0])
		case i == 0 || show[i-1]:
			t.b.WriteString("  …\n")
		}
	}
	_, err := io.WriteString(w, t.b.String())
	return err
}

// terminal builds the text output.
type terminal struct {
	b      strings.Builder
	color  bool
	gutter string // of the block being written, repeated on each of its lines
}

func (t *terminal) block(it item) {
	t.gutterOf(it.kind)
	prefix := ""
	switch b := it.shown(); {
	case b.kind == heading:
		prefix = strings.Repeat("#", max(b.level, 1)) + " "
	case b.bullet():
		prefix = "• "
	}
	t.span(prefix, "", "", "")
	switch it.kind {
	case opEqual:
		text := it.text
		if it.shown().kind != heading {
			text = contextLine(text)
		}
		t.span(text, "", "", "")
	case opInserted:
		t.span(it.text, ansiGreen, "", "")
	case opDeleted:
		t.span(it.text, ansiRed, "", "")
	case opChanged:
		t.words(it.words)
	}
	t.b.WriteString("\n")
}

// table writes the header rows of a table, its changed rows and the rows
// next to those, and "…" for each run of rows skipped.
func (t *terminal) table(rows []item) {
	near := make([]bool, len(rows))
	for i, it := range rows {
		near[i] = it.shown().header || it.kind != opEqual ||
			i > 0 && rows[i-1].kind != opEqual || i+1 < len(rows) && rows[i+1].kind != opEqual
	}
	for i, it := range rows {
		if !near[i] {
			if i == 0 || near[i-1] {
				t.b.WriteString("  …\n")
			}
			continue
		}
		t.row(it)
	}
}

// row writes a table row as its cells between "|".
func (t *terminal) row(it item) {
	t.gutterOf(it.kind)
	style := map[opKind]string{opInserted: ansiGreen, opDeleted: ansiRed}[it.kind]
	t.span("|", style, "", "")
	for _, c := range rowCells(it) {
		t.span(" ", "", "", "")
		if it.kind == opChanged {
			t.words(c)
		} else {
			for _, w := range c {
				t.span(w.Text, style, "", "")
			}
		}
		t.span(" |", style, "", "")
	}
	t.b.WriteString("\n")
}

func (t *terminal) gutterOf(kind opKind) {
	switch kind {
	case opEqual:
		t.start(" ", "")
	case opInserted:
		t.start("+", ansiGreen)
	case opDeleted:
		t.start("-", ansiRed)
	case opChanged:
		t.start("~", ansiYellow)
	}
}

func (t *terminal) words(words []diffmatchpatch.Diff) {
	for _, w := range words {
		switch w.Type {
		case diffmatchpatch.DiffEqual:
			t.span(w.Text, "", "", "")
		case diffmatchpatch.DiffDelete:
			t.span(w.Text, ansiDelWord, "[-", "-]")
		case diffmatchpatch.DiffInsert:
			t.span(w.Text, ansiInsWord, "{+", "+}")
		}
	}
}

// start begins a block's first line with its gutter mark: "~", "+", "-"
// or " " for context.
func (t *terminal) start(mark, style string) {
	if t.color && style != "" {
		mark = style + mark + ansiReset
	}
	t.gutter = mark + " "
	t.b.WriteString(t.gutter)
}

// span writes text in a style (with colour) or between markers (without);
// a line break in it continues on a new line after the gutter.
func (t *terminal) span(text, style, pre, post string) {
	if !t.color {
		style = ""
	} else {
		pre, post = "", ""
	}
	t.b.WriteString(pre)
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			t.b.WriteString("\n" + t.gutter)
		}
		if style != "" && line != "" {
			line = style + line + ansiReset
		}
		t.b.WriteString(line)
	}
	t.b.WriteString(post)
}

// contextLine shortens an unchanged block to its first line, cut at a space
// before contextWidth characters.
func contextLine(text string) string {
	line, _, cut := strings.Cut(text, "\n")
	if utf8.RuneCountInString(line) <= contextWidth {
		if cut {
			return line + " …"
		}
		return line
	}
	n := 0
	for i := range line {
		if n == contextWidth {
			line = line[:i]
			break
		}
		n++
	}
	if sp := strings.LastIndex(line, " "); sp > contextWidth/2 {
		line = line[:sp]
	}
	return line + " …"
}
