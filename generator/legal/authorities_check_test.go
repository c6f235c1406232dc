package legal

import (
	"maps"
	"slices"
	"strings"
	"testing"
)

// validAuthorities is a small authorities file that loads; the tests below
// break it one way at a time.
const validAuthorities = `
[country.AA]
languages = ["fr", "nl"]
name = { fr = "Autorité", nl = "Autoriteit", en = "Authority" }
gloss = { en = "the authority of AA", de = "Behörde von AA" }
address = { fr = ["Rue 1", "1000 Ville"] }
url = "https://aa.example"
sources = ["AA-1"]
checked = "2024-10"
secondary = ["name.nl"]

[country.BB.region.XY]
languages = ["de"]
name = { de = "Landesbehörde" }
gloss = { en = "state authority", nl = "deelstaattoezichthouder" }
url = "https://xy.example"
sources = ["XY-1"]
checked = "2026-12-01"

[country.BB.federal]
languages = ["de"]
name = { de = "Bundesbehörde" }
gloss = { en = "federal authority", nl = "federale toezichthouder" }
url = "https://bb.example"
sources = ["BB-1"]
checked = "2023"
scope = "federal bodies"
`

func TestASmallValidAuthoritiesFileLoads(t *testing.T) {
	m, err := loadAuthorities([]byte(validAuthorities), []string{"AA", "BB"})
	if err != nil {
		t.Fatal(err)
	}
	if a := m["AA"].national; a.Name != "Autorité" || len(a.Address) != 2 || !a.Secondary("name", "nl") {
		t.Errorf("AA: %+v", a)
	}
	if a := m["BB"].region["XY"]; a.Name != "Landesbehörde" {
		t.Errorf("BB-XY: %+v", a)
	}
	if g, ok := m["AA"].national.GlossIn("de"); !ok || g != "Behörde von AA" {
		t.Errorf("AA's German gloss: %q, %v", g, ok)
	}
	if g, ok := m["AA"].national.GlossIn("nl"); ok {
		t.Errorf("AA has a gloss in its official language nl: %q", g)
	}
}

func TestABrokenAuthoritiesEntryFailsToLoad(t *testing.T) {
	for _, tt := range []struct {
		name, old, new, want string
		eea                  []string
	}{
		{"EEA state missing", "", "", "country.CC: no authority for this EEA state", []string{"AA", "BB", "CC"}},
		{"no name", `name = { fr = "Autorité", nl = "Autoriteit", en = "Authority" }`, "",
			"country.AA: no name in one of its languages or in English", nil},
		{"name in a language the country does not have", `en = "Authority"`, `it = "Autorità"`,
			`country.AA.name.it: "it" is neither one of the languages [fr nl] nor "en"`, nil},
		{"empty name", `name = { de = "Landesbehörde" }`, `name = { de = " " }`,
			"country.BB.region.XY.name.de: empty", nil},
		{"no website", `url = "https://xy.example"`, "",
			"country.BB.region.XY.url: no website", nil},
		{"website not a URL", `url = "https://aa.example"`, `url = "aa.example"`,
			`country.AA.url: "aa.example" is not an http or https address`, nil},
		{"no sources", `sources = ["AA-1"]`, `sources = []`, "country.AA: no sources", nil},
		{"bad source ID", `sources = ["AA-1"]`, `sources = ["AA 1"]`, `country.AA.sources: "AA 1" is not a source ID`, nil},
		{"no checked date", `checked = "2024-10"`, "", "country.AA: no checked date", nil},
		{"checked date does not parse", `checked = "2024-10"`, `checked = "2024-13"`,
			`country.AA.checked: "2024-13" is not a date`, nil},
		{"checked date in words", `checked = "2023"`, `checked = "about 2020"`,
			`country.BB.federal.checked: "about 2020" is not a date`, nil},
		{"UNVERIFIED value", `en = "Authority"`, `en = "UNVERIFIED"`,
			"country.AA.name.en: holds UNVERIFIED", nil},
		{"UNVERIFIED in an address line", `"1000 Ville"`, `"street UNVERIFIED"`,
			"country.AA.address.fr[1]: holds UNVERIFIED", nil},
		{"gloss missing in a page language that is not official", `, de = "Behörde von AA"`, "",
			`country.AA.gloss: no gloss in "de", which is not an official language of the authority`, nil},
		{"gloss in an official language", `de = "Behörde von AA"`, `de = "Behörde von AA", nl = "AA-autoriteit"`,
			`country.AA.gloss.nl: "nl" is an official language of the authority`, nil},
		{"gloss in a language without clauses", `nl = "federale toezichthouder"`, `nl = "federale toezichthouder", it = "autorità federale"`,
			`country.BB.federal.gloss.it: glosses are for the page languages [en de nl]`, nil},
		{"empty gloss", `en = "state authority"`, `en = ""`, "country.BB.region.XY.gloss.en: empty", nil},
		{"gloss not a table", `gloss = { en = "state authority", nl = "deelstaattoezichthouder" }`, `gloss = "state authority"`,
			"country.BB.region.XY.gloss: must be a table", nil},
		{"empty address line", `"1000 Ville"`, `""`, "country.AA.address.fr[1]: empty line", nil},
		{"secondary names a missing language", `secondary = ["name.nl"]`, `secondary = ["address.nl"]`,
			`country.AA.secondary: "address.nl": the entry has no address in "nl"`, nil},
		{"secondary names an unknown field", `secondary = ["name.nl"]`, `secondary = ["phone"]`,
			`country.AA.secondary: "phone": not one of the fields`, nil},
		{"federal without scope", `scope = "federal bodies"`, "",
			"country.BB.federal: a federal authority needs a scope", nil},
		{"scope outside a federal table", `checked = "2024-10"`, "checked = \"2024-10\"\nscope = \"all\"",
			"country.AA.scope: only federal authorities have a scope", nil},
		{"national and regional at once", "[country.BB.federal]", "[country.BB]\nlanguages = [\"de\"]\n\n[country.BB.federal]",
			"country.BB: has both a national authority and regions", nil},
		{"bad language code", `languages = ["de"]` + "\nname = { de = \"Landes", `languages = ["deu"]` + "\nname = { de = \"Landes",
			`country.BB.region.XY.languages: "deu" is not an ISO 639-1 code`, nil},
		{"name not a table", `name = { de = "Landesbehörde" }`, `name = "Landesbehörde"`,
			"country.BB.region.XY.name: must be a table", nil},
		{"regions not tables", "[country.BB.region.XY]", "[country.BB]\nregion = 1\n\n[country.BB.region2.XY]",
			"country.BB.region: must be a table", nil},
		{"unknown key", `checked = "2024-10"`, "checked = \"2024-10\"\nwebsite = \"https://aa.example\"",
			"country.AA.website: unknown key", nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(validAuthorities, tt.old) {
				t.Fatalf("test setup: %q not in the file", tt.old)
			}
			eea := tt.eea
			if eea == nil {
				eea = []string{"AA", "BB"}
			}
			_, err := loadAuthorities([]byte(strings.Replace(validAuthorities, tt.old, tt.new, 1)), eea)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v\nwant it to contain %q", err, tt.want)
			}
		})
	}
}

func TestABrokenAuthoritiesFileIsAnErrorNotAPanic(t *testing.T) {
	for _, src := range []string{"", "[country.AA", "country = 1", "country = [1]", "[country.AA]\nname = \"not a table\"", "[country.AA.region]\nXY = 3"} {
		if _, err := loadAuthorities([]byte(src), []string{"AA"}); err == nil {
			t.Errorf("%q loaded", src)
		}
	}
}

// Whatever the file holds, loading it returns an error or authorities
// that all have a name and a website; it never panics.
func FuzzLoadAuthorities(f *testing.F) {
	f.Add(validAuthorities)
	f.Add(string(authoritiesTOML))
	f.Add("[country.AA.region]\nXY = 3")
	f.Fuzz(func(t *testing.T, src string) {
		m, err := loadAuthorities([]byte(src), []string{"AA"})
		if err != nil {
			return
		}
		for cc, c := range m {
			for _, a := range append([]Authority{c.national}, slices.Collect(maps.Values(c.region))...) {
				if a.entry != nil && (a.Name == "" || a.URL == "") {
					t.Errorf("%s loaded without name or website: %+v", cc, a)
				}
			}
		}
	})
}
