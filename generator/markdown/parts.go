package markdown

import "strings"

// Parts cuts Markdown into parts that render apart to what the whole
// renders to, joined: a large document that changes in one place from
// version to version need then only render that part again. It cuts
// before every ATX heading at the start of a line ("### Newsletter"),
// which no container or paragraph can continue across. A text with
// anything whose reach is harder to see (a code fence, a line starting
// with raw HTML, which may open a comment or a <pre> block spanning blank
// lines, or a link reference definition, which links from afar) is left
// whole.
func Parts(src string) []string {
	var parts []string
	start := 0
	for i := 0; i < len(src); {
		end := strings.IndexByte(src[i:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += i + 1
		}
		line := src[i:end]
		if reachesFar(line) {
			return []string{src}
		}
		if i > start && isATXHeading(line) {
			parts = append(parts, src[start:i])
			start = i
		}
		i = end
	}
	return append(parts, src[start:])
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
