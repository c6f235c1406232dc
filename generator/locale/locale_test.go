package locale

import (
	"testing"
	"testing/fstest"
	"time"

	"github.com/policygen/policygen"
	"github.com/policygen/policygen/generator/assets"
	"github.com/policygen/policygen/generator/config"
)

func builtin(t *testing.T) *Catalog {
	t.Helper()
	c, err := Load(assets.New(nil, "", policygen.Defaults), []string{"en", "de", "nl"})
	if err != nil {
		t.Fatalf("built-in locales: %v", err)
	}
	return c
}

func TestDatesInEachLanguage(t *testing.T) {
	c := builtin(t)
	d := time.Date(2018, 5, 24, 0, 0, 0, 0, time.UTC)
	for lang, want := range map[string]string{"en": "24 May 2018", "de": "24. Mai 2018", "nl": "24 mei 2018"} {
		if got := c.Lang(lang).Date(d); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
}

func TestRetentionPhrasesWithPlurals(t *testing.T) {
	c := builtin(t)
	tests := []struct {
		lang, period string
		after        config.Trigger
		want         string
	}{
		{"en", "7y", "fiscal_year_end", "7 years after the end of the financial year"},
		{"de", "7y", "fiscal_year_end", "7 Jahre nach Ende des Geschäftsjahres"},
		{"nl", "7y", "fiscal_year_end", "7 jaar na afloop van het boekjaar"},
		{"en", "1y", "fiscal_year_end", "1 year after the end of the financial year"},
		{"de", "1y", "fiscal_year_end", "1 Jahr nach Ende des Geschäftsjahres"},
		{"nl", "6m", "fiscal_year_end", "6 maanden na afloop van het boekjaar"},
		{"en", "until_withdrawn", "consent_withdrawal", "until consent is withdrawn"},
	}
	for _, tt := range tests {
		d, err := config.ParseDuration(tt.period)
		if err != nil {
			t.Fatal(err)
		}
		got, err := c.Lang(tt.lang).Retention(d, tt.after)
		if err != nil || got != tt.want {
			t.Errorf("%s %s %s: %q, %v; want %q", tt.lang, tt.period, tt.after, got, err, tt.want)
		}
	}
}

func TestDurationsPluralize(t *testing.T) {
	c := builtin(t)
	want := map[string][2]string{ // 1 unit, 2 units
		"en": {"1 day", "2 days"}, "de": {"1 Tag", "2 Tage"}, "nl": {"1 dag", "2 dagen"},
	}
	for lang, w := range want {
		for i, n := range []int{1, 2} {
			got, err := c.Lang(lang).Duration(config.Duration{N: n, Unit: "d"})
			if err != nil || got != w[i] {
				t.Errorf("%s %dd: %q, %v; want %q", lang, n, got, err, w[i])
			}
		}
	}
}

func TestListsCitationsAndCountries(t *testing.T) {
	c := builtin(t)
	tests := map[string][4]string{
		"en": {"A, B and C", "Art. 6(1)(b) GDPR", "United States", "Art. 6(1)(b) UK GDPR"},
		"de": {"A, B und C", "Art. 6 Abs. 1 lit. b DSGVO", "Vereinigte Staaten", "Art. 6 Abs. 1 lit. b UK GDPR"},
		"nl": {"A, B en C", "artikel 6, lid 1, onder b, AVG", "Verenigde Staten", "artikel 6, lid 1, onder b, UK GDPR"},
	}
	for lang, want := range tests {
		l := c.Lang(lang)
		if got := l.List([]string{"A", "B", "C"}); got != want[0] {
			t.Errorf("%s list: %q", lang, got)
		}
		if got, _ := l.Cite("contract", ""); got != want[1] {
			t.Errorf("%s cite: %q", lang, got)
		}
		if got, _ := l.Cite("contract", "UK GDPR"); got != want[3] {
			t.Errorf("%s cite in the UK GDPR: %q", lang, got)
		}
		if got := l.Country("US"); got != want[2] {
			t.Errorf("%s country: %q", lang, got)
		}
	}
}

// TestListItemsHoldingTheConjunctionAreJoinedSoThatEachItemStaysWhole
// checks that "invoices and billing records" in a list is not run into
// the next item with another "and", and that other lists keep commas.
func TestListItemsHoldingTheConjunctionAreJoinedSoThatEachItemStaysWhole(t *testing.T) {
	c := builtin(t)
	tests := []struct {
		lang  string
		items []string
		want  string
	}{
		{"en", []string{"Name", "Invoices and billing records", "Bank or card details"}, "Name, Invoices and billing records, and Bank or card details"},
		{"en", []string{"Invoices and billing records", "Bank or card details"}, "Invoices and billing records, and Bank or card details"},
		{"en", []string{"Name", "Standard data", "Brand"}, "Name, Standard data and Brand"},
		{"de", []string{"Kundenkonto", "Domainnamen und SSL-Zertifikate", "Rechnungen"}, "Kundenkonto, Domainnamen und SSL-Zertifikate sowie Rechnungen"},
		{"de", []string{"Kundenkonto", "Hunde", "Rechnungen"}, "Kundenkonto, Hunde und Rechnungen"},
		{"nl", []string{"Klantaccount", "Domeinnamen en SSL-certificaten", "Facturen"}, "Klantaccount, Domeinnamen en SSL-certificaten en Facturen"},
		{"nl", []string{"Klantaccount", "Kentekens", "Facturen"}, "Klantaccount, Kentekens en Facturen"},
		{"nl", []string{"Naam en adres"}, "Naam en adres"},
	}
	for _, tt := range tests {
		if got := c.Lang(tt.lang).List(tt.items); got != tt.want {
			t.Errorf("%s %q: %q, want %q", tt.lang, tt.items, got, tt.want)
		}
	}
}

func TestMissingMessageNamesIDAndLanguage(t *testing.T) {
	files := assets.New(fstest.MapFS{
		"locales/en.toml": {Data: []byte("[ui]\ncontents = \"Contents\"\ndraft = \"Draft\"\n")},
		"locales/de.toml": {Data: []byte("[ui]\ncontents = \"Inhalt\"\n")},
	}, "site", fstest.MapFS{})
	_, err := Load(files, []string{"en", "de"})
	want := `site/locales/de.toml: message "ui.draft" is missing in language "de"`
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}

func TestLocaleSyntaxErrorHasPosition(t *testing.T) {
	files := assets.New(fstest.MapFS{"locales/en.toml": {Data: []byte("[ui]\ncontents = \"Contents\n")}}, "site", fstest.MapFS{})
	_, err := Load(files, []string{"en"})
	if err == nil || err.Error()[:len("site/locales/en.toml:2:")] != "site/locales/en.toml:2:" {
		t.Errorf("got %v", err)
	}
}
