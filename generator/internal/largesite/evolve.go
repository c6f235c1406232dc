package largesite

import (
	"fmt"
	"math/rand/v2"
	"slices"
)

// The site stays about the same size however many versions it has, so
// that the cost of a version can be compared between short and long
// histories: versions add processors and trackers up to these numbers,
// then remove ones they added.
const (
	maxAddedProcessors = 20
	maxAddedTrackers   = 40
)

// evolve makes the changes of the next version: one to three of adding
// or removing a processor, changing a retention period and adding or
// removing trackers. Each changes the text, so each version can be
// released.
func (s *spec) evolve(r *rand.Rand) {
	for range 1 + r.IntN(3) {
		switch r.IntN(4) {
		case 0:
			s.addOrRemoveProcessor(r, true)
		case 1:
			s.addOrRemoveProcessor(r, false)
		case 2:
			s.changeRetention(r)
		default:
			s.addOrRemoveTrackers(r)
		}
	}
}

// addOrRemoveProcessor adds a processor, named as a recipient of one
// activity, or removes one an earlier version added, with its trackers.
func (s *spec) addOrRemoveProcessor(r *rand.Rand, add bool) {
	added := s.countAddedProcessors()
	if added == 0 || (add && added < maxAddedProcessors) {
		s.nextID++
		p := newProcessor(r, fmt.Sprintf("x%04d", s.nextID), r.IntN(3) == 0)
		p.added = true
		s.processors = append(s.processors, p)
		a := &s.activities[r.IntN(len(s.activities))]
		a.recipients = append(a.recipients, p.id)
		return
	}
	var ids []string
	for _, p := range s.processors {
		if p.added {
			ids = append(ids, p.id)
		}
	}
	gone := ids[r.IntN(len(ids))]
	s.processors = slices.DeleteFunc(s.processors, func(p processor) bool { return p.id == gone })
	for i := range s.activities {
		s.activities[i].recipients = slices.DeleteFunc(s.activities[i].recipients, func(id string) bool { return id == gone })
	}
	s.trackers = slices.DeleteFunc(s.trackers, func(t tracker) bool { return t.provider == gone })
}

func (s *spec) countAddedProcessors() int {
	n := 0
	for _, p := range s.processors {
		if p.added {
			n++
		}
	}
	return n
}

// changeRetention gives a retention rule with a fixed period a new one.
func (s *spec) changeRetention(r *rand.Rand) {
	for {
		rt := &s.retention[r.IntN(len(s.retention))]
		if rt.period == "until_withdrawn" {
			continue
		}
		for old := rt.period; rt.period == old; {
			rt.period = randomPeriod(r)
		}
		return
	}
}

// addOrRemoveTrackers adds one to three trackers, or, once versions have
// added enough, removes the oldest of those.
func (s *spec) addOrRemoveTrackers(r *rand.Rand) {
	added := 0
	for _, t := range s.trackers {
		if t.added {
			added++
		}
	}
	if added >= maxAddedTrackers {
		i := slices.IndexFunc(s.trackers, func(t tracker) bool { return t.added })
		s.trackers = slices.Delete(s.trackers, i, i+1)
		return
	}
	for range 1 + r.IntN(3) {
		s.nextID++
		t := s.newTracker(r, Trackers+s.nextID)
		t.added = true
		s.trackers = append(s.trackers, t)
	}
}
