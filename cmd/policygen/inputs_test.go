package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// TestNamedPipeSiteFileFailsAtOnce: check on a site.toml that is a named
// pipe reports it instead of waiting for a writer forever.
func TestNamedPipeSiteFileFailsAtOnce(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "site.toml"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs := runCLI(t, "check", "-s", dir)
	want := dir + "/site.toml: not a regular file but a named pipe (FIFO)\n" +
		"  hint: policygen reads only regular files: put the file itself in the site folder\n" +
		"1 error; nothing was written\n"
	if code != exitSite || errs != want {
		t.Errorf("exit %d, stderr:\n%s\nwant exit %d, stderr:\n%s", code, errs, exitSite, want)
	}
}

func TestHistoryOutsideTheSiteIsAnError(t *testing.T) {
	dir := t.TempDir()
	if code, _, errs := runCLI(t, "init", dir); code != 0 {
		t.Fatalf("init: %s", errs)
	}
	file := filepath.Join(dir, "site.toml")
	src, _ := os.ReadFile(file)
	edited := strings.Replace(string(src), "\n[site]\n", "\n[site]\nhistory = \"/\"\n", 1)
	if edited == string(src) {
		t.Fatal("test setup: the starter has no [site] line")
	}
	os.WriteFile(file, []byte(edited), 0o644)
	line := strings.Count(edited[:strings.Index(edited, `history = "/"`)], "\n") + 1
	code, _, errs := runCLI(t, "check", "-s", dir)
	want := file + ":" + strconv.Itoa(line) + `:11: site.history "/" is not a folder inside the site folder` + "\n" +
		"  " + strconv.Itoa(line) + ` | history = "/"` + "\n" +
		strings.Repeat(" ", 2+len(strconv.Itoa(line))) + " |           ^\n" +
		`  hint: name a folder inside the site folder by a relative path, such as "history"` + "\n" +
		"1 error; nothing was written\n"
	if code != exitSite || errs != want {
		t.Errorf("exit %d, stderr:\n%s\nwant exit %d, stderr:\n%s", code, errs, exitSite, want)
	}
}
