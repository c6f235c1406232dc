package diff

import (
	"regexp"
	"strings"

	"github.com/policygen/policygen/generator/markdown"
)

var (
	headingMarks = regexp.MustCompile(`^ {0,3}#{1,6}[ \t]*|[ \t]+#+[ \t]*$`)
	headingID    = regexp.MustCompile(`[ \t]*\{#[^}]*\}[ \t]*$`)
	itemMarker   = regexp.MustCompile(`^[ \t]*(?:([-*+])|([0-9]{1,9}[.)]))[ \t]*`)
	quoteMarker  = regexp.MustCompile(`(?m)^[ \t]*>[ \t]?`)
)

// display is the block as a reader sees it, without Markdown markers: a
// heading without its hashes and {#id}, a bulleted list item without its
// bullet (the output shows it as a list item), a numbered one led by its
// number, a table row as its cells joined by " | ", inline Markdown
// resolved (see inline). Hard line breaks are "\n". Separator rows display
// as nothing.
func (b block) display() string {
	switch b.kind {
	case separator:
		return ""
	case heading:
		return inline(headingID.ReplaceAllString(headingMarks.ReplaceAllString(b.src, ""), ""))
	case listItem:
		return itemDisplay(b.src)
	case quoteItem:
		return itemDisplay(quoteMarker.ReplaceAllString(b.src, ""))
	case tableRow:
		return strings.Join(cells(b.src), " | ")
	case quote:
		return inline(quoteMarker.ReplaceAllString(b.src, ""))
	}
	return inline(b.src)
}

// itemDisplay is the display of a list item's Markdown: a bulleted one
// without its bullet, a numbered one led by its number.
func itemDisplay(src string) string {
	m := itemMarker.FindStringSubmatch(src)
	if m == nil {
		return inline(src)
	}
	rest := inline(src[len(m[0]):])
	if m[1] != "" {
		return rest
	}
	return m[2] + " " + rest
}

// item reports whether the block is a list item, in a block quote or not.
func (b block) item() bool { return b.kind == listItem || b.kind == quoteItem }

// bullet reports whether the block is a bulleted list item.
func (b block) bullet() bool {
	src := b.src
	if b.kind == quoteItem {
		src = quoteMarker.ReplaceAllString(src, "")
	}
	m := itemMarker.FindStringSubmatch(src)
	return b.item() && m != nil && m[1] != ""
}

// cells splits a table row as markdown.Cells does and displays each cell.
func cells(row string) []string {
	out := markdown.Cells(row)
	for i, c := range out {
		out[i] = inline(c)
	}
	return out
}
