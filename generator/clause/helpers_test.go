package clause

import (
	"math"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/policygen/policygen"
	"github.com/policygen/policygen/generator/assets"
	"github.com/policygen/policygen/generator/config"
	"github.com/policygen/policygen/generator/locale"
	"github.com/policygen/policygen/generator/markdown"
	"github.com/policygen/policygen/generator/model"
)

// languages returns the helpers of the embedded messages of en, de and nl.
func languages(t *testing.T) map[string]helpers {
	t.Helper()
	c, err := locale.Load(assets.New(nil, "", policygen.Defaults), []string{"en", "de", "nl"})
	if err != nil {
		t.Fatal(err)
	}
	return map[string]helpers{"en": {c.Lang("en")}, "de": {c.Lang("de")}, "nl": {c.Lang("nl")}}
}

// must fails the test on a helper's error.
func must(t *testing.T, what string) func(string, error) string {
	return func(s string, err error) string {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		return s
	}
}

// TestHelpersWriteWhatTemplatesMdShowsInEachLanguage checks the results
// docs/templates.md gives for cite, date, duration, retention, country
// and list, in English, German and Dutch.
func TestHelpersWriteWhatTemplatesMdShowsInEachLanguage(t *testing.T) {
	h := languages(t)
	contract := config.LegalBasis("contract")
	twoYears, session := config.Duration{N: 2, Unit: "y"}, config.Duration{Special: "session"}
	rule := &model.Retention{Period: config.Duration{N: 7, Unit: "y"}, After: "fiscal_year_end"}
	for _, c := range []struct {
		lang                                           string
		cite, date, years, session, retention, country string
		list                                           string
	}{
		{"en", "Art. 6(1)(b) GDPR", "24 May 2018", "2 years", "until the end of the session", "7 years after the end of the financial year", "United States", "A, B and C"},
		{"de", "Art. 6 Abs. 1 lit. b DSGVO", "24. Mai 2018", "2 Jahre", "bis zum Ende der Sitzung", "7 Jahre nach Ende des Geschäftsjahres", "Vereinigte Staaten", "A, B und C"},
		{"nl", "artikel 6, lid 1, onder b, AVG", "24 mei 2018", "2 jaar", "tot het einde van de sessie", "7 jaar na afloop van het boekjaar", "Verenigde Staten", "A, B en C"},
	} {
		l := h[c.lang]
		ok := must(t, c.lang)
		got := []string{ok(l.cite(contract)), ok(l.date(time.Date(2018, 5, 24, 0, 0, 0, 0, time.UTC))), ok(l.duration(twoYears)),
			ok(l.duration(session)), ok(l.retention(rule)), ok(l.country("US")), ok(l.list([]string{"A", "B", "C"}))}
		want := []string{c.cite, c.date, c.years, c.session, c.retention, c.country, c.list}
		if !slices.Equal(got, want) {
			t.Errorf("%s:\n got %q\nwant %q", c.lang, got, want)
		}
	}
}

func TestTPicksThePluralByTheCountAndFillsInTheDict(t *testing.T) {
	en := languages(t)["en"]
	date, err := dict("Date", "24 May 2018")
	if err != nil || len(date) != 1 || date["Date"] != "24 May 2018" {
		t.Fatalf("dict \"Date\" \"24 May 2018\" = %v, %v", date, err)
	}
	ok := must(t, "T")
	for _, c := range []struct {
		args []any
		want string
	}{
		{[]any{"table.name"}, "Name"},
		{[]any{"duration.day", 1}, "1 day"},
		{[]any{"duration.day", 2}, "2 days"},
		{[]any{"duration.day", uint8(0)}, "0 days"},
		{[]any{"duration.day", int64(1)}, "1 day"},
		{[]any{"duration.day", uint64(1)}, "1 day"},
		{[]any{"ui.effective", date}, "Effective from 24 May 2018"},
		{[]any{"duration.week", date, 3}, "3 weeks"}, // a dict and a count in either order
	} {
		if got := ok(en.t(c.args[0], c.args[1:]...)); got != c.want {
			t.Errorf("T %v = %q, want %q", c.args, got, c.want)
		}
	}
	if _, err := en.t("duration.day", uint64(math.MaxUint64)); err == nil || err.Error() != `T "duration.day": the count 18446744073709551615 is too large` {
		t.Errorf("T with a count beyond int: %v", err)
	}
	if _, err := dict("Date", 1, 2, 3); err == nil || err.Error() != "dict key 2 is not a string" {
		t.Errorf("dict with a key that is not a string: %v", err)
	}
}

func TestVocabIsTheMessageOfAValueOfItsGroup(t *testing.T) {
	h := languages(t)
	for _, c := range []struct {
		lang, group string
		value       any
		want        string
	}{
		{"en", "basis", config.LegalBasis("legitimate_interests"), "legitimate interests"},
		{"en", "trigger", config.Trigger("contract_end"), "after the end of the contract"},
		{"en", "tracker_category", "statistics", "Statistics"},
		{"en", "basis", markdown.Text("consent"), "consent"},
	} {
		if got := must(t, "vocab")(h[c.lang].vocab(c.group, c.value)); got != c.want {
			t.Errorf("%s: vocab %q %q = %q, want %q", c.lang, c.group, c.value, got, c.want)
		}
	}
	if _, err := h["en"].vocab("basis", "consnet"); err == nil || !strings.Contains(err.Error(), `"basis.consnet" is not defined`) {
		t.Errorf("vocab of a value the group does not have: %v", err)
	}
}

// TestCiteNamesEachLegalBasisByItsPoint: every basis site.toml accepts,
// given as the config type or a plain string.
func TestCiteNamesEachLegalBasisByItsPoint(t *testing.T) {
	en := languages(t)["en"]
	for basis, want := range map[any]string{
		config.LegalBasis("consent"): "Art. 6(1)(a) GDPR", "contract": "Art. 6(1)(b) GDPR",
		"legal_obligation": "Art. 6(1)(c) GDPR", "vital_interests": "Art. 6(1)(d) GDPR",
		"public_task": "Art. 6(1)(e) GDPR", markdown.Text("legitimate_interests"): "Art. 6(1)(f) GDPR",
	} {
		if got := must(t, "cite")(en.cite(basis)); got != want {
			t.Errorf("cite %q = %q, want %q", basis, got, want)
		}
	}
}

func TestDurationsAndRetentionRulesOfEveryUnitAndSpecial(t *testing.T) {
	en := languages(t)["en"]
	for d, want := range map[config.Duration]string{
		{N: 1, Unit: "h"}: "1 hour", {N: 36, Unit: "h"}: "36 hours", {N: 1, Unit: "d"}: "1 day", {N: 2, Unit: "w"}: "2 weeks",
		{N: 1, Unit: "m"}: "1 month", {N: 13, Unit: "m"}: "13 months", {N: 1, Unit: "y"}: "1 year",
		{Special: "session"}: "until the end of the session", {Special: "none"}: "no storage of its own on your device", {Special: "until_withdrawn"}: "until consent is withdrawn",
	} {
		if got := must(t, "duration")(en.duration(d)); got != want {
			t.Errorf("duration %v = %q, want %q", d, got, want)
		}
	}
	for _, c := range []struct {
		rule model.Retention
		want string
	}{
		{model.Retention{Period: config.Duration{N: 30, Unit: "d"}, After: "collection"}, "30 days after collection"},
		{model.Retention{Period: config.Duration{N: 1, Unit: "y"}, After: "account_closure"}, "1 year after the account is closed"},
		{model.Retention{Period: config.Duration{Special: "until_withdrawn"}, After: "consent_withdrawal"}, "until consent is withdrawn"},
	} {
		if got := must(t, "retention")(en.retention(&c.rule)); got != c.want {
			t.Errorf("retention %v %v = %q, want %q", c.rule.Period, c.rule.After, got, c.want)
		}
	}
}

func TestCountryTakesACodeInEitherCase(t *testing.T) {
	h := languages(t)
	for _, c := range []struct {
		lang string
		code any
		want string
	}{
		{"en", "DE", "Germany"}, {"en", "de", "Germany"}, {"de", config.Country("NL"), "Niederlande"},
		{"nl", markdown.Text("ch"), "Zwitserland"}, {"en", "GB", "United Kingdom"},
	} {
		if got := must(t, "country")(h[c.lang].country(c.code)); got != c.want {
			t.Errorf("%s: country %q = %q, want %q", c.lang, c.code, got, c.want)
		}
	}
	for _, code := range []string{"", "D", "DEU", "XK1"} {
		if _, err := h["en"].country(code); err == nil {
			t.Errorf("country %q is not an error", code)
		}
	}
}

// TestListJoinsItemsAsASentenceAndPrintsThemEscaped: none, one, two and
// more items; Markdown text items print escaped, as fmt prints them.
func TestListJoinsItemsAsASentenceAndPrintsThemEscaped(t *testing.T) {
	en := languages(t)["en"]
	for _, c := range []struct {
		items any
		want  string
	}{
		{[]string{}, ""},
		{[]string{"A"}, "A"},
		{[]string{"A", "B"}, "A and B"},
		{[2]int{1, 2}, "1 and 2"},
		{[]markdown.Text{"E-mail *address*", "name"}, `E-mail \*address\* and name`},
	} {
		if got := must(t, "list")(en.list(c.items)); got != c.want {
			t.Errorf("list %v = %q, want %q", c.items, got, c.want)
		}
	}
}

func TestLinkMailtoLinesAndDocurlWriteMarkdown(t *testing.T) {
	p := &model.Processor{Name: "Ads [Inc]"}
	for _, c := range []struct {
		got  func() (string, error)
		what string
		want string
	}{
		{func() (string, error) { return link(markdown.Text("Our *partner*"), "https://x.example/a b") }, "link with a space",
			`[Our \*partner\*](<https://x.example/a%20b>)`},
		{func() (string, error) { return link(p, "https://ads.example/<p>") }, "link of a processor",
			`[` + p.String() + `](<https://ads.example/%3Cp%3E>)`},
		{func() (string, error) { return mailto("a.b@example.com") }, "mailto",
			`[a.b@example.com](<mailto:a.b@example.com>)`},
		{func() (string, error) { return lines([]markdown.Text{"Street 1", "1000 AB Town"}) }, "lines",
			"Street 1\\\n1000 AB Town"},
		{func() (string, error) { return lines([]markdown.Text{"Floor 2", "2. Stock", "- Rear"}) }, "lines that would start a list",
			"Floor 2\\\n2\\. Stock\\\n\\- Rear"},
		{func() (string, error) { return lines([]markdown.Text{}) }, "no lines", ""},
		{func() (string, error) { return docurl("privacy") }, "docurl", DocLinkPrefix + "privacy"},
		{func() (string, error) { return docurl("cookies#consent-2") }, "docurl at a clause", DocLinkPrefix + "cookies#consent-2"},
	} {
		if got := must(t, c.what)(c.got()); got != c.want {
			t.Errorf("%s = %q, want %q", c.what, got, c.want)
		}
	}
	for _, id := range []any{"Privacy", "privacy#", "#rights", "../privacy", markdown.Text("privacy")} {
		if _, err := docurl(id); err == nil {
			t.Errorf("docurl %q is not an error", id)
		}
	}
	var none *model.Processor
	if _, err := link(none, "https://x.example/"); err == nil || err.Error() != "link: want the link's text, not <nil> (*model.Processor)" {
		t.Errorf("link of a nil processor: %v", err)
	}
}

// TestFuncsAreTheHelpersTemplatesMdDocuments: a helper added or removed
// on one side only fails here.
func TestFuncsAreTheHelpersTemplatesMdDocuments(t *testing.T) {
	doc, err := os.ReadFile("../../docs/templates.md")
	if err != nil {
		t.Fatal(err)
	}
	_, table, _ := strings.Cut(string(doc), "\n## Helpers\n")
	table, _, _ = strings.Cut(table, "\n## ")
	var documented []string
	for _, m := range regexp.MustCompile("(?m)^\\| `(\\w+)").FindAllStringSubmatch(table, -1) {
		documented = append(documented, m[1])
	}
	var funcs []string
	for name := range Funcs(languages(t)["en"].lang) {
		funcs = append(funcs, name)
	}
	slices.Sort(documented)
	slices.Sort(funcs)
	if !slices.Equal(funcs, documented) {
		t.Errorf("Funcs has %v, docs/templates.md documents %v", funcs, documented)
	}
}
