package diff

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Some runs of words are one thing to a reader and change as a whole: a web
// address, an e-mail address, a date, a number with its unit. A diff that
// marks "www.~~intuit~~cleverreach.com" or "1 ~~June 2026~~January 2027"
// makes the reader put the old and the new value together; as one token
// each, the old value is struck and the new one added.
var (
	urlToken   = regexp.MustCompile(`^(?:https?://|www\.)[^\s<>()\[\]"]*[^\s<>()\[\]".,;:!?']`)
	emailToken = regexp.MustCompile(`^[\pL\pN._%+-]+@[\pL\pN-]+(?:\.[\pL\pN-]+)*\.\pL{2,}`)
	isoDate    = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}`)
	dayMonth   = regexp.MustCompile(`^\d{1,2}\.?[ \x{00a0}](\pL+)[ \x{00a0}]\d{4}`)
	withUnit   = regexp.MustCompile(`^\d+(?:[.,]\d+)*[ \x{00a0}](\pL+)`)
)

// months are the month names of the languages policies are written in, in
// lower case ("1 June 2026", "1. Juni 2026", "1 juni 2026").
var months = wordSet(`january february march april may june july august september october november december
januar februar märz april mai juni juli august september oktober november dezember jänner
januari februari maart april mei juni juli augustus september oktober november december`)

// units are the words after a number that make a quantity of it: periods
// ("14 days", "30 Tage", "13 maanden"), as the locales write durations.
var units = wordSet(`hour hours day days week weeks month months year years minute minutes second seconds
stunde stunden tag tage tagen werktag werktage werktagen woche wochen monat monate monaten jahr jahre jahren minute minuten sekunde sekunden
uur dag dagen werkdag werkdagen week weken maand maanden jaar jaren minuut minuten seconde seconden`)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// wholeToken returns the length of the address, date or quantity s starts
// with, or 0. s starts at a token boundary.
func wholeToken(s string) int {
	c := s[0]
	switch {
	case c >= '0' && c <= '9':
		if m := isoDate.FindString(s); m != "" && !digitAt(s, len(m)) {
			return len(m)
		}
		if m := dayMonth.FindStringSubmatch(s); m != nil && months[strings.ToLower(m[1])] && !digitAt(s, len(m[0])) {
			return len(m[0])
		}
		if m := withUnit.FindStringSubmatch(s); m != nil && units[strings.ToLower(m[1])] {
			return len(m[0])
		}
	case (c == 'h' || c == 'w') && (strings.HasPrefix(s, "http") || strings.HasPrefix(s, "www.")):
		if m := urlToken.FindString(s); m != "" {
			return len(m)
		}
	}
	if c < utf8.RuneSelf && c != '_' && c != '.' && !isWordByte(c) {
		return 0
	}
	if at := strings.IndexByte(s[:min(len(s), 64)], '@'); at > 0 {
		if m := emailToken.FindString(s); m != "" {
			return len(m)
		}
	}
	return 0
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// digitAt reports whether s has a digit at i: "2026-06-011" is no date.
func digitAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return i < len(s) && unicode.IsDigit(r)
}
