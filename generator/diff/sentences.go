package diff

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// splitSentences cuts a display text into sentences, each after the white space
// that precedes it, so that the sentences joined are the text. A sentence
// ends at ".", "!" or "?" (and a closing quote or bracket after it) where
// white space and a capital letter follow, and not after a number of one or
// two digits, which is an ordinal, or an abbreviation: "Art. 6", "z. B. die",
// "1. Juni" and "Dr. Hoffmann" stay in one sentence, as do the lines of an
// address.
func splitSentences(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != '.' && c != '!' && c != '?' || c == '.' && (ordinal(s[:i]) || abbreviation(s[:i])) {
			continue
		}
		end := i + 1
		for end < len(s) && strings.IndexByte(`")']`, s[end]) >= 0 {
			end++
		}
		next := end
		for next < len(s) && (s[next] == ' ' || s[next] == '\n' || s[next] == '\t') {
			next++
		}
		if next == end || next == len(s) {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(s[next:]); unicode.IsUpper(r) || r == '"' || r == '„' || r == '“' {
			out = append(out, s[start:end])
			start, i = end, end-1
		}
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// ordinal reports whether s ends in a number of one or two digits after a
// non-digit: "1" of "1. Juni", not "2026" of "in 2026. Then".
func ordinal(s string) bool {
	n := 0
	for n < len(s) && n < 3 && isDigit(s[len(s)-1-n]) {
		n++
	}
	return n == 1 || n == 2
}

// abbreviations are the words that end in a full stop before a capital
// letter in a sentence: titles and the short forms of legal citations.
var abbreviations = wordSet("dr prof mr mrs ms st nr art abs vgl bzw ggf ca")

// abbreviation reports whether s ends in a single letter ("B" of "z. B.",
// "V" of "B.V.") or one of the abbreviations.
func abbreviation(s string) bool {
	start := len(s)
	for start > 0 && (s[start-1] >= 'a' && s[start-1] <= 'z' || s[start-1] >= 'A' && s[start-1] <= 'Z') {
		start--
	}
	w := s[start:]
	return len(w) == 1 || abbreviations[strings.ToLower(w)]
}
