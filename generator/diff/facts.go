package diff

import (
	"cmp"
	"maps"
	"slices"

	"github.com/policygen/policygen/generator/config"
)

// activityFacts reports purposes added and removed, and changed legal
// bases.
func activityFacts(old, new *config.Site) []Fact {
	id := func(a config.Activity) config.ID { return a.ID }
	added, removed := diffByKey(old.Activities, new.Activities, id)
	var facts []Fact
	for _, a := range added {
		facts = append(facts, Fact{ID: "summary.purpose_added", Values: map[string]any{"Title": a.Title}, Docs: privacyOnly})
	}
	for _, a := range removed {
		facts = append(facts, Fact{ID: "summary.purpose_removed", Values: map[string]any{"Title": a.Title}, Docs: privacyOnly})
	}
	for _, a := range new.Activities {
		if prev, ok := find(old.Activities, a.ID, id); ok && prev.Basis != a.Basis {
			facts = append(facts, Fact{ID: "summary.basis_changed",
				Values: map[string]any{"Title": a.Title, "Old": prev.Basis, "New": a.Basis}, Docs: privacyOnly})
		}
	}
	return facts
}

// retentionFacts reports retention rules whose period or trigger changed,
// and rules added and removed, by id. Each names the data categories and
// the purposes (activity titles) whose data the rule keeps, as the
// retention table of the privacy policy does.
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
		facts = append(facts, retentionFact("summary.retention_changed", new, r, map[string]any{"Old": was, "New": Period{r.Period, r.After}}))
	}
	added, removed := diffByKey(old.Retention, new.Retention, id)
	for _, r := range added {
		facts = append(facts, retentionFact("summary.retention_added", new, r, map[string]any{"Period": Period{r.Period, r.After}}))
	}
	for _, r := range removed {
		facts = append(facts, retentionFact("summary.retention_removed", old, r, map[string]any{"Period": Period{r.Period, r.After}}))
	}
	return facts
}

// retentionFact is a fact about the retention rule r of site: v with the
// rule's data categories and, where activities name the rule, their titles.
func retentionFact(id string, site *config.Site, r config.Retention, v map[string]any) Fact {
	v["Data"] = categories(site, r.Data)
	if p := purposes(site, r.ID); len(p) > 0 {
		v["Purposes"] = p
	}
	return Fact{ID: id, Values: v, Docs: privacyOnly}
}

// purposes are the titles of the activities whose data the retention rule
// keeps, in the order of the site.
func purposes(site *config.Site, rule config.ID) Titles {
	var out Titles
	for _, a := range site.Activities {
		if a.Retention == rule {
			out = append(out, a.Title)
		}
	}
	return out
}

func untilWithdrawn(d config.Duration) bool { return d.Special == "until_withdrawn" }

func categories(site *config.Site, ids []config.ID) Categories {
	out := make(Categories, len(ids))
	for i, id := range ids {
		out[i] = Category{ID: id, Label: site.Data[string(id)].Label}
	}
	return out
}

// contactFacts reports changed contact details of the controller and
// changes of the data protection officer. The cookie policy names the
// controller and the officer with their email addresses only.
func contactFacts(old, new *config.Site) []Fact {
	f := changedFields(companyContact(old.Company), companyContact(new.Company))
	facts := contactFieldFacts(Fact{ID: "summary.contact_changed"}, f)
	return append(facts, dpoFacts(old.DPO, new.DPO)...)
}

// contactFieldFacts gives the fact for the changed fields to the privacy policy, and
// to the cookie policy for those of them that it shows: one fact for both
// where they are the same fields, else one for each.
func contactFieldFacts(f Fact, fields Fields) []Fact {
	if len(fields) == 0 {
		return nil
	}
	shown := slices.DeleteFunc(slices.Clone(fields), func(s string) bool { return s != "name" && s != "email" })
	values := func(fields Fields) map[string]any {
		v := map[string]any{"Fields": fields}
		maps.Copy(v, f.Values)
		return v
	}
	switch {
	case len(shown) == len(fields):
		return []Fact{{ID: f.ID, Values: values(fields), Docs: both}}
	case len(shown) == 0:
		return []Fact{{ID: f.ID, Values: values(fields), Docs: privacyOnly}}
	}
	return []Fact{{ID: f.ID, Values: values(fields), Docs: privacyOnly}, {ID: f.ID, Values: values(shown), Docs: cookiesOnly}}
}

// companyContact is the controller's contact details; its country is part
// of its address.
func companyContact(c config.Company) config.Contact {
	return config.Contact{Name: c.Name, Address: append(slices.Clone(c.Address), string(c.Country)), Email: c.Email, Phone: c.Phone}
}

// dpoFacts reports a change of the data protection officer; Form is the
// grammatical form of the officer named (the new one where both are),
// which the German messages follow. Both documents name the officer.
func dpoFacts(old, new *config.DPO) []Fact {
	switch {
	case old == nil && new == nil:
		return nil
	case old == nil:
		return []Fact{{ID: "summary.dpo_added", Values: map[string]any{"Name": new.Name, "Form": dpoForm(new)}, Docs: both}}
	case new == nil:
		return []Fact{{ID: "summary.dpo_removed", Values: map[string]any{"Name": old.Name, "Form": dpoForm(old)}, Docs: both}}
	case old.Name != new.Name:
		return []Fact{{ID: "summary.dpo_replaced", Values: map[string]any{"Old": old.Name, "New": new.Name, "Form": dpoForm(new)}, Docs: both}}
	}
	f := Fact{ID: "summary.dpo_contact_changed", Values: map[string]any{"Form": dpoForm(new)}}
	return contactFieldFacts(f, changedFields(*old.Contact(), *new.Contact()))
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
