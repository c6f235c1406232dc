package serve

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// waitLimit is how long a test waits for the server to do something
// before it fails: long enough for a loaded machine, short enough that a
// server that never does it fails the test instead of hanging it.
const waitLimit = 10 * time.Second

// recorder keeps the events a server tells Options.Notify, for tests to
// wait on.
type recorder struct {
	mu     sync.Mutex
	events []Event
	added  chan struct{} // closed and replaced at each event
}

func newRecorder() *recorder { return &recorder{added: make(chan struct{})} }

func (r *recorder) notify(e Event) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.events = append(r.events, e)
	close(r.added)
	r.added = make(chan struct{})
}

// all returns the events so far.
func (r *recorder) all() []Event {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clip(r.events)
}

// until waits for cond, given the events so far, to hold: it checks it
// now and again after each event, and fails the test after waitLimit.
func (r *recorder) until(t testing.TB, what string, cond func(events []Event) bool) {
	t.Helper()
	timeout := time.After(waitLimit)
	for {
		r.mu.Lock()
		events, added := slices.Clip(r.events), r.added
		r.mu.Unlock()
		if cond(events) {
			return
		}
		select {
		case <-added:
		case <-timeout:
			t.Fatalf("%s: not within %v; the server told:\n%s", what, waitLimit, describeEvents(events))
		}
	}
}

func describeEvents(events []Event) string {
	var b strings.Builder
	for _, e := range events {
		fmt.Fprintf(&b, "  %v", e.Kind)
		switch e.Kind {
		case Watching:
			fmt.Fprintf(&b, " %s", e.Dir)
		case Rebuilt:
			fmt.Fprintf(&b, " changed %v, pages %v, err %v", e.Changed, e.Pages, e.Err)
		case TabsChanged:
			fmt.Fprintf(&b, " %d", e.Tabs)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// mkdirWatched creates a folder in a served site and waits until the
// watch has added it, so that files saved in it from then on are seen.
func mkdirWatched(t *testing.T, r *recorder, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	r.until(t, "watching "+dir, func(events []Event) bool {
		return slices.ContainsFunc(events, func(e Event) bool { return e.Kind == Watching && e.Dir == dir })
	})
}

// waitForPage waits until a rebuild makes the page at target contain
// text.
func waitForPage(t *testing.T, r *recorder, s *Server, target, text string) {
	t.Helper()
	r.until(t, fmt.Sprintf("GET %s shows %q", target, text), func([]Event) bool {
		w := get(t, s, "GET", target)
		return w.Code == 200 && strings.Contains(w.Body.String(), text)
	})
}

// writeFile writes a file the way editors that save atomically do: a
// temporary file beside it, renamed over it.
func writeFile(t *testing.T, file string, data []byte) {
	t.Helper()
	tmp := filepath.Join(filepath.Dir(file), "."+filepath.Base(file)+".swp")
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, file); err != nil {
		t.Fatal(err)
	}
}

// TestNotifyTellsEachRebuildWithWhatChangedAndWhatTheTabsWereTold checks
// the events of rebuilds, on which the other tests wait: the files given,
// the pages announced (none when nothing changed, "*" after an error) and
// the error.
func TestNotifyTellsEachRebuildWithWhatChangedAndWhatTheTabsWereTold(t *testing.T) {
	dir := exampleSite(t)
	s, _, rec := newWatchedServer(t, dir)
	s.Rebuild()
	s.Rebuild("site.toml")
	editFile(t, filepath.Join(dir, "site.toml"), `period = "30d"`, `period = "45d"`)
	announced := s.Rebuild("site.toml")
	editFile(t, filepath.Join(dir, "site.toml"), `basis       = "contract"`, `basis       = "contrakt"`)
	s.Rebuild("site.toml")
	events := rec.all()
	if len(events) != 4 {
		t.Fatalf("4 rebuilds told:\n%s", describeEvents(events))
	}
	for i, e := range events {
		if e.Kind != Rebuilt {
			t.Errorf("event %d is %v, want rebuilt", i, e.Kind)
		}
	}
	if e := events[0]; e.Changed != nil || !slices.Equal(e.Pages, []string{"*"}) || e.Err != nil {
		t.Errorf("the first build told changed %v, pages %v, err %v; want none, [*], nil", e.Changed, e.Pages, e.Err)
	}
	if e := events[1]; !slices.Equal(e.Changed, []string{"site.toml"}) || e.Pages != nil || e.Err != nil {
		t.Errorf("a rebuild of the same site told changed %v, pages %v, err %v; want [site.toml], none, nil", e.Changed, e.Pages, e.Err)
	}
	if e := events[2]; !slices.Equal(e.Pages, announced) || !slices.Contains(e.Pages, "/en/privacy/") || e.Err != nil {
		t.Errorf("a rebuild after an edit told pages %v, err %v; want what Rebuild returned, %v", e.Pages, e.Err, announced)
	}
	if e := events[3]; !slices.Equal(e.Pages, []string{"*"}) || e.Err == nil || !strings.Contains(e.Err.Error(), "contrakt") {
		t.Errorf("a rebuild that failed told pages %v, err %v; want [*] and the error", e.Pages, e.Err)
	}
}

// TestNotifyTellsTheNumberOfTabsAsTheyComeAndGo opens two event streams
// and closes one.
func TestNotifyTellsTheNumberOfTabsAsTheyComeAndGo(t *testing.T) {
	s, _, rec := newWatchedServer(t, exampleSite(t))
	url, _ := runServer(t, s)
	_, first, _ := openStream(t, hostOf(url))
	openStream(t, hostOf(url))
	first.Close()
	rec.until(t, "tabs 1, 2, 1", func(events []Event) bool {
		var tabs []int
		for _, e := range events {
			if e.Kind == TabsChanged {
				tabs = append(tabs, e.Tabs)
			}
		}
		return slices.Equal(tabs, []int{1, 2, 1})
	})
}

// TestNotifyTellsEveryWatchedFolder: the site folder and the folders
// below the watched ones at the start, and a folder created later.
func TestNotifyTellsEveryWatchedFolder(t *testing.T) {
	dir := exampleSite(t)
	s, _, rec := newWatchedServer(t, dir)
	runServer(t, s)
	var watched []string
	for _, e := range rec.all() {
		if e.Kind == Watching {
			watched = append(watched, e.Dir)
		}
	}
	for _, want := range []string{dir, filepath.Join(dir, "history"), filepath.Join(dir, "history", "2025-03-01")} {
		if !slices.Contains(watched, want) {
			t.Errorf("%s is not among the folders watched at the start: %v", want, watched)
		}
	}
	mkdirWatched(t, rec, filepath.Join(dir, "themes", "mine", "layouts"))
}
