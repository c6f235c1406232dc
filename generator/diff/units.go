package diff

import (
	"strings"
	"unicode"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// withUnits widens a changed number to the word after it when that word is
// the same on both sides, so that "14 days" → "30 days" reads as a change of
// the period, not of a digit. Only a changed number alone is widened, so
// "October 2025 in" stays as it was: <del>14 days</del><ins>30 days</ins>.
func withUnits(diffs []diffmatchpatch.Diff) []diffmatchpatch.Diff {
	for i := 0; i+2 < len(diffs); i++ {
		del, ins, eq := &diffs[i], &diffs[i+1], &diffs[i+2]
		if del.Type == diffmatchpatch.DiffInsert && ins.Type == diffmatchpatch.DiffDelete {
			del, ins = ins, del
		}
		if del.Type != diffmatchpatch.DiffDelete || ins.Type != diffmatchpatch.DiffInsert ||
			eq.Type != diffmatchpatch.DiffEqual || !isNumber(del.Text) || !isNumber(ins.Text) {
			continue
		}
		unit := leadingWord(eq.Text)
		if unit == "" {
			continue
		}
		del.Text += unit
		ins.Text += unit
		eq.Text = eq.Text[len(unit):]
	}
	out := diffs[:0]
	for _, d := range diffs {
		if d.Text != "" {
			out = append(out, d)
		}
	}
	return out
}

// isNumber reports whether s is a number: digits, perhaps grouped or with
// decimals ("1,000", "2.5").
func isNumber(s string) bool {
	if s == "" || !unicode.IsDigit([]rune(s)[0]) {
		return false
	}
	for _, r := range s {
		if !unicode.IsDigit(r) && r != '.' && r != ',' {
			return false
		}
	}
	return unicode.IsDigit([]rune(s)[len([]rune(s))-1])
}

// leadingWord returns the one space and the word of letters that s starts
// with, or "" when it starts otherwise.
func leadingWord(s string) string {
	if !strings.HasPrefix(s, " ") && !strings.HasPrefix(s, "\u00a0") {
		return ""
	}
	_, n := firstRune(s)
	end := n
	for _, r := range s[n:] {
		if !unicode.IsLetter(r) {
			break
		}
		end += len(string(r))
	}
	if end == n {
		return ""
	}
	return s[:end]
}

func firstRune(s string) (rune, int) {
	for _, r := range s {
		return r, len(string(r))
	}
	return 0, 0
}
