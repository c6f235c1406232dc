package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Links rewrites the destinations of links for the page a text renders
// on, such as a link to another document, which lies further up from a
// frozen version than from the current page. Given a destination as the
// page would write it, it returns the one to write instead, or false to
// keep it.
type Links func(dest string) (string, bool)

// linksKey holds the Links of one Render call in its parser.Context, so
// that one goldmark instance serves every page.
var linksKey = parser.NewContextKey()

// linkResolver is the AST transformer that applies a call's Links to its
// links and autolinks. Images keep their sources.
type linkResolver struct{}

func (linkResolver) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	links, _ := pc.Get(linksKey).(Links)
	if links == nil {
		return
	}
	source := reader.Source()
	var autolinks []*ast.AutoLink
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			// As goldmark's renderer writes it: escapes and entities
			// resolved, percent-encoded.
			if dest, ok := links(string(util.URLEscape(n.Destination, true))); ok {
				n.Destination = []byte(dest)
			}
		case *ast.AutoLink:
			autolinks = append(autolinks, n) // replaced after the walk, which a replaced node would end
		}
		return ast.WalkContinue, nil
	})
	for _, n := range autolinks {
		resolveAutoLink(n, source, links)
	}
}

// resolveAutoLink replaces an autolink ("<policygen-doc:privacy>") whose
// destination links rewrites with a link that shows the same text.
func resolveAutoLink(n *ast.AutoLink, source []byte, links Links) {
	if n.AutoLinkType != ast.AutoLinkURL {
		return
	}
	dest, ok := links(string(util.URLEscape(n.URL(source), false)))
	if !ok {
		return
	}
	link := ast.NewLink()
	link.Destination = []byte(dest)
	label := ast.NewString(n.Label(source))
	label.SetRaw(true) // written HTML-escaped, as an autolink's text is
	link.AppendChild(link, label)
	n.Parent().ReplaceChild(n.Parent(), n, link)
}
