package check

import (
	"strings"
	"testing"
	"time"

	"github.com/policygen/policygen/generator/config"
	"github.com/policygen/policygen/generator/diag"
	"github.com/policygen/policygen/generator/legal"
)

// base is a valid site that no rule finds anything in; tests edit it.
const base = `[site]
base_url = "https://www.example.com/legal"
languages = ["en"]
consent_settings_url = "https://www.example.com/#cookies"

[company]
name = "Example GmbH"
address = ["Beispielweg 1", "52062 Aachen"]
country = "DE"
region = "NW"
email = "privacy@example.com"

[[activity]]
id = "accounts"
title = "Customer accounts"
purpose = "Running your account"
data = ["name", "email"]
basis = "contract"
required = "contract"
recipients = ["host"]
retention = "account"

[[processor]]
id = "host"
name = "Host GmbH"
role = "processor"
service = "Hosting"
country = "DE"

[[retention]]
id = "account"
data = ["name", "email"]
period = "30d"
after = "account_closure"

[[tracker]]
name = "session"
provider = "first_party"
category = "necessary"
kind = "cookie"
expiry = "session"
purpose = "Keeps you signed in."
`

// statsActivity is a consent-based activity for trackers that need consent.
const statsActivity = `
[[activity]]
id = "stats"
title = "Statistics"
purpose = "Counting visits"
data = ["usage"]
basis = "consent"
required = "no"
retention = "stats"

[[retention]]
id = "stats"
data = ["usage"]
period = "13m"
after = "collection"
`

// load decodes and validates a site.toml.
func load(t *testing.T, src string) *config.Loaded {
	t.Helper()
	facts, err := legal.Load()
	if err != nil {
		t.Fatal(err)
	}
	l, err := config.Load("site.toml", []byte(src), facts)
	if err != nil {
		t.Fatalf("invalid test site: %v", err)
	}
	return l
}

// run checks a site.toml given as text, with no versions and no files.
func run(t *testing.T, src string) diag.List {
	t.Helper()
	facts, _ := legal.Load()
	return Run(Input{Site: load(t, src), Facts: facts, Today: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)})
}

// edit replaces old in src by new, failing if old is not there.
func edit(t *testing.T, src, old, new string) string {
	t.Helper()
	if !strings.Contains(src, old) {
		t.Fatalf("%q not in the site", old)
	}
	return strings.Replace(src, old, new, 1)
}

// want asserts that the findings of rule are exactly one per position
// given ("line:col"), with the rule's severity.
func want(t *testing.T, found diag.List, rule string, positions ...string) {
	t.Helper()
	r, ok := Lookup(rule)
	if !ok {
		t.Fatalf("no rule %q", rule)
	}
	var got []string
	for _, e := range found {
		if e.Rule != rule {
			continue
		}
		if e.Severity() != r.Severity {
			t.Errorf("%s: severity %s, want %s", e, e.Severity(), r.Severity)
		}
		if e.Hint == "" {
			t.Errorf("%s: no hint", e)
		}
		got = append(got, strings.TrimPrefix(e.Pos.String(), "site.toml:"))
	}
	if strings.Join(got, " ") != strings.Join(positions, " ") {
		t.Errorf("%s at %q, want %q; all findings:\n%v", rule, got, positions, found)
	}
}

func TestTheBaseSiteHasNoFinding(t *testing.T) {
	if found := run(t, base); len(found) != 0 {
		t.Errorf("findings on the base site:\n%v", found)
	}
}

func TestEveryRuleHasAnIDSeveritySummaryAndSource(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Rules() {
		if seen[r.ID] || r.ID == "" || strings.ToLower(r.ID) != r.ID || strings.Contains(r.ID, " ") {
			t.Errorf("rule id %q: empty, repeated, or not lowercase with hyphens", r.ID)
		}
		seen[r.ID] = true
		if r.Severity != Error && r.Severity != Warning && r.Severity != Info {
			t.Errorf("%s: severity %q", r.ID, r.Severity)
		}
		if r.Summary == "" || r.Source == "" {
			t.Errorf("%s: no summary or source", r.ID)
		}
	}
}

func TestConsentSettingsLinkWantsAPlaceToWithdraw(t *testing.T) {
	stats := base + statsActivity + `
[[tracker]]
name = "_pk_id"
provider = "first_party"
category = "statistics"
kind = "cookie"
expiry = "13m"
purpose = "Counts visits."
`
	want(t, run(t, stats), "consent-settings-link")
	noLink := edit(t, stats, `consent_settings_url = "https://www.example.com/#cookies"`+"\n", "")
	want(t, run(t, noLink), "consent-settings-link", "61:12")
}

func TestIgnoresSilenceARuleForTheSiteOrOneElement(t *testing.T) {
	stats := base + statsActivity + `
[[tracker]]
name = "_pk_id"
provider = "first_party"
category = "statistics"
kind = "cookie"
expiry = "13m"
purpose = "Counts visits."
`
	noLink := edit(t, stats, `consent_settings_url = "https://www.example.com/#cookies"`+"\n", "")
	want(t, run(t, noLink+"\n[check]\nignore = [{ rule = \"consent-settings-link\", reason = \"tested\" }]\n"), "consent-settings-link")
	element := edit(t, noLink, `purpose = "Counts visits."`+"\n", `purpose = "Counts visits."`+"\nignore = [{ rule = \"consent-settings-link\", reason = \"tested\" }]\n")
	want(t, run(t, element), "consent-settings-link")
	other := edit(t, noLink, `purpose = "Counts visits."`+"\n", `purpose = "Counts visits."`+"\nignore = [{ rule = \"consent-coupling\", reason = \"tested\" }]\n")
	want(t, run(t, other), "consent-settings-link", "61:12")
}

func TestAnIgnoreWithoutReasonWarnsAndOneOfNoRuleIsAnError(t *testing.T) {
	found := run(t, base+"\n[check]\nignore = [{ rule = \"consent-coupling\" }, { rule = \"no-such-rule\", reason = \"x\" }]\n")
	var got []string
	for _, e := range found {
		got = append(got, e.Error())
	}
	wantMsgs := []string{
		`site.toml:45:11: warning ignore-reason: the ignore of "consent-coupling" gives no reason`,
		`site.toml:45:51: unknown check rule "no-such-rule"`,
	}
	if strings.Join(got, "\n") != strings.Join(wantMsgs, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantMsgs, "\n"))
	}
}
