package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/policygen/policygen"
	"github.com/policygen/policygen/generator/publish"
)

// siteFiles writes a txtar archive into a new folder and returns it.
func siteFiles(t *testing.T, archive string) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range txtar.Parse([]byte(archive)).Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// buildArchive builds the site of a txtar archive with the embedded
// defaults as of date (YYYY-MM-DD), as policygen build does without
// --draft.
func buildArchive(t *testing.T, archive, date string) (publish.Output, error) {
	t.Helper()
	return buildDir(t, siteFiles(t, archive), date)
}

func buildDir(t *testing.T, dir, date string) (publish.Output, error) {
	t.Helper()
	site, err := loadDir(t, dir, date)
	if err != nil {
		return nil, err
	}
	return site.Render(false)
}

func loadDir(t *testing.T, dir, day string) (*Site, error) {
	t.Helper()
	return Load(Options{Source: dir, Defaults: policygen.Defaults, Date: date(t, day)})
}

// release runs policygen release on a site folder and fails the test on
// an error.
func release(t *testing.T, dir string) {
	t.Helper()
	site, err := loadDir(t, dir, "2000-01-01")
	if err != nil {
		t.Fatalf("load for release: %v", err)
	}
	if _, _, err := site.Release(); err != nil {
		t.Fatalf("release: %v", err)
	}
}

// mustBuild builds an archive that must have no errors, releasing its
// [[change]] entry first if it has one: the test sites stand for
// published sites.
func mustBuild(t *testing.T, archive, date string) publish.Output {
	t.Helper()
	dir := siteFiles(t, archive)
	if strings.Contains(archive, "[[change]]") {
		release(t, dir)
	}
	out, err := buildDir(t, dir, date)
	if err != nil {
		t.Fatalf("build failed:\n%v", err)
	}
	return out
}

// assertFile checks a file of the output against expectations: each is a
// substring it must contain, or, starting with "! ", must not contain.
func assertFile(t *testing.T, out publish.Output, name string, expectations ...string) {
	t.Helper()
	data, ok := out[name]
	if !ok {
		t.Errorf("%s was not built; built: %v", name, names(out))
		return
	}
	s := string(data)
	for _, e := range expectations {
		if not, ok := strings.CutPrefix(e, "! "); ok {
			if strings.Contains(s, not) {
				t.Errorf("%s contains %q but must not", name, not)
			}
		} else if !strings.Contains(s, e) {
			t.Errorf("%s does not contain %q", name, e)
		}
	}
}

func names(out publish.Output) []string {
	var n []string
	for k := range out {
		n = append(n, k)
	}
	return n
}

// render loads a site with opts and renders it, failing the test on an
// error.
func render(tb testing.TB, opts Options, draft bool) publish.Output {
	tb.Helper()
	_, out := loadRender(tb, opts, draft)
	return out
}

// loadRender is render that also returns the loaded site.
func loadRender(tb testing.TB, opts Options, draft bool) (*Site, publish.Output) {
	tb.Helper()
	site, err := Load(opts)
	if err != nil {
		tb.Fatal(err)
	}
	out, err := site.Render(draft)
	if err != nil {
		tb.Fatal(err)
	}
	return site, out
}

func date(tb testing.TB, s string) time.Time {
	tb.Helper()
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		tb.Fatal(err)
	}
	return d
}
