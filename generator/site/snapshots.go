package site

import (
	"encoding/json"
	"errors"
	"sync"

	"github.com/policygen/policygen/generator/config"
	"github.com/policygen/policygen/generator/history"
)

// A snapshotDecoder decodes the model snapshots of the released versions
// of a site and decodes each element of their lists (an activity, a
// processor, a tracker …) once: a version mostly repeats the elements of
// the version before, byte for byte. On the large site with 100 versions
// this pays about 9% of BenchmarkBuildLarge/memory: decoding its
// snapshots takes 430-490 ms of CPU with Version.Site alone and 250-300
// ms with sharing (BenchmarkSnapshotDecoding, CPU time, interleaved runs
// on a loaded 2-core machine), of a build's 2,000; the build's
// allocations drop from 4.8 to 3.25 million.
//
// It reads snapshots with encoding/json only, in any layout, and gives
// what json.Unmarshal gives (FuzzSnapshotDecoder checks it); a snapshot
// that does not decode is left to Version.Site, which names the error.
// The models it returns share elements, so they must not be changed. A
// snapshotDecoder lives as long as its Site and is safe for concurrent
// use.
type snapshotDecoder struct {
	activities shared[config.Activity]
	processors shared[config.Processor]
	trackers   shared[config.Tracker]
	retention  shared[config.Retention]
	changes    shared[config.Change]
}

// rawSite is a snapshot with the elements of its lists left as JSON. Its
// lists hide those of the embedded config.Site, by encoding/json's rule
// that the less nested of two fields with the same name wins, so
// json.Unmarshal decodes everything else into the Site.
type rawSite struct {
	config.Site
	Activities []rawElement `json:"activities"`
	Processors []rawElement `json:"processors"`
	Trackers   []rawElement `json:"trackers"`
	Retention  []rawElement `json:"retention"`
	Changes    []rawElement `json:"changes"`
}

// rawElement is an element of a list, as it is written.
type rawElement []byte

// errRepeatedList stops the decoding of a snapshot that repeats a list's
// key: json.Unmarshal decodes the second list into the elements of the
// first, merging them, which only the plain decoding reproduces.
var errRepeatedList = errors.New("a list's key is repeated")

// UnmarshalJSON keeps a copy of the element's JSON. The first list of a
// key decodes into new elements, so an element that is set already means
// that the key is repeated.
func (e *rawElement) UnmarshalJSON(b []byte) error {
	if *e != nil {
		return errRepeatedList
	}
	*e = append(rawElement(nil), b...)
	return nil
}

// site decodes a version's model snapshot.
func (d *snapshotDecoder) site(v *history.Version) (*config.Site, error) {
	if s, ok := d.decode(v.Model); ok {
		return s, nil
	}
	return v.Site()
}

// decode decodes a snapshot, sharing the elements of its lists. ok is
// false when the snapshot does not decode, or repeats a list's key.
func (d *snapshotDecoder) decode(data []byte) (*config.Site, bool) {
	var raw rawSite
	if json.Unmarshal(data, &raw) != nil {
		return nil, false
	}
	site := raw.Site // not a pointer into raw, which holds all the JSON
	ok := d.activities.list(raw.Activities, &site.Activities) &&
		d.processors.list(raw.Processors, &site.Processors) &&
		d.trackers.list(raw.Trackers, &site.Trackers) &&
		d.retention.list(raw.Retention, &site.Retention) &&
		d.changes.list(raw.Changes, &site.Changes)
	return &site, ok
}

// shared holds the decoded elements of one kind of list, by their JSON.
type shared[T any] struct {
	mu    sync.RWMutex
	elems map[string]T
}

// list decodes the elements of raw into dst, each the first time its JSON
// is seen. It leaves dst nil where the snapshot has no list or null, as
// json.Unmarshal does.
func (c *shared[T]) list(raw []rawElement, dst *[]T) bool {
	if raw == nil {
		return true
	}
	out := make([]T, len(raw))
	for i, e := range raw {
		c.mu.RLock()
		t, ok := c.elems[string(e)]
		c.mu.RUnlock()
		if !ok {
			if json.Unmarshal(e, &t) != nil {
				return false
			}
			c.mu.Lock()
			if c.elems == nil {
				c.elems = map[string]T{}
			}
			c.elems[string(e)] = t
			c.mu.Unlock()
		}
		out[i] = t
	}
	*dst = out
	return true
}
