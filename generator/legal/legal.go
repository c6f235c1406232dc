// Package legal owns the facts of data protection law that change by
// decision rather than by release: which countries are in the EEA, which have
// an adequacy decision, which supervisory authority is competent where, and
// which national provision governs cookies.
// The facts live in embedded TOML files so that updating them is an edit to
// data, not to code.
package legal

import (
	_ "embed"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
)

//go:embed countries.toml
var countriesTOML []byte

//go:embed authorities.toml
var authoritiesTOML []byte

//go:embed cookielaw.toml
var cookieLawTOML []byte

// Facts answers the questions the validator and the clauses ask about
// countries. The zero value knows nothing; use Load.
type Facts struct {
	eea, eu, adequate, dpf map[string]bool
	ukAdequate             map[string]bool
	readerCountry          map[string]string
	readerCookieLaw        map[string]string
	authorities            map[string]countryAuthorities
	cookieLaws             map[string]*cookieEntry
	checkData              // for policygen check: check_data.go
}

type countryAuthorities struct {
	national Authority // zero where authorities are per region
	region   map[string]Authority
	federal  Authority // zero where there is none
}

// Load parses the embedded data files and checks the authorities (every
// EEA state has one, every entry has a name, a website, sources and a
// checked date) and the cookie laws (every entry has its texts in en, de
// and nl, sources and a checked date); no value may be marked UNVERIFIED.
//
// It also loads the data of policygen check's rules (check_data.go), with
// sources and a checked date on every row.
func Load() (*Facts, error) {
	f, err := load(countriesTOML, authoritiesTOML, cookieLawTOML)
	if err != nil {
		return nil, err
	}
	if f.checkData, err = loadCheckData(transferRiskTOML, statutoryRetentionTOML, instrumentsTOML); err != nil {
		return nil, err
	}
	return f, nil
}

func load(countries, authorities, cookieLaws []byte) (*Facts, error) {
	var c struct {
		EEA           []string          `toml:"eea"`
		EEAOutsideEU  []string          `toml:"eea_outside_eu"`
		Adequate      []string          `toml:"adequate"`
		DPF           []string          `toml:"dpf"`
		UKAdequate    []string          `toml:"uk_adequate"`
		ReaderCountry map[string]string `toml:"reader_country"`
		ReaderCookie  map[string]string `toml:"reader_cookie_law"`
	}
	if _, err := toml.Decode(string(countries), &c); err != nil {
		return nil, fmt.Errorf("legal: countries.toml: %w", err)
	}
	eu := set(c.EEA)
	for _, cc := range c.EEAOutsideEU {
		if !eu[cc] {
			return nil, fmt.Errorf("legal: countries.toml: eea_outside_eu: %s is not in eea", cc)
		}
		delete(eu, cc)
	}
	a, err := loadAuthorities(authorities, c.EEA)
	if err != nil {
		return nil, err
	}
	cl, err := loadCookieLaws(cookieLaws)
	if err != nil {
		return nil, err
	}
	return &Facts{
		eea: set(c.EEA), eu: eu, adequate: set(c.Adequate), dpf: set(c.DPF), ukAdequate: set(c.UKAdequate),
		readerCountry: c.ReaderCountry, readerCookieLaw: c.ReaderCookie, authorities: a, cookieLaws: cl,
	}, nil
}

func loadAuthorities(data []byte, eea []string) (map[string]countryAuthorities, error) {
	var f authorityFile
	md, err := toml.Decode(string(data), &f)
	if err != nil {
		return nil, fmt.Errorf("legal: authorities.toml: %w", err)
	}
	problems := f.problems(md, eea)
	for _, k := range md.Undecoded() {
		problems = append(problems, k.String()+": unknown key")
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("legal: authorities.toml:\n\t%s", strings.Join(problems, "\n\t"))
	}
	m := make(map[string]countryAuthorities, len(f.Country))
	for cc, t := range f.Country {
		var ca countryAuthorities
		if t.national() {
			ca.national = t.entry.authority()
		}
		if len(t.Region) > 0 {
			ca.region = make(map[string]Authority, len(t.Region))
		}
		for r, e := range t.Region {
			ca.region[r] = e.authority()
		}
		if t.Federal != nil {
			ca.federal = t.Federal.authority()
		}
		m[cc] = ca
	}
	return m, nil
}

func set(codes []string) map[string]bool {
	m := make(map[string]bool, len(codes))
	for _, c := range codes {
		m[c] = true
	}
	return m
}

// EEA returns the codes of the EEA states, sorted.
func (f *Facts) EEA() []string {
	codes := make([]string, 0, len(f.eea))
	for c := range f.eea {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	return codes
}

// InEEA reports whether the country (ISO 3166-1 alpha-2) is in the European
// Economic Area.
func (f *Facts) InEEA(country string) bool { return f.eea[country] }

// InEU reports whether the country is a member state of the European
// Union: in the EEA, and not one of the EEA states outside the Union.
func (f *Facts) InEU(country string) bool { return f.eu[country] }

// Adequate reports whether the country has an adequacy decision that covers
// every recipient there.
func (f *Facts) Adequate(country string) bool { return f.adequate[country] }

// DPFCountry reports whether recipients in the country can be certified
// under the EU-US Data Privacy Framework.
func (f *Facts) DPFCountry(country string) bool { return f.dpf[country] }

// UKAdequate reports whether the United Kingdom treats the country as
// adequate: an EEA state, or a country in its adequacy regulations that
// covers every recipient there. The United States is not: only recipients
// in the UK Extension to the Data Privacy Framework are covered.
func (f *Facts) UKAdequate(country string) bool { return f.eea[country] || f.ukAdequate[country] }

// ReaderCountry returns the country whose supervisory authority readers of
// the page language lang are told of when the controller is elsewhere:
// "NL" for Dutch; false for languages without one.
func (f *Facts) ReaderCountry(lang string) (string, bool) {
	c, ok := f.readerCountry[lang]
	return c, ok
}

// ReaderCookieLawCountry returns the country whose cookie law pages in
// lang name for readers there (countries.toml reader_cookie_law).
func (f *Facts) ReaderCookieLawCountry(lang string) (string, bool) {
	c, ok := f.readerCookieLaw[lang]
	return c, ok
}

// Authority returns the supervisory authority competent for a company seated
// in country and, where authorities are per region, region.
func (f *Facts) Authority(country, region string) (Authority, bool) {
	c, ok := f.authorities[country]
	if !ok {
		return Authority{}, false
	}
	if len(c.region) > 0 {
		a, ok := c.region[region]
		return a, ok
	}
	return c.national, c.national.Name != ""
}

// Languages returns the official languages of the country (ISO 639-1), as
// its authorities' entries list them; nil for a country without one.
func (f *Facts) Languages(country string) []string {
	c := f.authorities[country]
	for _, a := range append([]Authority{c.national, c.federal}, slices.Collect(maps.Values(c.region))...) {
		if l := a.Languages(); len(l) > 0 {
			return l
		}
	}
	return nil
}

// FederalAuthority returns the national authority of a country whose
// authorities for private companies are per region, such as Germany's BfDI.
// It is never the competent one by default; its Scope says what it is for.
func (f *Facts) FederalAuthority(country string) (Authority, bool) {
	a := f.authorities[country].federal
	return a, a.Name != ""
}

// Regions returns the region codes of a country whose authorities are per
// region, sorted; nil when the country has one authority.
func (f *Facts) Regions(country string) []string {
	var r []string
	for code := range f.authorities[country].region {
		r = append(r, code)
	}
	sort.Strings(r)
	return slices.Clip(r)
}
