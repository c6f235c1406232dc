package site

// What readers see of revisions: the superseded versions at their URLs,
// the revision's changelog entry, and the diff of a revision against the
// text it replaced.

import (
	"slices"
	"strings"

	"github.com/policygen/policygen/generator/history"
	"github.com/policygen/policygen/generator/theme"
)

// released returns the released version named name, superseded ones
// included, or nil.
func (s *Site) released(name string) *history.Version {
	if i, ok := findVersion(s.History, name); ok {
		return s.History[i]
	}
	for _, v := range s.Released {
		if v.Name() == name {
			return v
		}
	}
	return nil
}

// revisionOf returns the version readers are shown in place of a
// superseded one: the version of its date in History.
func (s *Site) revisionOf(v *history.Version) *history.Version {
	i := slices.IndexFunc(s.History, func(l *history.Version) bool { return l.Date.Equal(v.Date) })
	if i < 0 {
		return nil
	}
	return s.History[i]
}

// supersededPage renders a version a revision replaced at its own URL,
// DIR/NAME/, as it was announced, with a banner that links the revision.
func (s *Site) supersededPage(st *status, v *history.Version, doc, lang string) ([]byte, error) {
	md, _ := v.Markdown(doc, lang)
	info := theme.VersionInfo{Status: "superseded", Effective: s.date(lang, v.Date), Current: "../"}
	if r := s.revisionOf(v); r != nil {
		info.Revised, info.RevisedOn = "../"+r.Name()+"/", s.date(lang, r.Released)
		if r.Revises == v.Name() {
			info.RevisedDiff = "../" + RevisionDiffDir(r)
		}
	}
	info.Versions, info.AllVersions = s.versionLinks(st, doc, lang, "../", v)
	return s.renderPage(st, md, info, doc, lang, v.Name()+"/")
}

// noteRevision says on a revision's changelog entry that the announcement
// was revised, when, and links the text it replaced.
func (s *Site) noteRevision(e *theme.Entry, v *history.Version, lang string) {
	if v.Revises == "" {
		return
	}
	e.OldURL = "../" + v.Revises + "/"
	if s.released(v.Revises) != nil {
		e.RevDiff = strings.TrimPrefix(RevisionDiffDir(v), "changes/")
	}
	e.Revised = s.Catalog.Lang(lang).TOrID("version.revised_on", map[string]any{"Date": s.date(lang, v.Released)})
}

// RevisionDiffDir is the folder, below a document's, of the page that
// compares a revision with the version it revises: changes/DATE.2/revised/.
func RevisionDiffDir(v *history.Version) string { return "changes/" + v.Name() + "/revised/" }

// revisionDiffPage renders the page comparing a revision with the
// announced text it replaced.
func (s *Site) revisionDiffPage(old, v *history.Version, doc, lang string) ([]byte, error) {
	summary, err := s.Summary(old, v, doc, lang)
	if err != nil {
		return nil, err
	}
	oldMD, _ := old.Markdown(doc, lang)
	newMD, _ := v.Markdown(doc, lang)
	sub := RevisionDiffDir(v)
	d := &theme.Diff{
		Chrome: s.chrome(doc, lang, sub, ""), Date: s.date(lang, v.Date), PrevDate: s.date(lang, old.Date), Revision: true,
		Summary: summary, Body: s.diffBody(s.scope(doc, lang), oldMD, newMD, lang),
		TextURL: "../../../" + v.Name() + "/", PrevURL: "../../../" + old.Name() + "/",
	}
	d.Title = s.Catalog.Lang(lang).TOrID("version.revision_diff_title", map[string]any{"Date": d.Date}) + ": " + d.DocTitle
	d.Alternates = s.alternates(doc, lang, sub, func(other string) bool {
		_, a := old.Markdown(doc, other)
		_, b := v.Markdown(doc, other)
		return a && b
	})
	return s.Theme.Execute("diff.html", d, s.Limits)
}

// revisions returns the released revisions whose text and that of the
// version they revise have the document in the language.
func (s *Site) revisions(doc, lang string) []*history.Version {
	var out []*history.Version
	for _, v := range s.Released {
		old := s.released(v.Revises)
		if v.Revises == "" || old == nil {
			continue
		}
		_, a := v.Markdown(doc, lang)
		_, b := old.Markdown(doc, lang)
		if a && b {
			out = append(out, v)
		}
	}
	return out
}
