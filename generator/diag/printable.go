package diag

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// IsControl reports whether r must not reach a terminal as it is: the C0
// controls but newline and tab, DEL, the C1 controls (U+0080 to U+009F),
// the line and paragraph separators, and the bidirectional embeddings,
// overrides and isolates, which can make text read differently from what it
// is. A terminal takes ESC and the C1 CSI as the start of a command.
func IsControl(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case r < 0x20, r >= 0x7f && r <= 0x9f:
		return true
	case r == 0x2028, r == 0x2029, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// Printable returns s with every control character (see IsControl) and
// every byte that is not UTF-8 written as a visible escape: \x1b, \u202e.
// Text from input files passes through it before it is printed, so that
// a site.toml or a history file cannot send commands to the terminal.
func Printable(s string) string {
	if !needsEscape(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		b.WriteString(escapeRune(s[i:i+n], r))
		i += n
	}
	return b.String()
}

func needsEscape(s string) bool {
	for _, r := range s {
		if r == utf8.RuneError || IsControl(r) {
			return true
		}
	}
	return false
}

// escapeRune returns the visible form of the rune r, whose text in the
// input is raw.
func escapeRune(raw string, r rune) string {
	switch {
	case r == utf8.RuneError && len(raw) == 1:
		return fmt.Sprintf(`\x%02x`, raw[0])
	case r < 0x80 && IsControl(r):
		return fmt.Sprintf(`\x%02x`, r)
	case IsControl(r):
		return fmt.Sprintf(`\u%04x`, r)
	}
	return raw
}

// clip shortens s to at most max runes, ending it with "…": a message that
// quotes a megabyte of input is still one line.
func clip(s string, max int) string {
	if len(s) <= max {
		return s
	}
	n := 0
	for i := range s {
		if n == max {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// Count formats n with commas between thousands: 99,950.
func Count(n int) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return "-" + Count(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// PrintableWriter returns a writer that passes what is written to w with
// its control characters escaped (see Printable). It is for streams that
// carry only messages, such as stderr, so that no message can send a
// command to the terminal whatever input it quotes. Each Write is escaped
// on its own; a character split across two writes is escaped as bytes.
func PrintableWriter(w io.Writer) io.Writer { return printableWriter{w} }

type printableWriter struct{ w io.Writer }

func (p printableWriter) Write(b []byte) (int, error) {
	if _, err := io.WriteString(p.w, Printable(string(b))); err != nil {
		return 0, err
	}
	return len(b), nil
}
