package diff

import (
	"maps"
	"slices"

	"github.com/policygen/policygen/generator/config"
	"github.com/policygen/policygen/generator/legal"
)

// Location is where a recipient, or an onward transfer, receives the
// data, and outside the EEA the safeguard of the transfer: "in the United
// States under standard contractual clauses".
type Location struct {
	Country  config.Country
	Transfer config.Transfer
}

// Role is a recipient's role, said with its article where the language
// wants one: "a joint controller".
type Role config.Role

// recipientFacts reports recipients added and removed, by id, and what
// changed of a recipient that stayed: its name, where it receives the
// data and under which safeguard, its role, the scope of joint control and
// its onward transfers.
func recipientFacts(lf *legal.Facts, old, new *config.Site) []Fact {
	id := func(p config.Processor) config.ID { return p.ID }
	added, removed := diffByKey(old.Processors, new.Processors, id)
	var facts []Fact
	for _, p := range added {
		facts = append(facts, withPurposes(Fact{ID: "summary.recipient_added", Docs: recipientDocs(p.ID, new),
			Values: map[string]any{"Name": p.Name, "Location": location(lf, p.Country, p.Transfer)}}, new, p.ID)...)
	}
	for _, p := range removed {
		facts = append(facts, withPurposes(Fact{ID: "summary.recipient_removed", Docs: recipientDocs(p.ID, old),
			Values: map[string]any{"Name": p.Name, "Location": location(lf, p.Country, p.Transfer)}}, old, p.ID)...)
	}
	for _, p := range new.Processors {
		if prev, ok := find(old.Processors, p.ID, id); ok {
			for _, f := range recipientChanges(lf, new.Settings.Languages, prev, p, recipientDocs(p.ID, old, new)) {
				facts = append(facts, withPurposes(f, new, p.ID)...)
			}
		}
	}
	return facts
}

// withPurposes places a fact about the recipient id for the reader: in the
// privacy policy by the titles of the purposes of site that send it data
// ("Recipient for “Online advertising” now …"), in the cookie policy,
// which names no purposes, by the trackers it provides ("Provider of
// “_gcl_au” now …"). A fact both documents show becomes one for each.
func withPurposes(f Fact, site *config.Site, id config.ID) []Fact {
	var titles, trackers Titles
	for _, a := range site.Activities {
		if slices.Contains(a.Recipients, id) {
			titles = append(titles, a.Title)
		}
	}
	for _, t := range site.Trackers {
		if t.Provider == id {
			trackers = append(trackers, config.LocalizedText{Plain: t.Name})
		}
	}
	with := func(docs Docs, k string, v Titles) Fact {
		g := Fact{ID: f.ID, Docs: docs, Lang: f.Lang, Values: maps.Clone(f.Values)}
		if len(v) > 0 {
			g.Values[k] = v
		}
		return g
	}
	switch f.Docs {
	case both:
		return []Fact{with(privacyOnly, "Purposes", titles), with(cookiesOnly, "Trackers", trackers)}
	case cookiesOnly:
		return []Fact{with(cookiesOnly, "Trackers", trackers)}
	}
	return []Fact{with(f.Docs, "Purposes", titles)}
}

// location is where a recipient in country receives the data; outside the
// EEA with the safeguard, which in a country with an adequacy decision is
// the decision, whether or not site.toml names it.
func location(lf *legal.Facts, country config.Country, transfer config.Transfer) Location {
	l := Location{Country: country}
	if !lf.InEEA(string(country)) {
		switch {
		case transfer != "":
			l.Transfer = transfer
		case lf.Adequate(string(country)):
			l.Transfer = "adequacy"
		}
	}
	return l
}

// recipientChanges reports what changed of a recipient that both sites
// have; docs are the documents that show the recipient. Its role and the
// scope of joint control only the privacy policy shows; a scope reworded
// in some of the languages is said in those.
func recipientChanges(lf *legal.Facts, langs []string, old, new config.Processor, docs Docs) []Fact {
	var facts []Fact
	was, now := location(lf, old.Country, old.Transfer), location(lf, new.Country, new.Transfer)
	switch {
	case old.Name != new.Name && was != now: // another company elsewhere, not the same one moved
		facts = append(facts, Fact{ID: "summary.recipient_replaced", Docs: docs,
			Values: map[string]any{"Old": old.Name, "New": new.Name, "OldLocation": was, "NewLocation": now}})
	case old.Name != new.Name:
		facts = append(facts, Fact{ID: "summary.recipient_renamed", Docs: docs, Values: map[string]any{"Old": old.Name, "New": new.Name}})
	case was != now:
		facts = append(facts, Fact{ID: "summary.recipient_moved", Docs: docs, Values: map[string]any{"Name": new.Name, "Old": was, "New": now}})
	}
	if old.Role != new.Role {
		facts = append(facts, Fact{ID: "summary.role_changed", Docs: privacyOnly,
			Values: map[string]any{"Name": new.Name, "Old": Role(old.Role), "New": Role(new.Role)}})
	}
	switch {
	case new.Role != "joint_controller" || new.JointScope.IsZero():
	case old.Role != new.Role: // joint control new, with its scope
		facts = append(facts, Fact{ID: "summary.joint_scope_added", Docs: privacyOnly,
			Values: map[string]any{"Name": new.Name, "Scope": new.JointScope}})
	case old.JointScope.IsZero(): // joint control already, its scope now said
		facts = append(facts, Fact{ID: "summary.joint_scope_stated", Docs: privacyOnly,
			Values: map[string]any{"Name": new.Name, "Scope": new.JointScope}})
	default:
		facts = append(facts, perLanguage(langs, privacyOnly, "summary.joint_scope_changed",
			map[string]any{"Name": new.Name, "Scope": new.JointScope},
			func(lang string) bool { return old.JointScope.In(lang) != new.JointScope.In(lang) })...)
	}
	return append(facts, onwardFacts(lf, old, new, docs)...)
}

// onwardFacts reports onward transfers added and removed; one whose
// safeguard changed is both.
func onwardFacts(lf *legal.Facts, old, new config.Processor, docs Docs) []Fact {
	added, removed := diffByKey(old.Onward, new.Onward, func(o config.Onward) config.Onward { return o })
	var facts []Fact
	say := func(id string, o config.Onward) {
		facts = append(facts, Fact{ID: id, Docs: docs, Values: map[string]any{
			"Name": new.Name, "To": o.Name, "Location": location(lf, o.Country, o.Transfer)}})
	}
	for _, o := range removed {
		say("summary.onward_removed", o)
	}
	for _, o := range added {
		say("summary.onward_added", o)
	}
	return facts
}
