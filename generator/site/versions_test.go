package site

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/policygen/policygen/generator/publish"
)

// versionedSite is minimalSite in English only, with one [[change]].
func versionedSite() string {
	site := strings.Replace(minimalSite, `languages = ["en", "de", "nl"]`, `languages = ["en", "nl"]`, 1)
	site = strings.ReplaceAll(site, `de = "Kontakt", `, "")
	site = strings.ReplaceAll(site, `de = "Beantwortung", `, "")
	return site + "\n[[change]]\ndate = 2025-01-01\nnote = { en = \"First\", nl = \"Eerste\" }\n"
}

// edit rewrites site.toml in dir.
func edit(t *testing.T, dir string, replace ...string) {
	t.Helper()
	file := filepath.Join(dir, "site.toml")
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	out := strings.NewReplacer(replace...).Replace(string(src))
	if out == string(src) {
		t.Fatalf("edit changed nothing: %q", replace)
	}
	writeFile(t, file, out)
}

func appendChange(t *testing.T, dir, date string) {
	t.Helper()
	appendFile(t, dir, "\n[[change]]\ndate = "+date+"\n")
}

func releaseErr(t *testing.T, dir string) error {
	t.Helper()
	site, err := loadDir(t, dir, "2025-06-01")
	if err != nil {
		return err
	}
	_, _, err = site.Release()
	return err
}

func TestReleaseThenBuildShowsFrozenVersions(t *testing.T) {
	dir := siteFiles(t, versionedSite())
	release(t, dir)
	edit(t, dir, `period = "1y"`, `period = "2y"`)
	appendChange(t, dir, "2025-07-01")
	release(t, dir)
	out, err := buildDir(t, dir, "2025-08-01")
	if err != nil {
		t.Fatal(err)
	}
	assertFile(t, out, "en/privacy/index.html", "Effective from 1 July 2025", "2 years after collection", `href="2025-01-01/"`)
	assertFile(t, out, "en/privacy/2025-01-01/index.html", "1 year after collection", "This version applied from 1 January 2025 and was replaced by a newer version on 1 July 2025.", `<link rel="canonical" href="https://www.example.nl/en/privacy/2025-01-01/">`)
	assertFile(t, out, "nl/privacy/2025-07-01/index.html", "2 jaar na", `hreflang="en" href="https://www.example.nl/en/privacy/2025-07-01/"`)
}

func TestUnreleasedChangesFailTheBuildUnlessDraft(t *testing.T) {
	dir := siteFiles(t, versionedSite())
	release(t, dir)
	edit(t, dir, `purpose = { en = "Answering you"`, `purpose = { en = "Answering your questions"`)
	_, err := buildDir(t, dir, "2025-06-01")
	if err == nil || !strings.Contains(err.Error(), "unreleased changes in privacy (en) since the version of 2025-01-01") {
		t.Fatalf("got %v", err)
	}
	site, err := loadDir(t, dir, "2025-06-01")
	if err != nil {
		t.Fatal(err)
	}
	out, err := site.Render(true)
	if err != nil {
		t.Fatal(err)
	}
	assertFile(t, out, "en/privacy/index.html", `class="banner draft"`, "Answering your questions")
	assertFile(t, out, "en/privacy/2025-01-01/index.html", "Answering you", "! Answering your questions")
}

func TestReleaseWritesNothingWithoutANewChangeOrNewText(t *testing.T) {
	dir := siteFiles(t, versionedSite())
	release(t, dir)
	if err := releaseErr(t, dir); err == nil || !strings.Contains(err.Error(), "nothing to release") {
		t.Errorf("second release: %v", err)
	}
	appendChange(t, dir, "2025-07-01")
	if err := releaseErr(t, dir); err == nil || !strings.Contains(err.Error(), "the text has not changed since the version of 2025-01-01") {
		t.Errorf("release without a text change: %v", err)
	}
	_, err := buildDir(t, dir, "2025-08-01")
	if err == nil || !strings.Contains(err.Error(), "change dated 2025-07-01 is not released, but the text is the same") {
		t.Errorf("build with an empty change: %v", err)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "history"))
	if len(entries) != 1 {
		t.Errorf("history has %d entries, want 1", len(entries))
	}
}

func TestReleaseRefusesADateNotAfterTheNewestVersion(t *testing.T) {
	dir := siteFiles(t, versionedSite())
	release(t, dir)
	edit(t, dir, `period = "1y"`, `period = "2y"`)
	appendChange(t, dir, "2024-12-01")
	err := releaseErr(t, dir)
	if err == nil || !strings.Contains(err.Error(), "change dated 2024-12-01 is not later than the newest released version (2025-01-01)") {
		t.Errorf("got %v", err)
	}
}

func TestTamperedHistoryFailsTheBuildNamingTheFile(t *testing.T) {
	dir := siteFiles(t, versionedSite())
	release(t, dir)
	file := filepath.Join(dir, "history", "2025-01-01", "privacy.nl.md")
	data, _ := os.ReadFile(file)
	os.WriteFile(file, append(data, []byte("Extra zin.\n")...), 0o644)
	_, err := buildDir(t, dir, "2025-06-01")
	if err == nil || !strings.Contains(err.Error(), "history/2025-01-01/privacy.nl.md: file does not match its SHA-256 in ") {
		t.Errorf("got %v", err)
	}
}

func TestUpcomingVersionSwitchesOnItsDate(t *testing.T) {
	dir := siteFiles(t, versionedSite())
	release(t, dir)
	edit(t, dir, `period = "1y"`, `period = "3y"`)
	appendChange(t, dir, "2026-01-01")
	release(t, dir)

	before, err := buildDir(t, dir, "2025-12-31")
	if err != nil {
		t.Fatal(err)
	}
	assertFile(t, before, "en/privacy/index.html", "Effective from 1 January 2025", "1 year after collection",
		"A new version takes effect on 1 January 2026.", `href="changes/2026-01-01/"`, "! 3 years after")
	assertFile(t, before, "en/privacy/2026-01-01/index.html", "This version takes effect on 1 January 2026.")

	after, err := buildDir(t, dir, "2026-01-01")
	if err != nil {
		t.Fatal(err)
	}
	assertFile(t, after, "en/privacy/index.html", "Effective from 1 January 2026", "3 years after collection", "! A new version takes effect")
}

// TestLongHistoryBuilds releases many versions and builds them all.
func TestLongHistoryBuilds(t *testing.T) {
	dir := siteFiles(t, versionedSite())
	release(t, dir)
	const n = 24
	for i := 2; i <= n; i++ {
		edit(t, dir, fmt.Sprintf(`period = "%dy"`, i-1), fmt.Sprintf(`period = "%dy"`, i))
		appendChange(t, dir, fmt.Sprintf("%d-%02d-01", 2025+i/12, i%12+1))
		release(t, dir)
	}
	out, err := buildDir(t, dir, "2030-01-01")
	if err != nil {
		t.Fatal(err)
	}
	frozen := 0
	for name := range out {
		if strings.HasPrefix(name, "en/privacy/20") {
			frozen++
		}
	}
	if frozen != n {
		t.Errorf("%d frozen English privacy pages, want %d", frozen, n)
	}
	assertFile(t, out, "en/privacy/index.html", fmt.Sprintf("%d years after collection", n))
	checkVersionLinks(t, out, n)
}

var versionLink = regexp.MustCompile(`<li><a href="[./]*(\d{4}-\d\d-\d\d)/"( aria-current="page")?>`)

// checkVersionLinks checks the list of versions on the pages of a long
// history: MaxVersionLinks around the page's own version, newest first,
// and a last item linking the changelog, which lists all n.
func checkVersionLinks(t *testing.T, out publish.Output, n int) {
	t.Helper()
	var names []string // oldest first
	for name := range out {
		if v, ok := strings.CutPrefix(name, "en/privacy/"); ok && strings.HasPrefix(v, "20") {
			names = append(names, strings.TrimSuffix(v, "/index.html"))
		}
	}
	slices.Sort(names)
	links := func(page string) (listed []string, current string) {
		nav := string(out[page])
		nav = nav[strings.Index(nav, `<nav class="versions"`):]
		for _, m := range versionLink.FindAllStringSubmatch(nav, -1) {
			listed = append(listed, m[1])
			if m[2] != "" {
				current = m[1]
			}
		}
		if all := fmt.Sprintf(`<li><a href="%schanges/">All %d versions in the changelog</a></li>`, strings.Repeat("../", strings.Count(page, "/")-2), n); !strings.Contains(nav, all) {
			t.Errorf("%s does not end its list of versions with %s", page, all)
		}
		return listed, current
	}
	newestFirst := slices.Clone(names)
	slices.Reverse(newestFirst)
	for _, c := range []struct {
		page    string
		want    []string // newest first
		current string
	}{
		{"en/privacy/index.html", newestFirst[:MaxVersionLinks], ""},
		{"en/privacy/" + names[n-1] + "/index.html", newestFirst[:MaxVersionLinks], names[n-1]},
		{"en/privacy/" + names[0] + "/index.html", newestFirst[n-MaxVersionLinks:], names[0]},
		// In the middle, the five versions after this one and four before.
		{"en/privacy/" + names[11] + "/index.html", newestFirst[n-17 : n-7], names[11]},
	} {
		listed, current := links(c.page)
		if !slices.Equal(listed, c.want) || current != c.current {
			t.Errorf("%s lists %v (this one: %q), want %v (%q)", c.page, listed, current, c.want, c.current)
		}
	}
}
