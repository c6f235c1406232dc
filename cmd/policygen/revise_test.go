package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReleaseReviseReplacesAnAnnouncedVersion announces a version, then
// revises it with --revise, alone and with a date in both forms.
func TestReleaseReviseReplacesAnAnnouncedVersion(t *testing.T) {
	dir := t.TempDir()
	runCLI(t, "init", dir)
	appendSite(t, dir, "\n[[change]]\ndate = 2027-01-01\n")
	if code, _, errs := runCLI(t, "release", "-s", dir); code != 0 {
		t.Fatalf("release: %s", errs)
	}
	file := filepath.Join(dir, "site.toml")
	src, _ := os.ReadFile(file)
	os.WriteFile(file, []byte(strings.Replace(string(src), `period = "30d"`, `period = "60d"`, 1)), 0o644)
	code, _, errs := runCLI(t, "release", "-s", dir)
	if code != exitSite || !strings.Contains(errs, "to correct the version of 2027-01-01 before it takes effect, run policygen release --revise") {
		t.Errorf("release without --revise: exit %d\n%s", code, errs)
	}
	code, out, errs := runCLI(t, "release", "--revise", "-s", dir)
	if code != 0 || !strings.HasPrefix(out, "Released a revision of the version of 2027-01-01 into "+filepath.Join(dir, "history", "2027-01-01.2")+"\n") ||
		!strings.Contains(out, "Retention of") {
		t.Fatalf("revise: exit %d\n%s%s", code, out, errs)
	}
	code, _, errs = runCLI(t, "release", "--revise", "2027-01-01", "--date", "2026-02-01", "-s", dir)
	if code != exitSite || !strings.Contains(errs, "the text is the same as the announced version of 2027-01-01.2; nothing to revise") {
		t.Errorf("second revise: exit %d\n%s", code, errs)
	}
	code, _, errs = runCLI(t, "release", "--revise=2027-01-01", "--date", "2027-01-01", "-s", dir)
	if code != exitSite || !strings.Contains(errs, "the version of 2027-01-01.2 takes effect today") {
		t.Errorf("revise on the day: exit %d\n%s", code, errs)
	}
	code, _, errs = runCLI(t, "release", "--revise", "2027-13-01", "-s", dir)
	if code != exitUsage || !strings.Contains(errs, "--revise 2027-13-01: want a date as YYYY-MM-DD") {
		t.Errorf("bad date: exit %d\n%s", code, errs)
	}
	if code, out, errs := runCLI(t, "build", "-s", dir, "-o", filepath.Join(dir, "public"), "-q"); code != 0 {
		t.Errorf("build after the revision: exit %d\n%s%s", code, out, errs)
	}
}
