package diff

import (
	"slices"

	"github.com/policygen/policygen/generator/config"
	"github.com/policygen/policygen/generator/legal"
)

// Fact is one thing that changed in the data between two site models: the
// id of the message that says it (under summary.) and the values the
// message needs. Values keep their types from the model (config.Country,
// config.LegalBasis, Period …) so that Localize can put each in the
// language.
type Fact struct {
	ID     string
	Values map[string]any
	Docs   Docs // the documents whose text shows it; see FactsFor

	// Lang is the one language whose text shows the fact, such as a
	// title changed in Dutch only; empty for all.
	Lang string
}

// In reports whether the fact is said in the language lang.
func (f Fact) In(lang string) bool { return f.Lang == "" || f.Lang == lang }

// Period is a retention period with the event it runs from.
type Period struct {
	Period config.Duration
	After  config.Trigger
}

// Category is a data category: a built-in one by its id, a site's own one
// with the label given under [data.ID].
type Category struct {
	ID    config.ID
	Label config.LocalizedText
}

// Categories are the data categories of a retention rule; they localize as
// a list.
type Categories []Category

// Titles are the titles of purposes; they localize as a list, each in
// quotation marks.
type Titles []config.LocalizedText

// Fields names the contact details that changed: "name", "address",
// "email", "phone".
type Fields []string

// Summarize compares two site models and returns what changed in the data,
// in a stable order: purposes and their legal bases, recipients, retention,
// trackers, the controller's contact details and the data protection
// officer, then the sections a site may have or not; within each, in the
// order of the site (of the old one for what was removed). Each fact names
// the documents that show it (FactsFor picks a document's). A document whose
// part of the model changed in a way no fact describes, such as the data
// categories of a purpose, gets the fact "summary.other_changes", so that
// an empty summary means that only the wording changed. lf tells whether a
// recipient's country is safe; the caller loads it once per build.
func Summarize(lf *legal.Facts, old, new *config.Site) []Fact {
	old, new = orEmpty(old), orEmpty(new)
	var facts []Fact
	facts = append(facts, activityFacts(old, new)...)
	facts = append(facts, recipientFacts(lf, old, new)...)
	facts = append(facts, retentionFacts(old, new)...)
	facts = append(facts, trackerFacts(old, new)...)
	facts = append(facts, contactFacts(old, new)...)
	facts = append(facts, sectionFacts(old, new)...)
	facts = append(facts, detailFacts(old, new)...)
	return append(facts, otherChanges(facts, old, new)...)
}

func orEmpty(s *config.Site) *config.Site {
	if s == nil {
		return &config.Site{}
	}
	return s
}

// diffByKey returns the elements of new whose key is not in old, and those
// of old whose key is not in new, each in its own order.
func diffByKey[T any, K comparable](old, new []T, key func(T) K) (added, removed []T) {
	keys := func(list []T) map[K]bool {
		m := make(map[K]bool, len(list))
		for _, t := range list {
			m[key(t)] = true
		}
		return m
	}
	inOld, inNew := keys(old), keys(new)
	for _, t := range new {
		if !inOld[key(t)] {
			added = append(added, t)
		}
	}
	for _, t := range old {
		if !inNew[key(t)] {
			removed = append(removed, t)
		}
	}
	return added, removed
}

// find returns the element of list with the key, if any.
func find[T any, K comparable](list []T, k K, key func(T) K) (T, bool) {
	i := slices.IndexFunc(list, func(t T) bool { return key(t) == k })
	if i < 0 {
		var zero T
		return zero, false
	}
	return list[i], true
}
