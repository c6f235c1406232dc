package markdown

import "strings"

// AtHeadings cuts Markdown before every ATX heading in the first column
// ("### Statistics"), so that the parts render apart to what the whole
// renders to, joined: nothing a heading ends can continue past it. A large
// document that changes in one place from version to version then renders
// again only the part that changed. A text with anything whose reach is
// harder to see is left whole: a code fence or a line starting with raw
// HTML (which may open a comment or a <pre> block spanning headings), or a
// "]:" that may end a link reference definition, which links from afar.
//
// It is the one fast path of rendering that cuts goldmark's input: on the
// large site of BenchmarkBuildLarge, whose cookie policy's tracker tables
// change from version to version, rendering whole sections instead takes
// BuildLarge/memory from 841 to 956 ms (medians of 5 interleaved runs,
// 2026-12-01; 4.69 against 6.33 million allocations): whole sections parse
// about twice the Markdown of the frozen pages (40.7% of their bytes
// against 20.9%). FuzzAtHeadings checks it against rendering whole.
func AtHeadings(src string) []string {
	var parts []string
	start, off := 0, 0
	for line := range strings.Lines(src) {
		if reachesFar(line) {
			return []string{src}
		}
		if off > start && isATXHeading(line) {
			parts = append(parts, src[start:off])
			start = off
		}
		off += len(line)
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
