package diff

import (
	"bytes"
	"fmt"
	"html"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// readAs is what a reader of the HTML fragment reads when the elements
// named by drop ("del" or "ins") are taken away: one line per block, tags
// and <summary> removed, entities resolved, <br> as "\n".
func readAs(fragment, drop string) string {
	s := regexp.MustCompile(`(?s)<`+drop+`>.*?</`+drop+`>`).ReplaceAllString(fragment, "")
	s = regexp.MustCompile(`(?s)<summary>.*?</summary>`).ReplaceAllString(s, "")
	s = strings.ReplaceAll(s, "<br>", "\n")
	s = regexp.MustCompile(`<[^>]*>`).ReplaceAllString(s, "")
	return html.UnescapeString(s)
}

// nonEmptyLines drops the lines that only the <details> wrappers leave.
func nonEmptyLines(s string) []string {
	var out []string
	for line := range strings.Lines(s) {
		if line = strings.TrimRight(line, "\n"); line != "" {
			out = append(out, line)
		}
	}
	return out
}

func TestIdenticalTextsAreUnchanged(t *testing.T) {
	docs := map[string]string{
		"empty":     "",
		"paragraph": "We keep your data safe.\n",
		"policy":    "# Privacy\n\nWe keep data.\n\n- name\n- email\n\n| Data | Period |\n|---|---|\n| name | 30 days |\n",
	}
	for name, doc := range docs {
		t.Run(name, func(t *testing.T) {
			r := Compare(doc, doc)
			if r.Changed() {
				t.Error("Changed() is true for identical texts")
			}
			h := r.HTML(nil)
			for _, mark := range []string{"<ins>", "<del>", "diff-block changed", "diff-block added", "diff-block removed"} {
				if strings.Contains(h, mark) {
					t.Errorf("HTML of identical texts contains %q:\n%s", mark, h)
				}
			}
		})
	}
}

func TestBlankLinesAndLineEndingsDoNotCountAsChanges(t *testing.T) {
	old := "First paragraph.\n\nSecond paragraph.\n"
	new := "\r\nFirst paragraph.\r\n\r\n\r\n  \r\nSecond paragraph.\r\n\n\n"
	if Compare(old, new).Changed() {
		t.Error("texts that differ only in blank lines and CRLF are reported changed")
	}
}

func TestOneWordChangeMarksOnlyThatWord(t *testing.T) {
	old := "We collect your name.\n\nThe data is kept for two weeks.\n\nYou may object at any time.\n"
	new := "We collect your name.\n\nThe data is kept for three weeks.\n\nYou may object at any time.\n"
	r := Compare(old, new)
	if !r.Changed() {
		t.Fatal("Changed() is false")
	}
	h := r.HTML(nil)
	want := []string{
		`<p class="diff-block">We collect your name.</p>`,
		`<p class="diff-block changed">The data is kept for <del>two</del><ins>three</ins> weeks.</p>`,
		`<p class="diff-block">You may object at any time.</p>`,
	}
	for _, w := range want {
		if !strings.Contains(h, w) {
			t.Errorf("HTML lacks %s:\n%s", w, h)
		}
	}
	if n, m := strings.Count(h, "<del>"), strings.Count(h, "<ins>"); n != 1 || m != 1 {
		t.Errorf("%d <del> and %d <ins>, want one each:\n%s", n, m, h)
	}
}

func TestWholeBlocksAddedAndRemoved(t *testing.T) {
	table := "| Name | Country |\n|---|---|\n| Host | Germany |\n"
	tests := []struct {
		name, old, new, want string
	}{
		{"paragraph added", "Alpha one.\n\nCharlie three.\n", "Alpha one.\n\nBravo two.\n\nCharlie three.\n",
			`<p class="diff-block added"><ins>Bravo two.</ins></p>`},
		{"paragraph removed", "Alpha one.\n\nBravo two.\n\nCharlie three.\n", "Alpha one.\n\nCharlie three.\n",
			`<p class="diff-block removed"><del>Bravo two.</del></p>`},
		{"bullet added", "- apples\n- pears\n", "- apples\n- plums\n- pears\n",
			`<li class="diff-block added"><ins>plums</ins></li>`},
		{"bullet removed", "- apples\n- plums\n- pears\n", "- apples\n- pears\n",
			`<li class="diff-block removed"><del>plums</del></li>`},
		{"numbered item added", "1. apples\n2. pears\n", "1. apples\n2. pears\n3. plums\n",
			`<li class="diff-block added" data-numbered><ins>3. plums</ins></li>`},
		{"row added", table, table + "| Mailer | Ireland |\n",
			`<tr class="diff-row added"><td><ins>Mailer</ins></td> <td><ins>Ireland</ins></td></tr>`},
		{"row removed", table + "| Mailer | Ireland |\n", table,
			`<tr class="diff-row removed"><td><del>Mailer</del></td> <td><del>Ireland</del></td></tr>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := Compare(tt.old, tt.new).HTML(nil)
			if !strings.Contains(h, tt.want) {
				t.Errorf("HTML lacks %s:\n%s", tt.want, h)
			}
			if n, want := strings.Count(h, "<ins>")+strings.Count(h, "<del>"), strings.Count(tt.want, "<td>"); n != max(1, want) {
				t.Errorf("%d <ins>/<del> elements, want one (in each cell of a row):\n%s", n, h)
			}
		})
	}
}

func TestTableSeparatorRowsAreNeverShown(t *testing.T) {
	old := "| Data | Period |\n|---|---|\n| name | 30 days |\n\nText.\n\n---\n\nMore.\n"
	new := "| Data | Period |\n|:---|---:|\n| name | 90 days |\n| email | 1 year |\n\nText.\n\n***\n\nMore text.\n"
	r := Compare(old, new)
	h := r.HTML(nil)
	var text bytes.Buffer
	if err := r.Text(&text, false); err != nil {
		t.Fatal(err)
	}
	for out, s := range map[string]string{"HTML": h, "Text": text.String()} {
		for _, sep := range []string{"---", ":--", "***"} {
			if strings.Contains(s, sep) {
				t.Errorf("%s shows a separator row %q:\n%s", out, sep, s)
			}
		}
	}
	if !strings.Contains(h, `<tr class="diff-row changed"><td>name</td> <td><del>30 days</del><ins>90 days</ins></td></tr>`) {
		t.Errorf("the changed row is not marked word by word:\n%s", h)
	}
}

func TestHeadingsRenderAsH3AndSubHeadingsAsH4WithoutMarkers(t *testing.T) {
	old := "# Privacy policy\n\n## How long we keep data {#retention}\n\nSome text.\n"
	new := "# Privacy policy\n\n## How long we store data {#retention}\n\nSome text.\n\n### Your rights ###\n"
	h := Compare(old, new).HTML(nil)
	want := []string{
		`<h3 class="diff-block">Privacy policy</h3>`,
		`<h3 class="diff-block changed">How long we <del>keep</del><ins>store</ins> data</h3>`,
		`<h4 class="diff-block added"><ins>Your rights</ins></h4>`,
	}
	for _, w := range want {
		if !strings.Contains(h, w) {
			t.Errorf("HTML lacks %s:\n%s", w, h)
		}
	}
	if strings.Contains(h, "#") {
		t.Errorf("heading markers or ids shown:\n%s", h)
	}
}

func TestMovedBlockKeepsTheOrderOfEachVersion(t *testing.T) {
	old := "Alpha moves.\n\nBravo stays.\n\nCharlie stays.\n\nDelta stays.\n"
	new := "Bravo stays.\n\nCharlie stays.\n\nDelta stays.\n\nAlpha moves.\n"
	h := Compare(old, new).HTML(func(int) string { return "" })
	newOrder := []string{"Bravo stays.", "Charlie stays.", "Delta stays.", "Alpha moves."}
	oldOrder := []string{"Alpha moves.", "Bravo stays.", "Charlie stays.", "Delta stays."}
	if got := nonEmptyLines(readAs(h, "del")); !slices.Equal(got, newOrder) {
		t.Errorf("without <del> the page reads %q, want %q:\n%s", got, newOrder, h)
	}
	if got := nonEmptyLines(readAs(h, "ins")); !slices.Equal(got, oldOrder) {
		t.Errorf("without <ins> the page reads %q, want %q:\n%s", got, oldOrder, h)
	}
	if !strings.Contains(h, `class="diff-block removed"><del>Alpha moves.</del>`) ||
		!strings.Contains(h, `class="diff-block added"><ins>Alpha moves.</ins>`) {
		t.Errorf("the moved block is not shown removed and added:\n%s", h)
	}
}

func TestRewrittenBlockWithNoWordInCommonIsRemovedAndAdded(t *testing.T) {
	h := Compare("Keep.\n\nOld wording here.\n", "Keep.\n\nCompletely different sentence.\n").HTML(nil)
	removed := strings.Index(h, `<p class="diff-block removed"><del>Old wording here.</del></p>`)
	added := strings.Index(h, `<p class="diff-block added"><ins>Completely different sentence.</ins></p>`)
	if removed < 0 || added < removed {
		t.Errorf("want the old block removed, then the new one added:\n%s", h)
	}
	if strings.Contains(h, "diff-block changed") {
		t.Errorf("a block with no word in common is shown as changed:\n%s", h)
	}
}

func TestInlineMarkdownShowsAsTheReaderSeesIt(t *testing.T) {
	link := "Data is **kept** for `30` days, see [our page](https://a.example/%s).\n"
	old := "Math: 2 * 3.\n\n" + fmt.Sprintf(link, "x")
	new := "Math: 2 * 3.\n\n" + fmt.Sprintf(link, "y")
	h := Compare(old, new).HTML(nil)
	want := []string{
		`<p class="diff-block">Math: 2 * 3.</p>`,
		`<p class="diff-block changed">Data is kept for 30 days, see our page (<del>https://a.example/x</del><ins>https://a.example/y</ins>).</p>`,
	}
	for _, w := range want {
		if !strings.Contains(h, w) {
			t.Errorf("HTML lacks %s:\n%s", w, h)
		}
	}
}

func TestChangedNumberIsShownWithItsUnit(t *testing.T) {
	h := Compare("Kept for 14 days.\n", "Kept for 30 days.\n").HTML(nil)
	want := `<p class="diff-block changed">Kept for <del>14 days</del><ins>30 days</ins>.</p>`
	if !strings.Contains(h, want) {
		t.Errorf("HTML lacks %s:\n%s", want, h)
	}
}

// TestAParagraphAddedBeforeAChangedOneOfTheSameTemplateIsAdded: a second
// joint controller's paragraph, added before the first one's, which
// changed a word, shows as added, and the first one as changed in that
// word, not as a rewrite of one into the other.
func TestAParagraphAddedBeforeAChangedOneOfTheSameTemplateIsAdded(t *testing.T) {
	old := "Intro.\n\nWe and LinkedIn Ireland are joint controllers for the collection of data by the LinkedIn tag. LinkedIn alone is responsible for further processing, and we agreed who informs you.\n"
	new := "Intro.\n\nWe and Google Ireland are joint controllers for the collection of data by the Google tag. Google alone is responsible for further processing.\n\n" +
		"We and LinkedIn Ireland are joint controllers for the collection of data by the LinkedIn tag. LinkedIn alone is responsible for further processing, and we agreed who tells you.\n"
	h := Compare(old, new).HTML(nil)
	for _, want := range []string{
		`<p class="diff-block added"><ins>We and Google Ireland are joint controllers`,
		`<del>informs</del>`, `<ins>tells</ins>`,
	} {
		if !strings.Contains(h, want) {
			t.Errorf("HTML lacks %s:\n%s", want, h)
		}
	}
	if strings.Contains(h, "<del>LinkedIn</del>") {
		t.Errorf("LinkedIn's paragraph is shown as rewritten into Google's:\n%s", h)
	}
}
