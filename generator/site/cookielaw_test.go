package site

import (
	"strings"
	"testing"

	"github.com/policygen/policygen/generator/legal"
)

// trackersForCookieLaw are a strictly necessary and a statistics tracker,
// so that the consent clause lists the categories and the trackers clause
// cites the exemption for what is strictly necessary, with the consent
// activity the statistics tracker needs.
const trackersForCookieLaw = `
[[activity]]
id = "stats"
title = { en = "Statistics", de = "Statistik", nl = "Statistiek" }
purpose = { en = "Counting visits", de = "Zählung der Besuche", nl = "Bezoeken tellen" }
data = ["email"]
basis = "consent"
required = "no"
retention = "contact"
[[tracker]]
name = "session"
provider = "first_party"
category = "necessary"
kind = "cookie"
expiry = "session"
purpose = { en = "Login", de = "Anmeldung", nl = "Inloggen" }

[[tracker]]
name = "_stats"
provider = "first_party"
category = "statistics"
kind = "cookie"
expiry = "1y"
purpose = { en = "Counting", de = "Zählung", nl = "Tellen" }
`

// siteIn is the minimal site with its company in country, and trackers.
func siteIn(country string) string {
	company := "country = \"" + country + "\""
	if country == "DE" {
		company += "\nregion = \"NW\""
	}
	return strings.Replace(minimalSite, `country = "NL"`, company, 1) + trackersForCookieLaw
}

// TestCookiePolicyNamesTheCookieLawOfTheControllersCountry: the consent
// and trackers clauses cite the provision of the country the company is
// established in, in every page language, not one law per language; the
// UK's PECR is not written up as an implementation of the ePrivacy
// Directive, nor as requiring consent for statistics; and a country whose
// provision is not verified gets the national law in general. German and
// Dutch pages of a controller established elsewhere in the EU add that it
// also observes the cookie law of Germany or the Netherlands for users
// there (countries.toml reader_cookie_law); a UK controller's do not.
func TestCookiePolicyNamesTheCookieLawOfTheControllersCountry(t *testing.T) {
	for _, tt := range []struct {
		country string
		pages   map[string][]string
	}{
		{"FR", map[string][]string{
			"de/cookies/index.html": {"in Frankreich umgesetzt durch Art. 82 des französischen Gesetzes Nr. 78-17 vom 6. Januar 1978 (Loi Informatique et Libertés)", "Für Nutzerinnen und Nutzer in Deutschland halten wir zudem § 25 Abs. 1 des Telekommunikation-Digitale-Dienste-Datenschutz-Gesetzes (TDDDG) ein."},
			"en/cookies/index.html": {"We are established in France, where this rule is laid down in Article 82 of Law No. 78-17 of 6 January 1978 (loi Informatique et Libertés).", "! TDDDG"},
			"nl/cookies/index.html": {"Wij zijn gevestigd in Frankrijk; daar staan die regels in artikel 82 van de Franse wet nr. 78-17 van 6 januari 1978 (loi Informatique et Libertés).", "Voor bezoekers in Nederland houden wij ons daarnaast aan artikel 11.7a van de Telecommunicatiewet.", "! TDDDG"},
		}},
		{"DE", map[string][]string{
			"nl/cookies/index.html": {"Wij zijn gevestigd in Duitsland; daar staan die regels in § 25 lid 1 van de Telekommunikation-Digitale-Dienste-Datenschutz-Gesetz (TDDDG, tot mei 2024 TTDSG).",
				"Hiervoor is geen toestemming nodig (§ 25 lid 2 onder 2 TDDDG).", "Voor bezoekers in Nederland houden wij ons daarnaast aan artikel 11.7a van de Telecommunicatiewet.", "! analytische cookies"},
			"en/cookies/index.html": {"section 25(1) of the Telecommunications and Digital Services Data Protection Act (TDDDG, called TTDSG until May 2024)",
				"They do not need your consent (section 25(2) no. 2 TDDDG).", "<li>Statistics: consent needed.</li>"},
			"de/cookies/index.html": {"in Deutschland umgesetzt durch § 25 Abs. 1 des Telekommunikation-Digitale-Dienste-Datenschutz-Gesetzes (TDDDG, bis Mai 2024 TTDSG)",
				"Wir setzen sie deshalb ohne Einwilligung ein (§ 25 Abs. 2 Nr. 2 TDDDG).", "! Für Nutzerinnen und Nutzer in"},
		}},
		{"NL", map[string][]string{
			"nl/cookies/index.html": {"Wij zijn gevestigd in Nederland; daar staan die regels in artikel 11.7a van de Telecommunicatiewet.",
				"kent de Telecommunicatiewet een uitzondering op de toestemmingsplicht", "alleen met uw toestemming; op de genoemde uitzondering doen wij geen beroep.", "! TDDDG", "! Voor bezoekers in"},
			"de/cookies/index.html": {"in den Niederlanden umgesetzt durch Art. 11.7a der niederländischen Telecommunicatiewet (Tw)", "Für Nutzerinnen und Nutzer in Deutschland halten wir zudem § 25 Abs. 1 des Telekommunikation-Digitale-Dienste-Datenschutz-Gesetzes (TDDDG) ein."},
		}},
		{"GB", map[string][]string{
			"en/cookies/index.html": {"We are established in the United Kingdom. Under regulation 6 of the Privacy and Electronic Communications (EC Directive) Regulations 2003 (PECR), we may store",
				"(Schedule A1 to PECR)", "a simple and free means of objecting", "<li>Statistics: we ask for your consent, even where the exception above might apply.</li>",
				"They do not need your consent (paragraph 4 of Schedule A1 to PECR).", "! ePrivacy Directive", "! Statistics: consent needed", "! TDDDG"},
			"de/cookies/index.html": {"im Vereinigten Königreich, wo wir unseren Sitz haben, nach Regulation 6 der Privacy and Electronic Communications (EC Directive) Regulations 2003 (PECR)",
				"! ePrivacy-Richtlinie", "Statistik:</strong> nur mit Ihrer vorherigen Einwilligung (Opt-in); auf die genannte Ausnahme berufen wir uns nicht.", "! TDDDG"},
			"nl/cookies/index.html": {"Wij zijn gevestigd in het Verenigd Koninkrijk. Voor het plaatsen en uitlezen van cookies en vergelijkbare technieken gelden daar de regels van regulation 6 van de Privacy and Electronic Communications (EC Directive) Regulations 2003 (PECR).",
				"! e-privacyrichtlijn", "Statistieken: alleen met uw toestemming; op de genoemde uitzondering doen wij geen beroep.", "! 11.7a"},
		}},
		{"EE", map[string][]string{
			"en/cookies/index.html": {"Under Art. 5(3) of the ePrivacy Directive (Directive 2002/58/EC) and the national law implementing it, we may store", "! We are established", "! TDDDG"},
			"de/cookies/index.html": {"Das folgt aus Art. 5 Abs. 3 der ePrivacy-Richtlinie (Richtlinie 2002/58/EG) und dem nationalen Recht, das ihn umsetzt,", "! TDDDG"},
			"nl/cookies/index.html": {"van de e-privacyrichtlijn (Richtlijn 2002/58/EG) en van de nationale wet waarmee die regels zijn omgezet.", "! 11.7a", "! TDDDG"},
		}},
	} {
		t.Run(tt.country, func(t *testing.T) {
			out := mustBuild(t, siteIn(tt.country), "2026-12-01")
			for page, want := range tt.pages {
				assertFile(t, out, page, want...)
			}
		})
	}
}

// htmlText escapes text as the pages print it: goldmark leaves quotes as
// they are.
var htmlText = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// TestEveryCookieLawReadsInTheConsentClauseOfEveryLanguage builds a site in
// each EEA state and the UK and checks that the consent clause names the
// country's provision, as cookielaw.toml writes it, in every page
// language, or where there is none the national law in general.
func TestEveryCookieLawReadsInTheConsentClauseOfEveryLanguage(t *testing.T) {
	facts, err := legal.Load()
	if err != nil {
		t.Fatal(err)
	}
	fallback := map[string]string{
		"en": "and the national law implementing it",
		"de": "und dem nationalen Recht, das ihn umsetzt",
		"nl": "en van de nationale wet waarmee die regels zijn omgezet",
	}
	pages := map[string]string{"en": "en/cookies/index.html", "de": "de/cookies/index.html", "nl": "nl/cookies/index.html"}
	for _, cc := range strings.Fields("AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO GB") {
		t.Run(cc, func(t *testing.T) {
			out := mustBuild(t, siteIn(cc), "2026-12-01")
			law, known := facts.CookieLaw(cc)
			for lang, page := range pages {
				if !known {
					assertFile(t, out, page, fallback[lang])
					continue
				}
				txt, _ := law.In(lang)
				cite := txt.Where + ", where this rule is laid down in " + txt.Provision
				switch {
				case lang == "de" && cc == "GB":
					cite = txt.Where + ", wo wir unseren Sitz haben, nach " + txt.Provision
				case lang == "de":
					cite = txt.Where + " umgesetzt durch " + txt.Provision
				case lang == "nl" && cc == "GB":
					cite = "gelden daar de regels van " + txt.Provision
				case lang == "nl":
					cite = "Wij zijn gevestigd " + txt.Where + "; daar staan die regels in " + txt.Provision
				case cc == "GB":
					cite = "We are established " + txt.Where + ". Under " + txt.Provision
				}
				if txt.Name != "" {
					cite += " (" + txt.Name
				}
				assertFile(t, out, page, htmlText.Replace(cite), "! "+fallback[lang])
			}
		})
	}
}
