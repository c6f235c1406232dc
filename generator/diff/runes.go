package diff

import (
	"github.com/sergi/go-diff/diffmatchpatch"
)

// alphabet gives each distinct string (a block, a word) a rune of its own,
// so that diffmatchpatch, which diffs runes, diffs sequences of strings:
// the technique of its DiffLinesToChars.
type alphabet struct {
	ids  map[string]rune
	strs []string // by id
}

// encode returns the runes of the strings. It reports false when there are
// more distinct strings than Unicode has scalar values.
func (a *alphabet) encode(strs []string) ([]rune, bool) {
	if a.ids == nil {
		a.ids = map[string]rune{}
	}
	out := make([]rune, len(strs))
	for i, s := range strs {
		r, ok := a.ids[s]
		if !ok {
			if r, ok = runeOf(len(a.strs)); !ok {
				return nil, false
			}
			a.ids[s] = r
			a.strs = append(a.strs, s)
		}
		out[i] = r
	}
	return out, true
}

// decode returns the strings a text of encoded runes stands for, joined.
func (a *alphabet) decode(text string) string {
	var n int
	for _, r := range text {
		n += len(a.strs[idOf(r)])
	}
	b := make([]byte, 0, n)
	for _, r := range text {
		b = append(b, a.strs[idOf(r)]...)
	}
	return string(b)
}

// Ids are numbered through the private use areas first, then the rest of
// the supplementary planes, then the basic plane outside the private use
// area, skipping the surrogates, which are not valid runes: every id below
// the number of Unicode scalar values has a rune that survives a string.
const (
	puaLo, puaHi   = 0xE000, 0xF900    // basic private use area
	spuaLo, spuaHi = 0xF0000, 0x110000 // planes 15 and 16, private use
	suppLo, suppHi = 0x10000, 0xF0000  // planes 1 to 14
	surLo, surHi   = 0xD800, 0xE000    // surrogates
	maxIDs         = 0x110000 - 0x800  // scalar values
	nPUA           = puaHi - puaLo     // ids in the first range
	nSPUA          = nPUA + spuaHi - spuaLo
	nSupp          = nSPUA + suppHi - suppLo
	nLow           = nSupp + surLo         // 0 to the surrogates
	nHigh          = nLow + suppLo - puaHi // after the private use area
)

func runeOf(id int) (rune, bool) {
	switch {
	case id < nPUA:
		return rune(puaLo + id), true
	case id < nSPUA:
		return rune(spuaLo + id - nPUA), true
	case id < nSupp:
		return rune(suppLo + id - nSPUA), true
	case id < nLow:
		return rune(id - nSupp), true
	case id < nHigh:
		return rune(puaHi + id - nLow), true
	}
	return 0, false
}

func idOf(r rune) int {
	switch {
	case r >= puaLo && r < puaHi:
		return int(r) - puaLo
	case r >= spuaLo:
		return int(r) - spuaLo + nPUA
	case r >= suppLo:
		return int(r) - suppLo + nSPUA
	case r < surLo:
		return int(r) + nSupp
	}
	return int(r) - puaHi + nLow
}

// diffRunes diffs two rune strings. Beyond limit runes in the part that
// differs, the part is reported replaced instead of searched.
func diffRunes(a, b []rune, limit int) []diffmatchpatch.Diff {
	p := commonPrefix(a, b)
	s := commonSuffix(a[p:], b[p:])
	midA, midB := a[p:len(a)-s], b[p:len(b)-s]
	var out []diffmatchpatch.Diff
	if p > 0 {
		out = append(out, diffmatchpatch.Diff{Type: diffmatchpatch.DiffEqual, Text: string(a[:p])})
	}
	if len(midA)+len(midB) <= limit {
		dmp := diffmatchpatch.New()
		dmp.DiffTimeout = 0 // deterministic: the bounds above keep it fast
		out = append(out, dmp.DiffMainRunes(midA, midB, false)...)
	} else {
		out = append(out, replaced(midA, midB)...)
	}
	if s > 0 {
		out = append(out, diffmatchpatch.Diff{Type: diffmatchpatch.DiffEqual, Text: string(a[len(a)-s:])})
	}
	return out
}

// replaced is the diff that deletes a and inserts b.
func replaced(a, b []rune) []diffmatchpatch.Diff {
	var out []diffmatchpatch.Diff
	if len(a) > 0 {
		out = append(out, diffmatchpatch.Diff{Type: diffmatchpatch.DiffDelete, Text: string(a)})
	}
	if len(b) > 0 {
		out = append(out, diffmatchpatch.Diff{Type: diffmatchpatch.DiffInsert, Text: string(b)})
	}
	return out
}

func commonPrefix(a, b []rune) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

func commonSuffix(a, b []rune) int {
	n := 0
	for n < len(a) && n < len(b) && a[len(a)-1-n] == b[len(b)-1-n] {
		n++
	}
	return n
}
