// Package site owns a whole site: it loads a site folder (site.toml,
// locales, clauses, theme over the embedded defaults and the released
// history), works out which versions are in effect (status), releases and
// verifies, and renders every page of every language, handing each, as it
// is rendered, to a sink: a publish.Dir, or serve's memory.
package site

import (
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"io/fs"
	"path/filepath"
	"sort"
	"sync"
	"time"

	"github.com/policygen/policygen/generator/assets"
	"github.com/policygen/policygen/generator/clause"
	"github.com/policygen/policygen/generator/config"
	"github.com/policygen/policygen/generator/diag"
	"github.com/policygen/policygen/generator/diff"
	"github.com/policygen/policygen/generator/guard"
	"github.com/policygen/policygen/generator/history"
	"github.com/policygen/policygen/generator/legal"
	"github.com/policygen/policygen/generator/locale"
	"github.com/policygen/policygen/generator/markdown"
	"github.com/policygen/policygen/generator/theme"
)

// Options say what to build.
type Options struct {
	Source   string       // site folder
	Defaults fs.FS        // embedded clauses/, locales/, themes/
	Date     time.Time    // build as of this date
	Draft    bool         // build unreleased text as a draft
	Cache    *Cache       // renders kept from an earlier build, or nil
	Workers  int          // pages rendered at once; 0 for one per CPU
	Limits   guard.Limits // how long each clause and layout may render

	// Reuse is a site loaded before from the same folder, and Changed the
	// files that changed since (relative to the site folder,
	// slash-separated; "*" for any): what none of them can have changed
	// is taken from Reuse instead of being read and checked again. That
	// is the released versions, unless a file in the history folder
	// changed, and the messages, clauses and theme, unless one of theirs
	// did or site.toml now picks others. policygen serve rebuilds so.
	Reuse   *Site
	Changed []string
}

// Site is a loaded site: everything needed to render its pages.
type Site struct {
	Config   *config.Loaded
	Files    *assets.FS
	Facts    *legal.Facts
	Catalog  *locale.Catalog
	Clauses  *clause.Library
	Theme    *theme.Theme
	Markdown *markdown.Renderer
	Date     time.Time
	Docs     []string // document ids in page order

	History    []*history.Version // the versions readers are shown (history.Live), oldest first
	Released   []*history.Version // every released version, superseded ones too, in the order of the chain
	HistoryDir string             // the history folder on disk
	SigningKey ed25519.PublicKey  // [site] signing_key, or nil
	ReleaseKey ed25519.PrivateKey // the key Release signs with, or nil
	Workers    int                // pages rendered at once; 0 for one per CPU
	Limits     guard.Limits       // how long each clause and layout may render

	cache  *Cache
	keep   bool         // the cache outlives the build: keep pages in it
	differ *diff.Differ // shared by the diff pages of a serve session
	scopes map[docLang]*scope

	// configJSON is site.toml's configuration as JSON, encoded once per
	// load: policy.json holds it, and the status compares it with the
	// newest released model.
	configJSON func() ([]byte, error)

	snapshots snapshotDecoder // of the released versions' models
}

// SiteFile is the name of the configuration file in a site folder.
const SiteFile = "site.toml"

// Load reads and checks a site folder. Its errors are a diag.List.
func Load(opts Options) (*Site, error) {
	file := filepath.Join(opts.Source, SiteFile)
	folder, src, err := readSiteFile(opts.Source)
	if err != nil {
		return nil, err
	}
	facts, err := loadFacts(opts)
	if err != nil {
		return nil, err
	}
	cfg, err := config.Load(file, src, facts)
	if err != nil {
		return nil, err
	}
	s := &Site{Config: cfg, Facts: facts, Markdown: markdown.New(), Date: opts.Date, cache: opts.Cache, Workers: opts.Workers, Limits: opts.Limits}
	s.configJSON = sync.OnceValues(func() ([]byte, error) { return json.Marshal(cfg.Site) })
	s.keep = s.cache != nil
	if s.cache == nil {
		s.cache = NewCache() // a build renders each text and summary once
	}
	s.differ = s.cache.diffs()
	s.Files = assets.New(folder, opts.Source, opts.Defaults)
	if reusesParts(opts, cfg.Site) {
		r := opts.Reuse
		s.Catalog, s.Clauses, s.Theme, s.Docs = r.Catalog, r.Clauses, r.Theme, r.Docs
	} else if err := s.loadParts(); err != nil {
		return nil, err
	}
	if s.SigningKey, err = signingKey(cfg); err != nil {
		return nil, err
	}
	// config.Load made sure that the history is a folder inside the site.
	hist := filepath.ToSlash(filepath.Clean(cfg.Site.Settings.History))
	s.HistoryDir = filepath.Join(opts.Source, hist)
	if reusesHistory(opts, cfg.Site, s.HistoryDir, hist) {
		s.History, s.Released = opts.Reuse.History, opts.Reuse.Released
		return s, nil
	}
	s.Released, err = history.LoadSigned(folder.Limit(assets.MaxHistoryFile, "a file of a released version"), hist, filepath.ToSlash(s.HistoryDir), s.SigningKey)
	s.History = history.Live(s.Released)
	return s, err
}

// signingKey parses [site] signing_key.
func signingKey(cfg *config.Loaded) (ed25519.PublicKey, error) {
	k := cfg.Site.Settings.SigningKey
	if k == "" {
		return nil, nil
	}
	key, err := history.ParsePublicKey(k)
	if err != nil {
		return nil, diag.List{diag.Errorf(cfg.Pos.Value("site.signing_key"), "site.signing_key: %v", err).
			WithHint("policygen keygen FILE writes a private key to FILE and prints the line for site.toml")}
	}
	return key, nil
}

// Drafted reports whether a render with draft set shows drafts:
// unreleased text, or a site with no released version. The texts it
// compares are those the render rendered, kept in the site's cache.
func (s *Site) Drafted(draft bool) (bool, error) {
	st, err := s.status(draft)
	if err != nil {
		return false, err
	}
	return st.draft != nil, nil
}

// readSiteFile opens the site folder and reads its site.toml.
func readSiteFile(dir string) (*assets.Folder, []byte, error) {
	file := filepath.Join(dir, SiteFile)
	folder, err := assets.OpenFolder(dir)
	var src []byte
	if err == nil {
		src, err = folder.Limit(assets.MaxSiteFile, SiteFile).ReadFile(SiteFile)
	}
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, diag.List{diag.Errorf(diag.Pos{File: file}, "no %s in %s", SiteFile, dir).
			WithHint("run policygen init to create one, or point -s at the site folder")}
	}
	if err != nil {
		return nil, nil, diag.List{diag.AtFile(file, err)}
	}
	return folder, src, nil
}

// loadParts loads locales, theme and clauses, collecting the errors of all.
func (s *Site) loadParts() error {
	langs := s.Config.Site.Settings.Languages
	var errs diag.List
	catalog, err := locale.Load(s.Files, langs)
	if err != nil {
		return err // clauses need the messages to parse
	}
	s.Catalog = catalog
	if s.Theme, err = theme.Load(s.Files, s.Config.Site.Settings.Theme); err != nil {
		errs = append(errs, diag.Errors(err)...)
	}
	disabled := s.Config.Site.Settings.DisableClauses
	for i, id := range disabled {
		if !clause.HasID(s.Files, id) {
			errs.Addf(s.Config.Pos.Value(config.Path("site.disable_clauses", i)), "no clause has the id %q", id).
				WithHint("clause ids are the file names without number and language, such as \"dpo\" for 020-dpo.en.md")
		}
	}
	if s.Clauses, err = clause.Load(s.Files, catalog, langs, disabled); err != nil {
		errs = append(errs, diag.Errors(err)...)
	}
	if err := errs.Err(); err != nil {
		return err
	}
	s.Docs = orderDocs(s.Clauses.Docs)
	return s.checkSlugs()
}

// orderDocs puts the privacy policy first and the cookie policy second,
// then any added document in name order.
func orderDocs(docs []string) []string {
	rank := map[string]int{"privacy": 0, "cookies": 1}
	out := append([]string(nil), docs...)
	sort.SliceStable(out, func(i, j int) bool {
		ri, iok := rank[out[i]]
		rj, jok := rank[out[j]]
		switch {
		case iok && jok:
			return ri < rj
		case iok != jok:
			return iok
		}
		return out[i] < out[j]
	})
	return out
}

// checkSlugs makes sure every document has a slug and a title in every
// language, and that no two documents share a slug.
func (s *Site) checkSlugs() error {
	var errs diag.List
	for _, lang := range s.Config.Site.Settings.Languages {
		l := s.Catalog.Lang(lang)
		seen := map[string]string{}
		for _, doc := range s.Docs {
			for _, id := range []string{"slug." + doc, "document." + doc} {
				if _, err := l.T(id, nil, nil); err != nil {
					errs.Addf(diag.Pos{File: s.Files.Describe("locales/" + lang + ".toml")}, "document %q needs the message %q", doc, id).
						WithHint("add it to locales/%s.toml in the site folder", lang)
				}
			}
			slug := l.TOrID("slug."+doc, nil)
			if prev, dup := seen[slug]; dup {
				errs.Addf(diag.Pos{File: s.Files.Describe("locales/" + lang + ".toml")}, "documents %q and %q have the same slug %q", prev, doc, slug)
			}
			seen[slug] = doc
		}
	}
	return errs.Err()
}
