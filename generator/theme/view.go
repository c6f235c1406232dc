package theme

import (
	"html/template"

	"github.com/policygen/policygen/generator/locale"
)

// Page is what page.html sees: one document in one language.
type Page struct {
	Lang       *locale.Lang
	Doc        string // document id
	Title      string // document title
	SiteTitle  string
	Company    string
	Sections   []Section
	Effective  string // localized date; empty for a draft
	Draft      bool
	Canonical  string // absolute URL of this page
	Alternates []Link // the same document in every site language, this one included
	Documents  []Link // every document in this language, this one included
	Root       string // relative path from this page to the site root, ending in "/"
	JSON       string // relative URL of policy.json
}

// Section is one rendered clause.
type Section struct {
	ID    string
	Title string
	HTML  template.HTML // rendered by goldmark from escaped Markdown
}

// Link is a link to another page.
type Link struct {
	Lang     string // hreflang, BCP 47
	Label    string
	URL      string // relative to the page
	Absolute string
	Current  bool
}

// T returns a message of the page's language.
func (p *Page) T(id string) string { return p.Lang.MustT(id, nil) }

// TDate returns a message with a .Date value.
func (p *Page) TDate(id, date string) string {
	return p.Lang.MustT(id, map[string]any{"Date": date})
}

// Index is what index.html sees: the language chooser.
type Index struct {
	SiteTitle string
	Company   string
	Languages []IndexLang
	Root      string
}

// IndexLang is one language on the chooser.
type IndexLang struct {
	Lang      string
	Name      string // the language's own name
	Title     string // "Privacy information of …" in that language
	Documents []Link
}
