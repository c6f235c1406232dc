package check

import (
	"regexp"

	"github.com/policygen/policygen/generator/config"
)

// proofOfConsent recognises an activity that records consents, by its id
// or its title in English, German or Dutch.
var proofOfConsent = regexp.MustCompile(`(?i)` +
	`\bconsent[_\- ]?(log|logs|record|records|proof|evidence)\b|\b(proof|record|records|evidence|log) of consents?\b|` +
	`einwilligungs-?(nachweis|protokoll|dokumentation)|\bnachweis (der|von|ihrer) einwilligung|` +
	`\b(vastleggen|bewijs|registratie) van (uw )?toestemming|\btoestemmingsregistratie\b`)

func consentProofOnConsent(c *Context) {
	for i, a := range c.Site.Activities {
		if a.Basis != "consent" || !isProofOfConsent(a) {
			continue
		}
		c.At(config.Path("activity", i, "basis"),
			`set basis = "legal_obligation" (Art. 6(1)(c) with Art. 7(1) GDPR) or "legitimate_interests" with the interest in being able to prove consent`,
			"activity %q keeps proof of consent, but is itself based on consent", a.ID)
	}
}

func isProofOfConsent(a config.Activity) bool {
	if proofOfConsent.MatchString(string(a.ID)) {
		return true
	}
	if proofOfConsent.MatchString(a.Title.Plain) {
		return true
	}
	for _, t := range a.Title.ByLang {
		if proofOfConsent.MatchString(t) {
			return true
		}
	}
	return false
}
