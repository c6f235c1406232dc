package serve

import (
	"strings"
	"testing"

	"github.com/policygen/policygen/generator/diag"
)

// TestErrorPageShowsAtMostMaxPrintedErrorsEscaped checks that the error
// page of a site with many errors lists the first ones and counts the rest,
// like the terminal, with control characters of the input escaped.
func TestErrorPageShowsAtMostMaxPrintedErrorsEscaped(t *testing.T) {
	var l diag.List
	for i := range 1234 {
		l.Addf(diag.Pos{File: "site.toml", Line: i + 1}, "bad \x1b[2J %d", i)
	}
	page := string(errorPage(l))
	for _, want := range []string{"The site has 1,234 errors", "… and 1,184 more", `bad \x1b[2J 0`} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if n := strings.Count(page, "<li>"); n != diag.MaxPrinted || strings.Contains(page, "\x1b") {
		t.Errorf("%d errors shown, raw ESC: %v", n, strings.Contains(page, "\x1b"))
	}
}
