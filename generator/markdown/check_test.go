package markdown

import (
	"testing"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

func TestCheckTableTellsWhyATableIsNone(t *testing.T) {
	for _, c := range []struct{ head, want string }{
		{"| a | b |\n|---|---|\n", ""},
		{"| a \\| b | c |\n|:--|--:|\n", ""},
		{"| a | b |\n|---|\n", "the header of this table has 2 cells, its delimiter row 1: it renders as text"},
		{"| a |\n|- -|\n", `the delimiter row of this table has a cell "- -": want dashes with optional colons, such as --- or :-:`},
	} {
		got := ""
		if err := CheckTable(c.head); err != nil {
			got = err.Error()
		}
		if got != c.want {
			t.Errorf("%q: got %q, want %q", c.head, got, c.want)
		}
	}
}

// TestCheckTableAgreesWithGoldmark renders tables that CheckTable accepts
// and refuses: goldmark makes a table of exactly the ones it accepts.
func TestCheckTableAgreesWithGoldmark(t *testing.T) {
	r := New()
	for _, head := range []string{"| a | b |\n|---|---|\n", "| a | b |\n|---|\n", "| a |\n|---|---|\n", "| a |\n|- -|\n", "| a | b |\n|:-:|--:|\n"} {
		if table := parsesAsTable(r, head); table != (CheckTable(head) == nil) {
			t.Errorf("%q: goldmark takes it for a table: %v, CheckTable says %v", head, table, CheckTable(head))
		}
	}
}

// parsesAsTable reports whether goldmark's AST of src holds a table.
func parsesAsTable(r *Renderer, src string) bool {
	table := false
	doc := r.md.Parser().Parse(text.NewReader([]byte(src)))
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		table = table || n.Kind() == east.KindTable
		return ast.WalkContinue, nil
	})
	return table
}
