package site

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/policygen/policygen/generator/diag"
	"github.com/policygen/policygen/generator/history"
)

// MaxVerifiedFile is the size of the largest file verify reads; a page of
// a large site is a few hundred kilobytes.
const MaxVerifiedFile = 64 << 20

// Verify checks a folder of built pages, such as a deployed copy, against
// the site's history: every page, feed and policy.json must name the
// newest manifest's SHA-256 (one naming an older version's is a stale
// deploy), and the text of every released version's page (its articles,
// see articles) must be the text its version renders, and no such page
// may be missing. It returns the problems and how many files it checked.
func (s *Site) Verify(dir string) (diag.List, int, error) {
	head := s.head()
	if head == "" {
		return diag.List{diag.Errorf(diag.Pos{File: s.Config.File}, "the site has no released version: there is no history to verify against").
			WithHint("run policygen verify in the site folder whose history the pages were built from (-s DIR)")}, 0, nil
	}
	heads := map[string]string{}
	for _, v := range s.Released {
		heads[history.Hash(v.Manifest)] = v.Name()
	}
	frozen, err := s.frozenArticles()
	if err != nil {
		return nil, 0, err
	}
	var errs diag.List
	checked := 0
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if !d.Type().IsRegular() || !(strings.HasSuffix(rel, ".html") || strings.HasSuffix(rel, ".xml") || rel == "policy.json") {
			return nil
		}
		checked++
		errs = append(errs, verifyFile(p, rel, d, head, heads, frozen)...)
		return nil
	})
	for rel := range frozen {
		errs.Addf(diag.Pos{File: filepath.Join(dir, filepath.FromSlash(rel))}, "page of the released version %s is missing", strings.Split(rel, "/")[2]).
			WithHint("build and deploy again: every released version has its page")
	}
	return errs, checked, err
}

// verifyFile checks one file of a deployed copy at p (rel in the copy):
// the history digest it names, and the text of a released version's page,
// which it takes out of frozen.
func verifyFile(p, rel string, d fs.DirEntry, head string, heads map[string]string, frozen map[string][][]byte) diag.List {
	var errs diag.List
	pos := diag.Pos{File: p}
	data, err := readVerified(p, d)
	if err != nil {
		errs.Addf(pos, "%v", err)
		return errs
	}
	digest, texts := readDeployed(rel, data)
	checkHead(&errs, pos, digest, head, heads)
	if want, ok := frozen[rel]; ok {
		delete(frozen, rel)
		if !slices.EqualFunc(texts, want, bytes.Equal) {
			errs.Addf(pos, "the text of the released version %s is not the text its version renders", strings.Split(rel, "/")[2]).
				WithHint("the page was edited after the build, or built with other clauses, messages or theme: build it again from the history")
		}
	}
	return errs
}

// readVerified reads a file of a deployed copy, refusing what is too large
// to be a page.
func readVerified(p string, d fs.DirEntry) ([]byte, error) {
	info, err := d.Info()
	if err != nil {
		return nil, err
	}
	if info.Size() > MaxVerifiedFile {
		return nil, errTooLarge
	}
	return os.ReadFile(p)
}

var errTooLarge = errors.New("file is larger than 64 MB: not a page policygen writes")

func checkHead(errs *diag.List, pos diag.Pos, got, head string, heads map[string]string) {
	switch name, known := heads[got]; {
	case got == head:
	case got == "":
		errs.Addf(pos, "names no history digest").
			WithHint("it was not built by policygen from a released history, or was edited: build and deploy again")
	case known:
		errs.Addf(pos, "was built from an older history, whose newest version was %s: a stale deploy", name).
			WithHint("build and deploy again: the newest version is %s", heads[head])
	default:
		errs.Addf(pos, "names the history digest %s, which this history does not have", got).
			WithHint("it was built from another history, or from one that was rewritten since: compare with version control")
	}
}

// frozenArticles renders the site in memory and returns the articles (the
// text, see articles) of each released version's page, by path.
func (s *Site) frozenArticles() (map[string][][]byte, error) {
	pages := map[string][][]byte{}
	var mu sync.Mutex
	err := s.RenderTo(true, func(name string, data []byte) error {
		parts := strings.Split(name, "/")
		if len(parts) != 4 || parts[3] != "index.html" || !s.hasVersionPage(parts[2]) {
			return nil
		}
		_, texts, err := readPage(data)
		if err != nil {
			return fmt.Errorf("reading the rendered page %s: %w", name, err)
		}
		mu.Lock()
		defer mu.Unlock()
		pages[name] = texts
		return nil
	})
	return pages, err
}

// hasVersionPage reports whether name is the folder of a released version.
func (s *Site) hasVersionPage(name string) bool {
	return s.released(name) != nil
}
