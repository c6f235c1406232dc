package config

import (
	"strings"
	"testing"
)

// TestSectionTablesReportEachMisuseAtItsKey checks [minors], [security],
// company.processor_for and site.change_notice: each misuse is one error
// at the value, with a hint.
func TestSectionTablesReportEachMisuseAtItsKey(t *testing.T) {
	tests := []struct {
		name, add  string
		want, hint string
	}{
		{"minimum age too low", "[minors]\nminimum_age = 12\n",
			`35:15: minors.minimum_age 12 is not an age from 13 to 18`, "such as 16"},
		{"minimum age too high", "[minors]\nminimum_age = 21\n",
			`35:15: minors.minimum_age 21 is not an age from 13 to 18`, "Art. 8(1)"},
		{"minimum age is a number", "[minors]\nminimum_age = \"16\"\n",
			`35:15: minors.minimum_age must be an integer, not a string`, ""},
		{"minimum age required", "[minors]\nnote = { en = \"x\", nl = \"x\" }\n",
			`34:1: [minors] has no minimum_age`, "minimum_age"},
		{"unknown measure suggests", "[security]\nmeasures = [\"backups\", \"encryption_in_transt\"]\n",
			`35:24: security.measures: unknown security measure "encryption_in_transt"`, `did you mean "encryption_in_transit"?`},
		{"measures empty", "[security]\nmeasures = []\n",
			`35:12: security.measures is empty`, "encryption_in_transit"},
		{"measure twice", "[security]\nmeasures = [\"backups\", \"backups\"]\n",
			`35:24: security measure "backups" is listed twice`, "remove"},
		{"breach notice in months", "[security]\nmeasures = [\"backups\"]\nbreach_notice = \"1m\"\n",
			`36:17: security.breach_notice "1m" is not a number of hours, days or weeks`, `"72h"`},
		{"breach notice too long", "[security]\nmeasures = [\"backups\"]\nbreach_notice = \"6w\"\n",
			`36:17: security.breach_notice "6w" is longer than 30 days`, "without undue delay"},
		{"breach notice session", "[security]\nmeasures = [\"backups\"]\nbreach_notice = \"session\"\n",
			`36:17: security.breach_notice "session" is not a number of hours, days or weeks`, `"72h"`},
		{"breach notice a duration", "[security]\nmeasures = [\"backups\"]\nbreach_notice = \"soon\"\n",
			`36:17: security.breach_notice: invalid duration "soon"`, `"30d"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs := load(t, validSite+"\n"+tt.add)
			if len(errs) != 1 {
				t.Fatalf("want exactly one error, got %d:\n%v", len(errs), errs)
			}
			got := strings.TrimPrefix(errs[0].Error(), "site.toml:")
			if !strings.HasPrefix(got, tt.want) {
				t.Errorf("error\n got: %s\nwant: %s", got, tt.want)
			}
			if !strings.Contains(errs[0].Hint, tt.hint) {
				t.Errorf("hint %q does not contain %q", errs[0].Hint, tt.hint)
			}
		})
	}
}

// TestLocalizedSectionTextsNeedEverySiteLanguage checks that the new
// localized keys are checked like every other text.
func TestLocalizedSectionTextsNeedEverySiteLanguage(t *testing.T) {
	for _, tt := range []struct{ old, new, want string }{
		{"email = \"privacy@example.com\"\n", "email = \"privacy@example.com\"\nprocessor_for = { en = \"Hosted sites\" }\n", `10:17: company.processor_for of [company] has no nl text`},
		{"languages = [\"en\", \"nl\"]\n", "languages = [\"en\", \"nl\"]\nchange_notice = { nl = \"Per e-mail\" }\n", `4:17: site.change_notice of [site] has no en text`},
	} {
		_, errs := load(t, strings.Replace(validSite, tt.old, tt.new, 1))
		if len(errs) != 1 || !strings.HasPrefix(strings.TrimPrefix(errs[0].Error(), "site.toml:"), tt.want) {
			t.Errorf("want one error %s, got:\n%v", tt.want, errs)
		}
	}
	_, errs := load(t, validSite+"\n[minors]\nminimum_age = 16\nnote = { en = \"Ask your parents.\", nl = \"Vraag uw ouders.\" }\n\n[security]\nmeasures = [\"encryption_in_transit\", \"backups\"]\nbreach_notice = \"72h\"\n")
	if len(errs) != 0 {
		t.Errorf("a valid [minors] and [security] give errors:\n%v", errs)
	}
}

// TestCompanyArticleAndDPOFormAcceptOnlyWhatGermanGrammarHas checks
// company.article and dpo.form: each misuse one error at its key or
// value, with a hint.
func TestCompanyArticleAndDPOFormAcceptOnlyWhatGermanGrammarHas(t *testing.T) {
	german := strings.Replace(validSite, `languages = ["en", "nl"]`, `languages = ["en", "de"]`, 1)
	german = strings.ReplaceAll(german, `nl = "`, `de = "`)
	tests := []struct {
		name, article, want, hint string
	}{
		{"unknown article suggests", `{ de = "dye" }`, `10:18: unknown de article "dye" for the company name`, `did you mean "die"?`},
		{"no article in English", `{ en = "the", de = "die" }`, `10:13: company.article: policygen puts no article before a company name in "en"`, `{ de = "die" }`},
		{"not a site language", `{ nl = "de", de = "die" }`, `10:13: company.article has an article for "nl", which is not a site language`, "en, de"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(german, "email = \"privacy@example.com\"\n", "email = \"privacy@example.com\"\narticle = "+tt.article+"\n", 1)
			_, errs := load(t, src)
			if len(errs) != 1 {
				t.Fatalf("want exactly one error, got %d:\n%v", len(errs), errs)
			}
			if got := strings.TrimPrefix(errs[0].Error(), "site.toml:"); !strings.HasPrefix(got, tt.want) {
				t.Errorf("error\n got: %s\nwant: %s", got, tt.want)
			}
			if !strings.Contains(errs[0].Hint, tt.hint) {
				t.Errorf("hint %q does not contain %q", errs[0].Hint, tt.hint)
			}
		})
	}
	dpo := "\n[dpo]\nname = \"Dana Schutz\"\nemail = \"dpo@example.com\"\nform = \"w\"\n"
	_, errs := load(t, german+dpo)
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), `dpo.form: unknown form "w"`) || !strings.Contains(errs[0].Hint, "f, m") {
		t.Errorf("want one error for dpo.form \"w\", got:\n%v", errs)
	}
	src := strings.Replace(german, "email = \"privacy@example.com\"\n", "email = \"privacy@example.com\"\narticle = { de = \"die\" }\n", 1)
	if _, errs := load(t, src+strings.Replace(dpo, `"w"`, `"f"`, 1)); len(errs) != 0 {
		t.Errorf("a valid article and form give errors:\n%v", errs)
	}
}

// TestMinimumAgeBelowSixteenWithConsentIsAWarning checks that a minimum
// age under 16 is a warning, not an error, when some activity rests on
// consent under the EU GDPR, and nothing otherwise.
func TestMinimumAgeBelowSixteenWithConsentIsAWarning(t *testing.T) {
	consent := strings.Replace(validSite, "basis = \"contract\"\nrequired = \"contract\"", "basis = \"consent\"\nrequired = \"no\"", 1)
	l, err := Load("site.toml", []byte(consent+"\n[minors]\nminimum_age = 14\n"), testFacts(t))
	if err != nil || len(l.Warnings) != 1 || !strings.HasPrefix(l.Warnings[0].Error(), "site.toml:35:15: warning: people from 14 may use the services") {
		t.Fatalf("want one warning at minors.minimum_age; got %v, %v", err, l)
	}
	if !strings.Contains(l.Warnings[0].Hint, "holder of parental responsibility") {
		t.Errorf("hint %q", l.Warnings[0].Hint)
	}
	for _, src := range []string{consent + "\n[minors]\nminimum_age = 16\n", validSite + "\n[minors]\nminimum_age = 14\n"} {
		if l, err := Load("site.toml", []byte(src), testFacts(t)); err != nil || len(l.Warnings) != 0 {
			t.Errorf("want no warning, got %v, %v", err, l.Warnings)
		}
	}
}
