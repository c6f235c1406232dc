// Package theme owns the HTML around the clauses: it parses a theme's
// html/template layouts from the overlay file system and executes them over
// page view models that receive already-rendered clause HTML.
package theme

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"slices"
	"strings"
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
	if _, err := fs.Stat(files, dir); errors.Is(err, fs.ErrNotExist) {
		return nil, diag.Errorf(diag.Pos{File: "site.toml"}, "unknown theme %q", name).
			WithHint("put the theme in %s/ of the site folder, or remove theme to use the default", dir)
	} else if err != nil { // a symlink out of the site folder
		return nil, diag.AtFile(files.Describe(dir), err)
	}
	t := template.New(name).Funcs(template.FuncMap{"dict": locale.Dict})
	errs := parseLayouts(t, files, dir)
	for _, l := range layouts {
		file := files.Describe(dir + "/layouts/" + l)
		reported := slices.ContainsFunc(errs, func(e *diag.Error) bool { // the file, or its refused folder
			return e.Pos.File == file || strings.HasPrefix(file, e.Pos.File+"/")
		})
		if t.Lookup(l) == nil && !reported {
			errs.Addf(diag.Pos{File: file}, "theme %q has no layout %s", name, l)
		}
	}
	css, err := fs.ReadFile(files, dir+"/style.css")
	if errors.Is(err, fs.ErrNotExist) {
		errs.Addf(diag.Pos{File: files.Describe(dir + "/style.css")}, "theme %q has no style.css", name)
	} else if err != nil {
		errs.Add(diag.AtFile(files.Describe(dir+"/style.css"), err))
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	th := &Theme{Name: name, CSS: css, pages: t}
	th.buffers.New = func() any { return new(bytes.Buffer) }
	return th, nil
}

// parseLayouts parses every layout of the theme in dir into t.
func parseLayouts(t *template.Template, files Files, dir string) diag.List {
	names, err := fs.Glob(files, dir+"/layouts/*.html")
	if err != nil { // a symlink out of the site folder
		return diag.List{diag.AtFile(files.Describe(dir+"/layouts"), err)}
	}
	var errs diag.List
	for _, file := range names {
		src, err := fs.ReadFile(files, file)
		if err != nil {
			errs.Add(diag.AtFile(files.Describe(file), err))
			continue
		}
		if _, err := t.New(path.Base(file)).Parse(string(src)); err != nil {
			errs.Addf(diag.Pos{File: files.Describe(file)}, "%v", err)
		}
	}
	return errs
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
