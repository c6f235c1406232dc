package site

import (
	"bytes"
	"encoding/xml"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/policygen/policygen"
	"github.com/policygen/policygen/generator/publish"
)

// threeVersions releases minimalSite (en, de, nl) as of 2025-01-01 with a
// note, then as of 2025-07-01 with the retention period of the contact
// email raised from one year to two and no note, and builds it on date.
func threeVersions(t *testing.T, date string, more ...func(dir string)) publish.Output {
	t.Helper()
	dir := threeVersionsDir(t)
	for _, f := range more {
		f(dir)
	}
	out, err := buildDir(t, dir, date)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func threeVersionsDir(t *testing.T) string {
	t.Helper()
	dir := siteFiles(t, minimalSite+"\n[[change]]\ndate = 2025-01-01\nnote = { en = \"First\", de = \"Erste\", nl = \"Eerste\" }\n")
	release(t, dir)
	edit(t, dir, `period = "1y"`, `period = "2y"`)
	appendChange(t, dir, "2025-07-01")
	release(t, dir)
	return dir
}

// TestRetentionChangeShowsInDiffAndSummary is the promise of a diff page:
// the old period struck out, the new one added, and a line in the summary
// naming the data with the old and new period, in every language.
func TestRetentionChangeShowsInDiffAndSummary(t *testing.T) {
	out := threeVersions(t, "2025-08-01")
	want := map[string][]string{
		"en/privacy/changes/2025-07-01/": {"<del>1 year</del><ins>2 years</ins> after collection",
			"<li>Retention of email address for “Contact” changed from 1 year to 2 years after collection</li>"},
		"de/datenschutz/changes/2025-07-01/": {"<del>1 Jahr</del><ins>2 Jahre</ins> nach Erhebung",
			"<li>Speicherdauer für E-Mail-Adresse bei „Kontakt“ geändert: bisher 1 Jahr, jetzt 2 Jahre nach Erhebung</li>"},
		"nl/privacy/changes/2025-07-01/": {"<del>1 jaar</del><ins>2 jaar</ins> na het verzamelen",
			"<li>Bewaartermijn voor e-mailadres bij ‘Contact’ gewijzigd: voorheen 1 jaar, nu 2 jaar na het verzamelen</li>"},
	}
	for page, phrases := range want {
		assertFile(t, out, page+"index.html", phrases...)
	}
}

// TestCookieSummaryLeavesOutWhatOnlyThePrivacyPolicyShows: a retention
// period is not in the cookie policy, so its changelog and diff page do
// not name it (a cookie policy whose text did not change may have no diff
// page at all).
func TestCookieSummaryLeavesOutWhatOnlyThePrivacyPolicyShows(t *testing.T) {
	out := threeVersions(t, "2025-08-01")
	assertFile(t, out, "en/cookies/changes/index.html", "! Retention of email address")
	if page, ok := out["en/cookies/changes/2025-07-01/index.html"]; ok && strings.Contains(string(page), "Retention of email address") {
		t.Error("the cookie policy's diff page names the changed retention period")
	}
}

// TestChangelogIsNewestFirstAndFallsBackToTheSummary checks the changelog:
// versions newest first, the note where there is one and the generated
// summary where there is none, a diff link for every version but the first.
func TestChangelogIsNewestFirstAndFallsBackToTheSummary(t *testing.T) {
	out := threeVersions(t, "2025-08-01")
	page := string(out["de/datenschutz/changes/index.html"])
	ids := regexp.MustCompile(`<h2 id="v-([0-9-]+)"`).FindAllStringSubmatch(page, -1)
	if len(ids) != 2 || ids[0][1] != "2025-07-01" || ids[1][1] != "2025-01-01" {
		t.Fatalf("changelog entries %v, want 2025-07-01 then 2025-01-01", ids)
	}
	newer, older, _ := strings.Cut(page[strings.Index(page, `id="v-2025-07-01"`):], `id="v-2025-01-01"`)
	if !strings.Contains(newer, "Speicherdauer für E-Mail-Adresse bei „Kontakt“ geändert") || !strings.Contains(newer, `href="2025-07-01/"`) {
		t.Errorf("newest entry lacks the summary or its diff link:\n%s", newer)
	}
	if !strings.Contains(older, "Erste") || strings.Contains(older, `href="2025-01-01/"`) {
		t.Errorf("first entry lacks its note or links a diff it cannot have:\n%s", older)
	}
	if _, ok := out["de/datenschutz/changes/2025-01-01/index.html"]; ok {
		t.Error("the first version has a diff page")
	}
}

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Author  string      `xml:"author>name"`
	Links   []atomLink  `xml:"link"`
	Entries []atomEntry `xml:"entry"`
}

// TestFeedIsValidAtom parses each feed and checks what RFC 4287 requires
// of a feed and its entries, with absolute links under base_url.
func TestFeedIsValidAtom(t *testing.T) {
	out := threeVersions(t, "2025-08-01")
	// The cookie policy's text did not change: its feed has one entry.
	for _, name := range []string{"en/privacy/changes/index.xml", "de/datenschutz/changes/index.xml", "nl/privacy/changes/index.xml"} {
		var f atomFeed
		if err := xml.NewDecoder(bytes.NewReader(out[name])).Decode(&f); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		lang := name[:2]
		if f.Lang != lang || f.Title == "" || f.Author != "Klein B.V." || !absolute(f.ID) || f.Updated != "2000-01-01T00:00:00Z" { // the day the newest was released (the harness releases as of 2000-01-01)
			t.Errorf("%s: feed head %+v", name, f)
		}
		self := "https://www.example.nl/" + strings.TrimSuffix(name, "index.xml") + "index.xml"
		if len(f.Links) == 0 || f.Links[0].Rel != "self" || f.Links[0].Href != self {
			t.Errorf("%s: self link %+v, want %s", name, f.Links, self)
		}
		if len(f.Entries) != 2 {
			t.Fatalf("%s: %d entries, want 2", name, len(f.Entries))
		}
		for _, e := range f.Entries {
			if _, err := time.Parse(time.RFC3339, e.Updated); err != nil || e.Title == "" || !absolute(e.ID) || !absolute(e.Link.Href) || e.Summary == "" {
				t.Errorf("%s: entry %+v", name, e)
			}
			if page := strings.TrimPrefix(e.Link.Href, "https://www.example.nl/") + "index.html"; out[page] == nil {
				t.Errorf("%s: entry links %s, which was not built", name, e.Link.Href)
			}
		}
	}
}

func absolute(s string) bool {
	u, err := url.Parse(s)
	return err == nil && u.Scheme == "https" && u.Host == "www.example.nl"
}

// TestSummaryPrintsSiteValuesLiterally adds a processor with markup in its
// name: the diff page, the changelog and the feed show it as text.
func TestSummaryPrintsSiteValuesLiterally(t *testing.T) {
	hostile := `Evil <script>alert(1)</script> & Co`
	out := threeVersions(t, "2025-10-01", func(dir string) {
		edit(t, dir, `basis = "contract"`, "basis = \"contract\"\nrecipients = [\"evil\"]")
		appendFile(t, dir, "\n[[processor]]\nid = \"evil\"\nname = \""+strings.ReplaceAll(hostile, `"`, `\"`)+"\"\nrole = \"processor\"\ncountry = \"NL\"\n"+
			"service = { en = \"Mail\", de = \"Post\", nl = \"Post\" }\n\n[[change]]\ndate = 2025-09-01\n")
		release(t, dir)
	})
	escaped := "Evil &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"
	assertFile(t, out, "en/privacy/changes/2025-09-01/index.html", "<li>New recipient for ", "”: "+escaped, "! <script>")
	assertFile(t, out, "nl/privacy/changes/index.html", escaped, "! <script>")
	var f atomFeed
	if err := xml.Unmarshal(out["en/privacy/changes/index.xml"], &f); err != nil || !strings.Contains(f.Entries[0].Summary, hostile) {
		t.Errorf("feed summary %q (err %v) does not hold %q", f.Entries[0].Summary, err, hostile)
	}
}

func appendFile(t *testing.T, dir, text string) {
	t.Helper()
	f, err := os.OpenFile(filepath.Join(dir, "site.toml"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString(text); err != nil {
		t.Fatal(err)
	}
}

// TestDraftShowsItsDiffAgainstTheNewestVersion edits a released site and
// builds it as a draft: the draft links a page comparing it with the
// newest version, which a normal build does not have.
func TestDraftShowsItsDiffAgainstTheNewestVersion(t *testing.T) {
	dir := siteFiles(t, minimalSite+"\n[[change]]\ndate = 2025-01-01\n")
	release(t, dir)
	edit(t, dir, `period = "1y"`, `period = "3y"`)
	out := mustRender(t, dir, true)
	assertFile(t, out, "de/datenschutz/index.html", `<a href="changes/draft/">Änderungen dieses Entwurfs ansehen</a>`)
	assertFile(t, out, "de/datenschutz/changes/draft/index.html", "<h1>Unveröffentlichte Änderungen: Datenschutzerklärung</h1>",
		"<del>1 Jahr</del><ins>3 Jahre</ins>", "bisher 1 Jahr, jetzt 3 Jahre nach Erhebung", `href="../../2025-01-01/"`)
	if page := string(out["de/datenschutz/changes/index.html"]); strings.Contains(page, "draft") {
		t.Error("the changelog lists the draft as if it were released")
	}
	edit(t, dir, `period = "3y"`, `period = "1y"`)
	out = mustRender(t, dir, true)
	if _, ok := out["de/datenschutz/changes/draft/index.html"]; ok {
		t.Error("a draft without changes has a draft diff page")
	}
}

func mustRender(t *testing.T, dir string, draft bool) publish.Output {
	t.Helper()
	return render(t, Options{Source: dir, Defaults: policygen.Defaults, Date: date(t, "2025-08-01")}, draft)
}

// TestCacheRendersOnlyWhatChanged builds a released site twice with one
// cache: the second build of the same site computes nothing again, and
// after one edit only the texts that changed are rendered anew.
func TestCacheRendersOnlyWhatChanged(t *testing.T) {
	dir := threeVersionsDir(t)
	cache := NewCache()
	build := func() publish.Output {
		t.Helper()
		return render(t, Options{Source: dir, Defaults: policygen.Defaults, Date: date(t, "2025-08-01"), Cache: cache}, true)
	}
	first := build()
	if cache.Misses() == 0 {
		t.Fatal("the first build computed nothing into the cache")
	}
	cache.Sweep()
	if again := build(); cache.Misses() != 0 || !sameOutput(first, again) {
		t.Errorf("an unchanged rebuild computed %d values or built different pages", cache.Misses())
	}
	cache.Sweep()
	edit(t, dir, `period = "2y"`, `period = "5y"`)
	build()
	// Per language, the three sections of the draft's privacy policy
	// whose text differs from the released version (the one with the
	// purpose that names the retention period, the one with the retention
	// table, and the changes clause, which speaks of a draft); the draft's
	// two diff pages against the newest version, each a comparison
	// (resultKey) and its HTML (diffKey); and the clauses that read the retention
	// rules. And the newest version's model, decoded once for the draft's
	// summary. Every other clause and section, the frozen versions, their
	// diff pages, changelogs and feeds come from the cache.
	if got, want := cache.Misses(), 3*(3+2*2)+readingRetention(t, dir)+1; got != want {
		t.Errorf("after one edit the rebuild computed %d values, want %d", got, want)
	}
}

// readingRetention counts the clauses, in all languages, that name a part
// of the model built from the retention rules, and so render again when
// one changes.
func readingRetention(t *testing.T, dir string) int {
	s, err := loadDir(t, dir, "2025-08-01")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, doc := range s.Docs {
		for _, c := range slices.Concat(s.Clauses.Clauses(doc, "en"), s.Clauses.Clauses(doc, "de"), s.Clauses.Clauses(doc, "nl")) {
			if isDated(c) {
				continue // rendered on every build, not kept
			}
			if slices.Contains(clauseInputs(c), "Retention") {
				n++
			}
		}
	}
	if n == 0 {
		t.Fatal("no clause reads the retention rules")
	}
	return n
}

func sameOutput(a, b publish.Output) bool {
	if len(a) != len(b) {
		return false
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			return false
		}
	}
	return true
}
