package site

import (
	"html/template"

	"github.com/policygen/policygen/generator/config"
	"github.com/policygen/policygen/generator/diff"
)

// A key names a value kept in a Cache by what it is computed from. Each
// kind of value has a key type of its own, whose value method (never
// called) names the type of the value: a lookup can neither find a value of
// another kind nor take one for a value of the wrong type. The strings of a
// key are the inputs themselves rather than digests of them, so that an
// equal text is never taken for another; a key refers to the texts it names
// and copies none of them. docs/caching.md gives each kind's lifetime.
type key[V any] interface {
	comparable
	value() V
}

// pageKey is a page that shows released versions only (see kept): its
// file name and what such pages show besides the versions (releasedKey).
type pageKey struct{ released, name string }

func (pageKey) value() []byte { return nil }

// clauseKey is a clause rendered over the model of a language (see
// clauseKeyOf): the clause file and its digest, the language, and the
// digests of the parts of site.toml it reads.
type clauseKey struct{ file, digest, lang, inputs string }

func (clauseKey) value() clauseResult { return clauseResult{} }

// digestKey is the digest of a field path of site.toml (see configDigest).
type digestKey struct{ path string }

func (digestKey) value() string { return "" }

// docVersionsKey is the names of each document's own versions in each
// language (docVersions): the history's head, the documents and the
// languages, joined.
type docVersionsKey struct{ head, docs, langs string }

func (docVersionsKey) value() map[string][]string { return nil }

// partKey is the HTML of a part of a section of a document's Markdown
// (markdown.AtHeadings) as a page up levels below the language folder
// shows it, given the documents' slugs (what links between documents
// resolve to), and for a part that links versions the history (named by
// its head, Site.head), which says where those links lead.
type partKey struct{ md, lang, up, slugs, history string }

func (partKey) value() string { return "" }

// resultKey is the comparison of two Markdown texts: the diff page shows
// it (diffKey) and the summary names the sections it found changed.
type resultKey struct{ old, new string }

func (resultKey) value() *diff.Result { return nil }

// diffKey is the text diff of two Markdown texts in a language.
type diffKey struct{ old, new, lang string }

func (diffKey) value() template.HTML { return "" }

// factsKey is what changed in the data between two released versions,
// named by their manifests; summaryKey the same for one document, localized.
type (
	factsKey   struct{ old, new string }
	summaryKey struct{ old, new, doc, lang string }
)

func (factsKey) value() []diff.Fact { return nil }
func (summaryKey) value() []string  { return nil }

// snapshotKey is the decoded model snapshot of a released version, named
// by its manifest.
type snapshotKey struct{ manifest string }

func (snapshotKey) value() *config.Site { return nil }

// modelFieldsKey is the top-level values of a released version's
// model.json, compacted (see modelFields), named by its manifest.
type modelFieldsKey struct{ manifest string }

func (modelFieldsKey) value() map[string][]byte { return nil }
