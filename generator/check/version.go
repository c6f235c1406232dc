package check

import (
	"fmt"
	"strings"
	"time"

	"github.com/policygen/policygen/generator/legal"
)

// versionRules are about the dated versions of the texts.
var versionRules = []*Rule{
	{
		ID:       "backdated-version",
		Severity: Error,
		Summary:  "a version, released or not, dated earlier than an instrument its text cites",
		Source: "Art. 5(1)(a) GDPR (transparency) and Art. 13(1)(f): the notice must say truly on what a processing and a " +
			"transfer rested when it applied. Dates: GDPR 25 May 2018 (Art. 99); SCCs of Decision (EU) 2021/914 27 June 2021; " +
			"UK IDTA and Addendum 21 March 2022; EU-US Data Privacy Framework (Decision (EU) 2023/1795) 10 July 2023; " +
			"UK Extension (SI 2023/1028) 12 October 2023; TTDSG 1 December 2021, TDDDG and DDG 14 May 2024; and the others " +
			"of generator/legal/instruments.toml.",
		Run: backdatedVersions,
	},
}

// backdating is one version that cites an instrument younger than itself.
type backdating struct {
	text  Text
	in    legal.Instrument
	where []string // "privacy in en (\"Data Privacy Framework\")"
}

func backdatedVersions(c *Context) {
	var found []*backdating
	byKey := map[string]*backdating{}
	for _, t := range c.Texts {
		if t.Date.IsZero() {
			continue
		}
		for _, cite := range c.Facts.CitedAfter(t.Markdown, t.Lang, t.Date) {
			key := t.Version + "\x00" + cite.Key
			if byKey[key] == nil {
				byKey[key] = &backdating{text: t, in: cite.Instrument}
				found = append(found, byKey[key])
			}
			byKey[key].where = append(byKey[key].where, fmt.Sprintf("%s in %s (%q)", t.Doc, t.Lang, cite.Words))
		}
	}
	for _, b := range found {
		c.AtPos(b.text.Pos,
			fmt.Sprintf("a version dated %s must not rely on it: give the text as it stood then, or date the version %s or later",
				b.text.Date.Format(time.DateOnly), b.in.NotBefore.Format(time.DateOnly)),
			"version %s takes effect on %s, before %s dates from %s, yet its text cites it: %s",
			b.text.Version, b.text.Date.Format(time.DateOnly), b.in.Name, b.in.NotBefore.Format(time.DateOnly), joinAnd(b.where))
	}
}

// joinAnd joins words as "a, b and c".
func joinAnd(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}
