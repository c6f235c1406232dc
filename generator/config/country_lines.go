package config

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/policygen/policygen/generator/diag"
	"github.com/policygen/policygen/generator/legal"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// The pages end every address with its country's name in the page's
// language, from the address's country code. A last line that names the
// country already would print it twice, and in one language only, so it is
// dropped with a warning: sites written before keep building.

// addressLanguages are the languages whose country names a country line may
// be written in, besides the country's own: those of the clauses.
var addressLanguages = []language.Tag{language.English, language.German, language.Dutch}

// countryLines drops the country line of each address (see countryLine).
// An address whose country did not decode is left alone.
func (v *validator) countryLines() {
	s := v.Site
	company := s.Company.Country
	if company == "" {
		return
	}
	// own is the country of a table's address and the key that gives it:
	// its own country, else the company's.
	own := func(table string, c Country) (Country, string) {
		if c != "" {
			return c, table + ".country"
		}
		return company, "company.country"
	}
	v.countryLine("company.address", &s.Company.Address, company, "company.country")
	if d := s.DPO; d != nil {
		c, key := own("dpo", d.Country)
		v.countryLine("dpo.address", &d.Address, c, key)
	}
	if r := s.Representative; r != nil && r.Country != "" { // one without is an error
		v.countryLine("representative.address", &r.Address, r.Country, "representative.country")
	}
	if a := s.Authority; a != nil {
		c, key := own("authority", a.Country)
		v.countryLine("authority.address", &a.Address, c, key)
	}
}

// countryLine drops the last of lines, at path, when it names only
// country, whose code is at key; it warns when it names another country,
// which the pages would print above the address's own.
func (v *validator) countryLine(path string, lines *[]string, country Country, key string) {
	n := len(*lines)
	if n < 2 || !v.decoded(path) {
		return // a one-line address keeps its line, whatever it is
	}
	last := (*lines)[n-1]
	pos := func() diag.Pos { return v.Pos.Value(Path(path, n-1)) } // scanned only for a warning
	switch other := countryNamed(last); {
	case namesCountry(last, country, v.facts.Languages(string(country))):
		*lines = (*lines)[:n-1]
		v.errs.Add(diag.Warningf(pos(), "the last line of %s, %q, only names the country; it is left out", path, last).
			WithHint("remove the line: the pages end the address with the name of the country of %s (%s) in the page's language", key, country))
	case other != "":
		hint := fmt.Sprintf("the pages end the address with the country of %s; correct %s, or remove the line", key, key)
		if table := strings.TrimSuffix(path, ".address"); key != table+".country" {
			hint = fmt.Sprintf("if the address is in %s, add country = %q to [%s]; otherwise remove the line", englishName(other), other, table)
		}
		v.errs.Add(diag.Warningf(pos(), "the last line of %s, %q, names %s, but %s is %s", path, last, englishName(other), key, country).
			WithHint("%s", hint))
	}
}

// namesCountry reports whether line is only the name of country: its code
// (or another code for it, such as UK or GBR), or its name as CLDR writes
// it in English, German, Dutch, the country's official languages (as far as
// legal knows them) or its most likely one, in any case, with or without
// "the".
func namesCountry(line string, country Country, official []string) bool {
	s := normalize(line)
	if r, err := language.ParseRegion(s); err == nil && isLetters(s) && r.Canonicalize().String() == string(country) {
		return true
	}
	r, err := language.ParseRegion(string(country))
	if err != nil {
		return false
	}
	tags := slices.Clone(addressLanguages)
	for _, l := range official {
		tags = append(tags, language.Make(l))
	}
	if t, err := language.Compose(r); err == nil {
		if likely, conf := t.Base(); conf != language.No {
			tags = append(tags, language.Make(likely.String()))
		}
	}
	for _, t := range tags {
		if normalize(display.Regions(t).Name(r)) == s {
			return true
		}
	}
	return false
}

// countryNamed returns the code of the country whose English, German or
// Dutch name line is, or "".
func countryNamed(line string) Country { return countryNames()[normalize(line)] }

// countryNames maps the normalized English, German and Dutch names of every
// country to its code. Codes are left out: "CA" on a line of its own is
// more often a US state than Canada. The table is built once, when first
// needed, and never changed.
var countryNames = sync.OnceValue(func() map[string]Country {
	m := map[string]Country{}
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			code := string([]rune{a, b})
			r, err := language.ParseRegion(code)
			if err != nil || !r.IsCountry() || r.String() != code || r.Canonicalize().ISO3() == "ZZZ" {
				continue
			}
			for _, t := range addressLanguages {
				if name := normalize(display.Regions(t).Name(r)); name != "" {
					m[name] = Country(code)
				}
			}
		}
	}
	return m
})

func englishName(c Country) string {
	r, err := language.ParseRegion(string(c))
	if err != nil {
		return string(c)
	}
	return display.Regions(language.English).Name(r)
}

// normalize lowercases s, collapses its spaces, and drops a final full
// stop and a leading "the".
func normalize(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	s = strings.TrimSuffix(s, ".")
	return strings.TrimPrefix(s, "the ")
}

func isLetters(s string) bool {
	for _, r := range s {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return s != ""
}

// WithoutCountryLines returns a copy of s whose addresses no longer end
// with a line that only names their country, as validation leaves the
// addresses of site.toml. A model snapshot released before the pages added
// the country line themselves still holds it; rendered with today's clauses
// (a revision of an announced version), it would print the country twice.
func WithoutCountryLines(s *Site, facts *legal.Facts) *Site {
	c := *s
	drop := func(lines []string, country Country) []string {
		n := len(lines)
		if n < 2 || country == "" || !namesCountry(lines[n-1], country, facts.Languages(string(country))) {
			return lines
		}
		return slices.Clone(lines[:n-1])
	}
	or := func(own Country) Country { return cmp.Or(own, s.Company.Country) }
	c.Company.Address = drop(s.Company.Address, s.Company.Country)
	if d := s.DPO; d != nil {
		dc := *d
		dc.Address = drop(d.Address, or(d.Country))
		c.DPO = &dc
	}
	if r := s.Representative; r != nil {
		rc := *r
		rc.Address = drop(r.Address, r.Country)
		c.Representative = &rc
	}
	if a := s.Authority; a != nil {
		ac := *a
		ac.Address = drop(a.Address, or(a.Country))
		c.Authority = &ac
	}
	return &c
}
