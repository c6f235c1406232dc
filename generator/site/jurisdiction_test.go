package site

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/policygen/policygen/generator/internal/sitetest"
	"github.com/policygen/policygen/generator/legal"
	"github.com/policygen/policygen/generator/publish"
)

// sitesDir holds small sites of controllers under each regime, which a
// user can build too: policygen build -s generator/site/testdata/sites/uk-eu.
const sitesDir = "testdata/sites"

// buildSite builds a site of sitesDir as a draft (they have no versions)
// as of the example's date.
func buildSite(t *testing.T, name string) publish.Output {
	t.Helper()
	s, err := loadDir(t, filepath.Join(sitesDir, name), exampleDate)
	if err != nil {
		t.Fatalf("%s does not load:\n%v", name, err)
	}
	out, err := s.Render(true)
	if err != nil {
		t.Fatalf("%s does not build:\n%v", name, err)
	}
	return out
}

// sectionText returns the text of a page's section (a clause) with the
// cells of a table row joined by " | " and every run of white space one
// space; ok is false when the page has no such section.
func sectionText(out publish.Output, page, id string) (string, bool) {
	doc, err := html.Parse(strings.NewReader(string(out[page])))
	if err != nil {
		return "", false
	}
	var find func(*html.Node) *html.Node
	find = func(n *html.Node) *html.Node {
		if n.Type == html.ElementNode && n.Data == "section" {
			for _, a := range n.Attr {
				if a.Key == "id" && a.Val == id {
					return n
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if f := find(c); f != nil {
				return f
			}
		}
		return nil
	}
	sec := find(doc)
	if sec == nil {
		return "", false
	}
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
			if c.Type == html.ElementNode && (c.Data == "td" || c.Data == "th") && c.NextSibling != nil {
				b.WriteString(" | ")
			}
		}
		if n.Type == html.ElementNode && (n.Data == "p" || n.Data == "tr" || n.Data == "li" || n.Data == "br") {
			b.WriteString("\n")
		}
	}
	walk(sec)
	return strings.Join(strings.Fields(strings.ReplaceAll(b.String(), "\n", " \n ")), " "), true
}

// TestEachRegimeSaysWhichLawApplies reads the sections a regime changes,
// in the pages of the sites in sitesDir: the law named, the transfer tools
// per recipient from the controller's point of view, the representative
// and why it is there, and the complaint route under each law.
func TestEachRegimeSaysWhichLawApplies(t *testing.T) {
	type want struct {
		page, section string
		has, hasNot   []string
	}
	tests := map[string][]want{
		"uk-eu": {
			{"en/privacy/index.html", "controller", []string{
				"We are established in the United Kingdom. Our processing is therefore subject to the UK General Data Protection Regulation (UK GDPR) and the Data Protection Act 2018.",
				"the EU General Data Protection Regulation (EU GDPR) applies to it as well (Art. 3(2) EU GDPR)",
			}, []string{"member state"}},
			{"en/privacy/index.html", "representative", []string{"Art. 27 EU GDPR therefore requires us to designate a representative in the Union", "EU-Rep Services B.V."}, nil},
			{"en/privacy/index.html", "transfers", []string{
				"When you provide personal data to us directly, that is not a transfer under Chapter V EU GDPR.",
				"the European Commission's adequacy decision for the United Kingdom covers that disclosure (Art. 45 EU GDPR)",
				"Recipient | Country | Under the UK GDPR | Under the EU GDPR",
				"London Hosting Ltd | United Kingdom | no transfer (recipient in the United Kingdom) | adequacy decision of the European Commission",
				"Dublin Support Ltd | Ireland | UK adequacy regulations | not a transfer (recipient in the EEA)",
				"Example Payments, Inc. | United States | UK adequacy regulations for the United States (UK Extension to the EU-US Data Privacy Framework); the receiving company participates in the UK Extension | adequacy decision for the EU-US Data Privacy Framework",
				"Bangalore Analytics Pvt Ltd | India | International Data Transfer Addendum to the EU standard contractual clauses (UK Addendum) | standard contractual clauses",
				"You can obtain a copy of the appropriate safeguards for the transfer to Bangalore Analytics Pvt Ltd from us",
			}, []string{"International Data Transfer Agreement"}},
			{"en/privacy/index.html", "complaint", []string{
				"you can complain to us at privacy@thames.example. We will acknowledge your complaint within 30 days",
				"Information Commissioner's Office Wycliffe House Water Lane Wilmslow Cheshire SK9 5AF",
				"As we have no establishment in the EU, none of them is our lead authority",
			}, []string{"EU or EEA member state"}},
			{"de/datenschutz/index.html", "controller", []string{
				"Für unsere Verarbeitung gelten daher die UK General Data Protection Regulation (UK GDPR) und der Data Protection Act 2018.",
				"Verantwortlicher im Sinne der UK GDPR und der DSGVO ist:",
			}, []string{"Mitgliedstaat"}},
			{"de/datenschutz/index.html", "transfers", []string{
				"Dublin Support Ltd | Irland | Angemessenheitsregelungen des Vereinigten Königreichs (UK adequacy regulations) | keine Übermittlung in ein Drittland (Empfänger im EWR)",
				"London Hosting Ltd | Vereinigtes Königreich | keine Übermittlung (Empfänger im Vereinigten Königreich) | Angemessenheitsbeschluss der Europäischen Kommission (Art. 45 DSGVO)",
			}, nil},
			{"de/datenschutz/index.html", "complaint", []string{"Wycliffe House", "ist keine von ihnen federführend für uns zuständig"}, nil},
			{"nl/privacy/index.html", "complaint", []string{"Wycliffe House", "In Nederland is dat de Autoriteit Persoonsgegevens."}, nil},
		},
		"uk": {
			{"en/privacy/index.html", "controller", []string{"subject to the UK General Data Protection Regulation (UK GDPR) and the Data Protection Act 2018. This policy gives the information they require."}, []string{"EU GDPR", "Art. 3(2)"}},
			{"en/privacy/index.html", "processing", []string{"(Art. 6(1)(b) UK GDPR)"}, []string{"(Art. 6(1)(b) GDPR)"}},
			{"en/privacy/index.html", "rights", []string{"Right of access (Art. 15 UK GDPR)"}, nil},
			{"en/privacy/index.html", "transfers", []string{
				"Recipient | Country | Basis for the transfer",
				"Dublin Support Ltd | Ireland | UK adequacy regulations",
			}, []string{"EU GDPR", "London Hosting Ltd", "adequacy decision"}},
			{"en/privacy/index.html", "complaint", []string{"Wycliffe House"}, []string{"Art. 77", "EU"}},
			{"de/datenschutz/index.html", "processing", []string{"(Art. 6 Abs. 1 lit. b UK GDPR)"}, []string{"DSGVO"}},
			{"nl/privacy/index.html", "complaint", []string{"Wycliffe House"}, []string{"Autoriteit Persoonsgegevens", "AVG"}},
		},
		"us-rep": {
			{"en/privacy/index.html", "controller", []string{"We are established outside the European Economic Area (EEA), in a third country (United States).", "(Art. 3(2) GDPR)"}, nil},
			{"en/privacy/index.html", "representative", []string{"Art. 27 GDPR therefore requires us", "Rep Europe GmbH"}, nil},
			{"en/privacy/index.html", "transfers", []string{"in a third country (United States), and process your personal data there", "Example Cloud, Inc. | United States | standard contractual clauses"}, []string{"Nordic Mail AB"}},
			{"en/privacy/index.html", "complaint", []string{"As we have no establishment in the EU, no supervisory authority is our lead authority: you may turn to any supervisory authority in the EU"}, nil},
			{"de/datenschutz/index.html", "complaint", []string{"Da wir keine Niederlassung in der EU haben, ist keine Aufsichtsbehörde federführend für uns zuständig."}, nil},
			{"nl/privacy/index.html", "complaint", []string{"In Nederland is dat de Autoriteit Persoonsgegevens."}, nil},
		},
		"is": {
			{"en/privacy/index.html", "controller", []string{"We are established in Iceland, a state of the European Economic Area (EEA) outside the European Union. The General Data Protection Regulation (GDPR) applies there through the Agreement on the European Economic Area."}, nil},
			{"en/privacy/index.html", "complaint", []string{"Persónuvernd", "in particular one in the EU Member State or EEA state where you habitually reside"}, nil},
			{"de/datenschutz/index.html", "controller", []string{"Wir haben unseren Sitz in Island, einem Staat des Europäischen Wirtschaftsraums (EWR), der nicht Mitglied der Europäischen Union ist."}, nil},
			{"de/datenschutz/index.html", "complaint", []string{"insbesondere an eine Aufsichtsbehörde in dem EU-Mitgliedstaat oder EWR-Staat Ihres gewöhnlichen Aufenthalts"}, nil},
			{"nl/privacy/index.html", "complaint", []string{"van de EU-lidstaat of het EER-land waar u gewoonlijk verblijft", "In Nederland is dat de Autoriteit Persoonsgegevens."}, nil},
		},
		"nl-hosting": {
			{"en/privacy/index.html", "processing", []string{"The registry of .com and .net (VeriSign) receives from our supplier only the domain name and technical details such as the name servers, and no personal data about you."}, nil},
			{"en/privacy/index.html", "transfers", nil, []string{"VeriSign", "Art. 49"}},
			{"nl/privacy/index.html", "processing", []string{"Het register van .com en .net (VeriSign) ontvangt van onze leverancier alleen de domeinnaam en technische gegevens zoals de nameservers, geen gegevens over u."}, nil},
			{"nl/privacy/index.html", "transfers", nil, []string{"VeriSign", "artikel 49"}},
			{"de/datenschutz/index.html", "processing", []string{"Die Vergabestelle für .com und .net (VeriSign) erhält von unserem Dienstleister nur den Domainnamen und technische Angaben wie die Nameserver, aber keine Daten über Sie."}, nil},
			{"de/datenschutz/index.html", "transfers", nil, []string{"VeriSign", "Art. 49"}},
			{"en/privacy/index.html", "processing", []string{
				"our server sends only that address, without your name, to Google Maps Platform",
				"The report contains the error message with the page and time, browser and device information and your IP address in shortened form, but not your name or email address.",
			}, []string{"report with your IP address and email address"}},
			{"en/privacy/index.html", "recipients", []string{"Google Ireland Limited (Google Maps Platform) | independent controller | Address checks"}, nil},
			{"en/privacy/index.html", "obligation", []string{"Address check | required to conclude or perform the contract | Without your address we cannot conclude a contract with you (see “Customer account”). You can object to the check itself (see “Your right to object”); we will then not check your address."}, []string{"you remain responsible"}},
			{"nl/privacy/index.html", "recipients", []string{"Google Ireland Limited (Google Maps Platform) | zelfstandige verwerkingsverantwoordelijke | Controle van adressen"}, nil},
			{"nl/privacy/index.html", "obligation", []string{"Tegen de controle zelf kunt u bezwaar maken (zie ‘Recht van bezwaar’); wij controleren uw adres dan niet."}, nil},
			{"de/datenschutz/index.html", "recipients", []string{"Google Ireland Limited (Google Maps Platform) | eigenständiger Verantwortlicher | Adressprüfung"}, nil},
			{"en/cookies/index.html", "trackers", []string{
				"_ga | Google Ireland Limited (Google Analytics) | First party | Distinguishes visitors for Google Analytics. | 2 years",
				"_ga_<container-id> | Google Ireland Limited (Google Analytics) | First party | Keeps track of the session of a visit for Google Analytics. | 2 years",
			}, nil},
			{"de/datenschutz/index.html", "obligation", []string{"Der Prüfung selbst können Sie widersprechen (siehe „Ihr Widerspruchsrecht“); wir prüfen Ihre Anschrift dann nicht."}, nil},
		},
		"dk-consent": {
			{"en/privacy/index.html", "processing", []string{
				"Legitimate interest pursued: collecting payment for the subscription under our contract with your company",
				"Categories of personal data: IP address, browser and device information, and usage data (pages visited, times)",
			}, []string{"Art. 6(1)(b)"}},
			{"en/privacy/index.html", "transfers", []string{"Stripe Payments Europe, Limited | Stripe, Inc. | United States | adequacy decision for the EU-US Data Privacy Framework (Art. 45 GDPR)"}, nil},
			{"en/privacy/index.html", "objection", []string{"Customer account", "Card payments"}, nil},
			{"en/privacy/index.html", "obligation", []string{
				"Customer account | required to conclude or perform the contract | Without a contact person's details we cannot open or run your company's account.",
				"Card payments | required to conclude or perform the contract | Without these details we cannot take payment by card for your company's subscription.",
			}, []string{"Customer account | not required"}},
			{"de/datenschutz/index.html", "processing", []string{"Unser berechtigtes Interesse: die Einziehung der Zahlung für das Abonnement aus dem Vertrag mit Ihrem Unternehmen"}, []string{"lit. b"}},
			{"de/datenschutz/index.html", "obligation", []string{"Kundenkonto | für den Abschluss oder die Durchführung des Vertrags erforderlich | Ohne die Angaben einer Ansprechperson"}, []string{"Kundenkonto | weder"}},
			{"nl/privacy/index.html", "processing", []string{
				"Gerechtvaardigd belang: het innen van de betaling voor het abonnement op grond van onze overeenkomst met uw bedrijf",
				"Persoonsgegevens: IP-adres, browser- en apparaatgegevens en gebruiksgegevens (bezochte pagina's, tijdstippen)",
			}, []string{"onder b, AVG"}},
			{"nl/privacy/index.html", "transfers", []string{"Stripe Payments Europe, Limited | Stripe, Inc. | Verenigde Staten |"}, nil},
		},
		"ie": {
			{"en/privacy/index.html", "transfers", []string{"London Hosting Ltd | United Kingdom | adequacy decision of the European Commission"}, []string{"UK adequacy regulations"}},
			{"en/privacy/index.html", "controller", nil, []string{"established in"}},
		},
	}
	for name, wants := range tests {
		out := buildSite(t, name)
		for _, w := range wants {
			text, ok := sectionText(out, w.page, w.section)
			if !ok {
				t.Errorf("%s %s: no section %q", name, w.page, w.section)
				continue
			}
			for _, s := range w.has {
				if !strings.Contains(text, s) {
					t.Errorf("%s %s #%s does not say %q:\n%s", name, w.page, w.section, s, text)
				}
			}
			for _, s := range w.hasNot {
				if strings.Contains(text, s) {
					t.Errorf("%s %s #%s says %q:\n%s", name, w.page, w.section, s, text)
				}
			}
		}
	}
	for _, name := range []string{"uk"} {
		out := buildSite(t, name)
		if ids := sections(out, "en/privacy/index.html"); strings.Contains(strings.Join(ids, " "), "representative") {
			t.Errorf("%s has a representative section: %v", name, ids)
		}
	}
}

// TestEveryEEAStateNamesItsAuthority builds a site with only
// company.country (and, in Germany, company.region) set for every EEA
// state: each names its built-in authority in the complaint section, in
// every language, without an [authority] table.
func TestEveryEEAStateNamesItsAuthority(t *testing.T) {
	facts, err := legal.Load()
	if err != nil {
		t.Fatal(err)
	}
	minimal := sitetest.Fixture("minimal")
	if !regexp.MustCompile(`(?m)^country = "NL"$`).MatchString(minimal) || strings.Contains(minimal, "[authority]") {
		t.Fatal("test setup: the minimal fixture is a Dutch company without [authority]")
	}
	type place struct{ country, region string }
	var places []place
	for _, c := range facts.EEA() {
		regions := facts.Regions(c)
		if len(regions) == 0 {
			places = append(places, place{c, ""})
		}
		for _, r := range regions {
			places = append(places, place{c, r})
		}
	}
	if len(places) < 30+15 {
		t.Fatalf("%d places; the EEA has 30 states and Germany 16 Länder", len(places))
	}
	for _, p := range places {
		a, ok := facts.Authority(p.country, p.region)
		if !ok {
			t.Errorf("%s %s: no built-in authority", p.country, p.region)
			continue
		}
		country := `country = "` + p.country + `"`
		if p.region != "" {
			country += "\nregion = \"" + p.region + `"`
		}
		dir := t.TempDir()
		src := strings.Replace(minimal, `country = "NL"`, country, 1)
		if err := os.WriteFile(filepath.Join(dir, "site.toml"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := buildDir(t, dir, exampleDate)
		if err != nil {
			t.Errorf("%s %s does not build:\n%v", p.country, p.region, err)
			continue
		}
		for _, page := range []string{"en/privacy/index.html", "de/datenschutz/index.html", "nl/privacy/index.html"} {
			if _, ok := out[page]; !ok {
				continue
			}
			text, _ := sectionText(out, page, "complaint")
			if !strings.Contains(text, strings.Join(strings.Fields(a.Name), " ")) {
				t.Errorf("%s %s %s: the complaint section does not name %q:\n%s", p.country, p.region, page, a.Name, text)
			}
		}
	}
}

// TestUKSitePagesMatchGolden compares the English and German pages of the
// UK company that targets the EU with testdata/golden-uk: the whole text
// of a policy under two laws, reviewed in the diff when it changes (go
// test -update).
func TestUKSitePagesMatchGolden(t *testing.T) {
	out := buildSite(t, "uk-eu")
	golden := filepath.Join("testdata", "golden-uk")
	for _, page := range []string{"en/privacy/index.html", "en/cookies/index.html", "de/datenschutz/index.html", "de/cookies/index.html"} {
		file := filepath.Join(golden, filepath.FromSlash(page))
		if *update {
			if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(file, out[page], 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(file)
		if err != nil {
			t.Errorf("%s: no golden file (run go test -update and review the diff)", page)
			continue
		}
		if string(out[page]) != string(want) {
			t.Errorf("%s differs from its golden file:\n%s", page, firstDifference(string(want), string(out[page])))
		}
	}
}
