package diff

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// ownTags matches the elements HTML writes itself; anything else that looks
// like markup in its output came from the texts unescaped.
var ownTags = regexp.MustCompile(`</?(?:p|h3|h4|li|ul|ins|del|summary|table|thead|tbody|tr|th|td)>|<(?:p|h3|h4|li) class="diff-block(?: changed| added| removed)?"(?: data-numbered)?>|` +
	`<tr class="diff-row(?: changed| added| removed)?">|<ul class="diff-list">|<div class="table-wrap" tabindex="0"><table class="diff-table">|</div>|<details class="diff-unchanged">|</details>|<br>`)

// assertEscaped fails when the fragment has markup other than its own.
func assertEscaped(t *testing.T, fragment string) {
	t.Helper()
	if rest := ownTags.ReplaceAllString(fragment, ""); strings.ContainsAny(rest, `<>"'`) {
		t.Errorf("unescaped markup in the HTML:\n%s", fragment)
	}
}

func TestTextThatLooksLikeMarkupIsEscaped(t *testing.T) {
	evil := `Call <script>alert(1)</script> & "quote" it's <b>bold</b>.`
	tests := []struct{ name, old, new string }{
		{"added block", "Intro.\n", "Intro.\n\n" + evil + "\n"},
		{"removed block", "Intro.\n\n" + evil + "\n", "Intro.\n"},
		{"unchanged context", evil + "\n\nOld end.\n", evil + "\n\nNew end.\n"},
		{"old side of a change", evil + "\n", strings.Replace(evil, "Call", "Ring", 1) + "\n"},
		{"new side of a change", "Call me.\n", evil + "\n"},
		{"heading", "# Title\n", "# Title " + evil + "\n"},
		{"table cell", "| a | b |\n|---|---|\n| x | y |\n", "| a | b |\n|---|---|\n| x | " + evil + " |\n"},
		{"list item", "- one\n", "- one\n- " + evil + "\n"},
		{"folded", strings.Repeat(evil+"\n\n", 4) + "Old end.\n", strings.Repeat(evil+"\n\n", 4) + "New end.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := Compare(tt.old, tt.new).HTML(nil)
			assertEscaped(t, h)
			if !strings.Contains(readAs(h, "ins")+readAs(h, "del"), evil) {
				t.Errorf("the text does not read back from the HTML as %q:\n%s", evil, h)
			}
		})
	}
}

func TestCollapsedSummaryIsEscaped(t *testing.T) {
	doc := "Alpha.\n\nBravo.\n\nCharlie.\n\nDelta.\n\nEcho.\n"
	h := Compare(doc, doc+"\nFoxtrot.\n").HTML(func(n int) string {
		return fmt.Sprintf(`<b>%d</b> & "more"`, n)
	})
	assertEscaped(t, h)
	if !strings.Contains(h, "<summary>&lt;b&gt;4&lt;/b&gt; &amp; ") {
		t.Errorf("summary not escaped, or not for 4 blocks:\n%s", h)
	}
}

// paragraphs returns n paragraphs "Paragraph A stays.", "Paragraph B
// stays." …, those at the indexes changed saying "moves" instead.
func paragraphs(n int, changed ...int) string {
	var b strings.Builder
	for i := range n {
		verb := "stays"
		if slices.Contains(changed, i) {
			verb = "moves"
		}
		fmt.Fprintf(&b, "Paragraph %c %s.\n\n", 'A'+i, verb)
	}
	return b.String()
}

// foldedAndShown splits a fragment into the contents of its <details>
// elements and the rest.
func foldedAndShown(fragment string) (folded []string, shown string) {
	details := regexp.MustCompile(`(?s)<details.*?</details>`)
	return details.FindAllString(fragment, -1), details.ReplaceAllString(fragment, "")
}

func TestLongUnchangedRunsFoldAroundContext(t *testing.T) {
	var counts []int
	h := Compare(paragraphs(10), paragraphs(10, 5)).HTML(func(n int) string {
		counts = append(counts, n)
		return fmt.Sprintf("%d unchanged", n)
	})
	// A–E precede the change: E is context, A–D folded. G–J follow it: G is
	// context, H–J folded.
	if !slices.Equal(counts, []int{4, 3}) {
		t.Errorf("collapsed called with %v, want [4 3]", counts)
	}
	folded, shown := foldedAndShown(h)
	if len(folded) != 2 {
		t.Fatalf("%d <details>, want 2:\n%s", len(folded), h)
	}
	wantIn := [][]string{{"A", "B", "C", "D"}, {"H", "I", "J"}}
	for i, letters := range wantIn {
		if !strings.Contains(folded[i], fmt.Sprintf("<summary>%d unchanged</summary>", len(letters))) {
			t.Errorf("<details> %d has the wrong summary:\n%s", i, folded[i])
		}
		for _, l := range letters {
			if !strings.Contains(folded[i], "Paragraph "+l+" stays.") {
				t.Errorf("paragraph %s is not folded in <details> %d:\n%s", l, i, h)
			}
		}
	}
	for _, l := range []string{"E", "G"} {
		if !strings.Contains(shown, `<p class="diff-block">Paragraph `+l+" stays.</p>") {
			t.Errorf("context paragraph %s is not visible:\n%s", l, h)
		}
	}
	if !strings.Contains(shown, "<del>stays</del><ins>moves</ins>") {
		t.Errorf("the change is not visible:\n%s", h)
	}
}

func TestShortUnchangedRunsAreNotFolded(t *testing.T) {
	tests := []struct {
		name     string
		n        int
		changed  []int
		wantFold []int
	}{
		{"one block before", 2, []int{1}, nil},
		{"two blocks before", 3, []int{2}, nil},
		{"three blocks before", 4, []int{3}, []int{2}},
		{"one block after", 2, []int{0}, nil},
		{"three blocks after", 4, []int{0}, []int{2}},
		{"three blocks between", 5, []int{0, 4}, nil},
		{"four blocks between", 6, []int{0, 5}, []int{2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var counts []int
			r := Compare(paragraphs(tt.n), paragraphs(tt.n, tt.changed...))
			r.HTML(func(n int) string { counts = append(counts, n); return "" })
			if !slices.Equal(counts, tt.wantFold) {
				t.Errorf("collapsed called with %v, want %v", counts, tt.wantFold)
			}
		})
	}
}

func TestIdenticalTextsFoldIntoOneDetails(t *testing.T) {
	doc := paragraphs(5)
	var counts []int
	h := Compare(doc, doc).HTML(func(n int) string { counts = append(counts, n); return "same" })
	if !slices.Equal(counts, []int{5}) {
		t.Errorf("collapsed called with %v, want [5]", counts)
	}
	if folded, shown := foldedAndShown(h); len(folded) != 1 || strings.TrimSpace(shown) != "" {
		t.Errorf("want all five blocks in one <details>:\n%s", h)
	}
}

func TestNilCollapsedStillFolds(t *testing.T) {
	h := Compare(paragraphs(6), paragraphs(6, 5)).HTML(nil)
	if folded, _ := foldedAndShown(h); len(folded) != 1 || !strings.Contains(folded[0], "<summary>4") {
		t.Errorf("want four blocks folded with a default summary:\n%s", h)
	}
}

func TestHardLineBreaksBecomeBr(t *testing.T) {
	h := Compare("Street 1  \nBerlin\n", "Street 2  \nBerlin\n").HTML(nil)
	want := `<p class="diff-block changed">Street <del>1</del><ins>2</ins><br>Berlin</p>`
	if !strings.Contains(h, want) {
		t.Errorf("HTML lacks %s:\n%s", want, h)
	}
}
