package diff

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// wordsOf is the sequence of words (letters, digits and marks) of a text.
func wordsOf(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
	})
}

// crlf writes a text with CRLF line ends and extra blank lines at both
// ends: the same blocks.
func crlf(s string) string {
	return "\n \n" + strings.ReplaceAll(s, "\n", "\r\n") + "\r\n\n>\n"
}

// nonBlankLines are the lines of a text that are not blank as blocks see
// them (white space and quote markers only), without their line ends.
func nonBlankLines(s string) []string {
	var out []string
	for line := range strings.Lines(s) {
		line = strings.TrimRight(line, "\r\n")
		if strings.TrimSpace(strings.TrimLeft(line, " \t>")) != "" {
			out = append(out, line)
		}
	}
	return out
}

// plain reports whether a text has none of the Markdown that hides or
// joins words when displayed: escapes, emphasis, code, links, autolinks
// and heading ids.
func plain(s string) bool { return !strings.ContainsAny(s, "\\*`[]<>{}!") }

func FuzzCompare(f *testing.F) {
	seeds := [][2]string{
		{"<b>x</b>", "<b>y</b>"},
		{"", "One paragraph."},
		{"Same.\n", "Same.\n"},
		{"# Title\n\nKept for 14 days.\n", "# Title\n\nKept for 30 days.\n\n- new item\n"},
		{"| a | b |\n|---|---|\n| x | y |\n", "| a | b |\n|:--|--:|\n| x | z |\n| w | v |\n"},
		{"- one\n- two\n  more\n\n1. first\n2. second\n", "- one\n\n- two more\n1) first\n"},
		{"> quote\n> more\n\n---\n\ntext", "> quote\n>\n> more\n\n***\n\ntext  \nbreak"},
		{"A *b* `c` [d](https://e.example) <https://f.example> \\* & \"q\"", "A **b** c [d](http://e.example \"t\") ![i](x.png)"},
		{"Alpha.\n\nBravo.\n\nCharlie.\n\nDelta.\n", "Delta.\n\nCharlie.\n\nBravo.\n\nAlpha.\n"},
		{"Grüße, 数据 und Ñandú\u0301.\r\n", "Grüße, 資料 und Ñandú.\r\n"},
		{"x y z", "x y y z"},
		{"a b c d", "a b c b c d"},
		{"## Recipients {#recipients}\n\n### Newsletter\n\n| Recipient | Country |\n|---|---|\n| Intuit Inc. (Mailchimp) | United States |\n| Host | DE |\n",
			"## Recipients {#recipients}\n\n### Newsletter\n\n| Recipient | Country | Safeguard |\n|---|---|---|\n| CleverReach | Germany |\n| Host | DE | none |\n| x |\n"},
		{"See [policy](https://www.intuit.com/privacy/statement/) or write to a.b@intuit.example. It applies from 1 June 2026.",
			"See [policy](https://www.cleverreach.com/en-de/privacy/) or write to c@cleverreach.example. Es gilt ab dem 1. Juni 2026. Kept 13 maanden."},
		{"The note was written for the old shop. It says little about 14 days! Why? Because.", "A new provider stores invoices in Ireland. It says much about 30 Tage? No."},
		{"- Name\n- Email: old@example.com\n- Phone\n\n1. one\n2. two\n", "- Name\n- Email: new@example.com\n\n- Postal address\n1. one\n"},
		{"| a |\n|---|\n| b |\n\n- c\n\n| d | e |\n", "- c\n\n| a |\n|---|\n| b | b |\n\n# d e\n"},
	}
	for _, s := range seeds {
		f.Add(s[0], s[1])
	}
	var differ Differ // shared by every input, as a build shares it by all versions
	f.Fuzz(func(t *testing.T, old, new string) {
		r := Compare(old, new)
		checkChanged(t, r, old, new)
		checkHTML(t, r, old, new)
		checkText(t, r, old, new)
		checkRebuilt(t, r, old, new)
		if got, want := differ.Compare(old, new).HTML(nil), r.HTML(nil); got != want {
			t.Fatalf("a Differ that has seen other texts renders\n%s\nwhere Compare renders\n%s", got, want)
		}
	})
}

func checkChanged(t *testing.T, r *Result, old, new string) {
	if old == new && r.Changed() {
		t.Error("Changed() for equal texts")
	}
	if !r.Changed() && !slices.Equal(nonBlankLines(old), nonBlankLines(new)) {
		t.Error("not Changed() though the texts differ in more than blank lines")
	}
	if Compare(old, crlf(old)).Changed() {
		t.Error("Changed() for CRLF line ends and blank lines")
	}
}

func checkHTML(t *testing.T, r *Result, old, new string) {
	h := r.HTML(func(int) string { return "<&>" })
	if rest := ownTags.ReplaceAllString(h, ""); strings.ContainsAny(rest, `<>"'`) {
		t.Fatalf("unescaped markup in the HTML:\n%s", h)
	}
	if !r.Changed() && (strings.Contains(h, "<ins>") || strings.Contains(h, "<del>")) {
		t.Fatalf("<ins> or <del> without a change:\n%s", h)
	}
	// Without <del> the page reads as the new text, without <ins> as the old.
	for _, side := range []struct{ drop, text string }{{"del", new}, {"ins", old}} {
		got := wordsOf(readAs(h, side.drop))
		if want := wordsOf(readAs(Compare(side.text, side.text).HTML(nil), side.drop)); !slices.Equal(got, want) {
			t.Fatalf("without <%s> the words are\n%q\nwant those of the text\n%q\nHTML:\n%s", side.drop, got, want, h)
		}
		if want := wordsOf(side.text); plain(side.text) && !slices.Equal(got, want) {
			t.Fatalf("without <%s> the words are\n%q\nwant\n%q\nHTML:\n%s", side.drop, got, want, h)
		}
	}
}

func checkText(t *testing.T, r *Result, old, new string) {
	for _, color := range []bool{false, true} {
		var b bytes.Buffer
		if err := r.Text(&b, color); err != nil {
			t.Fatal(err)
		}
		if !r.Changed() && b.Len() > 0 {
			t.Fatalf("color=%v: output for equal texts: %q", color, b.String())
		}
		if color || strings.Contains(old+new, "\x1b") {
			continue
		}
		if strings.Contains(b.String(), "\x1b") {
			t.Fatalf("ANSI escapes without colour: %q", b.String())
		}
		for line := range strings.Lines(b.String()) {
			if !slices.ContainsFunc([]string{"  ", "~ ", "+ ", "- "}, func(g string) bool { return strings.HasPrefix(line, g) }) {
				t.Fatalf("line without a gutter %q in\n%s", line, b.String())
			}
		}
	}
}

// rebuilt is each side of a comparison read back from its operations: the
// display of each block, its kept and deleted parts for the old side, kept
// and inserted for the new; a changed table row cell by cell.
func rebuilt(r *Result) (old, new []string) {
	for _, o := range r.ops {
		switch o.kind {
		case opEqual:
			old, new = append(old, o.old.display()), append(new, o.new.display())
		case opDeleted:
			old = append(old, o.old.display())
		case opInserted:
			new = append(new, o.new.display())
		case opChanged:
			if o.old.kind == tableRow {
				old = append(old, joinCells(o.cells, diffmatchpatch.DiffDelete, len(cells(o.old.src))))
				new = append(new, joinCells(o.cells, diffmatchpatch.DiffInsert, len(cells(o.new.src))))
				continue
			}
			old, new = append(old, side(o.words, diffmatchpatch.DiffDelete)), append(new, side(o.words, diffmatchpatch.DiffInsert))
		}
	}
	return old, new
}

// side is the text of one side of a word diff: what was kept and what
// that side alone has.
func side(words []diffmatchpatch.Diff, own diffmatchpatch.Operation) string {
	var b strings.Builder
	for _, w := range words {
		if w.Type == diffmatchpatch.DiffEqual || w.Type == own {
			b.WriteString(w.Text)
		}
	}
	return b.String()
}

// joinCells is one side of a changed row as its display: the first n cells
// joined by " | ". Cells beyond n exist only on the other side: their side
// must be empty, or "!" marks the loss.
func joinCells(cells [][]diffmatchpatch.Diff, own diffmatchpatch.Operation, n int) string {
	var out []string
	for i, c := range cells {
		text := side(c, own)
		if i < n {
			out = append(out, text)
		} else if text != "" {
			out = append(out, "!"+text)
		}
	}
	return strings.Join(out, " | ")
}

func displays(md string) []string {
	var out []string
	for _, b := range split(md) {
		out = append(out, b.display())
	}
	return out
}

// checkRebuilt asserts that nothing of either text is lost or shown twice:
// the kept and inserted parts of the comparison are the new text, the
// kept and deleted ones the old, block by block and cell by cell.
func checkRebuilt(t *testing.T, r *Result, old, new string) {
	gotOld, gotNew := rebuilt(r)
	if want := displays(old); !slices.Equal(gotOld, want) {
		t.Fatalf("the old text rebuilt from the comparison is\n%q\nwant\n%q", gotOld, want)
	}
	if want := displays(new); !slices.Equal(gotNew, want) {
		t.Fatalf("the new text rebuilt from the comparison is\n%q\nwant\n%q", gotNew, want)
	}
}
