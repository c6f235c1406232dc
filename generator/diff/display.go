package diff

import (
	"regexp"
	"strings"
)

var (
	headingMarks = regexp.MustCompile(`^ {0,3}#{1,6}[ \t]*|[ \t]+#+[ \t]*$`)
	headingID    = regexp.MustCompile(`[ \t]*\{#[^}]*\}[ \t]*$`)
	itemMarker   = regexp.MustCompile(`^[ \t]*(?:([-*+])|([0-9]{1,9}[.)]))[ \t]*`)
	quoteMarker  = regexp.MustCompile(`(?m)^[ \t]*>[ \t]?`)
)

// display is the block as a reader sees it, without Markdown markers: a
// heading without its hashes and {#id}, a list item led by "• ", a table row
// as its cells joined by " | ", inline Markdown resolved (see inline). Hard
// line breaks are "\n". Separator rows display as nothing.
func (b block) display() string {
	switch b.kind {
	case separator:
		return ""
	case heading:
		return inline(headingID.ReplaceAllString(headingMarks.ReplaceAllString(b.src, ""), ""))
	case listItem:
		m := itemMarker.FindStringSubmatch(b.src)
		rest := inline(b.src[len(m[0]):])
		if m[1] != "" {
			return "• " + rest
		}
		return m[2] + " " + rest
	case tableRow:
		return strings.Join(cells(b.src), " | ")
	case quote:
		return inline(quoteMarker.ReplaceAllString(b.src, ""))
	}
	return inline(b.src)
}

// cells splits a table row at the pipes that are not escaped and displays
// each cell.
func cells(row string) []string {
	row = strings.TrimPrefix(strings.TrimSpace(row), "|")
	var out []string
	start := 0
	for i := 0; i < len(row); i++ {
		switch row[i] {
		case '\\':
			i++
		case '|':
			out = append(out, inline(strings.TrimSpace(row[start:i])))
			start = i + 1
		}
	}
	if last := strings.TrimSpace(row[start:]); last != "" || len(out) == 0 {
		out = append(out, inline(last))
	}
	return out
}
