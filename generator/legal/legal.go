// Package legal owns the facts of data protection law that change by
// decision rather than by release: which countries are in the EEA, which have
// an adequacy decision, and which supervisory authority is competent where.
// The facts live in embedded TOML files so that updating them is an edit to
// data, not to code.
package legal

import (
	_ "embed"
	"fmt"
	"slices"
	"sort"

	"github.com/BurntSushi/toml"
)

//go:embed countries.toml
var countriesTOML []byte

//go:embed authorities.toml
var authoritiesTOML []byte

// Authority is a data protection supervisory authority.
type Authority struct {
	Name    string   `toml:"name" json:"name"`
	URL     string   `toml:"url" json:"url"`
	Address []string `toml:"address" json:"address,omitempty"`
}

// Facts answers the questions the validator and the clauses ask about
// countries. The zero value knows nothing; use Load.
type Facts struct {
	eea, adequate, dpf map[string]bool
	authorities        map[string]countryAuthorities
}

type countryAuthorities struct {
	Authority
	Region map[string]Authority `toml:"region"`
}

// Load parses the embedded data files.
func Load() (*Facts, error) {
	var c struct{ EEA, Adequate, DPF []string }
	if _, err := toml.Decode(string(countriesTOML), &c); err != nil {
		return nil, fmt.Errorf("legal: countries.toml: %w", err)
	}
	var a struct {
		Country map[string]countryAuthorities `toml:"country"`
	}
	if _, err := toml.Decode(string(authoritiesTOML), &a); err != nil {
		return nil, fmt.Errorf("legal: authorities.toml: %w", err)
	}
	return &Facts{eea: set(c.EEA), adequate: set(c.Adequate), dpf: set(c.DPF), authorities: a.Country}, nil
}

func set(codes []string) map[string]bool {
	m := make(map[string]bool, len(codes))
	for _, c := range codes {
		m[c] = true
	}
	return m
}

// InEEA reports whether the country (ISO 3166-1 alpha-2) is in the European
// Economic Area.
func (f *Facts) InEEA(country string) bool { return f.eea[country] }

// Adequate reports whether the country has an adequacy decision that covers
// every recipient there.
func (f *Facts) Adequate(country string) bool { return f.adequate[country] }

// DPFCountry reports whether recipients in the country can be certified
// under the EU-US Data Privacy Framework.
func (f *Facts) DPFCountry(country string) bool { return f.dpf[country] }

// Authority returns the supervisory authority competent for a company seated
// in country and, where authorities are per region, region.
func (f *Facts) Authority(country, region string) (Authority, bool) {
	c, ok := f.authorities[country]
	if !ok {
		return Authority{}, false
	}
	if len(c.Region) > 0 {
		a, ok := c.Region[region]
		return a, ok
	}
	return c.Authority, c.Name != ""
}

// Regions returns the region codes of a country whose authorities are per
// region, sorted; nil when the country has one authority.
func (f *Facts) Regions(country string) []string {
	var r []string
	for code := range f.authorities[country].Region {
		r = append(r, code)
	}
	sort.Strings(r)
	return slices.Clip(r)
}
