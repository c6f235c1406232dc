package legal

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestEveryEEAStateHasAnAuthorityWithNameAndWebsite(t *testing.T) {
	f := facts(t)
	for cc := range f.eea {
		regions := f.Regions(cc)
		if len(regions) == 0 {
			regions = []string{""}
		}
		for _, r := range regions {
			a, ok := f.Authority(cc, r)
			if !ok || a.Name == "" || !strings.HasPrefix(a.URL, "http") {
				t.Errorf("Authority(%q, %q) = %+v, %v; want a name and a website", cc, r, a, ok)
				continue
			}
			if len(a.Languages()) == 0 || len(a.Sources()) == 0 || a.Checked() == "" {
				t.Errorf("%s %s: languages %v, sources %v, checked %q", cc, r, a.Languages(), a.Sources(), a.Checked())
			}
			if n, _ := first(a.entry, a.entry.Name); n != a.Name {
				t.Errorf("%s %s: Name %q is not the name in its first language %q", cc, r, a.Name, n)
			}
		}
	}
}

// The names and websites pages printed before the data grew: the golden
// pages of the example (DE-NW) and of the large site (NL) rest on these.
// The German Länder print their address in German now, as the others do in
// their official language.
func TestTheAuthoritiesNamesAndWebsitesPrintedBeforeAreUnchanged(t *testing.T) {
	f := facts(t)
	for _, tt := range []struct {
		where, name, url string
		address          []string
	}{
		{"NL", "Autoriteit Persoonsgegevens", "https://autoriteitpersoonsgegevens.nl", []string{"Postbus 93374", "2509 AJ Den Haag"}},
		{"DE-BW", "Landesbeauftragter für den Datenschutz und die Informationsfreiheit Baden-Württemberg", "https://www.baden-wuerttemberg.datenschutz.de", nil},
		{"DE-BY", "Bayerisches Landesamt für Datenschutzaufsicht (BayLDA)", "https://www.lda.bayern.de", nil},
		{"DE-BE", "Berliner Beauftragte für Datenschutz und Informationsfreiheit", "https://www.datenschutz-berlin.de", nil},
		{"DE-BB", "Landesbeauftragte für den Datenschutz und für das Recht auf Akteneinsicht Brandenburg", "https://www.lda.brandenburg.de", nil},
		{"DE-HB", "Landesbeauftragte für Datenschutz und Informationsfreiheit der Freien Hansestadt Bremen", "https://www.datenschutz.bremen.de", nil},
		{"DE-HH", "Hamburgischer Beauftragter für Datenschutz und Informationsfreiheit", "https://datenschutz-hamburg.de", nil},
		{"DE-HE", "Hessischer Beauftragter für Datenschutz und Informationsfreiheit", "https://datenschutz.hessen.de", nil},
		{"DE-MV", "Landesbeauftragter für Datenschutz und Informationsfreiheit Mecklenburg-Vorpommern", "https://www.datenschutz-mv.de", nil},
		{"DE-NI", "Die Landesbeauftragte für den Datenschutz Niedersachsen", "https://lfd.niedersachsen.de", nil},
		{"DE-NW", "Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen", "https://www.ldi.nrw.de", nil},
		{"DE-RP", "Landesbeauftragter für den Datenschutz und die Informationsfreiheit Rheinland-Pfalz", "https://www.datenschutz.rlp.de", nil},
		{"DE-SL", "Unabhängiges Datenschutzzentrum Saarland", "https://www.datenschutz.saarland.de", nil},
		{"DE-SN", "Sächsische Datenschutz- und Transparenzbeauftragte", "https://www.datenschutz.sachsen.de", nil},
		{"DE-ST", "Landesbeauftragter für den Datenschutz Sachsen-Anhalt", "https://datenschutz.sachsen-anhalt.de", nil},
		{"DE-SH", "Unabhängiges Landeszentrum für Datenschutz Schleswig-Holstein (ULD)", "https://www.datenschutzzentrum.de", nil},
		{"DE-TH", "Thüringer Landesbeauftragter für den Datenschutz und die Informationsfreiheit (TLfDI)", "https://www.tlfdi.de", nil},
	} {
		cc, region, _ := strings.Cut(tt.where, "-")
		a, ok := f.Authority(cc, region)
		if german, _ := a.AddressIn("de"); cc == "DE" {
			tt.address = german
		}
		if !ok || a.Name != tt.name || a.URL != tt.url || !slices.Equal(a.Address, tt.address) || len(a.Address) == 0 {
			t.Errorf("%s: got %q %q %q, want %q %q %q", tt.where, a.Name, a.URL, a.Address, tt.name, tt.url, tt.address)
		}
	}
}

func TestTheUKAuthorityIsTheICOWithItsAddress(t *testing.T) {
	a, ok := facts(t).Authority("GB", "")
	if !ok || a.Name != "Information Commissioner's Office" || a.URL != "https://ico.org.uk" {
		t.Fatalf("GB: %+v, %v", a, ok)
	}
	if want := []string{"Wycliffe House", "Water Lane", "Wilmslow", "Cheshire SK9 5AF"}; !slices.Equal(a.Address, want) {
		t.Errorf("ICO address %q, want %q", a.Address, want)
	}
	if s, _ := a.ShortIn("en"); s != "ICO" || !a.Secondary("address", "en") || a.Secondary("name", "en") {
		t.Errorf("ICO: short %q, address secondary %v, name secondary %v", s, a.Secondary("address", "en"), a.Secondary("name", "en"))
	}
}

func TestSwitzerlandHasItsAuthorityInEachNamedLanguage(t *testing.T) {
	a, ok := facts(t).Authority("CH", "")
	if !ok || !slices.Equal(a.Languages(), []string{"de", "fr", "it", "rm"}) {
		t.Fatalf("CH: %+v, %v", a.Languages(), ok)
	}
	for _, l := range []string{"de", "fr", "it", "en"} {
		if _, ok := a.NameIn(l); !ok {
			t.Errorf("CH has no name in %s", l)
		}
	}
	if _, ok := a.NameIn("rm"); ok {
		t.Error("the Romansh name is not known and must not be there")
	}
}

func TestTheBfDIIsKnownButNeverTheDefaultForGermanCompanies(t *testing.T) {
	f := facts(t)
	b, ok := f.FederalAuthority("DE")
	if !ok || b.URL != "https://www.bfdi.bund.de" || !strings.Contains(b.Scope(), "telecommunications") {
		t.Fatalf("BfDI: %+v %q, %v", b, b.Scope(), ok)
	}
	for _, r := range f.Regions("DE") {
		if a, _ := f.Authority("DE", r); a.URL == b.URL {
			t.Errorf("DE-%s chose the BfDI", r)
		}
	}
	if _, ok := f.FederalAuthority("FR"); ok {
		t.Error("France has no federal authority")
	}
}

func TestAuthorityAnswersPerLanguageAndSaysWhatIsSecondary(t *testing.T) {
	f := facts(t)
	be, _ := f.Authority("BE", "")
	if be.Name != "Autorité de protection des données" || be.URL != "https://www.autoriteprotectiondonnees.be" {
		t.Errorf("BE default: %q %q", be.Name, be.URL)
	}
	if n, _ := be.NameIn("nl"); n != "Gegevensbeschermingsautoriteit" {
		t.Errorf("BE nl name %q", n)
	}
	if l, _ := be.AddressIn("nl"); !slices.Equal(l, []string{"Drukpersstraat 35", "1000 Brussel"}) {
		t.Errorf("BE nl address %q", l)
	}
	if be.URLIn("nl") != "https://www.gegevensbeschermingsautoriteit.be" || be.URLIn("de") != be.URL {
		t.Errorf("BE websites: nl %q, de %q", be.URLIn("nl"), be.URLIn("de"))
	}
	if !be.Secondary("name", "de") || be.Secondary("name", "fr") {
		t.Error("BE: only the German name is secondary")
	}
	fr, _ := f.Authority("FR", "")
	if _, ok := fr.EnglishName(); ok {
		t.Error("no official English name of the CNIL is known")
	}
	if s, _ := fr.ShortIn("fr"); s != "CNIL" {
		t.Errorf("CNIL short %q", s)
	}
	is, _ := f.Authority("IS", "")
	if en, _ := is.EnglishName(); is.Name != "Persónuvernd" || en != "Data Protection Authority" {
		t.Errorf("IS: %q (%q)", is.Name, en)
	}
	bg, _ := f.Authority("BG", "")
	if want := []string{"2 Prof. Tsvetan Lazarov Blvd.", "Sofia 1592"}; !slices.Equal(bg.Address, want) {
		t.Errorf("BG prints %q, want the official %q rather than the secondary Cyrillic form", bg.Address, want)
	}
	var zero Authority
	if zero.Languages() != nil || zero.Secondary("name", "en") || zero.URLIn("de") != "" {
		t.Error("the zero Authority knows nothing")
	}
}

func TestEverySourceIDIsListedInTheSourcesFile(t *testing.T) {
	list, err := os.ReadFile("authorities_sources.md")
	if err != nil {
		t.Fatal(err)
	}
	f := facts(t)
	for cc, c := range f.authorities {
		all := []Authority{c.national, c.federal}
		for _, a := range c.region {
			all = append(all, a)
		}
		for _, a := range all {
			for _, id := range a.Sources() {
				if !regexp.MustCompile(`(?m)(^- |; )` + regexp.QuoteMeta(id) + ` `).Match(list) {
					t.Errorf("%s: source %s is not in authorities_sources.md", cc, id)
				}
			}
		}
	}
}
