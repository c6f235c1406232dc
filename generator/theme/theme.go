// Package theme owns the HTML around the clauses: it parses a theme's
// html/template layouts from the overlay file system and executes them over
// page view models that receive already-rendered clause HTML.
package theme

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"sync"

	"github.com/policygen/policygen/generator/diag"
	"github.com/policygen/policygen/generator/locale"
)

// Files is what a theme is read from.
type Files interface {
	fs.FS
	Describe(name string) string
}

// Theme is a parsed theme.
type Theme struct {
	Name    string
	CSS     []byte
	pages   *template.Template
	buffers sync.Pool // of *bytes.Buffer
}

// layouts every theme must have.
var layouts = []string{"page.html", "index.html", "changes.html", "diff.html"}

// Load parses every themes/NAME/layouts/*.html (so a theme may add files of
// shared {{define}} blocks) and reads themes/NAME/style.css.
func Load(files Files, name string) (*Theme, error) {
	dir := "themes/" + name
	if _, err := fs.Stat(files, dir); err != nil {
		return nil, diag.Errorf(diag.Pos{File: "site.toml"}, "unknown theme %q", name).
			WithHint("put the theme in %s/ of the site folder, or remove theme to use the default", dir)
	}
	t := template.New(name).Funcs(template.FuncMap{"dict": locale.Dict})
	var errs diag.List
	names, _ := fs.Glob(files, dir+"/layouts/*.html")
	for _, file := range names {
		src, err := fs.ReadFile(files, file)
		if err == nil {
			_, err = t.New(path.Base(file)).Parse(string(src))
		}
		if err != nil {
			errs.Addf(diag.Pos{File: files.Describe(file)}, "%v", err)
		}
	}
	for _, l := range layouts {
		if t.Lookup(l) == nil {
			errs.Addf(diag.Pos{File: files.Describe(dir + "/layouts/" + l)}, "theme %q has no layout %s", name, l)
		}
	}
	css, err := fs.ReadFile(files, dir+"/style.css")
	if err != nil {
		errs.Addf(diag.Pos{File: files.Describe(dir + "/style.css")}, "theme %q has no style.css", name)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	th := &Theme{Name: name, CSS: css, pages: t}
	th.buffers.New = func() any { return new(bytes.Buffer) }
	return th, nil
}

// Execute renders layout over data.
func (t *Theme) Execute(layout string, data any) ([]byte, error) {
	// Pages are large: they are written into a buffer that earlier pages
	// have grown, and copied out at their size.
	b := t.buffers.Get().(*bytes.Buffer)
	defer t.buffers.Put(b)
	b.Reset()
	if err := t.pages.ExecuteTemplate(b, layout, data); err != nil {
		return nil, fmt.Errorf("theme %s: %w", t.Name, err)
	}
	return bytes.Clone(b.Bytes()), nil
}
