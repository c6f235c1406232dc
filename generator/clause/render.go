package clause

import (
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
	var out []Rendered
	for _, c := range lib.Clauses(doc, m.Lang) {
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
