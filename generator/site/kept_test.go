package site

import (
	"bytes"
	"crypto/ed25519"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/policygen/policygen"
	"github.com/policygen/policygen/generator/config"
	"github.com/policygen/policygen/generator/internal/sitetest"
	"github.com/policygen/policygen/generator/publish"
)

// TestKeptClausesRenderAsAFreshBuild saves a released site one change
// after another, as a serve session sees it, and builds after each save
// with the kept cache and reuse and without either: every file must be
// the same. The saves change every field of site.toml in turn
// (sitetest.Edits finds them by reflection over config.Site, so a new
// field is changed too), then each kind of file a site reads besides: a
// clause, a message file, a layout, the style sheet and the history.
func TestKeptClausesRenderAsAFreshBuild(t *testing.T) {
	done := map[string]bool{}
	for _, fixture := range sitetest.EveryField() {
		t.Run(fixture, func(t *testing.T) {
			k := newKeptSite(t, fixture)
			base := k.build(false)
			for _, saves := range []struct {
				what  string
				edits []sitetest.Edit
			}{
				{"changing", sitetest.Edits(k.fresh, k.loads, done)},
				{"removing (the last entry of)", sitetest.Removals(k.fresh, k.loads)},
			} {
				for _, e := range saves.edits {
					src, err := sitetest.Encode(e.Site)
					if err != nil {
						t.Fatal(err)
					}
					what := saves.what + " " + e.Leaf
					writeFile(t, filepath.Join(k.dir, "site.toml"), string(src))
					k.compareWith(k.rendered[string(src)], what, "site.toml")
					// Back to the start, so that a render kept from before
					// the save shows as a failure of this save.
					writeFile(t, filepath.Join(k.dir, "site.toml"), k.src)
					k.compareWith(base, "undoing "+what, "site.toml")
				}
			}
			if fixture == sitetest.EveryField()[0] {
				k.saveEveryOtherKindOfFile()
			}
		})
	}
	for _, f := range sitetest.Fields() {
		if !done[f] {
			t.Errorf("no save changed %s", f)
		}
	}
}

// releaseKey is the private key of every_field.toml's signing_key.
var releaseKey = ed25519.NewKeyFromSeed(bytes.Repeat([]byte{7}, ed25519.SeedSize))

// extraFiles are files of the site folder, beside the defaults, that
// saveEveryOtherKindOfFile changes.
const extraFiles = `
-- clauses/privacy/075-extra.en.md --
+++
title = "Extra"
+++
{{.Company.Name}} works with {{range .Processors}}{{.Name}}, {{end}}and no one else.
-- clauses/privacy/075-extra.de.md --
+++
title = "Extra"
+++
{{.Company.Name}} arbeitet mit {{range .Processors}}{{.Name}}, {{end}}und sonst niemandem.
`

// keptSite is a site folder built as policygen serve builds it, and
// without a cache, after each save.
type keptSite struct {
	t       *testing.T
	fixture string
	dir     string
	src     string // site.toml at the start, as sitetest.Encode writes it
	cache   *Cache
	prev    *Site // the last kept build

	rendered map[string]publish.Output // the fresh builds of loads, by site.toml
}

func newKeptSite(t *testing.T, fixture string) *keptSite {
	// site.toml as Encode writes it, so that a save changes only what an
	// edit changes, not the layout of the file too.
	l, err := sitetest.LoadFixture(fixture)
	if err != nil {
		t.Fatal(err)
	}
	src, err := sitetest.Encode(l.Site)
	if err != nil {
		t.Fatal(err)
	}
	k := &keptSite{t: t, fixture: fixture, dir: siteFiles(t, "-- site.toml --\n"+string(src)+extraFiles), src: string(src),
		cache: NewCache(), rendered: map[string]publish.Output{}}
	copyTheme(t, k.dir, "mine", "<p>theme mine</p>")
	for _, f := range []string{"locales/en.toml", "themes/default/style.css", "themes/default/layouts/page.html"} {
		data, err := fs.ReadFile(policygen.Defaults, f)
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(k.dir, f), string(data))
	}
	k.release()
	k.build(true, "*")
	return k
}

// release releases the oldest [[change]] that has no version, signed.
func (k *keptSite) release() {
	k.t.Helper()
	s, err := loadDir(k.t, k.dir, "2000-01-01")
	if err != nil {
		k.t.Fatal(err)
	}
	s.ReleaseKey = releaseKey
	if _, _, err := s.Release(); err != nil {
		k.t.Fatal(err)
	}
}

// fresh returns a new copy of the site.toml the folder started with.
func (k *keptSite) fresh() *config.Site {
	l, err := sitetest.LoadFixture(k.fixture)
	if err != nil {
		k.t.Fatal(err)
	}
	return l.Site
}

// loads reports whether the folder loads and renders with s as its
// site.toml, keeping what it rendered as the fresh build of that
// site.toml, and puts the site.toml of the last build back.
func (k *keptSite) loads(s *config.Site) bool {
	k.t.Helper()
	if _, err := sitetest.Load(s); err != nil {
		return false // what config.Load refuses, in a fraction of the time
	}
	file := filepath.Join(k.dir, "site.toml")
	before, err := os.ReadFile(file)
	if err != nil {
		k.t.Fatal(err)
	}
	defer writeFile(k.t, file, string(before))
	src, err := sitetest.Encode(s)
	if err != nil {
		return false
	}
	writeFile(k.t, file, string(src))
	site, err := Load(Options{Source: k.dir, Defaults: policygen.Defaults, Date: date(k.t, keptDate)})
	if err != nil {
		return false
	}
	out, err := site.Render(true)
	if err != nil {
		return false
	}
	k.rendered[string(src)] = out
	return true
}

const keptDate = "2026-01-01"

// build builds the folder as policygen serve does after a save of the
// changed files, or else without a cache.
func (k *keptSite) build(kept bool, changed ...string) publish.Output {
	k.t.Helper()
	opts := Options{Source: k.dir, Defaults: policygen.Defaults, Date: date(k.t, keptDate)}
	if kept {
		if slices.ContainsFunc(changed, func(f string) bool {
			return f == "*" || strings.HasPrefix(f, "locales/") || strings.HasPrefix(f, "themes/")
		}) {
			k.cache = NewCache() // as serve does: cached renders hold messages and theme output
		}
		opts.Cache, opts.Reuse, opts.Changed = k.cache, k.prev, changed
	}
	s, out := loadRender(k.t, opts, true)
	if kept {
		k.prev = s
		k.cache.Sweep()
	}
	return out
}

// save writes data to the file name of the folder and builds, kept and
// fresh: every file must be the same.
func (k *keptSite) save(what, name, data string) {
	k.t.Helper()
	writeFile(k.t, filepath.Join(k.dir, filepath.FromSlash(name)), data)
	k.compare(what, name)
}

func (k *keptSite) compare(what string, changed ...string) {
	k.t.Helper()
	k.compareWith(k.build(false), what, changed...)
}

// compareWith builds kept after the change of the files changed and
// compares the files with those of a fresh build.
func (k *keptSite) compareWith(fresh publish.Output, what string, changed ...string) {
	k.t.Helper()
	kept := k.build(true, changed...)
	for name, data := range fresh {
		if !bytes.Equal(kept[name], data) {
			k.t.Errorf("after %s: %s differs from a fresh build", what, name)
		}
	}
	if len(kept) != len(fresh) {
		k.t.Errorf("after %s: %d files kept, %d fresh", what, len(kept), len(fresh))
	}
}

// saveEveryOtherKindOfFile changes a clause, a message file, a layout and
// the style sheet, and releases a version into the history.
func (k *keptSite) saveEveryOtherKindOfFile() {
	k.t.Helper()
	for _, c := range []struct{ file, old, new string }{
		{"clauses/privacy/075-extra.en.md", "and no one else", "and nobody else"},
		{"locales/en.toml", `contents = "Contents"`, `contents = "Table of contents"`},
		{"themes/default/layouts/page.html", `<main id="content">`, `<main id="content"><p>layout edited</p>`},
		{"themes/default/style.css", "body", "html { color: black; }\nbody"},
	} {
		file := filepath.Join(k.dir, filepath.FromSlash(c.file))
		data, err := os.ReadFile(file)
		if err != nil {
			k.t.Fatal(err)
		}
		edited := strings.Replace(string(data), c.old, c.new, 1)
		if edited == string(data) {
			k.t.Fatalf("%s has no %q", c.file, c.old)
		}
		k.save("editing "+c.file, c.file, edited)
	}
	before := k.prev.History
	k.release()
	s, err := loadDir(k.t, k.dir, keptDate)
	if err != nil {
		k.t.Fatal(err)
	}
	if len(s.History) != len(before)+1 {
		k.t.Fatalf("the release added %d versions", len(s.History)-len(before))
	}
	k.compare("a release", "history/"+s.History[len(s.History)-1].Name())
}
