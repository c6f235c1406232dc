package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/policygen/policygen/internal/golden"
)

var update = flag.Bool("update", false, "rewrite the .golden files of testdata/stderr")

// TestErrorReportsMatchTheirGoldenFiles checks the site.toml of each
// testdata/stderr/NAME.input with policygen check and compares what it
// prints on stderr, the site folder written as "site", with NAME.golden
// (go test -update rewrites them). Each runs twice: the report must be
// the same both times, as a golden file can only hold a stable one.
func TestErrorReportsMatchTheirGoldenFiles(t *testing.T) {
	golden.Run(t, filepath.Join("testdata", "stderr"), *update, "stderr of policygen check",
		func(t *testing.T, _ string, src []byte) string { return checkReport(t, src) })
}

// TestWarningsArePrintedWithPositionAndHintAndDoNotFailTheCheck checks
// each testdata/warnings/NAME.input as TestErrorReportsMatchTheirGoldenFiles
// does, and compares the exit code and stderr with NAME.golden: warnings
// alone leave the check passing; among errors, they are printed in order
// and not counted.
func TestWarningsArePrintedWithPositionAndHintAndDoNotFailTheCheck(t *testing.T) {
	golden.Run(t, filepath.Join("testdata", "warnings"), *update, "exit code and stderr of policygen check",
		func(t *testing.T, _ string, src []byte) string {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "site.toml"), src, 0o644); err != nil {
				t.Fatal(err)
			}
			code, _, errs := runCLI(t, "check", "-q", "-s", dir)
			return fmt.Sprintf("exit %d\n%s", code, strings.ReplaceAll(errs, dir, "site"))
		})
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
