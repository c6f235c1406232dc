package main

import (
	"fmt"
	"path/filepath"

	"github.com/policygen/policygen/generator/build"
	"github.com/policygen/policygen/generator/history"
)

const releaseHelp = `Usage: policygen release [flags]

Freezes the text as the version of the oldest [[change]] entry in site.toml
that has not been released and is dated after the newest version (oldest
first, so that no entry is left behind for good): the Markdown of every document in every
language and the model are written to history/DATE/ with a manifest of
their SHA-256 hashes, chained to the previous version. A released version is
never rewritten. Nothing is written when there is no new [[change]] entry,
when its date is not later than the newest version, or when the text has not
changed.

Flags:
  -s, --source DIR    site folder holding site.toml (default ".")
  -q, --quiet         print nothing but errors
`

func runRelease(e *env, args []string) int {
	var f siteFlags
	fs := flagSet(e, "release", releaseHelp)
	fs.StringVar(&f.source, "s", ".", "site folder")
	fs.StringVar(&f.source, "source", ".", "site folder")
	fs.BoolVar(&f.quiet, "q", false, "print nothing but errors")
	fs.BoolVar(&f.quiet, "quiet", false, "print nothing but errors")
	if code, ok := parse(e, fs, args); !ok {
		return code
	}
	site, err := build.Load(f.options(e))
	if err != nil {
		return report(e, err)
	}
	if !historyLeftovers(e, "release", site, true, f.quiet) {
		return exitSite
	}
	v, prev, err := site.Release()
	if err != nil {
		return report(e, err)
	}
	if f.quiet {
		return exitOK
	}
	fmt.Fprintf(e.stdout, "Released the version of %s into %s\n", v.Name(), filepath.Join(site.HistoryDir, v.Name()))
	for _, d := range site.PendingChanges() {
		if d > v.Name() {
			fmt.Fprintf(e.stdout, "The change dated %s is not released yet: release it once site.toml holds the text it describes\n", d)
		}
	}
	if prev == nil {
		return exitOK
	}
	lines, err := site.Summary(prev, v, site.Config.Site.Site.Languages[0])
	if err != nil {
		return report(e, err)
	}
	fmt.Fprintf(e.stdout, "What changed since %s:\n", prev.Name())
	for _, l := range lines {
		fmt.Fprintf(e.stdout, "  - %s\n", l)
	}
	return exitOK
}

// historyLeftovers prints what interrupted releases left in the history
// folder and, with remove, removes what it can prove was theirs. It
// reports whether the command may go on.
func historyLeftovers(e *env, command string, site *build.Site, remove, quiet bool) bool {
	notes, err := history.Leftovers(site.HistoryDir, remove)
	for _, n := range notes {
		if !quiet {
			fmt.Fprintf(e.stderr, "policygen %s: %s\n", command, n)
		}
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "policygen %s: %v\n", command, err)
		return false
	}
	return true
}
