package legal

import (
	"maps"
	"slices"
)

// Authority is a data protection supervisory authority.
//
// Name, URL and Address are what the pages print: the name in the first
// official language that has one, else in English, the website, and the
// postal address chosen the same way, but from an official source where
// there is one. The methods give the rest of the entry in authorities.toml.
type Authority struct {
	Name    string   `json:"name"`
	URL     string   `json:"url"`
	Address []string `json:"address,omitempty"`

	entry *entry
}

// entry is one authority table of authorities.toml; see the field list at
// the top of that file.
type entry struct {
	Languages []string            `toml:"languages"`
	Name      map[string]string   `toml:"name"`
	Short     map[string]string   `toml:"short"`
	Gloss     map[string]string   `toml:"gloss"`
	Address   map[string][]string `toml:"address"`
	URL       string              `toml:"url"`
	URLs      map[string]string   `toml:"urls"`
	Sources   []string            `toml:"sources"`
	Checked   string              `toml:"checked"`
	Secondary []string            `toml:"secondary"`
	Scope     string              `toml:"scope"`
}

// english is the language key of an entry's English name and address, which
// may be official (IE, MT, GB) or not.
const english = "en"

// authority is the entry as Facts hands it out.
func (e *entry) authority() Authority {
	a := Authority{URL: e.URL, entry: e}
	a.Name, _ = first(e, e.Name)
	a.Address = e.pageAddress()
	return a
}

// pageAddress is the address in the first official language, else in
// English, preferring one read on an official source: the Bulgarian
// authority gives its address in Latin script, while the Cyrillic form
// comes from a third-party page only.
func (e *entry) pageAddress() []string {
	official := maps.Clone(e.Address)
	maps.DeleteFunc(official, func(lang string, _ []string) bool { return e.secondary("address", lang) })
	if l, ok := first(e, official); ok {
		return l
	}
	l, _ := first(e, e.Address)
	return l
}

func (e *entry) secondary(field, lang string) bool {
	return slices.Contains(e.Secondary, field) || slices.Contains(e.Secondary, field+"."+lang)
}

// first returns the value of m in the first official language that has
// one, else in English.
func first[V any](e *entry, m map[string]V) (V, bool) {
	for _, l := range append(slices.Clip(e.Languages), english) {
		if v, ok := m[l]; ok {
			return v, true
		}
	}
	var zero V
	return zero, false
}

// data is the entry behind a, empty for the zero Authority.
func (a Authority) data() entry {
	if a.entry == nil {
		return entry{}
	}
	return *a.entry
}

// Languages returns the official language codes (ISO 639-1) of the
// authority's country, in the order the authority uses them.
func (a Authority) Languages() []string { return slices.Clone(a.data().Languages) }

// NameIn returns the authority's name in lang: an official name, or for
// "en" the English name; false when there is none in that language.
func (a Authority) NameIn(lang string) (string, bool) {
	n, ok := a.data().Name[lang]
	return n, ok
}

// EnglishName returns the authority's English name, official or not; false
// when no source gives one.
func (a Authority) EnglishName() (string, bool) { return a.NameIn(english) }

// ShortIn returns the authority's abbreviation in lang, such as "CNIL";
// false when there is none.
func (a Authority) ShortIn(lang string) (string, bool) {
	s, ok := a.data().Short[lang]
	return s, ok
}

// GlossIn returns what the authority is in lang, for readers of a page in
// lang, which is not one of its official languages: "isländische
// Datenschutzbehörde"; false in its official languages and in a language
// without one.
func (a Authority) GlossIn(lang string) (string, bool) {
	g, ok := a.data().Gloss[lang]
	return g, ok
}

// AddressIn returns the postal address lines in lang, without the country
// line; false when there is no address in that language.
func (a Authority) AddressIn(lang string) ([]string, bool) {
	l, ok := a.data().Address[lang]
	return slices.Clone(l), ok
}

// URLIn returns the website for readers of lang: its own address in that
// language where it has one, else URL.
func (a Authority) URLIn(lang string) string {
	if u, ok := a.data().URLs[lang]; ok {
		return u
	}
	return a.URL
}

// Sources returns the IDs of the sources the entry rests on, as listed in
// authorities_sources.md.
func (a Authority) Sources() []string { return slices.Clone(a.data().Sources) }

// Checked returns the date of the entry's sources: "2025-10-02", "2024-10"
// or "2023", as precise as the sources are dated.
func (a Authority) Checked() string { return a.data().Checked }

// Secondary reports whether field ("name", "short", "address", "url" or
// "urls") in lang was read only in a secondary source (a dataset or a
// third-party page) rather than on an official one.
func (a Authority) Secondary(field, lang string) bool {
	e := a.data()
	return e.secondary(field, lang)
}

// Scope says what a federal authority, which is never the default one, is
// competent for; empty for the others.
func (a Authority) Scope() string { return a.data().Scope }
