package site

import (
	"strings"
	"time"

	"github.com/policygen/policygen/generator/history"
)

// A release freezes every document, but a document whose text did not
// change gets no version of its own: its pages, changelog, diff pages and
// feed skip that date, and its current page keeps the date its text took
// effect. The history stays as release wrote it; this is what pages show.

// docVersions lists, for each document in each language ("doc/lang"), its
// own versions, oldest first: the released versions that have it and whose
// text differs from the one before (sameText). A version that lacks the
// document breaks the run: the next that has it is a version of its own.
// Comparing the texts reads every version, so a serve session does it
// once per history: the names are kept under the history's head.
func (s *Site) docVersions() map[string][]*history.Version {
	key := docVersionsKey{s.head(), strings.Join(s.Docs, ","), strings.Join(s.langs(), ",")}
	names, _ := cached(s.cache, key, func() (map[string][]string, error) { return s.ownVersionNames(), nil })
	of := make(map[string][]*history.Version, len(names))
	for k, list := range names {
		for _, name := range list {
			if i, ok := findVersion(s.History, name); ok {
				of[k] = append(of[k], s.History[i])
			}
		}
	}
	return of
}

// ownVersionNames compares the texts of the versions for docVersions.
func (s *Site) ownVersionNames() map[string][]string {
	of := map[string][]string{}
	for _, doc := range s.Docs {
		for _, lang := range s.langs() {
			key := doc + "/" + lang
			prev, had := "", false
			for _, v := range s.History {
				md, ok := v.Markdown(doc, lang)
				if ok && (!had || !sameText(prev, md)) {
					of[key] = append(of[key], v.Name())
				}
				prev, had = md, ok
			}
		}
	}
	return of
}

// own returns the versions of a document in a language, oldest first.
func (st *status) own(doc, lang string) []*history.Version { return st.of[doc+"/"+lang] }

// inForce returns the version of a document in a language in force on the
// build date, or nil.
func (st *status) inForce(doc, lang string) *history.Version {
	return history.EffectiveOn(st.own(doc, lang), st.date)
}

// upcomingOf returns the versions of a document in a language that take
// effect after the build date, oldest first.
func (st *status) upcomingOf(doc, lang string) []*history.Version {
	var out []*history.Version
	for _, v := range st.own(doc, lang) {
		if v.Date.After(st.date) {
			out = append(out, v)
		}
	}
	return out
}

// nextOf returns the version of a document in a language after v, or nil
// for its newest.
func (st *status) nextOf(v *history.Version, doc, lang string) *history.Version {
	own := st.own(doc, lang)
	i, ok := findVersion(own, v.Name())
	if !ok || i+1 == len(own) {
		return nil
	}
	return own[i+1]
}

// hasOwn reports whether a document in a language has a version of its own
// named name.
func (st *status) hasOwn(name, doc, lang string) bool {
	_, ok := findVersion(st.own(doc, lang), name)
	return ok
}

// ownAt returns the version of a document in a language in force on a
// date, or its first version for a date before all of them.
func (st *status) ownAt(doc, lang string, date time.Time) *history.Version {
	own := st.own(doc, lang)
	if v := history.EffectiveOn(own, date); v != nil {
		return v
	}
	if len(own) > 0 {
		return own[0]
	}
	return nil
}
