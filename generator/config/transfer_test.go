package config

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// TestTransferToolsFollowTheControllersLaw gives one recipient to
// controllers in the EEA, in the United Kingdom (with and without
// targets_eu) and in the United States, and checks which of transfer and
// uk_transfer each must, may or must not give: the EU GDPR's tools where
// it applies and the recipient is outside the EEA, the UK GDPR's where the
// company is in the UK and the recipient outside it.
func TestTransferToolsFollowTheControllersLaw(t *testing.T) {
	tests := []struct {
		name, company, recipient, keys string
		want                           string // a substring of the only error, or "" for none
	}{
		{"EEA controller, US recipient on the DPF", `country = "NL"`, "US", `transfer = "dpf"`, ""},
		{"EEA controller, US registry on the derogation for a contract with the person", `country = "NL"`, "US", `transfer = "contract"`, ""},
		{"EEA controller, recipient in the EEA gives no derogation", `country = "NL"`, "BE", `transfer = "contract"`, `processor "host" is in the EEA (BE); no transfer safeguard applies`},
		{"EEA controller, an onward transfer cannot rest on a contract with the person", `country = "NL"`, "IE", "onward = [{ country = \"US\", transfer = \"contract\" }]",
			"an onward transfer cannot rest on a contract with the person (Art. 49(1)(b) GDPR)"},
		{"EEA controller gives no UK tool", `country = "NL"`, "US", "transfer = \"dpf\"\nuk_transfer = \"uk_dpf\"",
			"uk_transfer is only for a company in the United Kingdom; this one is in NL"},
		{"UK controller, recipient in the UK: no transfer", `country = "GB"`, "GB", "", ""},
		{"UK controller, recipient in the UK gives no UK tool", `country = "GB"`, "GB", `uk_transfer = "idta"`,
			`processor "host" is in the United Kingdom, like the company: that is no restricted transfer`},
		{"UK controller, recipient in the EEA: UK adequacy regulations", `country = "GB"`, "IE", "", ""},
		{"UK controller, recipient in Korea: UK adequacy regulations", `country = "GB"`, "KR", "", ""},
		{"UK controller, recipient in Brazil needs a UK tool though the EU found Brazil adequate", `country = "GB"`, "BR", "",
			`processor "host" is in BR, which the United Kingdom's adequacy regulations do not cover, and needs a UK transfer safeguard`},
		{"UK controller, US recipient needs a UK tool", `country = "GB"`, "US", "",
			`processor "host" is in US, which the United Kingdom's adequacy regulations do not cover`},
		{"UK controller, US recipient in the UK Extension", `country = "GB"`, "US", `uk_transfer = "uk_dpf"`, ""},
		{"UK controller, UK Extension only in the US", `country = "GB"`, "IN", `uk_transfer = "uk_dpf"`,
			"the UK Extension to the Data Privacy Framework covers only recipients in the United States, not IN"},
		{"UK-only controller gives no EU tool", `country = "GB"`, "US", "uk_transfer = \"idta\"\ntransfer = \"scc\"",
			"transfer names a safeguard of the EU GDPR, which does not apply to a company in the United Kingdom that does not target people in the EU"},
		{"UK controller targeting the EU gives both tools", "country = \"GB\"\ntargets_eu = true\nrepresentative_exempt = true", "US",
			"uk_transfer = \"uk_dpf\"\ntransfer = \"dpf\"", ""},
		{"UK controller targeting the EU needs the EU tool too", "country = \"GB\"\ntargets_eu = true\nrepresentative_exempt = true", "US",
			`uk_transfer = "uk_dpf"`, `processor "host" is in US, outside the EEA without an adequacy decision, and needs a transfer safeguard`},
		{"UK controller targeting the EU, recipient in the UK: the EU's adequacy decision", "country = \"GB\"\ntargets_eu = true\nrepresentative_exempt = true", "GB",
			"", ""},
		{"UK controller targeting the EU, recipient in the EEA gives no EU tool", "country = \"GB\"\ntargets_eu = true\nrepresentative_exempt = true", "IE",
			`transfer = "scc"`, `processor "host" is in the EEA (IE); no transfer safeguard applies`},
		{"US controller, US recipient: a transfer under the EU GDPR", "country = \"US\"\ntargets_eu = true\nrepresentative_exempt = true", "US", "",
			`processor "host" is in US, outside the EEA without an adequacy decision`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(validSite, `country = "NL"`, tt.company, 1)
			src = strings.Replace(src, `country = "DE"`, fmt.Sprintf("country = %q\n%s", tt.recipient, tt.keys), 1)
			_, all := load(t, src)
			var errs []error // the warning of a UK company's Dutch pages aside
			for _, e := range all {
				if !e.Warning {
					errs = append(errs, e)
				}
			}
			switch {
			case tt.want == "" && len(errs) > 0:
				t.Errorf("want no error, got:\n%v", errs)
			case tt.want != "" && (len(errs) != 1 || !strings.Contains(errs[0].Error(), tt.want)):
				t.Errorf("want one error with %q, got %d:\n%v", tt.want, len(errs), errs)
			}
		})
	}
}

// TestAUKCompanyWithPagesInAnEULanguageIsAskedWhetherItTargetsTheEU: a UK
// company without targets_eu whose pages are also in Dutch gets a warning
// at that language, and loads; in English only, or with targets_eu, none.
func TestAUKCompanyWithPagesInAnEULanguageIsAskedWhetherItTargetsTheEU(t *testing.T) {
	for _, tt := range []struct {
		company, languages string
		warn               string
	}{
		{`country = "GB"`, `languages = ["en", "nl"]`, "3:20: warning: the pages are in nl, a language of the EU, but the site does not say that the company targets people in the EU"},
		{`country = "GB"`, `languages = ["en"]`, ""},
		{"country = \"GB\"\ntargets_eu = true\nrepresentative_exempt = true", `languages = ["en", "nl"]`, ""},
		{`country = "NL"`, `languages = ["en", "nl"]`, ""},
	} {
		src := strings.Replace(validSite, `country = "NL"`, tt.company, 1)
		src = strings.Replace(src, `languages = ["en", "nl"]`, tt.languages, 1)
		if tt.languages == `languages = ["en"]` {
			src = regexp.MustCompile(`, nl = "[^"]*"`).ReplaceAllString(src, "")
		}
		l, errs := load(t, src)
		if len(errs) > 0 {
			t.Errorf("%s, %s: errors %v", tt.company, tt.languages, errs)
			continue
		}
		var got []string
		for _, w := range l.Warnings {
			got = append(got, w.Error())
		}
		switch {
		case tt.warn == "" && len(got) > 0:
			t.Errorf("%s, %s: want no warning, got %q", tt.company, tt.languages, got)
		case tt.warn != "" && (len(got) != 1 || !strings.Contains(got[0], tt.warn)):
			t.Errorf("%s, %s: want the warning %q, got %q", tt.company, tt.languages, tt.warn, got)
		}
	}
}
