package diag

import (
	"bytes"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// ExcerptWidth is how many cells of a source line an excerpt shows at most:
// a longer line is cut to a window around the caret, marked with "…" where
// it was cut, so that an error in a megabyte-long line prints one short
// line.
const ExcerptWidth = 100

// tabWidth is how many cells a tab takes in an excerpt.
const tabWidth = 4

// Excerpt returns the source line of pos with a caret under its column, in
// the style of compilers:
//
//	12 | retention = "acount"
//	   |             ^
//
// Control characters in the line are shown escaped (see Printable). It
// returns "" when the line is not in src.
func Excerpt(src []byte, pos Pos) string {
	if pos.Line < 1 {
		return ""
	}
	start := 0
	for n := 1; n < pos.Line; n++ {
		i := bytes.IndexByte(src[start:], '\n')
		if i < 0 {
			return ""
		}
		start += i + 1
	}
	return excerptLine(src[start:], pos)
}

// excerptLine formats the excerpt of pos from text that starts with its line.
func excerptLine(text []byte, pos Pos) string {
	if i := bytes.IndexByte(text, '\n'); i >= 0 {
		text = text[:i]
	}
	line := strings.TrimRight(string(text), "\r")
	shown, caret := window(line, pos.Col)
	num := strconv.Itoa(pos.Line)
	var b strings.Builder
	b.WriteString("  " + num + " | " + shown + "\n")
	if pos.Col >= 1 {
		b.WriteString("  " + strings.Repeat(" ", len(num)) + " | " + strings.Repeat(" ", caret) + "^\n")
	}
	return b.String()
}

// window returns what an excerpt shows of line (at most ExcerptWidth
// cells around the 1-based byte column col, tabs expanded and controls
// escaped) and the number of cells before the caret.
func window(line string, col int) (string, int) {
	at := min(max(col-1, 0), len(line))
	for at > 0 && at < len(line) && !utf8.RuneStart(line[at]) {
		at-- // a column inside a multi-byte character points at the character
	}
	start, used := at, 0
	for start > 0 {
		r, n := utf8.DecodeLastRuneInString(line[:start])
		if used+cells(r, line[start-n:start]) > ExcerptWidth/2 {
			break
		}
		used += cells(r, line[start-n:start])
		start -= n
	}
	var b strings.Builder
	caret := 0
	if start > 0 {
		b.WriteString("…")
		caret = 1
	}
	i, total := start, caret
	for i < len(line) {
		r, n := utf8.DecodeRuneInString(line[i:])
		w := cells(r, line[i:i+n])
		if total+w > ExcerptWidth {
			b.WriteString("…")
			break
		}
		if i < at {
			caret += w
		}
		b.WriteString(show(r, line[i:i+n]))
		total += w
		i += n
	}
	return b.String(), caret
}

// show returns how an excerpt writes the character r, raw in the source.
func show(r rune, raw string) string {
	if r == '\t' {
		return strings.Repeat(" ", tabWidth)
	}
	return escapeRune(raw, r)
}

// cells returns how many terminal cells show(r, raw) takes.
func cells(r rune, raw string) int {
	switch {
	case r == '\t':
		return tabWidth
	case r == utf8.RuneError && len(raw) == 1, IsControl(r):
		return len(escapeRune(raw, r))
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
		return 0 // combining marks and invisible format characters
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// ColOf returns the 1-based byte column of the given byte offset in src and
// its 1-based line.
func ColOf(src []byte, offset int) (line, col int) {
	if offset > len(src) {
		offset = len(src)
	}
	line = 1 + bytes.Count(src[:offset], []byte("\n"))
	start := bytes.LastIndexByte(src[:offset], '\n') + 1
	return line, offset - start + 1
}
