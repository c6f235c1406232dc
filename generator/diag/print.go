package diag

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
)

// MaxPrinted is how many errors Print shows; it counts the rest. A file
// with a hundred thousand mistakes is not read error by error, and its
// report must not fill the disk.
const MaxPrinted = 50

// maxMessage is how many characters of a message or hint Print shows.
const maxMessage = 1000

// Print writes every error with its position, the offending line with a
// caret under the column, and its hint, in the order of Sort: at most
// MaxPrinted of them, then a line that counts the others. Text from the
// input is printed with its control characters escaped (see Printable).
func Print(w io.Writer, errs List) {
	src := Sources{}
	errs = errs.Sort()
	for i, d := range errs {
		if i == MaxPrinted {
			fmt.Fprintf(w, "… and %s more\n", Count(len(errs)-i))
			return
		}
		fmt.Fprintln(w, Message(d.Error()))
		fmt.Fprint(w, src.Excerpt(d.Pos))
		if d.Hint != "" {
			fmt.Fprintf(w, "  hint: %s\n", Message(d.Hint))
		}
	}
}

// Message returns a message or hint as it is printed: control characters
// escaped, and cut to a length that fits a report.
func Message(s string) string { return Printable(clip(s, maxMessage)) }

// Sources reads each source file once, for excerpts of several errors.
type Sources map[string]*source

// source is a file's text and where each of its lines starts, so that the
// excerpts of many errors in a large file cost no more than reading it.
type source struct {
	text   []byte
	starts []int
}

// Excerpt returns the line of pos with a caret under its column, or ""
// when the position has no line or its file cannot be read (built-in
// files are not on disk).
func (s Sources) Excerpt(pos Pos) string {
	if pos.Line <= 0 || strings.HasPrefix(pos.File, "(built-in)") {
		return ""
	}
	f, ok := s[pos.File]
	if !ok {
		f = &source{}
		f.text, _ = os.ReadFile(pos.File)
		for i := 0; f.text != nil; {
			f.starts = append(f.starts, i)
			j := bytes.IndexByte(f.text[i:], '\n')
			if j < 0 {
				break
			}
			i += j + 1
		}
		s[pos.File] = f
	}
	if pos.Line > len(f.starts) {
		return ""
	}
	return excerptLine(f.text[f.starts[pos.Line-1]:], pos)
}
