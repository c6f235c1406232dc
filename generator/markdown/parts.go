package markdown

import (
	"strings"
)

// Parts cuts Markdown into parts that render apart to what the whole
// renders to, joined: a large document that changes in one place from
// version to version need then only render that part again. It cuts
// before every ATX heading at the start of a line ("### Newsletter"),
// which no container or paragraph can continue across, and around every
// table that stands between blank lines with each of its lines starting
// with '|' (see Table). A text with anything whose reach is harder to see
// (a code fence, a line starting with raw HTML, which may open a comment
// or a <pre> block spanning blank lines, or a "]:" that may end a link
// reference definition, which links from afar) is left whole.
func Parts(src string) []string {
	var lines []string
	for line := range strings.Lines(src) {
		if reachesFar(line) {
			return []string{src}
		}
		lines = append(lines, line)
	}
	var cuts []int // where parts start
	cut := func(at int) {
		if at > 0 && at < len(src) && (len(cuts) == 0 || cuts[len(cuts)-1] < at) {
			cuts = append(cuts, at)
		}
	}
	off := 0
	for i := 0; i < len(lines); i++ {
		if isATXHeading(lines[i]) {
			cut(off)
		}
		if n := tableAt(lines, i); n > 0 {
			cut(off)
			for _, l := range lines[i : i+n] {
				off += len(l)
			}
			cut(off)
			i += n - 1
			continue
		}
		off += len(lines[i])
	}
	parts := make([]string, 0, len(cuts)+1)
	start := 0
	for _, c := range cuts {
		parts = append(parts, src[start:c])
		start = c
	}
	return append(parts, src[start:])
}

// tableAt returns how many lines the table starting at lines[i] takes,
// or 0 when no table that Parts cuts out starts there: one after a blank
// line (or at the start), of a header, a delimiter row with at least as
// many cells (goldmark fills up a shorter header) and at least one row,
// every line starting with '|', and followed by a blank line or the end.
// A header and delimiter that goldmark does not take for a table ("|- -|",
// or a header with more cells) are no table here either: the lines are a
// paragraph then, which Table must not cut into rows.
func tableAt(lines []string, i int) int {
	if i > 0 && !isBlank(lines[i-1]) || i+2 >= len(lines) || !isRow(lines[i]) || !isRow(lines[i+1]) {
		return 0
	}
	if n := delimiterCells(lines[i+1]); n == 0 || headerCells(lines[i]) > n {
		return 0
	}
	j := i + 2
	for j < len(lines) && isRow(lines[j]) {
		j++
	}
	if j == i+2 || j < len(lines) && !isBlank(lines[j]) {
		return 0
	}
	return j - i
}

// isBlank reports whether goldmark takes a line for blank: spaces, tabs
// and line ends only. A line of U+00A0 or '\v' is text, which continues a
// paragraph or a list item.
func isBlank(line string) bool { return strings.Trim(line, spaces) == "" }

// spaces are the bytes goldmark trims as white space (util.IsSpace).
const spaces = " \t\r\n"

// isRow reports whether a line is a table row as Parts takes it: starting
// with '|' and ending with '|'.
func isRow(line string) bool {
	l := strings.TrimRight(line, spaces)
	return len(l) >= 2 && l[0] == '|' && l[len(l)-1] == '|' && !strings.HasSuffix(l, `\|`)
}

// delimiterCells returns the number of cells of a delimiter row, or 0
// when goldmark does not take the line for one: every cell between the
// pipes one or more '-' with an optional ':' at either end, and nothing
// but white space around.
func delimiterCells(line string) int {
	if strings.Trim(line, spaces+"|-:") != "" || strings.Trim(line, "-") == "" {
		return 0
	}
	cells := strings.Split(line, "|")
	if isBlank(cells[0]) {
		cells = cells[1:]
	}
	if len(cells) > 0 && isBlank(cells[len(cells)-1]) {
		cells = cells[:len(cells)-1]
	}
	for _, c := range cells {
		c = strings.Trim(c, spaces)
		c = strings.TrimPrefix(strings.TrimSuffix(c, ":"), ":")
		if c == "" || strings.Trim(c, "-") != "" {
			return 0
		}
	}
	return len(cells)
}

// headerCells counts the cells of a header row as goldmark does: between
// the outer pipes, split at every '|' not right after a backslash, with no
// empty cell after a last pipe.
func headerCells(line string) int {
	l := strings.Trim(line, spaces)
	l = strings.TrimPrefix(l, "|")
	l = strings.TrimSuffix(l, "|")
	n := 0
	for pos := 0; pos < len(l); n++ {
		end := pos
		for end < len(l) && (l[end] != '|' || end > 0 && l[end-1] == '\\') {
			end++
		}
		pos = end + 1
	}
	return n
}

// Table cuts a part that is one table as Parts cuts them out into its
// head (the header and delimiter rows) and its rows.
func Table(part string) (head string, rows []string, ok bool) {
	var lines []string
	for line := range strings.Lines(part) {
		lines = append(lines, line)
	}
	if len(lines) < 3 || tableAt(lines, 0) != len(lines) {
		return "", nil, false
	}
	for _, l := range lines[2:] {
		rows = append(rows, strings.TrimRight(l, "\n")+"\n")
	}
	return lines[0] + strings.TrimRight(lines[1], "\n") + "\n", rows, true
}

// TableHead renders the head of a table (see Table): the HTML up to its
// body.
func (r *Renderer) TableHead(head string) (string, error) {
	html, err := r.Render(head)
	if err != nil {
		return "", err
	}
	open, ok := strings.CutSuffix(html, "</table>\n")
	if !ok || !strings.HasPrefix(open, "<table>\n") {
		return "", errNotATable
	}
	return open, nil
}

// TableRow renders one row of a table (see Table): its <tr>.
func (r *Renderer) TableRow(head, row string) (string, error) {
	html, err := r.Render(head + row)
	if err != nil {
		return "", err
	}
	_, body, ok := strings.Cut(html, "<tbody>\n")
	body, rest, ok2 := strings.Cut(body, "</tbody>\n")
	if !ok || !ok2 || rest != "</table>\n" {
		return "", errNotATable
	}
	return body, nil
}

// JoinTable joins a table's rendered head and rows.
func JoinTable(open string, rows []string) string {
	return open + "<tbody>\n" + strings.Join(rows, "") + "</tbody>\n</table>\n"
}

// isATXHeading reports whether a line starts an ATX heading in the first
// column: one to six '#' followed by a space, a tab or the line's end.
func isATXHeading(line string) bool {
	n := 0
	for n < len(line) && line[n] == '#' {
		n++
	}
	return n >= 1 && n <= 6 && (n == len(line) || line[n] == ' ' || line[n] == '\t' || line[n] == '\n' || line[n] == '\r')
}

// reachesFar reports whether a line may be part of a construct that makes
// lines far from it render differently: a code fence or raw HTML after any
// indentation or container markers, or a link reference definition. The
// label of a definition may span lines ("[data\nrecipients]: /r"), so any
// line with "]:" counts, not only one that starts with '['.
func reachesFar(line string) bool {
	t := strings.TrimLeft(line, " \t>-*+0123456789.)")
	return strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") || strings.HasPrefix(t, "<") ||
		strings.Contains(line, "]:")
}
