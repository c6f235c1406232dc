package build

import (
	"fmt"
	"html/template"
	"maps"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/policygen/policygen/generator/clause"
	"github.com/policygen/policygen/generator/diag"
	"github.com/policygen/policygen/generator/history"
	"github.com/policygen/policygen/generator/model"
	"github.com/policygen/policygen/generator/theme"
)

// Output is a rendered site: file paths (slash-separated, relative to the
// output folder) and their contents.
type Output map[string][]byte

// Pages counts the HTML pages of the output.
func (o Output) Pages() int {
	n := 0
	for name := range o {
		if strings.HasSuffix(name, ".html") {
			n++
		}
	}
	return n
}

// Render renders every page of the site into memory: for each language
// and document the current page, every released version, the changelog,
// a diff page per version after the first, and an Atom feed. draft builds
// unreleased changes as a draft instead of failing.
func (s *Site) Render(draft bool) (Output, error) {
	st, err := s.status(draft)
	if err != nil {
		return nil, err
	}
	type task struct {
		doc, lang string
		out       Output
		err       error
	}
	var tasks []*task
	for _, lang := range s.langs() {
		for _, doc := range s.Docs {
			tasks = append(tasks, &task{doc: doc, lang: lang, out: Output{}})
		}
	}
	parallel(len(tasks), s.workers(), func(i int) {
		t := tasks[i]
		t.err = s.renderDocument(t.out, st, t.doc, t.lang)
	})
	out := Output{}
	var errs diag.List
	for _, t := range tasks { // in site order, whatever order they ran in
		errs = append(errs, diag.Errors(t.err)...)
		maps.Copy(out, t.out)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return out, s.renderSiteFiles(out, st)
}

// workers is how many documents render at the same time.
func (s *Site) workers() int {
	if s.Workers > 0 {
		return s.Workers
	}
	return runtime.GOMAXPROCS(0)
}

// parallel calls f(0) … f(n-1) on at most workers goroutines and returns
// when all have returned.
func parallel(n, workers int, f func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, n) {
		wg.Go(func() {
			for i := range next {
				f(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// renderDocument renders every page of one document in one language.
func (s *Site) renderDocument(out Output, st *status, doc, lang string) error {
	dir := s.pageDir(lang, doc)
	page, err := s.currentPage(st, doc, lang)
	if err != nil {
		return err
	}
	out[dir+"index.html"] = page
	for _, v := range st.versions {
		if _, ok := v.Markdown(doc, lang); !ok {
			continue // the language was added after this version
		}
		if out[dir+v.Name()+"/index.html"], err = s.frozenPage(st, v, doc, lang); err != nil {
			return err
		}
	}
	return s.renderChanges(out, st, doc, lang)
}

func (s *Site) renderSiteFiles(out Output, st *status) error {
	index, err := s.renderIndex()
	if err != nil {
		return err
	}
	out["index.html"] = index
	out["style.css"] = s.Theme.CSS
	out["policy.json"], err = s.policyJSON(st)
	return err
}

func (s *Site) langs() []string { return s.Config.Site.Site.Languages }

func (s *Site) model(lang string, asOf time.Time) *model.Site {
	l := s.Catalog.Lang(lang)
	label := func(id string) string { return l.MustT("data."+id, nil) }
	return model.Build(s.Config.Site, lang, s.Facts, label, asOf)
}

// slug returns the URL segment of a document in a language.
func (s *Site) slug(lang, doc string) string { return s.Catalog.Lang(lang).MustT("slug."+doc, nil) }

// pageDir is the folder of a document's current page: "de/datenschutz/".
func (s *Site) pageDir(lang, doc string) string { return lang + "/" + s.slug(lang, doc) + "/" }

// currentPage renders the text in force on the build date, or the draft.
func (s *Site) currentPage(st *status, doc, lang string) ([]byte, error) {
	md, info := "", theme.VersionInfo{Status: "draft"}
	switch {
	case st.draft != nil:
		md = st.draft[doc][lang]
		if s.draftBase(st, doc, lang) != nil {
			info.DraftDiff = "changes/" + DraftDiffDir
		}
	case st.current != nil:
		md, _ = st.current.Markdown(doc, lang)
		info = theme.VersionInfo{Status: "current", Effective: s.date(lang, st.current.Date)}
	default: // only upcoming versions: show the first of them
		first := st.versions[0]
		md, _ = first.Markdown(doc, lang)
		info = theme.VersionInfo{Status: "upcoming", Effective: s.date(lang, first.Date), Current: "./"}
	}
	for _, v := range st.upcoming {
		info.Upcoming = append(info.Upcoming, theme.Link{Label: s.date(lang, v.Date), URL: "changes/" + v.Name() + "/"})
	}
	info.Versions = s.versionLinks(st, doc, lang, "", nil)
	return s.renderPage(md, info, doc, lang, "")
}

// frozenPage renders a released version at DIR/DATE/.
func (s *Site) frozenPage(st *status, v *history.Version, doc, lang string) ([]byte, error) {
	md, _ := v.Markdown(doc, lang)
	info := theme.VersionInfo{Effective: s.date(lang, v.Date), Current: "../"}
	switch i := slices.Index(st.versions, v); {
	case v == st.current:
		info.Status = "current"
	case v.Date.After(s.Date):
		info.Status = "upcoming"
	default:
		info.Status, info.Until = "past", s.date(lang, st.versions[i+1].Date)
	}
	info.Versions = s.versionLinks(st, doc, lang, "../", v)
	return s.renderPage(md, info, doc, lang, v.Name()+"/")
}

// versionLinks lists the released versions of a document, newest first,
// relative to a page up from the document folder.
func (s *Site) versionLinks(st *status, doc, lang, up string, this *history.Version) []theme.Link {
	var links []theme.Link
	for i := len(st.versions) - 1; i >= 0; i-- {
		v := st.versions[i]
		if _, ok := v.Markdown(doc, lang); ok {
			links = append(links, theme.Link{Label: s.date(lang, v.Date), URL: up + v.Name() + "/", Current: v == this})
		}
	}
	return links
}

func (s *Site) date(lang string, t time.Time) string { return s.Catalog.Lang(lang).Date(t) }

// renderPage renders a document's Markdown as a page in sub (a folder below
// the document's, "" or "2025-03-01/").
func (s *Site) renderPage(md string, info theme.VersionInfo, doc, lang, sub string) ([]byte, error) {
	sections, err := s.renderSections(md, lang, strings.Repeat("../", 1+strings.Count(sub, "/")))
	if err != nil {
		return nil, err
	}
	l := s.Catalog.Lang(lang)
	p := &theme.Page{Chrome: s.chrome(doc, lang, sub, l.MustT("document."+doc, nil)), Doc: doc, Sections: sections, Version: info}
	p.Alternates = s.alternates(doc, lang, sub, func(other string) bool {
		return sub == "" || s.hasVersion(strings.TrimSuffix(sub, "/"), doc, other)
	})
	return s.Theme.Execute("page.html", p)
}

func (s *Site) hasVersion(name, doc, lang string) bool {
	for _, v := range s.History {
		if v.Name() == name {
			_, ok := v.Markdown(doc, lang)
			return ok
		}
	}
	return false
}

// renderSections renders the clauses of a document's Markdown, resolving
// links to other documents for a page up levels below the language folder.
func (s *Site) renderSections(md, lang, up string) ([]theme.Section, error) {
	slugs := make([]string, len(s.Docs))
	for i, doc := range s.Docs {
		slugs[i] = s.slug(lang, doc)
	}
	return cached(s.cache, func() ([]theme.Section, error) { return s.renderSectionsNow(md, lang, up) },
		"sections", md, lang, up, strings.Join(slugs, "/"))
}

func (s *Site) renderSectionsNow(md, lang, up string) ([]theme.Section, error) {
	var sections []theme.Section
	for _, sec := range splitSections(md) {
		html, err := s.Markdown.Render(sec.Markdown)
		if err != nil {
			return nil, fmt.Errorf("clause %s: %w", sec.ID, err)
		}
		html = s.resolveDocLinks(lang, html, up)
		html = strings.ReplaceAll(html, "<table>", `<div class="table-wrap" tabindex="0"><table>`)
		html = strings.ReplaceAll(html, "</table>", "</table></div>")
		sections = append(sections, theme.Section{ID: sec.ID, Title: sec.Title, HTML: template.HTML(html)})
	}
	return sections, nil
}

var docLink = regexp.MustCompile(`href="` + clause.DocLinkPrefix + `([a-z0-9_-]+)(#[a-z0-9_-]+)?"`)

// resolveDocLinks replaces the document links of clause.DocLinkPrefix
// ("policygen-doc:privacy#transfers") with URLs relative to a page whose
// folder is up from the language folder.
func (s *Site) resolveDocLinks(lang, html, up string) string {
	return docLink.ReplaceAllStringFunc(html, func(m string) string {
		sub := docLink.FindStringSubmatch(m)
		if !slices.Contains(s.Docs, sub[1]) {
			return m // reported by renderSections
		}
		return `href="` + up + s.slug(lang, sub[1]) + "/" + sub[2] + `"`
	})
}
