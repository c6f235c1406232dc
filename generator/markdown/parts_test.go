package markdown

import (
	"strconv"
	"strings"
	"testing"
)

var partsSeeds = []string{
	"## Title\n\nText.\n\n### One\n\n- a\n- b\n\n### Two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
	"Intro\n### Heading right after a paragraph\nmore\n#not a heading\n####### seven\n",
	"- item\n\n  continued\n### H\n> quote\nlazy\n### H2\n    code\n### H3\n",
	"```\n### in a fence\n```\n### after\n",
	"<!--\n### in a comment\n-->\n### after\n",
	"[ref]: https://example.com\n### H\n[link][ref]\n",
	"1. one\n   ### in the item\n2. two\n### out\n",
	"| a |\n|---|\n| x |\n### H\n| b |\n",
	"Setext\n===\n### H\nSetext two\n---\n",
	"Text\n\n| a | b | c |\n|:--|:-:|--:|\n| 1 | `x|y` | \\| |\n| only one |\n| 1 | 2 | 3 | 4 |\n\nAfter.\n",
	"| a |\n|---|\n| x |\nlazy row\n\n| b |\n|---|\n| *y* | [l](u) |\n",
	"- item\n\n| a |\n|---|\n| x |\n\n> q\n| not |\n",
	// Lines that look like a table to a quick eye but not to goldmark: a
	// delimiter cell with a space between its dashes, an empty delimiter
	// cell, a header with more cells than the delimiter row (one with
	// fewer is a table: goldmark fills it up).
	"||\n|- -|\n||",
	"0000\n\n|0|\n| -||\n||",
	"| a |\n|---|---|\n| x |\n\n| a | b |\n|:-:|\n| x |\n",
	// Lines that goldmark does not take for blank: the list item goes on.
	"- a\n\u00a0\n|x|\n|-|\n|y|\n",
	"- a\n\v\n|x|\n|-|\n|y|\n",
	// A reference definition whose label spans two lines.
	"[a\nb]: /u\n### H\n[a b]\n",
}

// TestPartsRenderAsTheWhole is the promise of Parts: its parts, rendered
// one by one and joined, are the HTML of the whole text.
func TestPartsRenderAsTheWhole(t *testing.T) {
	for i, src := range partsSeeds {
		t.Run(strconv.Itoa(i), func(t *testing.T) { checkParts(t, src) })
	}
	if n := len(Parts(partsSeeds[0])); n != 4 {
		t.Errorf("a section with two subheadings and a table in %d parts, want 4", n)
	}
	tables := 0
	for _, p := range Parts(partsSeeds[0]) {
		if _, _, ok := Table(p); ok {
			tables++
		}
	}
	if tables != 1 {
		t.Errorf("%d of the parts of a section with one table are tables", tables)
	}
	for _, whole := range partsSeeds[3:6] {
		if n := len(Parts(whole)); n != 1 {
			t.Errorf("%q cut into %d parts; a fence, raw HTML or a reference definition keeps it whole", whole, n)
		}
	}
}

// TestTableIsWhatGoldmarkTakesForATable: lines that only look like a
// table are a paragraph to goldmark, and Table leaves them to render so
// instead of cutting them into rows that no longer render as a table.
func TestTableIsWhatGoldmarkTakesForATable(t *testing.T) {
	for _, c := range []struct {
		part string
		ok   bool
	}{
		{"| a |\n|---|\n| x |\n", true},
		{"| a | b |\n| :-- | --: |\n| x |\n", true},
		{"| a \\| b |\n|:-:|\n| x |\n", true},
		{"||\n|- -|\n||", false},
		{"|0|\n| -||\n||", false},
		{"| a |\n|---|---|\n| x |\n", true},
		{"||\n|-|\n| x |\n", true},
		{"| a | b |\n|---|\n| x |\n", false},
		{"| a |\n|:|\n| x |\n", false},
		{"| a |\n|-\v|\n| x |\n", false},
	} {
		if _, _, ok := Table(c.part); ok != c.ok {
			t.Errorf("Table(%q) ok = %v, want %v", c.part, ok, c.ok)
		}
	}
}

func FuzzParts(f *testing.F) {
	for _, src := range partsSeeds {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src string) { checkParts(t, src) })
}

func checkParts(t *testing.T, src string) {
	t.Helper()
	r := New()
	want, err := r.Render(src)
	if err != nil {
		t.Fatal(err)
	}
	parts := Parts(src)
	if strings.Join(parts, "") != src {
		t.Fatalf("parts of %q do not join to it: %q", src, parts)
	}
	var got strings.Builder
	for _, p := range parts {
		h, err := r.Render(p)
		if err != nil {
			t.Fatal(err)
		}
		if head, rows, ok := Table(p); ok {
			h = renderRows(t, r, head, rows)
		}
		got.WriteString(h)
	}
	if got.String() != want {
		t.Errorf("%q in parts %q renders\n%q\nbut whole\n%q", src, parts, got.String(), want)
	}
}

// renderRows renders a table row by row, as a build does.
func renderRows(t *testing.T, r *Renderer, head string, rows []string) string {
	t.Helper()
	open, err := r.TableHead(head)
	if err != nil {
		t.Fatalf("head %q: %v", head, err)
	}
	var html []string
	for _, row := range rows {
		h, err := r.TableRow(head, row)
		if err != nil {
			t.Fatalf("row %q: %v", row, err)
		}
		html = append(html, h)
	}
	return JoinTable(open, html)
}
