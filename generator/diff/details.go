package diff

import (
	"reflect"
	"slices"

	"github.com/policygen/policygen/generator/config"
)

// detailFacts reports what changed of a purpose, a recipient, a retention
// rule or a tracker that both sites have and that no other fact says: a
// purpose renamed or processing other data, and, for the rest of what
// site.toml says of each (a description, an interest, whether the data
// are required …), that the information on it changed. A text that changed
// in some languages only is said in those: a Dutch title corrected is no
// news to the English reader.
func detailFacts(old, new *config.Site) []Fact {
	langs := new.Settings.Languages
	var facts []Fact
	activity := func(a config.Activity) config.ID { return a.ID }
	for _, a := range new.Activities {
		prev, ok := find(old.Activities, a.ID, activity)
		if !ok || reflect.DeepEqual(prev, a) { // most of a long history's elements stay as they were
			continue
		}
		facts = append(facts, perLanguage(langs, privacyOnly, "summary.purpose_renamed",
			map[string]any{"Old": prev.Title, "New": a.Title},
			func(lang string) bool { return prev.Title.In(lang) != a.Title.In(lang) })...)
		added, removed := diffByKey(prev.Data, a.Data, func(id config.ID) config.ID { return id })
		if len(added) > 0 {
			facts = append(facts, privacyFact("summary.purpose_data_added", map[string]any{"Title": a.Title, "Data": categories(new, added)}))
		}
		if len(removed) > 0 {
			facts = append(facts, privacyFact("summary.purpose_data_removed", map[string]any{"Title": a.Title, "Data": categories(old, removed)}))
		}
		// A recipient added to or removed from the site is said as such,
		// not as a change of each purpose it serves.
		was, now := prev, a
		was.Recipients, now.Recipients = kept(prev.Recipients, old, new), kept(a.Recipients, old, new)
		facts = append(facts, perLanguage(langs, privacyOnly, "summary.purpose_details_changed", map[string]any{"Title": a.Title},
			changedBesides(was, now, "Title", "Data", "Basis"))...)
	}
	oldProcessors := make(map[config.ID]config.Processor, len(old.Processors))
	for _, p := range old.Processors {
		oldProcessors[p.ID] = p
	}
	for _, p := range new.Processors {
		if prev, ok := oldProcessors[p.ID]; ok && !reflect.DeepEqual(prev, p) {
			facts = append(facts, perLanguage(langs, privacyOnly, "summary.recipient_details_changed", map[string]any{"Name": p.Name},
				changedBesides(prev, p, "Name", "Country", "Transfer", "Role", "JointScope", "Onward"))...)
		}
	}
	rule := func(r config.Retention) config.ID { return r.ID }
	for _, r := range new.Retention {
		if prev, ok := find(old.Retention, r.ID, rule); ok && !reflect.DeepEqual(prev, r) {
			skip := []string{"Period", "After"}
			if dataFollowPurposes(old, new, prev, r) {
				skip = append(skip, "Data") // said as the purpose's
			}
			v := retentionFact("", new, r, map[string]any{}).Values
			facts = append(facts, perLanguage(langs, privacyOnly, "summary.retention_details_changed", v,
				changedBesides(prev, r, skip...))...)
		}
	}
	type key struct {
		name     string
		provider config.ID
	}
	oldTrackers := make(map[key]config.Tracker, len(old.Trackers)) // a site may have hundreds
	for _, t := range old.Trackers {
		oldTrackers[key{t.Name, t.Provider}] = t
	}
	for _, t := range new.Trackers {
		if prev, ok := oldTrackers[key{t.Name, t.Provider}]; ok && !reflect.DeepEqual(prev, t) {
			v := trackerFact("", new, t, map[string]any{"Tracker": Tracker{t.Kind, t.Name}, "TrackerOf": TrackerOf{t.Kind, t.Name}}).Values
			facts = append(facts, perLanguage(langs, cookiesOnly, "summary.tracker_details_changed", v,
				changedBesides(prev, t, "Expiry", "Category"))...)
		}
	}
	return facts
}

// dataFollowPurposes reports whether each category that the retention rule
// gained or lost was gained or lost by a purpose whose data it keeps, so
// that the purpose's fact says it.
func dataFollowPurposes(old, new *config.Site, prev, r config.Retention) bool {
	self := func(id config.ID) config.ID { return id }
	said := map[config.ID]bool{}
	for _, a := range new.Activities {
		if was, ok := find(old.Activities, a.ID, func(a config.Activity) config.ID { return a.ID }); ok && a.Retention == r.ID {
			added, removed := diffByKey(was.Data, a.Data, self)
			for _, id := range append(added, removed...) {
				said[id] = true
			}
		}
	}
	added, removed := diffByKey(prev.Data, r.Data, self)
	return !slices.ContainsFunc(append(added, removed...), func(id config.ID) bool { return !said[id] })
}

// kept returns the recipients of ids that both sites have.
func kept(ids []config.ID, old, new *config.Site) []config.ID {
	has := func(site *config.Site, id config.ID) bool {
		return slices.ContainsFunc(site.Processors, func(p config.Processor) bool { return p.ID == id })
	}
	return slices.DeleteFunc(slices.Clone(ids), func(id config.ID) bool { return !has(old, id) || !has(new, id) })
}

// perLanguage gives the fact id for every language in which changed
// reports a change: one fact for all where it changed in all, else one
// for each language it changed in.
func perLanguage(langs []string, docs Docs, id string, values map[string]any, changed func(lang string) bool) []Fact {
	in := slices.DeleteFunc(slices.Clone(langs), func(lang string) bool { return !changed(lang) })
	if len(in) == 0 {
		return nil
	}
	if len(in) == len(langs) {
		return []Fact{{ID: id, Values: values, Docs: docs}}
	}
	facts := make([]Fact, len(in))
	for i, lang := range in {
		facts[i] = Fact{ID: id, Values: values, Docs: docs, Lang: lang}
	}
	return facts
}

// changedBesides returns whether the struct old differs from new in a
// language, leaving out the fields named in skip (which other facts say)
// and the other languages of every text.
func changedBesides[T any](old, new T, skip ...string) func(lang string) bool {
	return func(lang string) bool {
		return !sameJSON(inLanguage(old, lang, skip), inLanguage(new, lang, skip))
	}
}

// inLanguage returns a copy of the struct v whose texts hold only their
// part in lang and whose fields named in skip are zero. Only v's own
// fields are changed; what they point to is shared, never written.
func inLanguage[T any](v T, lang string, skip []string) T {
	rv := reflect.ValueOf(&v).Elem()
	text := reflect.TypeFor[config.LocalizedText]()
	for i := range rv.NumField() {
		f := rv.Field(i)
		switch {
		case slices.Contains(skip, rv.Type().Field(i).Name):
			f.SetZero()
		case f.Type() == text:
			f.Set(reflect.ValueOf(config.LocalizedText{Plain: f.Interface().(config.LocalizedText).In(lang)}))
		}
	}
	return v
}
