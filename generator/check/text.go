package check

// textRules are about the words of site.toml and of the site's own
// clause and message files.
var textRules = []*Rule{
	{
		ID:       "placeholder-text",
		Severity: Error,
		Summary:  "a placeholder (TODO, TBD, FIXME, XXX, MARKER, lorem ipsum, a lone …, [insert …]) in a value of site.toml or in a custom clause or message",
		Source: "Art. 12(1) GDPR: the information of Art. 13 and 14 is given in a concise, transparent, intelligible " +
			"and easily accessible form, using clear and plain language; a placeholder leaves the information it stands for " +
			"unsaid (Art. 13(1), (2) GDPR).",
		Run: placeholderText,
	},
	{
		ID:       "nl-register",
		Severity: Warning,
		Summary:  "a Dutch value that mixes je/jij/jouw/jullie with u/uw, or says je where the built-in Dutch clauses say u",
		Source: "Art. 12(1) GDPR: clear and plain language, intelligible to the reader; a text that switches between " +
			"the informal je and the formal u within one notice reads as patched together. The built-in Dutch clauses " +
			"address the reader as u.",
		Run: nlRegister,
	},
	{
		ID:       "consent-proof-on-consent",
		Severity: Warning,
		Summary:  "an activity that keeps proof of consent, with consent as its own legal basis",
		Source: "Art. 7(1) GDPR: where processing is based on consent, the controller shall be able to demonstrate " +
			"that the person has consented; keeping that proof is a legal obligation of the controller (Art. 6(1)(c) " +
			"GDPR with Art. 7(1) and Art. 5(2)), or rests on its legitimate interest in being able to prove it " +
			"(Art. 6(1)(f)). It cannot depend on a further consent, which the person could refuse or withdraw.",
		Run: consentProofOnConsent,
	},
}
