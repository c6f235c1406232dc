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
// or a <pre> block spanning blank lines, or a link reference definition,
// which links from afar) is left whole.
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
// line (or at the start), of a header, a delimiter row and at least one
// row, every line starting with '|', and followed by a blank line or the
// end.
func tableAt(lines []string, i int) int {
	if i > 0 && !isBlank(lines[i-1]) || i+2 >= len(lines) || !isRow(lines[i]) || !isDelimiterRow(lines[i+1]) {
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

func isBlank(line string) bool { return strings.TrimSpace(line) == "" }

// isRow reports whether a line is a table row as Parts takes it: starting
// with '|' and ending with '|'.
func isRow(line string) bool {
	l := strings.TrimRight(line, " \t\r\n")
	return len(l) >= 2 && l[0] == '|' && l[len(l)-1] == '|' && !strings.HasSuffix(l, `\|`)
}

func isDelimiterRow(line string) bool {
	return isRow(line) && strings.Contains(line, "-") && strings.Trim(line, "|-: \t\r\n") == ""
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

// reachesFar reports whether a line may start a construct that makes
// lines far from it render differently: a code fence, raw HTML or a link
// reference definition, after any indentation or container markers.
func reachesFar(line string) bool {
	t := strings.TrimLeft(line, " \t>-*+0123456789.)")
	return strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") || strings.HasPrefix(t, "<") ||
		strings.HasPrefix(t, "[") && strings.Contains(line, "]:")
}
