// Package sitetest holds what the tests of several packages share about
// sites: the site.toml fixtures in testdata/, a TOML encoder for a
// config.Site, and Edits, which changes every value of a site in turn so
// that a test of what depends on what cannot miss a field of config.Site.
// Only tests import it.
package sitetest

import (
	"embed"
	"path"
)

//go:embed testdata/*.toml
var fixtures embed.FS

// Fixture returns the site.toml of testdata/NAME.toml: "minimal" (a site
// that triggers none of the conditional items of Art. 13/14 GDPR), "full"
// (one that triggers every one), "every_field" and "outside_eea" (which
// between them set every key of site.toml). It
// returns "" for a name that has no file, which no site loads.
func Fixture(name string) string {
	data, err := fixtures.ReadFile(path.Join("testdata", name+".toml"))
	if err != nil {
		return ""
	}
	return string(data)
}

// EveryField are the fixtures that between them set every field of
// config.Site.
func EveryField() []string { return []string{"every_field", "outside_eea", "uk"} }
