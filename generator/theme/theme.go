// Package theme owns the HTML around the clauses: it parses a theme's
// html/template layouts from the overlay file system and executes them over
// page view models that receive already-rendered clause HTML.
package theme

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"

	"github.com/policygen/policygen/generator/diag"
)

// Files is what a theme is read from.
type Files interface {
	fs.FS
	Describe(name string) string
}

// Theme is a parsed theme.
type Theme struct {
	Name  string
	CSS   []byte
	pages *template.Template
}

// layouts every theme must have.
var layouts = []string{"page.html", "index.html"}

// Load parses themes/NAME/layouts/*.html and reads themes/NAME/style.css.
func Load(files Files, name string) (*Theme, error) {
	dir := "themes/" + name
	if _, err := fs.Stat(files, dir); err != nil {
		return nil, diag.Errorf(diag.Pos{File: "site.toml"}, "unknown theme %q", name).
			WithHint("put the theme in %s/ of the site folder, or remove theme to use the default", dir)
	}
	t := template.New(name)
	var errs diag.List
	for _, l := range layouts {
		file := dir + "/layouts/" + l
		src, err := fs.ReadFile(files, file)
		if err != nil {
			errs.Addf(diag.Pos{File: files.Describe(file)}, "theme %q has no layout %s", name, l)
			continue
		}
		if _, err := t.New(l).Parse(string(src)); err != nil {
			errs.Addf(diag.Pos{File: files.Describe(file)}, "%v", err)
		}
	}
	css, err := fs.ReadFile(files, dir+"/style.css")
	if err != nil {
		errs.Addf(diag.Pos{File: files.Describe(dir + "/style.css")}, "theme %q has no style.css", name)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return &Theme{Name: name, CSS: css, pages: t}, nil
}

// Execute renders layout over data.
func (t *Theme) Execute(layout string, data any) ([]byte, error) {
	var b bytes.Buffer
	if err := t.pages.ExecuteTemplate(&b, layout, data); err != nil {
		return nil, fmt.Errorf("theme %s: %w", t.Name, err)
	}
	return b.Bytes(), nil
}
