package model

import (
	"fmt"
	"testing"
	"time"

	"github.com/policygen/policygen/generator/config"
)

var asOf2026 = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// build builds s in lang with the built-in messages.
func build(t *testing.T, s *config.Site, lang string) *Site {
	t.Helper()
	return Build(s, lang, testFacts(t), testWords(t, lang), asOf2026)
}

func TestEveryAddressEndsWithItsCountryInThePagesLanguage(t *testing.T) {
	s := site()
	s.Company = config.Company{Name: "C", Address: []string{"Jülicher Straße 215", "52070 Aachen"}, Country: "DE", Region: "NW"}
	s.DPO = &config.DPO{Name: "D", Address: []string{"Pontstraße 88", "52062 Aachen"}}
	s.Representative = &config.Contact{Name: "R", Address: []string{"1 Main St", "Dublin 2"}, Country: "IE"}
	for lang, want := range map[string][4]string{
		"en": {"Germany", "Germany", "Ireland", "Germany"},
		"de": {"Deutschland", "Deutschland", "Irland", "Deutschland"},
		"nl": {"Duitsland", "Duitsland", "Ierland", "Duitsland"},
	} {
		m := build(t, s, lang)
		for i, a := range [][]Text{m.Company.Address, m.DPO.Address, m.Representative.Address, m.Authority.Address} {
			if len(a) < 3 || string(a[len(a)-1]) != want[i] {
				t.Errorf("%s: address %d is %q, want it to end with %q", lang, i, a, want[i])
			}
		}
		if got := fmt.Sprint(m.Company.Address[:2]); got != `[Jülicher Straße 215 52070 Aachen]` {
			t.Errorf("%s: the company's own lines are %s", lang, got)
		}
	}
}

func TestAContactOrAuthorityWithItsOwnCountryEndsWithIt(t *testing.T) {
	s := site()
	s.DPO = &config.DPO{Name: "D", Address: []string{"Hauptstraße 1", "10115 Berlin"}, Country: "DE"}
	s.Authority = &config.Authority{Name: "A", URL: "https://a.example", Address: []string{"Rue 1", "1000 Bruxelles"}, Country: "BE"}
	m := build(t, s, "nl")
	if got := m.DPO.Address[2]; got != "Duitsland" || m.DPO.Country != "DE" {
		t.Errorf("DPO's country line %q, country %q", got, m.DPO.Country)
	}
	if got := m.Authority.Address[2]; got != "België" || m.Authority.Gloss != "" {
		t.Errorf("authority's country line %q, gloss %q", got, m.Authority.Gloss)
	}
}

func TestAnAddressWithoutLinesGetsNoCountryLine(t *testing.T) {
	s := site()
	s.DPO = &config.DPO{Name: "D", Email: "d@example.com"}
	if m := build(t, s, "en"); m.DPO.Address != nil || m.DPO.Country != "NL" {
		t.Errorf("DPO without address: %q, country %q", m.DPO.Address, m.DPO.Country)
	}
}

func TestABuiltInAuthorityPrintsItsAddressInThePagesLanguageWhereItHasOne(t *testing.T) {
	s := site()
	s.Company.Country = "BE"
	for lang, want := range map[string]string{"nl": "Drukpersstraat 35", "de": "Rue de la Presse 35", "en": "Rue de la Presse 35"} {
		m := build(t, s, lang)
		if a := m.Authority.Address; len(a) != 3 || a[0] != Text(want) {
			t.Errorf("%s: Belgian authority's address %q, want it to start with %q", lang, a, want)
		}
	}
}

func TestRegisterAndVATLabelsFollowTheCompanysCountry(t *testing.T) {
	for _, tt := range []struct {
		country, lang, register, vat string
	}{
		{"NL", "nl", "KvK-nummer", "Btw-identificatienummer"},
		{"NL", "en", "Chamber of Commerce (KvK) number", "VAT identification number"},
		{"NL", "de", "KvK-Nummer (niederländisches Handelsregister)", "Umsatzsteuer-Identifikationsnummer"},
		{"DE", "de", "Handelsregister", "Umsatzsteuer-Identifikationsnummer"},
		{"DE", "en", "Commercial register", "VAT identification number"},
		{"GB", "en", "Company number", "VAT registration number"},
		{"GB", "de", "Registernummer (Companies House)", "Umsatzsteuer-Registrierungsnummer (VAT Registration Number)"},
		{"GB", "nl", "Inschrijvingsnummer bij Companies House", "Btw-nummer"},
		{"FR", "de", "Registereintrag", "Umsatzsteuer-Identifikationsnummer"},
		{"DK", "en", "CVR number", "VAT identification number"},
		{"DK", "de", "CVR-Nummer (dänisches Unternehmensregister)", "Umsatzsteuer-Identifikationsnummer"},
		{"DK", "nl", "CVR-nummer (Deens handelsregister)", "Btw-identificatienummer"},
		{"NO", "en", "Commercial register", "VAT number"},
		{"US", "en", "Commercial register", "Tax identification number"},
		{"US", "de", "Registereintrag", "Steuernummer"},
		{"US", "nl", "Handelsregister", "Fiscaal nummer"},
	} {
		s := site()
		s.Company.Country = config.Country(tt.country)
		m := build(t, s, tt.lang)
		if m.Company.RegisterLabel != Text(tt.register) || m.Company.VatIDLabel != Text(tt.vat) {
			t.Errorf("%s company on a %s page: %q and %q, want %q and %q", tt.country, tt.lang,
				m.Company.RegisterLabel, m.Company.VatIDLabel, tt.register, tt.vat)
		}
	}
}

func TestAnAuthorityIsGlossedOnPagesInALanguageThatIsNotItsOwn(t *testing.T) {
	for _, tt := range []struct {
		country, region, lang, gloss string
	}{
		{"IS", "", "de", "isländische Datenschutzbehörde"},
		{"IS", "", "en", "Icelandic data protection authority"},
		{"IS", "", "nl", "IJslandse privacytoezichthouder"},
		{"FR", "", "nl", "Franse privacytoezichthouder"},
		{"DE", "NW", "en", "data protection authority of the German state of North Rhine-Westphalia"},
		{"DE", "NW", "de", ""},
		{"NL", "", "nl", ""},
		{"AT", "", "de", ""},
		{"IE", "", "en", ""},
		{"IE", "", "de", "irische Datenschutzbehörde"},
		{"BE", "", "de", "Datenschutzbehörde"}, // official, but the page prints the French name
	} {
		s := site()
		s.Company.Country, s.Company.Region = config.Country(tt.country), tt.region
		if m := build(t, s, tt.lang); m.Authority.Gloss != Text(tt.gloss) {
			t.Errorf("%s%s on a %s page: gloss %q, want %q", tt.country, tt.region, tt.lang, m.Authority.Gloss, tt.gloss)
		}
	}
}
