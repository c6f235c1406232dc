package largesite

import (
	"fmt"
	"maps"
	"os"
	"runtime"
	"sync"

	"github.com/policygen/policygen"
	"github.com/policygen/policygen/generator/config"
	"github.com/policygen/policygen/generator/history"
	"github.com/policygen/policygen/generator/site"
)

// A releaser releases versions as policygen release does, but faster, so
// that a history of a thousand versions takes a minute rather than many:
//
//   - A version's text depends only on its site.toml and its date, not on
//     the versions before it. So the texts of several versions render at
//     once, one per core, each released alone into a scratch folder by
//     Site.ReleaseNewest; then each is released again from that text, in order,
//     chained to the one before, by history.Release: the same files a
//     release after each edit writes.
//   - Each worker loads the site folder once and afterwards only the
//     edited site.toml: a full load reads and verifies the whole history,
//     which would make a long history quadratic to write.
//   - The files are not flushed to disk one by one.
//
// Loading the folder verifies every version, as any build does.
type releaser struct {
	history string       // the history folder
	sites   []*site.Site // one per worker
	prev    *history.Version
}

func newReleaser(dir, hist string) (*releaser, error) {
	rel := &releaser{history: hist}
	for range runtime.GOMAXPROCS(0) {
		s, err := site.Load(site.Options{Source: dir, Defaults: policygen.Defaults, Date: BuildDate()})
		if err != nil {
			return nil, err
		}
		rel.sites = append(rel.sites, s)
	}
	return rel, nil
}

// release releases the versions whose site.toml are srcs, oldest first.
// file is the site.toml the sources are named as in errors.
func (rel *releaser) release(file string, srcs [][]byte) error {
	scratch, err := os.MkdirTemp(scratchRoot(), "largesite-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(scratch)
	type result struct {
		text *history.Version
		cfg  *config.Loaded
		err  error
	}
	results := make([]result, len(srcs))
	var wg sync.WaitGroup
	for w, s := range rel.sites {
		wg.Go(func() {
			for i := w; i < len(srcs); i += len(rel.sites) {
				r := &results[i]
				r.text, r.cfg, r.err = render(s, scratch, file, srcs[i])
			}
		})
	}
	wg.Wait()
	for _, r := range results {
		if r.err != nil {
			return r.err
		}
		if err := rel.chain(r.text, r.cfg); err != nil {
			return err
		}
	}
	return nil
}

// scratchRoot is where versions are released alone: a memory file system
// where there is one, as Site.Release flushes every file to disk.
func scratchRoot() string {
	if fi, err := os.Stat("/dev/shm"); err == nil && fi.IsDir() {
		return "/dev/shm"
	}
	return ""
}

// render releases one version alone into scratch to render its text.
func render(s *site.Site, scratch, file string, src []byte) (*history.Version, *config.Loaded, error) {
	cfg, err := config.Load(file, src, s.Facts)
	if err != nil {
		return nil, nil, err
	}
	s.Config, s.History, s.Released, s.HistoryDir = cfg, nil, nil, scratch
	v, _, err := s.ReleaseNewest()
	return v, cfg, err
}

// chain releases a rendered version into the history, after the newest.
func (rel *releaser) chain(text *history.Version, cfg *config.Loaded) error {
	if rel.prev != nil && sameDocs(text.Docs, rel.prev.Docs) {
		return fmt.Errorf("largesite: the version of %s does not change the text", text.Name())
	}
	snap := history.Snapshot{Date: text.Date, Note: text.Note, Docs: text.Docs, Site: cfg.Site, Released: text.Released}
	w := history.Writer{WriteFile: func(name string, data []byte) error { return os.WriteFile(name, data, 0o644) }}
	v, err := w.Release(rel.history, snap, rel.prev)
	if err != nil {
		return err
	}
	rel.prev = v
	return nil
}

func sameDocs(a, b map[string]map[string]string) bool {
	return maps.EqualFunc(a, b, func(x, y map[string]string) bool { return maps.Equal(x, y) })
}
