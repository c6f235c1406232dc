package check

import (
	"fmt"
	"testing"
)

// google is a third-party provider and a consent-based activity that
// sends it data, for trackers of Google.
const google = `
[[processor]]
id = "google"
name = "Google Ireland Limited"
role = "processor"
service = "Analytics"
country = "IE"

[[activity]]
id = "analytics"
title = "Statistics"
purpose = "Counting visits"
data = ["usage"]
basis = "consent"
required = "no"
recipients = ["google"]
retention = "stats"

[[retention]]
id = "stats"
data = ["usage"]
period = "13m"
after = "collection"
`

// tracker is a [[tracker]] entry; its category is on the line after its
// provider, so positions in the tests follow from the line of its name.
func tracker(name, provider, category, expiry string) string {
	return fmt.Sprintf(`
[[tracker]]
name = %q
provider = %q
category = %q
kind = "cookie"
expiry = %q
purpose = "Tested."
`, name, provider, category, expiry)
}

// The positions in the tests below: a tracker appended to base+google has
// its provider on line 69, its category on 70 and its expiry on 72; one
// appended to base has its expiry on line 49, and to base+statsActivity
// on 64.

func TestAnalyticsCookieDeclaredNecessaryIsAnError(t *testing.T) {
	site := base + google + tracker("_ga", "google", "necessary", "2y")
	want(t, run(t, site), "tracker-category", "70:12")
	want(t, run(t, site), "tracker-category-differs")
	ok := base + google + tracker("_ga", "google", "statistics", "2y")
	want(t, run(t, ok), "tracker-category")
}

func TestShortPatternsOfTheKnowledgeBaseAreNoEvidence(t *testing.T) {
	// "CTX" matches only the pattern "CT" (an Adform marketing cookie).
	site := base + google + tracker("CTX", "first_party", "necessary", "1y")
	want(t, run(t, site), "tracker-category")
	want(t, run(t, site), "tracker-expiry")
}

func TestTrackerInAnotherCategoryThanTheKnowledgeBaseWarns(t *testing.T) {
	site := base + google + tracker("_ga", "google", "marketing", "2y")
	want(t, run(t, site), "tracker-category-differs", "70:12")
	want(t, run(t, site), "tracker-category")
	necessary := base + tracker("PHPSESSID", "first_party", "necessary", "session")
	want(t, run(t, necessary), "tracker-category-differs")
}

func TestExpiryFarFromTheTypicalRetentionWarns(t *testing.T) {
	for _, tc := range []struct {
		expiry string
		fires  bool
	}{
		{"2y", false}, {"1y", false}, {"4y", false}, // _ga: 2 years; half and twice are not "far"
		{"11m", true}, {"5y", true}, {"session", true},
	} {
		site := base + google + tracker("_ga", "google", "statistics", tc.expiry)
		if tc.fires {
			want(t, run(t, site), "tracker-expiry", "72:10")
		} else {
			want(t, run(t, site), "tracker-expiry")
		}
	}
	session := base + tracker("PHPSESSID", "first_party", "necessary", "1d")
	want(t, run(t, session), "tracker-expiry", "49:10")
	want(t, run(t, base+tracker("PHPSESSID", "first_party", "necessary", "session")), "tracker-expiry")
}

func TestProviderOtherThanThePlatformsControllerIsReported(t *testing.T) {
	other := edit(t, base+google+tracker("_ga", "google", "statistics", "2y"),
		`name = "Google Ireland Limited"`, `name = "Example Analytics Ltd"`)
	want(t, run(t, other), "tracker-unknown-provider", "69:12")
	want(t, run(t, base+google+tracker("_ga", "google", "statistics", "2y")), "tracker-unknown-provider")
	// The company's own trackers are its own, whoever wrote the software.
	want(t, run(t, base+google+tracker("_pk_id.1", "first_party", "statistics", "13m")), "tracker-unknown-provider")
}

func TestTrackerNeedingConsentWhoseProviderGetsNoConsentDataWarns(t *testing.T) {
	site := base + google + tracker("_ga", "google", "statistics", "2y")
	want(t, run(t, site), "consent-tracker-without-activity")
	noRecipient := edit(t, site, `recipients = ["google"]`, `recipients = []`)
	want(t, run(t, noRecipient), "consent-tracker-without-activity", "69:12")
	necessary := edit(t, noRecipient, `category = "statistics"`, `category = "necessary"`)
	want(t, run(t, necessary), "consent-tracker-without-activity")
}

func TestMarketingTrackersOfARecipientOnLegitimateInterestsWarn(t *testing.T) {
	legit := `
[[activity]]
id = "ads"
title = "Advertising"
purpose = "Measuring our ads"
data = ["usage"]
basis = "legitimate_interests"
interest = "Measuring our ads"
required = "no"
recipients = ["google"]
retention = "stats"
`
	site := base + google + tracker("_gcl_au", "google", "marketing", "3m") + legit
	want(t, run(t, site), "marketing-on-legitimate-interests", "80:9")
	stats := edit(t, site, `category = "marketing"`, `category = "statistics"`)
	want(t, run(t, stats), "marketing-on-legitimate-interests")
}

func TestOneConsentForStatisticsAndMarketingWarns(t *testing.T) {
	site := base + google + tracker("_ga", "google", "statistics", "2y") + tracker("_gcl_au", "google", "marketing", "3m")
	want(t, run(t, site), "bundled-consent", "56:9")
	want(t, run(t, base+google+tracker("_ga", "google", "statistics", "2y")), "bundled-consent")

	// The company's own trackers serve the only consent-based activity.
	own := base + statsActivity + tracker("_pk_id.1", "first_party", "statistics", "13m") +
		tracker("mkt_id", "first_party", "marketing", "30d")
	want(t, run(t, own), "bundled-consent", "49:9")
	split := own + edit(t, statsActivity, `id = "stats"`, `id = "ads"`)
	split = edit(t, split, "[[retention]]\nid = \"stats\"\ndata = [\"usage\"]\nperiod = \"13m\"\nafter = \"collection\"\n\n[[tracker]]\nname = \"_pk_id.1\"",
		"[[tracker]]\nname = \"_pk_id.1\"")
	want(t, run(t, split), "bundled-consent")
}

func TestTrackerNeedingConsentKeptOver13MonthsWarns(t *testing.T) {
	site := base + statsActivity + tracker("_pk_id.1", "first_party", "statistics", "2y")
	want(t, run(t, site), "consent-expiry", "64:10")
	want(t, run(t, base+statsActivity+tracker("_pk_id.1", "first_party", "statistics", "13m")), "consent-expiry")
	want(t, run(t, base+statsActivity+tracker("_pk_id.1", "first_party", "statistics", "57w")), "consent-expiry", "64:10")
	want(t, run(t, base+tracker("gc_login", "first_party", "necessary", "2y")), "consent-expiry")
}

func TestShortRetentionsAreComparedInHours(t *testing.T) {
	// lidc: LinkedIn keeps it 1 day.
	want(t, run(t, base+tracker("lidc", "first_party", "necessary", "1d")), "tracker-expiry")
	want(t, run(t, base+tracker("lidc", "first_party", "necessary", "1h")), "tracker-expiry", "49:10")
}

func TestTrackerCategoryDiffersNotForAStricterCategory(t *testing.T) {
	stricter := base + statsActivity + `
[[tracker]]
name = "li_fat_id"
provider = "first_party"
category = "marketing"
kind = "cookie"
expiry = "30d"
purpose = "Measures conversions."
`
	want(t, run(t, stricter), "tracker-category-differs")
	want(t, run(t, edit(t, stricter, `category = "marketing"`, `category = "preferences"`)), "tracker-category-differs")
}
