package main

import (
	"os"
	"path/filepath"
	"strconv"
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
	src, _ := os.ReadFile(filepath.Join(dir, "site.toml"))
	before, _, _ := strings.Cut(string(src), `data       = ["name", "email", "address"]`)
	n := strconv.Itoa(strings.Count(before, "\n") + 1) // the line of the activity's data, wherever the starter has it
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
	want := []string{`site.toml:` + n + `:17: data category "name" is listed twice`, "  " + n + " | " + line + "…", "     | " + strings.Repeat(" ", 16) + "^"}
	if !strings.HasSuffix(lines[0], want[0]) || lines[1] != want[1] || lines[2] != want[2] {
		t.Errorf("first error\n%s\nwant\n%s", strings.Join(lines[:3], "\n"), strings.Join(want, "\n"))
	}
}

// TestDiffShowsControlCharactersOfOldTextsEscaped releases a text that
// holds terminal commands (from a clause, which a history keeps for
// good): diff prints them as visible escapes, never raw.
func TestDiffShowsControlCharactersOfOldTextsEscaped(t *testing.T) {
	dir := initSite(t)
	clause := filepath.Join(dir, "clauses", "privacy", "010-controller.en.md")
	os.MkdirAll(filepath.Dir(clause), 0o755)
	text, _ := os.ReadFile(filepath.Join("..", "..", "clauses", "privacy", "010-controller.en.md"))
	os.WriteFile(clause, []byte(strings.Replace(string(text), "This privacy policy", "This \x1b]0;owned\x07privacy\u202e policy", 1)), 0o644)
	appendSite(t, dir, "\n[[change]]\ndate = 2025-01-01\n")
	if code, _, errs := runCLI(t, "release", "-s", dir); code != 0 {
		t.Fatalf("first release: %s", errs)
	}
	os.WriteFile(clause, []byte(strings.Replace(string(text), "This privacy policy", "This \x1b[2Jpolicy", 1)), 0o644)
	appendSite(t, dir, "\n[[change]]\ndate = 2025-02-01\n")
	if code, _, errs := runCLI(t, "release", "-s", dir); code != 0 {
		t.Fatalf("second release: %s", errs)
	}
	code, out, errs := runCLI(t, "diff", "-s", dir)
	if code != 0 {
		t.Fatalf("diff: exit %d\n%s", code, errs)
	}
	if want := `~ This \x1b[-]0;owned\x07privacy\u202e policy-]{+[2Jpolicy+} explains`; !strings.Contains(out, want) {
		t.Errorf("diff output lacks %q:\n%s", want, out)
	}
	if strings.ContainsAny(out, "\x1b\x07\u202e") {
		t.Errorf("raw control characters in %q", out)
	}
}

// TestMessagesNeverCarryRawControlCharacters gives a command line with
// terminal commands: what policygen says about it shows them escaped.
func TestMessagesNeverCarryRawControlCharacters(t *testing.T) {
	code, _, errs := runCLI(t, "build", "-s", "\x1b]0;x\x07", "-o", t.TempDir())
	if code == 0 || !strings.Contains(errs, `\x1b]0;x\x07`) || strings.ContainsAny(errs, "\x1b\x07") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
}
