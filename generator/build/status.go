package build

import (
	"slices"
	"strings"
	"time"

	"github.com/policygen/policygen/generator/config"
	"github.com/policygen/policygen/generator/diag"
	"github.com/policygen/policygen/generator/history"
)

// status is what a build shows: which released version is in force, which
// are upcoming, and, for a draft, the unreleased text.
type status struct {
	versions []*history.Version
	current  *history.Version // in force on the build date; nil if none is
	upcoming []*history.Version
	draft    Texts // the unreleased text the current page shows, or nil

	of          map[string][]*history.Version // "doc/lang" -> the versions that have the document in the language
	releasedKey string                        // see Site.releasedKey
}

// next returns the version after v, or nil for the newest.
func (st *status) next(v *history.Version) *history.Version {
	i, ok := findVersion(st.versions, v.Name())
	if !ok || i+1 == len(st.versions) {
		return nil
	}
	return st.versions[i+1]
}

// findVersion returns the index of the version named name in versions,
// oldest first, and whether there is one.
func findVersion(versions []*history.Version, name string) (int, bool) {
	return slices.BinarySearchFunc(versions, name, func(v *history.Version, name string) int { return strings.Compare(v.Name(), name) })
}

// status compares the site as rendered now with the newest released
// version. Unreleased changes fail the build unless it is a draft build; a
// site that was never released always builds as a draft.
func (s *Site) status(draft bool) (*status, error) {
	st := &status{versions: s.History, of: map[string][]*history.Version{}}
	for _, doc := range s.Docs {
		for _, lang := range s.langs() {
			for _, v := range s.History {
				if _, ok := v.Markdown(doc, lang); ok {
					st.of[doc+"/"+lang] = append(st.of[doc+"/"+lang], v)
				}
			}
		}
	}
	for _, v := range s.History {
		if v.Date.After(s.Date) {
			st.upcoming = append(st.upcoming, v)
		}
	}
	st.current = history.EffectiveOn(s.History, s.Date)
	newest := history.Newest(s.History)
	if newest == nil {
		t, err := s.renderTexts(s.Date, true)
		st.draft = t
		return st, err
	}
	problems, now, err := s.unreleased(newest)
	if err != nil || len(problems) == 0 {
		return st, err
	}
	if !draft {
		return nil, problems.Err()
	}
	asOf := s.Date
	if p := s.pending(); len(p) > 0 {
		asOf = p[len(p)-1].Date
	}
	// The draft differs from the text just rendered only in the clauses
	// that speak of the date or the draft.
	st.draft, _, err = s.renderClauses(asOf, true, now)
	return st, err
}

// unreleased reports how the site differs from the newest released
// version: text that renders differently, and [[change]] entries that
// were never released. It returns the clauses as rendered now.
func (s *Site) unreleased(newest *history.Version) (diag.List, clauseTexts, error) {
	now, clauses, err := s.renderClauses(newest.Date, false, nil)
	if err != nil {
		return nil, nil, err
	}
	var errs diag.List
	if d := s.differences(now, newest.Docs); len(d) > 0 {
		errs.Addf(diag.Pos{File: s.Config.File}, "unreleased changes in %s since the version of %s", strings.Join(d, ", "), newest.Name()).
			WithHint("add a [[change]] entry with the date the new text takes effect and run policygen release, or preview with --draft")
	}
	for _, c := range s.pending() {
		pos := s.Config.Pos.Value(config.Path("change", c.index, "date"))
		switch {
		case !c.Date.After(newest.Date):
			errs.Addf(pos, "change dated %s was never released, and a later version (%s) exists", c.name(), newest.Name()).
				WithHint("remove the entry: a new version must be dated after %s", newest.Name())
		case len(errs) == 0:
			errs.Addf(pos, "change dated %s is not released, but the text is the same as the version of %s", c.name(), newest.Name()).
				WithHint("change what the entry describes and run policygen release, or remove the entry")
		default:
			errs.Addf(pos, "change dated %s is not released yet", c.name()).WithHint("run policygen release")
		}
	}
	return errs, clauses, nil
}

// change is a [[change]] entry with its index in site.toml.
type change struct {
	config.Change
	index int
}

func (c change) name() string { return c.Date.Format(time.DateOnly) }

// pending returns the [[change]] entries that have no released version,
// oldest first.
func (s *Site) pending() []change {
	released := map[string]bool{}
	for _, v := range s.History {
		released[v.Name()] = true
	}
	var out []change
	for i, c := range s.Config.Site.Changes {
		if !released[c.Date.Format(time.DateOnly)] {
			out = append(out, change{c, i})
		}
	}
	for i := 1; i < len(out); i++ { // few entries: insertion sort by date
		for j := i; j > 0 && out[j].Date.Before(out[j-1].Date); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}
