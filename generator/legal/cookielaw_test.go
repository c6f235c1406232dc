package legal

import (
	"maps"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// absentCookieLaws are the EEA states cookielaw.toml leaves out on
// purpose, and why; their cookie policies name "the national law
// implementing Art. 5(3) of the ePrivacy Directive".
var absentCookieLaws = map[string]string{
	"BG": "article of the Electronic Commerce Act unverified, and the act reportedly asks for no prior consent",
	"EE": "section of the Electronic Communications Act unverified; transposition unclear",
	"HR": "the verified article belongs to the act replaced in 2022; the current one is unverified",
}

func TestEveryEEAStateHasACookieLawOrAReasonForItsAbsence(t *testing.T) {
	f := facts(t)
	for _, cc := range slices.Sorted(maps.Keys(f.eea)) {
		_, ok := f.CookieLaw(cc)
		reason, absent := absentCookieLaws[cc]
		switch {
		case ok && absent:
			t.Errorf("%s has an entry, but the test lists it as absent (%s)", cc, reason)
		case !ok && !absent:
			t.Errorf("%s has no cookie law entry and no reason in absentCookieLaws", cc)
		}
	}
	if _, ok := f.CookieLaw("GB"); !ok {
		t.Error("the United Kingdom has no entry: PECR")
	}
}

func TestEveryCookieLawIsWrittenInEveryPageLanguage(t *testing.T) {
	f := facts(t)
	for cc := range f.cookieLaws {
		c, _ := f.CookieLaw(cc)
		for _, lang := range cookieLawLanguages {
			txt, ok := c.In(lang)
			if !ok || txt.Where == "" || txt.Provision == "" {
				t.Errorf("%s in %s: %+v", cc, lang, txt)
			}
		}
		if _, ok := c.In("fr"); ok {
			t.Errorf("%s claims a text in French", cc)
		}
	}
}

func TestCookieLawsCiteTheProvisionInThePageLanguage(t *testing.T) {
	f := facts(t)
	for _, tt := range []struct{ country, lang, provision, name string }{
		{"DE", "de", "§ 25 Abs. 1 des Telekommunikation-Digitale-Dienste-Datenschutz-Gesetzes", "TDDDG"},
		{"DE", "nl", "§ 25 lid 1 van de Telekommunikation-Digitale-Dienste-Datenschutz-Gesetz", "TDDDG"},
		{"NL", "nl", "artikel 11.7a van de Telecommunicatiewet", ""},
		{"FR", "de", "Art. 82 des französischen Gesetzes Nr. 78-17 vom 6. Januar 1978", "Loi Informatique et Libertés"},
		{"GB", "en", "regulation 6 of the Privacy and Electronic Communications (EC Directive) Regulations 2003", "PECR"},
	} {
		c, _ := f.CookieLaw(tt.country)
		if txt, _ := c.In(tt.lang); txt.Provision != tt.provision || txt.Name != tt.name {
			t.Errorf("%s in %s: %q (%q), want %q (%q)", tt.country, tt.lang, txt.Provision, txt.Name, tt.provision, tt.name)
		}
	}
	gb, _ := f.CookieLaw("GB")
	if txt, _ := gb.In("en"); !slices.Equal(txt.Exempt, []string{"statistics", "preferences"}) || !strings.Contains(txt.ExemptionNote, "objecting") {
		t.Errorf("GB: PECR Sch. A1 paras. 5 and 6 exempt statistics and appearance where people can object: %+v", txt)
	}
	if de, _ := f.CookieLaw("DE"); len(de.entry.Exempt) > 0 || de.Secondary("provision") {
		t.Error("DE: § 25 TDDDG has no analytics exemption, and the row is verified")
	}
	if at, _ := f.CookieLaw("AT"); !at.Secondary("provision") || at.Checked() != "2026-12-01" || len(at.Sources()) == 0 {
		t.Error("AT: the row is verified in a secondary source only, read on 2026-12-01")
	}
}

func TestEveryCookieLawSourceIsListedInTheSourcesNote(t *testing.T) {
	note, err := os.ReadFile("cookielaw_sources.md")
	if err != nil {
		t.Fatal(err)
	}
	f := facts(t)
	for cc, e := range f.cookieLaws {
		for _, s := range e.Sources {
			if !regexp.MustCompile(`(?m)^- \[` + regexp.QuoteMeta(s) + `\] `).Match(note) {
				t.Errorf("%s: source %q is not in cookielaw_sources.md", cc, s)
			}
		}
	}
}

// validCookieLaws is a small cookie law file that loads; the test below
// breaks it one way at a time.
const validCookieLaws = `
[country.AA]
where = { en = "in Aland", de = "in Aland", nl = "in Aland" }
provision = { en = "section 1", de = "§ 1", nl = "artikel 1" }
name = { en = "AG", de = "AG" }
exemption_note = { en = "Also analytics.", de = "Auch Analyse.", nl = "Ook analyse." }
exempt = ["statistics"]
sources = ["aa-one"]
checked = "2026-12-01"
secondary = ["provision"]
`

func TestASmallValidCookieLawFileLoads(t *testing.T) {
	m, err := loadCookieLaws([]byte(validCookieLaws))
	if err != nil {
		t.Fatal(err)
	}
	if txt, ok := (CookieLaw{m["AA"]}).In("nl"); !ok || txt.Provision != "artikel 1" || txt.Name != "" {
		t.Errorf("AA in nl: %+v", txt)
	}
}

func TestABrokenCookieLawEntryFailsToLoad(t *testing.T) {
	for _, tt := range []struct{ name, old, new, want string }{
		{"unknown key", `checked = "2026-12-01"`, "checked = \"2026-12-01\"\narticle = \"1\"", "country.AA.article: unknown key"},
		{"no sources", `sources = ["aa-one"]`, "", "country.AA: no sources"},
		{"source not a key", `sources = ["aa-one"]`, `sources = ["AA-1"]`, `country.AA.sources: "AA-1" is not a source key`},
		{"no checked date", `checked = "2026-12-01"`, "", "country.AA: no checked date"},
		{"checked date does not parse", `checked = "2026-12-01"`, `checked = "December 2026"`, `country.AA.checked: "December 2026" is not a date`},
		{"provision missing in a page language", `nl = "artikel 1" }`, `}`, `country.AA.provision: no text in "nl"`},
		{"no where", `where = { en = "in Aland", de = "in Aland", nl = "in Aland" }`, "", `country.AA.where: no text in "en"`},
		{"text in another language", `nl = "artikel 1"`, `nl = "artikel 1", fr = "article 1"`, `country.AA.provision.fr: "fr" is not one of the page languages`},
		{"empty text", `de = "§ 1"`, `de = " "`, "country.AA.provision.de: empty"},
		{"optional text in part of the languages", `nl = "Ook analyse." }`, `}`, `country.AA.exemption_note: no text in "nl"`},
		{"UNVERIFIED", `en = "section 1"`, `en = "section UNVERIFIED"`, "country.AA.provision.en: holds UNVERIFIED"},
		{"exempt without a note", `exemption_note = { en = "Also analytics.", de = "Auch Analyse.", nl = "Ook analyse." }`, "", "country.AA.exempt: needs an exemption_note"},
		{"exempt marketing", `exempt = ["statistics"]`, `exempt = ["marketing"]`, `country.AA.exempt: "marketing" is not one of`},
		{"secondary names a missing field", `secondary = ["provision"]`, `secondary = ["previous"]`, `country.AA.secondary: "previous": the entry has no such field`},
		{"text not a table", `name = { en = "AG", de = "AG" }`, `name = "AG"`, "country.AA.name: must be a table"},
		{"bad country code", "[country.AA]", "[country.aa]", "country.aa: not an ISO 3166-1 alpha-2 code"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(validCookieLaws, tt.old) {
				t.Fatalf("test setup: %q not in the file", tt.old)
			}
			_, err := loadCookieLaws([]byte(strings.Replace(validCookieLaws, tt.old, tt.new, 1)))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v\nwant it to contain %q", err, tt.want)
			}
		})
	}
}

func TestABrokenCookieLawFileIsAnErrorNotAPanic(t *testing.T) {
	for _, src := range []string{"[country.AA", "country = 1", "country = [1]", "[country.AA]\nwhere = 3", "[country]\nAA = \"x\"", "[country.AA]\nexempt = \"statistics\""} {
		if _, err := loadCookieLaws([]byte(src)); err == nil {
			t.Errorf("%q loaded", src)
		}
	}
}
