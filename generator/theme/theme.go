// Package theme owns the HTML around the clauses: it parses a theme's
// html/template layouts from the overlay file system and executes them over
// page view models that receive already-rendered clause HTML.
package theme

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/policygen/policygen/generator/diag"
	"github.com/policygen/policygen/generator/guard"
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
	pages   *guard.Pool[*template.Template]
	files   map[string]string // layout file names as messages give them, by the name parsed under
	buffers sync.Pool         // of *bytes.Buffer
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
	described, errs := parseLayouts(t, files, dir)
	// A file the theme lacks is named in the theme's folder: in the site
	// folder for a theme of its own, not as a built-in file.
	folder := files.Describe(dir)
	for _, l := range layouts {
		file := files.Describe(dir + "/layouts/" + l)
		reported := slices.ContainsFunc(errs, func(e *diag.Error) bool { // the file, or its refused folder
			return e.Pos.File == file || strings.HasPrefix(file, e.Pos.File+"/")
		})
		if t.Lookup(l) == nil && !reported {
			errs.Addf(diag.Pos{File: path.Join(folder, "layouts", l)}, "theme %q has no layout %s", name, l)
		}
	}
	css, err := fs.ReadFile(files, dir+"/style.css")
	if errors.Is(err, fs.ErrNotExist) {
		errs.Addf(diag.Pos{File: path.Join(folder, "style.css")}, "theme %q has no style.css", name)
	} else if err != nil {
		errs.Add(diag.AtFile(files.Describe(dir+"/style.css"), err))
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	th := &Theme{Name: name, CSS: css, pages: guarded(t), files: described}
	th.buffers.New = func() any { return new(bytes.Buffer) }
	return th, nil
}

// parseLayouts parses every layout of the theme in dir into t, and tells
// how messages name the file of each.
func parseLayouts(t *template.Template, files Files, dir string) (map[string]string, diag.List) {
	names, err := fs.Glob(files, dir+"/layouts/*.html")
	if err != nil { // a symlink out of the site folder
		return nil, diag.List{diag.AtFile(files.Describe(dir+"/layouts"), err)}
	}
	var errs diag.List
	described := map[string]string{}
	for _, file := range names {
		described[path.Base(file)] = files.Describe(file)
		src, err := fs.ReadFile(files, file)
		if err != nil {
			errs.Add(diag.AtFile(files.Describe(file), err))
			continue
		}
		if _, err := t.New(path.Base(file)).Parse(string(src)); err != nil {
			if e := positioned(err, func(string) string { return files.Describe(file) }); e != nil {
				errs.Add(e)
			} else {
				errs.Addf(diag.Pos{File: files.Describe(file)}, "%v", err)
			}
		}
	}
	return described, errs
}

// guarded instruments the layouts so that they stop at the limits of each
// page (see package guard), and returns the pool pages take copies from:
// t itself never executes, so that it can be copied.
func guarded(t *template.Template) *guard.Pool[*template.Template] {
	ticks := &guard.Ticks{}
	for _, tt := range t.Templates() {
		ticks.Instrument(tt.Tree)
	}
	return guard.NewPool(ticks, func(funcs template.FuncMap) (*template.Template, error) {
		c, err := t.Clone()
		if err != nil {
			return nil, err
		}
		return c.Funcs(funcs), nil
	})
}

// Execute renders layout over data within limits.
func (t *Theme) Execute(layout string, data any, limits guard.Limits) ([]byte, error) {
	// Pages are large: they are written into a buffer that earlier pages
	// have grown, and copied out at their size.
	b := t.buffers.Get().(*bytes.Buffer)
	defer t.buffers.Put(b)
	b.Reset()
	err := t.pages.Execute(b, limits, func(tmpl *template.Template, w io.Writer) error {
		return tmpl.ExecuteTemplate(w, layout, data)
	})
	if err != nil {
		return nil, t.error(err)
	}
	return bytes.Clone(b.Bytes()), nil
}

// templateErr is how text/template starts an error of a template: its
// name, line, and when executing also the column, counted from 0.
var templateErr = regexp.MustCompile(`^template: ([^:]*):(\d+)(?::(\d+))?: (.*)$`)

// error gives an error of a layout the position of its file, as far as
// html/template tells it.
func (t *Theme) error(err error) error {
	describe := func(name string) string {
		if f, ok := t.files[name]; ok {
			return f
		}
		return name
	}
	var limit *guard.Error
	if guard.As(err, &limit) {
		return limit.Diag(describe)
	}
	if e := positioned(err, describe); e != nil {
		return e
	}
	return fmt.Errorf("theme %s: %w", t.Name, err)
}

// positioned returns a template error at the line and column it names in
// the file describe gives for the template's name, or nil if it names
// none. html/template's own errors (a layout that ends inside an
// attribute, say) come with their template's name and, when it knows,
// their line.
func positioned(err error, describe func(name string) string) *diag.Error {
	var escape *template.Error
	if errors.As(err, &escape) && escape.Name != "" {
		return &diag.Error{Pos: diag.Pos{File: describe(escape.Name), Line: escape.Line}, Msg: escape.Description, Err: err}
	}
	m := templateErr.FindStringSubmatch(err.Error())
	if m == nil {
		return nil
	}
	pos := diag.Pos{File: describe(m[1])}
	pos.Line, _ = strconv.Atoi(m[2])
	if m[3] != "" {
		col, _ := strconv.Atoi(m[3])
		pos.Col = col + 1
	}
	return &diag.Error{Pos: pos, Msg: m[4], Err: err}
}
