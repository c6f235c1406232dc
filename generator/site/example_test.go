package site

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/policygen/policygen/generator/publish"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden and testdata/fragments")

// exampleDate is the date the example is built as of in tests, so that the
// golden files do not change with the calendar.
const exampleDate = "2026-11-21"

// exampleDir is the repository root, which holds the example site.toml.
const exampleDir = "../.."

// TestExamplePagesMatchGolden compares every page of the example site with
// testdata/golden. Run with -update to rewrite them, and review the diff.
func TestExamplePagesMatchGolden(t *testing.T) {
	out, err := buildDir(t, exampleDir, exampleDate)
	if err != nil {
		t.Fatalf("example does not build:\n%v", err)
	}
	golden := filepath.Join("testdata", "golden")
	if *update {
		if err := os.RemoveAll(golden); err != nil {
			t.Fatal(err)
		}
		if err := publish.Write(golden, out); err != nil {
			t.Fatal(err)
		}
		os.Remove(filepath.Join(golden, publish.OutputMark)) // not a page: kept out of the diff
	}
	for _, name := range sortedNames(out) {
		want, err := os.ReadFile(filepath.Join(golden, filepath.FromSlash(name)))
		if err != nil {
			t.Errorf("%s: no golden file (run go test -update and review the diff)", name)
			continue
		}
		if !bytes.Equal(out[name], want) {
			t.Errorf("%s differs from its golden file:\n%s", name, firstDifference(string(want), string(out[name])))
		}
	}
	goldenFiles := 0
	filepath.WalkDir(golden, func(_ string, d os.DirEntry, _ error) error {
		if d != nil && !d.IsDir() && d.Name() != publish.OutputMark {
			goldenFiles++
		}
		return nil
	})
	if goldenFiles != len(out) {
		t.Errorf("%d golden files for %d built files: run go test -update", goldenFiles, len(out))
	}
}

func TestExampleBuildsEveryDocumentInEveryLanguage(t *testing.T) {
	out, err := buildDir(t, exampleDir, exampleDate)
	if err != nil {
		t.Fatalf("example does not build:\n%v", err)
	}
	for _, page := range []string{"index.html", "style.css", "policy.json",
		"en/privacy/index.html", "en/cookies/index.html",
		"de/datenschutz/index.html", "de/cookies/index.html",
		"nl/privacy/index.html", "nl/cookies/index.html"} {
		if _, ok := out[page]; !ok {
			t.Errorf("%s was not built", page)
		}
	}
}

// TestExamplePagesAreValidHTML runs html-validate (installed by the test
// script from npm) with its recommended rules over every built page.
func TestExamplePagesAreValidHTML(t *testing.T) {
	bin, err := filepath.Abs(filepath.Join(exampleDir, "node_modules", ".bin", "html-validate"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(bin); err != nil {
		if os.Getenv("POLICYGEN_REQUIRE_TOOLS") != "" {
			t.Fatalf("html-validate is not installed (%v); run scripts/test.sh", err)
		}
		t.Skip("html-validate not installed; scripts/test.sh installs it")
	}
	full := siteFiles(t, fullSite)
	release(t, full)
	for _, site := range []struct{ name, dir string }{{"example", exampleDir}, {"full", full}} {
		out, err := buildDir(t, site.dir, exampleDate)
		if err != nil {
			t.Fatalf("%s does not build:\n%v", site.name, err)
		}
		dir := t.TempDir()
		if err := publish.Write(dir, out); err != nil {
			t.Fatal(err)
		}
		var pages []string
		for _, name := range sortedNames(out) {
			if strings.HasSuffix(name, ".html") {
				pages = append(pages, filepath.Join(dir, filepath.FromSlash(name)))
			}
		}
		cfg, _ := filepath.Abs(filepath.Join(exampleDir, ".htmlvalidate.json"))
		cmd := exec.Command(bin, append([]string{"--config", cfg}, pages...)...)
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("html-validate rejects the %s site's pages: %v\n%s", site.name, err, msg)
		}
	}
}

func sortedNames(out publish.Output) []string {
	n := names(out)
	sort.Strings(n)
	return n
}

// firstDifference shows the first differing line of two texts.
func firstDifference(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return fmt.Sprintf("line %d:\n  want: %s\n   got: %s", i+1, wl, gl)
		}
	}
	return "(only line endings differ)"
}
