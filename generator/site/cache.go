package site

import (
	"sync"

	"github.com/policygen/policygen/generator/diff"
)

// Cache keeps what a build computed from immutable inputs (the HTML of a
// Markdown text, the diff of two texts, the summary of two released
// versions) for the next build of the same site, as policygen serve does
// between saves. Entries are found by their inputs themselves, so a text
// that changed is simply a new entry. A Cache assumes the theme and the
// message files stay as they are: whoever changes those starts a new one.
//
// A nil *Cache caches nothing. A Cache is safe for concurrent use.
type Cache struct {
	mu      sync.Mutex
	entries map[cacheKey]*cacheEntry
	misses  int

	differ     *diff.Differ // for the diff pages of every build
	differSize int          // its Len when the builds stopped growing it
}

// cacheKey is what a value is computed from: its kind and up to four
// strings. The strings are the inputs themselves rather than a digest of
// them, so that a lookup costs one hash of the map and an equal text is
// never taken for another; a key refers to the texts it names and copies
// none of them.
type cacheKey [5]string

type cacheEntry struct {
	done  chan struct{} // closed when value and err are set
	value any
	err   error
	used  bool
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{entries: map[cacheKey]*cacheEntry{}} }

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

// has reports whether a value is stored under key, or being computed,
// and keeps it for the next build as one that was used.
func (c *Cache) has(key cacheKey) bool {
	if c == nil {
		return false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[key]
	if ok {
		e.used = true
	}
	return ok
}

// cached returns the value stored under key, computing and storing it
// with f when there is none. A value is computed once even when several
// goroutines ask for it at the same time; the others wait for it. Errors
// are not stored.
func cached[T any](c *Cache, key cacheKey, f func() (T, error)) (T, error) {
	if c == nil {
		return f()
	}
	c.mu.Lock()
	e, ok := c.entries[key]
	if ok {
		e.used = true
		c.mu.Unlock()
		<-e.done
		if e.err != nil {
			var zero T
			return zero, e.err
		}
		return e.value.(T), nil
	}
	e = &cacheEntry{done: make(chan struct{}), used: true}
	c.entries[key] = e
	c.misses++
	c.mu.Unlock()
	v, err := f()
	e.value, e.err = v, err
	if err != nil {
		c.mu.Lock()
		delete(c.entries, key)
		c.mu.Unlock()
	}
	close(e.done)
	return v, err
}
