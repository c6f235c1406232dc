// Package markdown owns the Markdown dialect of clauses: the configured
// goldmark renderer (CommonMark with GFM tables, raw HTML dropped, tables
// wrapped so that they scroll, links resolved for the page they are on)
// and the escaping that makes values from site.toml print literally.
package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// Renderer turns clause Markdown into HTML. It is safe for concurrent use:
// what varies from page to page (see Links) comes with each call.
type Renderer struct {
	md goldmark.Markdown
}

// New returns a renderer for CommonMark with GFM tables. Raw HTML in the
// input is dropped (goldmark's default), so neither a clause nor a value
// can inject markup. Every table is wrapped in a scrolling box (see
// tableWrap).
func New() *Renderer {
	return &Renderer{md: goldmark.New(
		goldmark.WithExtensions(extension.Table),
		goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(linkResolver{}, 1000))),
		// Before the table extension's renderer (500), which it replaces
		// for the table element itself.
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(tableWrapper{}, 100))),
	)}
}

// Render converts Markdown to HTML, with the destinations of links
// rewritten by links (nil keeps them as written).
func (r *Renderer) Render(src string, links Links) (string, error) {
	var buf bytes.Buffer
	pc := parser.NewContext()
	if links != nil {
		pc.Set(linksKey, links)
	}
	if err := r.md.Convert([]byte(src), &buf, parser.WithContext(pc)); err != nil {
		return "", err
	}
	return buf.String(), nil
}

// Text is a value from site.toml on its way into Markdown. Printing it with
// fmt (as text/template does) escapes it, so a clause cannot forget to.
type Text string

// String returns the text escaped for Markdown.
func (t Text) String() string { return Escape(string(t)) }

// Escape makes s print literally in Markdown, in running text and inside
// table cells: every ASCII punctuation character gets a backslash (CommonMark
// allows that for all of them, and GFM for '|' inside cells), and runs of
// white space that contain a line break become one space so that a value
// cannot end a paragraph, a list item or a table row.
func Escape(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	space := false
	for _, r := range strings.TrimSpace(s) {
		switch {
		case r == '\n' || r == '\r' || r == '\t' || r == ' ':
			space = true
			continue
		case space:
			b.WriteByte(' ')
			space = false
		}
		if r < 0x80 && isPunct(byte(r)) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// Destination escapes a URL for use as a link destination: written in
// angle brackets, where only '<', '>' and line breaks are not allowed.
func Destination(url string) string {
	r := strings.NewReplacer("<", "%3C", ">", "%3E", "\n", "", "\r", "", " ", "%20", `\`, "%5C")
	return "<" + r.Replace(url) + ">"
}
