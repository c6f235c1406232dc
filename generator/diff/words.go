package diff

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// words diffs two display texts sentence by sentence (see splitSentences),
// and the words of each pair of changed sentences.
func words(old, new string) []diffmatchpatch.Diff {
	if old == new {
		if old == "" {
			return nil
		}
		return []diffmatchpatch.Diff{{Type: diffmatchpatch.DiffEqual, Text: old}}
	}
	var alpha alphabet
	a, okA := alpha.encode(splitSentences(old))
	b, okB := alpha.encode(splitSentences(new))
	if !okA || !okB {
		return replacedText(old, new)
	}
	var out []diffmatchpatch.Diff
	var dels, inss []string
	for _, d := range diffRunes(a, b, maxWordEdit) {
		for _, r := range d.Text {
			s := alpha.strs[idOf(r)]
			switch d.Type {
			case diffmatchpatch.DiffEqual:
				out = append(pairSentences(out, dels, inss), diffmatchpatch.Diff{Type: diffmatchpatch.DiffEqual, Text: s})
				dels, inss = nil, nil
			case diffmatchpatch.DiffDelete:
				dels = append(dels, s)
			case diffmatchpatch.DiffInsert:
				inss = append(inss, s)
			}
		}
	}
	return merge(pairSentences(out, dels, inss))
}

// pairSentences appends the diff of a run of deleted sentences and the run
// of inserted ones that replaced them: each old sentence is diffed with the
// first new one like it (see similar), in order; the others are deleted or
// inserted whole.
func pairSentences(out []diffmatchpatch.Diff, dels, inss []string) []diffmatchpatch.Diff {
	j := 0
	for _, del := range dels {
		k := slices.IndexFunc(inss[j:min(len(inss), j+lookahead)], func(ins string) bool { return similar(del, ins) })
		if k < 0 {
			out = append(out, diffmatchpatch.Diff{Type: diffmatchpatch.DiffDelete, Text: del})
			continue
		}
		for _, ins := range inss[j : j+k] {
			out = append(out, diffmatchpatch.Diff{Type: diffmatchpatch.DiffInsert, Text: ins})
		}
		out = append(out, sentence(del, inss[j+k])...)
		j += k + 1
	}
	for _, ins := range inss[j:] {
		out = append(out, diffmatchpatch.Diff{Type: diffmatchpatch.DiffInsert, Text: ins})
	}
	return out
}

// sentence diffs two sentences word by word. When most of the words
// changed, interleaved marks would be word salad: the old sentence is shown
// struck and the new one added.
func sentence(old, new string) []diffmatchpatch.Diff {
	diffs := wordDiff(old, new)
	var kept, before, after int
	for _, d := range diffs {
		n := countWords(d.Text)
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			kept += n
			before += n
			after += n
		case diffmatchpatch.DiffDelete:
			before += n
		case diffmatchpatch.DiffInsert:
			after += n
		}
	}
	// Most changed: over half the old words are gone and over half the
	// new ones are new. Words only added or only removed stay marked.
	if 2*kept < before && 2*kept < after {
		return replacedText(old, new)
	}
	return diffs
}

// wordDiff diffs two texts word by word: each word, run of spaces or
// punctuation mark is one token, so an edit never splits a word, and the
// semantic cleanup merges edits that a single space or comma keeps apart.
func wordDiff(old, new string) []diffmatchpatch.Diff {
	if old == new {
		return []diffmatchpatch.Diff{{Type: diffmatchpatch.DiffEqual, Text: old}}
	}
	var alpha alphabet
	a, okA := alpha.encode(tokens(old))
	b, okB := alpha.encode(tokens(new))
	if !okA || !okB {
		return replacedText(old, new)
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
	return out
}

// merge joins neighbouring diffs of the same kind and puts the deletion of
// a replaced run before its insertion, so that a sentence replaced next to
// a sentence removed reads as one struck run and one added run.
func merge(diffs []diffmatchpatch.Diff) []diffmatchpatch.Diff {
	var out []diffmatchpatch.Diff
	for i := 0; i < len(diffs); {
		if diffs[i].Type == diffmatchpatch.DiffEqual {
			if n := len(out); n > 0 && out[n-1].Type == diffmatchpatch.DiffEqual {
				out[n-1].Text += diffs[i].Text
			} else if diffs[i].Text != "" {
				out = append(out, diffs[i])
			}
			i++
			continue
		}
		var del, ins strings.Builder
		for ; i < len(diffs) && diffs[i].Type != diffmatchpatch.DiffEqual; i++ {
			if diffs[i].Type == diffmatchpatch.DiffDelete {
				del.WriteString(diffs[i].Text)
			} else {
				ins.WriteString(diffs[i].Text)
			}
		}
		out = append(out, replacedText(del.String(), ins.String())...)
	}
	return out
}

// lookahead bounds how many new blocks or sentences an old one is compared
// with to find what it became, so that a long run of changes costs no more
// than a fixed number of comparisons per block.
const lookahead = 20

// similar reports whether two texts are alike enough to be shown as one
// changed text: half the words of one of them are in the other (counted
// with repeats). It is the opposite of what sentence shows replaced, for
// words in common in any order.
func similar(a, b string) bool {
	common, before, after := overlap(a, b)
	return 2*common >= before || 2*common >= after
}

// likeness is the share of the words of the longer of a and b that the
// other has too: 1 for the same words, 0 for none in common.
func likeness(a, b string) float64 {
	common, before, after := overlap(a, b)
	if most := max(before, after); most > 0 {
		return float64(common) / float64(most)
	}
	return 0
}

// overlap counts the words a and b have in common (each as often as both
// have it) and the words of each.
func overlap(a, b string) (common, before, after int) {
	count := map[string]int{}
	for _, t := range tokens(a) {
		if hasWord(t) {
			count[t]++
			before++
		}
	}
	for _, t := range tokens(b) {
		if hasWord(t) {
			after++
			if count[t] > 0 {
				count[t]--
				common++
			}
		}
	}
	return common, before, after
}

// countWords counts the tokens of a text that have a word character.
func countWords(s string) int {
	n := 0
	for _, t := range tokens(s) {
		if hasWord(t) {
			n++
		}
	}
	return n
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
// runs of white space, single other characters, and the addresses, dates
// and quantities that change as a whole (see wholeToken).
func tokens(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		if n := wholeToken(s[i:]); n > 0 {
			out = append(out, s[i:i+n])
			i += n
			continue
		}
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

// replacedText is the diff that deletes old and inserts new, byte for byte
// (replaced takes runes, which would turn bytes that are not UTF-8 into
// U+FFFD).
func replacedText(old, new string) []diffmatchpatch.Diff {
	var out []diffmatchpatch.Diff
	if old != "" {
		out = append(out, diffmatchpatch.Diff{Type: diffmatchpatch.DiffDelete, Text: old})
	}
	if new != "" {
		out = append(out, diffmatchpatch.Diff{Type: diffmatchpatch.DiffInsert, Text: new})
	}
	return out
}
