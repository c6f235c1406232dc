package config

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/policygen/policygen/generator/diag"
	"github.com/policygen/policygen/generator/legal"
)

// idSets holds the ids of each kind of entry, for resolving references.
// Each is looked up once per reference, so they are sets: a site with
// thousands of entries is checked in time linear in its size.
type idSets struct {
	processors, retention, data idSet
	rules                       map[ID]Retention // the retention rules by id
	covered                     map[ID]idSet     // the data each retention rule names
}

// idSet is a set of ids that keeps their order, for suggestions.
type idSet struct {
	list []string
	has  map[string]bool
}

func newIDSet(ids ...string) idSet {
	s := idSet{has: make(map[string]bool, len(ids))}
	for _, id := range ids {
		s.add(id)
	}
	return s
}

func (s *idSet) add(id string) {
	if s.has == nil {
		s.has = map[string]bool{}
	}
	s.list = append(s.list, id)
	s.has[id] = true
}

func (v *validator) uniqueIDs() idSets {
	ids := idSets{rules: map[ID]Retention{}, covered: map[ID]idSet{}}
	seen := map[string]string{} // the path of the last entry with each id
	check := func(table string, i int, id ID) string {
		path := Path(table, i, "id")
		key := table + ":" + string(id)
		if prev, dup := seen[key]; dup {
			v.at(path, "ids must be unique within their kind; the first one is at "+v.Pos.Value(prev).String(), "duplicate %s id %q", table, id)
		}
		seen[key] = path
		return string(id)
	}
	for i, a := range v.Site.Activities {
		check("activity", i, a.ID)
	}
	for i, p := range v.Site.Processors {
		ids.processors.add(check("processor", i, p.ID))
		if p.ID == FirstPartyProvider {
			v.at(Path("processor", i, "id"), "choose another id", "%q is reserved for trackers set by the company itself", FirstPartyProvider)
		}
	}
	for i, r := range v.Site.Retention {
		ids.retention.add(check("retention", i, r.ID))
		ids.rules[r.ID] = r
		ids.covered[r.ID] = newIDSet(idStrings(r.Data)...)
	}
	ids.data = newIDSet(v.Site.DataIDs()...)
	return ids
}

func (v *validator) dataCategories() {
	for _, id := range slices.Sorted(maps.Keys(v.Site.Data)) {
		path := Path("data", id)
		switch {
		case !isID(id):
			v.atKey(path, "ids use lowercase letters, digits, '_' and '-' only", "invalid data category id %q", id)
		case IsBuiltinData(id):
			v.atKey(path, "use the built-in category, or choose another id to define your own", "data category %q is built in", id)
		}
	}
}

// ref reports a reference that does not resolve.
func (v *validator) ref(path, what, id string, known idSet) bool {
	if id == "" { // missing or invalid: reported by the decoder
		return false
	}
	if known.has[id] {
		return true
	}
	hint := fmt.Sprintf("define it with [[%s]] id = %q", what, id)
	if what == "data" {
		hint = fmt.Sprintf("use a built-in category or define [data.%s]", id)
	}
	if s := v.suggest(id, known.list); s != "" {
		hint = fmt.Sprintf("did you mean %q?", s)
	}
	v.at(path, hint, "unknown %s %q", refNoun(what), id)
	return false
}

func refNoun(what string) string {
	switch what {
	case "data":
		return "data category"
	case "retention":
		return "retention rule"
	}
	return what
}

func (v *validator) activities(ids idSets) {
	for i, a := range v.Site.Activities {
		v.dataList(Path("activity", i, "data"), a.Data, ids.data)
		for j, r := range a.Recipients {
			v.ref(Path("activity", i, "recipients", j), "processor", string(r), ids.processors)
		}
		if v.ref(Path("activity", i, "retention"), "retention", string(a.Retention), ids.retention) {
			v.retentionCovers(i, a, ids)
		}
		v.activityBasis(i, a)
		v.activityOrigin(i, a)
		v.automatedException(i, a)
	}
}

func (v *validator) dataList(path string, data []ID, known idSet) {
	if len(data) == 0 {
		v.at(path, `name the categories, such as data = ["name", "email"]`, "%s is empty", keyName(path))
	}
	seen := map[ID]bool{}
	for j, d := range data {
		if seen[d] {
			v.at(Path(path, j), "remove the second one", "data category %q is listed twice", d)
		}
		seen[d] = true
		v.ref(Path(path, j), "data", string(d), known)
	}
}

// retentionCovers checks that the activity's retention rule names every
// category the activity processes: a notice gives the period per category.
func (v *validator) retentionCovers(i int, a Activity, ids idSets) {
	rule := ids.rules[a.Retention]
	var missing []string
	covered := ids.covered[a.Retention]
	for _, d := range a.Data {
		if ids.data.has[string(d)] && !covered.has[string(d)] {
			missing = append(missing, string(d))
		}
	}
	if len(missing) > 0 {
		v.at(Path("activity", i, "retention"), fmt.Sprintf("add %s to the data of retention rule %q, or use a rule that covers them", quoteList(missing), rule.ID),
			"retention rule %q does not cover %s of activity %q", rule.ID, quoteList(missing), a.ID)
	}
}

func (v *validator) activityBasis(i int, a Activity) {
	p := func(key string) string { return Path("activity", i, key) }
	switch {
	case a.Basis == "legitimate_interests" && a.Interest.IsZero():
		v.atKey(p("basis"), "add interest = { … } saying which legitimate interest the processing pursues (Art. 13(1)(d) GDPR)",
			"activity %q is based on legitimate interests but has no interest", a.ID)
	case a.Basis != "legitimate_interests" && !a.Interest.IsZero():
		v.atKey(p("interest"), "remove interest, or set basis = \"legitimate_interests\"",
			"activity %q has an interest but its basis is %s", a.ID, a.Basis)
	}
	switch {
	case a.Basis == "consent" && a.Required == "technical":
		v.at(p("required"), `data without which the site cannot be delivered cannot rest on consent, which must be freely given (Art. 7(4) GDPR): choose another basis, such as "legitimate_interests"`,
			"activity %q is based on consent, so its data cannot be technically necessary", a.ID)
	case a.Basis == "consent" && a.Required != "no":
		v.at(p("required"), `set required = "no": consent must be freely given (Art. 7(4) GDPR)`,
			"activity %q is based on consent, so providing the data cannot be required", a.ID)
	}
	if a.Basis != "consent" && !a.Withdraw.IsZero() && v.decoded(p("basis")) {
		v.atKey(p("withdraw"), "remove withdraw, or set basis = \"consent\": only consent can be withdrawn (Art. 7(3) GDPR)",
			"activity %q says how consent is withdrawn, but its basis is %s", a.ID, a.Basis)
	}
	if a.DirectMarketing && a.Basis != "consent" && a.Basis != "legitimate_interests" && v.decoded(p("basis")) {
		v.atKey(p("direct_marketing"), `set basis = "consent", or "legitimate_interests" with the interest (recital 47 GDPR), or remove direct_marketing`,
			"activity %q is for direct marketing, which rests on consent or legitimate interests, not on %s", a.ID, a.Basis)
	}
	if a.SourcePublic && a.Source.IsZero() {
		v.atKey(p("source_public"), "add source = { … } naming where the data comes from, or remove source_public",
			"activity %q has source_public but no source", a.ID)
	}
}

func (v *validator) processors() {
	for i, p := range v.Site.Processors {
		v.nonEmpty(Path("processor", i, "name"), p.Name)
		v.transfer(i, p)
	}
}

// transfer checks a recipient's transfer tools from the controller's point
// of view: transfer under the EU GDPR, uk_transfer under the UK GDPR, each
// only where that law applies and the recipient is outside the area the
// controller's law protects (legal.Facts.Transfers).
func (v *validator) transfer(i int, p Processor) {
	country := string(p.Country)
	if country == "" { // reported by the decoder
		return
	}
	c := v.Site.Company
	regime := v.facts.RegimeOf(string(c.Country), c.TargetsEU)
	_, eu, uk := v.facts.Transfers(regime, country)
	v.euTransfer(i, p, regime, eu)
	v.ukTransfer(i, p, regime, uk)
}

func (v *validator) euTransfer(i int, p Processor, regime legal.Regime, transfer bool) {
	path := Path("processor", i, "transfer")
	country := string(p.Country)
	switch {
	case !regime.EU:
		if p.Transfer != "" {
			v.at(path, `give the UK tool as uk_transfer, or add targets_eu = true to [company] if the company also offers goods or services to people in the EU or monitors them there`,
				"transfer names a safeguard of the EU GDPR, which does not apply to a company in the United Kingdom that does not target people in the EU")
		}
	case !transfer:
		if p.Transfer != "" {
			v.atKey(path, "remove transfer", "processor %q is in the EEA (%s); no transfer safeguard applies", p.ID, country)
		}
	case p.Transfer == "" && v.facts.Adequate(country):
		// the adequacy decision is the safeguard; the model fills it in
	case p.Transfer == "":
		hint := `add transfer = "scc" (standard contractual clauses), "bcr" or "consent"`
		if v.facts.DPFCountry(country) {
			hint = `add transfer = "dpf" if the recipient is certified under the EU-US Data Privacy Framework, otherwise "scc"`
		}
		v.atKey(Path("processor", i, "country"), hint,
			"processor %q is in %s, outside the EEA without an adequacy decision, and needs a transfer safeguard", p.ID, country)
	case p.Transfer == "dpf" && !v.facts.DPFCountry(country):
		v.at(path, `use "scc", "bcr" or "consent"`, "the Data Privacy Framework covers only recipients in the United States, not %s", country)
	case p.Transfer == "adequacy" && !v.facts.Adequate(country):
		v.at(path, `use "scc", "bcr" or "consent"`, "%s has no adequacy decision", country)
	}
}

func (v *validator) ukTransfer(i int, p Processor, regime legal.Regime, transfer bool) {
	path := Path("processor", i, "uk_transfer")
	country := string(p.Country)
	switch {
	case !regime.UK:
		if p.UKTransfer != "" {
			v.at(path, "remove uk_transfer; transfer gives the safeguard under the EU GDPR",
				"uk_transfer is only for a company in the United Kingdom; this one is in %s", v.Site.Company.Country)
		}
	case !transfer:
		if p.UKTransfer != "" {
			v.at(path, "remove uk_transfer", "processor %q is in the United Kingdom, like the company: that is no restricted transfer", p.ID)
		}
	case p.UKTransfer == "" && v.facts.UKAdequate(country):
		// the UK's adequacy regulations cover it; the model fills it in
	case p.UKTransfer == "":
		hint := `add uk_transfer = "idta" (International Data Transfer Agreement), "uk_addendum" (UK Addendum to the EU standard contractual clauses), "bcr" or "consent"`
		if v.facts.DPFCountry(country) {
			hint = `add uk_transfer = "uk_dpf" if the recipient participates in the UK Extension to the EU-US Data Privacy Framework, otherwise "idta" or "uk_addendum"`
		}
		v.atKey(Path("processor", i, "country"), hint,
			"processor %q is in %s, which the United Kingdom's adequacy regulations do not cover, and needs a UK transfer safeguard", p.ID, country)
	case p.UKTransfer == "uk_dpf" && !v.facts.DPFCountry(country):
		v.at(path, `use "idta", "uk_addendum", "bcr" or "consent"`, "the UK Extension to the Data Privacy Framework covers only recipients in the United States, not %s", country)
	}
}

func (v *validator) trackers(ids idSets) {
	consent := false
	for _, a := range v.Site.Activities {
		consent = consent || a.Basis == "consent"
	}
	seen := map[string]bool{}
	providers := newIDSet(append(ids.processors.list, FirstPartyProvider)...)
	for i, t := range v.Site.Trackers {
		v.nonEmpty(Path("tracker", i, "name"), t.Name)
		if t.Provider != FirstPartyProvider {
			v.ref(Path("tracker", i, "provider"), "processor", string(t.Provider), providers)
		}
		if key := t.Name + "\x00" + string(t.Provider); seen[key] {
			v.atKey(Path("tracker", i, "name"), "remove the second entry", "tracker %q of %s is listed twice", t.Name, t.Provider)
		} else {
			seen[key] = true
		}
		v.trackerExpiry(i, t)
		v.trackerParty(i, t)
		if t.Category != "" && t.Category != "necessary" && !consent {
			v.at(Path("tracker", i, "category"), "add an [[activity]] with basis = \"consent\" for the trackers that need consent, or categorize the tracker as necessary if it is strictly necessary",
				"tracker %q needs consent (category %s), but no activity has basis consent", t.Name, t.Category)
		}
	}
}

// trackerExpiry checks that a tracker's expiry fits its kind: "none" is
// for a pixel, which stores nothing on the device by itself. A pixel with
// a period or "session" is only warned about, for a pixel that also sets
// a cookie or a storage entry, which is better listed as its own tracker.
func (v *validator) trackerExpiry(i int, t Tracker) {
	path := Path("tracker", i, "expiry")
	switch {
	case t.Expiry.Special == "until_withdrawn":
		v.at(path, `use "session", a duration such as "1y", or "none" for a pixel`, "a tracker's expiry cannot be until_withdrawn")
	case t.Expiry.Special == "none" && t.Kind != "pixel" && v.decoded(Path("tracker", i, "kind")):
		v.at(path, `give how long the `+string(t.Kind)+` stays on the device: "session" or a duration such as "1y"`,
			"expiry = \"none\" is only for a pixel, which stores nothing on the device; tracker %q is a %s", t.Name, t.Kind)
	case t.Kind == "pixel" && t.Expiry.Special != "none" && v.decoded(path):
		v.errs.Add(diag.Warningf(v.Pos.Value(path), "tracker %q is a pixel, which stores nothing on the device, but has expiry %q", t.Name, t.Expiry).
			WithHint(`write expiry = "none"; if the pixel also sets a cookie or a storage entry, list that as a [[tracker]] of its own with its kind and expiry`))
	}
}

// trackerParty checks a tracker's party: a provider's tracker may be set
// on the site's own domain (first, like Google Analytics' _ga), but the
// company's own trackers are never third-party. Without party, the model
// takes first for the company's trackers and third for a provider's
// (Tracker.PartyOrDefault).
func (v *validator) trackerParty(i int, t Tracker) {
	if t.Party == "third" && t.Provider == FirstPartyProvider {
		v.at(Path("tracker", i, "party"), `remove party, or name the provider whose domain sets the tracker as provider = "…"`,
			"tracker %q is set by the company itself (provider = %q), so it cannot be a third-party tracker", t.Name, FirstPartyProvider)
	}
}

// retention checks each rule's period and what it runs from. A period of
// until_withdrawn says itself what it runs until: it needs no after, and
// is given after = "consent_withdrawal", the only one that fits.
func (v *validator) retention(ids idSets) {
	for i := range v.Site.Retention {
		r := &v.Site.Retention[i]
		v.dataList(Path("retention", i, "data"), r.Data, ids.data)
		after := Path("retention", i, "after")
		switch {
		case r.Period.Special == "session" || r.Period.Special == "none":
			v.at(Path("retention", i, "period"), `use a duration such as "30d" or "until_withdrawn"`, "a retention period cannot be %s", r.Period.Special)
		case r.Period.Special == "until_withdrawn" && r.After == "" && v.decoded(after):
			r.After = "consent_withdrawal"
		case r.Period.Special == "until_withdrawn" && r.After != "consent_withdrawal" && v.decoded(after):
			v.at(after, `remove after, or set after = "consent_withdrawal"`,
				"after = %q does not fit period until_withdrawn, which runs until consent is withdrawn", r.After)
		case r.After == "" && v.decoded(after) && v.decoded(Path("retention", i, "period")):
			v.atKey(Path("retention", i), "add after = … to [[retention]]: one of "+strings.Join(Triggers(), ", "),
				"[[retention]] has no after")
		}
	}
}

func (v *validator) changes() {
	seen := map[string]string{} // the path of the last change with each date
	for i, c := range v.Site.Changes {
		d, path := c.Date.Format("2006-01-02"), Path("change", i, "date")
		if prev, dup := seen[d]; dup {
			v.at(path, "each version needs its own date; the first one is at "+v.Pos.Value(prev).String(), "two changes are dated %s", d)
		}
		seen[d] = path
	}
}

func idStrings(ids []ID) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = string(id)
	}
	return out
}

func quoteList(items []string) string {
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}
