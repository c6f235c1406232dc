// Package largesite writes a large site folder for tests and benchmarks:
// three languages, 60 activities, 200 processors (a third outside the
// EEA), 500 trackers, 40 retention rules and a history of released
// versions, each changing a few things as a real site's versions do (a
// processor added or removed, a retention period changed, trackers added
// or removed). The site is generated from a fixed seed, so the same
// number of versions always gives the same files.
package largesite

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"time"

	"github.com/policygen/policygen/generator/site"
)

// The size of the site before its versions change it.
const (
	Languages   = 3
	Activities  = 60
	Processors  = 200
	Trackers    = 500
	Retention   = 40
	MaxVersions = 1300 // weekly versions from 2001 stay before BuildDate
)

const seed = 20250301

// firstVersion is the date of the first version; each next one is a week
// later.
var firstVersion = time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC)

// BuildDate is a build date after every version Write releases, so that
// the newest one is in force.
func BuildDate() time.Time { return time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC) }

// VersionDate is the date of version k, counted from 0.
func VersionDate(k int) time.Time { return firstVersion.AddDate(0, 0, 7*k) }

// Write writes site.toml into dir and releases versions versions of it
// into dir/history, as policygen release does after each edit. With no
// versions the site has no [[change]] and builds as a draft.
func Write(dir string, versions int) error {
	file := filepath.Join(dir, site.SiteFile)
	if versions == 0 {
		return sources(0, func(src []byte) error { return os.WriteFile(file, src, 0o644) })
	}
	var rel *releaser
	var batch [][]byte
	err := sources(versions, func(src []byte) error {
		if err := os.WriteFile(file, src, 0o644); err != nil {
			return err
		}
		var err error
		if rel == nil { // the workers load the site of the first version
			if rel, err = newReleaser(dir, filepath.Join(dir, "history")); err != nil {
				return err
			}
		}
		if batch = append(batch, src); len(batch) == 4*len(rel.sites) {
			err = rel.release(file, batch)
			batch = batch[:0]
		}
		return err
	})
	if err != nil || len(batch) == 0 {
		return err
	}
	return rel.release(file, batch)
}

// sources calls f with the site.toml of each version, oldest first, or
// once with the site.toml without versions.
func sources(versions int, f func(src []byte) error) error {
	if versions < 0 || versions > MaxVersions {
		return fmt.Errorf("largesite: %d versions; at most %d", versions, MaxVersions)
	}
	r := rand.New(rand.NewPCG(seed, seed))
	s := baseSite(r)
	if versions == 0 {
		return f(s.toml())
	}
	for k := range versions {
		if k > 0 {
			s.evolve(r)
		}
		s.changes = append(s.changes, newChange(k))
		if err := f(s.toml()); err != nil {
			return err
		}
	}
	return nil
}

// newChange is the [[change]] of version k; every third has a note, the
// others show the summary generated from the data.
func newChange(k int) change {
	c := change{date: VersionDate(k).Format(time.DateOnly)}
	if k%3 == 0 {
		n := notes[(k/3)%len(notes)]
		c.note = &n
	}
	return c
}
