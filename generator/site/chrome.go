package site

import (
	"encoding/json"
	"github.com/policygen/policygen/generator/history"
	"strings"

	"github.com/policygen/policygen/generator/theme"
)

// chrome builds what every page of a document shows, for a page in sub
// (a folder path below the document's folder, "" for the current page).
func (s *Site) chrome(doc, lang, sub, title string) theme.Chrome {
	l := s.Catalog.Lang(lang)
	up := strings.Repeat("../", strings.Count(sub, "/"))
	root := up + "../../"
	c := theme.Chrome{
		Lang: l, Title: title, DocTitle: l.TOrID("document."+doc, nil),
		SiteTitle: l.TOrID("ui.site_title", map[string]any{"Name": s.Config.Site.Company.Name}),
		Company:   s.Config.Site.Company.Name,
		Canonical: string(s.Config.Site.Settings.BaseURL) + s.pageDir(lang, doc) + sub,
		Root:      root, JSON: root + "policy.json",
		Changelog: up + "changes/", Feed: up + "changes/index.xml",
		Head: s.head(),
	}
	for _, d := range s.Docs {
		c.Documents = append(c.Documents, theme.Link{Lang: lang, Label: l.TOrID("document."+d, nil), URL: root + s.pageDir(lang, d), Current: d == doc})
	}
	return c
}

// alternates links the same page in every site language for which has
// says it exists.
func (s *Site) alternates(doc, lang, sub string, has func(lang string) bool) []theme.Link {
	root := strings.Repeat("../", strings.Count(sub, "/")) + "../../"
	var links []theme.Link
	for _, other := range s.langs() {
		if other != lang && !has(other) {
			continue
		}
		links = append(links, theme.Link{
			Lang: other, Label: s.Catalog.Lang(other).TOrID("language.name", nil), URL: root + s.pageDir(other, doc) + sub,
			Absolute: string(s.Config.Site.Settings.BaseURL) + s.pageDir(other, doc) + sub, Current: other == lang,
		})
	}
	return links
}

func (s *Site) renderIndex() ([]byte, error) {
	idx := &theme.Index{Company: s.Config.Site.Company.Name, Root: "", Head: s.head()}
	for _, lang := range s.langs() {
		l := s.Catalog.Lang(lang)
		il := theme.IndexLang{Lang: lang, Name: l.TOrID("language.name", nil),
			Title: l.TOrID("ui.site_title", map[string]any{"Name": s.Config.Site.Company.Name})}
		for _, doc := range s.Docs {
			il.Documents = append(il.Documents, theme.Link{Lang: lang, Label: l.TOrID("document."+doc, nil), URL: s.pageDir(lang, doc)})
		}
		idx.Languages = append(idx.Languages, il)
	}
	return s.Theme.Execute("index.html", idx, s.Limits)
}

// policyJSON is the machine-readable model of the current version: the
// model snapshot of the version in force (or the site as it is, for a
// draft), with where its pages are, and for each document in each
// language its own versions (docVersions) and the one in force.
func (s *Site) policyJSON(st *status) ([]byte, error) {
	doc := struct {
		Generator string                                `json:"generator"`
		Effective string                                `json:"effective,omitempty"`
		Draft     bool                                  `json:"draft"`
		History   string                                `json:"history,omitempty"` // see Site.head
		Versions  []string                              `json:"versions"`
		Documents map[string]map[string]docVersionsJSON `json:"documents"`
		Pages     map[string][]string                   `json:"pages"`
		Site      any                                   `json:"site"`
	}{Generator: "policygen", Draft: st.draft != nil, Versions: versionNames(st.versions), Documents: map[string]map[string]docVersionsJSON{},
		Pages: map[string][]string{}, History: s.head()}
	now, err := s.configJSON()
	if err != nil {
		return nil, err
	}
	doc.Site = json.RawMessage(now)
	if st.draft == nil && st.current != nil {
		doc.Effective = st.current.Name()
		doc.Site = json.RawMessage(st.current.Model)
	}
	for _, lang := range s.langs() {
		for _, d := range s.Docs {
			doc.Pages[lang] = append(doc.Pages[lang], string(s.Config.Site.Settings.BaseURL)+s.pageDir(lang, d))
			if doc.Documents[d] == nil {
				doc.Documents[d] = map[string]docVersionsJSON{}
			}
			dv := docVersionsJSON{Versions: versionNames(st.own(d, lang))}
			if v := st.inForce(d, lang); st.draft == nil && v != nil {
				dv.Effective = v.Name()
			}
			doc.Documents[d][lang] = dv
		}
	}
	b, err := json.MarshalIndent(doc, "", "  ")
	return append(b, '\n'), err
}

// docVersionsJSON is a document's versions in one language in policy.json.
type docVersionsJSON struct {
	Effective string   `json:"effective,omitempty"` // the version in force; none for a draft
	Versions  []string `json:"versions"`
}

// versionNames returns the names of versions, never nil: JSON lists them as [].
func versionNames(versions []*history.Version) []string {
	out := []string{}
	for _, v := range versions {
		out = append(out, v.Name())
	}
	return out
}

// head is the SHA-256 of the newest manifest, the chain's head, which
// every page, feed and policy.json names: a saved copy of any of them
// proves which history stood behind it (see policygen verify). It is ""
// before the first release.
func (s *Site) head() string {
	if v := history.Newest(s.Released); v != nil {
		return history.Hash(v.Manifest)
	}
	return ""
}
