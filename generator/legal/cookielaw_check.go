package legal

import (
	"maps"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// sourceKeyPattern matches the source keys of regimes.md: "geistwert-at".
var sourceKeyPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)+$`)

// cookieTexts are the per-language fields of a cookielaw.toml entry; the
// first two are required in every page language.
var cookieTexts = []string{"where", "provision", "name", "previous", "exemptions", "necessary", "consent", "exemption_note"}

// exemptCategories are the tracker categories a national exemption may
// cover; strictly necessary ones need none, and none covers marketing.
var exemptCategories = []string{"preferences", "statistics"}

// problems lists what is wrong with the cookie law file, sorted: a bad
// country code, a required text missing in a page language, a text in a
// language that is not a page language, exempt without exemption_note,
// missing sources or checked date, a secondary marker naming a field the
// entry lacks, a value that should be a table, and any string holding
// UNVERIFIED.
func (f *cookieLawFile) problems(md toml.MetaData) []string {
	var p problemList
	unverified(&p, "", reflect.ValueOf(f).Elem())
	for _, k := range md.Keys() {
		if t := md.Type(k...); (len(k) <= 2 || len(k) == 3 && slices.Contains(cookieTexts, k[2])) && t != "Hash" {
			p.add(k.String(), "must be a table, such as { en = …, de = …, nl = … } or [%s]", k)
		}
	}
	for _, cc := range slices.Sorted(maps.Keys(f.Country)) {
		path := "country." + cc
		if !codePattern.MatchString(cc) {
			p.add(path, "not an ISO 3166-1 alpha-2 code in capitals")
		}
		f.Country[cc].check(&p, path)
	}
	slices.Sort(p)
	return p
}

func (e *cookieEntry) check(p *problemList, path string) {
	texts := e.texts()
	for _, field := range cookieTexts {
		m := texts[field]
		for _, l := range slices.Sorted(maps.Keys(m)) {
			switch {
			case !slices.Contains(cookieLawLanguages, l):
				p.add(path+"."+field+"."+l, "%q is not one of the page languages %v", l, cookieLawLanguages)
			case strings.TrimSpace(m[l]) == "":
				p.add(path+"."+field+"."+l, "empty")
			}
		}
		required := field == "where" || field == "provision"
		for _, l := range cookieLawLanguages {
			if _, ok := m[l]; !ok && (required || len(m) > 0 && field != "name") {
				p.add(path+"."+field, "no text in %q", l)
			}
		}
	}
	for _, c := range e.Exempt {
		if !slices.Contains(exemptCategories, c) {
			p.add(path+".exempt", "%q is not one of %v", c, exemptCategories)
		}
	}
	if len(e.Exempt) > 0 && len(e.ExemptionNote) == 0 {
		p.add(path+".exempt", "needs an exemption_note that says on what conditions")
	}
	if len(e.Sources) == 0 {
		p.add(path, "no sources")
	}
	for _, s := range e.Sources {
		if !sourceKeyPattern.MatchString(s) {
			p.add(path+".sources", "%q is not a source key such as \"geistwert-at\"", s)
		}
	}
	if e.Checked == "" {
		p.add(path, "no checked date")
	} else if _, err := time.Parse(time.DateOnly, e.Checked); err != nil {
		p.add(path+".checked", "%q is not a date such as \"2026-12-01\"", e.Checked)
	}
	for _, s := range e.Secondary {
		if m, ok := texts[s]; !ok || len(m) == 0 {
			p.add(path+".secondary", "%q: the entry has no such field", s)
		}
	}
}

// texts returns the per-language fields by their key in the file.
func (e *cookieEntry) texts() map[string]map[string]string {
	return map[string]map[string]string{
		"where": e.Where, "provision": e.Provision, "name": e.Name, "previous": e.Previous,
		"exemptions": e.Exemptions, "necessary": e.Necessary, "consent": e.Consent, "exemption_note": e.ExemptionNote,
	}
}
