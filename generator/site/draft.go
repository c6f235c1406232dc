package site

import (
	"github.com/policygen/policygen/generator/history"
	"github.com/policygen/policygen/generator/theme"
)

// DraftDiffDir is the folder, below a document's changes/, of the page that
// compares an unreleased draft with the newest released version.
const DraftDiffDir = "draft/"

// draftBase returns the newest released version a draft of the document in
// the language can be compared with, or nil when the build shows no draft
// or nothing was released in that language.
func (s *Site) draftBase(st *status, doc, lang string) *history.Version {
	if st.draft == nil {
		return nil
	}
	v := history.Newest(st.versions)
	if v == nil {
		return nil
	}
	if _, ok := v.Markdown(doc, lang); !ok {
		return nil
	}
	return v
}

// draftDiffPage renders the unreleased changes of a draft build against
// the newest released version: the live diff policygen serve shows while
// a site is being edited.
func (s *Site) draftDiffPage(st *status, base *history.Version, doc, lang string) ([]byte, error) {
	summary, err := s.draftSummary(base, doc, lang)
	if err != nil {
		return nil, err
	}
	oldMD, _ := base.Markdown(doc, lang)
	// The newest release may have left the document's text as it was:
	// the page names the document's own version, which has that text.
	own := base
	if v := history.Newest(st.own(doc, lang)); v != nil {
		own = v
	}
	l := s.Catalog.Lang(lang)
	sub := "changes/" + DraftDiffDir
	d := &theme.Diff{
		Chrome: s.chrome(doc, lang, sub, l.TOrID("version.draft_diff_title", nil)), Draft: true,
		PrevDate: s.date(lang, own.Date), Summary: summary, Body: s.diffBody(s.scope(doc, lang), oldMD, st.draft[doc][lang], lang),
		TextURL: "../../", PrevURL: "../../" + own.Name() + "/",
	}
	d.Title = d.Title + ": " + d.DocTitle
	d.Alternates = s.alternates(doc, lang, sub, func(other string) bool { return s.draftBase(st, doc, other) != nil })
	return s.Theme.Execute("diff.html", d, s.Limits)
}

// draftSummary localizes what changed in the data from the version base to
// site.toml as it is now.
func (s *Site) draftSummary(base *history.Version, doc, lang string) ([]string, error) {
	// Serve compares every draft with the same newest version: its model
	// is decoded once per session.
	old, err := cached(s.cache, snapshotKey{string(base.Manifest)}, base.Site)
	if err != nil {
		return nil, err
	}
	return s.summarize(old, s.Config.Site, doc, lang)
}

// Unreleased is what policygen diff --draft shows: the newest released
// version with the document in the language (nil when there is none), the
// document as site.toml and the clauses render it now, and what changed in
// the data since. A site without unreleased changes has the base's text
// and no summary.
func (s *Site) Unreleased(doc, lang string) (base *history.Version, text string, summary []string, err error) {
	st, err := s.status(true)
	if err != nil {
		return nil, "", nil, err
	}
	v := history.Newest(st.versions)
	if v == nil {
		return nil, "", nil, nil
	}
	old, ok := v.Markdown(doc, lang)
	if !ok {
		return nil, "", nil, nil
	}
	if st.draft == nil {
		return v, old, nil, nil
	}
	summary, err = s.draftSummary(v, doc, lang)
	return v, st.draft[doc][lang], summary, err
}
