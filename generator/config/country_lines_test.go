package config

import (
	"slices"
	"strings"
	"testing"
)

// outsideEEASite is validSite for a Swiss company that targets the EU, with
// a representative in Ireland.
func outsideEEASite(representative string) string {
	return strings.NewReplacer(
		`address = ["Voorbeeldstraat 1", "1011 AB Amsterdam"]`, `address = ["Bahnhofstrasse 1", "8001 Zürich"]`,
		`country = "NL"`, "country = \"CH\"\ntargets_eu = true",
		"[[activity]]", representative+"\n[[activity]]",
	).Replace(validSite)
}

func TestALastLineThatNamesTheCountryIsDroppedWithAWarningAtIt(t *testing.T) {
	for _, line := range []string{"Netherlands", "The Netherlands", "the netherlands.", "Nederland", "Niederlande", "NL", "nld", "NEDERLAND"} {
		t.Run(line, func(t *testing.T) {
			src := strings.Replace(validSite, `"1011 AB Amsterdam"]`, `"1011 AB Amsterdam", "`+line+`"]`, 1)
			l, errs := load(t, src)
			if len(errs) > 0 {
				t.Fatalf("errors: %v", errs)
			}
			if want := []string{"Voorbeeldstraat 1", "1011 AB Amsterdam"}; !slices.Equal(l.Site.Company.Address, want) {
				t.Errorf("address %q, want %q", l.Site.Company.Address, want)
			}
			if len(l.Warnings) != 1 {
				t.Fatalf("warnings: %v", l.Warnings)
			}
			w := l.Warnings[0]
			want := `site.toml:7:54: warning: the last line of company.address, "` + line + `", only names the country; it is left out`
			if w.Error() != want || !strings.Contains(w.Hint, "company.country (NL)") {
				t.Errorf("warning\n got: %s (hint %q)\nwant: %s", w, w.Hint, want)
			}
		})
	}
}

func TestACountryNamedInAnOfficialLanguageOrByACodeIsACountryLine(t *testing.T) {
	for _, tt := range []struct {
		line    string
		country Country
	}{{"España", "ES"}, {"Ísland", "IS"}, {"Polska", "PL"}, {"United Kingdom", "GB"}, {"UK", "GB"}, {"Deutschland", "DE"},
		{"Schweiz", "CH"}, {"Suisse", "CH"}, {"Svizzera", "CH"}, {"Belgique", "BE"}, {"Belgien", "BE"}, {"Luxembourg", "LU"}} {
		if !namesCountry(tt.line, tt.country, testFacts(t).Languages(string(tt.country))) {
			t.Errorf("%q does not name %s", tt.line, tt.country)
		}
	}
	for _, tt := range []struct {
		line    string
		country Country
	}{{"Amsterdam", "NL"}, {"Germany", "AT"}, {"1011 AB Amsterdam", "NL"}, {"", "NL"}} {
		if namesCountry(tt.line, tt.country, testFacts(t).Languages(string(tt.country))) {
			t.Errorf("%q names %s", tt.line, tt.country)
		}
	}
}

func TestAOneLineAddressKeepsItsLine(t *testing.T) {
	l, errs := load(t, strings.Replace(validSite, `address = ["Voorbeeldstraat 1", "1011 AB Amsterdam"]`, `address = ["Nederland"]`, 1))
	if len(errs) > 0 || len(l.Warnings) > 0 || len(l.Site.Company.Address) != 1 {
		t.Errorf("errors %v, warnings %v, address %q", errs, l.Warnings, l.Site.Company.Address)
	}
}

func TestALastLineThatNamesAnotherCountryIsKeptWithAWarning(t *testing.T) {
	src := validSite + "\n[dpo]\nname = \"D\"\nemail = \"d@example.com\"\naddress = [\"Hauptstraße 1\", \"10115 Berlin\", \"Germany\"]\n"
	l, errs := load(t, src)
	if len(errs) > 0 || len(l.Warnings) != 1 {
		t.Fatalf("errors %v, warnings %v", errs, l.Warnings)
	}
	if got, want := l.Warnings[0].Error(), `site.toml:37:46: warning: the last line of dpo.address, "Germany", names Germany, but company.country is NL`; got != want {
		t.Errorf("warning\n got: %s\nwant: %s", got, want)
	}
	if len(l.Site.DPO.Address) != 3 {
		t.Errorf("the line was dropped: %q", l.Site.DPO.Address)
	}
}

func TestADPOAndAnAuthorityHaveTheirOwnCountryOrTheCompanys(t *testing.T) {
	src := validSite + `
[dpo]
name = "D"
email = "d@example.com"
address = ["Hauptstraße 1", "10115 Berlin", "Deutschland"]
country = "DE"

[authority]
name = "Autoriteit Persoonsgegevens"
url = "https://autoriteitpersoonsgegevens.nl"
address = ["Postbus 93374", "2509 AJ Den Haag", "Nederland"]
`
	l, errs := load(t, src)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if len(l.Site.DPO.Address) != 2 || len(l.Site.Authority.Address) != 2 || len(l.Warnings) != 2 {
		t.Errorf("DPO %q, authority %q, warnings %v", l.Site.DPO.Address, l.Site.Authority.Address, l.Warnings)
	}
	if !strings.Contains(l.Warnings[0].Hint, "dpo.country (DE)") || !strings.Contains(l.Warnings[1].Hint, "company.country (NL)") {
		t.Errorf("hints: %q, %q", l.Warnings[0].Hint, l.Warnings[1].Hint)
	}
}

func TestARepresentativeWithoutCountryIsAnErrorThatSuggestsOne(t *testing.T) {
	_, errs := load(t, outsideEEASite("[representative]\nname = \"R\"\nemail = \"r@example.com\"\naddress = [\"1 Main St\", \"Dublin 2\", \"Ireland\"]\n"))
	if len(errs) != 1 {
		t.Fatalf("want one error, got %v", errs)
	}
	e := errs[0]
	if got := strings.TrimPrefix(e.Error(), "site.toml:"); !strings.HasPrefix(got, "12:1: representative.country is missing") {
		t.Errorf("error %s", e)
	}
	if !strings.Contains(e.Hint, `add country = "IE" (the address ends with "Ireland")`) {
		t.Errorf("hint %q", e.Hint)
	}
}

func TestARepresentativeOutsideTheEEAIsAnError(t *testing.T) {
	_, errs := load(t, outsideEEASite("[representative]\nname = \"R\"\nemail = \"r@example.com\"\naddress = [\"1 Main St\", \"London\"]\ncountry = \"GB\"\n"))
	if len(errs) != 1 {
		t.Fatalf("want one error, got %v", errs)
	}
	if got := strings.TrimPrefix(errs[0].Error(), "site.toml:"); got != "16:11: the representative is established in GB, which is not in the EU or EEA" || !strings.Contains(errs[0].Hint, "Art. 27(3)") {
		t.Errorf("error %s, hint %q", got, errs[0].Hint)
	}
}

func TestARepresentativeInTheEEALoads(t *testing.T) {
	l, errs := load(t, outsideEEASite("[representative]\nname = \"R\"\nemail = \"r@example.com\"\naddress = [\"Kirkegata 1\", \"0153 Oslo\", \"Norge\"]\ncountry = \"NO\"\n"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if len(l.Site.Representative.Address) != 2 || len(l.Warnings) != 1 {
		t.Errorf("address %q, warnings %v", l.Site.Representative.Address, l.Warnings)
	}
}

func TestAnUnknownContactCountryIsAnErrorAtIt(t *testing.T) {
	_, errs := load(t, validSite+"\n[dpo]\nname = \"D\"\nemail = \"d@example.com\"\ncountry = \"XX\"\n")
	if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), `site.toml:37:11: dpo.country: unknown country code "XX"`) {
		t.Errorf("errors %v", errs)
	}
}

// TestASnapshotLosesItsCountryLinesInACopy: an older model snapshot still
// ends its addresses with the country; the copy a revision renders does
// not, and the snapshot itself is left as released.
func TestASnapshotLosesItsCountryLinesInACopy(t *testing.T) {
	s := &Site{
		Company: Company{Country: "DE", Address: []string{"Jülicher Straße 215", "52070 Aachen", "Germany"}},
		DPO:     &DPO{Address: []string{"Pontstraße 88", "52062 Aachen", "Deutschland"}},
	}
	c := WithoutCountryLines(s, testFacts(t))
	if got := strings.Join(c.Company.Address, "|"); got != "Jülicher Straße 215|52070 Aachen" {
		t.Errorf("company address %q", got)
	}
	if got := strings.Join(c.DPO.Address, "|"); got != "Pontstraße 88|52062 Aachen" {
		t.Errorf("DPO address %q", got)
	}
	if len(s.Company.Address) != 3 || len(s.DPO.Address) != 3 {
		t.Errorf("the snapshot was changed: %q, %q", s.Company.Address, s.DPO.Address)
	}
}
