package config

import (
	"fmt"
	"maps"
	"net"
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
		v.rule("consent-coupling", p("required"), `data without which the site cannot be delivered cannot rest on consent, which must be freely given (Art. 7(4) GDPR): choose another basis, such as "legitimate_interests"`,
			"activity %q is based on consent, so its data cannot be technically necessary", a.ID)
	case a.Basis == "consent" && a.Required != "no":
		v.rule("consent-coupling", p("required"), `set required = "no": consent must be freely given (Art. 7(4) GDPR); data a contract or the law needs rest on basis "contract" or "legal_obligation"`,
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
		v.jointControl(i, p)
		v.transfer(i, p)
		v.onward(i, p)
		for j, h := range p.Hosts {
			if !ValidHostPattern(h) {
				v.at(Path("processor", i, "hosts", j), `write a host name as a browser loads it, such as "cdn.example.com", or "*.example.com" for example.com and every host under it: lowercase, no scheme, port or path`,
					"%q is not a host name", h)
			}
		}
	}
}

// ValidHostPattern reports whether s is a host name, an IP address, or
// "*." and a host name: lowercase, without scheme, port or path.
func ValidHostPattern(s string) bool {
	if net.ParseIP(s) != nil {
		return true
	}
	s = strings.TrimPrefix(s, "*.")
	if s == "" || len(s) > 253 || strings.HasPrefix(s, ".") || strings.HasSuffix(s, ".") {
		return false
	}
	for _, label := range strings.Split(s, ".") {
		if label == "" || len(label) > 63 || strings.HasPrefix(label, "-") || strings.HasSuffix(label, "-") {
			return false
		}
		for _, r := range label {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
				return false
			}
		}
	}
	return true
}

// MatchHost reports whether host is covered by a pattern of
// Processor.Hosts: equal, or the domain of a "*." pattern or a host under
// it ("*.example.com" covers example.com and www.example.com).
func MatchHost(pattern, host string) bool {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	if domain, ok := strings.CutPrefix(pattern, "*."); ok {
		return host == domain || strings.HasSuffix(host, "."+domain)
	}
	return host == pattern
}

// jointControl checks the keys of a joint controller (Art. 26): what is
// jointly controlled must be said, since after Fashion ID (CJEU C-40/17)
// it is often only the collection and transmission, not the whole service;
// and the keys are for no other role.
func (v *validator) jointControl(i int, p Processor) {
	path := func(key string) string { return Path("processor", i, key) }
	switch {
	case p.Role == "joint_controller":
		if p.JointScope.IsZero() && v.decoded(path("joint_scope")) {
			v.at(path("role"), "add joint_scope = { … } saying what you and the recipient control jointly, such as the collection of data by its pixel on your website and their transmission to it (Art. 26 GDPR; CJEU C-40/17, Fashion ID)",
				"joint controller %q has no joint_scope", p.ID)
		}
		return
	case p.Role == "": // reported by the decoder
		return
	}
	for _, k := range []struct {
		key string
		set bool
	}{{"joint_scope", !p.JointScope.IsZero()}, {"joint_duties", !p.JointDuties.IsZero()}, {"arrangement_url", p.ArrangementURL != ""}} {
		if k.set {
			v.atKey(path(k.key), fmt.Sprintf(`remove %s, or set role = "joint_controller" if you decide on the purposes and means together with the recipient (Art. 26 GDPR)`, k.key),
				"%s is only for a joint controller; processor %q has role %s", k.key, p.ID, p.Role)
		}
	}
}

// flow is a transfer to check: a recipient's own, or one of its onward
// transfers. in starts the messages: `processor "host" is in`.
type flow struct {
	path       string // of the table that holds transfer and uk_transfer
	in         string
	country    string
	transfer   Transfer
	ukTransfer UKTransfer
	consent    bool // whether the derogations of Art. 49(1)(a) and (b), explicit consent and a contract with the person, may be the basis
}

// transfer checks a recipient's transfer tools from the controller's point
// of view: transfer under the EU GDPR, uk_transfer under the UK GDPR, each
// only where that law applies and the recipient is outside the area the
// controller's law protects (legal.Facts.Transfers).
func (v *validator) transfer(i int, p Processor) {
	if p.Country == "" { // reported by the decoder
		return
	}
	v.flow(flow{path: Path("processor", i), in: fmt.Sprintf("processor %q is in", p.ID), country: string(p.Country),
		transfer: p.Transfer, ukTransfer: p.UKTransfer, consent: true})
}

func (v *validator) flow(f flow) {
	c := v.Site.Company
	regime := v.facts.RegimeOf(string(c.Country), c.TargetsEU)
	_, eu, uk := v.facts.Transfers(regime, f.country)
	v.euTransfer(f, regime, eu)
	v.ukTransfer(f, regime, uk)
}

// tools names the safeguards to offer beside the given ones in a hint.
func (f flow) tools(tools ...string) string {
	if f.consent {
		tools = append(tools, `"consent"`, `"contract"`)
	}
	if len(tools) == 1 {
		return tools[0]
	}
	return strings.Join(tools[:len(tools)-1], ", ") + " or " + tools[len(tools)-1]
}

func (v *validator) euTransfer(f flow, regime legal.Regime, transfer bool) {
	path := Path(f.path, "transfer")
	switch {
	case !regime.EU:
		if f.transfer != "" {
			v.at(path, `give the UK tool as uk_transfer, or add targets_eu = true to [company] if the company also offers goods or services to people in the EU or monitors them there`,
				"transfer names a safeguard of the EU GDPR, which does not apply to a company in the United Kingdom that does not target people in the EU")
		}
	case !transfer:
		if f.transfer != "" {
			v.atKey(path, "remove transfer", "%s the EEA (%s); no transfer safeguard applies", f.in, f.country)
		}
	case f.transfer == "" && v.facts.Adequate(f.country):
		// the adequacy decision is the safeguard; the model fills it in
	case f.transfer == "":
		hint := `add transfer = "scc" (standard contractual clauses), ` + f.tools(`"bcr"`)
		if v.facts.DPFCountry(f.country) {
			hint = `add transfer = "dpf" if the recipient is certified under the EU-US Data Privacy Framework, otherwise "scc"`
		}
		v.atKey(Path(f.path, "country"), hint,
			"%s %s, outside the EEA without an adequacy decision, and needs a transfer safeguard", f.in, f.country)
	case f.transfer == "dpf" && !v.facts.DPFCountry(f.country):
		v.at(path, "use "+f.tools(`"scc"`, `"bcr"`), "the Data Privacy Framework covers only recipients in the United States, not %s", f.country)
	case f.transfer == "adequacy" && !v.facts.Adequate(f.country):
		v.at(path, "use "+f.tools(`"scc"`, `"bcr"`), "%s has no adequacy decision", f.country)
	}
}

func (v *validator) ukTransfer(f flow, regime legal.Regime, transfer bool) {
	path := Path(f.path, "uk_transfer")
	switch {
	case !regime.UK:
		if f.ukTransfer != "" {
			v.at(path, "remove uk_transfer; transfer gives the safeguard under the EU GDPR",
				"uk_transfer is only for a company in the United Kingdom; this one is in %s", v.Site.Company.Country)
		}
	case !transfer:
		if f.ukTransfer != "" {
			v.at(path, "remove uk_transfer", "%s the United Kingdom, like the company: that is no restricted transfer", f.in)
		}
	case f.ukTransfer == "" && v.facts.UKAdequate(f.country):
		// the UK's adequacy regulations cover it; the model fills it in
	case f.ukTransfer == "":
		hint := `add uk_transfer = "idta" (International Data Transfer Agreement), "uk_addendum" (UK Addendum to the EU standard contractual clauses), ` + f.tools(`"bcr"`)
		if v.facts.DPFCountry(f.country) {
			hint = `add uk_transfer = "uk_dpf" if the recipient participates in the UK Extension to the EU-US Data Privacy Framework, otherwise "idta" or "uk_addendum"`
		}
		v.atKey(Path(f.path, "country"), hint,
			"%s %s, which the United Kingdom's adequacy regulations do not cover, and needs a UK transfer safeguard", f.in, f.country)
	case f.ukTransfer == "uk_dpf" && !v.facts.DPFCountry(f.country):
		v.at(path, "use "+f.tools(`"idta"`, `"uk_addendum"`, `"bcr"`), "the UK Extension to the Data Privacy Framework covers only recipients in the United States, not %s", f.country)
	}
}

// onward checks a recipient's onward transfers: each to a third country
// other than the recipient's own, once, with a safeguard as if the
// controller sent the data there itself, since Chapter V protects the data
// along the whole chain (Art. 44: "including for onward transfers").
// Explicit consent is no basis for them: it is given to the controller for
// a transfer it proposes (Art. 49(1)(a)), not for a recipient's transfers
// to its affiliates or sub-processors.
func (v *validator) onward(i int, p Processor) {
	c := v.Site.Company
	regime := v.facts.RegimeOf(string(c.Country), c.TargetsEU)
	seen := map[string]bool{}
	for j, o := range p.Onward {
		path := Path("processor", i, "onward", j)
		country := string(o.Country)
		if country == "" || !v.decoded(path) { // reported by the decoder
			continue
		}
		if o.Name != "" {
			v.nonEmpty(Path(path, "name"), o.Name)
		}
		third, _, _ := v.facts.Transfers(regime, country)
		switch key := o.Name + "\x00" + country; {
		case seen[key]:
			v.atKey(path, "remove the second entry", "processor %q lists the onward transfer to %s twice", p.ID, country)
		case o.Country == p.Country:
			v.at(Path(path, "country"), "remove the entry: onward names the countries the recipient passes the data on to from its own",
				"processor %q is itself in %s", p.ID, country)
		case !third:
			v.at(Path(path, "country"), "remove the entry: onward lists transfers to third countries",
				"processor %q passes data on to %s, which is no transfer under the law that applies to the company", p.ID, country)
		case o.Transfer == "contract":
			v.at(Path(path, "transfer"), `a recipient's transfers to its affiliates or sub-processors need a safeguard of their own: "dpf", "adequacy", "scc" or "bcr"`,
				"an onward transfer cannot rest on a contract with the person (Art. 49(1)(b) GDPR), which the company concludes, not its recipient")
		case o.Transfer == "consent" || o.UKTransfer == "consent":
			key := map[bool]string{true: "transfer", false: "uk_transfer"}[o.Transfer == "consent"]
			v.at(Path(path, key), `a recipient's transfers to its affiliates or sub-processors need a safeguard of their own: "dpf", "adequacy", "scc" or "bcr" (under the UK GDPR "uk_dpf", "idta", "uk_addendum" or "bcr")`,
				"an onward transfer cannot rest on explicit consent, which people give to the company for a transfer it proposes (Art. 49(1)(a) GDPR)")
		default:
			v.flow(flow{path: path, in: fmt.Sprintf("processor %q passes data on to", p.ID), country: country,
				transfer: o.Transfer, ukTransfer: o.UKTransfer})
		}
		seen[o.Name+"\x00"+country] = true
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
