package markdown

import (
	"fmt"
	"regexp"
	"strings"
)

// TableError is a table, as Parts cuts them out, that GitHub Flavored
// Markdown does not take for one: it would render as a paragraph of
// pipes. Line is the line of the part that is wrong (1 for the header, 2
// for the delimiter row).
type TableError struct {
	Line int
	Msg  string
}

func (e *TableError) Error() string { return e.Msg }

var delimiterCell = regexp.MustCompile(`^:?-+:?$`)

// CheckTable reports whether a table's head (see Table) makes a table:
// every cell of the delimiter row is dashes with optional colons, and it
// has at least as many cells as the header.
func CheckTable(head string) *TableError {
	header, delim, _ := strings.Cut(strings.TrimRight(head, "\n"), "\n")
	dcells := cells(delim)
	for _, c := range dcells {
		if !delimiterCell.MatchString(c) {
			return &TableError{2, fmt.Sprintf("the delimiter row of this table has a cell %q: want dashes with optional colons, such as --- or :-:", c)}
		}
	}
	if h := len(cells(header)); h > len(dcells) { // goldmark takes a longer delimiter row

		return &TableError{2, fmt.Sprintf("the header of this table has %d cells, its delimiter row %d: it renders as text", h, len(dcells))}
	}
	return nil
}

// cells splits a row at its unescaped pipes, leaving out the first and
// last, and trims each cell.
func cells(row string) []string {
	row = strings.TrimSpace(row)
	row = strings.TrimPrefix(row, "|")
	if strings.HasSuffix(row, "|") && !strings.HasSuffix(row, `\|`) {
		row = row[:len(row)-1]
	}
	var out []string
	start := 0
	for i := 0; i < len(row); i++ {
		switch row[i] {
		case '\\':
			i++
		case '|':
			out = append(out, strings.TrimSpace(row[start:i]))
			start = i + 1
		}
	}
	return append(out, strings.TrimSpace(row[start:]))
}
