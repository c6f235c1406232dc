package diff

import (
	"slices"

	"github.com/policygen/policygen/generator/config"
)

// Age is a minimum age in years.
type Age int

// sectionFacts reports the sections of the privacy policy that a site may
// have or not, added, removed and changed: the representative in the EU,
// the age the services are meant for, the security of processing, the
// data processed as the customers' processor and how people are told of
// changes.
func sectionFacts(old, new *config.Site) []Fact {
	var facts []Fact
	facts = append(facts, representativeFacts(old.Representative, new.Representative)...)
	facts = append(facts, minorsFacts(old.Minors, new.Minors)...)
	facts = append(facts, securityFacts(old.Security, new.Security)...)
	facts = append(facts, textFacts("summary.processor_for", old.Company.ProcessorFor, new.Company.ProcessorFor)...)
	facts = append(facts, textFacts("summary.change_notice", old.Settings.ChangeNotice, new.Settings.ChangeNotice)...)
	return facts
}

func privacyFact(id string, values map[string]any) Fact {
	return Fact{ID: id, Values: values, Docs: privacyOnly}
}

func representativeFacts(old, new *config.Contact) []Fact {
	switch {
	case old == nil && new == nil:
		return nil
	case old == nil:
		return []Fact{privacyFact("summary.representative_added", map[string]any{"Name": new.Name})}
	case new == nil:
		return []Fact{privacyFact("summary.representative_removed", map[string]any{"Name": old.Name})}
	case old.Name != new.Name:
		return []Fact{privacyFact("summary.representative_replaced", map[string]any{"Old": old.Name, "New": new.Name})}
	}
	if f := changedFields(*old, *new); len(f) > 0 {
		return []Fact{privacyFact("summary.representative_contact_changed", map[string]any{"Fields": f})}
	}
	return nil
}

func minorsFacts(old, new *config.Minors) []Fact {
	switch {
	case old == nil && new == nil:
		return nil
	case old == nil:
		return []Fact{privacyFact("summary.minors_added", map[string]any{"Age": Age(new.MinimumAge)})}
	case new == nil:
		return []Fact{privacyFact("summary.minors_removed", map[string]any{"Age": Age(old.MinimumAge)})}
	case old.MinimumAge != new.MinimumAge:
		return []Fact{privacyFact("summary.minors_changed", map[string]any{"Old": Age(old.MinimumAge), "New": Age(new.MinimumAge)})}
	}
	return nil
}

// securityFacts reports the security section added or removed, a change
// of its measures, and of the time within which people are told of a
// breach.
func securityFacts(old, new *config.Security) []Fact {
	switch {
	case old == nil && new == nil:
		return nil
	case old == nil:
		return []Fact{privacyFact("summary.security_added", nil)}
	case new == nil:
		return []Fact{privacyFact("summary.security_removed", nil)}
	}
	var facts []Fact
	if !slices.Equal(old.Measures, new.Measures) {
		facts = append(facts, privacyFact("summary.security_measures_changed", nil))
	}
	was, now := old.BreachNotice, new.BreachNotice
	switch {
	case was == now:
	case was.N == 0:
		facts = append(facts, privacyFact("summary.breach_notice_added", map[string]any{"Period": now}))
	case now.N == 0:
		facts = append(facts, privacyFact("summary.breach_notice_removed", map[string]any{"Period": was}))
	default:
		facts = append(facts, privacyFact("summary.breach_notice_changed", map[string]any{"Old": was, "New": now}))
	}
	return facts
}

// textFacts reports a text of the site's own that a section shows, added,
// removed or changed: prefix + "_added", "_removed", "_changed".
func textFacts(prefix string, old, new config.LocalizedText) []Fact {
	switch {
	case old.IsZero() && new.IsZero():
		return nil
	case old.IsZero():
		return []Fact{privacyFact(prefix+"_added", nil)}
	case new.IsZero():
		return []Fact{privacyFact(prefix+"_removed", nil)}
	case !sameJSON(old, new):
		return []Fact{privacyFact(prefix+"_changed", nil)}
	}
	return nil
}
