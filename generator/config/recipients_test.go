package config

import (
	"strings"
	"testing"
)

// recipientSite is validSite with the recipient's lines after country
// replaced: keys of a joint controller or onward transfers.
func recipientSite(company, role, keys string) string {
	src := strings.Replace(validSite, `country = "NL"`, company, 1)
	src = strings.Replace(src, `role = "processor"`, role, 1)
	return strings.Replace(src, `country = "DE"`, "country = \"DE\"\n"+keys, 1)
}

// TestJointControllerKeysAreCheckedAgainstTheRole: a joint controller
// must say what is jointly controlled; joint_scope, joint_duties and
// arrangement_url are errors on any other role, each at its own key.
func TestJointControllerKeysAreCheckedAgainstTheRole(t *testing.T) {
	scope := `joint_scope = { en = "the collection by the pixel", nl = "het verzamelen met de pixel" }`
	tests := []struct {
		name, role, keys string
		want             string // the only error, with its position; "" for none
	}{
		{"joint controller with its scope, duties and arrangement", `role = "joint_controller"`,
			scope + "\njoint_duties = { en = \"We ask for consent.\", nl = \"Wij vragen toestemming.\" }\narrangement_url = \"https://host.example/joint\"", ""},
		{"joint controller without scope", `role = "joint_controller"`, "",
			`site.toml:24:8: joint controller "host" has no joint_scope`},
		{"scope of a processor", `role = "processor"`, scope,
			`site.toml:27:1: joint_scope is only for a joint controller; processor "host" has role processor`},
		{"duties of a controller", `role = "controller"`, `joint_duties = { en = "We ask.", nl = "Wij vragen." }`,
			`site.toml:27:1: joint_duties is only for a joint controller; processor "host" has role controller`},
		{"arrangement of a processor", `role = "processor"`, `arrangement_url = "https://host.example/joint"`,
			`site.toml:27:1: arrangement_url is only for a joint controller; processor "host" has role processor`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs := load(t, recipientSite(`country = "NL"`, tt.role, tt.keys))
			assertOnlyError(t, errs, tt.want)
		})
	}
}

// TestOnwardTransfersAreValidatedLikeTransfers: each onward country is a
// third country other than the recipient's own, listed once, with the
// safeguard the controller's law asks for, and never explicit consent.
func TestOnwardTransfersAreValidatedLikeTransfers(t *testing.T) {
	uk := "country = \"GB\""
	tests := []struct {
		name, company, onward string
		want                  string
	}{
		{"DPF to the US", `country = "NL"`, `{ name = "Host Inc.", country = "US", transfer = "dpf" }`, ""},
		{"adequacy decision left implicit", `country = "NL"`, `{ country = "CH" }`, ""},
		{"unknown country", `country = "NL"`, `{ country = "XX", transfer = "scc" }`, `site.toml:27:23: processor.onward.country: unknown country code "XX"`},
		{"no safeguard", `country = "NL"`, `{ country = "IN" }`,
			`site.toml:27:13: processor "host" passes data on to IN, outside the EEA without an adequacy decision, and needs a transfer safeguard`},
		{"DPF outside the US", `country = "NL"`, `{ country = "IN", transfer = "dpf" }`,
			"site.toml:27:40: the Data Privacy Framework covers only recipients in the United States, not IN"},
		{"adequacy without a decision", `country = "NL"`, `{ country = "IN", transfer = "adequacy" }`, "site.toml:27:40: IN has no adequacy decision"},
		{"in the EEA", `country = "NL"`, `{ country = "FR" }`,
			`site.toml:27:23: processor "host" passes data on to FR, which is no transfer under the law that applies to the company`},
		{"the recipient's own country", `country = "NL"`, `{ country = "DE" }`, `site.toml:27:23: processor "host" is itself in DE`},
		{"twice", `country = "NL"`, `{ country = "US", transfer = "scc" }, { country = "US", transfer = "dpf" }`,
			`site.toml:27:49: processor "host" lists the onward transfer to US twice`},
		{"on consent", `country = "NL"`, `{ country = "IN", transfer = "consent" }`,
			"site.toml:27:40: an onward transfer cannot rest on explicit consent, which people give to the company for a transfer it proposes (Art. 49(1)(a) GDPR)"},
		{"UK controller: UK tool needed", uk, `{ country = "US" }`,
			`site.toml:27:13: processor "host" passes data on to US, which the United Kingdom's adequacy regulations do not cover, and needs a UK transfer safeguard`},
		{"UK controller: UK Extension", uk, `{ country = "US", uk_transfer = "uk_dpf" }`, ""},
		{"UK controller: no EU tool", uk, `{ country = "US", uk_transfer = "uk_dpf", transfer = "dpf" }`,
			"site.toml:27:64: transfer names a safeguard of the EU GDPR, which does not apply to a company in the United Kingdom that does not target people in the EU"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := recipientSite(tt.company, `role = "processor"`, "onward = ["+tt.onward+"]")
			l, errs := load(t, src)
			var only []error
			for _, e := range errs {
				if !e.Warning {
					only = append(only, e)
				}
			}
			assertOnlyError(t, only, tt.want)
			if tt.want == "" && l == nil {
				t.Fatal("no site")
			}
		})
	}
}

func assertOnlyError[E error](t *testing.T, errs []E, want string) {
	t.Helper()
	switch {
	case want == "" && len(errs) > 0:
		t.Errorf("want no error, got:\n%v", errs)
	case want != "" && (len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), want)):
		t.Errorf("want one error %q, got %d:\n%v", want, len(errs), errs)
	}
}
