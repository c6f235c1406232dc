package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReleasePrintsWhatChangedPerDocument: a changed retention period is
// in the privacy policy's summary; the cookie policy, whose text did not
// change, is said to be unchanged.
func TestReleasePrintsWhatChangedPerDocument(t *testing.T) {
	dir := t.TempDir()
	runCLI(t, "init", dir)
	appendSite(t, dir, "\n[[change]]\ndate = 2025-01-01\n")
	if code, _, errs := runCLI(t, "release", "-s", dir); code != 0 {
		t.Fatalf("first release: %s", errs)
	}
	file := filepath.Join(dir, "site.toml")
	src, _ := os.ReadFile(file)
	os.WriteFile(file, []byte(strings.Replace(string(src), `period = "30d"`, `period = "60d"`, 1)), 0o644)
	appendSite(t, dir, "\n[[change]]\ndate = 2025-02-01\n")
	code, out, errs := runCLI(t, "release", "-s", dir)
	if code != 0 {
		t.Fatalf("second release: exit %d\n%s", code, errs)
	}
	_, summary, _ := strings.Cut(out, "What changed since 2025-01-01:\n")
	privacy, cookies, ok := strings.Cut(summary, "  Cookie policy: text unchanged\n")
	if !ok || !strings.HasPrefix(privacy, "  Privacy policy:\n    - Retention of ") || !strings.Contains(privacy, "changed from 30 days to 60 days") ||
		cookies != "" {
		t.Errorf("release output:\n%s", out)
	}
}
