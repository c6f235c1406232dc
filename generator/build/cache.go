package build

import (
	"crypto/sha256"
	"sync"
)

// Cache keeps what a build computed from immutable inputs (the HTML of a
// Markdown text, the diff of two texts, the summary of two released
// versions) for the next build of the same site, as policygen serve does
// between saves. Entries are found by the hash of their inputs, so a text
// that changed is simply a new entry. A Cache assumes the theme and the
// message files stay as they are: whoever changes those starts a new one.
//
// A nil *Cache caches nothing. A Cache is safe for concurrent use.
type Cache struct {
	mu      sync.Mutex
	entries map[[32]byte]*cacheEntry
	misses  int
}

type cacheEntry struct {
	value any
	used  bool
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{entries: map[[32]byte]*cacheEntry{}} }

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
}

// cached returns the value stored under the parts of a key, computing and
// storing it with f when there is none. Errors are not stored.
func cached[T any](c *Cache, f func() (T, error), key ...string) (T, error) {
	if c == nil {
		return f()
	}
	h := sha256.New()
	for _, k := range key {
		h.Write([]byte(k))
		h.Write([]byte{0})
	}
	var sum [32]byte
	h.Sum(sum[:0])
	c.mu.Lock()
	if e, ok := c.entries[sum]; ok {
		e.used = true
		c.mu.Unlock()
		return e.value.(T), nil
	}
	c.misses++
	c.mu.Unlock()
	v, err := f()
	if err == nil {
		c.mu.Lock()
		c.entries[sum] = &cacheEntry{value: v, used: true}
		c.mu.Unlock()
	}
	return v, err
}
