// Package markdown owns the Markdown dialect of clauses: the configured
// goldmark renderer (CommonMark with GFM tables, raw HTML dropped, tables
// wrapped so that they scroll, links resolved for the page they are on)
// and the escaping that makes values from site.toml print literally.
package markdown

import (
	"bytes"
	"sync"

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

// plain is the renderer SameHTML compares with.
var plain = sync.OnceValue(New)

// SameHTML reports whether two Markdown texts render to the same HTML,
// with links as written: they read the same, however each is escaped
// ("B\.V\." and "B.V."). The bytes are compared first.
func SameHTML(a, b string) bool {
	if a == b {
		return true
	}
	ha, errA := plain().Render(a, nil)
	hb, errB := plain().Render(b, nil)
	return errA == nil && errB == nil && ha == hb
}
