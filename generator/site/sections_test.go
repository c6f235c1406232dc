package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/policygen/policygen/generator/publish"
)

// variant copies the site of sitesDir called name into a new folder,
// replaces in its site.toml each edit's first string (which must occur) by
// its second, and builds it as a draft as of the example's date.
func variant(t *testing.T, name string, edits ...[2]string) publish.Output {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(sitesDir, name, "site.toml"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	for _, e := range edits {
		if !strings.Contains(text, e[0]) {
			t.Fatalf("%s/site.toml has no %q", name, e[0])
		}
		text = strings.Replace(text, e[0], e[1], 1)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "site.toml"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := loadDir(t, dir, exampleDate)
	if err != nil {
		t.Fatalf("%s with the edits does not load:\n%v", name, err)
	}
	out, err := s.Render(true)
	if err != nil {
		t.Fatalf("%s with the edits does not build:\n%v", name, err)
	}
	return out
}

// sectionCase is a case of assertSections: the section of the page holds
// each sentence of has and none of hasNot.
type sectionCase struct {
	page, section string
	has, hasNot   []string
}

func assertSections(t *testing.T, out publish.Output, cases []sectionCase) {
	t.Helper()
	for _, c := range cases {
		sectionSays(t, out, c.section, map[string][]string{c.page: c.has}, c.hasNot...)
	}
}

// TestRightsNameTheFeeExceptionAndTheNotificationOfRecipients checks the
// rights section for Art. 12(5) beside "free of charge" and for Art. 19,
// and that a UK company's still says when the month starts (Art. 12A).
func TestRightsNameTheFeeExceptionAndTheNotificationOfRecipients(t *testing.T) {
	assertSections(t, buildSite(t, "se"), []sectionCase{
		{"en/privacy/index.html", "rights", []string{
			"Exercising your rights is free of charge. Where a request is manifestly unfounded or excessive, in particular because it is repeated, we may charge a reasonable fee or refuse to act on it (Art. 12(5) GDPR).",
			"If we rectify or erase your personal data or restrict its processing, we tell each recipient to whom we have disclosed the data, unless this proves impossible or involves disproportionate effort. On request, we tell you who these recipients are (Art. 19 GDPR).",
		}, []string{"Art. 12A"}},
		{"de/datenschutz/index.html", "rights", []string{
			"Die Ausübung Ihrer Rechte ist für Sie unentgeltlich; nur bei offenkundig unbegründeten oder, insbesondere im Fall häufiger Wiederholung, exzessiven Anträgen können wir ein angemessenes Entgelt verlangen oder uns weigern, aufgrund des Antrags tätig zu werden (Art. 12 Abs. 5 DSGVO).",
			"Berichtigen oder löschen wir Ihre Daten oder schränken wir ihre Verarbeitung ein, teilen wir dies allen Empfängern mit, denen wir die Daten offengelegt haben, es sei denn, dies erweist sich als unmöglich oder ist mit einem unverhältnismäßigen Aufwand verbunden. Auf Ihr Verlangen unterrichten wir Sie über diese Empfänger (Art. 19 DSGVO).",
		}, nil},
		{"nl/privacy/index.html", "rights", []string{
			"Dat is kosteloos. Alleen als een verzoek kennelijk ongegrond of buitensporig is, bijvoorbeeld omdat het steeds wordt herhaald, kunnen wij een redelijke vergoeding vragen of weigeren gevolg te geven aan het verzoek (artikel 12, lid 5, AVG).",
			"Als wij uw gegevens rectificeren of wissen of de verwerking ervan beperken, laten wij dat weten aan iedere ontvanger aan wie wij de gegevens hebben verstrekt, tenzij dat onmogelijk blijkt of onevenredig veel inspanning vergt. Op uw verzoek vertellen wij u wie die ontvangers zijn (artikel 19 AVG).",
		}, nil},
	})
	assertSections(t, buildSite(t, "uk"), []sectionCase{
		{"en/privacy/index.html", "rights", []string{
			"(Art. 12(5) UK GDPR)", "(Art. 19 UK GDPR)",
			"Under the UK GDPR, the period starts when we receive your request or, if later, the information we have asked you for to confirm your identity (Art. 12A UK GDPR).",
		}, nil},
	})
}

// sectionEdits give the Swedish test site every new section: a Dutch seat,
// an activity on consent, [minors], [security], processor_for and
// change_notice.
var sectionEdits = [][2]string{
	{`country  = "SE"`, `country  = "NL"` + "\n" +
		`processor_for = { en = "the shops our customers run on our platform", de = "die Shops, die unsere Kunden auf unserer Plattform betreiben", nl = "de webshops die onze klanten op ons platform draaien" }`},
	{`languages = ["en", "de", "nl"]`, `languages = ["en", "de", "nl"]` + "\n" +
		`change_notice = { en = "We tell our customers of material changes by e-mail a month in advance.", de = "Über wesentliche Änderungen informieren wir unsere Kunden einen Monat im Voraus per E-Mail.", nl = "Over ingrijpende wijzigingen informeren wij onze klanten een maand van tevoren per e-mail." }`},
	{"[[processor]]", `[[activity]]
id         = "newsletter"
title      = { en = "Newsletter", de = "Newsletter", nl = "Nieuwsbrief" }
purpose    = { en = "We send you our newsletter.", de = "Wir senden Ihnen unseren Newsletter.", nl = "Wij sturen u onze nieuwsbrief." }
data       = ["email"]
basis      = "consent"
required   = "no"
retention  = "account"

[minors]
minimum_age = 14
note = { en = "Parents may ask us to erase their child's data.", de = "Eltern können die Löschung der Daten ihres Kindes verlangen.", nl = "Ouders kunnen ons vragen de gegevens van hun kind te wissen." }

[security]
measures = ["backups", "encryption_in_transit", "physical_security"]
note = { en = "We review these measures every year.", de = "Wir überprüfen diese Maßnahmen jährlich.", nl = "Wij evalueren deze maatregelen elk jaar." }
breach_notice = "3d"

[[processor]]`},
}

// TestNewSectionsAppearOnlyWithTheirKeys checks that a site without
// [minors], [security], company.processor_for and site.change_notice has
// none of their sections or sentences.
func TestNewSectionsAppearOnlyWithTheirKeys(t *testing.T) {
	out := buildSite(t, "se")
	for _, page := range []string{"en/privacy/index.html", "de/datenschutz/index.html", "nl/privacy/index.html"} {
		for _, id := range []string{"processor", "security", "minors"} {
			if _, ok := sectionText(out, page, id); ok {
				t.Errorf("%s has a section %q without its table", page, id)
			}
		}
	}
	assertSections(t, out, []sectionCase{
		{"en/privacy/index.html", "changes", nil, []string{"as follows"}},
		{"de/datenschutz/index.html", "changes", nil, []string{"wie folgt"}},
		{"nl/privacy/index.html", "changes", nil, []string{"als volgt"}},
	})
}

// TestNewSectionsSayWhatTheirKeysGive checks the sentences of the
// processor, security, minors and changes sections of a Dutch company
// that sets every new key, in each language.
func TestNewSectionsSayWhatTheirKeysGive(t *testing.T) {
	out := variant(t, "se", sectionEdits...)
	assertSections(t, out, []sectionCase{
		{"en/privacy/index.html", "processor", []string{
			"We also act as a processor for our customers (Art. 28 GDPR). This concerns the shops our customers run on our platform. The customer concerned is the controller of these data; this policy does not cover them.",
			"please contact the customer concerned; we support our customers in answering such requests (Art. 28(3)(e) GDPR).",
		}, nil},
		{"en/privacy/index.html", "security", []string{
			"appropriate to the risk of the processing (Art. 32 GDPR). They include: Encryption of data in transit Physical access control to our premises and servers Regular backups, so that data can be restored after an incident We review these measures every year.",
			"If a personal data breach is likely to result in a high risk to your rights and freedoms, we will tell you without undue delay (Art. 34(1) GDPR). We aim to do so within 3 days of becoming aware of the breach, unless a law enforcement authority asks us to wait so as not to hinder an investigation. We will refrain from notifying you individually only where Art. 34(3) GDPR permits this, for example where the data affected were encrypted so that no unauthorised person can read them. Where notifying each person individually would involve disproportionate effort, we will inform you by a public communication instead (Art. 34(3)(c) GDPR).",
		}, nil},
		{"en/privacy/index.html", "minors", []string{
			"Our website and services are intended for people aged 14 or over. If you are younger, please do not give us any personal data.",
			"the GDPR lets a child give it alone from the age of 16; the law of a Member State may set a lower age, but not below 13. Below the age that applies,",
			"(Art. 8(1) GDPR). Under Dutch law the age is 16 (Art. 5 of the Dutch GDPR Implementation Act, UAVG). Parents may ask us to erase their child's data.",
		}, nil},
		{"en/privacy/index.html", "changes", []string{"Before we process your personal data for a purpose other than the one for which we collected them, we inform you of that purpose and give you any other relevant information (Art. 13(3) and 14(4) GDPR). We tell our customers of material changes by e-mail a month in advance."}, nil},
		{"de/datenschutz/index.html", "processor", []string{
			"verarbeiten wir personenbezogene Daten im Auftrag unserer Kunden als deren Auftragsverarbeiter (Art. 28 DSGVO): die Shops, die unsere Kunden auf unserer Plattform betreiben. Für diese Daten ist der jeweilige Kunde Verantwortlicher; diese Datenschutzerklärung gilt für sie nicht.",
		}, nil},
		{"de/datenschutz/index.html", "security", []string{
			"(Art. 32 DSGVO). Dazu gehören: Verschlüsselung der Datenübertragung Zutrittskontrolle zu unseren Räumen und Servern Regelmäßige Datensicherungen",
			"benachrichtigen wir Sie unverzüglich (Art. 34 Abs. 1 DSGVO). Dies geschieht in der Regel spätestens 3 Tage, nachdem uns die Verletzung bekannt geworden ist, es sei denn, eine Strafverfolgungsbehörde ersucht um Aufschub, um ihre Ermittlungen nicht zu gefährden. Eine Benachrichtigung jeder einzelnen Person entfällt nur in den Fällen des Art. 34 Abs. 3 DSGVO",
		}, nil},
		{"de/datenschutz/index.html", "minors", []string{
			"Unsere Website und unsere Leistungen richten sich an Personen ab 14 Jahren.",
			"(Art. 8 Abs. 1 DSGVO). Nach niederländischem Recht liegt die Grenze bei 16 Jahren (Art. 5 des niederländischen Ausführungsgesetzes zur DSGVO, UAVG).",
		}, nil},
		{"de/datenschutz/index.html", "changes", []string{"informieren wir Sie über diesen Zweck und stellen Ihnen alle weiteren maßgeblichen Informationen zur Verfügung (Art. 13 Abs. 3 und Art. 14 Abs. 4 DSGVO). Über wesentliche Änderungen informieren wir unsere Kunden einen Monat im Voraus per E-Mail."}, nil},
		{"nl/privacy/index.html", "processor", []string{
			"Daarnaast verwerken wij als verwerker in opdracht van onze klanten (artikel 28 AVG) de persoonsgegevens in de webshops die onze klanten op ons platform draaien. Voor die gegevens is de klant in kwestie de verwerkingsverantwoordelijke; deze privacyverklaring is daarop niet van toepassing.",
		}, nil},
		{"nl/privacy/index.html", "security", []string{
			"dan stellen wij u daarvan onverwijld in kennis (artikel 34, lid 1, AVG). Wij streven ernaar dat binnen 3 dagen nadat wij van het datalek op de hoogte zijn gekomen te doen, tenzij een opsporingsinstantie ons vraagt daarmee te wachten om haar onderzoek niet te schaden.",
		}, nil},
		{"nl/privacy/index.html", "minors", []string{
			"Onze website en diensten zijn bedoeld voor personen van 14 jaar en ouder.",
			"(artikel 8, lid 1, AVG). In Nederland ligt de grens op 16 jaar (artikel 5 van de Uitvoeringswet AVG).",
		}, nil},
		{"nl/privacy/index.html", "changes", []string{"informeren wij u over dat doel en verstrekken wij u alle verdere relevante informatie (artikel 13, lid 3, en artikel 14, lid 4, AVG). Over ingrijpende wijzigingen informeren wij onze klanten een maand van tevoren per e-mail."}, nil},
	})
}

// TestMinorsSectionCitesArticle8OnlyWhereTheEUGDPRApplies checks that a
// UK company states its own minimum age and no age of the UK GDPR, which
// policygen has from a secondary source only, and that one targeting the
// EU cites the EU GDPR's Art. 8.
func TestMinorsSectionCitesArticle8OnlyWhereTheEUGDPRApplies(t *testing.T) {
	const minors = "\n[minors]\nminimum_age = 13\n"
	uk := variant(t, "uk", [2]string{"[[activity]]", minors + "\n[[activity]]"})
	assertSections(t, uk, []sectionCase{
		{"en/privacy/index.html", "minors", []string{"Our website and services are intended for people aged 13 or over."}, []string{"Art. 8", "16"}},
		{"de/datenschutz/index.html", "minors", []string{"richten sich an Personen ab 13 Jahren."}, []string{"Art. 8"}},
	})
	ukEU := variant(t, "uk-eu", [2]string{"[[activity]]", minors + "\n[[activity]]"})
	assertSections(t, ukEU, []sectionCase{
		{"en/privacy/index.html", "minors", []string{"(Art. 8(1) EU GDPR)"}, []string{"UAVG"}},
	})
}

// TestGermanPagesNameTheCompanyWithItsArticleAndTheDPOInTheirForm checks
// the German first sentence with and without company.article, and the
// DPO named as "unsere Datenschutzbeauftragte" with form = "f" and in the
// DSGVO's masculine without it, in every clause that names the officer.
func TestGermanPagesNameTheCompanyWithItsArticleAndTheDPOInTheirForm(t *testing.T) {
	const dpo = "\n[dpo]\nname  = \"Dr. Eva Berg\"\nemail = \"dpo@malaren.example\"\n"
	withArticle := variant(t, "se",
		[2]string{`email    = "privacy@malaren.example"`, `email    = "privacy@malaren.example"` + "\narticle  = { de = \"die\" }" + dpo + "form = \"f\"\n"})
	assertSections(t, withArticle, []sectionCase{
		{"de/datenschutz/index.html", "controller", []string{"Mit dieser Datenschutzerklärung informiert die Mälaren Mjukvara AB (im Folgenden „wir“) Sie darüber, wie wir personenbezogene Daten verarbeiten,"}, nil},
		{"de/datenschutz/index.html", "dpo", []string{"können Sie sich jederzeit unmittelbar an unsere Datenschutzbeauftragte wenden (Art. 38 Abs. 4 DSGVO): Dr. Eva Berg"}, []string{"unseren"}},
		{"de/datenschutz/index.html", "rights", []string{"genügt eine formlose Nachricht an privacy@malaren.example oder an unsere Datenschutzbeauftragte unter dpo@malaren.example."}, nil},
		{"de/cookies/index.html", "contact", []string{"Sie können sich auch unmittelbar an unsere Datenschutzbeauftragte wenden: Dr. Eva Berg"}, nil},
		{"en/privacy/index.html", "controller", []string{"This privacy policy explains how Mälaren Mjukvara AB processes"}, []string{"die "}},
	})
	without := variant(t, "se",
		[2]string{`email    = "privacy@malaren.example"`, `email    = "privacy@malaren.example"` + dpo})
	assertSections(t, without, []sectionCase{
		{"de/datenschutz/index.html", "controller", []string{"Mit dieser Datenschutzerklärung informiert Mälaren Mjukvara AB (im Folgenden „wir“) Sie darüber,"}, nil},
		{"de/datenschutz/index.html", "dpo", []string{"unmittelbar an unseren Datenschutzbeauftragten wenden"}, nil},
		{"de/datenschutz/index.html", "rights", []string{"oder an unseren Datenschutzbeauftragten unter dpo@malaren.example."}, nil},
		{"de/cookies/index.html", "contact", []string{"Sie können sich auch unmittelbar an unseren Datenschutzbeauftragten wenden: Dr. Eva Berg"}, nil},
	})
}
