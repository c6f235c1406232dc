package site

import "testing"

// TestLinesThatOnlyLookLikeATableAreAnError: goldmark takes neither "|- -|"
// (a space between dashes) nor a header with more cells than the
// delimiter row for a table. In a clause that is a mistake of its writer,
// named at its line, where it once was "markdown: not a table" with no
// file; each is found, whichever comes first.
func TestLinesThatOnlyLookLikeATableAreAnError(t *testing.T) {
	for _, c := range []struct{ table, want string }{
		{"||\n|- -|\n||\n", `clauses/privacy/075-tbl.en.md:6: the delimiter row of this table has a cell "- -": want dashes with optional colons, such as --- or :-:`},
		{"| a | b |\n|---|\n| x |\n", "clauses/privacy/075-tbl.en.md:6: the header of this table has 2 cells, its delimiter row 1: it renders as text"},
	} {
		// Line 5 of the clause file holds the header, line 6 the delimiter row.
		clause := "-- clauses/privacy/075-tbl.en.md --\n+++\ntitle = \"Tables\"\n+++\n\n" + c.table
		if got := buildLimited(t, englishSite()+clause); got != c.want {
			t.Errorf("got  %s\nwant %s", got, c.want)
		}
	}
}
