package diff

import "github.com/policygen/policygen/generator/config"

// Tracker names a cookie or similar technology as the subject of a
// sentence: "the cookie “_ga”", "das Cookie „_ga“".
type Tracker struct {
	Kind config.Kind
	Name string
}

// Expiry is how long a tracker stays on the device. The special ones
// have wording of their own in a summary, where the cookie table's
// ("slaat zelf niets op uw apparaat op") does not fit the sentence.
type Expiry config.Duration

// TrackerOf names a tracker as what something belongs to: "of the cookie
// “_ga”", which German says in the genitive, "des Cookies „_ga“".
type TrackerOf Tracker

// trackerFacts reports trackers added and removed, by name and provider,
// and changes of a tracker's expiry and category. Only the cookie policy
// lists trackers.
func trackerFacts(old, new *config.Site) []Fact {
	type key struct {
		name     string
		provider config.ID
	}
	id := func(t config.Tracker) key { return key{t.Name, t.Provider} }
	added, removed := diffByKey(old.Trackers, new.Trackers, id)
	var facts []Fact
	for _, t := range added {
		facts = append(facts, trackerFact("summary.tracker_added", new, t, map[string]any{"Tracker": Tracker{t.Kind, t.Name}, "Category": t.Category}))
	}
	for _, t := range removed {
		facts = append(facts, trackerFact("summary.tracker_removed", old, t, map[string]any{"Tracker": Tracker{t.Kind, t.Name}, "Category": t.Category}))
	}
	for _, t := range new.Trackers {
		prev, ok := find(old.Trackers, id(t), id)
		if !ok {
			continue
		}
		switch {
		case prev.Expiry != t.Expiry && t.Expiry.Special == "none": // not a period: a pixel now said to store nothing
			facts = append(facts, trackerFact("summary.tracker_stores_nothing", new, t, map[string]any{"Tracker": Tracker{t.Kind, t.Name}, "Old": Expiry(prev.Expiry)}))
		case prev.Expiry != t.Expiry:
			facts = append(facts, trackerFact("summary.tracker_expiry_changed", new, t, map[string]any{"Tracker": TrackerOf{t.Kind, t.Name}, "Old": Expiry(prev.Expiry), "New": Expiry(t.Expiry)}))
		}
		if prev.Category != t.Category {
			facts = append(facts, trackerFact("summary.tracker_category_changed", new, t, map[string]any{"Tracker": TrackerOf{t.Kind, t.Name}, "Old": prev.Category, "New": t.Category}))
		}
	}
	return facts
}

// trackerFact is a fact about the tracker t of site, with its provider's
// name for a third party's.
func trackerFact(id string, site *config.Site, t config.Tracker, v map[string]any) Fact {
	if t.Provider != config.FirstPartyProvider {
		v["Provider"] = string(t.Provider)
		if p, ok := find(site.Processors, t.Provider, func(p config.Processor) config.ID { return p.ID }); ok {
			v["Provider"] = p.Name
		}
	}
	return Fact{ID: id, Values: v, Docs: cookiesOnly}
}
