package site_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/policygen/policygen"
	"github.com/policygen/policygen/generator/internal/largesite"
	"github.com/policygen/policygen/generator/publish"
	"github.com/policygen/policygen/generator/site"
)

// largeSites writes each size of the large site once per test process:
// a history of a thousand versions takes minutes to release.
var largeSites largesite.Cache

func TestMain(m *testing.M) {
	code := m.Run()
	largeSites.Close()
	os.Exit(code)
}

// largeSite writes the large site of generator/internal/largesite (3
// languages, 60 activities, 200 processors, 500 trackers, 40 retention
// rules) with a history of versions released versions into a new folder
// and returns it. The caller may edit site.toml and release more
// versions, but must not write into the released ones: they are shared.
func largeSite(tb testing.TB, versions int) string {
	tb.Helper()
	dir := tb.TempDir()
	if err := largeSites.CopyTo(dir, versions); err != nil {
		tb.Fatalf("writing the large site with %d versions: %v", versions, err)
	}
	return dir
}

func loadLarge(tb testing.TB, dir string) *site.Site {
	tb.Helper()
	s, err := site.Load(site.Options{Source: dir, Defaults: policygen.Defaults, Date: largesite.BuildDate()})
	if err != nil {
		tb.Fatalf("load: %v", err)
	}
	return s
}

// largePages is how many HTML pages a site renders whose policy.json is
// policyJSON: per language and document the current page, each of its own
// versions, the changelog and a diff page per version after the first;
// and the language chooser. It fails the test unless the privacy policy,
// whose changes clause names each version's date, has every release as a
// version of its own in each of langs languages.
func largePages(t *testing.T, policyJSON []byte, versions, langs int) int {
	t.Helper()
	var doc struct {
		Documents map[string]map[string]struct{ Versions []string }
	}
	if err := json.Unmarshal(policyJSON, &doc); err != nil {
		t.Fatalf("policy.json: %v", err)
	}
	if n := len(doc.Documents["privacy"]); n != langs {
		t.Errorf("policy.json lists the privacy policy in %d languages, want %d", n, langs)
	}
	pages := 1
	for name, byLang := range doc.Documents {
		for lang, d := range byLang {
			if name == "privacy" && len(d.Versions) != versions {
				t.Errorf("privacy/%s has %d versions, want %d", lang, len(d.Versions), versions)
			}
			n := len(d.Versions)
			pages += 1 + n + 1 + (n - 1)
		}
	}
	return pages
}

func TestLargeSiteBuilds(t *testing.T) {
	versions := 5
	if testing.Short() {
		versions = 1
	}
	s := loadLarge(t, largeSite(t, versions))
	langs, docs := len(s.Config.Site.Settings.Languages), len(s.Docs)
	if langs != largesite.Languages || docs != 2 || len(s.History) != versions {
		t.Fatalf("%d languages, %d documents, %d versions; want %d, 2, %d", langs, docs, len(s.History), largesite.Languages, versions)
	}
	if n := len(s.Config.Site.Trackers); n < largesite.Trackers {
		t.Errorf("%d trackers, want at least %d", n, largesite.Trackers)
	}
	out, err := s.Render(false)
	if err != nil {
		t.Fatalf("render: %v", err)
	}
	html := 0
	for name := range out {
		if strings.HasSuffix(name, ".html") {
			html++
		}
	}
	if want := largePages(t, out["policy.json"], versions, langs); html != want {
		t.Errorf("%d pages, want %d", html, want)
	}
	if want := html + langs*docs + 2; len(out) != want { // feeds, style.css, policy.json
		t.Errorf("%d files, want %d", len(out), want)
	}
	public := filepath.Join(t.TempDir(), "public")
	if err := publish.Write(public, out); err != nil {
		t.Fatalf("write: %v", err)
	}
	if n := countFiles(t, public); n != len(out) {
		t.Errorf("%d files written, want %d", n, len(out))
	}
}

func countFiles(t testing.TB, dir string) int {
	t.Helper()
	n := 0
	err := filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && d.Name() != publish.OutputMark {
			n++
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestLargeSiteIsTheSameWhateverTheParallelism writes the large site with
// a history to disk as policygen build does, with one worker and with
// eight: every file must be byte for byte the same.
func TestLargeSiteIsTheSameWhateverTheParallelism(t *testing.T) {
	versions := 6
	if testing.Short() {
		versions = 2
	}
	dir := largeSite(t, versions)
	write := func(workers int) string {
		s, err := site.Load(site.Options{Source: dir, Defaults: policygen.Defaults, Date: largesite.BuildDate(), Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		public := filepath.Join(t.TempDir(), "public")
		out, err := publish.Create(public, publish.Protected{})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.RenderTo(false, out.WriteFile); err != nil {
			t.Fatal(err)
		}
		if err := out.Commit(); err != nil {
			t.Fatal(err)
		}
		return public
	}
	one, eight := write(1), write(8)
	files := 0
	err := filepath.WalkDir(one, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() == publish.OutputMark {
			return err
		}
		files++
		rel, _ := filepath.Rel(one, p)
		a, _ := os.ReadFile(p)
		b, err := os.ReadFile(filepath.Join(eight, rel))
		if err != nil || !bytes.Equal(a, b) {
			t.Errorf("%s differs between 1 and 8 workers", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n := countFiles(t, eight); n != files {
		t.Errorf("%d files with 1 worker, %d with 8", files, n)
	}
}
