package diff

import (
	"github.com/policygen/policygen/generator/config"
	"slices"
	"strings"
	"testing"
)

func TestSummaryNamesChangedControllerContactFields(t *testing.T) {
	tests := []struct {
		name     string
		old, new string
		fields   Fields
		say      sentences
	}{
		{"email and phone", `email = "privacy@example.com"`, `email = "privacy@voorbeeld.nl"` + "\nphone = \"+31 20 123 4567\"",
			Fields{"email", "phone"}, sentences{
				"Contact details of the controller changed: email address and phone number",
				"Kontaktdaten des Verantwortlichen geändert: E-Mail-Adresse und Telefonnummer",
				"Contactgegevens van de verwerkingsverantwoordelijke gewijzigd: e-mailadres en telefoonnummer"}},
		{"name and address", `name = "Voorbeeld B.V."` + "\naddress = [\"Voorbeeldstraat 1\"",
			`name = "Voorbeeld Holding B.V."` + "\naddress = [\"Voorbeeldstraat 9\"",
			Fields{"name", "address"}, sentences{
				"Contact details of the controller changed: name and postal address",
				"Kontaktdaten des Verantwortlichen geändert: Name und Postanschrift",
				"Contactgegevens van de verwerkingsverantwoordelijke gewijzigd: naam en postadres"}},
		{"country is part of the address", `country = "NL"` + "\nemail", `country = "DE"` + "\nregion = \"BE\"\nemail",
			Fields{"address"}, sentences{
				"Contact details of the controller changed: postal address",
				"Kontaktdaten des Verantwortlichen geändert: Postanschrift",
				"Contactgegevens van de verwerkingsverantwoordelijke gewijzigd: postadres"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assertDocFact(t, baseSite, edit(t, baseSite, tt.old, tt.new), Privacy,
				Fact{ID: "summary.contact_changed", Values: map[string]any{"Fields": tt.fields}}, tt.say)
		})
	}
}

// TestCookieSummaryNamesOnlyTheContactDetailsItShows: the cookie policy
// names the controller and its email address, not its postal address or
// phone number.
func TestCookieSummaryNamesOnlyTheContactDetailsItShows(t *testing.T) {
	new := edit(t, baseSite, `email = "privacy@example.com"`, `email = "privacy@voorbeeld.nl"`+"\nphone = \"+31 20 123 4567\"")
	assertDocFact(t, baseSite, new, Cookies, Fact{ID: "summary.contact_changed", Values: map[string]any{"Fields": Fields{"email"}}}, sentences{
		"Contact details of the controller changed: email address",
		"Kontaktdaten des Verantwortlichen geändert: E-Mail-Adresse",
		"Contactgegevens van de verwerkingsverantwoordelijke gewijzigd: e-mailadres"})
	phone := edit(t, baseSite, `email = "privacy@example.com"`, `email = "privacy@example.com"`+"\nphone = \"+31 20 123 4567\"")
	if f := FactsFor(Summarize(testFacts(t), loadSite(t, baseSite), loadSite(t, phone)), Cookies); len(f) != 0 {
		t.Errorf("a new phone number is in the cookie summary: %#v", f)
	}
}

func TestSummaryNamesDesignatedDPO(t *testing.T) {
	assertOneFact(t, baseSite, baseSite+dpo, Fact{ID: "summary.dpo_added", Values: map[string]any{"Name": "Dr. Anna Daten", "Form": "m"}, Docs: both}, sentences{
		"Data protection officer designated: Dr. Anna Daten",
		"Benennung eines Datenschutzbeauftragten: Dr. Anna Daten",
		"Functionaris voor gegevensbescherming aangewezen: Dr. Anna Daten"})
}

func TestSummaryNamesDPONoLongerDesignated(t *testing.T) {
	assertOneFact(t, baseSite+dpo, baseSite, Fact{ID: "summary.dpo_removed", Values: map[string]any{"Name": "Dr. Anna Daten", "Form": "m"}, Docs: both}, sentences{
		"Dr. Anna Daten is no longer our data protection officer",
		"Dr. Anna Daten ist nicht mehr unser Datenschutzbeauftragter",
		"Dr. Anna Daten is niet langer onze functionaris voor gegevensbescherming"})
}

func TestSummaryNamesReplacedDPOOnly(t *testing.T) {
	other := edit(t, edit(t, dpo, "Dr. Anna Daten", "Jan de Vries"), "dpo@", "jan@")
	assertOneFact(t, baseSite+dpo, baseSite+other, Fact{ID: "summary.dpo_replaced",
		Values: map[string]any{"Old": "Dr. Anna Daten", "New": "Jan de Vries", "Form": "m"}, Docs: both}, sentences{
		"New data protection officer: Jan de Vries instead of Dr. Anna Daten",
		"Neuer Datenschutzbeauftragter: Jan de Vries statt Dr. Anna Daten",
		"Nieuwe functionaris voor gegevensbescherming: Jan de Vries in plaats van Dr. Anna Daten"})
}

func TestSummaryNamesChangedDPOContactFields(t *testing.T) {
	moved := edit(t, dpo, `email = "dpo@example.com"`, `email = "privacy-officer@example.com"`+"\naddress = [\"Postbus 1\", \"1000 AA Amsterdam\"]")
	assertDocFact(t, baseSite+dpo, baseSite+moved, Privacy, Fact{ID: "summary.dpo_contact_changed",
		Values: map[string]any{"Fields": Fields{"address", "email"}, "Form": "m"}}, sentences{
		"Contact details of the data protection officer changed: postal address and email address",
		"Kontaktdaten des Datenschutzbeauftragten geändert: Postanschrift und E-Mail-Adresse",
		"Contactgegevens van de functionaris voor gegevensbescherming gewijzigd: postadres en e-mailadres"})
}

// TestGermanSummariesNameAFemaleDPOInTheFeminine checks the German
// summaries of a DPO with form = "f".
func TestGermanSummariesNameAFemaleDPOInTheFeminine(t *testing.T) {
	female := edit(t, dpo, `email = "dpo@example.com"`, `email = "dpo@example.com"`+"\nform = \"f\"")
	assertOneFact(t, baseSite, baseSite+female, Fact{ID: "summary.dpo_added", Values: map[string]any{"Name": "Dr. Anna Daten", "Form": "f"}, Docs: both}, sentences{
		"Data protection officer designated: Dr. Anna Daten",
		"Benennung einer Datenschutzbeauftragten: Dr. Anna Daten",
		"Functionaris voor gegevensbescherming aangewezen: Dr. Anna Daten"})
	assertOneFact(t, baseSite+female, baseSite, Fact{ID: "summary.dpo_removed", Values: map[string]any{"Name": "Dr. Anna Daten", "Form": "f"}, Docs: both}, sentences{
		"Dr. Anna Daten is no longer our data protection officer",
		"Dr. Anna Daten ist nicht mehr unsere Datenschutzbeauftragte",
		"Dr. Anna Daten is niet langer onze functionaris voor gegevensbescherming"})
	moved := edit(t, female, `email = "dpo@example.com"`, `email = "privacy-officer@example.com"`)
	assertOneFact(t, baseSite+female, baseSite+moved, Fact{ID: "summary.dpo_contact_changed", Values: map[string]any{"Fields": Fields{"email"}, "Form": "f"}, Docs: both}, sentences{
		"Contact details of the data protection officer changed: email address",
		"Kontaktdaten der Datenschutzbeauftragten geändert: E-Mail-Adresse",
		"Contactgegevens van de functionaris voor gegevensbescherming gewijzigd: e-mailadres"})
}

// TestSummaryNamesThePurposeRecipientRuleOrTrackerWhoseDetailsChanged:
// a change no other fact says is said of the element it belongs to, and a
// text changed in one language only in that language.
func TestSummaryNamesThePurposeRecipientRuleOrTrackerWhoseDetailsChanged(t *testing.T) {
	title := config.LocalizedText{ByLang: map[string]string{"en": "Customer accounts", "de": "Kundenkonten", "nl": "Klantaccounts"}}
	assertOneFact(t, baseSite, edit(t, baseSite, `purpose = { en = "Running your account"`, `purpose = { en = "Running and securing your account"`),
		Fact{ID: "summary.purpose_details_changed", Values: map[string]any{"Title": title}, Docs: privacyOnly, Lang: "en"}, sentences{
			"Information on “Customer accounts” revised",
			"Angaben zum Zweck „Kundenkonten“ überarbeitet",
			"Informatie over ‘Klantaccounts’ herzien"})
	assertOneFact(t, baseSite, edit(t, baseSite, `required = "contract"`, `required = "no"`),
		Fact{ID: "summary.purpose_details_changed", Values: map[string]any{"Title": title}, Docs: privacyOnly}, sentences{
			"Information on “Customer accounts” revised",
			"Angaben zum Zweck „Kundenkonten“ überarbeitet",
			"Informatie over ‘Klantaccounts’ herzien"})
	assertOneFact(t, baseSite, edit(t, baseSite, `service = { en = "Hosting"`, `service = { en = "Web hosting"`),
		Fact{ID: "summary.recipient_details_changed", Values: map[string]any{"Name": "Host B.V."}, Docs: privacyOnly, Lang: "en"}, sentences{
			"Information on the recipient Host B.V. revised",
			"Angaben zum Empfänger Host B.V. überarbeitet",
			"Informatie over de ontvanger Host B.V. herzien"})
	assertOneFact(t, baseSite, edit(t, baseSite, `purpose = { en = "Load balancing", de = "Lastverteilung", nl = "Load balancing" }`, `purpose = { en = "Load balancing", de = "Lastverteilung", nl = "Verdeling van de belasting" }`),
		Fact{ID: "summary.tracker_details_changed", Values: map[string]any{"Tracker": Tracker{"local_storage", "lb"}, "TrackerOf": TrackerOf{"local_storage", "lb"}, "Provider": "Host B.V."}, Docs: cookiesOnly, Lang: "nl"}, sentences{
			"Information on the local storage entry “lb” from Host B.V. revised",
			"Angaben zur Verwendung des Local-Storage-Eintrags „lb“ von Host B.V. überarbeitet",
			"Informatie over het item ‘lb’ in de lokale opslag van Host B.V. herzien"})
	assertOneFact(t, baseSite, edit(t, baseSite, `after = "account_closure"`, `after = "account_closure"`+"\nbasis = { en = \"Limitation period\", de = \"Verjährungsfrist\", nl = \"Verjaringstermijn\" }"),
		Fact{ID: "summary.retention_details_changed", Values: map[string]any{"Data": Categories{{ID: "name"}, {ID: "email"}}, "Purposes": Titles{title}}, Docs: privacyOnly}, sentences{
			"Information on the retention of name and email address for “Customer accounts” revised",
			"Angaben zur Speicherung von Name und E-Mail-Adresse bei „Kundenkonten“ überarbeitet",
			"Informatie over het bewaren van naam en e-mailadres bij ‘Klantaccounts’ herzien"})
}

func TestSummarySaysAPurposeRenamedOrProcessingOtherData(t *testing.T) {
	title := config.LocalizedText{ByLang: map[string]string{"en": "Customer accounts", "de": "Kundenkonten", "nl": "Klantaccounts"}}
	renamed := config.LocalizedText{ByLang: map[string]string{"en": "Customer accounts", "de": "Kundenkonten", "nl": "Klantenaccounts"}}
	assertOneFact(t, baseSite, edit(t, baseSite, `nl = "Klantaccounts"`, `nl = "Klantenaccounts"`),
		Fact{ID: "summary.purpose_renamed", Values: map[string]any{"Old": title, "New": renamed}, Docs: privacyOnly, Lang: "nl"}, sentences{
			"“Customer accounts” is now called “Customer accounts”", // said in Dutch only
			"„Kundenkonten“ heißt jetzt „Kundenkonten“",
			"‘Klantaccounts’ heet nu ‘Klantenaccounts’"})
	assertOneFact(t, baseSite, edit(t, baseSite, `data = ["name", "email"]`+"\nbasis", `data = ["email"]`+"\nbasis"),
		Fact{ID: "summary.purpose_data_removed", Values: map[string]any{"Title": title, "Data": Categories{{ID: "name"}}}, Docs: privacyOnly}, sentences{
			"“Customer accounts”: we no longer process name",
			"Zum Zweck „Kundenkonten“ verarbeiten wir nicht mehr: Name",
			"Bij ‘Klantaccounts’ verwerken wij niet meer: naam"})
	assertOneFact(t, baseSite, edit(t, edit(t, baseSite, `data = ["name", "email"]`+"\nbasis", `data = ["name", "email", "phone"]`+"\nbasis"), `data = ["name", "email"]`+"\nperiod", `data = ["name", "email", "phone"]`+"\nperiod"),
		Fact{ID: "summary.purpose_data_added", Values: map[string]any{"Title": title, "Data": Categories{{ID: "phone"}}}, Docs: privacyOnly}, sentences{
			"“Customer accounts”: we now also process phone number",
			"Zum Zweck „Kundenkonten“ verarbeiten wir jetzt auch: Telefonnummer",
			"Bij ‘Klantaccounts’ verwerken wij nu ook: telefoonnummer"})
}

func TestSummarySaysOtherChangesForWhatNoFactDescribes(t *testing.T) {
	assertOneFact(t, baseSite, edit(t, baseSite, `base_url = "https://www.example.com/legal"`, `base_url = "https://www.example.com/legal"`+"\nconsent_settings_url = \"https://www.example.com/cookies\""),
		Fact{ID: "summary.other_changes", Docs: cookiesOnly}, sentences{
			"Other details of the processing changed",
			"Sonstige Angaben zur Verarbeitung geändert",
			"Andere details van de verwerking gewijzigd"})
}

func TestSummaryIsEmptyWhenOnlyWordingOrReleasesChanged(t *testing.T) {
	released := edit(t, baseSite, "https://www.example.com/legal", "https://example.org/privacy") +
		"\n[[change]]\ndate = 2025-05-01\nnote = { en = \"Typos\", de = \"Tippfehler\", nl = \"Typefouten\" }\n"
	for name, new := range map[string]string{"identical": baseSite, "changelog and settings": released} {
		if facts := Summarize(testFacts(t), loadSite(t, baseSite), loadSite(t, new)); len(facts) != 0 {
			t.Errorf("%s: %#v", name, facts)
		}
	}
}

func TestSummaryOrdersFactsByKindThenSite(t *testing.T) {
	second := edit(t, edit(t, mailerUS, `"mailer"`, `"crm"`), "Mailer Inc.", "CRM Inc.")
	new := edit(t, baseSite, `"14d"`, `"30d"`)
	new = edit(t, new, `email = "privacy@example.com"`, `email = "info@example.com"`)
	new = new[:strings.Index(new, "\n[[tracker]]")+1] + second + mailerUS + newsletter + dpo
	facts := Summarize(testFacts(t), loadSite(t, baseSite), loadSite(t, new))
	var got []string
	for _, f := range facts {
		got = append(got, strings.TrimPrefix(f.ID, "summary."))
		if name, ok := f.Values["Name"].(string); ok && f.ID == "summary.recipient_added" {
			got[len(got)-1] += " " + name
		}
	}
	want := []string{"purpose_added", "recipient_added CRM Inc.", "recipient_added Mailer Inc.",
		"retention_changed", "tracker_removed", "contact_changed", "dpo_added"}
	if !slices.Equal(got, want) {
		t.Errorf("facts in order %q\nwant %q", got, want)
	}
}
