// Package markdown owns the Markdown dialect of clauses: the configured
// goldmark renderer (CommonMark with GFM tables, raw HTML dropped) and the
// escaping that makes values from site.toml print literally.
package markdown

import (
	"bytes"
	"errors"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// Renderer turns clause Markdown into HTML. It is safe for concurrent use.
type Renderer struct {
	md goldmark.Markdown
}

// New returns a renderer for CommonMark with GFM tables. Raw HTML in the
// input is dropped (goldmark's default), so neither a clause nor a value
// can inject markup.
func New() *Renderer {
	return &Renderer{md: goldmark.New(goldmark.WithExtensions(extension.Table))}
}

// Render converts Markdown to HTML.
func (r *Renderer) Render(src string) (string, error) {
	var buf bytes.Buffer
	if err := r.md.Convert([]byte(src), &buf); err != nil {
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

var errNotATable = errors.New("markdown: not a table")
