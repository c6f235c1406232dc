package site

import (
	"fmt"
	"path"
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
	versions []*history.Version // every release, oldest first
	current  *history.Version   // the release in force on the build date; nil if none is
	date     time.Time          // the build date
	draft    Texts              // the unreleased text the current page shows, or nil

	of          map[string][]*history.Version // "doc/lang" -> the document's own versions (docVersions)
	releasedKey string                        // see Site.releasedKey
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
	st := &status{versions: s.History, date: s.Date, of: s.docVersions()}
	st.current = history.EffectiveOn(s.History, s.Date)
	if err := s.checkReleased().Err(); err != nil {
		return nil, err
	}
	newest := history.Newest(s.History)
	if newest == nil {
		if p := s.pending(); len(p) > 0 && !draft {
			return nil, s.neverReleased(p)
		}
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

// neverReleased is the error of a site that describes versions in
// [[change]] entries but has released none: without it, its pages would be
// drafts nobody asked for.
func (s *Site) neverReleased(pending []change) diag.List {
	first := pending[0]
	hint := fmt.Sprintf("run policygen release to publish the text as the version of %s, or preview it with --draft", first.name())
	if len(pending) > 1 {
		hint += fmt.Sprintf("; if the history folder (%s) was deleted, restore it from version control", s.HistoryDir)
	}
	entries := "1 [[change]] entry"
	if len(pending) > 1 {
		entries = fmt.Sprintf("%d [[change]] entries", len(pending))
	}
	return diag.List{diag.Errorf(s.Config.Pos.Value(config.Path("change", first.index, "date")), "no version has been released, but site.toml has %s", entries).
		WithHint("%s", hint)}
}

// unreleased reports how the site differs from the newest released
// version: text that renders differently, a model that differs though the
// text does not, and [[change]] entries that were never released. It
// returns the clauses as rendered now.
func (s *Site) unreleased(newest *history.Version) (diag.List, clauseTexts, error) {
	now, clauses, err := s.renderClauses(newest.Date, false, nil)
	if err != nil {
		return nil, nil, err
	}
	var errs diag.List
	textDiff := s.differences(now, newest.Docs)
	if len(textDiff) > 0 {
		errs.Addf(diag.Pos{File: s.Config.File}, "unreleased changes in %s since the version of %s", strings.Join(textDiff, ", "), newest.Name()).
			WithHint("add a [[change]] entry with the date the new text takes effect and run policygen release, or preview with --draft; if neither site.toml nor the clauses changed, %s was edited: restore it from version control", newest.Dir)
	}
	pending := s.pending()
	modelDiff, err := s.modelDifferences(newest, len(pending) == 0)
	if err != nil {
		return nil, nil, err
	}
	if len(textDiff) == 0 && len(pending) == 0 && len(modelDiff) > 0 {
		errs.Addf(diag.Pos{File: path.Join(newest.Dir, history.ModelFile)}, "the released model differs from site.toml in %s, though the text is the same", strings.Join(modelDiff, ", ")).
			WithHint("if you changed site.toml, add a [[change]] entry dated after %s and run policygen release; if not, model.json was edited after its release: restore it from version control", newest.Name())
	}
	for _, c := range pending {
		pos := s.Config.Pos.Value(config.Path("change", c.index, "date"))
		switch {
		case !c.Date.After(newest.Date):
			errs.Addf(pos, "change dated %s was never released, and a later version (%s) exists", c.name(), newest.Name()).
				WithHint("remove the entry: a new version must be dated after %s", newest.Name())
		case len(errs) == 0 && len(modelDiff) == 0:
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
		released[v.Date.Format(time.DateOnly)] = true // a revision has the date of its entry
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
