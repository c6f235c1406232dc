package site

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/policygen/policygen"
	"github.com/policygen/policygen/generator/diag"
	"github.com/policygen/policygen/generator/internal/sitetest"
	"github.com/policygen/policygen/generator/publish"
)

// fullSite triggers every conditional item of Art. 13/14 GDPR. It and
// minimalSite are shared fixtures, in generator/internal/sitetest/testdata;
// a test shows the lines it changes with strings.Replace.
var fullSite = "\n-- site.toml --\n" + sitetest.Fixture("full")

// minimalSite triggers none of the conditional items.
var minimalSite = "\n-- site.toml --\n" + sitetest.Fixture("minimal")

var sectionID = regexp.MustCompile(`<section id="([a-z0-9_-]+)"`)

func sections(out publish.Output, page string) []string {
	var ids []string
	for _, m := range sectionID.FindAllStringSubmatch(string(out[page]), -1) {
		ids = append(ids, m[1])
	}
	return ids
}

// TestConditionalItemsAppearExactlyWhenTheyApply builds a site that
// triggers every conditional item of Art. 13/14 and one that triggers none,
// and checks each item's clause in every language.
func TestConditionalItemsAppearExactlyWhenTheyApply(t *testing.T) {
	full := mustBuild(t, fullSite, "2025-06-01")
	minimal := mustBuild(t, minimalSite, "2025-06-01")
	conditional := []string{"dpo", "sources", "recipients", "transfers", "consent", "cookies"}
	always := []string{"controller", "processing", "retention", "rights", "objection", "complaint", "obligation", "automated", "changes"}
	for _, page := range []string{"en/privacy/index.html", "de/datenschutz/index.html", "nl/privacy/index.html"} {
		got := strings.Join(sections(full, page), " ")
		for _, id := range append(conditional, always...) {
			if !strings.Contains(" "+got+" ", " "+id+" ") {
				t.Errorf("%s of the full site lacks clause %q (has %s)", page, id, got)
			}
		}
		got = " " + strings.Join(sections(minimal, page), " ") + " "
		for _, id := range conditional {
			if strings.Contains(got, " "+id+" ") {
				t.Errorf("%s of the minimal site has clause %q, which does not apply", page, id)
			}
		}
		for _, id := range always {
			if !strings.Contains(got, " "+id+" ") {
				t.Errorf("%s of the minimal site lacks clause %q", page, id)
			}
		}
	}
}

// TestItemsUseOfficialTermsInEachLanguage checks that each Art. 13/14 item
// of the full site is stated with the data and official terms of its
// language.
func TestItemsUseOfficialTermsInEachLanguage(t *testing.T) {
	out := mustBuild(t, fullSite, "2025-06-01")
	want := map[string][]string{
		"en/privacy/index.html": {"Beispiel GmbH", "Dana Schutz", "Art. 6(1)(b) GDPR", "Art. 6(1)(a) GDPR",
			"Art. 6(1)(c) GDPR", "Art. 6(1)(f) GDPR", "A secure website", "Credit agency", "Mail Inc.", "United States",
			"2 years after the end of the contract", "10 years after the end of the financial year", "§ 147 AO",
			"Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen", "A score decides", "1 March 2025"},
		"de/datenschutz/index.html": {"Verantwortliche", "Datenschutzbeauftragte", "Art. 6 Abs. 1 lit. b DSGVO", "Art. 6 Abs. 1 lit. a DSGVO",
			"Art. 6 Abs. 1 lit. c DSGVO", "Art. 6 Abs. 1 lit. f DSGVO", "Eine sichere Website", "Auskunftei", "Vereinigte Staaten",
			"2 Jahre nach Vertragsende", "10 Jahre nach Ende des Geschäftsjahres", "Widerspruchsrecht", "Auskunftsrecht",
			"Aufsichtsbehörde", "Ein Score entscheidet", "1. März 2025"},
		"nl/privacy/index.html": {"verwerkingsverantwoordelijke", "functionaris voor gegevensbescherming", "artikel 6, lid 1, onder b, AVG",
			"artikel 6, lid 1, onder a, AVG", "artikel 6, lid 1, onder c, AVG", "artikel 6, lid 1, onder f, AVG", "Een veilige website",
			"Kredietbureau", "Verenigde Staten", "10 jaar na afloop van het boekjaar", "echt van bezwaar", "echt van inzage",
			"toezichthoudende autoriteit", "Een score beslist", "1 maart 2025"},
	}
	for page, phrases := range want {
		assertFile(t, out, page, phrases...)
	}
}

func TestCookiePolicyGroupsTrackersWithConsentRule(t *testing.T) {
	out := mustBuild(t, fullSite, "2025-06-01")
	assertFile(t, out, "en/cookies/index.html", "_stats", "session", "Mail Inc.", "2 years", "Local storage", "First party", "Third party", "<th>")
	assertFile(t, out, "de/cookies/index.html", "_stats", "TDDDG", "2 Jahre", "Einwilligung")
	assertFile(t, out, "nl/cookies/index.html", "_stats", "TDDDG", "Voor bezoekers in Nederland houden wij ons daarnaast aan artikel 11.7a van de Telecommunicatiewet.", "! Wij zijn gevestigd in Nederland", "2 jaar", "toestemming")
}

func TestHostileValuesPrintLiterally(t *testing.T) {
	site := strings.NewReplacer(
		`name = "Klein B.V."`, `name = "<script>alert(1)</script> *Klein* _B.V._ | [x](https://evil.example)"`,
		`purpose = { en = "Answering you"`, `purpose = { en = "a | b <img src=x> **c**"`,
	).Replace(minimalSite)
	out := mustBuild(t, site, "2025-06-01")
	for _, page := range []string{"en/privacy/index.html", "en/cookies/index.html", "index.html"} {
		assertFile(t, out, page, "&lt;script&gt;alert(1)&lt;/script&gt; *Klein* _B.V._ | [x](https://evil.example)",
			"! <script>", "! <em>Klein", "! href=\"https://evil.example\"")
	}
	assertFile(t, out, "en/privacy/index.html", "a | b &lt;img src=x&gt; **c**", "! <img", "! <strong>c")
}

// TestHostileValuesStayInTheirTableCell puts a pipe, a line break and
// Markdown into an activity title, which the retention and obligation
// tables print in a cell, and checks that every row keeps its columns.
func TestHostileValuesStayInTheirTableCell(t *testing.T) {
	site := strings.Replace(minimalSite, `title = { en = "Contact"`, `title = { en = "Con|tact\n| *x* | y"`, 1)
	out := mustBuild(t, site, "2025-06-01")
	page := string(out["en/privacy/index.html"])
	if !strings.Contains(page, "<td>Con|tact | *x* | y</td>") {
		t.Fatalf("title not in one literal cell:\n%s", page)
	}
	for _, table := range regexp.MustCompile(`(?s)<table>.*?</table>`).FindAllString(page, -1) {
		head := len(regexp.MustCompile(`<th[ >]`).FindAllString(table, -1))
		for _, row := range regexp.MustCompile(`(?s)<tbody>.*?</tbody>`).FindAllString(table, -1) {
			for _, tr := range strings.Split(row, "<tr>")[1:] {
				if n := len(regexp.MustCompile(`<td[ >]`).FindAllString(tr, -1)); n != head {
					t.Errorf("row with %d cells under %d headers: %s", n, head, tr)
				}
			}
		}
	}
}

func TestSeveralMistakesAreAllReported(t *testing.T) {
	site := strings.NewReplacer(
		`basis = "contract"`, `basis = "contrat"`,
		`period = "1y"`, `period = "1 year"`,
		`country = "NL"`, `country = "NL"`+"\nfax = \"1\"",
	).Replace(minimalSite)
	_, err := buildArchive(t, site, "2025-06-01")
	errs := diag.Errors(err)
	if len(errs) != 3 {
		t.Fatalf("want 3 errors, got %d:\n%v", len(errs), err)
	}
	for i, want := range []string{`site.toml:9:1: unknown key "fax" in [company]`, `site.toml:17:9: activity.basis: unknown legal basis "contrat"`, `site.toml:24:10: retention.period: invalid duration "1 year"`} {
		if got := errs[i].Error(); !strings.HasSuffix(got, want) {
			t.Errorf("error %d = %q, want suffix %q", i, got, want)
		}
	}
}

func TestPagesLoadNothingFromOtherHosts(t *testing.T) {
	out := mustBuild(t, fullSite, "2025-06-01")
	loads := regexp.MustCompile(`(?i)<(script|img|iframe|video|audio|source|embed|object)\b|\bsrc=|<link[^>]*rel="(stylesheet|preload|icon|prefetch|preconnect|dns-prefetch)"[^>]*href="(https?:)?//|url\(|@import`)
	for name, data := range out {
		if m := loads.Find(data); m != nil && (strings.HasSuffix(name, ".html") || strings.HasSuffix(name, ".css")) {
			t.Errorf("%s loads a resource: %s", name, m)
		}
	}
	assertFile(t, out, "en/privacy/index.html", `<link rel="stylesheet" href="../../style.css">`)
}

func TestPagesLinkTheirLanguagesAndDocuments(t *testing.T) {
	out := mustBuild(t, fullSite, "2025-06-01")
	assertFile(t, out, "de/datenschutz/index.html",
		`<html lang="de">`,
		`<link rel="alternate" hreflang="en" href="https://www.example.com/legal/en/privacy/">`,
		`<link rel="alternate" hreflang="nl" href="https://www.example.com/legal/nl/privacy/">`,
		`href="../../nl/privacy/"`, `href="../cookies/"`, `<title>Datenschutzerklärung`,
		`<a href="#retention">`, `<section id="retention"`, "1. März 2025")
	assertFile(t, out, "index.html", `href="de/datenschutz/"`, `href="nl/cookies/"`, "Deutsch", "Nederlands")
	assertFile(t, out, "policy.json", `"effective": "2025-03-01"`, `"base_url": "https://www.example.com/legal/"`)
}

func TestDraftWithoutChanges(t *testing.T) {
	out := mustBuild(t, minimalSite, "2025-06-01")
	assertFile(t, out, "en/privacy/index.html", `class="banner draft"`, "! Effective from")
	out = mustBuild(t, fullSite, "2025-06-01")
	assertFile(t, out, "en/privacy/index.html", "! class=\"banner draft\"", "Effective from 1 March 2025")
}

func TestSiteLanguagesAnySubsetInAnyOrder(t *testing.T) {
	site := strings.Replace(minimalSite, `languages = ["en", "de", "nl"]`, `languages = ["nl", "en"]`, 1)
	site = regexp.MustCompile(`, de = "[^"]*"`).ReplaceAllString(site, "")
	out := mustBuild(t, site, "2025-06-01")
	if _, ok := out["de/datenschutz/index.html"]; ok {
		t.Error("German page built for a site without German")
	}
	assertFile(t, out, "index.html", `<html lang="nl">`)
	assertFile(t, out, "nl/privacy/index.html", `hreflang="en"`, `! hreflang="de"`)
}

func TestSiteClauseOverridesAddsAndDisables(t *testing.T) {
	site := strings.Replace(minimalSite, `languages = ["en", "de", "nl"]`, `languages = ["en"]`+"\ndisable_clauses = [\"automated\"]", 1)
	site = regexp.MustCompile(`\{ en = ("[^"]*")[^}]*\}`).ReplaceAllString(site, "$1")
	site += `
-- clauses/privacy/010-controller.en.md --
+++
title = "Our own controller text"
+++
Overridden for {{ .Company.Name }}.
-- clauses/privacy/075-hipaa.en.md --
+++
title = "HIPAA"
+++
We are not a covered entity.
`
	out := mustBuild(t, site, "2025-06-01")
	assertFile(t, out, "en/privacy/index.html", "Our own controller text", "Overridden for Klein B.V.", `<section id="hipaa"`,
		"We are not a covered entity.", `! <section id="automated"`)
	if ids := sections(out, "en/privacy/index.html"); ids[0] != "controller" || !strings.Contains(strings.Join(ids, " "), "retention hipaa") {
		t.Errorf("clause order: %v", ids)
	}
}

func TestClauseMissingInASiteLanguageIsAnError(t *testing.T) {
	site := minimalSite + `
-- clauses/privacy/075-hipaa.en.md --
+++
title = "HIPAA"
+++
Text.
`
	_, err := buildArchive(t, site, "2025-06-01")
	want := []string{
		`clauses/privacy/075-hipaa.de.md: clause "hipaa" of the privacy document has no "de" version`,
		`clauses/privacy/075-hipaa.nl.md: clause "hipaa" of the privacy document has no "nl" version`,
	}
	if err == nil || err.Error() != strings.Join(want, "\n") {
		t.Errorf("got %v, want\n%s", err, strings.Join(want, "\n"))
	}
}

func TestMessageMissingInALanguageIsAnError(t *testing.T) {
	site := strings.Replace(minimalSite, `languages = ["en", "de", "nl"]`, `languages = ["en", "fr"]`, 1)
	site = regexp.MustCompile(`, de = "[^"]*", nl = ("[^"]*")`).ReplaceAllString(site, ", fr = $1")
	site += "\n-- locales/fr.toml --\n[language]\nname = \"Français\"\n"
	_, err := buildArchive(t, site, "2025-06-01")
	if err == nil || !strings.Contains(err.Error(), `message "slug.privacy" is missing in language "fr"`) {
		t.Fatalf("got %v", err)
	}
	if !strings.Contains(err.Error(), "locales/fr.toml: ") {
		t.Errorf("error does not name the file: %v", err)
	}
}

func TestTemplateErrorNamesClauseLine(t *testing.T) {
	site := strings.Replace(minimalSite, `languages = ["en", "de", "nl"]`, `languages = ["en"]`, 1)
	site = regexp.MustCompile(`\{ en = ("[^"]*")[^}]*\}`).ReplaceAllString(site, "$1")
	site += "\n-- clauses/privacy/075-x.en.md --\n+++\ntitle = \"X\"\n+++\nline 4\n{{ .Company.Nmae }}\n"
	_, err := buildArchive(t, site, "2025-06-01")
	if err == nil || !strings.Contains(err.Error(), "clauses/privacy/075-x.en.md:5:") || !strings.Contains(err.Error(), "Nmae") {
		t.Fatalf("got %v", err)
	}
}

func TestDocumentLinksResolveWithAnchors(t *testing.T) {
	site := strings.Replace(minimalSite, `languages = ["en", "de", "nl"]`, `languages = ["en"]`, 1)
	site = regexp.MustCompile(`\{ en = ("[^"]*")[^}]*\}`).ReplaceAllString(site, "$1")
	ok := site + "\n-- clauses/cookies/060-x.en.md --\n+++\ntitle = \"X\"\n+++\nSee [rights]({{ docurl \"privacy#rights\" }}).\n"
	out := mustBuild(t, ok, "2025-06-01")
	assertFile(t, out, "en/cookies/index.html", `<a href="../privacy/#rights">rights</a>`)

	bad := site + "\n-- clauses/cookies/060-x.en.md --\n+++\ntitle = \"X\"\n+++\nSee [it]({{ docurl \"imprint\" }}).\n"
	_, err := buildArchive(t, bad, "2025-06-01")
	if err == nil || !strings.Contains(err.Error(), `clauses/cookies/060-x.en.md: docurl links to "imprint", which is not a document of the site`) {
		t.Errorf("got %v", err)
	}
}

// TestFourthLanguageFromTheSiteFolder adds French by giving the site a
// locales/fr.toml and a French version of every clause (copies of the
// English ones, which is enough to show that nothing else is needed).
func TestFourthLanguageFromTheSiteFolder(t *testing.T) {
	site := strings.Replace(minimalSite, `languages = ["en", "de", "nl"]`, `languages = ["fr", "en"]`, 1)
	site = regexp.MustCompile(`, de = "[^"]*", nl = ("[^"]*")`).ReplaceAllString(site, ", fr = $1")
	dir := siteFiles(t, site)
	en, err := fs.ReadFile(policygen.Defaults, "locales/en.toml")
	if err != nil {
		t.Fatal(err)
	}
	fr := strings.Replace(string(en), `name = "English"`, `name = "Français"`, 1)
	writeFile(t, filepath.Join(dir, "locales", "fr.toml"), fr)
	clauses, _ := fs.Glob(policygen.Defaults, "clauses/*/*.en.md")
	for _, c := range clauses {
		data, _ := fs.ReadFile(policygen.Defaults, c)
		writeFile(t, filepath.Join(dir, filepath.FromSlash(strings.TrimSuffix(c, ".en.md")+".fr.md")), string(data))
	}
	out, err := buildDir(t, dir, "2025-06-01")
	if err != nil {
		t.Fatalf("French site does not build:\n%v", err)
	}
	assertFile(t, out, "fr/privacy/index.html", `<html lang="fr">`, `hreflang="en"`, "Français")
	assertFile(t, out, "index.html", `<html lang="fr">`, `href="fr/cookies/"`)
}

func TestThemeAndMessagesOverriddenFileByFile(t *testing.T) {
	site := strings.Replace(minimalSite, `languages = ["en", "de", "nl"]`, `languages = ["en"]`, 1)
	site = regexp.MustCompile(`\{ en = ("[^"]*")[^}]*\}`).ReplaceAllString(site, "$1")
	dir := siteFiles(t, site+"\n-- themes/default/style.css --\nbody { color: rebeccapurple; }\n")
	en, _ := fs.ReadFile(policygen.Defaults, "locales/en.toml")
	writeFile(t, filepath.Join(dir, "locales", "en.toml"), strings.Replace(string(en), `privacy = "Privacy policy"`, `privacy = "Data protection notice"`, 1))
	out, err := buildDir(t, dir, "2025-06-01")
	if err != nil {
		t.Fatal(err)
	}
	assertFile(t, out, "style.css", "rebeccapurple")
	assertFile(t, out, "en/privacy/index.html", "<h1>Data protection notice</h1>", `class="skip"`)
}

func writeFile(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestRepresentativeOfAControllerOutsideTheEU builds a Swiss company with an
// EU representative (Art. 27) and its own [authority].
func TestRepresentativeOfAControllerOutsideTheEU(t *testing.T) {
	site := strings.NewReplacer(
		`address = ["Straat 1", "1000 AA Amsterdam"]`+"\ncountry = \"NL\"\nemail = \"info@example.nl\"",
		`address = ["Bahnhofstrasse 1", "8001 Zürich"]`+"\ncountry = \"CH\"\nemail = \"info@example.ch\"\ntargets_eu = true\n\n[representative]\nname = \"Rep B.V.\"\nemail = \"rep@example.nl\"\naddress = [\"Rep 1\", \"1000 AA Amsterdam\"]\ncountry = \"NL\"",
	).Replace(minimalSite)
	out := mustBuild(t, site, "2025-06-01")
	for _, page := range []string{"en/privacy/index.html", "de/datenschutz/index.html", "nl/privacy/index.html"} {
		assertFile(t, out, page, `<section id="representative"`, "Rep B.V.", "rep@example.nl")
	}
	assertFile(t, out, "de/datenschutz/index.html", "Vertreter")
	assertFile(t, out, "nl/privacy/index.html", "vertegenwoordiger")
}

// TestDocumentLinksResolveForThePageTheyAreOn: a link to another document
// leads there from any depth, in the page's language, and one to a
// document the site lacks (which a frozen version may hold) or any other
// link is left as written.
func TestDocumentLinksResolveForThePageTheyAreOn(t *testing.T) {
	s, err := loadDir(t, siteFiles(t, minimalSite), "2025-06-01")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ lang, up, dest, want string }{
		{"en", "../", "policygen-doc:privacy#rights", "../privacy/#rights"},
		{"de", "../../", "policygen-doc:privacy", "../../datenschutz/"},
		{"nl", "../../", "policygen-doc:cookies#withdrawal", "../../cookies/#withdrawal"},
		{"en", "../", "policygen-doc:imprint", ""},
		{"en", "../", "https://example.com/privacy", ""},
	} {
		got, ok := s.docLinks(&status{}, c.lang, c.up)(c.dest)
		if !ok {
			got = ""
		}
		if got != c.want {
			t.Errorf("%s %s%s: got %q, want %q", c.lang, c.up, c.dest, got, c.want)
		}
	}
}

// TestAForeignCompanysPagesNameItsCountryAndAuthorityInTheirOwnLanguage
// builds an Icelandic company whose address still ends with "Iceland": the
// line gives way to the country's name in each page's language, and the
// authority, named in Icelandic, is glossed.
func TestAForeignCompanysPagesNameItsCountryAndAuthorityInTheirOwnLanguage(t *testing.T) {
	site := strings.Replace(minimalSite, `address = ["Straat 1", "1000 AA Amsterdam"]`+"\ncountry = \"NL\"",
		`address = ["Laugavegur 1", "101 Reykjavík", "Iceland"]`+"\ncountry = \"IS\"\nvat_id = \"123456\"", 1)
	out := mustBuild(t, site, "2025-06-01")
	for page, want := range map[string][]string{
		"de/datenschutz/index.html": {"101 Reykjavík<br>\nIsland</p>", "Umsatzsteuernummer: 123456",
			"Persónuvernd</a> (isländische Datenschutzbehörde)<br>\nLaugavegur 166, 4th floor<br>\n105 Reykjavík<br>\nIsland</p>"},
		"en/privacy/index.html": {"101 Reykjavík<br>\nIceland</p>", "<li>VAT number: 123456</li>",
			"Persónuvernd</a> (Icelandic data protection authority)<br>\nLaugavegur 166, 4th floor<br>\n105 Reykjavík<br>\nIceland</p>"},
		"nl/privacy/index.html": {"101 Reykjavík<br>\nIJsland</p>", "<li>Btw-nummer: 123456</li>",
			"Persónuvernd</a> (IJslandse privacytoezichthouder)<br>\nLaugavegur 166, 4th floor<br>\n105 Reykjavík<br>\nIJsland</p>"},
	} {
		assertFile(t, out, page, append(want, "! 101 Reykjavík<br>\nIceland<br>")...) // the line is not printed as well
	}
}

// TestADutchCompanysRegisterIsItsKvKNumber: the register line is labelled
// as a Dutch company's is, in each language.
func TestADutchCompanysRegisterIsItsKvKNumber(t *testing.T) {
	site := strings.Replace(minimalSite, "country = \"NL\"", "country = \"NL\"\nregister = \"87654321\"", 1)
	out := mustBuild(t, site, "2025-06-01")
	assertFile(t, out, "nl/privacy/index.html", "<li>KvK-nummer: 87654321</li>", "1000 AA Amsterdam<br>\nNederland</p>")
	assertFile(t, out, "en/privacy/index.html", "<li>Chamber of Commerce (KvK) number: 87654321</li>", "1000 AA Amsterdam<br>\nNetherlands</p>")
	assertFile(t, out, "de/datenschutz/index.html", "<p>KvK-Nummer (niederländisches Handelsregister): 87654321</p>", "1000 AA Amsterdam<br>\nNiederlande</p>")
}
