package markdown

import "strings"

// Text is a value from site.toml on its way into Markdown. Printing it with
// fmt (as text/template does) escapes it, so a clause cannot forget to.
type Text string

// String returns the text escaped for Markdown.
func (t Text) String() string { return Escape(string(t)) }

// Escape makes s print literally in Markdown wherever a clause puts a
// value: in running text, at the start of a line, in a list item, a
// heading, a link's text or a table cell, and next to another escaped
// value. Runs of white space become one space, so that a value cannot end
// a paragraph, a list item or a table row.
//
// It escapes only the characters Markdown could take for markup there,
// so that the frozen text in history reads like the policy ("Grenzland
// Cloud B.V.", "+31 20 123 4567", "https://example.com/privacy"):
//
//   - everywhere: '\\', '`', '*', '<', '[', ']', '|' (a table cell) and
//     '{' (a heading's "{#id}");
//   - '_' unless between two letters or digits, where it cannot start or
//     end emphasis ("first_last@example.com");
//   - '&' where it may start an entity: followed by letters, digits or '#'
//     up to a ';' or the value's end;
//   - '#' at the start and in a run at the end, which a heading would drop;
//   - '!' at the end, which a link after the value would make an image;
//   - at the start of the value, what starts a block at the start of a
//     line: '#', '>', '=', '~', ':', '.', ')', the '.' or ')' after one
//     to nine digits ("1. "), and '-' or '+' unless a letter or digit
//     follows ("+31", "-5").
//
// FuzzEscapeRendersAsBefore checks that every value renders to the HTML
// that escaping every ASCII punctuation character gives.
func Escape(s string) string {
	s = oneLine(s)
	var b strings.Builder
	b.Grow(len(s) + len(s)/16)
	for i := 0; i < len(s); i++ {
		if needsEscape(s, i) {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// oneLine trims s and turns every run of white space in it into one
// space.
func oneLine(s string) string {
	s = strings.TrimSpace(s)
	if !strings.ContainsAny(s, "\n\r\t") && !strings.Contains(s, "  ") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\t' || r == ' ':
			space = true
			continue
		case space:
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// needsEscape reports whether the byte at i of s must be escaped (see
// Escape). Bytes of multi-byte characters are never ASCII punctuation.
func needsEscape(s string, i int) bool {
	c := s[i]
	switch c {
	case '\\', '`', '*', '<', '[', ']', '|', '{':
		return true
	case '_':
		return i == 0 || i+1 == len(s) || !isAlnum(s[i-1]) || !isAlnum(s[i+1])
	case '&':
		return mayStartEntity(s[i+1:])
	case '#':
		return i == 0 || strings.Trim(s[i:], "#") == ""
	case '!':
		return i+1 == len(s)
	case '.', ')':
		return i == 0 || i <= 9 && strings.Trim(s[:i], "0123456789") == "" && (i+1 == len(s) || s[i+1] == ' ')
	}
	if i > 0 {
		return false
	}
	switch c {
	case '>', '=', '~', ':':
		return true
	case '-', '+':
		return len(s) == 1 || !isAlnum(s[1])
	}
	return false
}

// mayStartEntity reports whether rest, what follows an '&', could make it
// an entity or character reference ("&amp;", "&#38;"), alone or with what
// a template writes after the value.
func mayStartEntity(rest string) bool {
	n := 0
	for n < len(rest) && (isAlnum(rest[n]) || rest[n] == '#') {
		n++
	}
	return n == len(rest) || rest[n] == ';'
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// Destination escapes a URL for use as a link destination: written in
// angle brackets, where only '<', '>' and line breaks are not allowed.
func Destination(url string) string {
	r := strings.NewReplacer("<", "%3C", ">", "%3E", "\n", "", "\r", "", " ", "%20", `\`, "%5C")
	return "<" + r.Replace(url) + ">"
}
