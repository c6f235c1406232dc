package site

import (
	"fmt"
	"html/template"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/policygen/policygen/generator/clause"
	"github.com/policygen/policygen/generator/diag"
	"github.com/policygen/policygen/generator/history"
	"github.com/policygen/policygen/generator/internal/work"
	"github.com/policygen/policygen/generator/markdown"
	"github.com/policygen/policygen/generator/model"
	"github.com/policygen/policygen/generator/publish"
	"github.com/policygen/policygen/generator/theme"
)

// A Sink receives the files of a build as they are rendered: a path
// (slash-separated, relative to the output folder) and its contents. It is
// called from several goroutines at once, once per file, in no particular
// order.
type Sink func(name string, data []byte) error

// Render renders every page of the site into memory: for each language
// and document the current page, every released version, the changelog,
// a diff page per version after the first, and an Atom feed. draft builds
// unreleased changes as a draft instead of failing.
func (s *Site) Render(draft bool) (publish.Output, error) {
	out := publish.Output{}
	var mu sync.Mutex
	err := s.RenderTo(draft, func(name string, data []byte) error {
		mu.Lock()
		defer mu.Unlock()
		out[name] = data
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// RenderTo renders every page of the site, as Render does, and hands each
// file to sink as soon as it is rendered, so that a build need not hold the
// whole site in memory. Pages render on Workers goroutines; what each page
// holds does not depend on the order they run in. After an error sink may
// have received some of the files.
func (s *Site) RenderTo(draft bool, sink Sink) error {
	st, err := s.status(draft)
	if err != nil {
		return err
	}
	st.releasedKey = s.releasedKey()
	s.prepareSummaries(st)
	jobs := s.pageJobs(st)
	errs := make([]error, len(jobs))
	work.Parallel(len(jobs), s.workers(), func(i int) {
		errs[i] = jobs[i].render(sink)
	})
	var list diag.List
	reported := map[string]bool{} // one error per document and language, as before any page of it
	for i, err := range errs {
		if err != nil && !reported[jobs[i].group] {
			reported[jobs[i].group] = true
			list = append(list, diag.Errors(err)...)
		}
	}
	if err := list.Err(); err != nil {
		return err
	}
	return s.renderSiteFiles(sink, st)
}

// A pageJob renders one page (or a page and its feed) of a document in a
// language, the group its errors are reported under.
type pageJob struct {
	group  string
	render func(sink Sink) error
}

// pageJobs lists every page of the site in site order: for each language
// and document the current page, its versions, its diff pages, the draft's
// diff page and the changelog with the feed. All but the current page and
// the draft's diff show released versions only: those are kept in the
// cache of a serve session (see kept).
func (s *Site) pageJobs(st *status) []pageJob {
	var jobs []pageJob
	s.scopes = map[docLang]*scope{}
	superseded := history.Superseded(s.Released)
	for _, lang := range s.langs() {
		for _, doc := range s.Docs {
			group := doc + "/" + lang
			sc := s.newScope(docLang{doc, lang})
			page := func(name string, render func() ([]byte, error)) {
				sc.jobs.Add(1)
				jobs = append(jobs, pageJob{group, func(sink Sink) error {
					defer sc.done()
					return emit(sink, name, render)
				}})
			}
			released := func(name string, render func() ([]byte, error)) {
				page(name, func() ([]byte, error) { return s.kept(st, name, render) })
			}
			dir := s.pageDir(lang, doc)
			page(dir+"index.html", func() ([]byte, error) { return s.currentPage(st, doc, lang) })
			versions := st.own(doc, lang)
			for i, v := range versions {
				released(dir+v.Name()+"/index.html", func() ([]byte, error) { return s.frozenPage(st, v, doc, lang) })
				if i > 0 {
					released(dir+"changes/"+v.Name()+"/index.html", func() ([]byte, error) { return s.diffPage(st, versions[i-1], v, doc, lang) })
				}
			}
			for _, v := range superseded {
				if _, ok := v.Markdown(doc, lang); ok {
					released(dir+v.Name()+"/index.html", func() ([]byte, error) { return s.supersededPage(st, v, doc, lang) })
				}
			}
			for _, v := range s.revisions(doc, lang) {
				old := s.released(v.Revises)
				released(dir+RevisionDiffDir(v)+"index.html", func() ([]byte, error) { return s.revisionDiffPage(old, v, doc, lang) })
			}
			if base := s.draftBase(st, doc, lang); base != nil {
				page(dir+"changes/"+DraftDiffDir+"index.html", func() ([]byte, error) { return s.draftDiffPage(st, base, doc, lang) })
			}
			released(dir+"changes/index.html", func() ([]byte, error) { return s.changelogPage(st, versions, doc, lang) })
			released(dir+"changes/index.xml", func() ([]byte, error) { return s.changelogFeed(st, versions, doc, lang) })
		}
	}
	return jobs
}

// emit renders a file and hands it to sink.
func emit(sink Sink, name string, render func() ([]byte, error)) error {
	data, err := render()
	if err != nil {
		return err
	}
	return sink(name, data)
}

// workers is how many pages render at the same time.
func (s *Site) workers() int {
	if s.Workers > 0 {
		return s.Workers
	}
	return runtime.GOMAXPROCS(0)
}

func (s *Site) renderSiteFiles(sink Sink, st *status) error {
	if err := emit(sink, "index.html", s.renderIndex); err != nil {
		return err
	}
	if err := sink("style.css", s.Theme.CSS); err != nil {
		return err
	}
	return emit(sink, "policy.json", func() ([]byte, error) { return s.policyJSON(st) })
}

func (s *Site) langs() []string { return s.Config.Site.Settings.Languages }

func (s *Site) model(lang string, asOf time.Time) *model.Site {
	return model.Build(s.Config.Site, lang, s.Facts, s.Catalog.Lang(lang), asOf)
}

// slug returns the URL segment of a document in a language.
func (s *Site) slug(lang, doc string) string { return s.Catalog.Lang(lang).TOrID("slug."+doc, nil) }

// pageDir is the folder of a document's current page: "de/datenschutz/".
func (s *Site) pageDir(lang, doc string) string { return lang + "/" + s.slug(lang, doc) + "/" }

// currentPage renders the text in force on the build date, or the draft.
// A document's text in force is its own version (docVersions): a release
// that left it unchanged does not move its date.
func (s *Site) currentPage(st *status, doc, lang string) ([]byte, error) {
	md, info := "", theme.VersionInfo{Status: "draft"}
	own := st.own(doc, lang)
	switch cur := st.inForce(doc, lang); {
	case st.draft != nil:
		md = st.draft[doc][lang]
		if s.draftBase(st, doc, lang) != nil {
			info.DraftDiff = "changes/" + DraftDiffDir
		}
	case cur != nil:
		md, _ = cur.Markdown(doc, lang)
		info = theme.VersionInfo{Status: "current", Effective: s.date(lang, cur.Date)}
	case len(own) > 0: // only upcoming versions: show the first of them
		md, _ = own[0].Markdown(doc, lang)
		info = theme.VersionInfo{Status: "upcoming", Effective: s.date(lang, own[0].Date), Current: "./"}
	}
	for _, v := range st.upcomingOf(doc, lang) {
		info.Upcoming = append(info.Upcoming, theme.Link{Label: s.date(lang, v.Date), URL: "changes/" + v.Name() + "/"})
	}
	info.Versions, info.AllVersions = s.versionLinks(st, doc, lang, "", nil)
	return s.renderPage(st, md, info, doc, lang, "")
}

// frozenPage renders a version of the document's own at DIR/DATE/.
func (s *Site) frozenPage(st *status, v *history.Version, doc, lang string) ([]byte, error) {
	md, _ := v.Markdown(doc, lang)
	info := theme.VersionInfo{Effective: s.date(lang, v.Date), Current: "../"}
	switch next := st.nextOf(v, doc, lang); {
	case v == st.inForce(doc, lang):
		info.Status = "current"
	case v.Date.After(s.Date):
		info.Status = "upcoming"
	default:
		info.Status, info.Until = "past", s.date(lang, next.Date)
	}
	info.Versions, info.AllVersions = s.versionLinks(st, doc, lang, "../", v)
	return s.renderPage(st, md, info, doc, lang, v.Name()+"/")
}

// MaxVersionLinks is how many versions a page links at most: the ones
// around its own. The changelog lists them all; listing every version on
// every page would make the output grow with the square of the history.
const MaxVersionLinks = 10

// versionLinks lists the document's own versions around this (or around
// the version in force, for the current page), newest first, relative to a
// page up from the document folder, marking the one in force, and how many
// versions there are in all.
func (s *Site) versionLinks(st *status, doc, lang, up string, this *history.Version) ([]theme.Link, int) {
	versions := st.own(doc, lang)
	inForce := st.inForce(doc, lang)
	at := this
	if at == nil {
		at = inForce
	}
	// versions is oldest first; the window is centred on at.
	i := len(versions) - 1
	if at != nil {
		if k, ok := findVersion(versions, at.Name()); ok {
			i = k
		}
	}
	hi := min(len(versions), max(i+1+MaxVersionLinks/2, MaxVersionLinks))
	lo := max(0, hi-MaxVersionLinks)
	links := make([]theme.Link, 0, hi-lo)
	for k := hi - 1; k >= lo; k-- {
		v := versions[k]
		links = append(links, theme.Link{Label: s.date(lang, v.Date), URL: up + v.Name() + "/", Current: v == this, InForce: v == inForce})
	}
	return links, len(versions)
}

func (s *Site) date(lang string, t time.Time) string { return s.Catalog.Lang(lang).Date(t) }

// renderPage renders a document's Markdown as a page in sub (a folder below
// the document's, "" or "2025-03-01/").
func (s *Site) renderPage(st *status, md string, info theme.VersionInfo, doc, lang, sub string) ([]byte, error) {
	sections, err := s.renderSections(st, s.scope(doc, lang).cache.Load(), md, lang, strings.Repeat("../", 1+strings.Count(sub, "/")))
	if err != nil {
		return nil, err
	}
	l := s.Catalog.Lang(lang)
	p := &theme.Page{Chrome: s.chrome(doc, lang, sub, l.TOrID("document."+doc, nil)), Doc: doc, Sections: sections, Version: info}
	p.Alternates = s.alternates(doc, lang, sub, func(other string) bool {
		name := strings.TrimSuffix(sub, "/")
		if v := s.released(name); v != nil && !slices.Contains(s.History, v) {
			return s.hasVersion(name, doc, other) // a superseded text, which is no version of its own
		}
		return sub == "" || st.hasOwn(name, doc, other)
	})
	return s.Theme.Execute("page.html", p, s.Limits)
}

// hasVersion reports whether the released version named name, superseded
// or not, has the document in the language.
func (s *Site) hasVersion(name, doc, lang string) bool {
	v := s.released(name)
	if v == nil {
		return false
	}
	_, ok := v.Markdown(doc, lang)
	return ok
}

// renderSections renders the clauses of a document's Markdown, resolving
// links to other documents for a page up levels below the language folder.
// Each part of a section (markdown.AtHeadings) renders once per build, or
// serve session, however many versions and pages share its text: versions
// differ in a few places, and most pages are frozen versions.
func (s *Site) renderSections(st *status, c *Cache, md, lang, up string) ([]theme.Section, error) {
	slugs := s.slugs(lang)
	links := s.docLinks(st, lang, up)
	var sections []theme.Section
	for _, sec := range splitSections(md) {
		var html strings.Builder
		for _, part := range markdown.AtHeadings(sec.Markdown + "\n") {
			key := partKey{part, lang, up, slugs, ""}
			if linksVersion(part) {
				key.history = s.head() // where a version link leads depends on the history
			}
			h, err := cached(c, key, func() (string, error) { return s.Markdown.Render(part, links) })
			if err != nil {
				return nil, fmt.Errorf("clause %s: %w", sec.ID, err)
			}
			html.WriteString(h)
		}
		sections = append(sections, theme.Section{ID: sec.ID, Title: sec.Title, HTML: template.HTML(html.String())})
	}
	return sections, nil
}

// linksVersion reports whether a part may link a version
// (clause.VersionLink): cheap, and true for some parts that do not.
func linksVersion(part string) bool {
	return strings.Contains(part, clause.DocLinkPrefix) && strings.Contains(part, "@")
}

// slugs is the documents' slugs in a language, joined: what links between
// documents resolve to.
func (s *Site) slugs(lang string) string {
	slugs := make([]string, len(s.Docs))
	for i, doc := range s.Docs {
		slugs[i] = s.slug(lang, doc)
	}
	return strings.Join(slugs, "/")
}

// docLinks resolves the document links of clause.DocLinkPrefix
// ("policygen-doc:privacy#transfers") to URLs relative to a page whose
// folder is up from the language folder. A link to a document the site
// does not have stays as it is: documentMarkdown reported it when the
// text was rendered. A link to a version ("policygen-doc:privacy@2025-03-01")
// leads to the document's own version in force on that date (st), or to
// its current page when it has none.
func (s *Site) docLinks(st *status, lang, up string) markdown.Links {
	return func(dest string) (string, bool) {
		if doc, date, ok := clause.VersionLink(dest); ok && slices.Contains(s.Docs, doc) {
			dir := up + s.slug(lang, doc) + "/"
			if v := st.ownAt(doc, lang, date); v != nil {
				dir += v.Name() + "/"
			}
			return dir, true
		}
		doc, fragment, ok := clause.DocLink(dest)
		if !ok || !slices.Contains(s.Docs, doc) {
			return "", false
		}
		return up + s.slug(lang, doc) + "/" + fragment, true
	}
}
