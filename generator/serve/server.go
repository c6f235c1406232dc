// Package serve is policygen serve: it builds a site into memory as a
// draft, serves it, watches the site folder and reloads open tabs when a
// save changed what they show. Errors take the place of every page until
// the next good save.
package serve

import (
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/policygen/policygen/generator/diag"
	"github.com/policygen/policygen/generator/guard"
	"github.com/policygen/policygen/generator/publish"
	"github.com/policygen/policygen/generator/site"
)

// Options say what to serve.
type Options struct {
	Source   string           // site folder
	Defaults fs.FS            // embedded clauses/, locales/, themes/
	Date     func() time.Time // the build date, asked at each rebuild; default today
	Log      io.Writer        // where rebuilds and errors are reported
	Debounce time.Duration    // quiet time before a burst of file events rebuilds; default 50 ms
	Limits   guard.Limits     // how long each clause and layout may render

	// Notify, if set, is told of every folder the watch adds, every
	// rebuild and every tab that connects or leaves, after the fact. It is
	// called from the watch, the rebuild and the HTTP handlers' goroutines,
	// possibly at once, and must return quickly without calling the
	// Server's methods: serve waits for it, holding its locks.
	Notify func(Event)
}

// Server is one serve session.
type Server struct {
	opts     Options
	hub      *hub
	timeouts timeouts
	session  int64 // when the session started, so that tabs notice a restart

	building sync.Mutex  // one build at a time; guards the fields up to mu
	cache    *site.Cache // renders kept between builds
	loaded   *site.Site  // the newest site that loaded, for the next build to reuse
	changed  []string    // files changed since loaded was loaded

	mu         sync.RWMutex   // guards the fields below; never held while building
	out        publish.Output // the pages of the newest good build
	errs       diag.List      // the errors of the newest build, nil if it built
	errText    string         // errs as printed, to tell a new error from the same one
	generation int            // counts builds that changed what tabs show
	historyDir string         // the site's history folder, from the newest good load
	rebuilds   int
}

// New returns a server for a site; Rebuild builds it.
func New(opts Options) *Server {
	if opts.Date == nil {
		opts.Date = func() time.Time { return time.Now() }
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	if opts.Debounce == 0 {
		opts.Debounce = 50 * time.Millisecond
	}
	s := &Server{opts: opts, timeouts: defaultTimeouts, cache: site.NewCache(), session: time.Now().UnixNano()}
	s.hub = newHub(func(tabs int) { s.notify(Event{Kind: TabsChanged, Tabs: tabs}) })
	return s
}

// Rebuild builds the site after the files in changed (relative to the
// site folder, slash-separated; none to read everything again) changed, prints
// the outcome, and tells the open tabs which pages changed. It returns the
// URL paths of the pages that changed, "*" for all.
func (s *Server) Rebuild(changed ...string) []string {
	s.building.Lock()
	defer s.building.Unlock()
	start := time.Now()
	if len(changed) == 0 || slices.ContainsFunc(changed, func(f string) bool {
		return f == "*" || strings.HasPrefix(f, "locales/") || strings.HasPrefix(f, "themes/")
	}) {
		s.cache = site.NewCache() // cached renders hold messages and theme output
	}
	out, historyDir, err := s.build(changed)
	pages := s.show(out, historyDir, err, start)
	s.notify(Event{Kind: Rebuilt, Changed: changed, Pages: pages, Err: err})
	return pages
}

// show makes the outcome of a build what the pages and tabs show, prints
// it, and returns the URL paths of the pages that changed.
func (s *Server) show(out publish.Output, historyDir string, err error, start time.Time) []string {
	s.mu.Lock() // pages are served from the previous build until here
	defer s.mu.Unlock()
	s.rebuilds++
	if err != nil {
		return s.failed(diag.Errors(err))
	}
	s.cache.Sweep()
	s.historyDir = historyDir
	first := s.out == nil && s.errs == nil
	pages := changedPages(s.out, out)
	if s.errs != nil || s.out == nil {
		pages = []string{"*"}
	}
	s.out, s.errs, s.errText = out, nil, ""
	if first {
		fmt.Fprintf(s.opts.Log, "Built %d pages in %d ms\n", out.Pages(), time.Since(start).Milliseconds())
	} else {
		fmt.Fprintf(s.opts.Log, "Rebuilt in %d ms: %s\n", time.Since(start).Milliseconds(), describe(pages))
	}
	s.announce(pages)
	return pages
}

// build renders the site as a draft and returns its history folder. What
// the files changed since the last load cannot have changed (the released
// versions, the messages, clauses and theme) is reused from it.
func (s *Server) build(changed []string) (publish.Output, string, error) {
	if len(changed) == 0 {
		changed = []string{"*"} // reread everything
	}
	s.changed = append(s.changed, changed...)
	loaded, err := site.Load(site.Options{Source: s.opts.Source, Defaults: s.opts.Defaults,
		Date: s.opts.Date(), Draft: true, Cache: s.cache, Reuse: s.loaded, Changed: s.changed, Limits: s.opts.Limits})
	if err != nil {
		return nil, "", err
	}
	s.loaded, s.changed = loaded, nil
	diag.Print(s.opts.Log, loaded.Config.Warnings) // the pages build all the same
	out, err := loaded.Render(true)
	return out, loaded.HistoryDir, err
}

// failed keeps the last good pages (for the style sheet) and shows errs.
func (s *Server) failed(errs diag.List) []string {
	var b strings.Builder
	diag.Print(&b, errs)
	fmt.Fprint(s.opts.Log, b.String())
	n := len(errs.Errors()) // the warnings among them are not counted
	fmt.Fprintf(s.opts.Log, "%d %s; the browser shows them until the next good save\n", n, plural(n, "error", "errors"))
	if b.String() == s.errText {
		return nil
	}
	s.errs, s.errText = errs, b.String()
	s.announce([]string{"*"})
	return []string{"*"}
}

func (s *Server) announce(pages []string) {
	if len(pages) == 0 {
		return
	}
	s.generation++
	s.hub.broadcast(strings.Join(pages, "\n"))
}

// changedPages lists the URL paths whose content differs between builds.
func changedPages(old, new publish.Output) []string {
	var pages []string
	for name, data := range new {
		if o, ok := old[name]; !ok || string(o) != string(data) {
			pages = append(pages, urlPath(name))
		}
	}
	for name := range old {
		if _, ok := new[name]; !ok {
			pages = append(pages, urlPath(name))
		}
	}
	sort.Strings(pages)
	return pages
}

// urlPath is the path a file is served at: "en/privacy/index.html" at
// "/en/privacy/".
func urlPath(name string) string {
	if path.Base(name) == "index.html" {
		return "/" + strings.TrimSuffix(name, "index.html")
	}
	return "/" + name
}

func describe(pages []string) string {
	switch {
	case len(pages) == 0:
		return "nothing changed"
	case pages[0] == "*":
		return "reloading every open tab"
	}
	return fmt.Sprintf("%d %s changed", len(pages), plural(len(pages), "page", "pages"))
}

func plural(n int, one, other string) string {
	if n == 1 {
		return one
	}
	return other
}

// Rebuilds returns how many builds the session ran.
func (s *Server) Rebuilds() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.rebuilds
}
