package site

// What a build keeps, and what policygen serve keeps between saves, all in
// one place with the Cache (cache.go) and its keys (keys.go); see
// docs/caching.md. Each kept value falls back to the plain path: a nil
// Cache computes what it is asked, and a site loaded without Reuse reads
// every file.

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/policygen/policygen/generator/clause"
	"github.com/policygen/policygen/generator/config"
	"github.com/policygen/policygen/generator/diff"
	"github.com/policygen/policygen/generator/history"
	"github.com/policygen/policygen/generator/legal"
	"github.com/policygen/policygen/generator/model"
)

// loadFacts returns the legal facts of opts.Reuse, or loads them: they are
// embedded and nothing changes them, and checking authorities.toml is a
// few milliseconds of every serve rebuild.
func loadFacts(opts Options) (*legal.Facts, error) {
	if opts.Reuse != nil {
		return opts.Reuse.Facts, nil
	}
	return legal.Load()
}

// reusesParts reports whether a load may take the messages, clauses and
// theme of opts.Reuse: none of their files changed, and site.toml picks the
// same languages, theme and clauses.
func reusesParts(opts Options, cfg *config.Site) bool {
	r := opts.Reuse
	return r != nil && !changedUnder(opts.Changed, "locales/", "clauses/", "themes/") && samePicks(r.Config.Site, cfg)
}

// reusesHistory reports whether a load may take the released versions of
// opts.Reuse: the same history folder, none of its files changed, and the
// same key checks the signatures.
func reusesHistory(opts Options, cfg *config.Site, dir, hist string) bool {
	r := opts.Reuse
	return r != nil && r.HistoryDir == dir && !changedUnder(opts.Changed, hist+"/") && r.Config.Site.Settings.SigningKey == cfg.Settings.SigningKey
}

// changedUnder reports whether a changed file is in one of the folders
// (given with a final slash), is one of them, or is "*".
func changedUnder(changed []string, folders ...string) bool {
	for _, f := range changed {
		for _, dir := range folders {
			if f == "*" || strings.HasPrefix(f+"/", dir) {
				return true
			}
		}
	}
	return false
}

// samePicks reports whether two configurations pick the same languages,
// theme and clauses.
func samePicks(a, b *config.Site) bool {
	return slices.Equal(a.Settings.Languages, b.Settings.Languages) && a.Settings.Theme == b.Settings.Theme &&
		slices.Equal(a.Settings.DisableClauses, b.Settings.DisableClauses)
}

// A scope holds what the pages of one document in one language share: the
// HTML of clause parts and what the diff has seen of their texts. Pages
// render in site order, so a build drops a scope when its last page is
// done and holds few at a time; a serve session keeps one for all, in its
// cache.
type scope struct {
	cache  atomic.Pointer[Cache]
	differ atomic.Pointer[diff.Differ]
	jobs   atomic.Int64 // pages not yet rendered
}

// docLang names a document in a language: what a scope is kept under.
type docLang struct{ doc, lang string }

func (s *Site) newScope(k docLang) *scope {
	sc := &scope{}
	if s.keep {
		sc.cache.Store(s.cache)
		sc.differ.Store(s.differ)
	} else {
		sc.cache.Store(NewCache())
		sc.differ.Store(&diff.Differ{})
	}
	s.scopes[k] = sc
	return sc
}

// done counts a page of the scope as rendered, and drops what the scope
// holds after the last.
func (sc *scope) done() {
	if sc.jobs.Add(-1) == 0 {
		sc.cache.Store(nil) // a nil Cache computes what is asked
		sc.differ.Store(nil)
	}
}

// scope returns the scope of a document in a language, or one that
// caches nothing outside a build's pages.
func (s *Site) scope(doc, lang string) *scope {
	if sc := s.scopes[docLang{doc, lang}]; sc != nil {
		return sc
	}
	return &scope{}
}

// kept renders a page that shows released versions only, or takes it from
// a cache kept between builds: such a page changes only with the history,
// the build date, or the few settings of site.toml every page shows (see
// releasedKey). A build without a kept cache renders it, so as not to hold
// every page in memory.
func (s *Site) kept(st *status, name string, render func() ([]byte, error)) ([]byte, error) {
	if !s.keep {
		return render()
	}
	return cached(s.cache, pageKey{st.releasedKey, name}, render)
}

// releasedKey is what pages of released versions show besides the
// versions: the company's name, the base URL, the languages and documents,
// the theme site.toml picks, the build date, and the history, named by the
// hash of its newest manifest, which chains all the others. The files of
// messages and themes are not in it: a cache is dropped when they change.
func (s *Site) releasedKey() string {
	head := ""
	if v := history.Newest(s.Released); v != nil {
		head = history.Hash(v.Manifest)
	}
	return strings.Join([]string{s.Config.Site.Company.Name, string(s.Config.Site.Settings.BaseURL),
		strings.Join(s.langs(), ","), strings.Join(s.Docs, ","), s.Theme.Name, s.Date.Format(time.DateOnly), head}, "\x00")
}

// clauseResult is a rendered clause, and whether it rendered to more
// than white space.
type clauseResult struct {
	r  clause.Rendered
	ok bool
}

// renderClause renders a clause over the model of its language. Given the
// clauses of its document rendered over a model of the same site as of
// another date (or not as a draft), prev, a clause that is not dated is
// taken from there, where it is missing if it rendered to white space. In
// a serve session a clause that is not dated is kept between saves under
// what it reads (see clauseKeyOf); digests holds the digests of the parts
// of site.toml for one rendering.
func (s *Site) renderClause(c *clause.Clause, lang string, m *model.Site, prev []clause.Rendered, digests *Cache) (clauseResult, error) {
	dated := isDated(c)
	if prev != nil && !dated {
		if i := slices.IndexFunc(prev, func(r clause.Rendered) bool { return r.ID == c.ID }); i >= 0 {
			return clauseResult{prev[i], true}, nil
		}
		return clauseResult{}, nil
	}
	render := func() (clauseResult, error) {
		r, ok, err := c.Render(s.Files, m, s.Limits)
		return clauseResult{r, ok}, err
	}
	if !s.keep || dated {
		return render()
	}
	key, ok := s.clauseKeyOf(c, lang, digests)
	if !ok {
		return render()
	}
	return cached(s.cache, key, render)
}

// isDated reports whether a clause may render differently as of another
// date or as a draft: it names a dated field of the model
// (model.DatedFields), or may read the model otherwise.
func isDated(c *clause.Clause) bool {
	names, all := c.Reads()
	return all || slices.ContainsFunc(names, func(n string) bool {
		name, _, _ := strings.Cut(n, ".")
		return slices.Contains(model.DatedFields(), name)
	})
}

// clauseKeyOf returns the key under which a serve session keeps a clause's
// text between saves: the clause file and its digest (the messages stay
// the same for as long as the cache lives), the language, and a digest of
// every part of site.toml that the model's fields it names are built from
// (model.Inputs, fieldDigest). A save that changes a processor renders again the
// clauses that read the lists, not the one that names the company's
// address. A name that is not the model's (the fields of a tracker in a
// range over them) has no inputs of its own.
func (s *Site) clauseKeyOf(c *clause.Clause, lang string, digests *Cache) (clauseKey, bool) {
	var b strings.Builder
	for _, p := range clauseInputs(c) {
		sum, err := cached(digests, digestKey{p}, func() (string, error) { return fieldDigest(s.Config.Site, p) })
		if err != nil {
			return clauseKey{}, false // a path model.Inputs names but config.Site lacks: render it
		}
		b.WriteString(p + "=" + sum + ";")
	}
	return clauseKey{c.File, c.Digest(), lang, b.String()}, true
}

// clauseInputs returns the paths of config.Site that the model's fields a
// clause names are built from (model.Inputs), sorted.
func clauseInputs(c *clause.Clause) []string {
	names, _ := c.Reads()
	paths := map[string]bool{}
	for _, n := range names {
		name, sub, _ := strings.Cut(n, ".")
		in, _ := model.Inputs(name, sub)
		for _, p := range in {
			paths[p] = true
		}
	}
	return slices.Sorted(maps.Keys(paths))
}

// fieldDigest returns a SHA-256 of a field of the site ("Trackers") or a
// field of one ("Company.Phone"), the paths model.Inputs names: two loads
// give the same digest when that part of site.toml decodes the same.
func fieldDigest(site *config.Site, path string) (string, error) {
	v := reflect.ValueOf(site).Elem()
	for _, f := range strings.Split(path, ".") {
		if v.Kind() != reflect.Struct {
			return "", fmt.Errorf("%s: no such field of the site", path)
		}
		if v = v.FieldByName(f); !v.IsValid() {
			return "", fmt.Errorf("%s: no such field of the site", path)
		}
	}
	data, err := json.Marshal(v.Interface())
	if err != nil {
		data = fmt.Appendf(nil, "%#v", v.Interface()) // not expected: config values encode
	}
	sum := sha256.Sum256(data)
	return string(sum[:]), nil
}
