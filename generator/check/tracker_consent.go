package check

import (
	"slices"
	"strings"

	"github.com/policygen/policygen/generator/config"
)

// The rules of trackerRules that read trackers with the activities they
// rest on.

// consentLimit is the longest a tracker that needs consent should be
// kept: thirteen months, as the CNIL recommends (see consent-expiry).
var consentLimit = config.Duration{N: 13, Unit: "m"}

// receives reports whether the provider of trackers receives data from
// the activity: a third party when the activity lists it among its
// recipients, the company from every activity.
func receives(a config.Activity, provider config.ID) bool {
	return provider == config.FirstPartyProvider || slices.Contains(a.Recipients, provider)
}

func consentTrackerWithoutActivity(c *Context) {
	for i, t := range c.Site.Trackers {
		if !needsConsent(t.Category) {
			continue
		}
		if slices.ContainsFunc(c.Site.Activities, func(a config.Activity) bool {
			return a.Basis == "consent" && receives(a, t.Provider)
		}) {
			continue
		}
		c.At(config.Path("tracker", i, "provider"),
			`add "`+string(t.Provider)+`" to the recipients of the [[activity]] with basis = "consent" that the tracker serves, or add such an activity`,
			"tracker %q needs consent (category %s), but its provider %q receives data from no activity with basis consent", t.Name, t.Category, t.Provider)
	}
}

// trackersOf returns the indexes of the trackers of the provider in the
// category.
func (c *Context) trackersOf(provider config.ID, category config.Category) []int {
	var out []int
	for i, t := range c.Site.Trackers {
		if t.Provider == provider && t.Category == category {
			out = append(out, i)
		}
	}
	return out
}

func marketingOnLegitimateInterests(c *Context) {
	for i, a := range c.Site.Activities {
		if a.Basis != "legitimate_interests" {
			continue
		}
		for _, r := range a.Recipients {
			set := c.trackersOf(r, "marketing")
			if len(set) == 0 {
				continue
			}
			c.At(config.Path("activity", i, "basis"),
				`base advertising and the data its trackers collect on basis = "consent", in an activity of its own; keep legitimate interests for what needs no tracker`,
				"activity %q rests on legitimate interests, but its recipient %q sets marketing trackers (%s)", a.ID, r, c.trackerNames(set))
		}
	}
}

// trackerNames lists trackers by name for messages, at most three.
func (c *Context) trackerNames(set []int) string {
	var names []string
	for _, i := range set[:min(3, len(set))] {
		names = append(names, `"`+c.Site.Trackers[i].Name+`"`)
	}
	if len(set) > 3 {
		names = append(names, "…")
	}
	return strings.Join(names, ", ")
}

func bundledConsent(c *Context) {
	var consent []int
	for i, a := range c.Site.Activities {
		if a.Basis == "consent" {
			consent = append(consent, i)
		}
	}
	for _, i := range consent {
		a := c.Site.Activities[i]
		// A third party's trackers serve the activities that send it data;
		// the company's own serve the only consent-based activity, if there
		// is just one, and cannot be placed otherwise.
		serves := func(t config.Tracker) bool {
			if t.Provider == config.FirstPartyProvider {
				return len(consent) == 1
			}
			return slices.Contains(a.Recipients, t.Provider)
		}
		stats := slices.IndexFunc(c.Site.Trackers, func(t config.Tracker) bool { return t.Category == "statistics" && serves(t) })
		ads := slices.IndexFunc(c.Site.Trackers, func(t config.Tracker) bool { return t.Category == "marketing" && serves(t) })
		if stats < 0 || ads < 0 {
			continue
		}
		c.At(config.Path("activity", i, "basis"),
			`split the activity in two, one for statistics and one for marketing, each with its own consent in the cookie banner`,
			"activity %q asks one consent for statistics (tracker %q) and marketing (tracker %q)", a.ID, c.Site.Trackers[stats].Name, c.Site.Trackers[ads].Name)
	}
}

func consentExpiry(c *Context) {
	limit, _ := consentLimit.Length()
	for i, t := range c.Site.Trackers {
		if d, ok := t.Expiry.Length(); ok && needsConsent(t.Category) && d > limit {
			c.At(config.Path("tracker", i, "expiry"),
				`keep the tracker at most 13 months ("13m") and ask for consent again after that`,
				"tracker %q needs consent but is kept %s, longer than 13 months", t.Name, t.Expiry)
		}
	}
}
