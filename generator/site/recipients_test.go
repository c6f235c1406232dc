package site

import (
	"regexp"
	"strings"
	"testing"

	"github.com/policygen/policygen/generator/publish"
)

// recipientsSite is an Irish company whose one recipient, in the EEA, is
// a joint controller; keys are added to that recipient.
const recipientsSite = `-- site.toml --
[site]
base_url  = "https://www.liffey.example/legal/"
languages = ["en", "de", "nl"]

[company]
name    = "Liffey Software Limited"
address = ["1 O'Connell Street", "Dublin 1, D01 A1A1"]
country = "IE"
email   = "privacy@liffey.example"

[[activity]]
id         = "ads"
title      = { en = "Advertising", de = "Werbung", nl = "Advertenties" }
purpose    = { en = "We measure our ads.", de = "Wir messen unsere Anzeigen.", nl = "Wij meten onze advertenties." }
data       = ["ip_address"]
basis      = "consent"
required   = "no"
recipients = ["social"]
retention  = "ads"

[[processor]]
id          = "social"
name        = "Social Ireland Ltd"
role        = "joint_controller"
service     = { en = "Ad pixel", de = "Werbepixel", nl = "Advertentiepixel" }
country     = "IE"
joint_scope = { en = "the collection of data by the Social pixel on our website and their transmission to Social", de = "die Erhebung der Daten über das Social-Pixel auf unserer Website und ihre Übermittlung an Social", nl = "het verzamelen van gegevens met de Social-pixel op onze website en het doorsturen daarvan aan Social" }
KEYS

[[retention]]
id     = "ads"
data   = ["ip_address"]
period = "90d"
after  = "collection"
`

// buildRecipients builds recipientsSite with keys as a draft.
func buildRecipients(t *testing.T, keys string) publish.Output {
	t.Helper()
	s, err := loadDir(t, siteFiles(t, strings.Replace(recipientsSite, "KEYS", keys, 1)), exampleDate)
	if err != nil {
		t.Fatalf("the site does not load:\n%v", err)
	}
	out, err := s.Render(true)
	if err != nil {
		t.Fatalf("the site does not build:\n%v", err)
	}
	return out
}

// assertSection checks that a section of a page has each sentence and
// none of the unwanted ones.
func assertSection(t *testing.T, out publish.Output, page, section string, has, hasNot []string) {
	t.Helper()
	text, ok := sectionText(out, page, section)
	if !ok {
		t.Errorf("%s has no section %q", page, section)
		return
	}
	for _, s := range has {
		if !strings.Contains(text, s) {
			t.Errorf("%s, %s: want %q in:\n%s", page, section, s, text)
		}
	}
	for _, s := range hasNot {
		if strings.Contains(text, s) {
			t.Errorf("%s, %s: do not want %q in:\n%s", page, section, s, text)
		}
	}
}

// TestAJointControllerIsNamedForWhatIsJointlyControlled: the recipients
// section names the scope of joint control, not the whole service, then
// the duties, links the published essence of the arrangement, and keeps
// the rights against each controller (Art. 26(3)), in every language.
func TestAJointControllerIsNamedForWhatIsJointlyControlled(t *testing.T) {
	out := buildRecipients(t, `joint_duties = { en = "We obtain your consent; Social answers your requests.", de = "Wir holen Ihre Einwilligung ein; Social beantwortet Ihre Anfragen.", nl = "Wij vragen uw toestemming; Social beantwoordt uw verzoeken." }
arrangement_url = "https://social.example/joint-controller-addendum"`)
	assertSection(t, out, "en/privacy/index.html", "recipients", []string{
		"We and Social Ireland Ltd are joint controllers (Art. 26 GDPR) for the collection of data by the Social pixel on our website and their transmission to Social. For any further processing of the data, Social Ireland Ltd alone is responsible.",
		"We have entered into an arrangement with Social Ireland Ltd that sets out which of us fulfils which obligations under the GDPR (Art. 26(1) GDPR), in particular for your rights and for informing you. We obtain your consent; Social answers your requests.",
		"The essence of the arrangement is published at https://social.example/joint-controller-addendum (Art. 26(2) GDPR).",
		"Whatever the arrangement says, you can exercise your rights under the GDPR against us and against Social Ireland Ltd (Art. 26(3) GDPR).",
		"We also disclose personal data to public authorities, such as courts, law enforcement or tax authorities, where the law obliges us to do so (Art. 6(1)(c) GDPR).",
	}, []string{"from us at privacy@liffey.example", "Ad pixel”"})
	assertSection(t, out, "de/datenschutz/index.html", "recipients", []string{
		"Für die Erhebung der Daten über das Social-Pixel auf unserer Website und ihre Übermittlung an Social sind wir mit dem Empfänger Social Ireland Ltd gemeinsam verantwortlich (Art. 26 DSGVO). Für die weitere Verarbeitung der Daten ist dieser Empfänger allein verantwortlich.",
		"(Art. 26 Abs. 1 DSGVO). Wir holen Ihre Einwilligung ein; Social beantwortet Ihre Anfragen.",
		"Das Wesentliche der Vereinbarung finden Sie unter https://social.example/joint-controller-addendum (Art. 26 Abs. 2 DSGVO).",
		"Unabhängig von der Vereinbarung können Sie Ihre Rechte nach der DSGVO sowohl bei uns als auch bei diesem Empfänger geltend machen (Art. 26 Abs. 3 DSGVO).",
		"Darüber hinaus geben wir personenbezogene Daten an Behörden und Gerichte weiter, etwa an Strafverfolgungs- oder Finanzbehörden, soweit wir gesetzlich dazu verpflichtet sind (Art. 6 Abs. 1 lit. c DSGVO).",
	}, []string{"auf Anfrage"})
	assertSection(t, out, "nl/privacy/index.html", "recipients", []string{
		"Wij zijn samen met Social Ireland Ltd verantwoordelijk voor het verzamelen van gegevens met de Social-pixel op onze website en het doorsturen daarvan aan Social (gezamenlijke verwerkingsverantwoordelijken, artikel 26 AVG). Voor de verdere verwerking van de gegevens is Social Ireland Ltd zelf verantwoordelijk.",
		"(artikel 26, lid 1, AVG). Wij vragen uw toestemming; Social beantwoordt uw verzoeken.",
		"De wezenlijke inhoud van de regeling vindt u op https://social.example/joint-controller-addendum (artikel 26, lid 2, AVG).",
		"Ongeacht wat daarin is afgesproken, kunt u uw rechten uit de AVG zowel tegenover ons als tegenover Social Ireland Ltd uitoefenen (artikel 26, lid 3, AVG).",
		"Wij verstrekken persoonsgegevens aan de volgende ontvangers, voor zover dat nodig is",
		"Daarnaast verstrekken wij persoonsgegevens aan overheidsinstanties, zoals politie, justitie of de belastingautoriteiten, als wij daartoe wettelijk verplicht zijn (artikel 6, lid 1, onder c, AVG).",
	}, []string{"alleen aan de volgende ontvangers", "opvragen"})
}

// TestWithoutAnArrangementURLTheEssenceIsOfferedOnRequest: no link, no
// duties; the essence is available from the company's address.
func TestWithoutAnArrangementURLTheEssenceIsOfferedOnRequest(t *testing.T) {
	out := buildRecipients(t, "")
	assertSection(t, out, "en/privacy/index.html", "recipients", []string{
		"in particular for your rights and for informing you. You can obtain the essence of the arrangement from us at privacy@liffey.example (Art. 26(2) GDPR). Whatever the arrangement says",
	}, []string{"published at"})
	assertSection(t, out, "de/datenschutz/index.html", "recipients", []string{
		"Das Wesentliche der Vereinbarung stellen wir Ihnen auf Anfrage unter privacy@liffey.example zur Verfügung (Art. 26 Abs. 2 DSGVO).",
	}, nil)
	assertSection(t, out, "nl/privacy/index.html", "recipients", []string{
		"De wezenlijke inhoud van de regeling kunt u bij ons opvragen via privacy@liffey.example (artikel 26, lid 2, AVG).",
	}, nil)
}

// TestOnwardTransfersOfARecipientInTheEEAMakeTheTransfersSectionAppear:
// with all its recipients in the EEA, a site has no transfers section,
// until one of them passes data on to the United States.
func TestOnwardTransfersOfARecipientInTheEEAMakeTheTransfersSectionAppear(t *testing.T) {
	if _, ok := sectionText(buildRecipients(t, ""), "en/privacy/index.html", "transfers"); ok {
		t.Fatal("a site whose recipients are all in the EEA has a transfers section")
	}
	out := buildRecipients(t, `onward = [{ name = "Social Inc.", country = "US", transfer = "dpf" }, { country = "IN", transfer = "scc" }]`)
	assertSection(t, out, "en/privacy/index.html", "transfers", []string{
		"We do not send personal data directly to recipients outside the European Economic Area (EEA). Our recipients may, however, have personal data processed by their affiliates or sub-processors in third countries; where they process the data on our behalf, we remain responsible for these transfers under Chapter V GDPR. The table shows to whom our recipients pass data on in third countries (onward transfers) and on what basis:",
		"Recipient | Passes data on to | Country | Basis for the transfer",
		"Social Ireland Ltd | Social Inc. | United States | adequacy decision for the EU-US Data Privacy Framework (Art. 45 GDPR); the receiving company is certified under it",
		"Social Ireland Ltd | affiliates or sub-processors | India | standard contractual clauses adopted by the European Commission (Art. 46(2)(c) GDPR)",
		"Further information on onward transfers is available from us at privacy@liffey.example.",
	}, []string{"Some recipients are located outside"})
	assertSection(t, out, "de/datenschutz/index.html", "transfers", []string{
		"Wir übermitteln personenbezogene Daten nicht unmittelbar an Empfänger in Drittländern außerhalb des Europäischen Wirtschaftsraums (EWR). Unsere Empfänger können Daten jedoch durch verbundene Unternehmen oder Unterauftragsverarbeiter in Drittländern verarbeiten lassen; soweit das in unserem Auftrag geschieht, bleiben wir für diese Übermittlungen nach Kapitel V DSGVO verantwortlich. Die folgende Übersicht zeigt, an wen unsere Empfänger Daten in Drittländer weitergeben (Weiterübermittlung) und auf welcher Grundlage:",
		"Social Ireland Ltd | Social Inc. | Vereinigte Staaten | Angemessenheitsbeschluss zum Datenschutzrahmen EU-USA (Art. 45 DSGVO); das empfangende Unternehmen ist nach dem EU-U.S. Data Privacy Framework zertifiziert",
		"Social Ireland Ltd | verbundene Unternehmen oder Unterauftragsverarbeiter | Indien | Standarddatenschutzklauseln der Europäischen Kommission (Art. 46 Abs. 2 lit. c DSGVO)",
	}, []string{"Standardvertragsklauseln"})
	assertSection(t, out, "nl/privacy/index.html", "transfers", []string{
		"Wij geven uw persoonsgegevens niet rechtstreeks door aan ontvangers buiten de Europese Economische Ruimte (EER). Onze ontvangers kunnen gegevens wel laten verwerken door gelieerde ondernemingen of subverwerkers in derde landen; gebeurt dat in onze opdracht, dan blijven wij voor die doorgiften verantwoordelijk op grond van hoofdstuk V van de AVG. In de tabel ziet u aan wie onze ontvangers gegevens in derde landen doorgeven (verdere doorgifte) en waarop dat berust:",
		"Social Ireland Ltd | Social Inc. | Verenigde Staten | adequaatheidsbesluit van de Europese Commissie voor het EU-VS-kader voor gegevensbescherming (EU-US Data Privacy Framework)",
		"Social Ireland Ltd | gelieerde ondernemingen of subverwerkers | India | door de Europese Commissie vastgestelde standaardcontractbepalingen",
	}, []string{"gegevensprivacykader"})
}

// TestARegistryAbroadRestsOnTheContractWithThePerson: a domain registry
// in a third country that keeps the holder's data (as the registry of .au
// does) receives them because the person asked for the name, and the
// transfers table names the derogation of Art. 49(1)(b) in every language.
func TestARegistryAbroadRestsOnTheContractWithThePerson(t *testing.T) {
	site := strings.NewReplacer(
		`role        = "joint_controller"`, `role        = "controller"`,
		`service     = { en = "Ad pixel", de = "Werbepixel", nl = "Advertentiepixel" }`, `service     = { en = "Registry of .au domain names", de = "Vergabestelle für .au-Domainnamen", nl = "Register van .au-domeinnamen" }`,
		`name        = "Social Ireland Ltd"`, `name        = "Australian Registry Ltd"`,
		`country     = "IE"`, `country     = "AU"`,
	).Replace(recipientsSite)
	site = regexp.MustCompile(`(?m)^joint_scope.*\n`).ReplaceAllString(site, "")
	site = strings.Replace(site, "KEYS", `transfer    = "contract"`, 1)
	s, err := loadDir(t, siteFiles(t, site), exampleDate)
	if err != nil {
		t.Fatalf("the site does not load:\n%v", err)
	}
	out, err := s.Render(true)
	if err != nil {
		t.Fatal(err)
	}
	assertSection(t, out, "en/privacy/index.html", "transfers", []string{"Australian Registry Ltd | Australia | necessary for the performance of our contract with you (Art. 49(1)(b) GDPR)"}, nil)
	assertSection(t, out, "de/datenschutz/index.html", "transfers", []string{"Australian Registry Ltd | Australien | für die Erfüllung des Vertrags mit Ihnen erforderlich (Art. 49 Abs. 1 lit. b DSGVO)"}, nil)
	assertSection(t, out, "nl/privacy/index.html", "transfers", []string{"Australian Registry Ltd | Australië | noodzakelijk voor de uitvoering van de overeenkomst met u (artikel 49, lid 1, onder b, AVG)"}, nil)
}

// TestAUKControllersOnwardTransfersGiveTheUKTool: under the UK GDPR alone
// the onward table gives the UK safeguard.
func TestAUKControllersOnwardTransfersGiveTheUKTool(t *testing.T) {
	site := strings.NewReplacer(`country = "IE"
email`, `country = "GB"
email`, `languages = ["en", "de", "nl"]`, `languages = ["en"]`).Replace(recipientsSite)
	site = strings.Replace(site, "KEYS", `onward = [{ name = "Social Inc.", country = "US", uk_transfer = "uk_dpf" }]`, 1)
	for _, lang := range []string{"de", "nl"} {
		site = strings.NewReplacer(", "+lang+` = "`, "\x00").Replace(site)
	}
	site = dropLanguages(site)
	s, err := loadDir(t, siteFiles(t, site), exampleDate)
	if err != nil {
		t.Fatalf("the site does not load:\n%v", err)
	}
	out, err := s.Render(true)
	if err != nil {
		t.Fatal(err)
	}
	assertSection(t, out, "en/privacy/index.html", "transfers", []string{
		"Personal data may also reach other countries when recipients pass them on to other companies there, such as their affiliates or sub-processors (onward transfers).",
		"Social Ireland Ltd | Social Inc. | United States | UK adequacy regulations for the United States (UK Extension to the EU-US Data Privacy Framework); the receiving company participates in the UK Extension",
	}, []string{"Art. 45 GDPR"})
}

// TestOnwardTransfersOfAUKControllerThatTargetsTheEUGiveBothTools: where
// both laws apply, the onward table has a column for each.
func TestOnwardTransfersOfAUKControllerThatTargetsTheEUGiveBothTools(t *testing.T) {
	out := buildSite(t, "uk-eu")
	assertSection(t, out, "en/privacy/index.html", "transfers", []string{
		"Recipient | Passes data on to | Country | Under the UK GDPR | Under the EU GDPR",
		"Dublin Support Ltd | Dublin Support Inc. | United States | UK adequacy regulations for the United States (UK Extension to the EU-US Data Privacy Framework); the receiving company participates in the UK Extension | adequacy decision for the EU-US Data Privacy Framework (Art. 45 EU GDPR); the receiving company is certified under it",
	}, nil)
	assertSection(t, out, "de/datenschutz/index.html", "transfers", []string{
		"Empfänger | Weitergabe an | Land | Nach der UK GDPR | Nach der DSGVO",
		"Dublin Support Ltd | Dublin Support Inc. | Vereinigte Staaten | Angemessenheitsregelungen des Vereinigten Königreichs für die USA",
	}, nil)
	assertSection(t, out, "nl/privacy/index.html", "transfers", []string{
		"Persoonsgegevens kunnen ook in andere landen terechtkomen doordat ontvangers ze doorgeven aan andere bedrijven daar",
		"Dublin Support Ltd | Dublin Support Inc. | Verenigde Staten | Britse adequaatheidsregeling voor de Verenigde Staten",
	}, nil)
}

// dropLanguages removes the texts a replacer marked with NUL: from the
// mark to the closing quote.
func dropLanguages(s string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, 0)
		if i < 0 {
			return b.String() + s
		}
		b.WriteString(s[:i])
		s = s[i+1:]
		s = s[strings.IndexByte(s, '"')+1:]
	}
}

// TestTheDutchTransferOnConsentStatesItsRisks: Art. 49(1)(a) asks that the
// person is told of the risks; the Dutch text says them, as the others do.
func TestTheDutchTransferOnConsentStatesItsRisks(t *testing.T) {
	site := strings.Replace(recipientsSite, `country     = "IE"
joint_scope`, `country     = "IN"
transfer    = "consent"
joint_scope`, 1)
	s, err := loadDir(t, siteFiles(t, strings.Replace(site, "KEYS", "", 1)), exampleDate)
	if err != nil {
		t.Fatalf("the site does not load:\n%v", err)
	}
	out, err := s.Render(true)
	if err != nil {
		t.Fatal(err)
	}
	assertSection(t, out, "nl/privacy/index.html", "transfers", []string{
		"Berust een doorgifte op uw uitdrukkelijke toestemming, dan vragen wij die pas nadat wij u over de mogelijke risico's hebben geïnformeerd. Voor dat land bestaat geen adequaatheidsbesluit en er zijn geen passende waarborgen getroffen.",
		"zonder dat u daartegen effectief kunt opkomen (artikel 49, lid 1, onder a, AVG).",
	}, nil)
}
