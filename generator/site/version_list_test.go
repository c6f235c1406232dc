package site

import (
	"testing"

	"github.com/policygen/policygen/generator/publish"
)

// twoVersions releases versionedSite on 2025-01-01 and a longer retention
// period on 2025-07-01, and builds it as of day.
func twoVersions(t *testing.T, day string) publish.Output {
	t.Helper()
	dir := siteFiles(t, versionedSite())
	release(t, dir)
	edit(t, dir, `period = "1y"`, `period = "2y"`)
	appendFile(t, dir, "\n[[change]]\ndate = 2025-07-01\nnote = { en = \"Longer\", nl = \"Langer\" }\n")
	release(t, dir)
	out, err := buildDir(t, dir, day)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestVersionsListMarksTheVersionInForce(t *testing.T) {
	out := twoVersions(t, "2025-08-01")
	assertFile(t, out, "en/privacy/index.html",
		`<li><a href="2025-07-01/">1 July 2025</a> (in force)</li>`,
		`<li><a href="2025-01-01/">1 January 2025</a></li>`)
	assertFile(t, out, "en/privacy/2025-07-01/index.html",
		`<li><a href="../2025-07-01/" aria-current="page">1 July 2025</a> (in force)</li>`)
	assertFile(t, out, "en/privacy/2025-01-01/index.html",
		`<li><a href="../2025-07-01/">1 July 2025</a> (in force)</li>`,
		`<li><a href="../2025-01-01/" aria-current="page">1 January 2025</a></li>`)
	assertFile(t, out, "nl/privacy/index.html", `<li><a href="2025-07-01/">1 juli 2025</a> (geldende versie)</li>`)
}

func TestVersionsListMarksNoUpcomingVersionAsInForce(t *testing.T) {
	out := twoVersions(t, "2025-03-01")
	assertFile(t, out, "en/privacy/index.html",
		`<li><a href="2025-07-01/">1 July 2025</a></li>`,
		`<li><a href="2025-01-01/">1 January 2025</a> (in force)</li>`)
}

func TestAPastVersionSaysOnWhichDayItWasReplaced(t *testing.T) {
	out := twoVersions(t, "2025-08-01")
	assertFile(t, out, "en/privacy/2025-01-01/index.html", "This version applied from 1 January 2025 and was replaced by a newer version on 1 July 2025.")
	assertFile(t, out, "nl/privacy/2025-01-01/index.html", "Deze versie gold vanaf 1 januari 2025 en is op 1 juli 2025 vervangen door een nieuwere versie.")
}

func TestVersionLinksLeadToTheDocumentsOwnVersion(t *testing.T) {
	site, err := loadDir(t, processorAddedSite(t), "2025-08-01")
	if err != nil {
		t.Fatal(err)
	}
	st, err := site.status(false)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ dest, up, want string }{
		{"policygen-doc:cookies@2025-07-01", "../", "../cookies/2025-01-01/"}, // the cookie policy did not change on 2025-07-01
		{"policygen-doc:privacy@2025-07-01", "../../", "../../privacy/2025-07-01/"},
		{"policygen-doc:privacy@2025-03-15", "../", "../privacy/2025-01-01/"},
		{"policygen-doc:privacy@2024-01-01", "../", "../privacy/2025-01-01/"}, // before the first: the first
	} {
		got, ok := site.docLinks(st, "en", c.up)(c.dest)
		if !ok || got != c.want {
			t.Errorf("%s from %s = %q, %v; want %q", c.dest, c.up, got, ok, c.want)
		}
	}
}

func TestVersionsListAndFeedSpeakGerman(t *testing.T) {
	out := threeVersions(t, "2025-08-01")
	assertFile(t, out, "de/datenschutz/index.html", `<li><a href="2025-07-01/">1. Juli 2025</a> (geltende Fassung)</li>`)
	assertFile(t, out, "de/datenschutz/2025-01-01/index.html", "Diese Fassung galt ab dem 1. Januar 2025 und wurde am 1. Juli 2025 durch eine neuere Fassung abgelöst.")
	assertFile(t, out, "de/datenschutz/changes/index.xml", "<summary>Diese Fassung gilt ab dem 1. Januar 2025. Erste.</summary>")
}
