package theme

import (
	"html/template"

	"github.com/policygen/policygen/generator/locale"
)

// Chrome is what every page around a document shows: titles, language and
// document navigation, and where the site root is.
type Chrome struct {
	Lang       *locale.Lang
	Title      string // the page title
	DocTitle   string // the document's title
	SiteTitle  string
	Company    string
	Canonical  string // absolute URL of this page
	Alternates []Link // this page in every language that has it, this one included
	Documents  []Link // every document's current page in this language
	Root       string // relative path from this page to the site root, ending in "/"
	JSON       string // relative URL of policy.json
	Changelog  string // relative URL of the document's changelog
	Feed       string // relative URL of the document's Atom feed
	Head       string // the SHA-256 of the newest manifest, "sha256:…"; "" before the first release
}

// T returns a message of the page's language.
func (c *Chrome) T(id string) string { return c.Lang.TOrID(id, nil) }

// TDate returns a message with a .Date value.
func (c *Chrome) TDate(id, date string) string {
	return c.Lang.TOrID(id, map[string]any{"Date": date})
}

// TCount returns a plural message for n.
func (c *Chrome) TCount(id string, n int) string {
	s, err := c.Lang.T(id, n, nil)
	if err != nil {
		return id
	}
	return s
}

// Page is what page.html sees: one document in one language, the current
// text or a frozen version.
type Page struct {
	Chrome
	Doc      string // document id
	Sections []Section
	Version  VersionInfo
}

// VersionInfo places a page's text among the released versions.
type VersionInfo struct {
	Status      string // "current", "past", "upcoming", "superseded" or "draft"
	Effective   string // localized date the text took or takes effect; empty for a draft
	Until       string // for a past version: the localized date the next one took effect
	Current     string // relative URL of the current page, on a frozen version
	Upcoming    []Link // versions not yet in force: Label is the date, URL the diff page
	Versions    []Link // the released versions around this one: Label is the date, URL its frozen page
	AllVersions int    // how many versions were released, listed or not
	DraftDiff   string // for a draft: relative URL of its diff against the newest version
	Revised     string // for a superseded version: relative URL of the version that replaced it
	RevisedOn   string // for a superseded version: the localized date it was revised
	RevisedDiff string // for a superseded version: relative URL of what the revision changes
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
	Current  bool // the page itself
	InForce  bool // in a list of versions: the version in force on the build date
}

// Changelog is what changes.html sees: every version of a document.
type Changelog struct {
	Chrome
	Entries []Entry
}

// Entry is a version on the changelog, newest first.
type Entry struct {
	Date    string   // localized
	Name    string   // the version's folder: YYYY-MM-DD, or YYYY-MM-DD.N for a revision
	Day     string   // YYYY-MM-DD, the date it takes effect
	Issued  string   // YYYY-MM-DD, the date it was released, where the history records it
	Status  string   // "current", "past" or "upcoming"
	Until   string   // for a past version: the localized date the next one took effect
	Note    string   // the note of the [[change]] entry, if any
	Revised string   // for a revision: the sentence saying when the announcement was revised
	Summary []string // the generated summary of what changed in the data
	TextURL string
	OldURL  string // for a revision: the text of the version it replaced
	RevDiff string // for a revision: its diff against the text it replaced
	DiffURL string // empty for the first version
}

// Diff is what diff.html sees: one version against the one before.
type Diff struct {
	Chrome
	Date     string        // localized date of the version
	PrevDate string        // localized date of the version before
	Summary  []string      // what changed in the data
	Body     template.HTML // the text diff with <ins> and <del>
	TextURL  string
	PrevURL  string
	Draft    bool // compares the unreleased draft, whose Date is empty
	Revision bool // compares a revision with the announced text it replaced
}

// Index is what index.html sees: the language chooser.
type Index struct {
	SiteTitle string
	Company   string
	Languages []IndexLang
	Root      string
	Head      string // as in Chrome
}

// IndexLang is one language on the chooser.
type IndexLang struct {
	Lang      string
	Name      string // the language's own name
	Title     string // "Privacy information of …" in that language
	Documents []Link
}
