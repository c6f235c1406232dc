// Package trackers is policygen's knowledge base of real trackers: the
// cookies and storage keys of the Open Cookie Database, with the platform
// that sets each, its category mapped onto policygen's, its typical
// retention, its controller and the controller's privacy page. The data is
// embedded as trackers.tsv, generated from the database's facts by
// `go generate ./generator/trackers` (see README.md for its source,
// licence and refresh), and parsed on first use, so a build that never
// asks pays nothing.
package trackers

import (
	_ "embed"
	"slices"
	"strings"
	"sync"

	"github.com/policygen/policygen/generator/config"
)

//go:generate go run ./internal/gen -in ../../../shared/data/open-cookie-database-facts.csv -out trackers.tsv

//go:embed trackers.tsv
var table []byte

// attribution names the data trackers.tsv is derived from; update it with
// README.md when the table is refreshed from a newer release.
const attribution = "Open Cookie Database (jkwakman/Open-Cookie-Database), commit 0ee5a17, January 2026; Apache License 2.0"

// Source is the attribution of the embedded data, one line, for
// `policygen version --credits`.
func Source() string { return "Tracker knowledge base: " + attribution }

// Entry is one row of the database: a cookie or storage key as one
// platform sets it.
type Entry struct {
	Name           string          // the cookie or key name; with Pattern, the prefix of the names
	Pattern        bool            // Name is a prefix: "_gac_" stands for "_gac_UA-123"
	Platform       string          // the product that sets it: "Google Analytics"
	Controller     string          // who controls the data: "Google"
	PrivacyURL     string          // the controller's privacy page; may be empty
	Domain         string          // the domain as the database writes it: loose, often empty
	Hosts          []string        // the host names read from Domain, lowercase, without a leading dot
	Category       config.Category // mapped by MapCategory
	SourceCategory string          // as the database names it: "Functional", "Security", "Analytics", …
	Retention      Retention
}

// base is the parsed table with its indexes, read-only once built.
type base struct {
	entries  []Entry
	exact    map[string][]int // name: rows with that name, non-patterns first
	patterns map[string][]int // pattern name: rows
	hosts    map[string][]int // host: rows that list it
}

// loaded parses the embedded table on first use. The table is generated
// and tested, so an error in it is a broken build, not a user's problem.
var loaded = sync.OnceValue(func() *base {
	entries, err := readTable(table)
	if err != nil {
		panic(err)
	}
	return newBase(entries)
})

func newBase(entries []Entry) *base {
	b := &base{entries: entries, exact: map[string][]int{}, patterns: map[string][]int{}, hosts: map[string][]int{}}
	for i, e := range entries {
		if e.Pattern {
			b.patterns[e.Name] = append(b.patterns[e.Name], i)
		} else {
			b.exact[e.Name] = append(b.exact[e.Name], i)
		}
		for _, h := range e.Hosts {
			b.hosts[h] = append(b.hosts[h], i)
		}
	}
	for name, rows := range b.patterns { // a pattern matches its own name, after the rows of that name
		b.exact[name] = append(b.exact[name], rows...)
	}
	return b
}

// Entries returns every row of the knowledge base, sorted by name and
// then platform.
func Entries() []Entry {
	b := loaded()
	rows := make([]int, len(b.entries))
	for i := range rows {
		rows[i] = i
	}
	return b.list(rows)
}

// Lookup returns the entry for a cookie or storage-key name: the first of
// LookupAll. Names are case-sensitive, as cookie names are.
func Lookup(name string) (Entry, bool) {
	all := LookupAll(name)
	if len(all) == 0 {
		return Entry{}, false
	}
	return all[0], true
}

// LookupAll returns every entry that matches name, best first: rows of
// exactly that name (rows that are not patterns before those that are),
// then patterns that are a prefix of name, longest first. Rows that rank
// the same, such as one cookie name used by two platforms, come in the
// order of the table, by platform name; callers that must not pick one
// should check for more than one. A pattern match is only as good as the
// database's prefix, and some are short ("tp", "_s"): Entry.Pattern says
// which kind of match it is.
func LookupAll(name string) []Entry {
	b := loaded()
	rows := slices.Clone(b.exact[name])
	for i := len(name) - 1; i > 0; i-- {
		rows = append(rows, b.patterns[name[:i]]...)
	}
	return b.list(rows)
}

// ForDomain returns the entries whose domain lists host or a domain host
// belongs to (a listed ".example.com" or "example.com" covers
// "www.example.com"), the most specific listed domain first. It knows
// only what the database's domain column says, which is empty for about
// half of the rows (first-party cookies mostly, but also many third-party
// ones) and loose elsewhere; an empty result does not mean a host sets
// nothing.
func ForDomain(host string) []Entry {
	b := loaded()
	host = strings.Trim(strings.ToLower(host), ".")
	var rows []int
	for host != "" {
		rows = append(rows, b.hosts[host]...)
		_, host, _ = strings.Cut(host, ".")
	}
	return b.list(uniq(rows))
}

// uniq drops repeated rows, keeping the first of each.
func uniq(rows []int) []int {
	seen := map[int]bool{}
	return slices.DeleteFunc(rows, func(r int) bool {
		if seen[r] {
			return true
		}
		seen[r] = true
		return false
	})
}

// list returns the entries of rows, copied so that callers cannot change
// the table; nil for no rows.
func (b *base) list(rows []int) []Entry {
	if len(rows) == 0 {
		return nil
	}
	out := make([]Entry, 0, len(rows))
	for _, r := range rows {
		e := b.entries[r]
		e.Hosts = slices.Clone(e.Hosts)
		out = append(out, e)
	}
	return out
}
