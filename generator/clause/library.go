// Package clause owns the clause library: finding the clause files of each
// document in the overlay file system, reading their front matter, parsing
// their templates with the helpers of docs/templates.md, and executing them
// over the model of one language into Markdown.
package clause

import (
	"fmt"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"sort"
	"text/template"

	"github.com/policygen/policygen/generator/diag"
	"github.com/policygen/policygen/generator/guard"
	"github.com/policygen/policygen/generator/locale"
)

// Files is what clauses are read from.
type Files interface {
	fs.FS
	Describe(name string) string
}

// Clause is one clause of a document in one language.
type Clause struct {
	Doc      string // document id: the folder name, such as "privacy"
	Order    string // the number that orders clauses: "070"
	ID       string // clause id and HTML anchor: "retention"
	Lang     string
	File     string // path in the overlay file system
	Title    string
	pool     *guard.Pool[*template.Template]
	reads    []string // see Reads
	readsAll bool
	digest   string // SHA-256 of the file
}

// Library is the parsed clauses of a site for its languages.
type Library struct {
	Docs    []string                        // document ids, sorted
	clauses map[string]map[string][]*Clause // doc -> lang -> clauses in order
}

var fileName = regexp.MustCompile(`^(\d+)-([a-z0-9_-]+)\.([a-z]{2,3})\.md$`)

// Load finds and parses the clauses of every document for langs, leaving
// out the clause ids in disabled. A clause that exists in one site language
// but not in another is an error.
func Load(files Files, catalog *locale.Catalog, langs []string, disabled []string) (*Library, error) {
	names, err := fs.Glob(files, "clauses/*/*.md")
	if err != nil {
		return nil, err
	}
	lib := &Library{clauses: map[string]map[string][]*Clause{}}
	var errs diag.List
	found := map[string]map[string]*Clause{} // doc/id -> lang -> clause
	for _, name := range names {
		c, err := parseName(files, name)
		if err != nil {
			errs.Add(err)
			continue
		}
		if c == nil || !slices.Contains(langs, c.Lang) || slices.Contains(disabled, c.ID) {
			continue
		}
		if err := c.parse(files, catalog.Lang(c.Lang)); err != nil {
			errs = append(errs, diag.Errors(err)...)
			continue
		}
		key := c.Doc + "/" + c.ID
		if found[key] == nil {
			found[key] = map[string]*Clause{}
		}
		found[key][c.Lang] = c
	}
	errs = append(errs, lib.collect(files, found, langs)...)
	return lib, errs.Err()
}

// parseName reads doc, order, id and language from a clause file name. It
// returns nil, nil for files that are not clauses of a site language.
func parseName(files Files, name string) (*Clause, *diag.Error) {
	m := fileName.FindStringSubmatch(path.Base(name))
	if m == nil {
		return nil, diag.Errorf(diag.Pos{File: files.Describe(name)}, "clause file name must be NNN-ID.LANG.md").
			WithHint("for example 075-hipaa.en.md: the number orders the clause, the id is its anchor")
	}
	return &Clause{Doc: path.Base(path.Dir(name)), Order: m[1], ID: m[2], Lang: m[3], File: name}, nil
}

// collect checks that every clause exists in every language with the same
// order, and sorts the clauses of each document.
func (lib *Library) collect(files Files, found map[string]map[string]*Clause, langs []string) diag.List {
	var errs diag.List
	docs := map[string]bool{}
	for _, key := range slices.Sorted(maps.Keys(found)) {
		byLang := found[key]
		var some *Clause
		for _, c := range byLang {
			some = c
		}
		for _, lang := range langs {
			c, ok := byLang[lang]
			if !ok {
				want := fmt.Sprintf("clauses/%s/%s-%s.%s.md", some.Doc, some.Order, some.ID, lang)
				errs.Addf(diag.Pos{File: want}, "clause %q of the %s document has no %q version", some.ID, some.Doc, lang).
					WithHint("add %s, or list %q in disable_clauses", want, some.ID)
				continue
			}
			if c.Order != some.Order {
				errs.Addf(diag.Pos{File: files.Describe(c.File)}, "clause %q is numbered %s here but %s in %s", c.ID, c.Order, some.Order, files.Describe(some.File)).
					WithHint("give every language the same number")
			}
			docs[c.Doc] = true
			if lib.clauses[c.Doc] == nil {
				lib.clauses[c.Doc] = map[string][]*Clause{}
			}
			lib.clauses[c.Doc][lang] = append(lib.clauses[c.Doc][lang], c)
		}
	}
	for _, byLang := range lib.clauses {
		for _, list := range byLang {
			sort.Slice(list, func(i, j int) bool { return list[i].Order+list[i].ID < list[j].Order+list[j].ID })
		}
	}
	lib.Docs = slices.Sorted(maps.Keys(docs))
	return errs
}

// Clauses returns the clauses of a document in a language, in order.
func (lib *Library) Clauses(doc, lang string) []*Clause { return lib.clauses[doc][lang] }

// HasID reports whether some document has a clause with the id in any
// language: used to check disable_clauses.
func HasID(files Files, id string) bool {
	names, _ := fs.Glob(files, "clauses/*/*-"+id+".*.md")
	for _, n := range names {
		if m := fileName.FindStringSubmatch(path.Base(n)); m != nil && m[2] == id {
			return true
		}
	}
	return false
}
