package check

import (
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/policygen/policygen/generator/config"
	"github.com/policygen/policygen/generator/trackers"
)

// trackerRules compare the [[tracker]] entries with the knowledge base of
// real trackers and with the consent-based activities they rest on.
var trackerRules = []*Rule{
	{
		ID:       "tracker-category",
		Severity: Error,
		Summary:  "a known statistics or marketing tracker declared necessary",
		Source: "Art. 5(3) ePrivacy Directive: storing or reading information on a device needs consent, except solely " +
			"to transmit a communication or where strictly necessary for a service the user explicitly requested; " +
			"CJEU Planet49 (C-673/17) of 1 Oct 2019. Advertising is never strictly necessary, and statistics are not in " +
			"Germany (§ 25 TDDDG) and most member states; the narrow exemptions for audience measurement that some make " +
			"(the CNIL's conditions in France, Schedule A1 PECR in the United Kingdom from 5 Feb 2026) are for a site's own " +
			"measurement under conditions a platform's tracker rarely meets: where yours does, ignore the rule with that reason.",
		Run: trackerCategory,
	},
	{
		ID:       "tracker-category-differs",
		Severity: Warning,
		Summary:  "a known tracker declared in another category than the knowledge base gives (not one that needs consent where the knowledge base says necessary)",
		Source: "Art. 5(3) ePrivacy Directive and Art. 13(1)(c) GDPR: the information on a tracker, its purpose " +
			"among it, must be clear and comprehensive; CJEU Planet49 (C-673/17) of 1 Oct 2019.",
		Run: trackerCategoryDiffers,
	},
	{
		ID:       "tracker-expiry",
		Severity: Warning,
		Summary:  "a known tracker whose declared expiry is more than twice or less than half its typical retention, or session against persistent",
		Source: "CJEU Planet49 (C-673/17) of 1 Oct 2019: the information given on cookies includes how long they " +
			"last; Art. 13(2)(a) GDPR (storage period).",
		Run: trackerExpiry,
	},
	{
		ID:       "tracker-unknown-provider",
		Severity: Info,
		Summary:  "a known tracker whose declared provider is not the controller the knowledge base gives for its platform",
		Source: "CJEU Planet49 (C-673/17) of 1 Oct 2019: the information includes whether third parties can access " +
			"the cookies; Art. 13(1)(e) GDPR (recipients).",
		Run: trackerUnknownProvider,
	},
	{
		ID:       "consent-tracker-without-activity",
		Severity: Warning,
		Summary:  "a tracker that needs consent whose provider receives data from no consent-based activity",
		Source: "Art. 5(3) ePrivacy Directive: the tracker needs consent; Art. 13(1)(c) and (e) GDPR: the policy " +
			"names, for each purpose, its legal basis and its recipients, so the provider must be a recipient of an " +
			"activity on Art. 6(1)(a).",
		Run: consentTrackerWithoutActivity,
	},
	{
		ID:       "marketing-on-legitimate-interests",
		Severity: Warning,
		Summary:  "an activity on legitimate interests whose recipients set marketing trackers",
		Source: "Art. 5(3) ePrivacy Directive: marketing trackers need consent; CJEU Planet49 (C-673/17) of " +
			"1 Oct 2019; CJEU Meta Platforms v Bundeskartellamt (C-252/21) of 4 Jul 2023: personalised advertising " +
			"can hardly rest on Art. 6(1)(f) GDPR against the user's interests without consent.",
		Run: marketingOnLegitimateInterests,
	},
	{
		ID:       "bundled-consent",
		Severity: Warning,
		Summary:  "one consent-based activity whose trackers span statistics and marketing",
		Source: "Art. 4(11) GDPR: consent is \"specific\"; Art. 6(1)(a): for one or more specific purposes; " +
			"EDPB Guidelines 05/2020 on consent (4 May 2020), paragraphs 55-61 on specific and granular consent.",
		Run: bundledConsent,
	},
	{
		ID:       "consent-expiry",
		Severity: Warning,
		Summary:  "a tracker that needs consent kept longer than 13 months",
		Source: "CNIL recommendation of 17 Sep 2020 (délibération 2020-092), article 5: a tracker's lifetime " +
			"limited to what allows a relevant comparison over time, such as thirteen months, and not extended " +
			"on new visits (said of audience measurement, used here as the benchmark); Art. 5(1)(e) GDPR " +
			"(storage limitation).",
		Run: consentExpiry,
	},
}

// minPatternLen is the shortest pattern of the knowledge base that counts
// as evidence: prefixes such as "tp" or "_s" match too many names.
const minPatternLen = 4

// known returns the best-ranked entries of the knowledge base for a
// tracker name: those of its exact name, or else of its longest matching
// pattern. Several entries are one name used by several platforms; a rule
// that must not pick one compares with all of them.
func known(name string) []trackers.Entry {
	all := trackers.LookupAll(name)
	if len(all) == 0 || all[0].Pattern && len(all[0].Name) < minPatternLen {
		return nil
	}
	best := all[0]
	n := 0
	for n < len(all) && all[n].Name == best.Name && all[n].Pattern == best.Pattern {
		n++
	}
	return all[:n]
}

// knownCategory returns the category the entries agree on, or false when
// they disagree.
func knownCategory(entries []trackers.Entry) (config.Category, bool) {
	if len(entries) == 0 {
		return "", false
	}
	for _, e := range entries[1:] {
		if e.Category != entries[0].Category {
			return "", false
		}
	}
	return entries[0].Category, true
}

// needsConsent reports whether trackers of the category need consent.
func needsConsent(c config.Category) bool { return c != "" && c != "necessary" }

func trackerCategory(c *Context) {
	for i, t := range c.Site.Trackers {
		kb, ok := knownCategory(known(t.Name))
		if ok && t.Category == "necessary" && (kb == "statistics" || kb == "marketing") {
			c.At(config.Path("tracker", i, "category"),
				`write category = "`+string(kb)+`" and set the tracker only after consent; if yours is another tracker of the same name, rename it or add an ignore with the reason`,
				"tracker %q is a %s tracker (%s), which needs consent, but is declared necessary", t.Name, kb, platformOf(known(t.Name)))
		}
	}
}

func trackerCategoryDiffers(c *Context) {
	for i, t := range c.Site.Trackers {
		entries := known(t.Name)
		kb, ok := knownCategory(entries)
		switch {
		case !ok || kb == t.Category:
			continue
		case t.Category == "necessary" && (kb == "statistics" || kb == "marketing"):
			continue // tracker-category's error
		case kb == "necessary":
			continue // asking consent for what is commonly necessary errs on the safe side
		}
		c.At(config.Path("tracker", i, "category"),
			`check what the tracker is used for and write its category, or add an ignore with the reason if yours differs from the common use`,
			"tracker %q is declared %s, but the knowledge base lists it as %s (%s)", t.Name, t.Category, kb, platformOf(entries))
	}
}

// platformOf names the platforms of entries for messages: "Google Analytics".
func platformOf(entries []trackers.Entry) string {
	var names []string
	for _, e := range entries {
		if !slices.Contains(names, e.Platform) {
			names = append(names, e.Platform)
		}
	}
	return strings.Join(names, " or ")
}

// far reports whether a declared expiry is far from a known retention:
// session against a fixed period, or a period more than twice or less
// than half the known one (both count months and years at their average
// Gregorian lengths). Known periods under an hour count as an hour, the
// shortest that site.toml can write.
func far(declared config.Duration, r trackers.Retention) bool {
	period, persistent := declared.Length()
	switch {
	case declared.Special != "session" && !persistent, !r.Known():
		return false // "none" or until_withdrawn, or nothing known
	case r.Kind == trackers.RetentionSession || declared.Special == "session":
		return (r.Kind == trackers.RetentionSession) != (declared.Special == "session")
	}
	typical := max(r.Period, time.Hour)
	return period > 2*typical || 2*period < typical
}

func trackerExpiry(c *Context) {
	for i, t := range c.Site.Trackers {
		entries := known(t.Name)
		var texts []string
		farFromAll := false
		for _, e := range entries {
			if !e.Retention.Known() {
				continue
			}
			if !far(t.Expiry, e.Retention) {
				farFromAll = false
				break
			}
			farFromAll = true
			texts = append(texts, retentionText(e.Retention))
		}
		if farFromAll {
			c.At(config.Path("tracker", i, "expiry"),
				`check how long the tracker is really kept (in the browser's storage or the provider's documentation) and write that; add an ignore with the reason if your setting differs`,
				"tracker %q is declared with expiry %q, but %s typically keeps it %s", t.Name, t.Expiry, platformOf(entries), strings.Join(texts, " or "))
		}
	}
}

// retentionText says a known retention for messages: "for the session",
// "for 2 years".
func retentionText(r trackers.Retention) string {
	if r.Kind == trackers.RetentionSession {
		return "for the session"
	}
	return "for " + r.Text
}

func trackerUnknownProvider(c *Context) {
	for i, t := range c.Site.Trackers {
		entries := known(t.Name)
		p, ok := c.processor(t.Provider)
		if !ok || len(entries) == 0 {
			continue // first_party: self-hosted software (Matomo, PHP) is the company's own, whoever wrote it
		}
		var controllers []string
		matched := false
		for _, e := range entries {
			matched = matched || sameCompany(p.Name, e.Controller)
			if e.Controller != "" && !slices.Contains(controllers, e.Controller) {
				controllers = append(controllers, e.Controller)
			}
		}
		if !matched && len(controllers) > 0 {
			c.At(config.Path("tracker", i, "provider"),
				`check who sets the tracker: name the provider whose platform it is as provider = "…", or add an ignore with the reason if yours is another tracker of the same name`,
				"tracker %q is provided by %q here, but %s is controlled by %s", t.Name, p.Name, platformOf(entries), strings.Join(controllers, " or "))
		}
	}
}

// processor returns the [[processor]] with the id.
func (c *Context) processor(id config.ID) (config.Processor, bool) {
	i := slices.IndexFunc(c.Site.Processors, func(p config.Processor) bool { return p.ID == id })
	if i < 0 {
		return config.Processor{}, false
	}
	return c.Site.Processors[i], true
}

// legalForms are words of company names that say nothing about which
// company it is.
var legalForms = map[string]bool{
	"inc": true, "llc": true, "ltd": true, "limited": true, "unlimited": true, "company": true, "co": true,
	"corp": true, "corporation": true, "gmbh": true, "ag": true, "kg": true, "mbh": true, "bv": true, "b": true,
	"v": true, "nv": true, "sa": true, "sas": true, "sarl": true, "srl": true, "plc": true, "ab": true, "as": true,
	"oy": true, "the": true, "ireland": true, "europe": true, "international": true, "operations": true,
	"platforms": true, "and": true, "of": true, "holding": true, "group": true, "net": true, "com": true,
	"analytics": true, "software": true, "services": true, "media": true, "digital": true, "technologies": true,
}

// sameCompany compares two company names loosely: they share a word that
// is not a legal form or a place ("Google Ireland Limited" and "Google").
func sameCompany(a, b string) bool {
	words := companyWords(a)
	for _, w := range companyWords(b) {
		if slices.Contains(words, w) {
			return true
		}
	}
	return false
}

func companyWords(s string) []string {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	return slices.DeleteFunc(words, func(w string) bool { return legalForms[w] })
}
