package diff

import (
	"cmp"
	"slices"

	"github.com/policygen/policygen/generator/config"
	"github.com/policygen/policygen/generator/legal"
)

// activityFacts reports purposes added and removed, and changed legal
// bases.
func activityFacts(old, new *config.Site) []Fact {
	id := func(a config.Activity) config.ID { return a.ID }
	added, removed := diffByKey(old.Activities, new.Activities, id)
	var facts []Fact
	for _, a := range added {
		facts = append(facts, Fact{ID: "summary.purpose_added", Values: map[string]any{"Title": a.Title}})
	}
	for _, a := range removed {
		facts = append(facts, Fact{ID: "summary.purpose_removed", Values: map[string]any{"Title": a.Title}})
	}
	for _, a := range new.Activities {
		if prev, ok := find(old.Activities, a.ID, id); ok && prev.Basis != a.Basis {
			facts = append(facts, Fact{ID: "summary.basis_changed",
				Values: map[string]any{"Title": a.Title, "Old": prev.Basis, "New": a.Basis}})
		}
	}
	return facts
}

// recipientFacts reports recipients added and removed, by id.
func recipientFacts(lf *legal.Facts, old, new *config.Site) []Fact {
	added, removed := diffByKey(old.Processors, new.Processors, func(p config.Processor) config.ID { return p.ID })
	var facts []Fact
	for _, p := range added {
		facts = append(facts, Fact{ID: "summary.recipient_added", Values: recipientValues(lf, p)})
	}
	for _, p := range removed {
		facts = append(facts, Fact{ID: "summary.recipient_removed", Values: recipientValues(lf, p)})
	}
	return facts
}

// recipientValues names a recipient, its country and, outside the EEA, the
// safeguard of the transfer; in a country with an adequacy decision that is
// the decision, whether or not site.toml names it.
func recipientValues(lf *legal.Facts, p config.Processor) map[string]any {
	v := map[string]any{"Name": p.Name, "Country": p.Country}
	if !lf.InEEA(string(p.Country)) {
		switch {
		case p.Transfer != "":
			v["Transfer"] = p.Transfer
		case lf.Adequate(string(p.Country)):
			v["Transfer"] = config.Transfer("adequacy")
		}
	}
	return v
}

// retentionFacts reports retention rules whose period or trigger changed,
// and rules added and removed, by id.
func retentionFacts(old, new *config.Site) []Fact {
	id := func(r config.Retention) config.ID { return r.ID }
	var facts []Fact
	for _, r := range new.Retention {
		prev, ok := find(old.Retention, r.ID, id)
		if !ok || prev.Period == r.Period && prev.After == r.After {
			continue
		}
		var was any = Period{prev.Period, prev.After}
		if prev.After == r.After && !untilWithdrawn(prev.Period) && !untilWithdrawn(r.Period) {
			was = prev.Period // "from 30 days to 90 days after …": the event is said once
		}
		facts = append(facts, Fact{ID: "summary.retention_changed",
			Values: map[string]any{"Data": categories(new, r.Data), "Old": was, "New": Period{r.Period, r.After}}})
	}
	added, removed := diffByKey(old.Retention, new.Retention, id)
	for _, r := range added {
		facts = append(facts, Fact{ID: "summary.retention_added",
			Values: map[string]any{"Data": categories(new, r.Data), "Period": Period{r.Period, r.After}}})
	}
	for _, r := range removed {
		facts = append(facts, Fact{ID: "summary.retention_removed",
			Values: map[string]any{"Data": categories(old, r.Data), "Period": Period{r.Period, r.After}}})
	}
	return facts
}

func untilWithdrawn(d config.Duration) bool { return d.Special == "until_withdrawn" }

func categories(site *config.Site, ids []config.ID) Categories {
	out := make(Categories, len(ids))
	for i, id := range ids {
		out[i] = Category{ID: id, Label: site.Data[string(id)].Label}
	}
	return out
}

// trackerFacts reports trackers added and removed, by name and provider.
func trackerFacts(old, new *config.Site) []Fact {
	type key struct {
		name     string
		provider config.ID
	}
	added, removed := diffByKey(old.Trackers, new.Trackers, func(t config.Tracker) key { return key{t.Name, t.Provider} })
	var facts []Fact
	for _, t := range added {
		facts = append(facts, Fact{ID: "summary.tracker_added", Values: trackerValues(new, t)})
	}
	for _, t := range removed {
		facts = append(facts, Fact{ID: "summary.tracker_removed", Values: trackerValues(old, t)})
	}
	return facts
}

// trackerValues names a tracker, its technology, category and, for a third
// party, the provider.
func trackerValues(site *config.Site, t config.Tracker) map[string]any {
	v := map[string]any{"Name": t.Name, "Kind": t.Kind, "Category": t.Category}
	if t.Provider != config.FirstPartyProvider {
		v["Provider"] = string(t.Provider)
		if p, ok := find(site.Processors, t.Provider, func(p config.Processor) config.ID { return p.ID }); ok {
			v["Provider"] = p.Name
		}
	}
	return v
}

// contactFacts reports changed contact details of the controller and
// changes of the data protection officer.
func contactFacts(old, new *config.Site) []Fact {
	var facts []Fact
	if f := changedFields(companyContact(old.Company), companyContact(new.Company)); len(f) > 0 {
		facts = append(facts, Fact{ID: "summary.contact_changed", Values: map[string]any{"Fields": f}})
	}
	return append(facts, dpoFacts(old.DPO, new.DPO)...)
}

// companyContact is the controller's contact details; its country is part
// of its address.
func companyContact(c config.Company) config.Contact {
	return config.Contact{Name: c.Name, Address: append(slices.Clone(c.Address), string(c.Country)), Email: c.Email, Phone: c.Phone}
}

// dpoFacts reports a change of the data protection officer; Form is the
// grammatical form of the officer named (the new one where both are),
// which the German messages follow.
func dpoFacts(old, new *config.DPO) []Fact {
	switch {
	case old == nil && new == nil:
		return nil
	case old == nil:
		return []Fact{{ID: "summary.dpo_added", Values: map[string]any{"Name": new.Name, "Form": dpoForm(new)}}}
	case new == nil:
		return []Fact{{ID: "summary.dpo_removed", Values: map[string]any{"Name": old.Name, "Form": dpoForm(old)}}}
	case old.Name != new.Name:
		return []Fact{{ID: "summary.dpo_replaced", Values: map[string]any{"Old": old.Name, "New": new.Name, "Form": dpoForm(new)}}}
	}
	if f := changedFields(*old.Contact(), *new.Contact()); len(f) > 0 {
		return []Fact{{ID: "summary.dpo_contact_changed", Values: map[string]any{"Fields": f, "Form": dpoForm(new)}}}
	}
	return nil
}

// dpoForm is the officer's form, "m" when site.toml gives none.
func dpoForm(d *config.DPO) string { return cmp.Or(string(d.Form), "m") }

// changedFields names the contact details that differ.
func changedFields(a, b config.Contact) Fields {
	var f Fields
	if a.Name != b.Name {
		f = append(f, "name")
	}
	if !slices.Equal(a.Address, b.Address) {
		f = append(f, "address")
	}
	if a.Email != b.Email {
		f = append(f, "email")
	}
	if a.Phone != b.Phone {
		f = append(f, "phone")
	}
	return f
}
