package diff

import (
	"strings"
	"testing"

	"github.com/policygen/policygen/generator/config"
)

// Tests of what changed of a recipient, a tracker or a section that both
// versions have, and of which document shows what.

func TestSummarySaysInWordsThatARecipientMovedToAThirdCountry(t *testing.T) {
	german := edit(t, edit(t, mailerUS, `country = "US"`, `country = "DE"`), `transfer = "dpf"`+"\n", "")
	american := edit(t, mailerUS, `transfer = "dpf"`, `transfer = "scc"`)
	assertOneFact(t, baseSite+german, baseSite+american, Fact{ID: "summary.recipient_moved", Docs: privacyOnly, Values: map[string]any{
		"Name": "Mailer Inc.", "Old": Location{Country: "DE"}, "New": Location{"US", "scc"}}}, sentences{
		"Mailer Inc.: now in the United States under standard contractual clauses, previously in Germany",
		"Mailer Inc.: jetzt in den Vereinigten Staaten auf Grundlage von Standarddatenschutzklauseln, bisher in Deutschland",
		"Mailer Inc.: nu in de Verenigde Staten op grond van standaardcontractbepalingen, voorheen in Duitsland"})
}

func TestSummarySaysAChangedTransferMechanism(t *testing.T) {
	scc := edit(t, mailerUS, `transfer = "dpf"`, `transfer = "scc"`)
	assertOneFact(t, baseSite+mailerUS, baseSite+scc, Fact{ID: "summary.recipient_moved", Docs: privacyOnly, Values: map[string]any{
		"Name": "Mailer Inc.", "Old": Location{"US", "dpf"}, "New": Location{"US", "scc"}}}, sentences{
		"Mailer Inc.: now in the United States under standard contractual clauses, previously in the United States under the EU-US Data Privacy Framework",
		"Mailer Inc.: jetzt in den Vereinigten Staaten auf Grundlage von Standarddatenschutzklauseln, bisher in den Vereinigten Staaten auf Grundlage des Datenschutzrahmens EU-USA",
		"Mailer Inc.: nu in de Verenigde Staten op grond van standaardcontractbepalingen, voorheen in de Verenigde Staten op grond van het EU-VS-kader voor gegevensbescherming"})
}

func TestSummarySaysARecipientsNewName(t *testing.T) {
	renamed := edit(t, mailerUS, "Mailer Inc.", "Mailer Holdings Inc. (Mailer)")
	assertOneFact(t, baseSite+mailerUS, baseSite+renamed, Fact{ID: "summary.recipient_renamed", Docs: privacyOnly, Values: map[string]any{
		"Old": "Mailer Inc.", "New": "Mailer Holdings Inc. (Mailer)"}}, sentences{
		"Recipient now Mailer Holdings Inc. (Mailer) instead of Mailer Inc.",
		"Empfänger jetzt Mailer Holdings Inc. (Mailer) statt Mailer Inc.",
		"Ontvanger nu Mailer Holdings Inc. (Mailer) in plaats van Mailer Inc."})
}

func TestSummarySaysARecipientsNewRole(t *testing.T) {
	controller := edit(t, mailerUS, `role = "processor"`, `role = "controller"`)
	assertOneFact(t, baseSite+mailerUS, baseSite+controller, Fact{ID: "summary.role_changed", Docs: privacyOnly, Values: map[string]any{
		"Name": "Mailer Inc.", "Old": Role("processor"), "New": Role("controller")}}, sentences{
		"Mailer Inc.: now an independent controller, previously a processor",
		"Mailer Inc.: jetzt eigenständiger Verantwortlicher, bisher Auftragsverarbeiter",
		"Mailer Inc.: nu zelfstandige verwerkingsverantwoordelijke, voorheen verwerker"})
}

const jointScope = `joint_scope = { en = "the collection of data by the pixel", de = "die Erhebung der Daten durch das Pixel", nl = "het verzamelen van gegevens met de pixel" }`

func TestSummarySaysANewScopeOfJointControl(t *testing.T) {
	joint := edit(t, mailerUS, `role = "processor"`, `role = "joint_controller"`+"\n"+jointScope)
	wider := edit(t, edit(t, edit(t, joint, "the collection of data by the pixel", "the collection and transmission of data by the pixel"),
		"die Erhebung der Daten", "die Erhebung und Übermittlung der Daten"), "het verzamelen van gegevens", "het verzamelen en doorsturen van gegevens")
	facts := Summarize(testFacts(t), loadSite(t, baseSite+joint), loadSite(t, baseSite+wider))
	if len(facts) != 1 || facts[0].ID != "summary.joint_scope_changed" || facts[0].Docs != privacyOnly {
		t.Fatalf("facts: %#v", facts)
	}
	assertSays(t, facts[0], sentences{
		"Our joint control with Mailer Inc. now described as covering the collection and transmission of data by the pixel",
		"Gemeinsame Verantwortlichkeit mit Mailer Inc. jetzt beschrieben als: die Erhebung und Übermittlung der Daten durch das Pixel",
		"Gezamenlijke verwerkingsverantwoordelijkheid met Mailer Inc. nu omschreven als: het verzamelen en doorsturen van gegevens met de pixel"})
}

func TestSummarySaysOnwardTransfersAddedAndRemoved(t *testing.T) {
	irish := edit(t, edit(t, mailerUS, `country = "US"`, `country = "IE"`), `transfer = "dpf"`+"\n", "")
	onward := irish + "\n[[processor.onward]]\nname = \"Mailer Inc. (US)\"\ncountry = \"US\"\ntransfer = \"dpf\"\n"
	anyone := irish + "\n[[processor.onward]]\ncountry = \"IN\"\ntransfer = \"scc\"\n"
	t.Run("added", func(t *testing.T) {
		assertOneFact(t, baseSite+irish, baseSite+onward, Fact{ID: "summary.onward_added", Docs: privacyOnly, Values: map[string]any{
			"Name": "Mailer Inc.", "To": "Mailer Inc. (US)", "Location": Location{"US", "dpf"}}}, sentences{
			"Now stated: Mailer Inc. passes the data on to Mailer Inc. (US) in the United States under the EU-US Data Privacy Framework",
			"Neu angegeben: Mailer Inc. übermittelt die Daten an Mailer Inc. (US) in den Vereinigten Staaten auf Grundlage des Datenschutzrahmens EU-USA weiter",
			"Nu vermeld: Mailer Inc. geeft de gegevens door aan Mailer Inc. (US) in de Verenigde Staten op grond van het EU-VS-kader voor gegevensbescherming"})
	})
	t.Run("removed, to no one named", func(t *testing.T) {
		assertOneFact(t, baseSite+anyone, baseSite+irish, Fact{ID: "summary.onward_removed", Docs: privacyOnly, Values: map[string]any{
			"Name": "Mailer Inc.", "To": "", "Location": Location{"IN", "scc"}}}, sentences{
			"No longer stated: Mailer Inc. passes the data on to its affiliates or sub-processors in India under standard contractual clauses",
			"Nicht mehr angegeben: Mailer Inc. übermittelt die Daten an verbundene Unternehmen oder Unterauftragsverarbeiter in Indien auf Grundlage von Standarddatenschutzklauseln weiter",
			"Niet meer vermeld: Mailer Inc. geeft de gegevens door aan gelieerde ondernemingen of subverwerkers in India op grond van standaardcontractbepalingen"})
	})
}

func TestSummarySaysATrackersNewExpiry(t *testing.T) {
	assertOneFact(t, baseSite, edit(t, baseSite, `expiry = "1y"`, `expiry = "2y"`), Fact{ID: "summary.tracker_expiry_changed", Docs: cookiesOnly, Values: map[string]any{
		"Tracker": TrackerOf{"local_storage", "lb"}, "Provider": "Host B.V.", "Old": Expiry(duration(t, "1y")), "New": Expiry(duration(t, "2y"))}}, sentences{
		"Stated expiry of the local storage entry “lb” from Host B.V.: now 2 years, previously 1 year",
		"Angegebene Speicherdauer des Local-Storage-Eintrags „lb“ von Host B.V.: jetzt 2 Jahre, bisher 1 Jahr",
		"Vermelde looptijd van het item ‘lb’ in de lokale opslag van Host B.V.: nu 2 jaar, voorheen 1 jaar"})
}

func TestSummarySaysATrackersNewCategory(t *testing.T) {
	old := edit(t, baseSite, `kind = "local_storage"`, `kind = "cookie"`) + newsletter // an activity with consent, as a statistics cookie needs
	new := edit(t, old, `category = "necessary"`, `category = "statistics"`)
	assertDocFact(t, old, new, Cookies, Fact{ID: "summary.tracker_category_changed", Values: map[string]any{
		"Tracker": TrackerOf{"cookie", "lb"}, "Provider": "Host B.V.", "Old": config.Category("necessary"), "New": config.Category("statistics")}}, sentences{
		"Category of the cookie “lb” from Host B.V. changed from strictly necessary to statistics",
		"Kategorie des Cookies „lb“ von Host B.V. geändert: bisher unbedingt erforderlich, jetzt Statistik",
		"Categorie van de cookie ‘lb’ van Host B.V. gewijzigd: voorheen noodzakelijk, nu statistieken"})
}

const (
	representative = `
[representative]
name = "EU-Rep GmbH"
address = ["Hauptstraße 1", "10115 Berlin"]
country = "DE"
email = "rep@example.com"
`
	minors = `
[minors]
minimum_age = 16
`
	security = `
[security]
measures = ["encryption_in_transit", "backups"]
breach_notice = "72h"
`
)

// sectionCase is a section added, removed or changed: the fact, and what
// it says in English, German and Dutch.
type sectionCase struct {
	name     string
	old, new string
	id       string
	say      sentences
}

func TestSummarySaysSectionsAddedRemovedAndChanged(t *testing.T) {
	usCompany := edit(t, edit(t, baseSite, `country = "NL"`+"\nemail", `country = "US"`+"\ntargets_eu = true\nemail"),
		`address = ["Voorbeeldstraat 1", "1011 AB Amsterdam"]`, `address = ["1 Main Street", "San Francisco, CA 94105"]`)
	exempt := edit(t, usCompany, "targets_eu = true", "targets_eu = true\nrepresentative_exempt = true")
	processorFor := edit(t, baseSite, `email = "privacy@example.com"`, `email = "privacy@example.com"`+
		"\nprocessor_for = { en = \"the websites of our customers\", de = \"die Websites unserer Kunden\", nl = \"de websites van onze klanten\" }")
	changeNotice := edit(t, baseSite, "languages = [\"en\", \"de\", \"nl\"]", "languages = [\"en\", \"de\", \"nl\"]\n"+
		"change_notice = { en = \"We email our customers.\", de = \"Wir schreiben unseren Kunden eine E-Mail.\", nl = \"Wij e-mailen onze klanten.\" }")
	tests := []sectionCase{
		{"representative added", exempt, usCompany + representative, "summary.representative_added", sentences{
			"Representative in the EU designated: EU-Rep GmbH",
			"Vertreter in der EU benannt: EU-Rep GmbH",
			"Vertegenwoordiger in de EU aangewezen: EU-Rep GmbH"}},
		{"representative removed", usCompany + representative, exempt, "summary.representative_removed", sentences{
			"EU-Rep GmbH is no longer our representative in the EU",
			"EU-Rep GmbH ist nicht mehr unser Vertreter in der EU",
			"EU-Rep GmbH is niet langer onze vertegenwoordiger in de EU"}},
		{"representative replaced", usCompany + representative, usCompany + strings.Replace(representative, "EU-Rep GmbH", "Rep B.V.", 1),
			"summary.representative_replaced", sentences{
				"New representative in the EU: Rep B.V. instead of EU-Rep GmbH",
				"Neuer Vertreter in der EU: Rep B.V. statt EU-Rep GmbH",
				"Nieuwe vertegenwoordiger in de EU: Rep B.V. in plaats van EU-Rep GmbH"}},
		{"minors added", baseSite, baseSite + minors, "summary.minors_added", sentences{
			"New section on children: our website and services are intended for people aged 16 or over",
			"Neuer Abschnitt zu Minderjährigen: Unsere Website und unsere Leistungen richten sich an Personen ab 16 Jahren",
			"Nieuw onderdeel over kinderen: onze website en diensten zijn bedoeld voor personen van 16 jaar en ouder"}},
		{"minors changed", baseSite + minors, baseSite + strings.Replace(minors, "16", "18", 1), "summary.minors_changed", sentences{
			"Our website and services are now intended for people aged 18 or over, previously 16 or over",
			"Unsere Website und unsere Leistungen richten sich jetzt an Personen ab 18 Jahren, bisher ab 16 Jahren",
			"Onze website en diensten zijn nu bedoeld voor personen van 18 jaar en ouder, voorheen 16 jaar en ouder"}},
		{"minors removed", baseSite + minors, baseSite, "summary.minors_removed", sentences{
			"No minimum age for our website and services any more, previously 16",
			"Kein Mindestalter mehr für unsere Website und unsere Leistungen, bisher ab 16 Jahren",
			"Geen minimumleeftijd meer voor onze website en diensten, voorheen 16 jaar"}},
		{"security added", baseSite, baseSite + security, "summary.security_added", sentences{
			"New section on the security of your data",
			"Neuer Abschnitt zur Sicherheit Ihrer Daten",
			"Nieuw onderdeel over de beveiliging van uw gegevens"}},
		{"security removed", baseSite + security, baseSite, "summary.security_removed", sentences{
			"Section on the security of your data removed",
			"Abschnitt zur Sicherheit Ihrer Daten entfällt",
			"Onderdeel over de beveiliging van uw gegevens vervallen"}},
		{"security measures", baseSite + security, baseSite + strings.Replace(security, `, "backups"`, "", 1), "summary.security_measures_changed", sentences{
			"The security measures we describe changed",
			"Die beschriebenen Sicherheitsmaßnahmen haben sich geändert",
			"De beschreven beveiligingsmaatregelen zijn gewijzigd"}},
		{"breach notice", baseSite + security, baseSite + strings.Replace(security, "72h", "48h", 1), "summary.breach_notice_changed", sentences{
			"If a data breach puts you at high risk, we now commit to telling you within 48 hours, previously 72 hours",
			"Bei einer Datenschutzverletzung mit hohem Risiko für Sie benachrichtigen wir Sie jetzt spätestens 48 Stunden nach Kenntnis, bisher 72 Stunden",
			"Bij een datalek met een hoog risico voor u informeren wij u nu uiterlijk 48 uur nadat wij ervan op de hoogte zijn, voorheen 72 uur"}},
		{"processor_for added", baseSite, processorFor, "summary.processor_for_added", sentences{
			"New section on the data we process as our customers' processor",
			"Neuer Abschnitt zu den Daten, die wir als Auftragsverarbeiter unserer Kunden verarbeiten",
			"Nieuw onderdeel over de gegevens die wij als verwerker voor onze klanten verwerken"}},
		{"processor_for removed", processorFor, baseSite, "summary.processor_for_removed", sentences{
			"Section on the data we process as our customers' processor removed",
			"Abschnitt zu den Daten, die wir als Auftragsverarbeiter unserer Kunden verarbeiten, entfällt",
			"Onderdeel over de gegevens die wij als verwerker voor onze klanten verwerken vervallen"}},
		{"change_notice added", baseSite, changeNotice, "summary.change_notice_added", sentences{
			"New: how we tell you of material changes besides this page",
			"Neu: wie wir Sie außer auf dieser Seite über wesentliche Änderungen informieren",
			"Nieuw: hoe wij u naast deze pagina over belangrijke wijzigingen informeren"}},
		{"change_notice removed", changeNotice, baseSite, "summary.change_notice_removed", sentences{
			"No longer stated: how we tell you of material changes besides this page",
			"Entfällt: wie wir Sie außer auf dieser Seite über wesentliche Änderungen informieren",
			"Vervallen: hoe wij u naast deze pagina over belangrijke wijzigingen informeren"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			facts := Summarize(testFacts(t), loadSite(t, tt.old), loadSite(t, tt.new))
			if len(facts) != 1 || facts[0].ID != tt.id || facts[0].Docs != privacyOnly {
				t.Fatalf("facts: %#v\nwant one %s for the privacy policy", facts, tt.id)
			}
			assertSays(t, facts[0], tt.say)
		})
	}
}

// TestCookieOnlyFactsAreNotInThePrivacySummary: a tracker's change is
// shown by the cookie policy alone; the privacy policy's summary does not
// have it, nor the fallback "other details".
func TestCookieOnlyFactsAreNotInThePrivacySummary(t *testing.T) {
	facts := Summarize(testFacts(t), loadSite(t, baseSite), loadSite(t, edit(t, baseSite, `expiry = "1y"`, `expiry = "2y"`)))
	if got := FactsFor(facts, Privacy); len(got) != 0 {
		t.Errorf("privacy summary: %#v", got)
	}
	if got := FactsFor(facts, Cookies); len(got) != 1 || got[0].ID != "summary.tracker_expiry_changed" {
		t.Errorf("cookie summary: %#v", got)
	}
}

// TestPrivacyOnlyFactsAreNotInTheCookieSummary: a retention period, a
// purpose and a recipient that provides no tracker are not in the cookie
// policy.
func TestPrivacyOnlyFactsAreNotInTheCookieSummary(t *testing.T) {
	new := edit(t, baseSite, `"14d"`, `"30d"`) + newsletter + mailerUS
	facts := Summarize(testFacts(t), loadSite(t, baseSite), loadSite(t, new))
	if got := FactsFor(facts, Cookies); len(got) != 0 {
		t.Errorf("cookie summary: %#v", got)
	}
	if got := FactsFor(facts, Privacy); len(got) != 3 {
		t.Errorf("privacy summary: %#v", got)
	}
}

// TestTrackerProvidersChangeIsInBothSummaries: the cookie policy shows
// where the provider of a tracker is and under which safeguard.
func TestTrackerProvidersChangeIsInBothSummaries(t *testing.T) {
	new := edit(t, edit(t, baseSite, `name = "Host B.V."`, `name = "Host Inc."`), `country = "NL"`+"\n\n[[retention]]", `country = "US"`+"\ntransfer = \"dpf\"\n\n[[retention]]")
	facts := Summarize(testFacts(t), loadSite(t, baseSite), loadSite(t, new))
	for _, doc := range []string{Privacy, Cookies} {
		got := FactsFor(facts, doc)
		if len(got) != 1 || got[0].ID != "summary.recipient_replaced" {
			t.Errorf("%s summary: %#v", doc, got)
		}
	}
	// Said as another company elsewhere, not the same one moved.
	lines := map[string]string{
		"en": "Recipient for “Customer accounts” now Host Inc., in the United States under the EU-US Data Privacy Framework, instead of Host B.V., in the Netherlands",
		"de": "Empfänger für „Kundenkonten“ jetzt Host Inc., in den Vereinigten Staaten auf Grundlage des Datenschutzrahmens EU-USA, statt Host B.V., in den Niederlanden",
	}
	for lang, want := range lines {
		if got, err := facts[0].Localize(catalog(t).Lang(lang)); err != nil || got != want {
			t.Errorf("%s: %q, %v; want %q", lang, got, err, want)
		}
	}
	// The cookie policy names no purposes: it says whose tracker it is.
	if got, err := FactsFor(facts, Cookies)[0].Localize(catalog(t).Lang("en")); err != nil ||
		got != "Provider of “lb” now Host Inc., in the United States under the EU-US Data Privacy Framework, instead of Host B.V., in the Netherlands" {
		t.Errorf("cookie policy: %q, %v", got, err)
	}
}

// TestSiteDocumentsOfTheirOwnGetEveryFact: what a document a site adds
// shows is not known.
func TestSiteDocumentsOfTheirOwnGetEveryFact(t *testing.T) {
	facts := []Fact{{ID: "a", Docs: privacyOnly}, {ID: "b", Docs: cookiesOnly}, {ID: "c"}}
	if got := FactsFor(facts, "imprint"); len(got) != 3 {
		t.Errorf("facts for imprint: %#v", got)
	}
}

// TestSummarySaysASpecialExpiryInWordsThatFitTheSentence: the cookie
// table's "slaat zelf niets op uw apparaat op" is no noun phrase.
func TestSummarySaysASpecialExpiryInWordsThatFitTheSentence(t *testing.T) {
	pixel := edit(t, edit(t, baseSite, `kind = "local_storage"`, `kind = "pixel"`), `expiry = "1y"`, `expiry = "session"`)
	facts := Summarize(testFacts(t), loadSite(t, pixel), loadSite(t, edit(t, pixel, `expiry = "session"`, `expiry = "none"`)))
	if len(facts) != 1 {
		t.Fatalf("facts: %#v", facts)
	}
	assertSays(t, facts[0], sentences{
		"Now stated to store nothing on your device: the pixel “lb” from Host B.V. (previously stated: until the end of the session)",
		"Jetzt angegeben, dass nichts auf Ihrem Endgerät gespeichert wird: das Zählpixel „lb“ von Host B.V. (bisher angegeben: bis zum Ende der Sitzung)",
		"Nu vermeld dat niets op uw apparaat wordt opgeslagen: de pixel ‘lb’ van Host B.V. (voorheen vermeld: tot het einde van de sessie)"})
}
