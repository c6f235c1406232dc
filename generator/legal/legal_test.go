package legal

import (
	"strings"
	"testing"
)

func facts(t *testing.T) *Facts {
	t.Helper()
	f, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestEEAHasThirtyCountriesAndNotSwitzerlandOrTheUK(t *testing.T) {
	f := facts(t)
	n := 0
	for c := range f.eea {
		if len(c) != 2 {
			t.Errorf("bad code %q", c)
		}
		n++
	}
	if n != 30 {
		t.Errorf("EEA has %d countries, want 30 (EU 27 + IS, LI, NO)", n)
	}
	for _, c := range []string{"CH", "GB", "US"} {
		if f.InEEA(c) {
			t.Errorf("%s is not in the EEA", c)
		}
	}
	if !f.Adequate("CH") || !f.Adequate("GB") || f.Adequate("US") || !f.DPFCountry("US") {
		t.Error("adequacy: CH and GB adequate; US only through the DPF")
	}
}

func TestTheEUIsTheEEAWithoutIcelandLiechtensteinAndNorway(t *testing.T) {
	f := facts(t)
	n := 0
	for c := range f.eea {
		if f.InEU(c) {
			n++
		}
	}
	if n != 27 {
		t.Errorf("the EU has %d member states, want 27", n)
	}
	for _, c := range []string{"IS", "LI", "NO", "GB", "CH"} {
		if f.InEU(c) {
			t.Errorf("%s is not in the EU", c)
		}
	}
	if !f.InEU("DE") || !f.InEU("NL") {
		t.Error("DE and NL are in the EU")
	}
}

func TestTheOfficialLanguagesOfACountryAreThoseOfItsAuthority(t *testing.T) {
	f := facts(t)
	for cc, want := range map[string]string{"BE": "fr nl de", "DE": "de", "IS": "is", "GB": "en", "US": ""} {
		if got := strings.Join(f.Languages(cc), " "); got != want {
			t.Errorf("%s: languages %q, want %q", cc, got, want)
		}
	}
}

func TestEveryGermanStateHasAnAuthority(t *testing.T) {
	f := facts(t)
	states := []string{"BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH"}
	if got := f.Regions("DE"); len(got) != len(states) {
		t.Errorf("DE has %d regions, want 16: %v", len(got), got)
	}
	for _, s := range states {
		a, ok := f.Authority("DE", s)
		if !ok || a.Name == "" || a.URL == "" {
			t.Errorf("no authority for DE-%s", s)
		}
		if l, ok := a.AddressIn("de"); !ok || len(l) < 2 {
			t.Errorf("DE-%s has no postal address: %q", s, l)
		}
	}
	if _, ok := f.Authority("DE", ""); ok {
		t.Error("Germany without a state has no single authority")
	}
	if a, ok := f.Authority("NL", ""); !ok || a.Name != "Autoriteit Persoonsgegevens" {
		t.Errorf("NL authority = %+v", a)
	}
}
