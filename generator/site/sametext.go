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
		if sa[i].ID != sb[i].ID || sa[i].Title != sb[i].Title || !markdown.SameHTML(sa[i].Markdown, sb[i].Markdown) {
			return false
		}
	}
	return true
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
