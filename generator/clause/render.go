package clause

import (
	"io"
	"io/fs"
	"strings"
	"text/template"

	"github.com/policygen/policygen/generator/diag"
	"github.com/policygen/policygen/generator/guard"
	"github.com/policygen/policygen/generator/markdown"
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
func (lib *Library) Render(files Files, doc string, m *model.Site, limits guard.Limits) ([]Rendered, error) {
	var out []Rendered
	for _, c := range lib.Clauses(doc, m.Lang) {
		r, ok, err := c.Render(files, m, limits)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, r)
		}
	}
	return out, nil
}

// Render executes the clause over the model of its language, within
// limits. ok is false when it renders to white space only, and is left
// out of the document.
func (c *Clause) Render(files Files, m *model.Site, limits guard.Limits) (r Rendered, ok bool, err error) {
	var b strings.Builder
	err = c.pool.Execute(&b, limits, func(t *template.Template, w io.Writer) error { return t.Execute(w, m) })
	if err != nil {
		return Rendered{}, false, templateError(files.Describe(c.File), err)
	}
	md := strings.TrimSpace(b.String())
	if md == "" {
		return Rendered{}, false, nil
	}
	if err := c.checkTables(files, md); err != nil {
		return Rendered{}, false, err
	}
	return Rendered{File: files.Describe(c.File), ID: c.ID, Title: c.Title, Markdown: md + "\n"}, true, nil
}

// checkTables reports a table in a clause's Markdown that would render as
// a paragraph of pipes, at the line of the clause file that holds its
// delimiter row, when the file has it as written.
func (c *Clause) checkTables(files Files, md string) error {
	heads, _ := markdown.MeantTables(md)
	for _, head := range heads {
		terr := markdown.CheckTable(head)
		if terr == nil {
			continue
		}
		pos := diag.Pos{File: files.Describe(c.File)}
		row := strings.Split(head, "\n")[terr.Line-1]
		if src, err := fs.ReadFile(files, c.File); err == nil {
			for i, line := range strings.Split(string(src), "\n") {
				if strings.TrimSpace(line) == strings.TrimSpace(row) {
					pos.Line = i + 1
					break
				}
			}
		}
		return diag.Errorf(pos, "%s", terr.Msg).
			WithHint("a table needs a header row, then a delimiter row such as |---|---| with a cell for each of its columns")
	}
	return nil
}
