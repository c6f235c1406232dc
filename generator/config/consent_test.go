package config

import (
	"strings"
	"testing"
)

// consentSite is validSite with a necessary tracker of the company, a
// provider's tracker and a consent activity that the provider's needs.
const consentSite = validSite + `
[[activity]]
id = "news"
title = { en = "Newsletter", nl = "Nieuwsbrief" }
purpose = { en = "News", nl = "Nieuws" }
data = ["email"]
basis = "consent"
required = "no"
retention = "account"

[[tracker]]
name = "sid"
provider = "first_party"
category = "necessary"
kind = "cookie"
expiry = "session"
purpose = { en = "Login", nl = "Inloggen" }

[[tracker]]
name = "tag"
provider = "host"
category = "marketing"
kind = "pixel"
expiry = "none"
purpose = { en = "Ads", nl = "Advertenties" }
`

// TestConsentObjectionAndTrackerKeysAreCheckedAtTheirPosition checks the
// message, position and hint of each rule of withdraw, direct_marketing,
// consent_settings_url, party and expiry = "none", one mistake at a time,
// and that their right uses load without a message.
func TestConsentObjectionAndTrackerKeysAreCheckedAtTheirPosition(t *testing.T) {
	tests := []struct {
		name, old, new string
		want           string // "line:col: message", "" for none
		hint           string // substring of the hint
		warning        bool
	}{
		{"withdraw with consent", `basis = "consent"`, "basis = \"consent\"\nwithdraw = { en = \"Unsubscribe link\", nl = \"Afmeldlink\" }", "", "", false},
		{"withdraw only with consent", `retention = "account"` + "\n\n[[processor]]", "retention = \"account\"\nwithdraw = { en = \"Link\", nl = \"Link\" }\n\n[[processor]]",
			`20:1: activity "accounts" says how consent is withdrawn, but its basis is contract`, `set basis = "consent"`, false},
		{"withdraw in every language", `basis = "consent"`, "basis = \"consent\"\nwithdraw = { en = \"Unsubscribe link\" }",
			`40:12: activity.withdraw of activity "news" has no nl text`, `add nl = "…"`, false},
		{"direct marketing rests on consent or legitimate interests", `retention = "account"` + "\n\n[[processor]]", "retention = \"account\"\ndirect_marketing = true\n\n[[processor]]",
			`20:1: activity "accounts" is for direct marketing, which rests on consent or legitimate interests, not on contract`, "recital 47", false},
		{"direct marketing on consent", `basis = "consent"`, "basis = \"consent\"\ndirect_marketing = true", "", "", false},
		{"consent settings URL", `languages = ["en", "nl"]`, "languages = [\"en\", \"nl\"]\nconsent_settings_url = \"https://www.example.com/#cookies\"", "", "", false},
		{"consent settings URL is a URL", `languages = ["en", "nl"]`, "languages = [\"en\", \"nl\"]\nconsent_settings_url = \"#cookies\"",
			`4:24: site.consent_settings_url: invalid URL "#cookies"`, "https://", false},
		{"a provider's tracker on the site's own domain", `name = "tag"`, "name = \"tag\"\nparty = \"first\"", "", "", false},
		{"the company's trackers are first-party", `name = "sid"`, "name = \"sid\"\nparty = \"first\"", "", "", false},
		{"the company's trackers are not third-party", `name = "sid"`, "name = \"sid\"\nparty = \"third\"",
			`45:9: tracker "sid" is set by the company itself (provider = "first_party"), so it cannot be a third-party tracker`, "remove party", false},
		{"party is first or third", `name = "sid"`, "name = \"sid\"\nparty = \"own\"",
			`45:9: tracker.party: unknown party "own"`, "first, third", false},
		{"expiry none only for a pixel", `expiry = "session"`, `expiry = "none"`,
			`48:10: expiry = "none" is only for a pixel, which stores nothing on the device; tracker "sid" is a cookie`, `"session" or a duration`, false},
		{"a pixel with a period is warned about", `expiry = "none"`, `expiry = "1y"`,
			`56:10: warning: tracker "tag" is a pixel, which stores nothing on the device, but has expiry "1y"`, `write expiry = "none"`, true},
		{"a pixel with session is warned about", `expiry = "none"`, `expiry = "session"`,
			`56:10: warning: tracker "tag" is a pixel, which stores nothing on the device, but has expiry "session"`, "a [[tracker]] of its own", true},
		{"no retention period of none", `period = "30d"`, `period = "none"`,
			`31:10: a retention period cannot be none`, "until_withdrawn", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(consentSite, tt.old) {
				t.Fatalf("test setup: %q not in consentSite", tt.old)
			}
			l, errs := load(t, strings.Replace(consentSite, tt.old, tt.new, 1))
			if len(errs) == 0 && l != nil {
				errs = l.Warnings
			}
			if tt.want == "" {
				if len(errs) > 0 {
					t.Fatalf("unexpected errors:\n%v", errs)
				}
				return
			}
			if len(errs) != 1 {
				t.Fatalf("want exactly one message, got %d:\n%v", len(errs), errs)
			}
			e := errs[0]
			if got := strings.TrimPrefix(e.Error(), "site.toml:"); !strings.HasPrefix(got, tt.want) {
				t.Errorf("message\n got: %s\nwant: %s", got, tt.want)
			}
			if !strings.Contains(e.Hint, tt.hint) {
				t.Errorf("hint %q does not contain %q", e.Hint, tt.hint)
			}
			if e.Warning != tt.warning {
				t.Errorf("warning = %v, want %v", e.Warning, tt.warning)
			}
		})
	}
}

// TestATrackersPartyFollowsItsProviderUnlessGiven: the company's own
// trackers are first-party, a provider's third-party, and party = "first"
// makes a provider's cookie on the site's own domain first-party.
func TestATrackersPartyFollowsItsProviderUnlessGiven(t *testing.T) {
	l, errs := load(t, strings.Replace(consentSite, `name = "tag"`, "name = \"tag\"\nparty = \"first\"", 1)+
		strings.Replace(consentSite[strings.LastIndex(consentSite, "[[tracker]]"):], `name = "tag"`, `name = "tag2"`, 1))
	if len(errs) > 0 {
		t.Fatalf("unexpected errors:\n%v", errs)
	}
	var got []string
	for _, tr := range l.Site.Trackers {
		got = append(got, tr.Name+"="+string(tr.PartyOrDefault()))
	}
	if want := "sid=first tag=first tag2=third"; strings.Join(got, " ") != want {
		t.Errorf("parties %q, want %q", strings.Join(got, " "), want)
	}
}
