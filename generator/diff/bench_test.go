package diff

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// benchDocs generates a policy-like Markdown document of about n words and
// a next version in which one block in a hundred changed: a word replaced,
// a block inserted or a block deleted. The same seed gives the same texts.
func benchDocs(n int) (old, new string) {
	rng := rand.New(rand.NewPCG(2018, 5))
	vocab := make([]string, 3000)
	for i := range vocab {
		vocab[i] = fmt.Sprintf("w%c%d", 'a'+rune(i%26), i)
	}
	sentence := func(k int) string {
		w := make([]string, k)
		for i := range w {
			w[i] = vocab[rng.IntN(len(vocab))]
		}
		return strings.Join(w, " ") + "."
	}
	var blocks []string
	for words := 0; words < n; {
		i := len(blocks)
		switch {
		case i%12 == 0:
			blocks = append(blocks, fmt.Sprintf("## Section %d {#s%d}", i, i))
			words += 2
		case i%12 == 5:
			blocks = append(blocks, "| Purpose | Data | Period |\n|---|---|---|\n| "+sentence(3)+" | "+sentence(4)+" | 30 days |")
			words += 10
		case i%4 == 3:
			blocks = append(blocks, "- "+sentence(15))
			words += 15
		default:
			k := 20 + rng.IntN(40)
			blocks = append(blocks, sentence(k))
			words += k
		}
	}
	next := make([]string, 0, len(blocks)+len(blocks)/100)
	for _, b := range blocks {
		if rng.IntN(100) != 0 {
			next = append(next, b)
			continue
		}
		switch rng.IntN(5) {
		case 0: // deleted
		case 1:
			next = append(next, b, sentence(30))
		default:
			w := strings.Fields(b)
			w[rng.IntN(len(w))] = vocab[rng.IntN(len(vocab))]
			next = append(next, strings.Join(w, " "))
		}
	}
	return strings.Join(blocks, "\n\n") + "\n", strings.Join(next, "\n\n") + "\n"
}

// BenchmarkDiff is the block and word diff of two 20,000-word documents
// that differ in one block in a hundred: compare aligns them, html also
// writes the diff page's body, and differ does both with a Differ that has
// compared the same texts before, as a build's diff pages find it.
func BenchmarkDiff(b *testing.B) {
	old, new := benchDocs(20000)
	b.Run("compare", func(b *testing.B) {
		b.SetBytes(int64(len(old) + len(new)))
		for b.Loop() {
			Compare(old, new)
		}
	})
	b.Run("html", func(b *testing.B) {
		b.SetBytes(int64(len(old) + len(new)))
		for b.Loop() {
			_ = Compare(old, new).HTML(nil)
		}
	})
	b.Run("differ", func(b *testing.B) {
		var d Differ
		_ = d.Compare(old, new).HTML(nil)
		b.SetBytes(int64(len(old) + len(new)))
		for b.Loop() {
			_ = d.Compare(old, new).HTML(nil)
		}
	})
}

func TestBenchDocsDifferInAboutOnePercentOfBlocks(t *testing.T) {
	old, new := benchDocs(20000)
	if n := len(strings.Fields(old)); n < 20000 || n > 21000 {
		t.Errorf("%d words", n)
	}
	r := Compare(old, new)
	var changed int
	for _, o := range r.ops {
		if o.kind != opEqual {
			changed++
		}
	}
	if share := float64(changed) / float64(len(r.ops)); share < 0.005 || share > 0.02 {
		t.Errorf("%d of %d blocks changed", changed, len(r.ops))
	}
}
