package build

import (
	"regexp"
	"strings"
	"testing"
)

// TestLinesThatOnlyLookLikeATableRenderAsText: goldmark takes neither
// "|- -|" (a space between dashes) nor a header with more cells than the
// delimiter row for a table, so they are a paragraph of text, as they
// would be rendered whole, and not an error ("markdown: not a table").
func TestLinesThatOnlyLookLikeATableRenderAsText(t *testing.T) {
	site := strings.Replace(minimalSite, `languages = ["en", "de", "nl"]`, `languages = ["en"]`, 1)
	site = regexp.MustCompile(`\{ en = ("[^"]*")[^}]*\}`).ReplaceAllString(site, "$1")
	site += "\n-- clauses/privacy/075-tbl.en.md --\n+++\ntitle = \"Tables\"\n+++\n" +
		"||\n|- -|\n||\n\n| a | b |\n|---|\n| x |\n\n| real |\n|---|\n| row |\n"
	out := mustBuild(t, site, "2025-06-01")
	assertFile(t, out, "en/privacy/index.html",
		"<p>||\n|- -|\n||</p>\n<p>| a | b |\n|---|\n| x |</p>\n",
		`<div class="table-wrap" tabindex="0"><table>`+"\n<thead>\n<tr>\n<th>real</th>")
}
