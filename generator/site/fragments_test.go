package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFeatureFragmentsMatchTheirGoldenFiles builds the site.toml of each
// testdata/fragments/DOC.SECTION.input as of exampleDate and compares the
// section SECTION of the English page of DOC with DOC.SECTION.golden (go
// test -update rewrites them): one feature at a time, beside the golden
// files of the whole example. Each builds twice: the section must be the
// same both times, as a golden file can only hold a stable one.
func TestFeatureFragmentsMatchTheirGoldenFiles(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join("testdata", "fragments", "*.input"))
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no inputs: %v", err)
	}
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".input")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			doc, id, _ := strings.Cut(name, ".")
			got := fragment(t, string(src), doc, id)
			if again := fragment(t, string(src), doc, id); again != got {
				t.Fatalf("the section differs from one build to the next:\n%s\nthen:\n%s", got, again)
			}
			golden := strings.TrimSuffix(in, ".input") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("section %s of %s:\n%s\nwant (%s):\n%s", id, doc, got, golden, want)
			}
		})
	}
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
