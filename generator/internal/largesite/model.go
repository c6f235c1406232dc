package largesite

import (
	"fmt"
	"math/rand/v2"
	"slices"
)

// site is the generator's own description of the site, turned into
// site.toml by writeTOML. It is simpler than config.Site: only what the
// generator varies.
type spec struct {
	activities []activity
	processors []processor
	trackers   []tracker
	retention  []retention
	changes    []change
	nextID     int // numbers processors and trackers added by versions
}

type activity struct {
	id, basis, required, retention string
	title, purpose, interest       text
	data, recipients               []string
}

type processor struct {
	id, name, role, country, transfer string
	service                           text
	added                             bool // added by a version, so a later one may remove it
}

type tracker struct {
	name, provider, category, kind, expiry string
	purpose                                text
	added                                  bool
}

type retention struct {
	id, period, after string
	data              []string
	basis             *text
}

type change struct {
	date string
	note *text
}

// baseSite generates the site of the first version.
func baseSite(r *rand.Rand) *spec {
	s := &spec{}
	for i := range Retention {
		s.retention = append(s.retention, newRetention(r, i))
	}
	for i := range Processors {
		s.processors = append(s.processors, newProcessor(r, fmt.Sprintf("p%03d", i), i%3 == 2))
	}
	for i := range Activities {
		s.activities = append(s.activities, s.newActivity(r, i))
	}
	for i := range Trackers {
		s.trackers = append(s.trackers, s.newTracker(r, i))
	}
	return s
}

func newRetention(r *rand.Rand, i int) retention {
	rt := retention{id: fmt.Sprintf("r%02d", i), data: pick(r, dataCategories, 2+r.IntN(5))}
	switch i % 5 {
	case 0:
		rt.period, rt.after = "until_withdrawn", "consent_withdrawal"
	case 1:
		rt.period, rt.after = randomPeriod(r), "fiscal_year_end"
		b := retentionBases[r.IntN(len(retentionBases))]
		rt.basis = &b
	default:
		rt.period = randomPeriod(r)
		rt.after = []string{"collection", "contract_end", "account_closure"}[r.IntN(3)]
	}
	return rt
}

func randomPeriod(r *rand.Rand) string {
	return fmt.Sprintf("%d%c", 1+r.IntN(36), "dwmy"[r.IntN(4)])
}

// newProcessor makes a recipient, outside the EEA when third is set, with
// the transfer safeguard its country needs.
func newProcessor(r *rand.Rand, id string, third bool) processor {
	p := processor{id: id, service: services[r.IntN(len(services))]}
	switch n := r.IntN(20); { // joint controllers are rare: each is named with its activities
	case n == 0:
		p.role = "joint_controller"
	case n < 5:
		p.role = "controller"
	default:
		p.role = "processor"
	}
	if !third {
		p.country = eeaCountries[r.IntN(len(eeaCountries))]
	} else {
		p.country = thirdCountries[r.IntN(len(thirdCountries))]
		p.transfer = safeguard(r, p.country)
	}
	p.name = fmt.Sprintf("%s %s %s", nameWords[r.IntN(len(nameWords))], nameKinds[r.IntN(len(nameKinds))], legalForm[p.country])
	return p
}

// safeguard picks a transfer mechanism valid for a third country.
func safeguard(r *rand.Rand, country string) string {
	switch country {
	case "US":
		return []string{"dpf", "dpf", "scc", "bcr"}[r.IntN(4)]
	case "GB", "JP", "CH", "CA", "BR": // adequacy decisions: may be left out
		return []string{"", "adequacy", "scc"}[r.IntN(3)]
	}
	return []string{"scc", "scc", "bcr", "consent"}[r.IntN(4)]
}

// newActivity makes activity i; its data are a part of its retention
// rule's, as the loader requires, and every fourth asks for consent.
func (s *spec) newActivity(r *rand.Rand, i int) activity {
	rt := s.retention[i%len(s.retention)]
	t := topics[i%len(topics)]
	n := i/len(topics) + 1
	a := activity{
		id:         fmt.Sprintf("a%02d", i),
		title:      text{fmt.Sprintf("%s (%d)", t.en, n), fmt.Sprintf("%s (%d)", t.de, n), fmt.Sprintf("%s (%d)", t.nl, n)},
		purpose:    purposes[r.IntN(len(purposes))],
		data:       pick(r, rt.data, 1+r.IntN(len(rt.data))),
		retention:  rt.id,
		recipients: s.pickProcessors(r, 1+r.IntN(5)),
	}
	switch {
	case i%4 == 0 || rt.period == "until_withdrawn":
		a.basis, a.required = "consent", "no"
	case i%4 == 1:
		a.basis, a.required = "contract", "contract"
	case i%4 == 2:
		a.basis, a.required = "legitimate_interests", "no"
		a.interest = interests[r.IntN(len(interests))]
	default:
		a.basis, a.required = "legal_obligation", "statutory"
	}
	return a
}

func (s *spec) pickProcessors(r *rand.Rand, n int) []string {
	var ids []string
	for _, i := range r.Perm(len(s.processors))[:n] {
		ids = append(ids, s.processors[i].id)
	}
	return ids
}

// newTracker makes a tracker of the company or of a processor.
func (s *spec) newTracker(r *rand.Rand, n int) tracker {
	prefix := []string{"_sid_", "_pref_", "_stat_", "_ad_", "_cart_", "_uid_"}[r.IntN(6)]
	t := tracker{name: fmt.Sprintf("%s%04d", prefix, n), provider: "first_party", purpose: trackerPurposes[r.IntN(len(trackerPurposes))]}
	if r.IntN(10) >= 3 {
		t.provider = s.processors[r.IntN(len(s.processors))].id
	}
	t.category = []string{"necessary", "preferences", "statistics", "marketing"}[r.IntN(4)]
	t.kind = []string{"cookie", "cookie", "cookie", "local_storage", "session_storage", "pixel"}[r.IntN(6)]
	t.expiry = "session"
	if t.kind == "cookie" || t.kind == "local_storage" {
		t.expiry = []string{"session", "30d", "90d", "6m", "13m", "1y", "2y"}[r.IntN(7)]
	}
	return t
}

// pick returns n different elements of from, in from's order.
func pick(r *rand.Rand, from []string, n int) []string {
	idx := r.Perm(len(from))[:n]
	slices.Sort(idx)
	out := make([]string, n)
	for i, j := range idx {
		out[i] = from[j]
	}
	return out
}
