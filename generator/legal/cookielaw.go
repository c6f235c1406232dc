package legal

import (
	"fmt"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
)

// CookieLaw is the provision of a country on storing and reading
// information on a user's device: in an EEA state the one that implements
// Art. 5(3) of the ePrivacy Directive, in the United Kingdom regulation 6 of
// PECR. Its texts are per page language; see cookielaw.toml.
type CookieLaw struct {
	entry *cookieEntry
}

// CookieLawText is a CookieLaw in one page language. Where, Provision and
// Exempt are always set; the other fields are empty where the entry has no
// such text.
type CookieLawText struct {
	Where         string   // "in Germany", mid-sentence
	Provision     string   // the consent rule: "section 25(1) of the Telecommunications … Act"
	Name          string   // the act's official short name: "TDDDG"
	Previous      string   // the act's former name: "called TTDSG until May 2024"
	Exemptions    string   // the exemptions for transmission and what is strictly necessary
	Necessary     string   // the exemption for what is strictly necessary
	Consent       string   // the short citation of the consent rule: "§ 25 Abs. 1 TDDDG"
	ExemptionNote string   // a sentence on a further national exemption
	Exempt        []string // tracker categories ExemptionNote may cover
}

// cookieLawLanguages are the page languages every entry is written in.
var cookieLawLanguages = []string{"en", "de", "nl"}

// cookieEntry is one [country.XX] table of cookielaw.toml.
type cookieEntry struct {
	Where         map[string]string `toml:"where"`
	Provision     map[string]string `toml:"provision"`
	Name          map[string]string `toml:"name"`
	Previous      map[string]string `toml:"previous"`
	Exemptions    map[string]string `toml:"exemptions"`
	Necessary     map[string]string `toml:"necessary"`
	Consent       map[string]string `toml:"consent"`
	ExemptionNote map[string]string `toml:"exemption_note"`
	Exempt        []string          `toml:"exempt"`
	Sources       []string          `toml:"sources"`
	Checked       string            `toml:"checked"`
	Secondary     []string          `toml:"secondary"`
}

// cookieLawFile is cookielaw.toml as decoded.
type cookieLawFile struct {
	Country map[string]*cookieEntry `toml:"country"`
}

// CookieLaw returns the cookie provision of country (ISO 3166-1 alpha-2);
// false for a country cookielaw.toml leaves out.
func (f *Facts) CookieLaw(country string) (CookieLaw, bool) {
	e, ok := f.cookieLaws[country]
	return CookieLaw{e}, ok
}

// In returns the texts in lang; false when the entry is not written in lang
// (languages other than en, de and nl) or the CookieLaw is the zero value.
func (c CookieLaw) In(lang string) (CookieLawText, bool) {
	e := c.entry
	if e == nil || e.Provision[lang] == "" {
		return CookieLawText{}, false
	}
	return CookieLawText{
		Where: e.Where[lang], Provision: e.Provision[lang], Name: e.Name[lang], Previous: e.Previous[lang],
		Exemptions: e.Exemptions[lang], Necessary: e.Necessary[lang], Consent: e.Consent[lang], ExemptionNote: e.ExemptionNote[lang],
		Exempt: slices.Clone(e.Exempt),
	}, true
}

// Sources returns the keys of the sources the entry rests on, as listed in
// cookielaw_sources.md.
func (c CookieLaw) Sources() []string {
	if c.entry == nil {
		return nil
	}
	return slices.Clone(c.entry.Sources)
}

// Checked returns the date the entry's sources were read.
func (c CookieLaw) Checked() string {
	if c.entry == nil {
		return ""
	}
	return c.entry.Checked
}

// Secondary reports whether field ("provision", "name", …) was read only in
// secondary sources.
func (c CookieLaw) Secondary(field string) bool {
	return c.entry != nil && slices.Contains(c.entry.Secondary, field)
}

func loadCookieLaws(data []byte) (map[string]*cookieEntry, error) {
	var f cookieLawFile
	md, err := toml.Decode(string(data), &f)
	if err != nil {
		return nil, fmt.Errorf("legal: cookielaw.toml: %w", err)
	}
	problems := f.problems(md)
	for _, k := range md.Undecoded() {
		problems = append(problems, k.String()+": unknown key")
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("legal: cookielaw.toml:\n\t%s", strings.Join(problems, "\n\t"))
	}
	return f.Country, nil
}
