package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// initSite writes the starter site into a new folder and returns it.
func initSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if code, _, errs := runCLI(t, "init", dir); code != 0 {
		t.Fatalf("init: %s", errs)
	}
	return dir
}

// editSite replaces old, which must be there, by new in site.toml.
func editSite(t *testing.T, dir, old, new string) {
	t.Helper()
	file := filepath.Join(dir, "site.toml")
	src, _ := os.ReadFile(file)
	if !strings.Contains(string(src), old) {
		t.Fatalf("test setup: site.toml lacks %q", old)
	}
	os.WriteFile(file, []byte(strings.Replace(string(src), old, new, 1)), 0o644)
}

// TestHundredThousandDuplicatesPrintABoundedReport lists a data category
// 100,000 times on one line: the report shows the first errors, each with
// a short window of the line, and counts the rest.
func TestHundredThousandDuplicatesPrintABoundedReport(t *testing.T) {
	dir := initSite(t)
	editSite(t, dir, `data       = ["name", "email", "address"]`, `data = [`+strings.Repeat(`"name", `, 100001)+`"email"]`)
	code, _, errs := runCLI(t, "build", "-s", dir, "-o", filepath.Join(t.TempDir(), "out"))
	lines := strings.Split(strings.TrimSuffix(errs, "\n"), "\n")
	if code != exitSite || len(errs) > 40000 {
		t.Fatalf("exit %d, %d bytes of errors:\n%.3000s", code, len(errs), errs)
	}
	if got, want := lines[len(lines)-2:], []string{"… and 99,950 more", "100,000 errors; nothing was written"}; strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("report ends with %q, want %q", got, want)
	}
	line := `data = [` + strings.Repeat(`"name", `, 11) + `"nam`
	want := []string{`site.toml:38:17: data category "name" is listed twice`, "  38 | " + line + "…", "     | " + strings.Repeat(" ", 16) + "^"}
	if !strings.HasSuffix(lines[0], want[0]) || lines[1] != want[1] || lines[2] != want[2] {
		t.Errorf("first error\n%s\nwant\n%s", strings.Join(lines[:3], "\n"), strings.Join(want, "\n"))
	}
}
