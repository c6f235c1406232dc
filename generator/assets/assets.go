// Package assets owns the overlay file system: a site folder's clauses/,
// locales/ and themes/ laid over the defaults embedded in the binary, file
// by file.
package assets

import (
	"errors"
	"io/fs"
	"path"
	"sort"
)

// FS is a site folder over the embedded defaults. A file in the site folder
// hides the default at the same path; a new file adds to them.
type FS struct {
	site     fs.FS
	siteName string // how to name site files in messages: the folder as given
	defaults fs.FS
}

// New layers site (read from the folder named siteDir) over defaults.
// site may be nil.
func New(site fs.FS, siteDir string, defaults fs.FS) *FS {
	return &FS{site: site, siteName: siteDir, defaults: defaults}
}

// Open opens name from the site folder, or else from the defaults.
func (o *FS) Open(name string) (fs.File, error) {
	if o.site != nil {
		f, err := o.site.Open(name)
		if err == nil {
			return f, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	return o.defaults.Open(name)
}

// ReadFile reads name from the site folder, or else from the defaults.
func (o *FS) ReadFile(name string) ([]byte, error) {
	if o.site != nil {
		b, err := fs.ReadFile(o.site, name)
		if !errors.Is(err, fs.ErrNotExist) {
			return b, err
		}
	}
	return fs.ReadFile(o.defaults, name)
}

// Describe names the file as messages should: its path in the site folder,
// or "(built-in) name" for an embedded default. A site file that cannot be
// read (a named pipe, a symlink out of the folder) is named as a site file.
func (o *FS) Describe(name string) string {
	if o.site != nil {
		if _, err := fs.Stat(o.site, name); !errors.Is(err, fs.ErrNotExist) {
			return path.Join(o.siteName, name)
		}
	}
	return "(built-in) " + name
}

// Glob returns the names matching pattern in either layer, sorted and
// without duplicates.
func (o *FS) Glob(pattern string) ([]string, error) {
	seen := map[string]bool{}
	for _, layer := range []fs.FS{o.site, o.defaults} {
		if layer == nil {
			continue
		}
		names, err := fs.Glob(layer, pattern)
		if err != nil {
			return nil, err
		}
		for _, n := range names {
			seen[n] = true
		}
	}
	out := make([]string, 0, len(seen))
	for n := range seen {
		out = append(out, n)
	}
	sort.Strings(out)
	return out, nil
}
