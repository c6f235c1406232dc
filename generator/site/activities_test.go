package site

import (
	"strings"
	"testing"

	"github.com/policygen/policygen/generator/publish"
)

// activitiesSite is a shop in the Netherlands with a credit check whose
// score alone comes from an agency, server logs the browser sends, a
// newsletter on consent and invoices kept from the end of the calendar
// year; {{BASIS}} and {{EXCEPTION}} set the credit check's basis and
// Art. 22(2) exception, {{COMPANY}} the company's country lines.
const activitiesSite = `
-- site.toml --
[site]
base_url = "https://www.example.nl/"
languages = ["en", "de", "nl"]

[company]
name = "Winkel B.V."
address = ["Straat 1", "1000 AA Amsterdam"]
{{COMPANY}}
email = "privacy@example.nl"

[[activity]]
id = "credit"
title = { en = "Credit check", de = "Bonitätsprüfung", nl = "Kredietcheck" }
purpose = { en = "Checking creditworthiness", de = "Prüfung der Bonität", nl = "Controle van kredietwaardigheid" }
data = ["name", "address", "date_of_birth", "score"]
basis = "{{BASIS}}"
source = { en = "Agency B.V.", de = "Agency B.V.", nl = "Agency B.V." }
source_data = ["score"]
required = "{{REQUIRED}}"
consequence = { en = "We offer prepayment only.", de = "Wir bieten nur Vorkasse an.", nl = "Wij bieden alleen vooruitbetaling aan." }
automated = { en = "A score decides.", de = "Ein Score entscheidet.", nl = "Een score beslist." }
{{EXCEPTION}}
retention = "invoices"

[[activity]]
id = "logs"
title = { en = "Server logs", de = "Server-Logs", nl = "Serverlogs" }
purpose = { en = "Delivering the website", de = "Auslieferung der Website", nl = "Levering van de website" }
data = ["ip_address"]
basis = "legitimate_interests"
interest = { en = "A secure website", de = "Eine sichere Website", nl = "Een veilige website" }
required = "technical"
retention = "invoices"

[[activity]]
id = "newsletter"
title = { en = "Newsletter", de = "Newsletter", nl = "Nieuwsbrief" }
purpose = { en = "Sending news", de = "Versand von Neuigkeiten", nl = "Versturen van nieuws" }
data = ["email"]
basis = "consent"
required = "no"
retention = "invoices"

[data.score]
label = { en = "credit score", de = "Bonitätswert", nl = "kredietscore" }

[[retention]]
id = "invoices"
data = ["name", "address", "date_of_birth", "score", "ip_address", "email"]
period = "10y"
after = "calendar_year_end"
`

// buildActivities builds activitiesSite with a credit check on basis
// under exception (a line such as automated_exception = "contract", or
// none) for a company with the country lines of company.
func buildActivities(t *testing.T, basis, required, exception, company string) publish.Output {
	t.Helper()
	site := strings.NewReplacer("{{BASIS}}", basis, "{{REQUIRED}}", required, "{{EXCEPTION}}", exception, "{{COMPANY}}", company).Replace(activitiesSite)
	return mustBuild(t, site, "2026-01-01")
}

// sectionSays checks that the section of each page says each sentence
// and none of the sentences of not.
func sectionSays(t *testing.T, out publish.Output, section string, has map[string][]string, not ...string) {
	t.Helper()
	for page, sentences := range has {
		text, ok := sectionText(out, page, section)
		if !ok {
			t.Errorf("%s: no section %q", page, section)
			continue
		}
		for _, s := range sentences {
			if !strings.Contains(text, s) {
				t.Errorf("%s #%s does not say %q:\n%s", page, section, s, text)
			}
		}
		for _, s := range not {
			if strings.Contains(text, s) {
				t.Errorf("%s #%s says %q:\n%s", page, section, s, text)
			}
		}
	}
}

const contractException = `automated_exception = "contract"`

func TestObligationTableShowsWhatThePersonProvidesWithItsConsequence(t *testing.T) {
	out := buildActivities(t, "contract", "contract", contractException, `country = "NL"`)
	sectionSays(t, out, "obligation", map[string][]string{
		"en/privacy/index.html": {
			"Credit check: name, postal address and date of birth | required to conclude or perform the contract | We offer prepayment only.",
			"Server logs | technically necessary | Your browser sends these data automatically; without them we cannot show you the website.",
			"Newsletter | not required by law or contract | You are not obliged to provide these data; you can withdraw your consent at any time.",
		},
		"de/datenschutz/index.html": {
			"Bonitätsprüfung: Name, Postanschrift und Geburtsdatum | für den Abschluss oder die Durchführung des Vertrags erforderlich | Wir bieten nur Vorkasse an.",
			"Server-Logs | technisch erforderlich | Ihr Browser übermittelt diese Daten automatisch; ohne sie können wir Ihnen die Website nicht anzeigen.",
			"Newsletter | weder gesetzlich noch vertraglich vorgeschrieben | Sie sind zur Bereitstellung nicht verpflichtet; Ihre Einwilligung können Sie jederzeit widerrufen.",
		},
		"nl/privacy/index.html": {
			"Kredietcheck: naam, postadres en geboortedatum | noodzakelijk om de overeenkomst te sluiten of uit te voeren | Wij bieden alleen vooruitbetaling aan.",
			"Serverlogs | technisch noodzakelijk | Uw browser verstuurt deze gegevens automatisch; zonder deze gegevens kunnen wij de website niet aan u tonen.",
			"Nieuwsbrief | niet wettelijk of contractueel verplicht | U bent niet verplicht deze gegevens te verstrekken; u kunt uw toestemming altijd intrekken.",
		},
	}, "no adverse consequences", "keine Nachteile", "geen nadelige gevolgen")
}

func TestSourcesSectionNamesOnlyTheCategoriesFromTheSource(t *testing.T) {
	out := buildActivities(t, "contract", "contract", contractException, `country = "NL"`)
	sectionSays(t, out, "sources", map[string][]string{
		"en/privacy/index.html": {
			"For the following purposes we receive personal data not from you but from another source (Art. 14 GDPR):",
			"Credit check | credit score | Agency B.V. | No",
			"For “Credit check” we collect the other data from you: name, postal address and date of birth.",
		},
		"de/datenschutz/index.html": {
			"Bonitätsprüfung | Bonitätswert | Agency B.V. | nein",
			"Die übrigen Daten zu „Bonitätsprüfung“ erheben wir bei Ihnen selbst: Name, Postanschrift und Geburtsdatum.",
		},
		"nl/privacy/index.html": {
			"Persoonsgegevens: kredietscore",
			"Van u zelf ontvangen wij: naam, postadres en geboortedatum",
		},
	}, "Server logs", "Server-Logs", "Serverlogs")
}

func TestAutomatedDecisionNamesTheExceptionOfArticle22AndTheRightsThatFollow(t *testing.T) {
	contract := buildActivities(t, "contract", "contract", contractException, `country = "NL"`)
	sectionSays(t, contract, "automated", map[string][]string{
		"en/privacy/index.html": {"The decision is necessary for entering into or performing a contract with you (Art. 22(2)(a) GDPR). " +
			"You have the right to obtain human intervention on our part, to express your point of view and to contest the decision (Art. 22(3) GDPR). " +
			"To do so, write to us at privacy@example.nl."},
		"de/datenschutz/index.html": {"Die Entscheidung ist für den Abschluss oder die Erfüllung des Vertrags mit Ihnen erforderlich (Art. 22 Abs. 2 lit. a DSGVO). " +
			"Sie haben das Recht, das Eingreifen einer Person seitens des Verantwortlichen zu erwirken, Ihren Standpunkt darzulegen und die Entscheidung anzufechten (Art. 22 Abs. 3 DSGVO)."},
		"nl/privacy/index.html": {"Het besluit is noodzakelijk om de overeenkomst met u te sluiten of uit te voeren (artikel 22, lid 2, onder a, AVG). " +
			"U heeft het recht op menselijke tussenkomst van onze kant, het recht om uw standpunt kenbaar te maken en het recht om het besluit aan te vechten (artikel 22, lid 3, AVG)."},
	}, "Where such a decision", "Ist eine solche Entscheidung", "Is een dergelijk besluit")

	consent := buildActivities(t, "consent", "no", `automated_exception = "explicit_consent"`, `country = "NL"`)
	sectionSays(t, consent, "automated", map[string][]string{
		"en/privacy/index.html":     {"The decision is based on your explicit consent (Art. 22(2)(c) GDPR). You have the right to obtain human intervention"},
		"de/datenschutz/index.html": {"Die Entscheidung beruht auf Ihrer ausdrücklichen Einwilligung (Art. 22 Abs. 2 lit. c DSGVO). Sie haben das Recht"},
		"nl/privacy/index.html":     {"Het besluit berust op uw uitdrukkelijke toestemming (artikel 22, lid 2, onder c, AVG). U heeft het recht op menselijke tussenkomst"},
	})

	law := buildActivities(t, "legal_obligation", "statutory", `automated_exception = "law"`, `country = "NL"`)
	sectionSays(t, law, "automated", map[string][]string{
		"en/privacy/index.html": {"The decision is authorised by law to which we are subject (Art. 22(2)(b) GDPR). " +
			"That law also lays down suitable measures to safeguard your rights and freedoms and legitimate interests."},
		"de/datenschutz/index.html": {"Die Entscheidung ist aufgrund von Rechtsvorschriften zulässig, denen wir unterliegen (Art. 22 Abs. 2 lit. b DSGVO). " +
			"Diese Rechtsvorschriften enthalten auch angemessene Maßnahmen zur Wahrung Ihrer Rechte und Freiheiten sowie Ihrer berechtigten Interessen."},
		"nl/privacy/index.html": {"Het besluit is toegestaan bij een wettelijke bepaling die op ons van toepassing is (artikel 22, lid 2, onder b, AVG). " +
			"Die bepaling voorziet ook in passende maatregelen ter bescherming van uw rechten en vrijheden en gerechtvaardigde belangen."},
	}, "human intervention", "Eingreifen einer Person", "menselijke tussenkomst")
}

func TestAutomatedDecisionUnderTheUKGDPRAloneCitesArticles22AToD(t *testing.T) {
	uk := buildActivities(t, "contract", "contract", "", "country = \"GB\"\nregister = \"Companies House 12345678\"")
	sectionSays(t, uk, "automated", map[string][]string{
		"en/privacy/index.html":     {"You have the right to be informed of such a decision, to make representations about it, to obtain human intervention on our part and to contest it (Art. 22A to 22D UK GDPR)."},
		"de/datenschutz/index.html": {"Sie haben das Recht, darüber informiert zu werden, dazu Stellung zu nehmen, das Eingreifen einer Person seitens des Verantwortlichen zu erwirken und die Entscheidung anzufechten (Art. 22A bis 22D UK GDPR)."},
		"nl/privacy/index.html":     {"U heeft het recht om over het besluit te worden geïnformeerd, uw standpunt kenbaar te maken, menselijke tussenkomst van onze kant te verkrijgen en het besluit aan te vechten (artikelen 22A tot en met 22D UK GDPR)."},
	}, "Art. 22(2)", "Abs. 2 lit.", "lid 2")
}

func TestAutomatedDecisionOfAUKCompanyTargetingTheEUCitesBothLaws(t *testing.T) {
	both := buildActivities(t, "contract", "contract", contractException, "country = \"GB\"\ntargets_eu = true\nrepresentative_exempt = true")
	sectionSays(t, both, "automated", map[string][]string{
		"en/privacy/index.html": {
			"Under the UK GDPR you have the right to be informed of every such decision",
			"The decision is necessary for entering into or performing a contract with you (Art. 22(2)(a) EU GDPR).",
			"(Art. 22(3) EU GDPR)",
		},
		"de/datenschutz/index.html": {"Nach der UK GDPR haben Sie bei jeder solchen Entscheidung das Recht", "(Art. 22 Abs. 2 lit. a DSGVO)"},
		"nl/privacy/index.html":     {"Onder de UK GDPR heeft u bij elk dergelijk besluit het recht", "(artikel 22, lid 2, onder a, AVG)"},
	})
}

func TestRetentionFromTheEndOfTheCalendarYearCitesArticle17(t *testing.T) {
	out := buildActivities(t, "contract", "contract", contractException, `country = "NL"`)
	sectionSays(t, out, "retention", map[string][]string{
		"en/privacy/index.html": {"10 years after the end of the calendar year in which they were recorded",
			"Where a statutory retention obligation alone requires us to keep data, we do not erase it before that period ends (Art. 17(3)(b) GDPR)."},
		"de/datenschutz/index.html": {"10 Jahre nach Ablauf des Kalenderjahres, in dem sie erfasst wurden",
			"löschen wir sie erst nach deren Ablauf (Art. 17 Abs. 3 lit. b DSGVO)"},
		"nl/privacy/index.html": {"10 jaar na afloop van het kalenderjaar waarin ze zijn vastgelegd",
			"verwijderen wij pas na afloop van de wettelijke bewaartermijn (artikel 17, lid 3, onder b, AVG)."},
	}, "Art. 18", "artikel 18")
}
