package build

import (
	"encoding/json"
	"fmt"
	"html/template"
	"regexp"
	"slices"
	"strings"

	"github.com/policygen/policygen/generator/clause"
	"github.com/policygen/policygen/generator/diag"
	"github.com/policygen/policygen/generator/model"
	"github.com/policygen/policygen/generator/theme"
)

// Output is a rendered site: file paths (slash-separated, relative to the
// output folder) and their contents.
type Output map[string][]byte

// Render renders every page of the site into memory.
func (s *Site) Render() (Output, error) {
	out := Output{}
	var errs diag.List
	for _, lang := range s.langs() {
		m := s.model(lang)
		for _, doc := range s.Docs {
			page, err := s.renderPage(m, doc)
			if err != nil {
				errs = append(errs, diag.Errors(err)...)
				continue
			}
			out[s.pagePath(lang, doc)] = page
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	index, err := s.renderIndex()
	if err != nil {
		return nil, err
	}
	out["index.html"] = index
	out["style.css"] = s.Theme.CSS
	if out["policy.json"], err = s.policyJSON(); err != nil {
		return nil, err
	}
	return out, nil
}

func (s *Site) langs() []string { return s.Config.Site.Site.Languages }

func (s *Site) model(lang string) *model.Site {
	l := s.Catalog.Lang(lang)
	label := func(id string) string { return l.MustT("data."+id, nil) }
	return model.Build(s.Config.Site, lang, s.Facts, label, s.Date)
}

// slug returns the URL segment of a document in a language.
func (s *Site) slug(lang, doc string) string { return s.Catalog.Lang(lang).MustT("slug."+doc, nil) }

// pageDir is the folder of a document's current page: "de/datenschutz/".
func (s *Site) pageDir(lang, doc string) string { return lang + "/" + s.slug(lang, doc) + "/" }

func (s *Site) pagePath(lang, doc string) string { return s.pageDir(lang, doc) + "index.html" }

// renderSections executes the clauses of a document and renders their
// Markdown, resolving links to other documents relative to the page.
func (s *Site) renderSections(m *model.Site, doc string) ([]theme.Section, error) {
	rendered, err := s.Clauses.Render(s.Files, doc, m)
	if err != nil {
		return nil, err
	}
	sections := make([]theme.Section, 0, len(rendered))
	for _, r := range rendered {
		html, err := s.Markdown.Render(r.Markdown)
		if err != nil {
			return nil, fmt.Errorf("clause %s: %w", r.ID, err)
		}
		html = s.resolveDocLinks(m.Lang, html, "../")
		if i := strings.Index(html, clause.DocLinkPrefix); i >= 0 {
			doc, _, _ := strings.Cut(html[i+len(clause.DocLinkPrefix):], `"`)
			return nil, diag.Errorf(diag.Pos{File: r.File}, "docurl links to %q, which is not a document of the site", doc).
				WithHint("the documents are: %s", strings.Join(s.Docs, ", "))
		}
		html = strings.ReplaceAll(html, "<table>", `<div class="table-wrap" tabindex="0"><table>`)
		html = strings.ReplaceAll(html, "</table>", "</table></div>")
		sections = append(sections, theme.Section{ID: r.ID, Title: r.Title, HTML: template.HTML(html)})
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

func (s *Site) renderPage(m *model.Site, doc string) ([]byte, error) {
	sections, err := s.renderSections(m, doc)
	if err != nil {
		return nil, err
	}
	l := s.Catalog.Lang(m.Lang)
	p := &theme.Page{
		Lang: l, Doc: doc, Title: l.MustT("document."+doc, nil),
		SiteTitle: l.MustT("ui.site_title", map[string]any{"Name": s.Config.Site.Company.Name}),
		Company:   s.Config.Site.Company.Name, Sections: sections, Draft: m.Draft,
		Canonical: string(s.Config.Site.Site.BaseURL) + s.pageDir(m.Lang, doc),
		Root:      "../../", JSON: "../../policy.json",
	}
	if !m.Draft {
		p.Effective = l.Date(m.Effective)
	}
	for _, lang := range s.langs() {
		p.Alternates = append(p.Alternates, theme.Link{
			Lang: lang, Label: s.Catalog.Lang(lang).MustT("language.name", nil), URL: p.Root + s.pageDir(lang, doc),
			Absolute: string(s.Config.Site.Site.BaseURL) + s.pageDir(lang, doc), Current: lang == m.Lang,
		})
	}
	for _, d := range s.Docs {
		p.Documents = append(p.Documents, theme.Link{Lang: m.Lang, Label: l.MustT("document."+d, nil), URL: "../" + s.slug(m.Lang, d) + "/", Current: d == doc})
	}
	return s.Theme.Execute("page.html", p)
}

func (s *Site) renderIndex() ([]byte, error) {
	idx := &theme.Index{Company: s.Config.Site.Company.Name, Root: ""}
	for _, lang := range s.langs() {
		l := s.Catalog.Lang(lang)
		il := theme.IndexLang{Lang: lang, Name: l.MustT("language.name", nil),
			Title: l.MustT("ui.site_title", map[string]any{"Name": s.Config.Site.Company.Name})}
		for _, doc := range s.Docs {
			il.Documents = append(il.Documents, theme.Link{Lang: lang, Label: l.MustT("document."+doc, nil), URL: s.pageDir(lang, doc)})
		}
		idx.Languages = append(idx.Languages, il)
	}
	return s.Theme.Execute("index.html", idx)
}

// policyJSON is the machine-readable model of the current version.
func (s *Site) policyJSON() ([]byte, error) {
	m := s.model(s.langs()[0])
	doc := struct {
		Generator string              `json:"generator"`
		Effective string              `json:"effective,omitempty"`
		Draft     bool                `json:"draft"`
		Pages     map[string][]string `json:"pages"`
		Authority any                 `json:"authority"`
		Site      any                 `json:"site"`
	}{Generator: "policygen", Draft: m.Draft, Pages: map[string][]string{}, Site: s.Config.Site}
	if !m.Draft {
		doc.Effective = m.Effective.Format("2006-01-02")
	}
	doc.Authority = struct {
		Name string `json:"name"`
		URL  string `json:"url"`
	}{string(m.Authority.Name), string(m.Authority.URL)}
	for _, lang := range s.langs() {
		for _, d := range s.Docs {
			doc.Pages[lang] = append(doc.Pages[lang], string(s.Config.Site.Site.BaseURL)+s.pageDir(lang, d))
		}
	}
	b, err := json.MarshalIndent(doc, "", "  ")
	return append(b, '\n'), err
}
