package site

import (
	"sync"

	"github.com/policygen/policygen/generator/diff"
)

// Cache keeps what a build computed from immutable inputs, found by those
// inputs themselves (see keys.go: a key type per kind of value), so that a
// text that changed is simply a new entry. A build keeps one for itself
// and one per document and language (see scope); policygen serve keeps
// one for a whole session and calls Sweep after each build. A Cache
// assumes the theme and the message files stay as they are: whoever
// changes those starts a new one. docs/caching.md lists every kind of
// value, its key and its lifetime.
//
// A nil *Cache caches nothing. A Cache is safe for concurrent use.
type Cache struct {
	mu      sync.Mutex
	entries map[any]*cacheEntry // key → entry; a key's type names its kind
	misses  int

	differ     *diff.Differ // for the diff pages of every build
	differSize int          // its Len when the builds stopped growing it
}

type cacheEntry struct {
	done  chan struct{} // closed when value and err are set
	value any
	err   error
	used  bool
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{entries: map[any]*cacheEntry{}} }

// Misses returns how many values were computed since the last Sweep.
func (c *Cache) Misses() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.misses
}

// Sweep drops the entries no build used since the last Sweep, so that a
// long session keeps only what the site shows now, and resets Misses.
func (c *Cache) Sweep() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for k, e := range c.entries {
		if !e.used {
			delete(c.entries, k)
		}
		e.used = false
	}
	c.misses = 0
	// The differ remembers the blocks of texts no build shows any more,
	// such as earlier drafts: start a new one when it has doubled.
	if n := c.differ.Len(); c.differSize == 0 {
		c.differSize = n
	} else if n > 2*c.differSize {
		c.differ, c.differSize = &diff.Differ{}, 0
	}
}

// diffs returns the Differ of the builds that share the cache.
func (c *Cache) diffs() *diff.Differ {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.differ == nil {
		c.differ = &diff.Differ{}
	}
	return c.differ
}

// has reports whether a value is stored under k, or being computed, and
// keeps it for the next build as one that was used.
func has[K key[V], V any](c *Cache, k K) bool {
	if c == nil {
		return false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[k]
	if ok {
		e.used = true
	}
	return ok
}

// cached returns the value stored under k, computing and storing it with
// compute when there is none. A value is computed once even when several
// goroutines ask for it at the same time; the others wait for it. Errors
// are not stored.
func cached[K key[V], V any](c *Cache, k K, compute func() (V, error)) (V, error) {
	if c == nil {
		return compute()
	}
	c.mu.Lock()
	e, ok := c.entries[k]
	if ok {
		e.used = true
		c.mu.Unlock()
		<-e.done
		if e.err != nil {
			var zero V
			return zero, e.err
		}
		return e.value.(V), nil
	}
	e = &cacheEntry{done: make(chan struct{}), used: true}
	c.entries[k] = e
	c.misses++
	c.mu.Unlock()
	v, err := compute()
	e.value, e.err = v, err
	if err != nil {
		c.mu.Lock()
		delete(c.entries, k)
		c.mu.Unlock()
	}
	close(e.done)
	return v, err
}
