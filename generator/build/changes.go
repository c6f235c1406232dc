package build

import (
	"encoding/xml"
	"html/template"
	"strings"

	"github.com/policygen/policygen/generator/config"
	"github.com/policygen/policygen/generator/diff"
	"github.com/policygen/policygen/generator/history"
	"github.com/policygen/policygen/generator/theme"
)

// renderChanges renders a document's changelog, a diff page for every
// version after the first, and the Atom feed, in one language.
func (s *Site) renderChanges(out Output, st *status, doc, lang string) error {
	dir := s.pageDir(lang, doc) + "changes/"
	versions := s.versionsOf(st, doc, lang)
	cl := &theme.Changelog{Chrome: s.chrome(doc, lang, "changes/", "")}
	cl.Title = s.Catalog.Lang(lang).MustT("version.changelog", nil) + ": " + cl.DocTitle
	cl.Alternates = s.alternates(doc, lang, "changes/", func(string) bool { return true })
	for i := len(versions) - 1; i >= 0; i-- {
		v := versions[i]
		e := theme.Entry{Date: s.date(lang, v.Date), Name: v.Name(), Status: s.statusOf(st, v), Note: v.Note.In(lang), TextURL: "../" + v.Name() + "/"}
		if i > 0 {
			e.DiffURL = v.Name() + "/"
			page, summary, err := s.diffPage(versions[i-1], v, doc, lang)
			if err != nil {
				return err
			}
			out[dir+v.Name()+"/index.html"] = page
			e.Summary = summary
		}
		cl.Entries = append(cl.Entries, e)
	}
	if base := s.draftBase(st, doc, lang); base != nil {
		page, err := s.draftDiffPage(st, base, doc, lang)
		if err != nil {
			return err
		}
		out[dir+DraftDiffDir+"index.html"] = page
	}
	page, err := s.Theme.Execute("changes.html", cl)
	if err != nil {
		return err
	}
	out[dir+"index.html"] = page
	out[dir+"index.xml"], err = s.feed(cl, doc, lang)
	return err
}

// versionsOf returns the versions that have the document in the language.
func (s *Site) versionsOf(st *status, doc, lang string) []*history.Version {
	var out []*history.Version
	for _, v := range st.versions {
		if _, ok := v.Markdown(doc, lang); ok {
			out = append(out, v)
		}
	}
	return out
}

func (s *Site) statusOf(st *status, v *history.Version) string {
	switch {
	case v == st.current:
		return "current"
	case v.Date.After(s.Date):
		return "upcoming"
	}
	return "past"
}

// Summary localizes what changed in the data between two versions.
func (s *Site) Summary(prev, v *history.Version, lang string) ([]string, error) {
	return cached(s.cache, func() ([]string, error) { return s.summaryNow(prev, v, lang) },
		"summary", prev.Name(), v.Name(), lang)
}

func (s *Site) summaryNow(prev, v *history.Version, lang string) ([]string, error) {
	facts, err := cached(s.cache, func() ([]diff.Fact, error) {
		old, err := s.versionSite(prev)
		if err != nil {
			return nil, err
		}
		cur, err := s.versionSite(v)
		if err != nil {
			return nil, err
		}
		return diff.Summarize(old, cur), nil
	}, "facts", prev.Name(), v.Name())
	if err != nil {
		return nil, err
	}
	return s.localize(facts, lang)
}

// versionSite decodes a version's model once per build (or serve
// session): a version is both sides of two pairs. The manifest is part of
// the key, as a history rewritten while serving has new versions of the
// same names.
func (s *Site) versionSite(v *history.Version) (*config.Site, error) {
	return cached(s.cache, v.Site, "site", v.Name(), string(v.Manifest))
}

// summarize localizes what changed in the data between two site models.
func (s *Site) summarize(old, cur *config.Site, lang string) ([]string, error) {
	return s.localize(diff.Summarize(old, cur), lang)
}

// localize says facts in a language, one line each.
func (s *Site) localize(facts []diff.Fact, lang string) ([]string, error) {
	l := s.Catalog.Lang(lang)
	if len(facts) == 0 {
		return []string{l.MustT("summary.wording_only", nil)}, nil
	}
	out := make([]string, 0, len(facts))
	for _, f := range facts {
		line, err := f.Localize(l)
		if err != nil {
			return nil, err
		}
		out = append(out, line)
	}
	return out, nil
}

// diffPage renders the page comparing v with the version before it.
func (s *Site) diffPage(prev, v *history.Version, doc, lang string) ([]byte, []string, error) {
	summary, err := s.Summary(prev, v, lang)
	if err != nil {
		return nil, nil, err
	}
	oldMD, _ := prev.Markdown(doc, lang)
	newMD, _ := v.Markdown(doc, lang)
	sub := "changes/" + v.Name() + "/"
	d := &theme.Diff{
		Chrome: s.chrome(doc, lang, sub, ""), Date: s.date(lang, v.Date), PrevDate: s.date(lang, prev.Date),
		Summary: summary, Body: s.diffBody(oldMD, newMD, lang),
		TextURL: "../../" + v.Name() + "/", PrevURL: "../../" + prev.Name() + "/",
	}
	d.Title = s.Catalog.Lang(lang).MustT("version.diff_title", map[string]any{"Date": d.Date}) + ": " + d.DocTitle
	d.Alternates = s.alternates(doc, lang, sub, func(other string) bool {
		_, a := prev.Markdown(doc, other)
		_, b := v.Markdown(doc, other)
		return a && b
	})
	page, err := s.Theme.Execute("diff.html", d)
	return page, summary, err
}

// diffBody renders the text diff of two Markdown texts, once per pair.
func (s *Site) diffBody(oldMD, newMD, lang string) template.HTML {
	body, _ := cached(s.cache, func() (template.HTML, error) {
		l := s.Catalog.Lang(lang)
		collapsed := func(n int) string {
			msg, err := l.T("version.unchanged", n, nil)
			if err != nil {
				return "…"
			}
			return msg
		}
		return template.HTML(diff.Compare(oldMD, newMD).HTML(collapsed)), nil
	}, "diff", oldMD, newMD, lang)
	return body
}

// atom is an Atom 1.0 feed (RFC 4287).
type atom struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Author  string      `xml:"author>name"`
	Links   []atomLink  `xml:"link"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomEntry struct {
	Title   string   `xml:"title"`
	ID      string   `xml:"id"`
	Updated string   `xml:"updated"`
	Link    atomLink `xml:"link"`
	Summary string   `xml:"summary"`
}

// feed announces every version of a document in a language. Dates are the
// dates the versions take effect, so the feed is the same on every build.
func (s *Site) feed(cl *theme.Changelog, doc, lang string) ([]byte, error) {
	base := string(s.Config.Site.Site.BaseURL) + s.pageDir(lang, doc)
	f := atom{
		Lang: lang, Title: cl.Title + " – " + cl.Company, ID: base + "changes/", Author: cl.Company,
		Updated: "1970-01-01T00:00:00Z",
		Links: []atomLink{{Rel: "self", Type: "application/atom+xml", Href: base + "changes/index.xml"},
			{Rel: "alternate", Type: "text/html", Href: base + "changes/"}},
	}
	for _, e := range cl.Entries {
		updated := e.Name + "T00:00:00Z"
		if updated > f.Updated {
			f.Updated = updated
		}
		link := base + e.Name + "/"
		if e.DiffURL != "" {
			link = base + "changes/" + e.Name + "/"
		}
		summary := e.Note
		for _, line := range e.Summary {
			summary = joinSentence(summary, line)
		}
		f.Entries = append(f.Entries, atomEntry{
			Title: cl.DocTitle + ": " + e.Date, ID: base + e.Name + "/", Updated: updated,
			Link: atomLink{Rel: "alternate", Type: "text/html", Href: link}, Summary: summary,
		})
	}
	b, err := xml.MarshalIndent(f, "", "  ")
	return append(append([]byte(xml.Header), b...), '\n'), err
}

// joinSentence appends b to a as a sentence of its own: the summary lines
// carry no full stop, which a feed reader's one line of text needs.
func joinSentence(a, b string) string {
	if !strings.HasSuffix(b, ".") && !strings.HasSuffix(b, "!") && !strings.HasSuffix(b, "?") {
		b += "."
	}
	if a == "" {
		return b
	}
	return a + " " + b
}
