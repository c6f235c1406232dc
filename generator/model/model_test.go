package model

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/policygen/policygen"
	"github.com/policygen/policygen/generator/assets"
	"github.com/policygen/policygen/generator/config"
	"github.com/policygen/policygen/generator/internal/sitetest"
	"github.com/policygen/policygen/generator/legal"
	"github.com/policygen/policygen/generator/locale"
)

// testFacts loads the embedded legal facts, failing the test if they do not parse.
func testFacts(tb testing.TB) *legal.Facts {
	tb.Helper()
	f, err := legal.Load()
	if err != nil {
		tb.Fatal(err)
	}
	return f
}

// testWords returns the built-in messages and country names of lang.
func testWords(tb testing.TB, lang string) Words {
	tb.Helper()
	c, err := locale.Load(assets.New(nil, "", policygen.Defaults), []string{"en", "de", "nl"})
	if err != nil {
		tb.Fatal(err)
	}
	return c.Lang(lang)
}

func site() *config.Site {
	return &config.Site{
		Settings: config.Settings{Languages: []string{"en"}, BaseURL: "https://x.example/"},
		Company:  config.Company{Name: "C", Country: "NL"},
		Activities: []config.Activity{
			{ID: "a", Title: config.LocalizedText{Plain: "A *1*"}, Basis: "contract", Retention: "r", Recipients: []config.ID{"p", "q"}},
			{ID: "b", Title: config.LocalizedText{Plain: "B"}, Basis: "consent", Retention: "r"},
		},
		Processors: []config.Processor{
			{ID: "p", Name: "P_1", Country: "DE"},
			{ID: "q", Name: "Q", Country: "GB"},
			{ID: "u", Name: "U", Country: "US", Transfer: "dpf"},
		},
		Trackers: []config.Tracker{
			{Name: "m", Provider: "u", Category: "marketing"},
			{Name: "n", Provider: "first_party", Category: "necessary"},
		},
		Retention: []config.Retention{{ID: "r", Period: config.Duration{N: 1, Unit: "y"}, After: "collection"}},
		Changes: []config.Change{
			{Date: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)},
			{Date: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)},
			{Date: time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)},
		},
	}
}

func TestModelResolvesReferencesAndDerivedFacts(t *testing.T) {
	m := Build(site(), "en", testFacts(t), testWords(t, "en"), time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	if got := fmt.Sprint(m.Activities[0].Recipients); got != `[P_1 Q]` { // "_" between letters and digits cannot start emphasis
		t.Errorf("recipients print as %s", got)
	}
	if got := fmt.Sprint(m.Activities[0]); got != `A \*1\*` {
		t.Errorf("activity prints as %s", got)
	}
	if r := m.Retention[0]; len(r.Activities) != 2 || r.Activities[1].ID != "b" {
		t.Errorf("retention activities: %v", r.Activities)
	}
	if q := m.Processors[1]; !q.ThirdCountry || q.Transfer != "adequacy" {
		t.Errorf("GB recipient: third country %v, transfer %q", q.ThirdCountry, q.Transfer)
	}
	if p := m.Processors[0]; p.ThirdCountry || p.Transfer != "" {
		t.Errorf("DE recipient: %+v", p)
	}
	if got := len(m.ThirdCountryRecipients()); got != 2 {
		t.Errorf("%d third-country recipients, want 2", got)
	}
	if g := m.TrackerGroups(); len(g) != 2 || g[0].Category != "necessary" || g[1].Category != "marketing" {
		t.Errorf("tracker groups: %+v", g)
	}
	if !m.Trackers[1].FirstParty || m.Trackers[0].Provider.ID != "u" || !m.ConsentTrackers() || !m.UsesBasis("consent") {
		t.Error("tracker providers or consent facts wrong")
	}
	if len(m.Changes) != 2 || m.Effective.Year() != 2025 || m.Draft {
		t.Errorf("changes as of 2026: %d, effective %v, draft %v", len(m.Changes), m.Effective, m.Draft)
	}
}

func TestNoChangeOnOrBeforeTheDateIsADraft(t *testing.T) {
	m := Build(site(), "en", testFacts(t), testWords(t, "en"), time.Date(2023, 6, 1, 0, 0, 0, 0, time.UTC))
	if !m.Draft || !m.Effective.IsZero() || len(m.Changes) != 0 {
		t.Errorf("draft %v, effective %v, changes %d", m.Draft, m.Effective, len(m.Changes))
	}
}

// TestThirdCountryProvidersNamesEachOnce gives a category three trackers of
// one US provider, one of an EEA provider and a first-party one: the
// provider outside the EEA is named once.
func TestThirdCountryProvidersNamesEachOnce(t *testing.T) {
	s := site()
	s.Trackers = append(s.Trackers,
		config.Tracker{Name: "m2", Provider: "u", Category: "marketing"},
		config.Tracker{Name: "m3", Provider: "p", Category: "marketing"},
		config.Tracker{Name: "m4", Provider: "u", Category: "marketing"},
		config.Tracker{Name: "m5", Provider: "first_party", Category: "marketing"})
	m := Build(s, "en", testFacts(t), testWords(t, "en"), time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	groups := m.TrackerGroups()
	marketing := groups[len(groups)-1]
	if got := marketing.ThirdCountryProviders(); len(got) != 1 || got[0].ID != "u" {
		t.Errorf("third-country providers of %d marketing trackers: %v", len(marketing.Trackers), got)
	}
	if got := groups[0].ThirdCountryProviders(); len(got) != 0 {
		t.Errorf("the necessary first-party tracker has third-country providers %v", got)
	}
}

// TestOnlyDatedFieldsDependOnTheDate builds the model as of three dates,
// as a draft and not: apart from DatedFields every field is the same, and
// so is what every method returns. A clause that names no dated field may
// therefore be rendered once for all of them.
func TestOnlyDatedFieldsDependOnTheDate(t *testing.T) {
	words := testWords(t, "en")
	var models []*Site
	for _, year := range []int{2023, 2025, 2028} {
		m := Build(site(), "en", testFacts(t), words, time.Date(year, 6, 1, 0, 0, 0, 0, time.UTC))
		models = append(models, m)
		d := *m
		d.Draft, d.Effective = true, time.Time{}
		models = append(models, &d)
	}
	undated := func(m *Site) Site {
		c := *m
		for _, f := range DatedFields() {
			v := reflect.ValueOf(&c).Elem().FieldByName(f)
			v.Set(reflect.Zero(v.Type()))
		}
		return c
	}
	first := undated(models[0])
	for _, m := range models[1:] {
		if u := undated(m); !reflect.DeepEqual(u, first) {
			t.Errorf("as of another date an undated field differs:\n%+v\n%+v", u, first)
		}
		for i := range reflect.TypeFor[*Site]().NumMethod() {
			meth := reflect.TypeFor[*Site]().Method(i)
			if meth.Type.NumIn() != 1 {
				continue // takes arguments: see below
			}
			got := reflect.ValueOf(m).Method(i).Call(nil)[0].Interface()
			want := reflect.ValueOf(models[0]).Method(i).Call(nil)[0].Interface()
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s differs as of another date", meth.Name)
			}
		}
		for _, basis := range []string{"consent", "contract", "legal_obligation"} {
			if m.UsesBasis(basis) != models[0].UsesBasis(basis) {
				t.Errorf("UsesBasis(%q) differs as of another date", basis)
			}
		}
	}
}

// TestInputsNameWhatEachFieldIsBuiltFrom changes every field of the site
// configuration in turn (sitetest.Edits walks config.Site by reflection,
// so a new field is changed too), and removes an entry of each list and
// table that can lose one (sitetest.Removals): every field and method of the model
// whose Inputs name none of the changed fields must stay the same, as a
// serve session keeps the clauses that read only those.
func TestInputsNameWhatEachFieldIsBuiltFrom(t *testing.T) {
	words := testWords(t, "en")
	asOf := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	done := map[string]bool{}
	for _, fixture := range sitetest.EveryField() {
		fresh := func() *config.Site {
			l, err := sitetest.LoadFixture(fixture)
			if err != nil {
				t.Fatal(err)
			}
			return l.Site
		}
		valid := func(s *config.Site) bool { _, err := sitetest.Load(s); return err == nil }
		base := fresh()
		bm := Build(base, "en", testFacts(t), words, asOf)
		edits := append(sitetest.Edits(fresh, valid, done), sitetest.Removals(fresh, valid)...)
		for _, e := range edits {
			changed := sitetest.Changed(base, e.Site)
			m := Build(e.Site, "en", testFacts(t), words, asOf)
			for _, diff := range unreadChanges(m, bm, changed) {
				t.Errorf("%s: the edit of %s (%v) changed %s, whose Inputs do not name it", fixture, e.Leaf, changed, diff)
			}
		}
	}
	for _, f := range sitetest.Fields() {
		if !done[f] {
			t.Errorf("no edit changed %s", f)
		}
	}
}

// unreadChanges returns the fields (Company's one by one) and the methods
// without arguments of m that differ from base although their Inputs name
// none of the changed configuration paths.
func unreadChanges(m, base *Site, changed []string) []string {
	var out []string
	readsAny := func(name, sub string) bool {
		return slices.ContainsFunc(changed, func(path string) bool { return reads(name, sub, path) })
	}
	sv, bv := reflect.ValueOf(m).Elem(), reflect.ValueOf(base).Elem()
	for i := range sv.NumField() {
		name := sv.Type().Field(i).Name
		if name == "Company" {
			for j := range sv.Field(i).NumField() {
				sub := sv.Field(i).Type().Field(j).Name
				if !readsAny(name, sub) && !reflect.DeepEqual(sv.Field(i).Field(j).Interface(), bv.Field(i).Field(j).Interface()) {
					out = append(out, "Company."+sub)
				}
			}
			continue
		}
		if !readsAny(name, "") && !reflect.DeepEqual(sv.Field(i).Interface(), bv.Field(i).Interface()) {
			out = append(out, name)
		}
	}
	for i := range reflect.TypeFor[*Site]().NumMethod() {
		meth := reflect.TypeFor[*Site]().Method(i)
		if meth.Type.NumIn() != 1 || readsAny(meth.Name, "") {
			continue
		}
		got := reflect.ValueOf(m).Method(i).Call(nil)[0].Interface()
		want := reflect.ValueOf(base).Method(i).Call(nil)[0].Interface()
		if !reflect.DeepEqual(got, want) {
			out = append(out, meth.Name)
		}
	}
	return out
}

// reads reports whether Inputs of a model name include a configuration
// path, or a part of it or a whole it is part of.
func reads(name, sub, path string) bool {
	paths, ok := Inputs(name, sub)
	if !ok {
		return true // not a field that clauses reach by name: nothing to check
	}
	for _, p := range paths {
		if p == path || strings.HasPrefix(path, p+".") || strings.HasPrefix(p, path+".") {
			return true
		}
	}
	return false
}

func TestCookieLawIsTheControllersCountrysInThePageLanguage(t *testing.T) {
	build := func(country config.Country, lang string) *Site {
		s := site()
		s.Company.Country = country
		words := "en" // the messages of a language without built-in ones, such as fr, are the site's
		if slices.Contains([]string{"de", "nl"}, lang) {
			words = lang
		}
		return Build(s, lang, testFacts(t), testWords(t, words), time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	}
	for _, tt := range []struct {
		country        config.Country
		lang, provname string
		directive      bool
	}{
		{"DE", "nl", "§ 25 lid 1 van de Telekommunikation-Digitale-Dienste-Datenschutz-Gesetz (TDDDG)", true},
		{"NL", "de", "Art. 11.7a der niederländischen Telecommunicatiewet (Tw)", true},
		{"GB", "en", `regulation 6 of the Privacy and Electronic Communications (EC Directive) Regulations 2003 (PECR)`, false},
	} {
		c := build(tt.country, tt.lang).CookieLaw
		if c == nil {
			t.Errorf("%s in %s: no cookie law", tt.country, tt.lang)
			continue
		}
		if got := string(c.Provision) + " (" + string(c.Name) + ")"; got != tt.provname || c.Directive != tt.directive || c.Country != string(tt.country) {
			t.Errorf("%s in %s: %s, directive %v; want %s, %v", tt.country, tt.lang, got, c.Directive, tt.provname, tt.directive)
		}
	}
	if gb := build("GB", "de").CookieLaw; !gb.Exempts("statistics") || !gb.Exempts("preferences") || gb.Exempts("marketing") {
		t.Errorf("GB: Schedule A1 exempts statistics and appearance, not marketing: %v", gb.Exempt)
	}
	if c := build("EE", "en").CookieLaw; c != nil {
		t.Errorf("EE: the provision is unverified, so there is none: %+v", c)
	}
	if c := build("DE", "fr").CookieLaw; c != nil {
		t.Errorf("DE in French: the facts are not written in French: %+v", c)
	}
}
