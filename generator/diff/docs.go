package diff

import (
	"encoding/json"
	"slices"

	"github.com/policygen/policygen/generator/config"
)

// The documents whose text a fact shows in. A site may add documents of its
// own; what they show is not known, so they get every fact.
const (
	Privacy = "privacy"
	Cookies = "cookies"
)

// Docs is the set of documents whose text shows a fact.
type Docs uint8

const (
	privacyOnly Docs = 1 << iota
	cookiesOnly
	both = privacyOnly | cookiesOnly
)

// Has reports whether the document doc, "privacy" or "cookies", is in
// the set.
func (d Docs) Has(doc string) bool {
	switch doc {
	case Privacy:
		return d&privacyOnly != 0
	case Cookies:
		return d&cookiesOnly != 0
	}
	return false
}

// FactsFor returns the facts that the document doc shows, in their order.
// The cookie policy shows the trackers, their providers and the transfers
// of those providers, and the contact details it names; the privacy policy
// all the rest. Another document gets every fact.
func FactsFor(facts []Fact, doc string) []Fact {
	if doc != Privacy && doc != Cookies {
		return facts
	}
	var out []Fact
	for _, f := range facts {
		if f.Docs.Has(doc) {
			out = append(out, f)
		}
	}
	return out
}

// otherChanges gives the fact "summary.other_changes" to each document
// whose part of the model changed while no fact describes a change in it,
// so that a document's empty summary means that only its wording changed.
func otherChanges(facts []Fact, old, new *config.Site) []Fact {
	var docs Docs
	if len(FactsFor(facts, Privacy)) == 0 && !sameJSON(privacyPart(old), privacyPart(new)) {
		docs |= privacyOnly
	}
	if len(FactsFor(facts, Cookies)) == 0 && !sameJSON(cookiePart(old), cookiePart(new)) {
		docs |= cookiesOnly
	}
	if docs == 0 {
		return nil
	}
	return []Fact{{ID: "summary.other_changes", Docs: docs}}
}

// privacyPart is what the privacy policy shows: the whole model but its
// changelog, its site settings and the details of the trackers, of which
// it says only whether there are any and whether any needs consent.
func privacyPart(s *config.Site) any {
	x := *s
	x.Changes, x.Settings, x.Trackers = nil, config.Settings{ChangeNotice: s.Settings.ChangeNotice}, nil
	consent := slices.ContainsFunc(s.Trackers, func(t config.Tracker) bool { return t.Category != "necessary" })
	return struct {
		Site              config.Site
		Trackers, Consent bool
	}{x, len(s.Trackers) > 0, consent}
}

// cookiePart is what the cookie policy shows: the trackers, the providers'
// names, countries and transfers, the controller's name, email and country
// (whose law it cites), the officer's name and email and where the cookie
// settings are.
func cookiePart(s *config.Site) any {
	type provider struct {
		Name       string
		Country    config.Country
		Transfer   config.Transfer
		UKTransfer config.UKTransfer
		Onward     []config.Onward
	}
	var providers []provider
	for _, p := range s.Processors {
		if providesTracker(s, p.ID) {
			providers = append(providers, provider{p.Name, p.Country, p.Transfer, p.UKTransfer, p.Onward})
		}
	}
	var dpo [2]string
	if s.DPO != nil {
		dpo = [2]string{s.DPO.Name, string(s.DPO.Email)}
	}
	c := s.Company
	return struct {
		Trackers  []config.Tracker
		Providers []provider
		Company   [4]string
		DPO       [2]string
		Settings  config.URL
	}{s.Trackers, providers, [4]string{c.Name, string(c.Email), string(c.Country), c.Region}, dpo, s.Settings.ConsentSettingsURL}
}

// providesTracker reports whether the recipient id sets a tracker of site.
func providesTracker(site *config.Site, id config.ID) bool {
	return slices.ContainsFunc(site.Trackers, func(t config.Tracker) bool { return t.Provider == id })
}

// recipientDocs are the documents that show a recipient: the privacy
// policy always, the cookie policy when it provides a tracker in one of
// the sites.
func recipientDocs(id config.ID, sites ...*config.Site) Docs {
	for _, s := range sites {
		if providesTracker(s, id) {
			return both
		}
	}
	return privacyOnly
}

func sameJSON(a, b any) bool {
	ja, errA := json.Marshal(a)
	jb, errB := json.Marshal(b)
	return errA == nil && errB == nil && string(ja) == string(jb)
}
