package largesite

import (
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"sync"

	"github.com/policygen/policygen/generator/site"
)

// Cache writes each size of the site once and hands out copies of it, so
// that a test process pays for a long history once however many tests
// and benchmarks use it. The zero Cache is ready to use; Close removes
// what it wrote. A Cache is safe for concurrent use.
type Cache struct {
	mu    sync.Mutex
	root  string
	sites map[int]*cachedSite
}

type cachedSite struct {
	once sync.Once
	dir  string
	err  error
}

// CopyTo writes the site with the given number of versions into dst, an
// empty or missing folder. site.toml is a copy that the caller may edit;
// the released versions are hard links to the cached ones where the file
// system allows, which is safe because a release never writes into an
// existing version: a caller must not write into them either.
func (c *Cache) CopyTo(dst string, versions int) error {
	src, err := c.site(versions)
	if err != nil {
		return err
	}
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		switch {
		case d.IsDir():
			return os.MkdirAll(target, 0o755)
		case rel != site.SiteFile && os.Link(p, target) == nil:
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

// site returns the cached folder of a size, writing it the first time.
func (c *Cache) site(versions int) (string, error) {
	c.mu.Lock()
	if c.root == "" {
		root, err := os.MkdirTemp("", "largesite-cache-")
		if err != nil {
			c.mu.Unlock()
			return "", err
		}
		c.root, c.sites = root, map[int]*cachedSite{}
	}
	s := c.sites[versions]
	if s == nil {
		s = &cachedSite{dir: filepath.Join(c.root, strconv.Itoa(versions))}
		c.sites[versions] = s
	}
	c.mu.Unlock()
	s.once.Do(func() {
		if s.err = os.Mkdir(s.dir, 0o755); s.err == nil {
			s.err = Write(s.dir, versions)
		}
	})
	return s.dir, s.err
}

// Close removes the sites the cache wrote.
func (c *Cache) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.root == "" {
		return nil
	}
	err := os.RemoveAll(c.root)
	c.root, c.sites = "", nil
	return err
}
