package diff

import (
	"regexp"
	"strings"
)

// blockKind is the Markdown construct a block is.
type blockKind uint8

const (
	paragraph blockKind = iota
	heading
	listItem
	tableRow
	separator // a table's delimiter row or a thematic break: not shown
	quote
	quoteItem // a list item in a block quote
)

// block is the unit the texts are aligned by: a heading, a paragraph, a
// list item (with its continuation lines), a table row or a paragraph of a
// block quote. src is its Markdown, lines joined by "\n"; level is a
// heading's level (1 for "#"), and header marks a table's header row (the
// row above its delimiter row).
type block struct {
	kind   blockKind
	src    string
	level  int
	header bool
}

var (
	headingLine   = regexp.MustCompile(`^ {0,3}#{1,6}(?:[ \t]|$)`)
	itemLine      = regexp.MustCompile(`^[ \t]*(?:[-*+]|[0-9]{1,9}[.)])(?:[ \t]|$)`)
	delimiterRow  = regexp.MustCompile(`^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$`)
	thematicBreak = regexp.MustCompile(`^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$`)
)

// split cuts a Markdown document into blocks. Blank lines end paragraphs;
// headings, table rows and list item markers start blocks of their own.
func split(md string) []block {
	var blocks []block
	cur := -1 // the block that continuation lines join, if any
	for line := range strings.Lines(md) {
		line = strings.TrimRight(line, "\r\n")
		kind, single := classify(line, cur >= 0 && blocks[cur].kind == paragraph)
		switch {
		case strings.TrimSpace(strings.TrimLeft(line, " \t>")) == "":
			cur = -1 // a blank line, or a blank line of a block quote
		case single:
			blocks = append(blocks, newBlock(kind, line))
			if n := len(blocks) - 1; kind == separator && n > 0 && blocks[n-1].kind == tableRow && delimiterRow.MatchString(line) {
				blocks[n-1].header = true
			}
			cur = -1
		case cur >= 0 && (kind == paragraph || kind == quote && (blocks[cur].kind == quote || blocks[cur].kind == quoteItem)):
			blocks[cur].src += "\n" + line
		default:
			blocks = append(blocks, newBlock(kind, line))
			cur = len(blocks) - 1
		}
	}
	return blocks
}

func newBlock(kind blockKind, line string) block {
	b := block{kind: kind, src: line}
	if kind == heading {
		b.level = strings.IndexFunc(strings.TrimLeft(line, " "), func(r rune) bool { return r != '#' })
	}
	return b
}

// classify says what a line starts, and whether it is a block by itself.
// In a paragraph, as in CommonMark, only a numbered item starting at 1
// starts a list: "24. Mai" on a line of its own continues the paragraph.
func classify(line string, inParagraph bool) (blockKind, bool) {
	trimmed := strings.TrimLeft(line, " \t")
	if trimmed == "" {
		return paragraph, false
	}
	// The first character rules out all but one or two patterns, so that
	// most lines are classified without a regular expression.
	switch c := trimmed[0]; {
	case c == '#' && headingLine.MatchString(line):
		return heading, true
	case (c == '-' || c == '*' || c == '_') && thematicBreak.MatchString(line):
		return separator, true
	case c == '|' && delimiterRow.MatchString(line):
		return separator, true
	case c == '|':
		return tableRow, true
	case (c == '-' || c == '*' || c == '+' || isDigit(c)) && itemLine.MatchString(line) &&
		(!inParagraph || !isDigit(c) || strings.HasPrefix(trimmed, "1.") || strings.HasPrefix(trimmed, "1)")):
		return listItem, false
	case c == '>' && itemLine.MatchString(quoteMarker.ReplaceAllString(line, "")):
		return quoteItem, false
	case c == '>':
		return quote, false
	}
	return paragraph, false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
