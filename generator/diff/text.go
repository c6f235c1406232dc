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
// block after a gutter of "~", "+" or "-", with the first line of the
// unchanged block before and after it as context and "…" for the blocks
// skipped. Without color, words are marked [-removed-]{+added+}; with
// color, in red struck through and green underlined. Nothing is written
// when the texts do not differ.
func (r *Result) Text(w io.Writer, color bool) error {
	items := r.visible()
	show := make([]bool, len(items))
	for i, it := range items {
		if it.kind != opEqual {
			for j := max(0, i-1); j <= min(len(items)-1, i+1); j++ {
				show[j] = true
			}
		}
	}
	if !slices.Contains(show, true) {
		return nil
	}
	t := terminal{color: color}
	for i, it := range items {
		switch {
		case show[i]:
			t.block(it)
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
	switch it.kind {
	case opEqual:
		t.start(" ", "")
		t.span(contextLine(it.text), "", "", "")
	case opInserted:
		t.start("+", ansiGreen)
		t.span(it.text, ansiGreen, "", "")
	case opDeleted:
		t.start("-", ansiRed)
		t.span(it.text, ansiRed, "", "")
	case opChanged:
		t.start("~", ansiYellow)
		for _, w := range it.words {
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
	t.b.WriteString("\n")
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
