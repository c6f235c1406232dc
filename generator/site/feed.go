package site

import (
	"cmp"
	"encoding/xml"
	"strings"

	"github.com/policygen/policygen/generator/theme"
)

// atom is an Atom 1.0 feed (RFC 4287).
type atom struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Author  string      `xml:"author>name"`
	Links   []atomLink  `xml:"link"`
	History string      `xml:"urn:policygen:history history,omitempty"` // see Site.head
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
// dates the versions take effect, so the feed is the same on every build:
// the history does not record when a version was released, and the build
// date would change the feed with every build. An upcoming version's entry
// is so dated in the future; each entry's text says from which day its
// version applies, in words true on every day it is read.
func (s *Site) feed(cl *theme.Changelog, doc, lang string) ([]byte, error) {
	base := string(s.Config.Site.Settings.BaseURL) + s.pageDir(lang, doc)
	f := atom{
		Lang: lang, Title: cl.Title + " – " + cl.Company, ID: base + "changes/", Author: cl.Company,
		Updated: "1970-01-01T00:00:00Z", History: s.head(),
		Links: []atomLink{{Rel: "self", Type: "application/atom+xml", Href: base + "changes/index.xml"},
			{Rel: "alternate", Type: "text/html", Href: base + "changes/"}},
	}
	for _, e := range cl.Entries {
		updated := cmp.Or(e.Issued, e.Day) + "T00:00:00Z" // the release, where recorded; the effective date is in the text
		if updated > f.Updated {
			f.Updated = updated
		}
		link := base + e.Name + "/"
		if e.DiffURL != "" {
			link = base + "changes/" + e.Name + "/"
		}
		summary := joinSentence(s.Catalog.Lang(lang).TOrID("version.applies_from", map[string]any{"Date": e.Date}), e.Note)
		if e.Revised != "" {
			summary = joinSentence(summary, e.Revised)
		}
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
	if b == "" {
		return a
	}
	if !strings.HasSuffix(b, ".") && !strings.HasSuffix(b, "!") && !strings.HasSuffix(b, "?") {
		b += "."
	}
	if a == "" {
		return b
	}
	return a + " " + b
}
