package build

import (
	"github.com/policygen/policygen/generator/config"
	"github.com/policygen/policygen/generator/diag"
	"github.com/policygen/policygen/generator/history"
)

// Release freezes the text as the version of the newest [[change]] entry
// that has none yet, and returns the new version and the one before it
// (nil for the first). It writes nothing when there is nothing to release:
// no such entry, an entry not later than the newest version, or a text
// that has not changed since it.
func (s *Site) Release() (*history.Version, *history.Version, error) {
	pending := s.pending()
	if len(pending) == 0 {
		return nil, nil, diag.List{diag.Errorf(diag.Pos{File: s.Config.File}, "nothing to release: every [[change]] entry has a released version").
			WithHint("describe the new version in a [[change]] entry with the date it takes effect, then run policygen release")}
	}
	next := pending[len(pending)-1]
	pos := s.Config.Pos.Value(config.Path("change", next.index, "date"))
	prev := history.Newest(s.History)
	var now clauseTexts // the text as of the version before, if any
	if prev != nil {
		if !next.Date.After(prev.Date) {
			return nil, nil, diag.List{diag.Errorf(pos, "change dated %s is not later than the newest released version (%s)", next.name(), prev.Name()).
				WithHint("a new version takes effect after the last one: date it later than %s", prev.Name())}
		}
		texts, clauses, err := s.renderClauses(prev.Date, false, nil)
		if err != nil {
			return nil, nil, err
		}
		now = clauses
		if len(s.differences(texts, prev.Docs)) == 0 {
			return nil, nil, diag.List{diag.Errorf(pos, "the text has not changed since the version of %s; nothing to release", prev.Name()).
				WithHint("change the site first, or remove the [[change]] entry dated %s", next.name())}
		}
	}
	texts, _, err := s.renderClauses(next.Date, false, now)
	if err != nil {
		return nil, nil, err
	}
	note := next.Note
	if note.ByLang == nil && note.Plain != "" { // a single-language site may write a plain string
		note.ByLang = map[string]string{s.langs()[0]: note.Plain}
	}
	snap := history.Snapshot{Date: next.Date, Note: note, Docs: texts, Site: s.Config.Site}
	v, err := history.Release(s.HistoryDir, snap, prev)
	return v, prev, err
}
