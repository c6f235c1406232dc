package main

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestTimeoutMustBePositive(t *testing.T) {
	for _, cmd := range []string{"build", "check", "serve"} {
		code, _, errs := runCLI(t, cmd, "--timeout", "0s")
		if code != exitUsage || !strings.Contains(errs, `invalid value "0s" for flag -timeout: want a positive duration such as 30s or 2m`) {
			t.Errorf("%s: exit %d, stderr:\n%s", cmd, code, errs)
		}
	}
}

// TestTimeoutReachesTheRendering checks a new site with a time limit no
// template can keep: the first clause stops at its start.
func TestTimeoutReachesTheRendering(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	if code, _, errs := runCLI(t, "init", dir); code != exitOK {
		t.Fatalf("init: %s", errs)
	}
	code, _, errs := runCLI(t, "check", "-s", dir, "--draft", "--timeout", "1ns")
	want := "(built-in) clauses/privacy/010-controller.en.md: rendering ran longer than 1ns, the time limit"
	if code != exitSite || !strings.Contains(errs, want) {
		t.Errorf("exit %d, stderr:\n%s\nwant %s", code, errs, want)
	}
	if code, _, errs := runCLI(t, "check", "-s", dir, "--draft", "--timeout", "1h"); code != exitOK {
		t.Errorf("--timeout 1h: exit %d, stderr:\n%s", code, errs)
	}
}
