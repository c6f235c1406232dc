package markdown

import (
	"fmt"
	"regexp"
	"strings"
)

// TableError is what a writer meant as a table (see MeantTables) that
// GitHub Flavored Markdown does not take for one: it would render as a
// paragraph of pipes. Line is the line of the head that is wrong (1 for
// the header, 2 for the delimiter row).
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
	dcells := Cells(delim)
	for _, c := range dcells {
		if !delimiterCell.MatchString(c) {
			return &TableError{2, fmt.Sprintf("the delimiter row of this table has a cell %q: want dashes with optional colons, such as --- or :-:", c)}
		}
	}
	if h := len(Cells(header)); h > len(dcells) { // goldmark takes a longer delimiter row
		return &TableError{2, fmt.Sprintf("the header of this table has %d cells, its delimiter row %d: it renders as text", h, len(dcells))}
	}
	return nil
}

// MeantTables returns the heads (header and delimiter row, as CheckTable
// takes them) of what src's writer meant as tables, with the line of each
// header: a line starting with '|' after a blank line or at the start,
// then a line of pipes, dashes, colons and spaces. goldmark takes most of
// them for tables; CheckTable tells the others apart.
func MeantTables(src string) (heads []string, lines []int) {
	rows := strings.Split(src, "\n")
	for i := 0; i+1 < len(rows); i++ {
		header, delim := strings.TrimSpace(rows[i]), strings.TrimSpace(rows[i+1])
		if i > 0 && !isBlank(rows[i-1]) || !strings.HasPrefix(header, "|") || !strings.HasPrefix(delim, "|") ||
			!strings.Contains(delim, "-") || strings.Trim(delim, "|-: \t") != "" {
			continue
		}
		heads = append(heads, rows[i]+"\n"+rows[i+1])
		lines = append(lines, i+1)
	}
	return heads, lines
}

// Cells splits a table row at its unescaped pipes, leaving out the first
// and last, and trims each cell.
func Cells(row string) []string {
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

// isBlank reports whether goldmark takes a line for blank: spaces, tabs
// and line ends only. A line of U+00A0 or '\v' is text, which continues a
// paragraph or a list item.
func isBlank(line string) bool { return strings.Trim(line, " \t\r\n") == "" }
