package model

import (
	"fmt"
	"testing"
	"time"

	"github.com/policygen/policygen/generator/config"
)

// TestActivityDataIsSplitBetweenSourceAndPerson checks which categories
// come from the source and which from the person: without a source all
// from the person, with one but no source_data all from the source, and
// with source_data the named ones, in the order of data.
func TestActivityDataIsSplitBetweenSourceAndPerson(t *testing.T) {
	s := site()
	source := config.LocalizedText{Plain: "Agency"}
	s.Activities = []config.Activity{
		{ID: "own", Basis: "contract", Retention: "r", Data: []config.ID{"name", "email"}},
		{ID: "all", Basis: "contract", Retention: "r", Data: []config.ID{"name", "email"}, Source: source},
		{ID: "some", Basis: "contract", Retention: "r", Data: []config.ID{"name", "address", "email"}, Source: source, SourceData: []config.ID{"email", "name"},
			Automated: config.LocalizedText{Plain: "A score decides"}, AutomatedException: "contract"},
	}
	m := Build(s, "en", testFacts(t), testWords(t, "en"), time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	ids := func(ds []DataCategory) string {
		out := make([]string, len(ds))
		for i, d := range ds {
			out[i] = d.ID
		}
		return fmt.Sprint(out)
	}
	for i, want := range []struct{ source, own string }{{"[]", "[name email]"}, {"[name email]", "[]"}, {"[name email]", "[address]"}} {
		a := m.Activities[i]
		if got := ids(a.SourceData); got != want.source {
			t.Errorf("%s: source data %s, want %s", a.ID, got, want.source)
		}
		if got := ids(a.OwnData); got != want.own {
			t.Errorf("%s: own data %s, want %s", a.ID, got, want.own)
		}
	}
	if got := m.ProvidedActivities(); len(got) != 2 || got[0].ID != "own" || got[1].ID != "some" {
		t.Errorf("provided activities: %v", got)
	}
	if got := len(m.SourcedActivities()); got != 2 {
		t.Errorf("%d sourced activities, want 2", got)
	}
	if a := m.Activities[2]; a.AutomatedException != "contract" || a.AutomatedPoint() != "a" {
		t.Errorf("exception %q, point %q", a.AutomatedException, a.AutomatedPoint())
	}
}
