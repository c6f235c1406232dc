package config

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/policygen/policygen/generator/diag"
	"github.com/policygen/policygen/generator/legal"
)

// validSite is a small complete site; tests append to it or replace lines.
const validSite = `[site]
base_url = "https://www.example.com/legal"
languages = ["en", "nl"]

[company]
name = "Voorbeeld B.V."
address = ["Voorbeeldstraat 1", "1011 AB Amsterdam"]
country = "NL"
email = "privacy@example.com"

[[activity]]
id = "accounts"
title = { en = "Accounts", nl = "Accounts" }
purpose = { en = "Running your account", nl = "Uw account beheren" }
data = ["name", "email"]
basis = "contract"
required = "contract"
recipients = ["host"]
retention = "account"

[[processor]]
id = "host"
name = "Host GmbH"
role = "processor"
service = { en = "Hosting", nl = "Hosting" }
country = "DE"

[[retention]]
id = "account"
data = ["name", "email"]
period = "30d"
after = "account_closure"
`

func load(t testing.TB, src string) (*Loaded, diag.List) {
	t.Helper()
	l, err := Load("site.toml", []byte(src), testFacts(t))
	return l, diag.Errors(err)
}

// testFacts loads the embedded legal facts, failing the test if they do not parse.
func testFacts(tb testing.TB) *legal.Facts {
	tb.Helper()
	f, err := legal.Load()
	if err != nil {
		tb.Fatal(err)
	}
	return f
}

func TestValidSiteLoadsWithDefaults(t *testing.T) {
	l, errs := load(t, validSite)
	if len(errs) > 0 {
		t.Fatalf("unexpected errors:\n%v", errs)
	}
	s := l.Site.Settings
	if s.BaseURL != "https://www.example.com/legal/" || s.History != "history" || s.Theme != "default" {
		t.Errorf("defaults not applied: %+v", s)
	}
	if got := l.Site.Activities[0].Title.In("nl"); got != "Accounts" {
		t.Errorf("title in nl = %q", got)
	}
}

// TestErrorsNamePositionAndHint checks the exact message, position and
// hint of each rule, one mistake at a time.
func TestErrorsNamePositionAndHint(t *testing.T) {
	tests := []struct {
		name, old, new string
		want           string // "line:col: message"
		hint           string // substring of the hint
	}{
		{"unknown key suggests", `retention = "account"` + "\n\n[[processor]]", `retension = "account"` + "\n\n[[processor]]",
			`19:1: unknown key "retension" in [[activity]]`, `did you mean "retention"?`},
		{"bad enum suggests", `basis = "contract"`, `basis = "contrat"`,
			`16:9: activity.basis: unknown legal basis "contrat"`, `did you mean "contract"?`},
		{"unknown reference suggests", `recipients = ["host"]`, `recipients = ["hots"]`,
			`18:15: unknown processor "hots"`, `did you mean "host"?`},
		{"unknown data category", `data = ["name", "email"]` + "\nbasis", `data = ["name", "emial"]` + "\nbasis",
			`15:17: unknown data category "emial"`, `did you mean "email"?`},
		{"missing language", `purpose = { en = "Running your account", nl = "Uw account beheren" }`, `purpose = { en = "Running your account" }`,
			`14:11: activity.purpose of activity "accounts" has no nl text`, `add nl = "…"`},
		{"plain text on multilingual site", `title = { en = "Accounts", nl = "Accounts" }`, `title = "Accounts"`,
			`13:9: activity.title is a plain text, but the site has 2 languages`, `{ en = "…", nl = "…" }`},
		{"foreign language key", `title = { en = "Accounts", nl = "Accounts" }`, `title = { en = "Accounts", nl = "Accounts", fr = "Comptes" }`,
			`13:45: activity.title has a text in "fr", which is not a site language`, "en, nl"},
		{"wrong type", `languages = ["en", "nl"]`, `languages = "en"`,
			`3:13: site.languages must be an array, not a string`, ""},
		{"bad country", `country = "DE"`, `country = "XX"`,
			`26:11: processor.country: unknown country code "XX"`, "ISO 3166-1"},
		{"country alias", `country = "DE"`, `country = "UK"`,
			`26:11: processor.country: "UK" is not the ISO 3166-1 code of the country`, `write "GB"`},
		{"bad company country", `country = "NL"`, `country = "NLD"`,
			`8:11: company.country: unknown country code "NLD"`, "ISO 3166-1"},
		{"representative only outside the EEA", "[[activity]]\nid", "[representative]\nname = \"R\"\nemail = \"r@example.com\"\naddress = [\"x\"]\n\n[[activity]]\nid",
			`11:1: a company established in NL does not designate an EU representative`, "Art. 27"},
		{"bad duration", `period = "30d"`, `period = "30 days"`,
			`31:10: retention.period: invalid duration "30 days"`, `"30d"`},
		{"missing required key", `role = "processor"` + "\n", "",
			`21:1: [[processor]] has no role`, "add role = …"},
		{"legitimate interests need an interest", `basis = "contract"`, `basis = "legitimate_interests"`,
			`16:1: activity "accounts" is based on legitimate interests but has no interest`, "Art. 13(1)(d)"},
		{"consent cannot be required", `basis = "contract"`, `basis = "consent"`,
			`17:12: error consent-coupling: activity "accounts" is based on consent, so providing the data cannot be required`, `required = "no"`},
		{"transfer needed outside EEA", `country = "DE"`, `country = "US"`,
			`26:1: processor "host" is in US, outside the EEA without an adequacy decision, and needs a transfer safeguard`, `"dpf"`},
		{"no transfer inside EEA", `country = "DE"`, "country = \"DE\"\ntransfer = \"scc\"",
			`27:1: processor "host" is in the EEA (DE); no transfer safeguard applies`, "remove transfer"},
		{"dpf only for the US", `country = "DE"`, "country = \"IN\"\ntransfer = \"dpf\"",
			`27:12: the Data Privacy Framework covers only recipients in the United States, not IN`, `"scc"`},
		{"authority needs region in Germany", `country = "NL"`, `country = "DE"`,
			`5:1: cannot determine the supervisory authority: company.region is missing`, "NW"},
		{"a controller without an EU establishment names no authority", "country = \"NL\"\nemail = \"privacy@example.com\"\n",
			"country = \"JP\"\nemail = \"privacy@example.com\"\ntargets_eu = true\nrepresentative_exempt = true\n[authority]\nname = \"A\"\nurl = \"https://a.example/\"\n",
			`12:1: a controller without an establishment in the EU has no competent supervisory authority of its own`, "remove [authority]"},
		{"outside the EEA the GDPR applies only to a company targeting the EU", `country = "NL"`, `country = "US"`,
			`8:11: company.country US is outside the EEA, and the site does not say that the company targets people in the EU`, "targets_eu = true"},
		{"a company outside the EEA targeting the EU needs a representative", `country = "NL"`, "country = \"US\"\ntargets_eu = true",
			`5:1: a controller outside the EEA that targets people in the EU must name a representative in the EU (Art. 27 GDPR)`, "representative_exempt = true"},
		{"targets_eu is not for a company in the EEA", `country = "NL"`, "country = \"NL\"\ntargets_eu = true",
			`9:14: company.targets_eu is only for a company outside the EEA; NL is in it`, "remove targets_eu"},
		{"retention must cover the activity's data", `data = ["name", "email"]` + "\nperiod", `data = ["name"]` + "\nperiod",
			`19:13: retention rule "account" does not cover "email" of activity "accounts"`, "add \"email\""},
		{"syntax error shows position", `id = "host"`, `id = "host`,
			`22:11: strings cannot contain newlines`, ""},
		{"invalid id", `id = "accounts"`, `id = "Accounts"`,
			`12:6: activity.id: invalid id "Accounts"`, "lowercase"},
		{"invalid email", `email = "privacy@example.com"`, `email = "privacy at example"`,
			`9:9: company.email: invalid e-mail address "privacy at example"`, "privacy@example.com"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(validSite, tt.old) {
				t.Fatalf("test setup: %q not in validSite", tt.old)
			}
			_, errs := load(t, strings.Replace(validSite, tt.old, tt.new, 1))
			if len(errs) != 1 {
				t.Fatalf("want exactly one error, got %d:\n%v", len(errs), errs)
			}
			e := errs[0]
			got := strings.TrimPrefix(e.Error(), "site.toml:")
			if !strings.HasPrefix(got, tt.want) {
				t.Errorf("error\n got: %s\nwant: %s", got, tt.want)
			}
			if !strings.Contains(e.Hint, tt.hint) {
				t.Errorf("hint %q does not contain %q", e.Hint, tt.hint)
			}
		})
	}
}

func TestAllErrorsReportedTogetherInOrder(t *testing.T) {
	src := strings.NewReplacer(
		`basis = "contract"`, `basis = "contrat"`,
		`country = "DE"`, `country = "US"`,
		`period = "30d"`, `period = "forever"`,
		`purpose = { en = "Running your account", nl = "Uw account beheren" }`, `purpose = { en = "Running your account" }`,
	).Replace(validSite)
	_, errs := load(t, src)
	var lines []int
	for _, e := range errs {
		lines = append(lines, e.Pos.Line)
	}
	want := []int{14, 16, 26, 31}
	if len(lines) != len(want) {
		t.Fatalf("got %d errors at lines %v, want lines %v:\n%v", len(lines), lines, want, errs)
	}
	for i := range want {
		if lines[i] != want[i] {
			t.Errorf("error %d at line %d, want %d", i, lines[i], want[i])
		}
	}
}

func TestTrackerNeedingConsentWithoutConsentActivityIsAnError(t *testing.T) {
	src := validSite + `
[[tracker]]
name = "_ga"
provider = "host"
category = "statistics"
kind = "cookie"
expiry = "2y"
purpose = { en = "Statistics", nl = "Statistieken" }
`
	_, errs := load(t, src)
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), `37:12: tracker "_ga" needs consent (category statistics), but no activity has basis consent`) {
		t.Fatalf("got %v", errs)
	}
}

func TestPositionsInsideArraysOfTables(t *testing.T) {
	src := validSite + `
[[activity]]
id = "second"
title = { en = "Second", nl = "Tweede" }
purpose = { en = "P", nl = "P" }
data = ["name", "phone", "nope"]
basis = "contract"
required = "no"
retention = "account"
`
	_, errs := load(t, src)
	var found bool
	for _, e := range errs {
		if strings.Contains(e.Error(), `site.toml:38:26: unknown data category "nope"`) {
			found = true
		}
	}
	if !found {
		t.Fatalf("no error at the third element of the second activity's data:\n%v", errs)
	}
}

func TestChangeDatesAreTOMLDates(t *testing.T) {
	l, errs := load(t, validSite+"\n[[change]]\ndate = 2024-05-24\n")
	if len(errs) > 0 {
		t.Fatalf("unexpected errors: %v", errs)
	}
	if got := l.Site.Changes[0].Date.Format("2006-01-02"); got != "2024-05-24" {
		t.Errorf("date = %s", got)
	}
	_, errs = load(t, validSite+"\n[[change]]\ndate = \"2024-05-24\"\n")
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "35:8: change.date must be a date, not a string") {
		t.Errorf("quoted date: %v", errs)
	}
	_, errs = load(t, validSite+"\n[[change]]\ndate = 2024-05-24T10:00:00\n")
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "change.date must be a date without a time") {
		t.Errorf("datetime: %v", errs)
	}
}

func TestSiteSurvivesJSONRoundTrip(t *testing.T) {
	l, errs := load(t, validSite+"\n[[change]]\ndate = 2024-05-24\nnote = { en = \"First\", nl = \"Eerste\" }\n")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	b, err := json.Marshal(l.Site)
	if err != nil {
		t.Fatal(err)
	}
	var back Site
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	b2, _ := json.Marshal(&back)
	if string(b) != string(b2) {
		t.Errorf("round trip changed the model:\n%s\n%s", b, b2)
	}
	if back.Retention[0].Period != (Duration{N: 30, Unit: "d"}) || back.Changes[0].Note.In("nl") != "Eerste" {
		t.Errorf("decoded: %+v %+v", back.Retention[0], back.Changes[0])
	}
}
