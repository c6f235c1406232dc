package site

import (
	"strings"

	"github.com/policygen/policygen/generator/markdown"
)

// sameText reports whether two Markdown texts of a document read the same:
// the same sections, each with the same id and title and a body that is
// the same Markdown or renders to the same HTML. A change of escaping alone
// (history released before Escape left "B.V." alone holds "B\.V\.") is no
// change of text. The bytes are compared first and only sections that
// differ render, so that the check costs nothing on the build of a site
// whose text has not changed.
func sameText(a, b string) bool {
	if a == b {
		return true
	}
	if preamble(a) != preamble(b) {
		return false
	}
	sa, sb := splitSections(a), splitSections(b)
	if len(sa) != len(sb) {
		return false
	}
	for i := range sa {
		if sa[i].ID != sb[i].ID || sa[i].Title != sb[i].Title || !sameSection(sa[i].Markdown, sb[i].Markdown) {
			return false
		}
	}
	return true
}

// sameSection reports whether two sections' Markdown read the same. Texts
// that differ in more than backslash escapes differ: rendering them to
// find out, as sameText did first, took most of a long history's build
// (every release changes some section). Two markups that render alike,
// such as *a* and _a_, count as a change: the clauses were changed, and a
// release says so.
func sameSection(a, b string) bool {
	if a == b {
		return true
	}
	if withoutEscapes(a) != withoutEscapes(b) {
		return false
	}
	return markdown.SameHTML(a, b)
}

// withoutEscapes is md with the backslash of every backslash escape (a
// backslash before ASCII punctuation) left out.
func withoutEscapes(md string) string {
	if !strings.Contains(md, `\`) {
		return md
	}
	var b strings.Builder
	b.Grow(len(md))
	for i := 0; i < len(md); i++ {
		if md[i] == '\\' && i+1 < len(md) && isASCIIPunct(md[i+1]) {
			i++
		}
		b.WriteByte(md[i])
	}
	return b.String()
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// preamble is what a document's Markdown holds before its first section,
// which splitSections leaves out: nothing, in the form documentMarkdown
// writes.
func preamble(md string) string {
	for pos := 0; pos < len(md); {
		end := strings.IndexByte(md[pos:], '\n')
		if end < 0 {
			end = len(md) - pos
		}
		if _, _, ok := sectionHeading(md[pos : pos+end]); ok {
			return md[:pos]
		}
		pos += end + 1
	}
	return md
}

// SameText reports whether two released texts of a document read the same
// (see sameText): what release says of a document it leaves unchanged.
func SameText(a, b string) bool { return sameText(a, b) }
