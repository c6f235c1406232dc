package serve

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// watchedDirs are the folders of a site whose files the build reads; the
// history folder is added as the site names it.
var watchedDirs = []string{"clauses", "locales", "themes", "history"}

// watch rebuilds the site whenever files it reads change, until ctx ends.
// It watches the site folder itself (so that site.toml survives editors
// that save by renaming a temporary file over it, and folders created
// later are seen) and every folder below the watched ones. Events are
// gathered until the files have been quiet for the debounce time.
func (s *Server) watch(ctx context.Context, ready chan<- struct{}) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	root, err := filepath.Abs(s.opts.Source)
	if err != nil {
		return err
	}
	if err := w.Add(root); err != nil {
		return err
	}
	s.notify(Event{Kind: Watching, Dir: root})
	for _, dir := range s.dirs(root) {
		s.addTree(w, dir)
	}
	close(ready)
	return s.loop(ctx, w, root)
}

// dirs returns the watched folders of the site, absolute.
func (s *Server) dirs(root string) []string {
	var dirs []string
	for _, d := range watchedDirs {
		dirs = append(dirs, filepath.Join(root, d))
	}
	s.mu.RLock()
	if h := s.historyDir; h != "" {
		if abs, err := filepath.Abs(h); err == nil {
			dirs = append(dirs, abs)
		}
	}
	s.mu.RUnlock()
	return dirs
}

func (s *Server) loop(ctx context.Context, w *fsnotify.Watcher, root string) error {
	pending := map[string]bool{}
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case err := <-w.Errors:
			// Events may have been lost (a full queue): read everything again.
			s.logf("watching %s: %v\n", root, err)
			pending["*"] = true
			timer.Reset(s.opts.Debounce)
		case ev := <-w.Events:
			rel, ok := s.relevant(root, ev)
			if !ok {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if st, err := os.Stat(ev.Name); err == nil && st.IsDir() {
					s.addTree(w, ev.Name) // a folder created (or moved in) later
				}
			}
			pending[rel] = true
			timer.Reset(s.opts.Debounce)
		case <-timer.C:
			changed := make([]string, 0, len(pending))
			for f := range pending {
				changed = append(changed, f)
			}
			clear(pending)
			sort.Strings(changed)
			s.Rebuild(changed...)
		}
	}
}

// relevant reports whether an event is about a file the build reads, and
// returns its path relative to the site folder.
func (s *Server) relevant(root string, ev fsnotify.Event) (string, bool) {
	if ev.Op == fsnotify.Chmod || editorTemp(filepath.Base(ev.Name)) {
		return "", false
	}
	rel, err := filepath.Rel(root, ev.Name)
	if err != nil || strings.HasPrefix(rel, "..") {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	if rel == "site.toml" {
		return rel, true
	}
	for _, dir := range s.dirs(root) {
		if d, err := filepath.Rel(root, dir); err == nil && (rel == filepath.ToSlash(d) || strings.HasPrefix(rel, filepath.ToSlash(d)+"/")) {
			return rel, true
		}
	}
	return "", false
}

// editorTemp reports whether a file name is an editor's temporary or
// backup file: hidden files (.site.toml.swp, .#site.toml), site.toml~,
// #site.toml#, vim's 4913 probe, and *.tmp, *.swp, *.swx.
func editorTemp(name string) bool {
	switch {
	case strings.HasPrefix(name, "."), strings.HasSuffix(name, "~"),
		strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"), name == "4913":
		return true
	}
	switch filepath.Ext(name) {
	case ".tmp", ".swp", ".swx", ".bak":
		return true
	}
	return false
}

// addTree watches a folder and every folder below it; a folder that does
// not exist (yet) is skipped, as the site folder's watch sees it appear.
func (s *Server) addTree(w *fsnotify.Watcher, dir string) {
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		if d.IsDir() {
			if strings.HasPrefix(d.Name(), ".") && p != dir {
				return filepath.SkipDir
			}
			if w.Add(p) == nil {
				s.notify(Event{Kind: Watching, Dir: p})
			}
		}
		return nil
	})
}
