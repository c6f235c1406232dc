package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/policygen/policygen/generator/diag"
	"github.com/policygen/policygen/generator/history"
)

// announcedSite releases versionedSite's 2025-01-01 and a 2025-07-01 that
// keeps data two years instead of one, and returns the site folder. As of
// 2024-12-01 both are announced, as of 2025-03-01 the second.
func announcedSite(t *testing.T) string {
	t.Helper()
	dir := siteFiles(t, versionedSite())
	release(t, dir)
	edit(t, dir, `period = "1y"`, `period = "2y"`)
	appendFile(t, dir, "\n[[change]]\ndate = 2025-07-01\nnote = { en = \"Longer.\", nl = \"Langer.\" }\n")
	release(t, dir)
	return dir
}

// revise runs Revise as of a date and fails the test on an error.
func revise(t *testing.T, dir, asOf, version string) (*history.Version, *history.Version) {
	t.Helper()
	s, err := loadDir(t, dir, asOf)
	if err != nil {
		t.Fatalf("load for revise: %v", err)
	}
	var d time.Time
	if version != "" {
		d = date(t, version)
	}
	v, old, err := s.Revise(d)
	if err != nil {
		t.Fatalf("revise: %v", err)
	}
	return v, old
}

func readHistory(t *testing.T, dir, version, file string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "history", version, file))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestRevisingTheNewestAnnouncedVersionReleasesSiteTomlAsItsRevision(t *testing.T) {
	dir := announcedSite(t)
	edit(t, dir, `period = "2y"`, `period = "3y"`)
	v, old := revise(t, dir, "2025-03-01", "")
	if v.Name() != "2025-07-01.2" || old.Name() != "2025-07-01" {
		t.Fatalf("revised %s into %s", old.Name(), v.Name())
	}
	manifest := readHistory(t, dir, "2025-07-01.2", history.ManifestFile)
	for _, want := range []string{"date = \"2025-07-01\"\n", "revises = \"2025-07-01\"\nreleased = \"2025-03-01\"\n", "\"en\" = \"Longer.\"\n"} {
		if !strings.Contains(manifest, want) {
			t.Errorf("manifest lacks %q:\n%s", want, manifest)
		}
	}
	if md := readHistory(t, dir, "2025-07-01.2", "privacy.en.md"); !strings.Contains(md, "3 years after collection") {
		t.Errorf("revised text:\n%s", md)
	}
	if md := readHistory(t, dir, "2025-07-01", "privacy.en.md"); !strings.Contains(md, "2 years after collection") {
		t.Errorf("superseded text changed:\n%s", md)
	}
	out, err := buildDir(t, dir, "2025-03-01")
	if err != nil {
		t.Fatalf("build after the revision: %v", err)
	}
	assertFile(t, out, "en/privacy/2025-07-01/index.html",
		`<p class="banner superseded" role="note">This announced version was revised on 1 March 2025, before the date it was to apply from, and never applied. <a href="../2025-07-01.2/">See the revised version</a>`,
		"Announced to apply from 1 July 2025", "2 years after collection", "! Effective from")
	assertFile(t, out, "nl/privacy/2025-07-01/index.html",
		`Deze aangekondigde versie is op 1 maart 2025 herzien, vóór haar ingangsdatum; zij is nooit van kracht geworden. <a href="../2025-07-01.2/">Bekijk de herziene versie</a>`)
	assertFile(t, out, "en/privacy/2025-07-01.2/index.html", "This version takes effect on 1 July 2025.", "3 years after collection", "! banner superseded")
	assertFile(t, out, "en/privacy/index.html",
		`A new version takes effect on 1 July 2025. <a href="changes/2025-07-01.2/">`, `href="2025-07-01.2/"`, `! href="2025-07-01/"`)
	assertFile(t, out, "en/privacy/changes/index.html",
		`<time datetime="2025-07-01">1 July 2025</time>`,
		"<p>This announcement was revised on 1 March 2025, before the date it applies from.</p>",
		`<a href="../2025-07-01.2/">Text of this version</a> · <a href="../2025-07-01/">Previously announced text</a> · <a href="2025-07-01.2/revised/">What the revision changes</a> · <a href="2025-07-01.2/">`)
	assertFile(t, out, "en/privacy/changes/index.xml", "<id>https://www.example.nl/en/privacy/2025-07-01.2/</id>", "<updated>2025-03-01T00:00:00Z</updated>", // the day it was released
		"Longer. This announcement was revised on 1 March 2025, before the date it applies from.")
	assertFile(t, out, "en/privacy/changes/2025-07-01.2/index.html", "1 year", "3 years")
	assertFile(t, out, "en/privacy/changes/2025-07-01.2/revised/index.html",
		"<title>Revision of the version of 1 July 2025: Privacy policy",
		`What the revised version of 1 July 2025 changes compared with the text announced before it. <a href="../../../2025-07-01/">Previously announced text</a> · <a href="../../../2025-07-01.2/">Text of this version</a>`,
		"<del>2 years</del>", "<ins>3 years</ins>", "! 1 year")
	assertFile(t, out, "en/privacy/2025-07-01/index.html", `· <a href="../changes/2025-07-01.2/revised/">What the revision changes</a></p>`)
	assertFile(t, out, "en/privacy/changes/index.html", `· <a href="2025-07-01.2/revised/">What the revision changes</a>`)
	if _, ok := out["en/privacy/changes/2025-07-01/index.html"]; ok {
		t.Error("the superseded version has a diff page of its own")
	}
}

func TestRevisingAnOlderAnnouncedVersionRendersItsOwnSnapshot(t *testing.T) {
	dir := announcedSite(t)
	extra := "+++\ntitle = \"Extra\"\n+++\nAdded by a later clause.\n"
	writeFile(t, filepath.Join(dir, "clauses/privacy/075-extra.en.md"), extra)
	writeFile(t, filepath.Join(dir, "clauses/privacy/075-extra.nl.md"), extra)
	v, old := revise(t, dir, "2024-12-01", "2025-01-01")
	if v.Name() != "2025-01-01.2" || old.Name() != "2025-01-01" {
		t.Fatalf("revised %s into %s", old.Name(), v.Name())
	}
	md := readHistory(t, dir, "2025-01-01.2", "privacy.en.md")
	if !strings.Contains(md, "Added by a later clause.") || !strings.Contains(md, "1 year after collection") || strings.Contains(md, "2 years") {
		t.Errorf("the revision is not the snapshot's data with today's clauses:\n%s", md)
	}
	if a, b := readHistory(t, dir, "2025-01-01.2", history.ModelFile), readHistory(t, dir, "2025-01-01", history.ModelFile); a != b {
		t.Error("the revision's model is not the snapshot it revises")
	}
	manifest := readHistory(t, dir, "2025-01-01.2", history.ManifestFile)
	newest := readHistory(t, dir, "2025-07-01", history.ManifestFile)
	if !strings.Contains(manifest, "previous = \""+history.Hash([]byte(newest))+"\"\nrevises = \"2025-01-01\"\n") {
		t.Errorf("the revision does not chain to the newest version:\n%s", manifest)
	}
	for _, lang := range []string{"en", "nl"} {
		os.Remove(filepath.Join(dir, "clauses/privacy/075-extra."+lang+".md"))
	}
	s, err := loadDir(t, dir, "2024-12-01")
	if err != nil {
		t.Fatalf("the chain does not verify: %v", err)
	}
	if got := releasedNames(s.Released); got != "2025-01-01 2025-07-01 2025-01-01.2" {
		t.Errorf("released: %s", got)
	}
	if got := releasedNames(s.History); got != "2025-01-01.2 2025-07-01" {
		t.Errorf("shown: %s", got)
	}
	out, err := s.Render(false)
	if err != nil {
		t.Fatal(err)
	}
	assertFile(t, out, "en/privacy/2025-01-01/index.html", `<a href="../2025-01-01.2/">See the revised version</a>`, "! Added by a later clause.")
	assertFile(t, out, "en/privacy/2025-01-01.2/index.html", "Added by a later clause.")
	assertFile(t, out, "en/privacy/changes/2025-07-01/index.html", `<a href="../../2025-01-01.2/">`)
}

func releasedNames(vs []*history.Version) string {
	var out []string
	for _, v := range vs {
		out = append(out, v.Name())
	}
	return strings.Join(out, " ")
}

func TestRevisingIsRefusedWithAHint(t *testing.T) {
	cases := []struct {
		name, asOf, version, want string
	}{
		{"in force", "2025-03-01", "2025-01-01",
			"site.toml:27:8: the version of 2025-01-01 took effect on 2025-01-01: only a version announced for a later date can be revised\n" +
				"  hint: a version in force is never replaced: describe the correction in a new [[change]] entry dated after 2025-07-01 and run policygen release"},
		{"today", "2025-07-01", "", "site.toml:31:8: the version of 2025-07-01 takes effect today: only a version announced for a later date can be revised"},
		{"no such version", "2025-03-01", "2025-02-01",
			"site.toml: no version was released for 2025-02-01\n  hint: the versions announced for a later date are: 2025-07-01"},
		{"same text", "2025-03-01", "",
			"site.toml:31:8: the text is the same as the announced version of 2025-07-01; nothing to revise\n" +
				"  hint: change site.toml or the clauses first: a revision must change what readers read"},
		{"same snapshot", "2024-12-01", "2025-01-01", "site.toml:27:8: the text is the same as the announced version of 2025-01-01; nothing to revise"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := announcedSite(t)
			s, err := loadDir(t, dir, c.asOf)
			if err != nil {
				t.Fatal(err)
			}
			var d time.Time
			if c.version != "" {
				d = date(t, c.version)
			}
			_, _, err = s.Revise(d)
			if got := diagText(err); !strings.Contains(got, c.want) {
				t.Errorf("got:\n%s\nwant:\n%s", got, c.want)
			}
			if entries, _ := os.ReadDir(filepath.Join(dir, "history")); len(entries) != 2 {
				t.Errorf("a refused revision wrote %d folders", len(entries)-2)
			}
		})
	}
}

func TestRevisionKeepsTheReleasedNote(t *testing.T) {
	dir := announcedSite(t)
	edit(t, dir, `period = "2y"`, `period = "3y"`, `en = "Longer."`, `en = "Longer still."`)
	s, err := loadDir(t, dir, "2025-03-01")
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = s.Revise(time.Time{})
	if got := diagText(err); !strings.Contains(got, "the note of the change dated 2025-07-01 is not the note released in") {
		t.Errorf("got:\n%s", got)
	}
}

func TestTamperingWithASupersededVersionIsDetected(t *testing.T) {
	dir := announcedSite(t)
	edit(t, dir, `period = "2y"`, `period = "3y"`)
	revise(t, dir, "2025-03-01", "")
	file := filepath.Join(dir, "history", "2025-07-01", "privacy.en.md")
	writeFile(t, file, strings.Replace(readHistory(t, dir, "2025-07-01", "privacy.en.md"), "2 years", "5 years", 1))
	_, err := loadDir(t, dir, "2025-03-01")
	if got := diagText(err); !strings.Contains(got, "history/2025-07-01/privacy.en.md: file was changed after its release") {
		t.Errorf("got:\n%s", got)
	}
}

// diagText is each error of err on a line, with its hint below it, the
// site folder's path cut off.
func diagText(err error) string {
	var b strings.Builder
	for _, e := range diag.Errors(err) {
		msg := e.Error()
		if i := strings.Index(msg, "site.toml"); i > 0 && strings.HasPrefix(msg, "/") {
			msg = msg[i:]
		}
		b.WriteString(msg + "\n")
		if e.Hint != "" {
			b.WriteString("  hint: " + e.Hint + "\n")
		}
	}
	return b.String()
}

func TestReleaseAfterARevisionChainsToTheRevision(t *testing.T) {
	dir := announcedSite(t)
	extra := "+++\ntitle = \"Extra\"\n+++\nAdded by a later clause.\n"
	writeFile(t, filepath.Join(dir, "clauses/privacy/075-extra.en.md"), extra)
	writeFile(t, filepath.Join(dir, "clauses/privacy/075-extra.nl.md"), extra)
	revise(t, dir, "2024-12-01", "2025-01-01")
	appendFile(t, dir, "\n[[change]]\ndate = 2025-09-01\nnote = { en = \"Extra.\", nl = \"Extra.\" }\n")
	release(t, dir)
	s, err := loadDir(t, dir, "2025-10-01")
	if err != nil {
		t.Fatalf("the chain does not verify: %v", err)
	}
	if got := releasedNames(s.Released); got != "2025-01-01 2025-07-01 2025-01-01.2 2025-09-01" {
		t.Errorf("released: %s", got)
	}
	out, err := s.Render(false)
	if err != nil {
		t.Fatal(err)
	}
	assertFile(t, out, "en/privacy/2025-01-01.2/index.html", `class="banner past"`, "! banner superseded")
	assertFile(t, out, "en/privacy/2025-01-01/index.html", "This announced version was revised on 1 December 2024, before the date it was to apply from, and never applied.", "! banner past")
	assertFile(t, out, "en/privacy/index.html", "Effective from 1 September 2025", "Added by a later clause.")
}
