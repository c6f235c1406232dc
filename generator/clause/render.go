package clause

import (
	"slices"
	"strings"

	"github.com/policygen/policygen/generator/model"
)

// Rendered is a clause executed over a site: Markdown ready for goldmark.
type Rendered struct {
	File     string // the clause file, as messages name it
	ID       string
	Title    string
	Markdown string
}

// Render executes the clauses of a document over the model of one
// language. Clauses that render to white space only are left out.
func (lib *Library) Render(files Files, doc string, m *model.Site) ([]Rendered, error) {
	return lib.RenderDated(files, doc, m, nil)
}

// RenderDated renders a document as Render does, given what Render gave
// for a model of the same site as of another date (or not as a draft):
// only the clauses that name a dated field (see model.DatedFields) are
// executed again; the others render the same and are taken from prev.
// With prev nil every clause is executed.
func (lib *Library) RenderDated(files Files, doc string, m *model.Site, prev []Rendered) ([]Rendered, error) {
	var out []Rendered
	for _, c := range lib.Clauses(doc, m.Lang) {
		if prev != nil && !c.dated {
			if i := slices.IndexFunc(prev, func(r Rendered) bool { return r.ID == c.ID }); i >= 0 {
				out = append(out, prev[i])
			} // else it rendered to white space
			continue
		}
		var b strings.Builder
		if err := c.tmpl.Execute(&b, m); err != nil {
			return nil, templateError(files.Describe(c.File), err)
		}
		md := strings.TrimSpace(b.String())
		if md == "" {
			continue
		}
		out = append(out, Rendered{File: files.Describe(c.File), ID: c.ID, Title: c.Title, Markdown: md + "\n"})
	}
	return out, nil
}
