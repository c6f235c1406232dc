package config

import (
	"strings"
	"testing"
)

// TestActivityOriginAndAutomatedDecisionErrors checks the exact message,
// position and hint of each rule on required = "technical", source_data
// and automated_exception, one mistake at a time.
func TestActivityOriginAndAutomatedDecisionErrors(t *testing.T) {
	const source = "source = { en = \"Agency\", nl = \"Bureau\" }\n"
	const automated = "automated = { en = \"A score decides\", nl = \"Een score beslist\" }\n"
	tests := []struct {
		name, old, new string
		want           string // "line:col: message"
		hint           string // substring of the hint
	}{
		{"consent cannot rest on technically necessary data", "basis = \"contract\"\nrequired = \"contract\"", "basis = \"consent\"\nrequired = \"technical\"",
			`17:12: error consent-coupling: activity "accounts" is based on consent, so its data cannot be technically necessary`, "Art. 7(4)"},
		{"technically necessary data is not all from a source", `required = "contract"`, source + `required = "technical"`,
			`18:12: activity "accounts" has required = "technical", but all its data comes from the source`, "source_data"},
		{"a consequence of data all from a source is never shown", `required = "contract"`, source + "required = \"contract\"\nconsequence = { en = \"None\", nl = \"Geen\" }",
			`19:1: the consequence of activity "accounts" is never shown: all its data comes from the source, not from the person`, "source_data = [...]"},
		{"a consequence of data all named in source_data is never shown", `required = "contract"`, source + "source_data = [\"name\", \"email\"]\nrequired = \"contract\"\nconsequence = { en = \"None\", nl = \"Geen\" }",
			`20:1: the consequence of activity "accounts" is never shown: all its data comes from the source, not from the person`, "source_data = [...]"},
		{"source_data needs a source", `required = "contract"`, "source_data = [\"email\"]\nrequired = \"contract\"",
			`17:1: activity "accounts" has source_data but no source`, "add source"},
		{"source_data cannot be empty", `required = "contract"`, source + "source_data = []\nrequired = \"contract\"",
			`18:15: activity.source_data of activity "accounts" is empty`, "remove source_data if all of them do"},
		{"source_data names the activity's own data", `required = "contract"`, source + "source_data = [\"phone\"]\nrequired = \"contract\"",
			`18:16: source_data names "phone", which is not among the data of activity "accounts"`, `add "phone" to the data`},
		{"source_data lists a category once", `required = "contract"`, source + "source_data = [\"email\", \"email\"]\nrequired = \"contract\"",
			`18:25: data category "email" is listed twice`, "remove the second one"},
		{"automated decisions name their exception", `retention = "account"` + "\n\n[[processor]]", automated + `retention = "account"` + "\n\n[[processor]]",
			`19:1: activity "accounts" makes automated decisions but does not say which exception of Art. 22(2) GDPR allows them`, `automated_exception = "contract"`},
		{"the exception fits the basis", `retention = "account"` + "\n\n[[processor]]", automated + "automated_exception = \"explicit_consent\"\n" + `retention = "account"` + "\n\n[[processor]]",
			`20:23: automated_exception = "explicit_consent" does not fit basis "contract"`, `use automated_exception = "contract"`},
		{"legitimate interests go only with the contract exception", "basis = \"contract\"", "basis = \"legitimate_interests\"\ninterest = { en = \"Fraud\", nl = \"Fraude\" }\n" + automated + "automated_exception = \"explicit_consent\"",
			`19:23: automated_exception = "explicit_consent" does not fit basis "legitimate_interests"`, `use automated_exception = "contract"`},
		{"an exception needs automated decisions", `retention = "account"` + "\n\n[[processor]]", "automated_exception = \"contract\"\n" + `retention = "account"` + "\n\n[[processor]]",
			`19:1: activity "accounts" has automated_exception but no automated`, "describe the decision"},
		{"an unknown exception suggests", `retention = "account"` + "\n\n[[processor]]", automated + "automated_exception = \"contrat\"\n" + `retention = "account"` + "\n\n[[processor]]",
			`20:23: activity.automated_exception: unknown automated exception "contrat"`, `did you mean "contract"?`},
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

func TestValidActivityOriginAndAutomatedDecisionsLoad(t *testing.T) {
	site := strings.Replace(validSite, `required = "contract"`, "source = { en = \"Agency\", nl = \"Bureau\" }\nsource_data = [\"email\"]\nrequired = \"technical\"\n"+
		"consequence = { en = \"None\", nl = \"Geen\" }\nautomated = { en = \"A score decides\", nl = \"Een score beslist\" }\nautomated_exception = \"contract\"", 1)
	l, errs := load(t, site)
	if len(errs) > 0 {
		t.Fatalf("unexpected errors:\n%v", errs)
	}
	a := l.Site.Activities[0]
	if a.Required != "technical" || len(a.SourceData) != 1 || a.SourceData[0] != "email" || a.AutomatedException != "contract" {
		t.Errorf("activity = %+v", a)
	}
}

func TestAutomatedExceptionNamesItsPointOfArticle22(t *testing.T) {
	for ex, want := range map[AutomatedException]string{"contract": "a", "law": "b", "explicit_consent": "c", "": ""} {
		if got := ex.Point(); got != want {
			t.Errorf("%q.Point() = %q, want %q", ex, got, want)
		}
	}
}

func TestAutomatedExceptionUnderTheUKGDPRAloneIsAnError(t *testing.T) {
	site := strings.Replace(validSite, `country = "NL"`, `country = "GB"`, 1)
	site = strings.NewReplacer(`languages = ["en", "nl"]`, `languages = ["en"]`, `, nl = "Accounts"`, "", `, nl = "Uw account beheren"`, "", `, nl = "Hosting"`, "").Replace(site)
	site = strings.Replace(site, `required = "contract"`, "required = \"contract\"\nautomated = \"A score decides\"\nautomated_exception = \"contract\"", 1)
	_, errs := load(t, site)
	if len(errs) != 1 {
		t.Fatalf("want exactly one error, got %d:\n%v", len(errs), errs)
	}
	want := `19:1: automated_exception names an exception of the EU GDPR, which does not apply to this company`
	if got := strings.TrimPrefix(errs[0].Error(), "site.toml:"); !strings.HasPrefix(got, want) {
		t.Errorf("error\n got: %s\nwant: %s", got, want)
	}
	if !strings.Contains(errs[0].Hint, "Arts. 22A to 22D UK GDPR") {
		t.Errorf("hint %q", errs[0].Hint)
	}
}

// TestAutomatedCreditCheckOnLegitimateInterests: the exception of Art.
// 22(2)(a) concerns the decision, the legal basis the processing; a credit
// check before a contract on invoice may rest on legitimate interests.
func TestAutomatedCreditCheckOnLegitimateInterests(t *testing.T) {
	const automated = "automated = { en = \"A score decides\", nl = \"Een score beslist\" }\n"
	site := strings.Replace(validSite, "basis = \"contract\"", "basis = \"legitimate_interests\"\ninterest = { en = \"Protection against default\", nl = \"Bescherming tegen wanbetaling\" }\n"+automated+"automated_exception = \"contract\"", 1)
	if _, errs := load(t, site); len(errs) > 0 {
		t.Fatalf("want no error, got %v", errs)
	}
}
