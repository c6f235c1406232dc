package legal

import (
	"fmt"
	"maps"
	"net/url"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// authorityFile is authorities.toml as decoded.
type authorityFile struct {
	Country map[string]countryTable `toml:"country"`
}

// countryTable is a [country.XX] table: one authority, or one per region
// and perhaps a federal one.
type countryTable struct {
	entry
	Region  map[string]*entry `toml:"region"`
	Federal *entry            `toml:"federal"`
}

func (t *countryTable) national() bool { return !reflect.ValueOf(t.entry).IsZero() }

var (
	codePattern     = regexp.MustCompile(`^[A-Z]{2}$`)
	languagePattern = regexp.MustCompile(`^[a-z]{2}$`)
	sourcePattern   = regexp.MustCompile(`^[A-Z]{2}-[A-Z]*[0-9]+$`)
)

// checkedLayouts are the precisions a checked date may have.
var checkedLayouts = []string{time.DateOnly, "2006-01", "2006"}

// secondaryFields are the fields a secondary entry may name.
var secondaryFields = []string{"name", "short", "address", "url", "urls"}

// problems lists what is wrong with the authorities file, sorted: a
// country of the EEA without an authority, an entry without name, URL,
// sources or a valid checked date, a key in a language the entry does not
// have, and any string that holds the word UNVERIFIED.
func (f *authorityFile) problems(md toml.MetaData, eea []string) []string {
	var p problemList
	unverified(&p, "", reflect.ValueOf(f).Elem())
	tableShapes(&p, md)
	for _, cc := range slices.Sorted(maps.Keys(f.Country)) {
		t := f.Country[cc]
		path := "country." + cc
		if !codePattern.MatchString(cc) {
			p.add(path, "not an ISO 3166-1 alpha-2 code in capitals")
		}
		switch {
		case t.national() && len(t.Region) > 0:
			p.add(path, "has both a national authority and regions; put a national one that is not the default in [%s.federal]", path)
		case !t.national() && len(t.Region) == 0:
			p.add(path, "has no authority: add name, url, … or [%s.region.XX] tables", path)
		case t.national():
			t.entry.check(&p, path, false)
		}
		for _, r := range slices.Sorted(maps.Keys(t.Region)) {
			if !codePattern.MatchString(r) {
				p.add(path+".region."+r, "region codes are two capitals")
			}
			t.Region[r].check(&p, path+".region."+r, false)
		}
		if t.Federal != nil {
			t.Federal.check(&p, path+".federal", true)
		}
	}
	for _, cc := range eea {
		if _, ok := f.Country[cc]; !ok {
			p.add("country."+cc, "no authority for this EEA state")
		}
	}
	slices.Sort(p)
	return p
}

// tableShapes reports a key that must hold a table and holds something
// else: the TOML decoder leaves a map it cannot fill empty, without an
// error.
func tableShapes(p *problemList, md toml.MetaData) {
	for _, k := range md.Keys() {
		if t := md.Type(k...); wantsTable(k) && t != "Hash" {
			p.add(k.String(), "must be a table, such as { de = … } or [%s]", k)
		}
	}
}

// wantsTable reports whether the key k of the authorities file is a table:
// country, country.XX, its region and federal tables, the regions, and the
// per-language fields of an entry.
func wantsTable(k toml.Key) bool {
	perLanguage := func(f string) bool { return slices.Contains([]string{"name", "short", "gloss", "address", "urls"}, f) }
	switch {
	case len(k) <= 2:
		return true
	case len(k) == 3:
		return k[2] == "region" || k[2] == "federal" || perLanguage(k[2])
	case k[2] == "region":
		return len(k) == 4 || len(k) == 5 && perLanguage(k[4])
	case k[2] == "federal":
		return len(k) == 4 && perLanguage(k[3])
	}
	return false
}

// unverified reports every string under v that holds the word UNVERIFIED:
// such a value must be left out rather than printed.
func unverified(p *problemList, path string, v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		if strings.Contains(strings.ToUpper(v.String()), "UNVERIFIED") {
			p.add(path, "holds UNVERIFIED; leave the field out instead")
		}
	case reflect.Pointer:
		if !v.IsNil() {
			unverified(p, path, v.Elem())
		}
	case reflect.Slice:
		for i := range v.Len() {
			unverified(p, fmt.Sprintf("%s[%d]", path, i), v.Index(i))
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			unverified(p, path+"."+it.Key().String(), it.Value())
		}
	case reflect.Struct:
		for i := range v.NumField() {
			f := v.Type().Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
			switch {
			case f.Anonymous:
				unverified(p, path, v.Field(i))
			case name != "":
				unverified(p, strings.TrimPrefix(path+"."+name, "."), v.Field(i))
			}
		}
	}
}

type problemList []string

func (p *problemList) add(path, format string, args ...any) {
	*p = append(*p, path+": "+fmt.Sprintf(format, args...))
}

func (e *entry) check(p *problemList, path string, federal bool) {
	if len(e.Languages) == 0 {
		p.add(path, "no languages")
	}
	for _, l := range e.Languages {
		if !languagePattern.MatchString(l) {
			p.add(path+".languages", "%q is not an ISO 639-1 code", l)
		}
	}
	if _, ok := first(e, e.Name); !ok {
		p.add(path, "no name in one of its languages or in English")
	}
	checkTexts(p, e, path+".name", e.Name)
	checkTexts(p, e, path+".short", e.Short)
	e.checkGloss(p, path+".gloss")
	e.checkAddress(p, path+".address")
	checkURL(p, path+".url", e.URL)
	for _, l := range slices.Sorted(maps.Keys(e.URLs)) {
		e.checkLanguage(p, path+".urls", l)
		checkURL(p, path+".urls."+l, e.URLs[l])
	}
	e.checkSources(p, path)
	e.checkSecondary(p, path+".secondary")
	switch {
	case federal && strings.TrimSpace(e.Scope) == "":
		p.add(path, "a federal authority needs a scope: what it is competent for")
	case !federal && e.Scope != "":
		p.add(path+".scope", "only federal authorities have a scope")
	}
}

// glossLanguages are the page languages an authority has a gloss in,
// unless they are official for it: the languages of policygen's clauses.
var glossLanguages = []string{"en", "de", "nl"}

// checkGloss: a gloss in each of glossLanguages that is not official, and
// none in another language.
func (e *entry) checkGloss(p *problemList, path string) {
	for _, l := range slices.Sorted(maps.Keys(e.Gloss)) {
		switch {
		case slices.Contains(e.Languages, l):
			p.add(path+"."+l, "%q is an official language of the authority, whose name needs no gloss in it", l)
		case !slices.Contains(glossLanguages, l):
			p.add(path+"."+l, "glosses are for the page languages %v", glossLanguages)
		case strings.TrimSpace(e.Gloss[l]) == "":
			p.add(path+"."+l, "empty")
		}
	}
	for _, l := range glossLanguages {
		if _, ok := e.Gloss[l]; !ok && !slices.Contains(e.Languages, l) {
			p.add(path, "no gloss in %q, which is not an official language of the authority", l)
		}
	}
}

func checkTexts(p *problemList, e *entry, path string, m map[string]string) {
	for _, l := range slices.Sorted(maps.Keys(m)) {
		e.checkLanguage(p, path, l)
		if strings.TrimSpace(m[l]) == "" {
			p.add(path+"."+l, "empty")
		}
	}
}

func (e *entry) checkAddress(p *problemList, path string) {
	for _, l := range slices.Sorted(maps.Keys(e.Address)) {
		e.checkLanguage(p, path, l)
		lines := e.Address[l]
		if len(lines) == 0 {
			p.add(path+"."+l, "no lines")
		}
		for i, line := range lines {
			if strings.TrimSpace(line) == "" {
				p.add(fmt.Sprintf("%s.%s[%d]", path, l, i), "empty line")
			}
		}
	}
}

// checkLanguage: the language keys of a field are the entry's official
// languages and English.
func (e *entry) checkLanguage(p *problemList, path, lang string) {
	if lang != english && !slices.Contains(e.Languages, lang) {
		p.add(path+"."+lang, "%q is neither one of the languages %v nor %q", lang, e.Languages, english)
	}
}

func checkURL(p *problemList, path, s string) {
	u, err := url.Parse(s)
	switch {
	case s == "":
		p.add(path, "no website")
	case err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "":
		p.add(path, "%q is not an http or https address", s)
	}
}

func (e *entry) checkSources(p *problemList, path string) {
	if len(e.Sources) == 0 {
		p.add(path, "no sources")
	}
	for _, s := range e.Sources {
		if !sourcePattern.MatchString(s) {
			p.add(path+".sources", "%q is not a source ID such as \"AT-1\"", s)
		}
	}
	if e.Checked == "" {
		p.add(path, "no checked date")
	} else if !slices.ContainsFunc(checkedLayouts, func(l string) bool { _, err := time.Parse(l, e.Checked); return err == nil }) {
		p.add(path+".checked", "%q is not a date such as \"2025-10-02\", \"2024-10\" or \"2023\"", e.Checked)
	}
}

// checkSecondary: each item names a field the entry has, or one language
// of it.
func (e *entry) checkSecondary(p *problemList, path string) {
	for _, s := range e.Secondary {
		field, lang, perLang := strings.Cut(s, ".")
		has, ok := e.languagesOf(field)
		switch {
		case !ok:
			p.add(path, "%q: not one of the fields %v", s, secondaryFields)
		case perLang && !slices.Contains(has, lang):
			p.add(path, "%q: the entry has no %s in %q", s, field, lang)
		case !perLang && len(has) == 0:
			p.add(path, "%q: the entry has no %s", s, field)
		}
	}
}

// languagesOf returns the language keys field has (for url, every language
// it serves); false when field is not one a secondary entry may name.
func (e *entry) languagesOf(field string) ([]string, bool) {
	switch field {
	case "name":
		return slices.Collect(maps.Keys(e.Name)), true
	case "short":
		return slices.Collect(maps.Keys(e.Short)), true
	case "address":
		return slices.Collect(maps.Keys(e.Address)), true
	case "urls":
		return slices.Collect(maps.Keys(e.URLs)), true
	case "url":
		if e.URL == "" {
			return nil, true
		}
		return append(slices.Clone(e.Languages), english), true
	}
	return nil, false
}
