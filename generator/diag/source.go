package diag

import (
	"strconv"
	"strings"
)

// Excerpt returns the source line of pos with a caret under its column, in
// the style of compilers:
//
//	12 | retention = "acount"
//	   |             ^
//
// It returns "" when the line is not in src.
func Excerpt(src []byte, pos Pos) string {
	if pos.Line < 1 {
		return ""
	}
	lines := strings.Split(string(src), "\n")
	if pos.Line > len(lines) {
		return ""
	}
	line := strings.TrimRight(lines[pos.Line-1], "\r")
	num := strconv.Itoa(pos.Line)
	gutter := strings.Repeat(" ", len(num))
	var b strings.Builder
	b.WriteString("  " + num + " | " + expandTabs(line) + "\n")
	if pos.Col < 1 {
		return b.String()
	}
	b.WriteString("  " + gutter + " | " + strings.Repeat(" ", displayCol(line, pos.Col)) + "^\n")
	return b.String()
}

// displayCol converts a 1-based byte column into the number of cells before
// it on screen, counting runes and expanding tabs to four cells.
func displayCol(line string, col int) int {
	if col-1 > len(line) {
		col = len(line) + 1
	}
	n := 0
	for _, r := range line[:col-1] { // ranging over a string counts runes
		if r == '\t' {
			n += 4
			continue
		}
		n++
	}
	return n
}

func expandTabs(s string) string { return strings.ReplaceAll(s, "\t", "    ") }

// ColOf returns the 1-based byte column of the given byte offset in src and
// its 1-based line.
func ColOf(src []byte, offset int) (line, col int) {
	if offset > len(src) {
		offset = len(src)
	}
	line = 1 + strings.Count(string(src[:offset]), "\n")
	start := strings.LastIndexByte(string(src[:offset]), '\n') + 1
	return line, offset - start + 1
}
