package legal

import (
	"strings"
	"testing"
	"time"
)

func TestHighRiskCountriesAreRussiaChinaStronglyAndIndiaMildly(t *testing.T) {
	f := facts(t)
	for _, tt := range []struct {
		country       string
		risky, strong bool
		cites         string
	}{
		{"RU", true, true, "Statement 02/2022"},
		{"CN", true, true, "TikTok"},
		{"IN", true, false, "legal study"},
		{"US", false, false, ""},
		{"DE", false, false, ""},
	} {
		h, ok := f.HighRisk(tt.country)
		if ok != tt.risky || h.Strong != tt.strong || !strings.Contains(h.Cases, tt.cites) || ok && len(h.Sources) == 0 {
			t.Errorf("HighRisk(%s) = %+v, %v", tt.country, h, ok)
		}
	}
}

func TestStatutoryRetentionOfInvoicesInGermanyAndTheNetherlands(t *testing.T) {
	f := facts(t)
	for _, tt := range []struct {
		country string
		years   int
	}{{"DE", 8}, {"NL", 7}} {
		r := f.StatutoryRetention(tt.country)
		if len(r) != 1 || r[0].Years != tt.years || r[0].Data[0] != "invoice" || r[0].Law == "" {
			t.Errorf("StatutoryRetention(%s) = %+v", tt.country, r)
		}
	}
	if de := f.StatutoryRetention("DE"); !de[0].Since.Equal(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("the 8 years apply since 1 January 2025, not %v", de[0].Since)
	}
	if r := f.StatutoryRetention("FR"); r != nil {
		t.Errorf("no source gives France's periods: %+v", r)
	}
}

func instrument(t *testing.T, key string) Instrument {
	t.Helper()
	for _, in := range facts(t).Instruments() {
		if in.Key == key {
			return in
		}
	}
	t.Fatalf("no instrument %q", key)
	return Instrument{}
}

func TestInstrumentsHaveTheirNotBeforeDates(t *testing.T) {
	for key, date := range map[string]string{
		"gdpr": "2018-05-25", "scc_2021": "2021-06-27", "eu_dpf": "2023-07-10", "de_ttdsg": "2021-12-01",
		"de_tdddg": "2024-05-14", "de_ddg": "2024-05-14", "uk_idta": "2022-03-21", "uk_dpf": "2023-10-12",
	} {
		if got := instrument(t, key).NotBefore.Format(time.DateOnly); got != date {
			t.Errorf("%s not before %s, want %s", key, got, date)
		}
	}
	all := facts(t).Instruments()
	for i := 1; i < len(all); i++ {
		if all[i].NotBefore.Before(all[i-1].NotBefore) {
			t.Errorf("%s before %s: not sorted by date", all[i].Key, all[i-1].Key)
		}
	}
}

func TestInstrumentsAreFoundByTheirNamesInEachLanguage(t *testing.T) {
	for _, tt := range []struct{ key, lang, text, want string }{
		{"eu_dpf", "en", "certified under the EU-US Data Privacy Framework", "Data Privacy Framework"},
		{"eu_dpf", "de", "auf Grundlage des Datenschutzrahmens EU-USA", "Datenschutzrahmen"},
		{"eu_dpf", "nl", "op grond van het EU-VS-kader voor gegevensbescherming", "kader voor gegevensbescherming"},
		{"eu_dpf", "en", "Datenschutzrahmen", ""}, // a German word in an English text
		{"scc_2021", "de", "Durchführungsbeschluss (EU) 2021/914", "2021/914"},
		{"scc_2021", "en", "standard contractual clauses", ""},
		{"de_tdddg", "de", "§ 25 Abs. 1 TDDDG", "TDDDG"},
		{"de_ddg", "de", "§ 25 Abs. 1 TDDDG", ""}, // DDG inside TDDDG is no citation of the DDG
		{"de_ddg", "de", "Angaben nach § 5 DDG", "DDG"},
		{"uk_idta", "en", "the International Data Transfer Agreement (IDTA)", "International Data Transfer Agreement"},
		{"uk_idta", "en", "idtas", ""},
		{"gdpr", "nl", "artikel 45 AVG", "AVG"},
		{"gdpr", "en", "avg", ""},
	} {
		if got := instrument(t, tt.key).CitedIn(tt.text, tt.lang); got != tt.want {
			t.Errorf("%s in %s %q: %q, want %q", tt.key, tt.lang, tt.text, got, tt.want)
		}
	}
}

func TestCheckDataFilesRejectRowsWithoutSourcesOrMarkedUnverified(t *testing.T) {
	bad := []struct{ name, transfer, retention, instruments string }{
		{"no sources", "[country.RU]\nlevel = \"strong\"\ncases = \"x\"\nchecked = \"2026-12-01\"\n", "", ""},
		{"unverified", "[country.RU]\nlevel = \"strong\"\ncases = \"UNVERIFIED\"\nsources = [\"a-b\"]\nchecked = \"2026-12-01\"\n", "", ""},
		{"bad level", "[country.RU]\nlevel = \"high\"\ncases = \"x\"\nsources = [\"a-b\"]\nchecked = \"2026-12-01\"\n", "", ""},
		{"no checked date", "", "[[rule]]\ncountry = \"DE\"\ndata = [\"invoice\"]\nyears = 8\nrecords = \"x\"\nlaw = \"y\"\nsources = [\"a-b\"]\n", ""},
		{"unknown key", "", "", "[instrument.x]\nname = \"x\"\nnot_before = \"2020-01-01\"\npatterns = { any = [\"x\"] }\nsources = [\"a-b\"]\nchecked = \"2026-12-01\"\nnote = \"?\"\n"},
		{"bad date", "", "", "[instrument.x]\nname = \"x\"\nnot_before = \"10 July 2023\"\npatterns = { any = [\"x\"] }\nsources = [\"a-b\"]\nchecked = \"2026-12-01\"\n"},
		{"bad language", "", "", "[instrument.x]\nname = \"x\"\nnot_before = \"2020-01-01\"\npatterns = { fr = [\"x\"] }\nsources = [\"a-b\"]\nchecked = \"2026-12-01\"\n"},
	}
	for _, b := range bad {
		if _, err := loadCheckData([]byte(b.transfer), []byte(b.retention), []byte(b.instruments)); err == nil {
			t.Errorf("%s: no error", b.name)
		}
	}
	if _, err := loadCheckData(transferRiskTOML, statutoryRetentionTOML, instrumentsTOML); err != nil {
		t.Error(err)
	}
}

// TestCitedAfterNamesTheInstrumentsAVersionOfTheDateCannotCite: only those
// dating from after the date, found at the start of a word of any script.
func TestCitedAfterNamesTheInstrumentsAVersionOfTheDateCannotCite(t *testing.T) {
	f, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	text := "Wir stützen uns auf die DSGVO und den Datenschutzrahmen EU-USA; ÄTDDDG ist kein Gesetz."
	var got []string
	for _, c := range f.CitedAfter(text, "de", time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)) {
		got = append(got, c.Key+"="+c.Words)
	}
	if strings.Join(got, " ") != "eu_dpf=Datenschutzrahmen" {
		t.Errorf("cited after 2020: %v", got) // the GDPR dates from before; "ÄTDDDG" is no TDDDG
	}
	if got := f.CitedAfter(text, "de", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)); len(got) != 0 {
		t.Errorf("cited after 2026: %v", got)
	}
}
