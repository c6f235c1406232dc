package diff

import (
	"reflect"
	"strings"
	"testing"

	"github.com/policygen/policygen"
	"github.com/policygen/policygen/generator/assets"
	"github.com/policygen/policygen/generator/config"
	"github.com/policygen/policygen/generator/legal"
	"github.com/policygen/policygen/generator/locale"
)

// baseSite is a small valid site in three languages; tests edit it into
// the old and the new version.
const baseSite = `[site]
base_url = "https://www.example.com/legal"
languages = ["en", "de", "nl"]

[company]
name = "Voorbeeld B.V."
address = ["Voorbeeldstraat 1", "1011 AB Amsterdam"]
country = "NL"
email = "privacy@example.com"

[[activity]]
id = "accounts"
title = { en = "Customer accounts", de = "Kundenkonten", nl = "Klantaccounts" }
purpose = { en = "Running your account", de = "Führung Ihres Kontos", nl = "Uw account beheren" }
data = ["name", "email"]
basis = "contract"
required = "contract"
recipients = ["host"]
retention = "account"

[[processor]]
id = "host"
name = "Host B.V."
role = "processor"
service = { en = "Hosting", de = "Hosting", nl = "Hosting" }
country = "NL"

[[retention]]
id = "account"
data = ["name", "email"]
period = "14d"
after = "account_closure"

[[tracker]]
name = "lb"
provider = "host"
category = "necessary"
kind = "local_storage"
expiry = "1y"
purpose = { en = "Load balancing", de = "Lastverteilung", nl = "Load balancing" }
`

// Tables that tests append to baseSite.
const (
	mailerUS = `
[[processor]]
id = "mailer"
name = "Mailer Inc."
role = "processor"
service = { en = "Email", de = "E-Mail", nl = "E-mail" }
country = "US"
transfer = "dpf"
`
	newsletter = `
[[activity]]
id = "newsletter"
title = { en = "Newsletter", de = "Newsletter", nl = "Nieuwsbrief" }
purpose = { en = "Sending news", de = "Versand von Neuigkeiten", nl = "Nieuws versturen" }
data = ["email"]
basis = "consent"
required = "no"
retention = "account"
`
	invoices = `
[[retention]]
id = "invoices"
data = ["name", "payment"]
period = "7y"
after = "fiscal_year_end"
`
	loyalty = `
[[retention]]
id = "loyalty"
data = ["name", "loyalty"]
period = "7y"
after = "fiscal_year_end"

[data.loyalty]
label = { en = "loyalty points", de = "Treuepunkte", nl = "spaarpunten" }
`
	dpo = `
[dpo]
name = "Dr. Anna Daten"
email = "dpo@example.com"
`
)

func loadSite(t *testing.T, src string) *config.Site {
	t.Helper()
	l, err := config.Load("site.toml", []byte(src), testFacts(t))
	if err != nil {
		t.Fatalf("invalid test site:\n%v", err)
	}
	return l.Site
}

// testFacts loads the embedded legal facts, failing the test if they do not parse.
func testFacts(tb testing.TB) *legal.Facts {
	tb.Helper()
	f, err := legal.Load()
	if err != nil {
		tb.Fatal(err)
	}
	return f
}

// edit replaces the one occurrence of old in src by new.
func edit(t *testing.T, src, old, new string) string {
	t.Helper()
	if n := strings.Count(src, old); n != 1 {
		t.Fatalf("%q occurs %d times in the site", old, n)
	}
	return strings.Replace(src, old, new, 1)
}

func catalog(t *testing.T) *locale.Catalog {
	t.Helper()
	c, err := locale.Load(assets.New(nil, "", policygen.Defaults), []string{"en", "de", "nl"})
	if err != nil {
		t.Fatalf("built-in locales: %v", err)
	}
	return c
}

// sentences are a fact in English, German and Dutch.
type sentences struct{ en, de, nl string }

// assertOneFact checks that the sites differ by exactly the fact want,
// shown in the documents want.Docs, and that it localizes to the sentences.
func assertOneFact(t *testing.T, old, new string, want Fact, say sentences) {
	t.Helper()
	facts := Summarize(testFacts(t), loadSite(t, old), loadSite(t, new))
	if len(facts) != 1 || !reflect.DeepEqual(facts[0], want) {
		t.Fatalf("facts:\n%#v\nwant:\n%#v", facts, want)
	}
	assertSays(t, facts[0], say)
}

// assertDocFact checks that the document doc shows exactly the fact want
// (whatever documents it names), and that it localizes to the sentences.
func assertDocFact(t *testing.T, old, new, doc string, want Fact, say sentences) {
	t.Helper()
	facts := FactsFor(Summarize(testFacts(t), loadSite(t, old), loadSite(t, new)), doc)
	if len(facts) != 1 || facts[0].ID != want.ID || !reflect.DeepEqual(facts[0].Values, want.Values) {
		t.Fatalf("%s facts:\n%#v\nwant:\n%#v", doc, facts, want)
	}
	assertSays(t, facts[0], say)
}

func assertSays(t *testing.T, f Fact, say sentences) {
	t.Helper()
	c := catalog(t)
	for lang, want := range map[string]string{"en": say.en, "de": say.de, "nl": say.nl} {
		got, err := f.Localize(c.Lang(lang))
		if err != nil || got != want {
			t.Errorf("%s: %q, %v\nwant %q", lang, got, err, want)
		}
	}
}

func duration(t *testing.T, s string) config.Duration {
	t.Helper()
	d, err := config.ParseDuration(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestSummaryNamesAddedRecipientWithCountryAndSafeguard(t *testing.T) {
	t.Run("dpf", func(t *testing.T) {
		assertOneFact(t, baseSite, baseSite+mailerUS, Fact{ID: "summary.recipient_added", Docs: privacyOnly, Values: map[string]any{
			"Name": "Mailer Inc.", "Location": Location{"US", "dpf"}}}, sentences{
			"New recipient: Mailer Inc., in the United States under the EU-US Data Privacy Framework",
			"Neuer Empfänger: Mailer Inc., in den Vereinigten Staaten auf Grundlage des Datenschutzrahmens EU-USA",
			"Nieuwe ontvanger: Mailer Inc., in de Verenigde Staten op grond van het EU-VS-kader voor gegevensbescherming"})
	})
	t.Run("adequacy without transfer key", func(t *testing.T) {
		swiss := edit(t, edit(t, mailerUS, `country = "US"`, `country = "CH"`), `transfer = "dpf"`+"\n", "")
		assertOneFact(t, baseSite, baseSite+swiss, Fact{ID: "summary.recipient_added", Docs: privacyOnly, Values: map[string]any{
			"Name": "Mailer Inc.", "Location": Location{"CH", "adequacy"}}}, sentences{
			"New recipient: Mailer Inc., in Switzerland under an adequacy decision",
			"Neuer Empfänger: Mailer Inc., in der Schweiz auf Grundlage eines Angemessenheitsbeschlusses",
			"Nieuwe ontvanger: Mailer Inc., in Zwitserland op grond van een adequaatheidsbesluit"})
	})
	t.Run("in the EEA", func(t *testing.T) {
		irish := edit(t, edit(t, mailerUS, `country = "US"`, `country = "IE"`), `transfer = "dpf"`+"\n", "")
		assertOneFact(t, baseSite, baseSite+irish, Fact{ID: "summary.recipient_added", Docs: privacyOnly, Values: map[string]any{
			"Name": "Mailer Inc.", "Location": Location{Country: "IE"}}}, sentences{
			"New recipient: Mailer Inc., in Ireland",
			"Neuer Empfänger: Mailer Inc., in Irland",
			"Nieuwe ontvanger: Mailer Inc., in Ierland"})
	})
}

// TestSummaryPutsNoBracketsInsideBrackets: a name that holds brackets
// itself is followed by words, not by more brackets.
func TestSummaryPutsNoBracketsInsideBrackets(t *testing.T) {
	intuit := edit(t, mailerUS, "Mailer Inc.", "Intuit Inc. (Mailchimp)")
	assertOneFact(t, baseSite+intuit, baseSite, Fact{ID: "summary.recipient_removed", Docs: privacyOnly, Values: map[string]any{
		"Name": "Intuit Inc. (Mailchimp)", "Location": Location{"US", "dpf"}}}, sentences{
		"No longer a recipient: Intuit Inc. (Mailchimp), in the United States under the EU-US Data Privacy Framework",
		"Kein Empfänger mehr: Intuit Inc. (Mailchimp), in den Vereinigten Staaten auf Grundlage des Datenschutzrahmens EU-USA",
		"Niet meer ontvanger: Intuit Inc. (Mailchimp), in de Verenigde Staten op grond van het EU-VS-kader voor gegevensbescherming"})
}

func TestSummaryNamesRemovedRecipientWithCountryAndSafeguard(t *testing.T) {
	indian := edit(t, edit(t, mailerUS, `country = "US"`, `country = "IN"`), `"dpf"`, `"scc"`)
	assertOneFact(t, baseSite+indian, baseSite, Fact{ID: "summary.recipient_removed", Docs: privacyOnly, Values: map[string]any{
		"Name": "Mailer Inc.", "Location": Location{"IN", "scc"}}}, sentences{
		"No longer a recipient: Mailer Inc., in India under standard contractual clauses",
		"Kein Empfänger mehr: Mailer Inc., in Indien auf Grundlage von Standarddatenschutzklauseln",
		"Niet meer ontvanger: Mailer Inc., in India op grond van standaardcontractbepalingen"})
}

func TestSummaryNamesAddedTracker(t *testing.T) {
	csrf := "\n[[tracker]]\nname = \"csrf\"\nprovider = \"first_party\"\ncategory = \"necessary\"\nkind = \"cookie\"\n" +
		"expiry = \"session\"\npurpose = { en = \"Security\", de = \"Sicherheit\", nl = \"Beveiliging\" }\n"
	assertOneFact(t, baseSite, baseSite+csrf, Fact{ID: "summary.tracker_added", Docs: cookiesOnly, Values: map[string]any{
		"Tracker": Tracker{"cookie", "csrf"}, "Category": config.Category("necessary")}}, sentences{
		"Now listed: the cookie “csrf” (category: strictly necessary)",
		"Neu aufgeführt: das Cookie „csrf“ (Kategorie: unbedingt erforderlich)",
		"Nu vermeld: de cookie ‘csrf’ (categorie: noodzakelijk)"})
}

func TestSummaryNamesRemovedTrackerWithItsProvider(t *testing.T) {
	i := strings.Index(baseSite, "\n[[tracker]]")
	assertDocFact(t, baseSite, baseSite[:i+1], Cookies, Fact{ID: "summary.tracker_removed", Docs: cookiesOnly, Values: map[string]any{
		"Tracker": Tracker{"local_storage", "lb"}, "Category": config.Category("necessary"), "Provider": "Host B.V."}}, sentences{
		"No longer listed: the local storage entry “lb” from Host B.V. (category: strictly necessary)",
		"Nicht mehr aufgeführt: der Local-Storage-Eintrag „lb“ von Host B.V. (Kategorie: unbedingt erforderlich)",
		"Niet meer vermeld: het item ‘lb’ in de lokale opslag van Host B.V. (categorie: noodzakelijk)"})
}

func TestSummarySaysOldAndNewRetentionPeriodAndItsPurpose(t *testing.T) {
	data := Categories{{ID: "name"}, {ID: "email"}}
	site := loadSite(t, baseSite)
	assertOneFact(t, baseSite, edit(t, baseSite, `"14d"`, `"30d"`), Fact{ID: "summary.retention_changed", Docs: privacyOnly, Values: map[string]any{
		"Data": data, "Purposes": Titles{site.Activities[0].Title}, "Old": duration(t, "14d"), "New": Period{duration(t, "30d"), "account_closure"}}}, sentences{
		"Retention of name and email address for “Customer accounts” changed from 14 days to 30 days after the account is closed",
		"Speicherdauer für Name und E-Mail-Adresse bei „Kundenkonten“ geändert: bisher 14 Tage, jetzt 30 Tage nach Schließung des Kontos",
		"Bewaartermijn voor naam en e-mailadres bij ‘Klantaccounts’ gewijzigd: voorheen 14 dagen, nu 30 dagen na opheffing van het account"})
}

// TestSummaryNamesEveryPurposeOfARetentionRule: the same categories are
// kept under several purposes, so the purposes say which rule changed.
func TestSummaryNamesEveryPurposeOfARetentionRule(t *testing.T) {
	old := baseSite + newsletter
	facts := Summarize(testFacts(t), loadSite(t, old), loadSite(t, edit(t, old, `"14d"`, `"30d"`)))
	if len(facts) != 1 {
		t.Fatalf("facts: %#v", facts)
	}
	assertSays(t, facts[0], sentences{
		"Retention of name and email address for “Customer accounts” and “Newsletter” changed from 14 days to 30 days after the account is closed",
		"Speicherdauer für Name und E-Mail-Adresse bei „Kundenkonten“ und „Newsletter“ geändert: bisher 14 Tage, jetzt 30 Tage nach Schließung des Kontos",
		"Bewaartermijn voor naam en e-mailadres bij ‘Klantaccounts’ en ‘Nieuwsbrief’ gewijzigd: voorheen 14 dagen, nu 30 dagen na opheffing van het account"})
}

func TestSummarySaysTheEventOnBothSidesWhenItChanged(t *testing.T) {
	data := Categories{{ID: "name"}, {ID: "email"}}
	site := loadSite(t, baseSite)
	assertOneFact(t, baseSite, edit(t, baseSite, `"account_closure"`, `"contract_end"`), Fact{ID: "summary.retention_changed", Docs: privacyOnly,
		Values: map[string]any{"Data": data, "Purposes": Titles{site.Activities[0].Title},
			"Old": Period{duration(t, "14d"), "account_closure"}, "New": Period{duration(t, "14d"), "contract_end"}}}, sentences{
		"Retention of name and email address for “Customer accounts” changed from 14 days after the account is closed to 14 days after the end of the contract",
		"Speicherdauer für Name und E-Mail-Adresse bei „Kundenkonten“ geändert: bisher 14 Tage nach Schließung des Kontos, jetzt 14 Tage nach Vertragsende",
		"Bewaartermijn voor naam en e-mailadres bij ‘Klantaccounts’ gewijzigd: voorheen 14 dagen na opheffing van het account, nu 14 dagen na het einde van de overeenkomst"})
}

func TestSummaryNamesAddedRetentionWithSiteCategoryLabels(t *testing.T) {
	new := baseSite + loyalty
	label := loadSite(t, new).Data["loyalty"].Label
	assertOneFact(t, baseSite, new, Fact{ID: "summary.retention_added", Docs: privacyOnly, Values: map[string]any{
		"Data": Categories{{ID: "name"}, {ID: "loyalty", Label: label}}, "Period": Period{duration(t, "7y"), "fiscal_year_end"}}}, sentences{
		"New retention period for name and loyalty points: 7 years after the end of the financial year",
		"Neue Speicherdauer für Name und Treuepunkte: 7 Jahre nach Ende des Geschäftsjahres",
		"Nieuwe bewaartermijn voor naam en spaarpunten: 7 jaar na afloop van het boekjaar"})
}

func TestSummaryNamesRemovedRetention(t *testing.T) {
	assertOneFact(t, baseSite+invoices, baseSite, Fact{ID: "summary.retention_removed", Docs: privacyOnly, Values: map[string]any{
		"Data": Categories{{ID: "name"}, {ID: "payment"}}, "Period": Period{duration(t, "7y"), "fiscal_year_end"}}}, sentences{
		"Retention period for name and payment details removed, previously 7 years after the end of the financial year",
		"Speicherdauer für Name und Zahlungsdaten entfällt, bisher 7 Jahre nach Ende des Geschäftsjahres",
		"Bewaartermijn voor naam en betaalgegevens vervallen, voorheen 7 jaar na afloop van het boekjaar"})
}

func TestSummaryNamesAddedAndRemovedPurpose(t *testing.T) {
	title := loadSite(t, baseSite+newsletter).Activities[1].Title
	t.Run("added", func(t *testing.T) {
		assertOneFact(t, baseSite, baseSite+newsletter, Fact{ID: "summary.purpose_added", Values: map[string]any{"Title": title}, Docs: privacyOnly}, sentences{
			"New purpose: Newsletter", "Neuer Verarbeitungszweck: Newsletter", "Nieuw verwerkingsdoel: Nieuwsbrief"})
	})
	t.Run("removed", func(t *testing.T) {
		assertOneFact(t, baseSite+newsletter, baseSite, Fact{ID: "summary.purpose_removed", Values: map[string]any{"Title": title}, Docs: privacyOnly}, sentences{
			"Purpose removed: Newsletter", "Verarbeitungszweck entfällt: Newsletter", "Verwerkingsdoel vervallen: Nieuwsbrief"})
	})
}

func TestSummarySaysOldAndNewLegalBasisWithCitations(t *testing.T) {
	title := loadSite(t, baseSite).Activities[0].Title
	assertOneFact(t, baseSite, edit(t, baseSite, `basis = "contract"`, `basis = "legal_obligation"`), Fact{ID: "summary.basis_changed",
		Values: map[string]any{"Title": title, "Old": config.LegalBasis("contract"), "New": config.LegalBasis("legal_obligation")}, Docs: privacyOnly}, sentences{
		"Legal basis for “Customer accounts” changed from performance of a contract or steps taken at your request before entering into a contract (Art. 6(1)(b) GDPR)" +
			" to compliance with a legal obligation (Art. 6(1)(c) GDPR)",
		"Rechtsgrundlage für „Kundenkonten“ geändert: bisher Vertragserfüllung oder Durchführung vorvertraglicher Maßnahmen (Art. 6 Abs. 1 lit. b DSGVO)," +
			" jetzt Erfüllung einer rechtlichen Verpflichtung (Art. 6 Abs. 1 lit. c DSGVO)",
		"Rechtsgrond voor ‘Klantaccounts’ gewijzigd: voorheen uitvoering van een overeenkomst of precontractuele maatregelen (artikel 6, lid 1, onder b, AVG)," +
			" nu nakoming van een wettelijke verplichting (artikel 6, lid 1, onder c, AVG)"})
}

func TestSummaryNamesTheProviderOfATrackerRemovedWithIt(t *testing.T) {
	pixel := "\n[[tracker]]\nname = \"open\"\nprovider = \"mailer\"\ncategory = \"necessary\"\nkind = \"pixel\"\n" +
		"expiry = \"1d\"\npurpose = { en = \"Delivery\", de = \"Zustellung\", nl = \"Bezorging\" }\n"
	facts := Summarize(testFacts(t), loadSite(t, baseSite+mailerUS+pixel), loadSite(t, baseSite))
	// The recipient removed, in the privacy policy by its purposes (it had
	// none) and in the cookie policy as the provider of its trackers.
	if len(facts) != 3 || facts[0].ID != "summary.recipient_removed" || facts[0].Docs != privacyOnly ||
		facts[1].ID != "summary.recipient_removed" || facts[1].Docs != cookiesOnly || facts[2].ID != "summary.tracker_removed" {
		t.Fatalf("facts: %#v", facts)
	}
	assertSays(t, facts[1], sentences{
		"No longer the provider of “open”: Mailer Inc., in the United States under the EU-US Data Privacy Framework",
		"Nicht mehr Anbieter von „open“: Mailer Inc., in den Vereinigten Staaten auf Grundlage des Datenschutzrahmens EU-USA",
		"Niet meer de aanbieder van ‘open’: Mailer Inc., in de Verenigde Staten op grond van het EU-VS-kader voor gegevensbescherming"})
	assertSays(t, facts[2], sentences{
		"No longer listed: the pixel “open” from Mailer Inc. (category: strictly necessary)",
		"Nicht mehr aufgeführt: das Zählpixel „open“ von Mailer Inc. (Kategorie: unbedingt erforderlich)",
		"Niet meer vermeld: de pixel ‘open’ van Mailer Inc. (categorie: noodzakelijk)"})
}

func TestSummaryLabelsRemovedRetentionFromTheOldSite(t *testing.T) {
	facts := Summarize(testFacts(t), loadSite(t, baseSite+loyalty), loadSite(t, baseSite))
	if len(facts) != 1 || facts[0].ID != "summary.retention_removed" {
		t.Fatalf("facts: %#v", facts)
	}
	assertSays(t, facts[0], sentences{
		"Retention period for name and loyalty points removed, previously 7 years after the end of the financial year",
		"Speicherdauer für Name und Treuepunkte entfällt, bisher 7 Jahre nach Ende des Geschäftsjahres",
		"Bewaartermijn voor naam en spaarpunten vervallen, voorheen 7 jaar na afloop van het boekjaar"})
}
