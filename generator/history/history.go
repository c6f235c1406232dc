// Package history owns released versions: one folder per version under the
// site's history folder, named by the date the version takes effect (and a
// revision number for a revision of an announced version, see Live), holding
// the rendered Markdown of every document in every language, the normalized
// model as JSON, and a manifest with the SHA-256 of each file and of the
// previous version's manifest, so that the versions form a hash chain.
//
// Released versions are immutable: this package reads and verifies them and
// adds new ones atomically, and has no operation that changes one.
package history

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/policygen/policygen/generator/config"
)

// ManifestFile and ModelFile are the fixed files of a version folder.
const (
	ManifestFile = "manifest.toml"
	ModelFile    = "model.json"
)

// Version is one released version of the site's text.
type Version struct {
	Date     time.Time
	Note     config.LocalizedText
	Dir      string                       // the version folder, as messages name it
	Docs     map[string]map[string]string // document -> language -> Markdown
	Model    []byte                       // model.json
	Manifest []byte                       // manifest.toml as written
	Revises  string                       // the name of the version this one revises, or ""
	Released time.Time                    // the date it was released; zero for versions released before policygen recorded it

	name       string   // the folder name; "" for the date's
	previous   string   // the manifest's previous
	mismatched []string // files whose SHA-256 is not the manifest's
	signature  []byte   // manifest.sig, or nil
}

// Name is the version's folder name and URL segment: its date, and for a
// revision its revision number ("2027-01-01.2").
func (v *Version) Name() string {
	if v.name != "" {
		return v.name
	}
	return v.Date.Format(time.DateOnly)
}

// Site decodes the version's model snapshot.
func (v *Version) Site() (*config.Site, error) {
	s, err := DecodeModel(v.Model)
	if err != nil {
		return nil, fmt.Errorf("%s/%s: %w", v.Dir, ModelFile, err)
	}
	return s, nil
}

// Markdown returns the text of a document in a language, and whether the
// version has it.
func (v *Version) Markdown(doc, lang string) (string, bool) {
	md, ok := v.Docs[doc][lang]
	return md, ok
}

// DocFile is the file name of a document's Markdown in a language.
func DocFile(doc, lang string) string { return doc + "." + lang + ".md" }

func isDocFile(name string) bool {
	_, _, ok := parseDocFile(name)
	return ok
}

// parseDocFile reads document and language from a DocFile name.
func parseDocFile(name string) (doc, lang string, ok bool) {
	base, found := strings.CutSuffix(name, ".md")
	if !found {
		return "", "", false
	}
	i := strings.LastIndexByte(base, '.')
	if i <= 0 || i == len(base)-1 {
		return "", "", false
	}
	return base[:i], base[i+1:], true
}

// Hash is the SHA-256 of data as written in manifests: "sha256:" and hex.
func Hash(data []byte) string {
	sum := sha256.Sum256(data)
	return "sha256:" + hex.EncodeToString(sum[:])
}

// Sort orders versions by date, oldest first, and the versions of a date
// by revision number.
func Sort(vs []*Version) {
	sort.SliceStable(vs, func(i, j int) bool {
		if !vs[i].Date.Equal(vs[j].Date) {
			return vs[i].Date.Before(vs[j].Date)
		}
		return vs[i].Revision() < vs[j].Revision()
	})
}

// Newest returns the last of versions, or nil: of the versions Load
// returns, the newest released, the head of the chain.
func Newest(vs []*Version) *Version {
	if len(vs) == 0 {
		return nil
	}
	return vs[len(vs)-1]
}

// EffectiveOn returns the newest version dated on or before date, or nil.
func EffectiveOn(vs []*Version, date time.Time) *Version {
	var cur *Version
	for _, v := range vs {
		if !v.Date.After(date) {
			cur = v
		}
	}
	return cur
}
