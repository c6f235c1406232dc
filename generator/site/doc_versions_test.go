package site

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/policygen/policygen/generator/publish"
)

// processorAddedSite releases versionedSite on 2025-01-01, then adds a
// processor to the contact activity and releases that on 2025-07-01: the
// privacy policy's text changes, the cookie policy's does not.
func processorAddedSite(t *testing.T) string {
	t.Helper()
	dir := siteFiles(t, versionedSite())
	release(t, dir)
	edit(t, dir, `retention = "contact"`, "retention = \"contact\"\nrecipients = [\"mail\"]")
	appendFile(t, dir, "\n[[processor]]\nid = \"mail\"\nname = \"Mail B.V.\"\nrole = \"processor\"\nservice = { en = \"Email\", nl = \"E-mail\" }\ncountry = \"NL\"\n")
	appendFile(t, dir, "\n[[change]]\ndate = 2025-07-01\nnote = { en = \"Mail provider\", nl = \"E-mailprovider\" }\n")
	release(t, dir)
	return dir
}

func buildProcessorAdded(t *testing.T, day string) publish.Output {
	t.Helper()
	out, err := buildDir(t, processorAddedSite(t), day)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestADocumentWhoseTextDidNotChangeKeepsItsVersion(t *testing.T) {
	out := buildProcessorAdded(t, "2025-08-01")
	for _, name := range []string{"en/cookies/2025-07-01/index.html", "en/cookies/changes/2025-07-01/index.html", "nl/cookies/2025-07-01/index.html"} {
		if _, ok := out[name]; ok {
			t.Errorf("%s was built, but the cookie policy did not change on 2025-07-01", name)
		}
	}
	assertFile(t, out, "en/cookies/index.html", "Effective from 1 January 2025", `href="2025-01-01/"`, "! 1 July 2025", "! 2025-07-01")
	assertFile(t, out, "en/cookies/changes/index.html", `id="v-2025-01-01"`, "! 2025-07-01", "! Mail provider")
	assertFile(t, out, "en/cookies/changes/index.xml", "<id>https://www.example.nl/en/cookies/2025-01-01/</id>", "! 2025-07-01", "! Mail provider")
	assertFile(t, out, "en/cookies/2025-01-01/index.html", "Effective from 1 January 2025", `! class="banner past"`, "! 2025-07-01")

	assertFile(t, out, "en/privacy/index.html", "Effective from 1 July 2025", `href="2025-07-01/"`, `href="2025-01-01/"`)
	assertFile(t, out, "en/privacy/changes/2025-07-01/index.html", "Mail B.V.")
	assertFile(t, out, "en/privacy/changes/index.html", `id="v-2025-07-01"`, `id="v-2025-01-01"`, "Mail provider")
	assertFile(t, out, "en/privacy/changes/index.xml", "<id>https://www.example.nl/en/privacy/2025-07-01/</id>")
}

func TestAnUnchangedDocumentShowsNoUpcomingVersion(t *testing.T) {
	out := buildProcessorAdded(t, "2025-03-01")
	assertFile(t, out, "en/privacy/index.html", "A new version takes effect on 1 July 2025.")
	assertFile(t, out, "en/cookies/index.html", "! A new version takes effect", "! changes/2025-07-01/")
}

func TestPolicyJSONListsTheVersionsOfEachDocument(t *testing.T) {
	out := buildProcessorAdded(t, "2025-08-01")
	var doc struct {
		Versions  []string
		Documents map[string]map[string]struct {
			Effective string
			Versions  []string
		}
	}
	if err := json.Unmarshal(out["policy.json"], &doc); err != nil {
		t.Fatal(err)
	}
	if want := []string{"2025-01-01", "2025-07-01"}; !slices.Equal(doc.Versions, want) {
		t.Errorf("versions = %v, want %v", doc.Versions, want)
	}
	for _, lang := range []string{"en", "nl"} {
		if got := doc.Documents["cookies"][lang]; got.Effective != "2025-01-01" || !slices.Equal(got.Versions, []string{"2025-01-01"}) {
			t.Errorf("cookies/%s = %+v, want effective 2025-01-01 and only that version", lang, got)
		}
		if got := doc.Documents["privacy"][lang]; got.Effective != "2025-07-01" || len(got.Versions) != 2 {
			t.Errorf("privacy/%s = %+v, want effective 2025-07-01 of two versions", lang, got)
		}
	}
}

func TestSameTextComparesTheReleasedMarkdown(t *testing.T) {
	if !sameText("## A {#a}\n\nText\n", "## A {#a}\n\nText\n") {
		t.Error("equal texts differ")
	}
	if sameText("## A {#a}\n\nText\n", "## A {#a}\n\nOther text\n") {
		t.Error("different texts are the same")
	}
}

func TestFeedEntriesSayFromWhichDayTheirVersionApplies(t *testing.T) {
	out := buildProcessorAdded(t, "2025-03-01")
	feed := string(out["en/privacy/changes/index.xml"])
	// Each entry is dated the day its version was released (the harness
	// releases as of 2000-01-01), not the day it takes effect, which its
	// text says: an upcoming version's entry has no date in the future.
	if strings.Contains(feed, "<updated>2025-07-01") {
		t.Errorf("an entry is dated the day it takes effect:\n%s", feed)
	}
	for _, want := range []string{
		"<updated>2000-01-01T00:00:00Z</updated>",
		"<summary>This version applies from 1 July 2025. Mail provider.",
		"<summary>This version applies from 1 January 2025. First.</summary>",
	} {
		if !strings.Contains(feed, want) {
			t.Errorf("feed lacks %q:\n%s", want, feed)
		}
	}
	assertFile(t, out, "nl/privacy/changes/index.xml", "<summary>Deze versie geldt vanaf 1 juli 2025. E-mailprovider.")
}

func TestADraftOfAnUnchangedDocumentComparesWithItsOwnVersion(t *testing.T) {
	dir := processorAddedSite(t)
	edit(t, dir, `name = "Mail B.V."`, `name = "Post B.V."`)
	site, err := loadDir(t, dir, "2025-08-01")
	if err != nil {
		t.Fatal(err)
	}
	out, err := site.Render(true)
	if err != nil {
		t.Fatal(err)
	}
	assertFile(t, out, "en/cookies/changes/draft/index.html", `href="../../2025-01-01/"`, "1 January 2025", "! 2025-07-01/")
	assertFile(t, out, "en/privacy/changes/draft/index.html", `href="../../2025-07-01/"`)
}

func TestABuildWithoutThePagesOfUnchangedDocumentsVerifies(t *testing.T) {
	site, err := loadDir(t, processorAddedSite(t), "2025-08-01")
	if err != nil {
		t.Fatal(err)
	}
	out, err := site.Render(false)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "public")
	if err := publish.Write(dir, out); err != nil {
		t.Fatal(err)
	}
	errs, checked, err := site.Verify(dir)
	if err != nil || checked == 0 || len(errs) != 0 {
		t.Errorf("verify checked %d files: %v %v", checked, err, errs)
	}
}

func TestAPageLinksNoLanguageThatLacksItsVersion(t *testing.T) {
	tracker := "\n[[tracker]]\nname = \"session\"\nprovider = \"first_party\"\ncategory = \"necessary\"\nkind = \"cookie\"\nexpiry = \"session\"\npurpose = { en = \"Login\", nl = \"Inloggen\" }\n"
	dir := siteFiles(t, strings.Replace(versionedSite(), "\n[[change]]", tracker+"\n[[change]]", 1))
	release(t, dir)
	// Only the English cookie policy changes.
	edit(t, dir, `en = "Login"`, `en = "Keeping you logged in"`)
	appendChange(t, dir, "2025-07-01")
	release(t, dir)
	out, err := buildDir(t, dir, "2025-08-01")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := out["nl/cookies/2025-07-01/index.html"]; ok {
		t.Error("the Dutch cookie policy, whose text did not change, has a page of 2025-07-01")
	}
	assertFile(t, out, "en/cookies/2025-07-01/index.html", "Keeping you logged in", `hreflang="en"`, `! hreflang="nl"`)
	assertFile(t, out, "en/cookies/changes/2025-07-01/index.html", `! hreflang="nl"`)
	assertFile(t, out, "nl/cookies/index.html", "1 januari 2025", `hreflang="en"`)
	assertFile(t, out, "nl/privacy/2025-07-01/index.html", `hreflang="en" href="https://www.example.nl/en/privacy/2025-07-01/"`)
}
