package model

import "github.com/policygen/policygen/generator/config"

// UsesBasis reports whether some activity has the legal basis.
func (s *Site) UsesBasis(basis string) bool {
	for _, a := range s.Activities {
		if string(a.Basis) == basis {
			return true
		}
	}
	return false
}

// ObjectionActivities returns the activities based on a task in the
// public interest or on legitimate interests, to which people may object
// on grounds relating to their situation (Art. 21(1) GDPR).
func (s *Site) ObjectionActivities() []*Activity {
	var out []*Activity
	for _, a := range s.Activities {
		if a.Basis == "public_task" || a.Basis == "legitimate_interests" {
			out = append(out, a)
		}
	}
	return out
}

// DirectMarketingActivities returns the activities that process data for
// direct marketing, to which people may always object (Art. 21(2) GDPR).
func (s *Site) DirectMarketingActivities() []*Activity {
	var out []*Activity
	for _, a := range s.Activities {
		if a.DirectMarketing {
			out = append(out, a)
		}
	}
	return out
}

// ThirdCountryRecipients returns the processors outside the EEA.
func (s *Site) ThirdCountryRecipients() []*Processor {
	var out []*Processor
	for _, p := range s.Processors {
		if p.ThirdCountry {
			out = append(out, p)
		}
	}
	return out
}

// OnwardRecipients returns the recipients that pass the data on to third
// countries, wherever they are themselves.
func (s *Site) OnwardRecipients() []*Processor {
	var out []*Processor
	for _, p := range s.Processors {
		if len(p.Onward) > 0 {
			out = append(out, p)
		}
	}
	return out
}

// SafeguardedRecipients returns the recipients whose transfer rests on
// appropriate safeguards, of which people may obtain a copy: standard
// contractual clauses or binding corporate rules under the EU GDPR, the
// IDTA, the UK Addendum or binding corporate rules under the UK GDPR.
func (s *Site) SafeguardedRecipients() []*Processor {
	var out []*Processor
	for _, p := range s.Processors {
		switch {
		case p.Transfer == "scc", p.Transfer == "bcr", p.UKTransfer == "idta", p.UKTransfer == "uk_addendum", p.UKTransfer == "bcr":
			out = append(out, p)
		}
	}
	return out
}

// SourcedActivities returns the activities with data that does not come
// from the person, all of it or the SourceData (Art. 14 GDPR).
func (s *Site) SourcedActivities() []*Activity {
	var out []*Activity
	for _, a := range s.Activities {
		if a.Source != "" {
			out = append(out, a)
		}
	}
	return out
}

// ProvidedActivities returns the activities with data that the person
// provides (OwnData), for whom Art. 13(2)(e) GDPR asks whether they must.
func (s *Site) ProvidedActivities() []*Activity {
	var out []*Activity
	for _, a := range s.Activities {
		if len(a.OwnData) > 0 {
			out = append(out, a)
		}
	}
	return out
}

// AutomatedActivities returns the activities with automated decision-making.
func (s *Site) AutomatedActivities() []*Activity {
	var out []*Activity
	for _, a := range s.Activities {
		if a.Automated != "" {
			out = append(out, a)
		}
	}
	return out
}

// TrackerGroups groups the trackers by category, in the order of
// config.Categories(), leaving out empty groups.
func (s *Site) TrackerGroups() []TrackerGroup {
	var out []TrackerGroup
	for _, c := range config.Categories() {
		g := TrackerGroup{Category: c}
		for _, t := range s.Trackers {
			if t.Category == c {
				g.Trackers = append(g.Trackers, t)
			}
		}
		if len(g.Trackers) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// UsesCategory reports whether some tracker is of the category, so that
// the cookie policy explains only the categories the site uses.
func (s *Site) UsesCategory(category string) bool {
	for _, t := range s.Trackers {
		if t.Category == category {
			return true
		}
	}
	return false
}

// ConsentTrackers reports whether some tracker needs consent.
func (s *Site) ConsentTrackers() bool {
	for _, t := range s.Trackers {
		if t.Category != "necessary" {
			return true
		}
	}
	return false
}
