package site

import (
	"slices"
	"strings"
	"time"

	"github.com/policygen/policygen/generator/config"
	"github.com/policygen/policygen/generator/diag"
	"github.com/policygen/policygen/generator/history"
)

// Revise releases a revision of the version announced for date, which has
// not taken effect on the build date: a new version of the same date and
// note, at the end of the chain, that readers are shown in its place (see
// history.Live). A zero date revises the newest version, with the text
// site.toml renders now. An older announced version is rendered from its
// own model snapshot with the clauses, messages and theme of today, so
// that its data stay what was announced. It returns the revision and the
// version it supersedes, and writes nothing when the text is the same.
func (s *Site) Revise(date time.Time) (*history.Version, *history.Version, error) {
	if err := s.checkReleaseKey(); err != nil {
		return nil, nil, err
	}
	target, err := s.announced(date)
	if err != nil {
		return nil, nil, err
	}
	if err := s.checkReleased().Err(); err != nil {
		return nil, nil, err
	}
	texts, site, err := s.revisedText(target)
	if err != nil {
		return nil, nil, err
	}
	if len(s.differences(texts, target.Docs)) == 0 {
		return nil, nil, diag.List{diag.Errorf(s.changePos(target.Date), "the text is the same as the announced version of %s; nothing to revise", target.Name()).
			WithHint("change site.toml or the clauses first: a revision must change what readers read")}
	}
	snap := history.Snapshot{Date: target.Date, Note: target.Note, Docs: texts, Site: site, Revises: target, Released: s.Date}
	v, err := history.ReleaseSigned(s.HistoryDir, snap, history.Newest(s.Released), s.ReleaseKey)
	return v, target, err
}

// announced returns the version that Revise replaces: the newest one for
// a zero date, or the one readers are shown for the date. It must take
// effect after the build date.
func (s *Site) announced(date time.Time) (*history.Version, error) {
	newest := history.Newest(s.History)
	if newest == nil {
		return nil, diag.List{diag.Errorf(diag.Pos{File: s.HistoryDir}, "no version has been released: there is nothing to revise").
			WithHint("run policygen release without --revise to release the first version")}
	}
	target := newest
	if !date.IsZero() {
		i := slices.IndexFunc(s.History, func(v *history.Version) bool { return v.Date.Equal(date) })
		if i < 0 {
			return nil, diag.List{diag.Errorf(s.changePos(date), "no version was released for %s", date.Format(time.DateOnly)).
				WithHint("%s", s.revisableHint())}
		}
		target = s.History[i]
	}
	if !target.Date.After(s.Date) {
		when := "took effect on " + target.Date.Format(time.DateOnly)
		if target.Date.Equal(s.Date) {
			when = "takes effect today"
		}
		return nil, diag.List{diag.Errorf(s.changePos(target.Date), "the version of %s %s: only a version announced for a later date can be revised", target.Name(), when).
			WithHint("a version in force is never replaced: describe the correction in a new [[change]] entry dated after %s and run policygen release", newest.Date.Format(time.DateOnly))}
	}
	return target, nil
}

// revisableHint names the versions Revise can replace.
func (s *Site) revisableHint() string {
	var names []string
	for _, v := range s.History {
		if v.Date.After(s.Date) {
			names = append(names, v.Date.Format(time.DateOnly))
		}
	}
	if len(names) == 0 {
		return "no released version takes effect after " + s.Date.Format(time.DateOnly) + ", so none can be revised"
	}
	return "the versions announced for a later date are: " + strings.Join(names, ", ")
}

// revisedText renders the text of a revision of target, and returns the
// model it is rendered from: site.toml's for the newest version, which
// must then describe no newer [[change]]; otherwise target's own.
func (s *Site) revisedText(target *history.Version) (Texts, *config.Site, error) {
	if target == history.Newest(s.History) {
		if p := s.pending(); len(p) > 0 {
			return nil, nil, diag.List{diag.Errorf(s.Config.Pos.Value(config.Path("change", p[0].index, "date")), "change dated %s is not released: site.toml does not describe the version of %s", p[0].name(), target.Name()).
				WithHint("release it first, or remove the entry to revise the version of %s with the text of site.toml", target.Name())}
		}
		texts, err := s.renderTexts(target.Date, false)
		return texts, s.Config.Site, err
	}
	site, err := s.snapshots.site(target)
	if err != nil {
		return nil, nil, err
	}
	if !slices.Equal(site.Settings.Languages, s.langs()) {
		return nil, nil, diag.List{diag.Errorf(s.Config.Pos.Value("site.languages"), "the version of %s was announced in %s, but site.toml now has %s", target.Name(), strings.Join(site.Settings.Languages, ", "), strings.Join(s.langs(), ", ")).
			WithHint("a revision keeps the languages of the version it replaces: revise it with the languages it had")}
	}
	// Its addresses may still end with a line naming their country, which
	// the clauses now add themselves.
	texts, err := s.over(config.WithoutCountryLines(site, s.Facts)).renderTexts(target.Date, false)
	return texts, site, err
}

// over is the site with another model: what renders an older version's
// snapshot with today's clauses, messages and theme. It keeps nothing.
func (s *Site) over(site *config.Site) *Site {
	cfg := *s.Config
	cfg.Site = site
	return &Site{Config: &cfg, Files: s.Files, Facts: s.Facts, Catalog: s.Catalog, Clauses: s.Clauses, Theme: s.Theme,
		Markdown: s.Markdown, Date: s.Date, Docs: s.Docs, Workers: s.Workers, Limits: s.Limits, cache: NewCache()}
}

// changePos is the position of the date of the [[change]] entry of a
// date, or site.toml when there is none.
func (s *Site) changePos(date time.Time) diag.Pos {
	for i, c := range s.Config.Site.Changes {
		if c.Date.Equal(date) {
			return s.Config.Pos.Value(config.Path("change", i, "date"))
		}
	}
	return diag.Pos{File: s.Config.File}
}
