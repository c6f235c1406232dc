package site

import (
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
func (s *Site) docVersions() map[string][]*history.Version {
	of := map[string][]*history.Version{}
	for _, doc := range s.Docs {
		for _, lang := range s.langs() {
			key := doc + "/" + lang
			prev, had := "", false
			for _, v := range s.History {
				md, ok := v.Markdown(doc, lang)
				if ok && (!had || !sameText(prev, md)) {
					of[key] = append(of[key], v)
				}
				prev, had = md, ok
			}
		}
	}
	return of
}

// sameText reports whether two released Markdown texts of a document read
// the same. It is the one place versions are compared for what a reader
// sees.
func sameText(a, b string) bool { return a == b }

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
