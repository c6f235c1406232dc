package config

import (
	"fmt"
	"strings"
	"testing"

	"github.com/policygen/policygen/generator/diag"
)

// largeSite has n custom data categories, all named by the retention rule,
// and n activities that each name one of them and one unknown category;
// each category has a text in a language the site does not have.
func largeSite(n int) string {
	var b, data strings.Builder
	for i := range n {
		fmt.Fprintf(&data, ", \"d%d\"", i)
	}
	b.WriteString(strings.Replace(validSite, `data = ["name", "email"]`+"\nperiod", `data = ["name", "email"`+data.String()+"]\nperiod", 1))
	for i := range n {
		fmt.Fprintf(&b, "[data.d%d]\nlabel = { en = \"x\", nl = \"y\", fr = \"z\" }\n", i)
	}
	for i := range n {
		fmt.Fprintf(&b, "[[activity]]\nid = \"a%d\"\ntitle = \"A\"\npurpose = { en = \"A\", nl = \"A\" }\n"+
			"data = [\"d%d\", \"x%d\"]\nbasis = \"contract\"\nrequired = \"contract\"\nretention = \"account\"\n", i, i, i)
	}
	return b.String()
}

// TestLargeSiteWithAnErrorPerEntryLoadsInLinearTime loads 10,000 entries
// of each kind with errors that each look up references, positions and
// suggestions: in quadratic time this takes minutes and the test binary
// times out. Did-you-mean suggestions stop after a budget of comparisons.
func TestLargeSiteWithAnErrorPerEntryLoadsInLinearTime(t *testing.T) {
	const n = 10000
	_, err := Load("site.toml", []byte(largeSite(n)), testFacts(t))
	errs := diag.Errors(err)
	if len(errs) != 3*n {
		t.Fatalf("%d errors, want %d", len(errs), 3*n)
	}
	first := `site.toml:34:31: data.d0.label has a text in "fr", which is not a site language`
	if errs[0].Error() != first {
		t.Errorf("first error %q, want %q", errs[0].Error(), first)
	}
	last := errs[len(errs)-1]
	if want := `site.toml:100029:18: unknown data category "x9999"`; last.Error() != want || last.Hint != "use a built-in category or define [data.x9999]" {
		t.Errorf("last error %q (hint %q), want %q without a suggestion", last.Error(), last.Hint, want)
	}
}

// BenchmarkLoadLargeSiteWithErrors measures largeSite(2000).
func BenchmarkLoadLargeSiteWithErrors(b *testing.B) {
	src := []byte(largeSite(2000))
	facts := testFacts(b)
	for b.Loop() {
		Load("site.toml", src, facts)
	}
}
