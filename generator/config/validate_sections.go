package config

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/policygen/policygen/generator/diag"
)

// Ages that [minors] minimum_age accepts: Art. 8(1) GDPR lets member
// states lower the age of consent to 13, and a minimum age above the age
// of majority is no rule about minors.
const (
	minMinimumAge = 13
	maxMinimumAge = 18
)

// maxBreachNoticeHours is the longest breach_notice accepted, 30 days: Art.
// 34 GDPR asks for notice without undue delay, which a longer commitment
// would not be.
const maxBreachNoticeHours = 30 * 24

func (v *validator) minors() {
	m := v.Site.Minors
	if m == nil || !v.decoded("minors.minimum_age") {
		return
	}
	switch {
	case m.MinimumAge < minMinimumAge || m.MinimumAge > maxMinimumAge:
		v.at("minors.minimum_age", "write the age in years from which people may use the website and services, from 13 to 18, such as 16 (Art. 8(1) GDPR)",
			"minors.minimum_age %d is not an age from %d to %d", m.MinimumAge, minMinimumAge, maxMinimumAge)
	case m.MinimumAge < 16 && v.euConsent():
		v.errs.Add(diag.Warningf(v.Pos.Value("minors.minimum_age"),
			"people from %d may use the services, and some activities rest on consent, which a child under 16 gives alone only where the law of its member state allows it (Art. 8(1) GDPR)", m.MinimumAge).
			WithHint("have those consents given or authorised by the holder of parental responsibility, or raise minimum_age to 16; the policy states the GDPR's rule either way"))
	}
}

// euConsent reports whether the EU GDPR applies and some activity rests on
// consent, so that Art. 8 GDPR may concern the company's young users.
func (v *validator) euConsent() bool {
	if !v.facts.RegimeOf(string(v.Site.Company.Country), v.Site.Company.TargetsEU).EU {
		return false
	}
	return slices.ContainsFunc(v.Site.Activities, func(a Activity) bool { return a.Basis == "consent" })
}

func (v *validator) security() {
	s := v.Site.Security
	if s == nil {
		return
	}
	if len(s.Measures) == 0 && v.decoded("security.measures") {
		v.at("security.measures", "name the measures you take, such as [\"encryption_in_transit\", \"access_control\", \"backups\"], or leave [security] out",
			"security.measures is empty")
	}
	for i, m := range s.Measures {
		if slices.Contains(s.Measures[:i], m) {
			v.at(Path("security.measures", i), "remove the second one", "security measure %q is listed twice", m)
		}
	}
	v.breachNotice(s.BreachNotice)
}

// breachNotice checks that the period in which the company promises to tell
// people of a high-risk breach is a number of hours, days or weeks, and not
// longer than maxBreachNoticeHours.
func (v *validator) breachNotice(d Duration) {
	const path = "security.breach_notice"
	if d == (Duration{}) || !v.decoded(path) {
		return
	}
	hours := map[string]int{"h": 1, "d": 24, "w": 7 * 24}[d.Unit] * d.N
	switch {
	case d.Special != "" || hours == 0:
		v.at(path, `write the hours, days or weeks in which you tell people of a breach that puts them at high risk, such as "72h" or "3d"`,
			"security.breach_notice %q is not a number of hours, days or weeks", d)
	case hours > maxBreachNoticeHours:
		v.at(path, `Art. 34 GDPR asks for notice without undue delay: promise at most 30 days, such as "72h"`,
			"security.breach_notice %q is longer than 30 days", d)
	}
}

// article checks company.article: a language of the site whose grammar
// puts an article before a company name (German), with one of its
// articles.
func (v *validator) article() {
	a := v.Site.Company.Article
	langs := make([]string, 0, len(a))
	for lang := range a {
		langs = append(langs, lang)
	}
	sort.Strings(langs)
	for _, lang := range langs {
		path := Path("company.article", lang)
		allowed, known := articles[lang]
		switch {
		case !v.decoded(path):
		case !slices.Contains(v.Site.Settings.Languages, lang):
			v.atKey(path, "the site languages are "+strings.Join(v.Site.Settings.Languages, ", "),
				"company.article has an article for %q, which is not a site language", lang)
		case !known:
			v.atKey(path, `only German pages put an article before a company name: write { de = "die" }, or leave the language out`,
				"company.article: policygen puts no article before a company name in %q", lang)
		case !slices.Contains(allowed, a[lang]):
			hint := "use one of: " + strings.Join(allowed, ", ")
			if m := suggest(a[lang], allowed); m != "" {
				hint = fmt.Sprintf("did you mean %q? (%s)", m, hint)
			}
			v.at(path, hint, "unknown %s article %q for the company name", lang, a[lang])
		}
	}
}
