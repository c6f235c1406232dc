package markdown

import (
	"slices"
	"strings"
	"testing"
)

// TestAtHeadingsCutsBeforeHeadingsOnly checks where AtHeadings cuts: before
// each ATX heading in the first column, not before an indented one, a
// "#tag" or a heading of seven '#', and nowhere in a text with a fence.
func TestAtHeadingsCutsBeforeHeadingsOnly(t *testing.T) {
	for _, c := range []struct {
		src  string
		want []string
	}{
		{"intro\n\n### A\n\ntext\n### B\n", []string{"intro\n\n", "### A\n\ntext\n", "### B\n"}},
		{"### A\n| a |\n|---|\n| 1 |\n", []string{"### A\n| a |\n|---|\n| 1 |\n"}},
		{"p\n    ### code\n#tag\n####### seven\n", []string{"p\n    ### code\n#tag\n####### seven\n"}},
		{"a\n#\nb\n", []string{"a\n", "#\nb\n"}},
		{"### A\n```\n### B\n```\n", []string{"### A\n```\n### B\n```\n"}},
		{"[x]\n\n### A\n\n[x]: /u\n", []string{"[x]\n\n### A\n\n[x]: /u\n"}},
	} {
		if got := AtHeadings(c.src); !slices.Equal(got, c.want) {
			t.Errorf("AtHeadings(%q) = %q, want %q", c.src, got, c.want)
		}
	}
}

// FuzzAtHeadings checks that the parts render, joined, to what the whole
// text renders to, and that they are the whole text.
func FuzzAtHeadings(f *testing.F) {
	for _, s := range []string{
		"intro\n\n### A\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n### B\ntext\n",
		"- item\n# heading\n> quote\n## next\n",
		"para\n===\n# h\n---\n",
		"* a\n\n  continued\n### h\n",
		"text \\\n# h\n",
		"| a |\n|---|\n# h\n| b |\n",
	} {
		f.Add(s)
	}
	r := New()
	f.Fuzz(func(t *testing.T, src string) {
		parts := AtHeadings(src)
		if strings.Join(parts, "") != src {
			t.Fatalf("parts %q are not the text %q", parts, src)
		}
		whole, err := r.Render(src, nil)
		if err != nil {
			t.Skip()
		}
		var joined strings.Builder
		for _, p := range parts {
			h, err := r.Render(p, nil)
			if err != nil {
				t.Skip()
			}
			joined.WriteString(h)
		}
		if joined.String() != whole {
			t.Fatalf("%q renders to\n%s\nin parts %q to\n%s", src, whole, parts, joined.String())
		}
	})
}
