package diff

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"unicode"
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
