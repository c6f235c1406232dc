package diff

import (
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// words diffs two display texts word by word: each word, run of spaces or
// punctuation mark is one token, so an edit never splits a word, and the
// semantic cleanup merges edits that a single space or comma keeps apart.
func words(old, new string) []diffmatchpatch.Diff {
	if old == new {
		if old == "" {
			return nil
		}
		return []diffmatchpatch.Diff{{Type: diffmatchpatch.DiffEqual, Text: old}}
	}
	var alpha alphabet
	a, okA := alpha.encode(tokens(old))
	b, okB := alpha.encode(tokens(new))
	if !okA || !okB {
		return replaced([]rune(old), []rune(new))
	}
	dmp := diffmatchpatch.New()
	diffs := diffRunes(a, b, maxWordEdit)
	if edits(diffs) > 2 {
		// Merging edits needs at least two of them; with one deletion and
		// one insertion there is nothing to merge, and go-diff's overlap
		// check would take time growing with the square of a long block.
		diffs = dmp.DiffCleanupSemantic(diffs)
	}
	out := diffs[:0]
	for _, d := range diffs {
		if d.Text != "" {
			d.Text = alpha.decode(d.Text)
			out = append(out, d)
		}
	}
	return withUnits(out)
}

// edits counts the diffs that are not equal.
func edits(diffs []diffmatchpatch.Diff) int {
	n := 0
	for _, d := range diffs {
		if d.Type != diffmatchpatch.DiffEqual {
			n++
		}
	}
	return n
}

// tokens cuts a text into words (letters, digits and combining marks),
// runs of white space, and single other characters.
func tokens(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		class := tokenClass(r)
		j := i + n
		for class != 0 && j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if tokenClass(r) != class {
				break
			}
			j += n
		}
		out = append(out, s[i:j])
		i = j
	}
	return out
}

// tokenClass is 1 for word characters, 2 for white space other than line
// breaks and 0 for the rest, each of which is a token by itself.
func tokenClass(r rune) int {
	switch {
	case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
		return 1
	case r == ' ' || r == '\t' || r != '\n' && unicode.IsSpace(r):
		return 2
	}
	return 0
}

// hasWord reports whether the text has a word character.
func hasWord(s string) bool {
	for _, r := range s {
		if tokenClass(r) == 1 {
			return true
		}
	}
	return false
}
