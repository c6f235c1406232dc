package main

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the .golden files of testdata/stderr")

// TestErrorReportsMatchTheirGoldenFiles checks the site.toml of each
// testdata/stderr/NAME.input with policygen check and compares what it
// prints on stderr, the site folder written as "site", with NAME.golden
// (go test -update rewrites them). Each runs twice: the report must be
// the same both times, as a golden file can only hold a stable one.
func TestErrorReportsMatchTheirGoldenFiles(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join("testdata", "stderr", "*.input"))
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
			got := checkReport(t, src)
			if again := checkReport(t, src); again != got {
				t.Fatalf("the report differs from one run to the next:\n%s\nthen:\n%s", got, again)
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
				t.Errorf("stderr of policygen check:\n%s\nwant (%s):\n%s", got, golden, want)
			}
		})
	}
}

// checkReport runs policygen check on a site folder with src as its
// site.toml and returns stderr, which must report errors.
func checkReport(t *testing.T, src []byte) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "site.toml"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs := runCLI(t, "check", "-s", dir)
	if code != exitSite {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitSite, errs)
	}
	return strings.ReplaceAll(errs, dir, "site")
}
