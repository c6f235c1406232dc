package check

import "github.com/policygen/policygen/generator/config"

// consentRules are about consent as the legal basis of an activity.
var consentRules = []*Rule{
	{
		ID:       "consent-coupling",
		Severity: Error,
		Summary:  "an activity on consent whose data the person must provide for a contract, by law or for the site to work",
		Source: "Art. 7(4) GDPR and recital 43: consent is not freely given when the performance of a contract " +
			"is made conditional on it; data a contract or the law requires rest on Art. 6(1)(b) or (c), not on consent. " +
			"EDPB Guidelines 05/2020 on consent, paragraphs 26-41.",
		// Applied while site.toml is read (config), as the text would contradict itself.
	},
	{
		ID:       "consent-settings-link",
		Severity: Warning,
		Summary:  "trackers that need consent, but no [site] consent_settings_url where people change or withdraw it",
		Source: "Art. 7(3) GDPR: withdrawing consent must be as easy as giving it, and the person must be told of the " +
			"right before giving consent; EDPB Guidelines 05/2020, paragraphs 113-114.",
		Run: consentSettingsLink,
	},
}

func consentSettingsLink(c *Context) {
	if c.Site.Settings.ConsentSettingsURL != "" {
		return
	}
	for i, t := range c.Site.Trackers {
		if t.Category != "necessary" {
			c.At(config.Path("tracker", i, "category"),
				`add consent_settings_url = "https://…" under [site]: the page or link that opens your cookie settings again`,
				"tracker %q needs consent, but site.toml names no place where people change or withdraw it", t.Name)
			return // once for the site
		}
	}
}
