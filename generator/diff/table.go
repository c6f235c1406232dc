package diff

import (
	"github.com/sergi/go-diff/diffmatchpatch"
)

// firstCell is the display of a table row's first cell.
func firstCell(b block) string {
	if c := cells(b.src); len(c) > 0 {
		return c[0]
	}
	return ""
}

// cellWords diffs two table rows cell by cell; a row with fewer cells is
// taken to have empty ones at its end.
func cellWords(old, new block) [][]diffmatchpatch.Diff {
	a, b := cells(old.src), cells(new.src)
	out := make([][]diffmatchpatch.Diff, max(len(a), len(b)))
	for i := range out {
		out[i] = words(at(a, i), at(b, i))
	}
	return out
}

func at(s []string, i int) string {
	if i < len(s) {
		return s[i]
	}
	return ""
}

// shareWord reports whether two texts have a word in common.
func shareWord(a, b string) bool {
	seen := map[string]bool{}
	for _, t := range tokens(a) {
		if hasWord(t) {
			seen[t] = true
		}
	}
	for _, t := range tokens(b) {
		if hasWord(t) && seen[t] {
			return true
		}
	}
	return false
}
