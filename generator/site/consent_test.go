package site

import (
	"strings"
	"testing"
)

// consentKeys are a newsletter on consent with its own way to withdraw,
// both it and a prospects list on legitimate interests for direct
// marketing, and trackers of the company and of a provider: a provider's
// cookie on the site's own domain, its pixel that stores nothing, and
// local storage with a period.
const consentKeys = `
[[activity]]
id = "news"
title = { en = "Newsletter", de = "Newsletter", nl = "Nieuwsbrief" }
purpose = { en = "News", de = "Neuigkeiten", nl = "Nieuws" }
data = ["email"]
basis = "consent"
required = "no"
retention = "contact"
withdraw = { en = "with the link in every newsletter", de = "über den Link in jedem Newsletter", nl = "via de link in elke nieuwsbrief" }
direct_marketing = true

[[activity]]
id = "prospects"
title = { en = "Prospects", de = "Interessenten", nl = "Prospects" }
purpose = { en = "Offers", de = "Angebote", nl = "Aanbiedingen" }
data = ["email"]
basis = "legitimate_interests"
interest = { en = "Direct marketing", de = "Direktwerbung", nl = "Direct marketing" }
required = "no"
retention = "contact"
direct_marketing = true

[[processor]]
id = "ads"
name = "Ads Ltd"
role = "controller"
service = { en = "Ads", de = "Werbung", nl = "Advertenties" }
country = "IE"

[[tracker]]
name = "sid"
provider = "first_party"
category = "necessary"
kind = "cookie"
expiry = "session"
purpose = { en = "Login", de = "Anmeldung", nl = "Inloggen" }

[[tracker]]
name = "_ads"
provider = "ads"
party = "first"
category = "marketing"
kind = "cookie"
expiry = "90d"
purpose = { en = "Ad clicks", de = "Anzeigenklicks", nl = "Advertentieklikken" }

[[tracker]]
name = "_ads_x"
provider = "ads"
category = "marketing"
kind = "cookie"
expiry = "1y"
purpose = { en = "Audiences", de = "Zielgruppen", nl = "Doelgroepen" }

[[tracker]]
name = "Ads Tag"
provider = "ads"
category = "marketing"
kind = "pixel"
expiry = "none"
purpose = { en = "Page views", de = "Seitenaufrufe", nl = "Paginabezoeken" }

[[tracker]]
name = "layout"
provider = "first_party"
category = "necessary"
kind = "local_storage"
expiry = "1y"
purpose = { en = "Layout", de = "Layout", nl = "Indeling" }
`

// consentSite is the minimal site with consentKeys and, unless settings
// is false, the address of its cookie settings.
func consentSite(settings bool) string {
	src := minimalSite + consentKeys
	if settings {
		src = strings.Replace(src, `languages = ["en", "de", "nl"]`, "languages = [\"en\", \"de\", \"nl\"]\nconsent_settings_url = \"https://www.example.nl/#cookies\"", 1)
	}
	return src
}

// pageSays checks that a section of one page holds every string of has
// and none of hasNot (sectionSays for one page).
func pageSays(t *testing.T, out map[string][]byte, page, section string, has, hasNot []string) {
	t.Helper()
	sectionSays(t, out, section, map[string][]string{page: has}, hasNot...)
}

// TestTheObjectionBoxNamesTheBasesInUseAndTheDirectMarketing: the Art. 21
// box names only the basis some activity rests on, lists those activities
// and, apart, the direct-marketing ones with the unconditional right to
// object; without any, it says that no processing rests on lit. e or f,
// and speaks of direct marketing in general.
func TestTheObjectionBoxNamesTheBasesInUseAndTheDirectMarketing(t *testing.T) {
	out := mustBuild(t, consentSite(true), "2026-12-01")
	pageSays(t, out, "en/privacy/index.html", "objection", []string{
		"you have the right to object at any time on these grounds to processing of your personal data based on Art. 6(1)(f) GDPR. This includes profiling based on that provision. We base the following processing on this provision: Prospects Strictly necessary cookies and similar technologies on our website, in so far as they process personal data and we base them on Art. 6(1)(f) GDPR (see our cookie policy) If you object,",
		"Objection to direct marketing: We use your personal data for direct marketing for the following purposes: Newsletter Prospects You can object to this at any time, free of charge and without giving reasons; this includes profiling related to such direct marketing. We will then no longer process your personal data for direct marketing (Art. 21(2) and (3) GDPR).",
	}, []string{"Art. 6(1)(e)", "Where we process personal data for direct marketing", "We currently base no processing"})
	pageSays(t, out, "de/datenschutz/index.html", "objection", []string{
		"die auf Art. 6 Abs. 1 lit. f DSGVO (berechtigte Interessen) beruht; das gilt auch für ein auf diese Bestimmung gestütztes Profiling. Auf diese Rechtsgrundlage stützen wir folgende Verarbeitungen: Interessenten Unbedingt erforderliche Cookies und ähnliche Technologien auf unserer Website, soweit sie personenbezogene Daten verarbeiten und wir sie auf Art. 6 Abs. 1 lit. f DSGVO stützen (siehe unsere Cookie-Hinweise) Nach einem Widerspruch",
		"Widerspruch gegen Direktwerbung: Für Direktwerbung verwenden wir Ihre personenbezogenen Daten bei folgenden Verarbeitungen: Newsletter Interessenten Diesen Verarbeitungen können Sie jederzeit kostenlos und ohne Angabe von Gründen widersprechen;",
		"(Art. 21 Abs. 2 und 3 DSGVO)",
	}, []string{"lit. e", "Derzeit stützen wir keine Verarbeitung"})
	pageSays(t, out, "nl/privacy/index.html", "objection", []string{
		"die berust op een gerechtvaardigd belang (artikel 6, lid 1, onder f, AVG). Dat geldt ook voor profilering op basis van die bepaling.",
		"Bij ons gaat het om de volgende verwerkingen: Prospects Strikt noodzakelijke cookies en vergelijkbare technieken op onze website",
		"Bezwaar tegen direct marketing (artikel 21, leden 2 en 3, AVG): Wij gebruiken uw gegevens voor direct marketing bij: Nieuwsbrief Prospects U kunt daartegen altijd kosteloos bezwaar maken, zonder opgave van redenen.",
	}, []string{"onder e", "Dit recht geldt in het bijzonder", "Informatie over uw recht van bezwaar"})

	none := mustBuild(t, minimalSite, "2026-12-01")
	pageSays(t, none, "en/privacy/index.html", "objection", []string{
		"based on Art. 6(1)(f) GDPR. This includes profiling based on that provision. We currently base no processing on this legal basis.",
		"Objection to direct marketing: Where we use your personal data for direct marketing, you can object to it at any time, free of charge and without giving reasons",
	}, []string{"We base the following processing", "We do not use your personal data for direct marketing"}) // the data cannot say that none is done
	pageSays(t, none, "de/datenschutz/index.html", "objection", []string{"Derzeit stützen wir keine Verarbeitung auf diese Rechtsgrundlage."}, []string{"Auf diese Rechtsgrundlage"})
	pageSays(t, none, "nl/privacy/index.html", "objection", []string{"Op dit moment baseren wij geen verwerking op deze rechtsgrond."}, []string{"Bij ons gaat het om"})

	public := mustBuild(t, strings.Replace(minimalSite, `basis = "contract"`, `basis = "public_task"`, 1), "2026-12-01")
	pageSays(t, public, "en/privacy/index.html", "objection", []string{"based on Art. 6(1)(e) GDPR. This includes profiling based on that provision. We base the following processing on this provision: Contact"}, []string{"6(1)(f)"})
}

// TestConsentIsWithdrawnByTheEasiestWayFirst: the privacy policy lists an
// activity's own way to withdraw and the cookie settings, linked, before
// e-mail, and no longer claims that e-mail is as easy as giving consent;
// the cookie policy links the settings too, with e-mail beside them.
// Without any such way, e-mail is the only one.
func TestConsentIsWithdrawnByTheEasiestWayFirst(t *testing.T) {
	out := mustBuild(t, consentSite(true), "2026-12-01")
	pageSays(t, out, "en/privacy/index.html", "consent", []string{
		"You can withdraw your consent as follows: Newsletter: with the link in every newsletter Consent to cookies and similar technologies (Article 11.7a(1) of the Telecommunications Act, Art. 6(1)(a) GDPR): in the cookie settings on our website (our cookie policy explains them) You can also withdraw any consent by writing to us at info@example.nl.",
	}, []string{"as easy as giving"})
	pageSays(t, out, "de/datenschutz/index.html", "consent", []string{
		"So können Sie Ihre Einwilligung widerrufen: Newsletter: über den Link in jedem Newsletter Einwilligung in Cookies und ähnliche Technologien (Art. 11.7a Abs. 1 Telecommunicatiewet, Art. 6 Abs. 1 lit. a DSGVO): in den Cookie-Einstellungen unserer Website (Einzelheiten in unseren Cookie-Hinweisen) Außerdem genügt jederzeit eine formlose Nachricht an info@example.nl.",
	}, []string{"ebenso einfach"})
	pageSays(t, out, "nl/privacy/index.html", "consent", []string{
		"Zo trekt u uw toestemming in: Nieuwsbrief: via de link in elke nieuwsbrief Toestemming voor cookies en vergelijkbare technieken (artikel 11.7a, lid 1, Telecommunicatiewet en artikel 6, lid 1, onder a, AVG): via de cookie-instellingen op onze website (zie onze cookieverklaring) U kunt uw toestemming ook altijd intrekken door een e-mail te sturen naar info@example.nl.",
	}, []string{"even eenvoudig"})
	pageSays(t, out, "en/cookies/index.html", "withdrawal", []string{
		"You can give, change or withdraw your consent at any time in the cookie settings on our website, in the same way as you gave it. You can also withdraw it by writing to us at info@example.nl.",
	}, []string{"as easy as giving"})
	pageSays(t, out, "de/cookies/index.html", "withdrawal", []string{
		"auf demselben Weg, auf dem Sie sie erteilt haben. Widerrufen können Sie auch mit einer formlosen Nachricht an info@example.nl.",
	}, []string{"ebenso einfach"})
	pageSays(t, out, "nl/cookies/index.html", "withdrawal", []string{
		"vragen wij in een cookiebanner om uw toestemming",
		"via de cookie-instellingen op onze website, op dezelfde manier als u die heeft gegeven. U kunt uw toestemming ook intrekken door een e-mail te sturen naar info@example.nl.",
	}, []string{"cookiemelding", "even eenvoudig"})
	for page, link := range map[string]string{
		"en/privacy/index.html": `<a href="https://www.example.nl/#cookies">cookie settings</a>`, "en/cookies/index.html": `<a href="https://www.example.nl/#cookies">cookie settings</a>`,
		"de/datenschutz/index.html": `<a href="https://www.example.nl/#cookies">Cookie-Einstellungen</a>`, "de/cookies/index.html": `<a href="https://www.example.nl/#cookies">Cookie-Einstellungen</a>`,
		"nl/privacy/index.html": `<a href="https://www.example.nl/#cookies">cookie-instellingen</a>`, "nl/cookies/index.html": `<a href="https://www.example.nl/#cookies">cookie-instellingen</a>`,
	} {
		assertFile(t, out, page, link)
	}
	unlinked := mustBuild(t, consentSite(false), "2026-12-01")
	assertFile(t, unlinked, "en/cookies/index.html", "in the cookie settings on our website", "! #cookies")

	emailOnly := mustBuild(t, strings.Replace(minimalSite, `basis = "contract"
required = "contract"`, `basis = "consent"
required = "no"`, 1), "2026-12-01")
	pageSays(t, emailOnly, "en/privacy/index.html", "consent", []string{"To withdraw your consent, write to us at info@example.nl; a short message is enough."}, []string{"as follows", "cookie settings"})
	pageSays(t, emailOnly, "de/datenschutz/index.html", "consent", []string{"Für den Widerruf genügt eine formlose Nachricht an info@example.nl."}, nil)
	pageSays(t, emailOnly, "nl/privacy/index.html", "consent", []string{"U trekt uw toestemming in door een e-mail te sturen naar info@example.nl."}, nil)
}

// TestTheTrackerTableFollowsPartyAndAPixelStoresNothing: a provider's
// cookie with party = "first" is a first-party one, and the technologies
// clause then says that a provider may set cookies on the site's own
// domain; a pixel with expiry = "none" reads that nothing is stored;
// local storage no longer "has no expiry date" beside its period.
func TestTheTrackerTableFollowsPartyAndAPixelStoresNothing(t *testing.T) {
	out := mustBuild(t, consentSite(true), "2026-12-01")
	pageSays(t, out, "en/cookies/index.html", "trackers", []string{
		"_ads | Ads Ltd | First party | Ad clicks | 90 days | Cookie", "_ads_x | Ads Ltd | Third party | Audiences | 1 year | Cookie",
		"Ads Tag | Ads Ltd | Third party | Page views | no storage of its own on your device | Pixel (web beacon)",
		"sid | Klein B.V. | First party | Login | until the end of the session | Cookie",
	}, nil)
	pageSays(t, out, "de/cookies/index.html", "trackers", []string{
		"_ads | Ads Ltd | unsere Domain (First Party) | Anzeigenklicks | 90 Tage | Cookie", "_ads_x | Ads Ltd | Domain des Anbieters (Third Party)",
		"Ads Tag | Ads Ltd | Domain des Anbieters (Third Party) | Seitenaufrufe | keine eigene Speicherung auf Ihrem Endgerät | Zählpixel (Web Beacon)",
		"sid | Klein B.V. | unsere Domain (First Party) | Anmeldung | bis zum Ende der Sitzung | Cookie",
	}, []string{"| Sitzung |"})
	pageSays(t, out, "nl/cookies/index.html", "trackers", []string{
		"_ads | Ads Ltd | Eigen | Advertentieklikken | 90 dagen | Cookie", "_ads_x | Ads Ltd | Derde partij",
		"Ads Tag | Ads Ltd | Derde partij | Paginabezoeken | slaat zelf niets op uw apparaat op | Pixel (webbeacon)",
		"sid | Klein B.V. | Eigen | Inloggen | tot het einde van de sessie | Cookie",
	}, []string{"| sessie |"})
	pageSays(t, out, "en/cookies/index.html", "technologies", []string{
		"First-party cookies are set by the domain of the website you visit, that is, by our own domain, and can only be read on our website. Third-party cookies are set by another provider's domain. That provider can read them, including when you visit other websites that use its services.",
		"A provider's service embedded in our website can also set first-party cookies on our domain. The provider then receives the information its service collects with them, but cannot read these cookies on other websites.",
		"Unlike a cookie, it has no expiry date of its own: it stays until the website or you delete it. The table below gives the expiry of each entry.",
		"A pixel stores nothing of its own on your device, but when it loads, your browser also sends its provider information from your device",
		"We have listed in this cookie policy every cookie and similar technology that we use on our website.",
	}, []string{"It has no expiry date and stays", "This cookie policy lists every cookie"})
	pageSays(t, out, "de/cookies/index.html", "technologies", []string{
		"Mit diesen Cookie-Hinweisen informiert Klein B.V. (im Folgenden „wir“) Sie darüber",
		"Eigene Cookies (First-Party-Cookies) werden unter der Domain unserer Website gesetzt und lassen sich nur auf unserer Website auslesen. Drittanbieter-Cookies (Third-Party-Cookies) werden unter der Domain eines anderen Unternehmens gesetzt",
		"Auch ein eingebundener Dienst kann Cookies unter der Domain unserer Website setzen; dann handelt es sich um eigene Cookies im Sinne dieser Unterscheidung.",
		"Daten im Local Storage haben anders als Cookies kein eigenes Ablaufdatum: Sie bleiben erhalten, bis die Website oder Sie sie löschen; die Speicherdauer jedes Eintrags steht in der Tabelle unten.",
		"Ein Zählpixel speichert selbst nichts auf Ihrem Endgerät; beim Laden übermittelt Ihr Browser dem Anbieter aber Informationen von Ihrem Endgerät",
	}, []string{"Cookie-Richtlinie"})
	pageSays(t, out, "nl/cookies/index.html", "technologies", []string{
		"Eigen cookies (first-party cookies) worden geplaatst via het domein van onze website en kunnen alleen op onze website worden uitgelezen.",
		"Ook een dienst van een andere partij die in onze website is ingebouwd, kan eigen cookies via ons domein plaatsen.",
		"Anders dan een cookie heeft lokale opslag geen eigen vervaldatum: de gegevens blijven bestaan totdat de website of u ze verwijdert. De looptijd van elk item staat in de tabel hieronder.",
		"Een pixel slaat zelf niets op uw apparaat op, maar bij het laden stuurt uw browser de aanbieder wel informatie van uw apparaat",
		"In deze cookieverklaring vindt u alle cookies en vergelijkbare technieken die op de website van Klein B.V. worden gebruikt.",
	}, nil)
	plain := mustBuild(t, strings.Replace(consentSite(true), "party = \"first\"\n", "", 1), "2026-12-01")
	pageSays(t, plain, "en/cookies/index.html", "trackers", []string{"_ads | Ads Ltd | Third party | Ad clicks"}, nil)
	pageSays(t, plain, "en/cookies/index.html", "technologies", nil, []string{"A provider's service embedded in our website can also set first-party cookies"})
	pageSays(t, plain, "de/cookies/index.html", "technologies", nil, []string{"Auch ein eingebundener Dienst"})
	pageSays(t, plain, "nl/cookies/index.html", "technologies", nil, []string{"Ook een dienst van een andere partij"})
}

// TestTrackerConsentCitesTheCookieLawBesideTheGDPR: the cookie policy gives
// consent to trackers as its basis under the cookie law of the
// controller's country and Art. 6(1)(a), and states as the company's
// commitment what the generator cannot check.
func TestTrackerConsentCitesTheCookieLawBesideTheGDPR(t *testing.T) {
	out := mustBuild(t, siteIn("DE"), "2026-12-01")
	pageSays(t, out, "de/cookies/index.html", "consent", []string{
		"ist Rechtsgrundlage Ihre Einwilligung (§ 25 Abs. 1 TDDDG, Art. 6 Abs. 1 lit. a DSGVO).",
		"oder, soweit die Verarbeitung der Erfüllung eines Vertrags mit Ihnen dient, etwa bei der Anmeldung, auf Art. 6 Abs. 1 lit. b DSGVO.",
		"vorher speichern wir nichts davon auf Ihrem Endgerät und lesen dort nichts aus.",
	}, []string{"wenn sie der Erfüllung eines Vertrags dient"})
	pageSays(t, out, "en/cookies/index.html", "consent", []string{
		"the legal basis for that processing is your consent (section 25(1) TDDDG, Art. 6(1)(a) GDPR).",
		"We do not set anything in these categories before you consent, and we do not tick any box for you in advance.",
		"Where such a technology is needed for a contract with you, such as a login, the legal basis is the performance of that contract (Art. 6(1)(b) GDPR).",
	}, []string{"Nothing in these categories is set before you consent"})
	pageSays(t, out, "nl/cookies/index.html", "consent", []string{
		"op basis van uw toestemming (§ 25 lid 1 TDDDG en artikel 6, lid 1, onder a, AVG)",
		"Voor cookies waarmee uw surfgedrag wordt gevolgd (trackingcookies) is altijd toestemming nodig.",
		"Wij vinken geen vakjes vooraf voor u aan;",
	}, []string{"tracking cookies), vereisen"})
	pageSays(t, mustBuild(t, siteIn("GB"), "2026-12-01"), "en/cookies/index.html", "consent", []string{"your consent (regulation 6 PECR, Art. 6(1)(a) UK GDPR)"}, nil)
	pageSays(t, mustBuild(t, siteIn("FR"), "2026-12-01"), "en/cookies/index.html", "consent", []string{
		"your consent (Article 82 of Law No. 78-17 of 6 January 1978, Art. 6(1)(a) GDPR)"}, nil)
	pageSays(t, mustBuild(t, siteIn("EE"), "2026-12-01"), "en/cookies/index.html", "consent", []string{"your consent (Art. 6(1)(a) GDPR)"}, nil)
}

// TestTheCookiePolicyExplainsOnlyTheCategoriesInUse: a site with strictly
// necessary technologies only (the Danish seed site) says that nothing
// needs consent and lists no consent rules for categories it does not use;
// one with all four (the example) explains each.
func TestTheCookiePolicyExplainsOnlyTheCategoriesInUse(t *testing.T) {
	only := buildSite(t, "dk-consent")
	sectionSays(t, only, "consent", map[string][]string{
		"en/cookies/index.html": {"We currently use no technologies that need your consent."},
		"de/cookies/index.html": {"Einwilligungspflichtige Technologien setzen wir derzeit nicht ein."},
		"nl/cookies/index.html": {"Voor zover wij met onze noodzakelijke cookies en vergelijkbare technieken persoonsgegevens verwerken"},
	}, "Preferences", "Präferenzen", "Voorkeuren", "Marketing", "opt-in", "Opt-in", "trackingcookies")
	statistics := buildSite(t, "uk-eu") // necessary and statistics only
	sectionSays(t, statistics, "consent", map[string][]string{
		"en/cookies/index.html": {"Strictly necessary: no consent needed.", "Statistics: UK law allows these without consent"},
	}, "Preferences:", "Marketing:")
}
