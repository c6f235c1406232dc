package sitetest

import (
	"reflect"
	"slices"
	"testing"

	"github.com/policygen/policygen/generator/config"
)

func mustLoad(t *testing.T, name string) *config.Site {
	t.Helper()
	l, err := LoadFixture(name)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return l.Site
}

func TestEveryFixtureLoads(t *testing.T) {
	for _, name := range append(EveryField(), "minimal", "full") {
		mustLoad(t, name)
	}
	if Fixture("no such fixture") != "" {
		t.Error("a fixture that does not exist has a text")
	}
}

func TestAnEncodedSiteLoadsAsItWas(t *testing.T) {
	for _, name := range append(EveryField(), "minimal") {
		s := mustLoad(t, name)
		l, err := Load(s)
		if err != nil {
			t.Fatalf("%s encoded: %v", name, err)
		}
		if !reflect.DeepEqual(l.Site, s) {
			t.Errorf("%s encoded and loaded again:\n%+v\nwant:\n%+v", name, l.Site, s)
		}
	}
}

// TestTheFixturesSetEveryField: a field that no fixture sets would be
// one that the tests built on Edits never change.
func TestTheFixturesSetEveryField(t *testing.T) {
	var sites []*config.Site
	for _, name := range EveryField() {
		sites = append(sites, mustLoad(t, name))
	}
	if unset := Unset(sites...); len(unset) > 0 {
		t.Errorf("no fixture of EveryField sets %v: add them to testdata/every_field.toml or outside_eea.toml", unset)
	}
}

func TestEditsChangeEveryFieldToAValueThatLoads(t *testing.T) {
	done := map[string]bool{}
	for _, name := range EveryField() {
		base := mustLoad(t, name)
		edits := Edits(func() *config.Site { return mustLoad(t, name) }, func(s *config.Site) bool {
			_, err := Load(s)
			return err == nil
		}, done)
		for _, e := range edits {
			if changed := Changed(base, e.Site); !slices.Contains(changed, e.Field) {
				t.Errorf("%s: the edit of %s changed %v, not %s", name, e.Leaf, changed, e.Field)
			}
			if _, err := Load(e.Site); err != nil {
				t.Errorf("%s: after the edit of %s: %v", name, e.Leaf, err)
			}
		}
	}
	for _, f := range Fields() {
		if !done[f] {
			t.Errorf("no edit changes %s", f)
		}
	}
}

func TestChangedNamesTheFieldsThatDiffer(t *testing.T) {
	a, b := mustLoad(t, "every_field"), mustLoad(t, "every_field")
	b.Company.Phone = "+49 1"
	b.Activities[1].Title.ByLang["de"] = "Neuigkeiten"
	b.Data["more"] = config.DataCategory{}
	want := []string{"Activities.Title", "Company.Phone", "Data"}
	if got := Changed(a, b); !slices.Equal(got, want) {
		t.Errorf("Changed = %v, want %v", got, want)
	}
	if got := Changed(a, a); len(got) != 0 {
		t.Errorf("a site changed against itself: %v", got)
	}
}

// TestRemovalsDropAnEntryOfEachListAndTableThatCanLoseOne: of those in
// the fixtures, [authority] cannot go (a Swiss company's authority is not
// derived) and neither can a processor (the last is referred to).
func TestRemovalsDropAnEntryOfEachListAndTableThatCanLoseOne(t *testing.T) {
	var got []string
	for _, name := range EveryField() {
		base := mustLoad(t, name)
		for _, e := range Removals(func() *config.Site { return mustLoad(t, name) }, func(s *config.Site) bool {
			_, err := Load(s)
			return err == nil
		}) {
			if changed := Changed(base, e.Site); !slices.Contains(changed, e.Field) {
				t.Errorf("%s: the removal of %s changed %v, not %s", name, e.Leaf, changed, e.Field)
			}
			got = append(got, e.Leaf)
		}
	}
	for _, want := range []string{"DPO", "Representative", "Trackers", "Activities", "Changes", "Activities[0].Recipients", "Company.Address"} {
		if !slices.Contains(got, want) {
			t.Errorf("no removal of %s; removed %v", want, got)
		}
	}
}
