package diff

import (
	"strings"
)

// inline resolves the inline Markdown of a block for display: backslash
// escapes are removed, a link shows its text and, for a web address, the
// address in parentheses, so that a changed address shows as a change;
// emphasis and code markers are dropped; soft line breaks become spaces and
// hard ones "\n".
func inline(s string) string {
	if !strings.ContainsAny(s, "\\\n[!<*`") {
		return strings.TrimSpace(s) // nothing to resolve: most table cells
	}
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		out, i = inlineAt(out, s, i)
	}
	return strings.TrimSpace(string(out))
}

// inlineAt appends the display of the construct at s[i] and returns the
// index after it.
func inlineAt(out []byte, s string, i int) ([]byte, int) {
	switch c := s[i]; c {
	case '\\':
		switch {
		case i+1 < len(s) && s[i+1] == '\n':
			return lineBreak(out, s, i+1, true)
		case i+1 < len(s) && isPunct(s[i+1]):
			return append(out, s[i+1]), i + 2
		}
	case '\n':
		n := len(out)
		out = trimBlanks(out)
		return lineBreak(out, s, i, n-len(out) >= 2)
	case '[', '!':
		if text, dest, end, ok := link(s, i); ok {
			return appendLink(out, text, dest), end
		}
	case '<':
		if url, end, ok := autolink(s, i); ok {
			return append(out, strings.TrimPrefix(url, "mailto:")...), end
		}
	case '*', '`':
		j := i
		for j < len(s) && s[j] == c {
			j++
		}
		if c == '`' || !spaceBefore(s, i) || !spaceAt(s, j) {
			return out, j // emphasis or code span markers
		}
		return append(out, s[i:j]...), j
	}
	return append(out, s[i]), i + 1
}

// lineBreak appends a line break at s[i] == '\n': "\n" for a hard break, a
// space for a soft one. The indentation of the next line is skipped.
func lineBreak(out []byte, s string, i int, hard bool) ([]byte, int) {
	out = trimBlanks(out)
	if hard {
		out = append(out, '\n')
	} else {
		out = append(out, ' ')
	}
	i++
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return out, i
}

func appendLink(out []byte, text, dest string) []byte {
	shown := inline(text)
	out = append(out, shown...)
	if (strings.HasPrefix(dest, "https://") || strings.HasPrefix(dest, "http://")) && dest != shown {
		out = append(append(append(out, " ("...), dest...), ')')
	}
	return out
}

// link parses an inline link or image at s[i]: [text](dest "title").
func link(s string, i int) (text, dest string, end int, ok bool) {
	if s[i] == '!' {
		i++
		if i >= len(s) || s[i] != '[' {
			return "", "", 0, false
		}
	}
	rb := closingBracket(s, i)
	if rb < 0 || rb+1 >= len(s) || s[rb+1] != '(' {
		return "", "", 0, false
	}
	text = s[i+1 : rb]
	k := skipSpace(s, rb+2)
	if k < len(s) && s[k] == '<' {
		m := strings.IndexAny(s[k:min(len(s), k+maxLink)], ">\n")
		if m < 0 || s[k+m] != '>' {
			return "", "", 0, false
		}
		dest, k = s[k+1:k+m], k+m+1
	} else {
		start := k
		for k < min(len(s), start+maxLink) && s[k] > ' ' && s[k] != ')' {
			if s[k] == '\\' {
				k++
			}
			k++
		}
		dest = s[start:min(k, len(s))]
	}
	k = skipTitle(s, skipSpace(s, k))
	if k >= len(s) || s[k] != ')' {
		return "", "", 0, false
	}
	return text, unescape(dest), k + 1, true
}

// maxLink bounds the search for the end of a link's text or title, so that
// a paragraph of unclosed brackets is not scanned again at each bracket.
const maxLink = 1000

// closingBracket returns the index of the ']' that closes the '[' at s[i],
// or -1.
func closingBracket(s string, i int) int {
	end := min(len(s), i+maxLink)
	if strings.IndexByte(s[i:end], ']') < 0 {
		return -1 // the common case of a bracket that is no link, found fast
	}
	depth := 0
	for ; i < end; i++ {
		switch s[i] {
		case '\\':
			i++
		case '[':
			depth++
		case ']':
			if depth--; depth == 0 {
				return i
			}
		}
	}
	return -1
}

func skipTitle(s string, k int) int {
	if k >= len(s) || !strings.ContainsRune(`"'(`, rune(s[k])) {
		return k
	}
	closer := s[k]
	if closer == '(' {
		closer = ')'
	}
	for j := k + 1; j < min(len(s), k+maxLink); j++ {
		switch s[j] {
		case '\\':
			j++
		case closer:
			return skipSpace(s, j+1)
		}
	}
	return k
}

// autolink parses <https://…>, <http://…> or <mailto:…> at s[i].
func autolink(s string, i int) (url string, end int, ok bool) {
	m := strings.IndexAny(s[i+1:], "<> \t\n")
	if m < 0 || s[i+1+m] != '>' {
		return "", 0, false
	}
	url = s[i+1 : i+1+m]
	for _, scheme := range []string{"https://", "http://", "mailto:"} {
		if strings.HasPrefix(url, scheme) {
			return url, i + m + 2, true
		}
	}
	return "", 0, false
}

func unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && isPunct(s[i+1]) {
			i++
		}
		out = append(out, s[i])
	}
	return string(out)
}

func trimBlanks(b []byte) []byte {
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t') {
		b = b[:len(b)-1]
	}
	return b
}

func skipSpace(s string, k int) int {
	for k < len(s) && (s[k] == ' ' || s[k] == '\t') {
		k++
	}
	return k
}

func spaceBefore(s string, i int) bool { return i == 0 || isSpace(s[i-1]) }

func spaceAt(s string, i int) bool { return i >= len(s) || isSpace(s[i]) }

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' }

// isPunct reports whether c is ASCII punctuation, which Markdown lets a
// backslash escape.
func isPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}
