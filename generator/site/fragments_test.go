package site

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/policygen/policygen/internal/golden"
)

// TestFeatureFragmentsMatchTheirGoldenFiles builds the site.toml of each
// testdata/fragments/DOC.SECTION.input as of exampleDate and compares the
// section SECTION of the English page of DOC with DOC.SECTION.golden (go
// test -update rewrites them): one feature at a time, beside the golden
// files of the whole example. Each builds twice: the section must be the
// same both times, as a golden file can only hold a stable one.
func TestFeatureFragmentsMatchTheirGoldenFiles(t *testing.T) {
	golden.Run(t, filepath.Join("testdata", "fragments"), *update, "the section",
		func(t *testing.T, name string, src []byte) string {
			doc, id, _ := strings.Cut(name, ".")
			return fragment(t, string(src), doc, id)
		})
}

// fragment builds a site of one site.toml and returns the section id of
// the English page of doc, from <section id="id"> to its </section>.
func fragment(t *testing.T, siteTOML, doc, id string) string {
	t.Helper()
	out := mustBuild(t, "-- site.toml --\n"+siteTOML, exampleDate)
	page := "en/" + doc + "/index.html"
	html, ok := out[page]
	if !ok {
		t.Fatalf("%s was not built; built: %v", page, names(out))
	}
	start := strings.Index(string(html), `<section id="`+id+`"`)
	if start < 0 {
		t.Fatalf("%s has no section %q; it has %v", page, id, sections(out, page))
	}
	end := strings.Index(string(html[start:]), "</section>")
	if end < 0 {
		t.Fatalf("section %q of %s does not end", id, page)
	}
	return string(html[start:start+end]) + "</section>\n"
}
