package site

import (
	"bytes"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/policygen/policygen"
	"github.com/policygen/policygen/generator/publish"
)

// TestReuseTakesOnlyWhatNoChangedFileAffects loads a released site, then
// loads it again reusing the first load after each kind of change: what
// no changed file can affect is the same, the rest is read again.
func TestReuseTakesOnlyWhatNoChangedFileAffects(t *testing.T) {
	dir := threeVersionsDir(t)
	load := func(reuse *Site, changed ...string) *Site {
		t.Helper()
		s, err := Load(Options{Source: dir, Defaults: policygen.Defaults, Date: date(t, "2025-08-01"), Reuse: reuse, Changed: changed})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	first := load(nil)
	for _, c := range []struct {
		changed        []string
		parts, history bool // reused
	}{
		{[]string{"site.toml"}, true, true},
		{[]string{"clauses/privacy/075-extra.en.md"}, false, true},
		{[]string{"locales/en.toml"}, false, true},
		{[]string{"themes/default/style.css"}, false, true},
		{[]string{"history/2025-07-01/manifest.toml"}, true, false},
		{[]string{"history"}, true, false},
		{[]string{"*"}, false, false},
	} {
		s := load(first, c.changed...)
		if got := s.Clauses == first.Clauses && s.Catalog == first.Catalog && s.Theme == first.Theme; got != c.parts {
			t.Errorf("after %v: messages, clauses and theme reused: %v, want %v", c.changed, got, c.parts)
		}
		if got := len(s.History) > 0 && &s.History[0] == &first.History[0]; got != c.history {
			t.Errorf("after %v: history reused: %v, want %v", c.changed, got, c.history)
		}
	}
	// site.toml picking another set of clauses reads them again.
	edit(t, dir, `[site]`, "[site]\ndisable_clauses = [\"automated\"]")
	if s := load(first, "site.toml"); s.Clauses == first.Clauses {
		t.Error("a site.toml that disables a clause reused the clauses")
	}
}

// TestKeptPagesFollowTheThemeSiteTomlPicks builds a released site with a
// cache kept between builds, as serve does, then switches site.toml to
// another theme that was there all along: the frozen pages, kept in the
// cache, must show the new theme.
func TestKeptPagesFollowTheThemeSiteTomlPicks(t *testing.T) {
	dir := threeVersionsDir(t)
	copyTheme(t, dir, "mine", "<p>theme mine</p>")
	cache := NewCache()
	build := func(reuse *Site, changed ...string) (*Site, publish.Output) {
		t.Helper()
		s, out := loadRender(t, Options{Source: dir, Defaults: policygen.Defaults, Date: date(t, "2025-08-01"), Cache: cache, Reuse: reuse, Changed: changed}, true)
		cache.Sweep()
		return s, out
	}
	first, out := build(nil)
	assertFile(t, out, "en/privacy/2025-01-01/index.html", "! theme mine")
	edit(t, dir, `[site]`, "[site]\ntheme = \"mine\"")
	_, out = build(first, "site.toml")
	assertFile(t, out, "en/privacy/2025-01-01/index.html", "theme mine")
}

// copyTheme writes the default theme into the site folder dir as the theme
// name, with mark at the start of the main content of page.html.
func copyTheme(t *testing.T, dir, name, mark string) {
	t.Helper()
	err := fs.WalkDir(policygen.Defaults, "themes/default", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(policygen.Defaults, p)
		if err != nil {
			return err
		}
		if path.Base(p) == "page.html" {
			data = bytes.Replace(data, []byte("<main id=\"content\">"), []byte("<main id=\"content\">"+mark), 1)
		}
		target := filepath.Join(dir, "themes", name, strings.TrimPrefix(p, "themes/default/"))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
