package site

import (
	"html/template"
	"slices"
	"time"

	"github.com/policygen/policygen/generator/config"
	"github.com/policygen/policygen/generator/diff"
	"github.com/policygen/policygen/generator/history"
	"github.com/policygen/policygen/generator/internal/work"
	"github.com/policygen/policygen/generator/theme"
)

// changelog is a document's changelog in one language: every version of
// its own (versions, oldest first), newest first, with its note and the
// summary of what changed.
func (s *Site) changelog(st *status, versions []*history.Version, doc, lang string) (*theme.Changelog, error) {
	cl := &theme.Changelog{Chrome: s.chrome(doc, lang, "changes/", "")}
	cl.Title = s.Catalog.Lang(lang).TOrID("version.changelog", nil) + ": " + cl.DocTitle
	cl.Alternates = s.alternates(doc, lang, "changes/", func(string) bool { return true })
	for i := len(versions) - 1; i >= 0; i-- {
		v := versions[i]
		e := theme.Entry{Date: s.date(lang, v.Date), Name: v.Name(), Day: v.Date.Format(time.DateOnly), Issued: issuedDay(v), Status: s.statusOf(st, v, doc, lang), Note: v.Note.In(lang), TextURL: "../" + v.Name() + "/"}
		if e.Status == "past" {
			e.Until = s.date(lang, st.nextOf(v, doc, lang).Date)
		}
		s.noteRevision(&e, v, lang)
		if i > 0 {
			summary, err := s.Summary(versions[i-1], v, doc, lang)
			if err != nil {
				return nil, err
			}
			e.DiffURL, e.Summary = v.Name()+"/", summary
		}
		cl.Entries = append(cl.Entries, e)
	}
	return cl, nil
}

func (s *Site) changelogPage(st *status, versions []*history.Version, doc, lang string) ([]byte, error) {
	cl, err := s.changelog(st, versions, doc, lang)
	if err != nil {
		return nil, err
	}
	return s.Theme.Execute("changes.html", cl, s.Limits)
}

func (s *Site) changelogFeed(st *status, versions []*history.Version, doc, lang string) ([]byte, error) {
	cl, err := s.changelog(st, versions, doc, lang)
	if err != nil {
		return nil, err
	}
	return s.feed(cl, doc, lang)
}

// statusOf says whether v, a version of the document's own, is the one in
// force, an upcoming or a past one.
func (s *Site) statusOf(st *status, v *history.Version, doc, lang string) string {
	switch {
	case v == st.inForce(doc, lang):
		return "current"
	case v.Date.After(s.Date):
		return "upcoming"
	}
	return "past"
}

// Summary localizes what changed in the data between two versions, as
// far as the document doc shows it.
func (s *Site) Summary(prev, v *history.Version, doc, lang string) ([]string, error) {
	facts, err := s.facts(prev, v)
	if err != nil {
		return nil, err
	}
	return cached(s.cache, summaryKey{string(prev.Manifest), string(v.Manifest), doc, lang}, func() ([]string, error) {
		lines, err := s.localize(diff.FactsFor(facts, doc), lang)
		if err != nil {
			return nil, err
		}
		return append(lines, s.changedSections(prev, v, doc, lang)...), nil
	})
}

// facts returns what changed in the data between two versions, decoding
// their models unless prepareSummaries has done so already. A version's
// manifest names it: it holds the hashes of all its files.
func (s *Site) facts(prev, v *history.Version) ([]diff.Fact, error) {
	return cached(s.cache, factsOf(prev, v), func() ([]diff.Fact, error) {
		old, err := s.snapshots.site(prev)
		if err != nil {
			return nil, err
		}
		cur, err := s.snapshots.site(v)
		if err != nil {
			return nil, err
		}
		return s.summarizeSites(old, cur), nil
	})
}

func factsOf(prev, v *history.Version) factsKey {
	return factsKey{string(prev.Manifest), string(v.Manifest)}
}

// prepareSummaries computes what changed in the data from each released
// version to the next, before the pages ask for it. Decoding a model is
// the costly part and every version is both sides of two pairs, so the
// versions are cut into one run per worker, and each run decodes each of
// its models once (with s.snapshots, which decodes each element of the
// lists once) and keeps no more than two at a time. Pairs whose facts
// are cached already (serve's frozen versions) decode nothing.
func (s *Site) prepareSummaries(st *status) {
	var todo []int // pairs (i-1, i) not yet in the cache
	for i := 1; i < len(st.versions); i++ {
		if !has(s.cache, factsOf(st.versions[i-1], st.versions[i])) {
			todo = append(todo, i)
		}
	}
	runs := min(s.workers(), len(todo))
	work.Parallel(runs, runs, func(r int) {
		var prevSite *config.Site
		prevIndex := -1
		for _, i := range todo[r*len(todo)/runs : (r+1)*len(todo)/runs] {
			prev, v := st.versions[i-1], st.versions[i]
			old := prevSite
			if prevIndex != i-1 {
				var err error
				if old, err = s.snapshots.site(prev); err != nil {
					return // the pages that need the summary report it
				}
			}
			cur, err := s.snapshots.site(v)
			if err != nil {
				return
			}
			_, _ = cached(s.cache, factsOf(prev, v), func() ([]diff.Fact, error) { return s.summarizeSites(old, cur), nil })
			prevSite, prevIndex = cur, i
		}
	})
}

// summarize localizes what changed in the data between two site models,
// as far as the document doc shows it.
func (s *Site) summarize(old, cur *config.Site, doc, lang string) ([]string, error) {
	return s.localize(diff.FactsFor(s.summarizeSites(old, cur), doc), lang)
}

// localize says a document's facts in a language, one line each; none say
// that only the wording changed.
func (s *Site) localize(facts []diff.Fact, lang string) ([]string, error) {
	l := s.Catalog.Lang(lang)
	facts = slices.DeleteFunc(slices.Clone(facts), func(f diff.Fact) bool { return !f.In(lang) })
	if len(facts) == 0 {
		return []string{l.TOrID("summary.wording_only", nil)}, nil
	}
	out := make([]string, 0, len(facts))
	for _, f := range facts {
		line, err := f.Localize(l)
		if err != nil {
			return nil, err
		}
		out = append(out, line)
	}
	return out, nil
}

// diffPage renders the page comparing v with the document's own version
// before it, prev.
func (s *Site) diffPage(st *status, prev, v *history.Version, doc, lang string) ([]byte, error) {
	summary, err := s.Summary(prev, v, doc, lang)
	if err != nil {
		return nil, err
	}
	oldMD, _ := prev.Markdown(doc, lang)
	newMD, _ := v.Markdown(doc, lang)
	sub := "changes/" + v.Name() + "/"
	d := &theme.Diff{
		Chrome: s.chrome(doc, lang, sub, ""), Date: s.date(lang, v.Date), PrevDate: s.date(lang, prev.Date),
		Summary: summary, Body: s.diffBody(s.scope(doc, lang), oldMD, newMD, lang),
		TextURL: "../../" + v.Name() + "/", PrevURL: "../../" + prev.Name() + "/",
	}
	d.Title = s.Catalog.Lang(lang).TOrID("version.diff_title", map[string]any{"Date": d.Date}) + ": " + d.DocTitle
	d.Alternates = s.alternates(doc, lang, sub, func(other string) bool {
		own := st.own(doc, other)
		return st.hasOwn(v.Name(), doc, other) && own[0] != v // the other language has a diff page of v
	})
	return s.Theme.Execute("diff.html", d, s.Limits)
}

// changedSections is the summary's last line: the sections whose text
// changed, as the diff page shows them, whether or not the data did (a
// commitment reworded is a change a reader must find), or nothing.
func (s *Site) changedSections(prev, v *history.Version, doc, lang string) []string {
	oldMD, _ := prev.Markdown(doc, lang)
	newMD, _ := v.Markdown(doc, lang)
	sections := s.textDiff(s.scope(doc, lang), oldMD, newMD).ChangedSections()
	if len(sections) == 0 {
		return nil
	}
	l := s.Catalog.Lang(lang)
	for i, sec := range sections {
		sections[i] = l.TOrID("summary.quoted", map[string]any{"Text": sec})
	}
	return []string{l.TOrID("summary.sections_changed", map[string]any{"Sections": l.List(sections)})}
}

// textDiff compares two Markdown texts once per scope.
func (s *Site) textDiff(sc *scope, oldMD, newMD string) *diff.Result {
	r, _ := cached(sc.cache.Load(), resultKey{oldMD, newMD}, func() (*diff.Result, error) {
		return sc.differ.Load().Compare(oldMD, newMD), nil
	})
	return r
}

// diffBody renders the text diff of two Markdown texts, once per pair.
func (s *Site) diffBody(sc *scope, oldMD, newMD, lang string) template.HTML {
	body, _ := cached(sc.cache.Load(), diffKey{oldMD, newMD, lang}, func() (template.HTML, error) {
		l := s.Catalog.Lang(lang)
		collapsed := func(n int) string {
			msg, err := l.T("version.unchanged", n, nil)
			if err != nil {
				return "…"
			}
			return msg
		}
		return template.HTML(s.textDiff(sc, oldMD, newMD).HTML(collapsed)), nil
	})
	return body
}

// summarizeSites is what changed in the data between two site models. An
// address line that only names the country, which snapshots released
// before the pages added it themselves still hold, is no change.
func (s *Site) summarizeSites(old, cur *config.Site) []diff.Fact {
	return diff.Summarize(s.Facts, config.WithoutCountryLines(old, s.Facts), config.WithoutCountryLines(cur, s.Facts))
}

// issuedDay is the day v was released, as its manifest records it, or "".
func issuedDay(v *history.Version) string {
	if v.Released.IsZero() {
		return ""
	}
	return v.Released.Format(time.DateOnly)
}
