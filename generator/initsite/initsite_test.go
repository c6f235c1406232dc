package initsite_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/policygen/policygen"
	"github.com/policygen/policygen/generator/initsite"
	"github.com/policygen/policygen/generator/site"
)

// TestTheStarterLoadsAndBuildsInEveryLanguage writes the starter into a new
// folder and builds it as policygen build does: it loads without an error
// and has the privacy and cookie policy of each of its languages, with the
// example company on them.
func TestTheStarterLoadsAndBuildsInEveryLanguage(t *testing.T) {
	dir := t.TempDir()
	if err := initsite.Write(filepath.Join(dir, "site.toml")); err != nil {
		t.Fatal(err)
	}
	s, err := site.Load(site.Options{Source: dir, Defaults: policygen.Defaults, Date: time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatalf("the starter does not load:\n%v", err)
	}
	out, err := s.Render(false)
	if err != nil {
		t.Fatalf("the starter does not build:\n%v", err)
	}
	for _, page := range []string{"index.html", "style.css", "en/privacy/index.html", "en/cookies/index.html",
		"de/datenschutz/index.html", "de/cookies/index.html", "nl/privacy/index.html", "nl/cookies/index.html"} {
		data, ok := out[page]
		if !ok {
			t.Errorf("the starter's build has no %s; it has %v", page, names(out))
			continue
		}
		if strings.HasSuffix(page, "/index.html") && !strings.Contains(string(data), "Example Hosting B.V.") {
			t.Errorf("%s does not name the starter's company:\n%.500s", page, data)
		}
	}
}

// TestWriteWritesTheStarterAsItIs: starter.toml byte for byte, in a
// regular file its owner may edit.
func TestWriteWritesTheStarterAsItIs(t *testing.T) {
	file := filepath.Join(t.TempDir(), "site.toml")
	if err := initsite.Write(file); err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("starter.toml")
	if err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(file)
	if string(got) != string(want) {
		t.Errorf("Write wrote %d bytes, not the %d of starter.toml:\n%.300s", len(got), len(want), got)
	}
	if st, err := os.Stat(file); err != nil || !st.Mode().IsRegular() || st.Mode().Perm()&0o600 != 0o600 {
		t.Errorf("the starter's file: %v, %v; want a regular file its owner reads and writes", st.Mode(), err)
	}
}

// TestWriteNeverOverwritesAnExistingFile: an existing site.toml (or
// anything else at its name) is an error and is left as it was.
func TestWriteNeverOverwritesAnExistingFile(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "site.toml")
	if err := os.WriteFile(file, []byte("# mine\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	err := initsite.Write(file)
	if !errors.Is(err, fs.ErrExist) {
		t.Errorf("Write over an existing site.toml: %v, want an error that it exists", err)
	}
	if src, _ := os.ReadFile(file); string(src) != "# mine\n" {
		t.Errorf("the existing site.toml was changed to:\n%.300s", src)
	}
	if err := os.Symlink(filepath.Join(dir, "elsewhere.toml"), filepath.Join(dir, "link.toml")); err != nil {
		t.Fatal(err)
	}
	if err := initsite.Write(filepath.Join(dir, "link.toml")); !errors.Is(err, fs.ErrExist) {
		t.Errorf("Write over a dangling symlink: %v, want an error that it exists", err)
	}
	if _, err := os.Lstat(filepath.Join(dir, "elsewhere.toml")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Write followed a symlink and created its target: %v", err)
	}
}

func TestWriteIntoAMissingFolderIsAnErrorAndCreatesNothing(t *testing.T) {
	dir := t.TempDir()
	err := initsite.Write(filepath.Join(dir, "missing", "site.toml"))
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Write into a missing folder: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("Write into a missing folder created %v", entries)
	}
}

func names(out map[string][]byte) []string {
	var n []string
	for name := range out {
		n = append(n, name)
	}
	slices.Sort(n)
	return n
}
