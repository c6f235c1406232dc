package check

import (
	"strings"
	"testing"
	"time"

	"github.com/policygen/policygen/generator/diag"
	"github.com/policygen/policygen/generator/legal"
)

// runFiles checks a site.toml given as text with the site's own files.
func runFiles(t *testing.T, src string, files ...File) diag.List {
	t.Helper()
	facts, _ := legal.Load()
	return Run(Input{Site: load(t, src), Facts: facts, Files: files, Today: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)})
}

const trackerPurpose = `purpose = "Keeps you signed in."`

func TestPlaceholderInAValueIsAnError(t *testing.T) {
	for _, text := range []string{"TODO: say why", "Keeps you TBD", "FIXME", "See XXX", "MARKER-HIPAA-EN", "Lorem  Ipsum dolor", "Keeps you signed in for …", "...", "Keeps [insert what]", "Keeps <your company> running"} {
		found := run(t, edit(t, base, trackerPurpose, `purpose = "`+text+`"`))
		want(t, found, "placeholder-text", "42:11")
	}
}

func TestPlaceholderInALocalizedTextPointsAtItsLanguage(t *testing.T) {
	src := edit(t, base, `purpose = "Running your account"`, `purpose = { en = "Running your account TODO" }`)
	want(t, run(t, src), "placeholder-text", "16:18")
}

func TestWordsThatLookLikePlaceholdersAreNot(t *testing.T) {
	for _, text := range []string{"Todos los datos", "todo el tiempo", "Keeps TODOS", "Marker of the session", "and so on…", "As the law says: “[…] necessary”", "https://xxx.example/a", "Keeps you signed in...", "Version 1.2...3", "[1] See the note"} {
		found := run(t, edit(t, base, trackerPurpose, `purpose = "`+text+`"`))
		want(t, found, "placeholder-text")
	}
	url := edit(t, base, `consent_settings_url = "https://www.example.com/#cookies"`, `consent_settings_url = "https://www.example.com/xxx/#cookies"`)
	want(t, run(t, url), "placeholder-text")
}

func TestPlaceholderInACustomClauseOrMessagePointsAtItsLine(t *testing.T) {
	clause := File{Path: "clauses/privacy/900-extra.en.md", Text: "## Extra\n\nWe keep it for [insert period].\n"}
	messages := File{Path: "locales/en.toml", Text: "# a note: \"the cookie …\", TODO later\n[greeting]\nother = \"Hello # TBD\"\n"}
	found := runFiles(t, base, clause, messages)
	want(t, found, "placeholder-text", "clauses/privacy/900-extra.en.md:3:16", "locales/en.toml:3:18")
	clean := File{Path: "clauses/privacy/900-extra.en.md", Text: "## Extra\n\nWe keep it for a year… or so.\n"}
	want(t, runFiles(t, base, clean, File{Path: "locales/en.toml", Text: "# TODO in a comment\nother = \"x\" # FIXME\n"}), "placeholder-text")
}

func TestDutchValuesInTheInformalRegisterWarn(t *testing.T) {
	nl := edit(t, base, `languages = ["en"]`, `languages = ["nl"]`)
	want(t, run(t, edit(t, nl, trackerPurpose, `purpose = "Houdt je ingelogd."`)), "nl-register", "42:11")
	want(t, run(t, edit(t, nl, trackerPurpose, `purpose = "Houdt u ingelogd, zodat jij niets hoeft te doen."`)), "nl-register", "42:11")
	want(t, run(t, edit(t, nl, trackerPurpose, `purpose = "Houdt u ingelogd, m.u.v. jeugdaccounts en de U-bocht."`)), "nl-register")
	en := edit(t, base, trackerPurpose, `purpose = "Keeps the je ne sais quoi."`)
	want(t, run(t, en), "nl-register")
}

func TestTheDutchTextOfALocalizedValueIsChecked(t *testing.T) {
	src := edit(t, base, `languages = ["en"]`, `languages = ["en", "nl"]`)
	src = edit(t, src, trackerPurpose, `purpose = { en = "Keeps you signed in.", nl = "Houdt jou ingelogd." }`)
	src = edit(t, src, `title = "Customer accounts"`, `title = { en = "Customer accounts", nl = "Klantaccounts" }`)
	src = edit(t, src, `purpose = "Running your account"`, `purpose = { en = "Running your account", nl = "Je account beheren" }`)
	src = edit(t, src, `service = "Hosting"`, `service = { en = "Hosting", nl = "Hosting" }`)
	want(t, run(t, src), "nl-register", "16:47", "42:47")
}

func TestDutchClauseFilesInTheInformalRegisterWarn(t *testing.T) {
	mixed := File{Path: "clauses/privacy/900-extra.nl.md", Text: "## Extra\n\nWij bewaren uw gegevens.\nMail ons als je vragen hebt.\n"}
	want(t, runFiles(t, base, mixed), "nl-register", "clauses/privacy/900-extra.nl.md:4:14")
	formal := File{Path: "clauses/privacy/900-extra.nl.md", Text: "## Extra\n\nMail ons als u vragen hebt.\n"}
	other := File{Path: "clauses/privacy/900-extra.en.md", Text: "## Extra\n\nJe ne regrette rien.\n"}
	want(t, runFiles(t, base, formal, other), "nl-register")
}

const consentLog = `
[[activity]]
id = "consent_log"
title = "Proof of consent"
purpose = "Demonstrating that you consented"
data = ["usage"]
basis = "consent"
required = "no"
retention = "stats"
`

func TestProofOfConsentOnConsentWarns(t *testing.T) {
	src := base + statsActivity + consentLog + "\n[[tracker]]\nname = \"_pk_id\"\nprovider = \"first_party\"\ncategory = \"statistics\"\nkind = \"cookie\"\nexpiry = \"13m\"\npurpose = \"Counts visits.\"\n"
	want(t, run(t, src), "consent-proof-on-consent", "64:9")
	byTitle := edit(t, src, `id = "consent_log"`+"\ntitle = \"Proof of consent\"", `id = "records"`+"\ntitle = \"Einwilligungsnachweise\"")
	want(t, run(t, byTitle), "consent-proof-on-consent", "64:9")
	onInterest := edit(t, src, `basis = "consent"`+"\nrequired = \"no\"\nretention = \"stats\"\n\n[[tracker]]",
		`basis = "legitimate_interests"`+"\ninterest = \"Proving consent\"\nrequired = \"no\"\nretention = \"stats\"\n\n[[tracker]]")
	want(t, run(t, onInterest), "consent-proof-on-consent")
}

func TestTextFindingsNameTheElementAndTheKey(t *testing.T) {
	nl := edit(t, base, `languages = ["en"]`, `languages = ["nl"]`)
	src := edit(t, nl, trackerPurpose, `purpose = "Houdt u ingelogd, zodat je TODO."`)
	src = edit(t, src, `name = "Example GmbH"`, `name = "TBD GmbH"`)
	var got []string
	for _, e := range run(t, src) {
		got = append(got, e.Error())
	}
	wantMsgs := []string{
		`site.toml:7:8: error placeholder-text: company.name has the placeholder "TBD"`,
		`site.toml:42:11: error placeholder-text: tracker "session" has the placeholder "TODO" in purpose`,
		`site.toml:42:11: warning nl-register: tracker "session" has the informal "je" beside the formal u or uw in purpose`,
	}
	if strings.Join(got, "\n") != strings.Join(wantMsgs, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantMsgs, "\n"))
	}
}
