package trackers

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/policygen/policygen/generator/config"
)

// sharedCSV is the facts CSV beside the repository, as go generate reads it.
const sharedCSV = "../../../shared/data/open-cookie-database-facts.csv"

func TestTableIsGeneratedFromTheSharedCSV(t *testing.T) {
	f, err := os.Open(sharedCSV)
	if os.IsNotExist(err) {
		t.Skipf("%s is absent", sharedCSV)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b bytes.Buffer
	st, err := Generate(f, &b)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), table) {
		t.Errorf("trackers.tsv is not what %s gives; run go generate ./generator/trackers", sharedCSV)
	}
	if st.Rows != 2264 {
		t.Errorf("read %d rows, want the 2264 of the data README", st.Rows)
	}
	if kept := len(Entries()); kept != st.Rows-st.Duplicates {
		t.Errorf("table has %d rows, want %d read less %d duplicates", kept, st.Rows, st.Duplicates)
	}
}

func TestWellKnownCookiesAreAsTheDatabaseSays(t *testing.T) {
	tests := []struct {
		name, platform, controller string
		category                   config.Category
		retention                  string // normalized
		pattern                    bool
	}{
		{"_ga", "Google Analytics", "Google", "statistics", "2y", false},
		{"_gid", "Google Analytics", "Google", "statistics", "24h", false},
		{"_fbp", "Facebook", "Facebook", "marketing", "4m", false},
		{"_gcl_au", "Google", "Google", "marketing", "3m", false},
		{"PHPSESSID", "PHP.net", "PHP.net", "necessary", "session", false},
		{"_gac_UA-1", "Google Analytics", "Google", "marketing", "90d", true},
		{"_gat_UA-123-1", "Google Analytics", "Google", "statistics", "1min", true},
		{"_ga_ABC123", "Google Analytics", "Google", "statistics", "2y", true},
	}
	for _, tt := range tests {
		e, ok := Lookup(tt.name)
		if !ok {
			t.Errorf("Lookup(%q): not found", tt.name)
			continue
		}
		if e.Platform != tt.platform || e.Controller != tt.controller || e.Category != tt.category ||
			e.Retention.Normalized() != tt.retention || e.Pattern != tt.pattern {
			t.Errorf("Lookup(%q) = %s, %s, %s, %s, pattern %v; want %s, %s, %s, %s, pattern %v", tt.name,
				e.Platform, e.Controller, e.Category, e.Retention.Normalized(), e.Pattern,
				tt.platform, tt.controller, tt.category, tt.retention, tt.pattern)
		}
	}
	if e, _ := Lookup("_ga"); e.Retention.Text != "2 years" || e.SourceCategory != "Analytics" || e.PrivacyURL == "" {
		t.Errorf("_ga: retention %q, category %q, privacy URL %q", e.Retention.Text, e.SourceCategory, e.PrivacyURL)
	}
	if e, _ := Lookup("_gat"); e.Retention.Period != time.Minute {
		t.Errorf("_gat is kept %v, want the minute the database says", e.Retention.Period)
	}
}

func TestLookupOfAnUnknownNameFindsNothing(t *testing.T) {
	for _, name := range []string{"", "policygen_test_cookie", "_GA", "ga"} {
		if e, ok := Lookup(name); ok {
			t.Errorf("Lookup(%q) = %s (%s)", name, e.Name, e.Platform)
		}
		if all := LookupAll(name); all != nil {
			t.Errorf("LookupAll(%q) = %d entries", name, len(all))
		}
	}
}

func TestLookupPrefersTheLongestPattern(t *testing.T) {
	e, ok := Lookup("_gac_gb_UA-1")
	if !ok || e.Name != "_gac_gb_" || e.Platform != "Google Ads" {
		t.Errorf("Lookup(_gac_gb_UA-1) = %q (%s), want the pattern _gac_gb_ of Google Ads", e.Name, e.Platform)
	}
	all := LookupAll("_gac_gb_UA-1")
	if len(all) != 2 || all[1].Name != "_gac_" {
		t.Errorf("LookupAll(_gac_gb_UA-1) = %v, want _gac_gb_ then _gac_", names(all))
	}
}

func TestLookupPrefersTheExactNameToAPatternOfIt(t *testing.T) {
	all := LookupAll("euconsent")
	if len(all) != 2 || all[0].Platform != "LiveRamp" || all[0].Pattern || all[1].Platform != "ShareThis" || !all[1].Pattern {
		t.Errorf("LookupAll(euconsent) = %v, want LiveRamp's cookie, then ShareThis's pattern", platforms(all))
	}
	// A name that only a pattern matches, and one that both the exact row and a
	// shorter pattern match.
	if e, _ := Lookup("euconsent-x"); e.Platform != "ShareThis" {
		t.Errorf("Lookup(euconsent-x) = %s, want ShareThis's pattern", e.Platform)
	}
	if e, _ := Lookup("_ga"); e.Pattern {
		t.Error("Lookup(_ga) is a pattern; _ga is in the database by name")
	}
}

func TestANameOfSeveralPlatformsGivesThemAllInTableOrder(t *testing.T) {
	all := LookupAll("token")
	if got := platforms(all); !slices.Equal(got, []string{"Adform", "Xandr"}) {
		t.Fatalf("LookupAll(token) = %v, want Adform and Xandr", got)
	}
	if all[0].Category != "marketing" || all[1].Category != "necessary" {
		t.Errorf("token: categories %s, %s; want marketing (Adform), necessary (Xandr)", all[0].Category, all[1].Category)
	}
	if e, _ := Lookup("token"); e.Platform != "Adform" {
		t.Errorf("Lookup(token) = %s, want Adform, the first by platform", e.Platform)
	}
}

func TestANameWithAStarIsAPattern(t *testing.T) {
	e, ok := Lookup("SSPR_123")
	if !ok || e.Name != "SSPR_" || !e.Pattern || e.Platform != "Adkernel" {
		t.Errorf("Lookup(SSPR_123) = %q pattern %v (%s), want Adkernel's SSPR_*", e.Name, e.Pattern, e.Platform)
	}
	if _, ok := Lookup("SSPR_*"); !ok {
		t.Error("SSPR_* as written in the database is not found")
	}
}

func TestForDomainFindsTheRowsThatListAHostAndItsSubdomains(t *testing.T) {
	fbp, _ := Lookup("_fbp")
	if len(fbp.Hosts) != 1 || strings.Contains(fbp.Domain, fbp.Hosts[0]) == false || strings.Contains(fbp.Hosts[0], " ") {
		t.Fatalf("_fbp: hosts %q from domain %q", fbp.Hosts, fbp.Domain)
	}
	host := fbp.Hosts[0]
	for _, h := range []string{host, "www." + host, strings.ToUpper(host) + "."} {
		got := ForDomain(h)
		if !slices.ContainsFunc(got, func(e Entry) bool { return e.Name == "_fbp" }) {
			t.Errorf("ForDomain(%q) has no _fbp among %d entries", h, len(got))
		}
		for _, e := range got {
			if e.Controller != fbp.Controller {
				t.Errorf("ForDomain(%q) has %s of %s", h, e.Name, e.Controller)
			}
		}
	}
	if got := ForDomain("x" + host); got != nil {
		t.Errorf("ForDomain(x%s) = %v, want nothing: it is another domain", host, names(got))
	}
	if got := ForDomain(""); got != nil {
		t.Errorf("ForDomain(\"\") = %d entries", len(got))
	}
}

func TestHostsAreReadFromTheLooseDomainColumn(t *testing.T) {
	tests := []struct {
		domain string
		want   []string
	}{
		{"", nil},
		{".Example.com", []string{"example.com"}},
		{"example.com (3rd party)", []string{"example.com"}},
		{".a.example (3rd party) or .b.example (3rd party)", []string{"a.example", "b.example"}},
		{"or b.example (3rd party)", []string{"b.example"}},
		{"ads-[account].example.com", []string{"example.com"}},
		{"example.com.", []string{"example.com"}},
		{"ut", nil},
		{"some-name", nil},
	}
	for _, tt := range tests {
		if got := hostsOf(tt.domain); !slices.Equal(got, tt.want) {
			t.Errorf("hostsOf(%q) = %q, want %q", tt.domain, got, tt.want)
		}
	}
}

func TestEveryCategoryOfTheDatabaseIsOneOfOurs(t *testing.T) {
	for _, src := range []string{"Functional", "Security", "Necessary", "Personalization", "Analytics", "Marketing"} {
		c, ok := MapCategory(src)
		if !ok || !slices.Contains(config.Categories(), string(c)) {
			t.Errorf("MapCategory(%q) = %q, %v", src, c, ok)
		}
	}
	if c, ok := MapCategory("Advertising"); ok {
		t.Errorf("MapCategory(Advertising) = %q; an unknown category must not be guessed", c)
	}
	for _, e := range Entries() {
		if want, _ := MapCategory(e.SourceCategory); e.Category != want {
			t.Errorf("%s (%s): category %s, but %s maps to %s", e.Name, e.Platform, e.Category, e.SourceCategory, want)
		}
	}
}

func TestGenerateRefusesWhatItCannotMap(t *testing.T) {
	head := "id,platform,category,name,domain,retention,controller,privacy_url,wildcard\n"
	tests := []struct{ csv, want string }{
		{head + "1,P,Advertising,n,,1 day,C,,0\n", `csv line 2: unknown category "Advertising"`},
		{head + "1,P,Analytics,n,,1 day,C,,yes\n", `csv line 2: wildcard is "yes"`},
		{head + "1,P,Analytics,,,1 day,C,,0\n", "csv line 2: empty name"},
		{"id,platform,name\n", `csv has no column "category"`},
	}
	for _, tt := range tests {
		_, err := Generate(strings.NewReader(tt.csv), &bytes.Buffer{})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Generate(%q) = %v, want an error with %q", tt.csv, err, tt.want)
		}
	}
}

func TestGenerateKeepsUnreadableRetentionsAndDropsRepeats(t *testing.T) {
	csv := "id,platform,category,name,domain,retention,controller,privacy_url,wildcard\n" +
		"1,P,Analytics,b,,29 days,C,,0\n" +
		"2,P,Analytics,b,,29 Days,C,,0\n" +
		"3,P,Analytics,a,\u200bx.example\u200b,\"until\tdeleted\",C,,0\n"
	var b bytes.Buffer
	st, err := Generate(strings.NewReader(csv), &b)
	if err != nil {
		t.Fatal(err)
	}
	entries, err := readTable(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if st.Rows != 3 || st.Duplicates != 1 || st.UnknownRetention != 1 || len(entries) != 2 {
		t.Fatalf("stats %+v, %d entries; want 3 rows, 1 duplicate, 1 unknown, 2 entries", st, len(entries))
	}
	a, bb := entries[0], entries[1]
	if a.Name != "a" || a.Retention.Known() || a.Retention.Text != "until deleted" || a.Domain != "x.example" {
		t.Errorf("first entry %+v, want a with the unknown retention \"until deleted\" on x.example", a)
	}
	if bb.Name != "b" || bb.Retention.Text != "29 days" || bb.Retention.Period != 29*day {
		t.Errorf("second entry %+v, want b with the first spelling, 29 days", bb)
	}
}

func TestReadTableNamesTheBadLine(t *testing.T) {
	head := tableHeader + strings.Join(columns, "\t") + "\n"
	row := func(f ...string) string { return strings.Join(f, "\t") + "\n" }
	tests := []struct{ data, want string }{
		{"name\n", "trackers.tsv:1: want the header"},
		{head + "a\t0\n", "trackers.tsv:4: want 11 fields, have 2"},
		{head + row("a", "0", "necessary", "Functional", "2q", "", "P", "C", "", "", ""), `trackers.tsv:4: invalid retention "2q"`},
		{head + row("a", "0", "ads", "Functional", "2y", "", "P", "C", "", "", ""), `trackers.tsv:4: unknown tracker category "ads"`},
		{head + row("a", "2", "necessary", "Functional", "2y", "", "P", "C", "", "", ""), `trackers.tsv:4: pattern is "2"`},
	}
	for _, tt := range tests {
		_, err := readTable([]byte(tt.data))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("readTable: %v, want %q", err, tt.want)
		}
	}
}

func TestTheLicenceAndAttributionAreKept(t *testing.T) {
	lic, err := os.ReadFile("LICENSE.open-cookie-database")
	if err != nil || !bytes.Contains(lic, []byte("Apache License")) || !bytes.Contains(lic, []byte("Version 2.0")) {
		t.Errorf("LICENSE.open-cookie-database: %v", err)
	}
	readme, err := os.ReadFile(filepath.Join("README.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"0ee5a17", "Apache License 2.0", "go generate ./generator/trackers"} {
		if !bytes.Contains(readme, []byte(s)) {
			t.Errorf("README.md does not say %q", s)
		}
		if s != "go generate ./generator/trackers" && !strings.Contains(Source(), s) {
			t.Errorf("Source() = %q, without %q", Source(), s)
		}
	}
}

func TestEntriesCannotChangeTheTable(t *testing.T) {
	e, _ := Lookup("_fbp")
	e.Hosts[0] = "changed"
	if again, _ := Lookup("_fbp"); again.Hosts[0] == "changed" {
		t.Error("changing a returned entry's hosts changed the table")
	}
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		entries, err := readTable(table)
		if err != nil {
			b.Fatal(err)
		}
		newBase(entries)
	}
}

func names(es []Entry) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Name)
	}
	return out
}

func platforms(es []Entry) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Platform)
	}
	return out
}
