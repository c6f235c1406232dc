package diag

import (
	"fmt"
	"io"
	"os"
	"strings"
)

// Print writes every error with its position, the offending line with a
// caret under the column, and its hint, in the order of Sort.
func Print(w io.Writer, errs List) {
	src := Sources{}
	for _, d := range errs.Sort() {
		fmt.Fprintln(w, d.Error())
		fmt.Fprint(w, src.Excerpt(d.Pos))
		if d.Hint != "" {
			fmt.Fprintf(w, "  hint: %s\n", d.Hint)
		}
	}
}

// Sources reads each source file once, for excerpts of several errors.
type Sources map[string][]byte

// Excerpt returns the line of pos with a caret under its column, or ""
// when the position has no line or its file cannot be read (built-in
// files are not on disk).
func (s Sources) Excerpt(pos Pos) string {
	if pos.Line <= 0 || strings.HasPrefix(pos.File, "(built-in)") {
		return ""
	}
	src, ok := s[pos.File]
	if !ok {
		src, _ = os.ReadFile(pos.File)
		s[pos.File] = src
	}
	if src == nil {
		return ""
	}
	return Excerpt(src, pos)
}
