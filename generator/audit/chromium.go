package audit

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/domstorage"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/storage"
	"github.com/chromedp/chromedp"
)

// Options say what Visit visits and how long it may take.
type Options struct {
	URLs        []string      // the pages to start from
	Crawl       int           // how many same-origin pages linked from them to visit as well
	Wait        time.Duration // how long to wait after a page's load event for late scripts
	PageTimeout time.Duration // the limit for one page, its wait included
	Timeout     time.Duration // the limit for the whole audit
	Cookies     []Preset      // cookies set before the first page, such as a consent cookie
	Chromium    string        // the browser binary; "" finds it as FindChromium does
	// Progress, if set, is told of each page when it is done.
	Progress func(Page)
}

// Preset is a cookie the audit sets before it visits the first page.
type Preset struct{ Name, Value string }

// chromiumNames are tried in order on PATH after POLICYGEN_CHROMIUM; the
// last is where Debian's package keeps the binary behind its wrapper.
var chromiumNames = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "/usr/lib/chromium/chromium"}

// ErrNoChromium is returned when no Chromium is installed.
var ErrNoChromium = errors.New("Chromium is not installed")

// FindChromium returns the browser binary: POLICYGEN_CHROMIUM, else the
// first of chromium, chromium-browser, google-chrome on PATH.
func FindChromium() (string, error) {
	if p := os.Getenv("POLICYGEN_CHROMIUM"); p != "" {
		found, err := exec.LookPath(p)
		if err != nil {
			return "", fmt.Errorf("%w at POLICYGEN_CHROMIUM=%s (%v)", ErrNoChromium, p, err)
		}
		return found, nil
	}
	for _, name := range chromiumNames {
		if found, err := exec.LookPath(name); err == nil {
			return found, nil
		}
	}
	return "", fmt.Errorf("%w (looked for %s)", ErrNoChromium, strings.Join(chromiumNames, ", "))
}

// LimitError says that the audit stopped at a limit; the Observation
// returned with it holds what was seen until then.
type LimitError struct {
	Limit string        // "--timeout 5m0s"
	After time.Duration // how long the audit ran
	Pages int           // pages done
}

func (e *LimitError) Error() string {
	return fmt.Sprintf("the audit stopped at its time limit (%s) after %v and %d pages", e.Limit, e.After.Round(time.Millisecond), e.Pages)
}

// PageError is a page that could not be loaded.
type PageError struct {
	URL string
	Err error
}

func (e *PageError) Error() string { return fmt.Sprintf("%s: %v", e.URL, e.Err) }
func (e *PageError) Unwrap() error { return e.Err }

// Visit opens each URL, and up to o.Crawl same-origin pages linked from
// them, in a headless Chromium with a fresh profile and no consent given,
// and returns what it saw. A start URL that does not load is an error; a
// linked page that does not load is skipped after Progress is told.
func Visit(ctx context.Context, o Options) (*Observation, error) {
	path := o.Chromium
	if path == "" {
		var err error
		if path, err = FindChromium(); err != nil {
			return nil, err
		}
	}
	profile, err := os.MkdirTemp("", "policygen-audit-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(profile) // made here, so removed here
	if o.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, o.Timeout)
		defer cancel()
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox, // the sandbox refuses to start as root, as in CI containers
		chromedp.DisableGPU,
		chromedp.UserDataDir(profile),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	defer cancelAlloc()
	tab, cancelTab := chromedp.NewContext(allocCtx)
	defer cancelTab()

	limit := "--timeout " + o.Timeout.String()
	v := &visit{obs: &Observation{}, start: time.Now(), setCookies: map[string][]setCookie{}}
	if err := v.prepare(tab, o); err != nil {
		if ctx.Err() != nil {
			return v.obs, &LimitError{Limit: limit, After: time.Since(v.start)}
		}
		return nil, fmt.Errorf("starting %s: %w", path, err)
	}
	queue := slices.Clone(o.URLs)
	seen := map[string]bool{}
	for _, u := range queue {
		seen[normalise(u)] = true
	}
	crawled := 0
	for i := 0; i < len(queue); i++ {
		if ctx.Err() != nil {
			return v.obs, &LimitError{Limit: limit, After: time.Since(v.start), Pages: len(v.obs.Pages)}
		}
		links, err := v.page(tab, queue[i], o)
		if err != nil {
			if ctx.Err() != nil {
				return v.obs, &LimitError{Limit: limit, After: time.Since(v.start), Pages: len(v.obs.Pages)}
			}
			if i < len(o.URLs) {
				return v.obs, &PageError{URL: queue[i], Err: err}
			}
			if o.Progress != nil {
				o.Progress(Page{URL: queue[i], Err: err.Error()})
			}
			continue
		}
		for _, l := range links {
			if crawled < o.Crawl && !seen[normalise(l)] && sameOrigin(l, queue[i]) {
				seen[normalise(l)] = true
				queue = append(queue, l)
				crawled++
			}
		}
	}
	v.finish()
	return v.obs, nil
}

// visit is the state of one Visit. The event handler runs on chromedp's
// goroutine, so what it writes is behind mu.
type visit struct {
	obs   *Observation
	start time.Time

	mu         sync.Mutex
	current    string // the page being visited
	requests   map[network.RequestID]string
	setCookies map[string][]setCookie // cookie name: the Set-Cookie headers that set it
	writes     []scriptWrite          // document.cookie writes, from the hook
	preset     map[string]bool
}

// setCookie is a Set-Cookie header line as the browser received it.
type setCookie struct {
	domain  string // the Domain attribute, or the host of the response
	url     string
	page    string
	blocked string
}

// scriptWrite is a document.cookie write the hook saw.
type scriptWrite struct {
	Name   string `json:"name"`
	Script string `json:"script"`
	Page   string `json:"page"`
}

// cookieHook wraps the document.cookie setter in every frame to note the
// name written and the script that wrote it: the first http(s) location
// on the stack, the page itself for an inline script.
const cookieHook = `(() => {
  const d = Object.getOwnPropertyDescriptor(Document.prototype, "cookie");
  if (!d || !d.set || window.__policygenCookieWrites) return;
  const writes = [];
  Object.defineProperty(window, "__policygenCookieWrites", {value: writes});
  Object.defineProperty(Document.prototype, "cookie", {
    configurable: true, enumerable: d.enumerable, get: d.get,
    set(v) {
      try {
        const name = String(v).split(";")[0].split("=")[0].trim();
        const frames = (new Error().stack || "").split("\n").slice(1);
        const m = frames.map(l => l.match(/(https?:\/\/[^\s()]+?):\d+:\d+\)?\s*$/)).find(Boolean);
        writes.push({name, script: m ? m[1] : "", page: location.href});
      } catch (e) {}
      return d.set.call(this, v);
    },
  });
})()`

func (v *visit) prepare(tab context.Context, o Options) error {
	v.requests = map[network.RequestID]string{}
	v.preset = map[string]bool{}
	if err := chromedp.Listen(tab, v.event); err != nil {
		return err
	}
	if _, err := chromedp.Call(tab, network.Enable, network.EnableParams{}); err != nil {
		return err
	}
	if _, err := chromedp.Call(tab, domstorage.Enable, cdp.Empty{}); err != nil {
		return err
	}
	if _, err := chromedp.Call(tab, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: cookieHook}); err != nil {
		return err
	}
	for _, c := range o.Cookies {
		for _, u := range o.URLs {
			if _, err := chromedp.Call(tab, network.SetCookie, network.SetCookieParams{Name: c.Name, Value: c.Value, URL: u}); err != nil {
				return fmt.Errorf("presetting cookie %s: %w", c.Name, err)
			}
		}
		v.preset[c.Name] = true
		v.obs.Preset = append(v.obs.Preset, c.Name)
	}
	return nil
}

// event records requests, Set-Cookie headers and storage writes.
func (v *visit) event(ev any) {
	v.mu.Lock()
	defer v.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		v.requests[ev.RequestID] = ev.Request.URL
		v.obs.addRequest(ev.Request.URL, v.current)
	case *network.EventResponseReceivedExtraInfo:
		v.responseCookies(ev)
	case *domstorage.EventDomStorageItemAdded:
		kind := SessionStorage
		if ev.StorageID.IsLocalStorage {
			kind = LocalStorage
		}
		origin := ev.StorageID.SecurityOrigin
		if origin == "" {
			origin = strings.TrimSuffix(string(ev.StorageID.StorageKey), "/")
		}
		v.obs.addStorage(StorageKey{Name: ev.Key, Kind: kind, Origin: origin, Page: v.current})
	}
}

// responseCookies notes the cookies a response set, or tried to set.
func (v *visit) responseCookies(ev *network.EventResponseReceivedExtraInfo) {
	u := v.requests[ev.RequestID]
	host := ""
	if p, err := url.Parse(u); err == nil {
		host = p.Hostname()
	}
	blocked := map[string]string{}
	for _, b := range ev.BlockedCookies {
		if len(b.BlockedReasons) > 0 {
			blocked[b.CookieLine] = string(b.BlockedReasons[0])
		}
	}
	for key, value := range ev.Headers {
		if !strings.EqualFold(key, "set-cookie") {
			continue
		}
		s, _ := value.(string)
		for _, line := range strings.Split(s, "\n") {
			c, ok := parseSetCookie(line, host, time.Now())
			if !ok {
				continue
			}
			reason := blocked[line]
			v.setCookies[c.Name] = append(v.setCookies[c.Name], setCookie{domain: c.Domain, url: u, page: v.current, blocked: reason})
			if reason != "" && c.Lifetime >= 0 { // never stored, so the jar cannot show it
				c.By, c.SetBy, c.Page, c.Blocked = ByHTTP, u, v.current, reason
				v.obs.addCookie(c)
			}
		}
	}
}

// page visits one page and returns the links on it.
func (v *visit) page(tab context.Context, u string, o Options) ([]string, error) {
	v.mu.Lock()
	v.current = u
	v.mu.Unlock()
	ctx := tab
	if o.PageTimeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(tab, o.PageTimeout)
		defer cancel()
	}
	began := time.Now()
	resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(u))
	if err != nil {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) && tab.Err() == nil {
			return nil, fmt.Errorf("no answer within --page-timeout %v", o.PageTimeout)
		}
		return nil, err
	}
	select {
	case <-time.After(o.Wait):
	case <-ctx.Done():
	}
	// The page's state is read with the tab's context: a page that used
	// its time still gives what it set.
	read, cancel := context.WithTimeout(tab, 10*time.Second)
	defer cancel()
	state, err := chromedp.Run(read, chromedp.Evaluate[pageState](readState))
	if err != nil {
		return nil, fmt.Errorf("reading the page: %w", err)
	}
	cookies, err := chromedp.Call(read, storage.GetCookies, storage.GetCookiesParams{})
	if err != nil {
		return nil, fmt.Errorf("reading the cookies: %w", err)
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	status := 0
	if resp != nil {
		status = int(resp.Status)
	}
	v.obs.Pages = append(v.obs.Pages, Page{URL: u, Status: status, Duration: time.Since(began)})
	for _, k := range state.Local {
		v.obs.addStorage(StorageKey{Name: k, Kind: LocalStorage, Origin: state.Origin, Page: u})
	}
	for _, k := range state.Session {
		v.obs.addStorage(StorageKey{Name: k, Kind: SessionStorage, Origin: state.Origin, Page: u})
	}
	v.writes = append(v.writes, state.Writes...)
	for _, c := range cookies.Cookies {
		v.jarCookie(c, u)
	}
	if o.Progress != nil {
		o.Progress(v.obs.Pages[len(v.obs.Pages)-1])
	}
	return state.Links, nil
}

// pageState is what readState returns.
type pageState struct {
	Local   []string      `json:"local"`
	Session []string      `json:"session"`
	Links   []string      `json:"links"`
	Writes  []scriptWrite `json:"writes"`
	Origin  string        `json:"origin"`
}

// readState reads what a page stored and links to, and the hook's notes.
const readState = `(() => {
  const keys = s => { try { return Object.keys(s) } catch (e) { return [] } };
  return {
    local: keys(window.localStorage), session: keys(window.sessionStorage),
    links: [...document.querySelectorAll("a[href]")].map(a => a.href),
    writes: window.__policygenCookieWrites || [], origin: location.origin,
  };
})()`

// jarCookie records a cookie of the browser's jar: set by a response
// when a Set-Cookie header of its name and domain was seen, else by script.
func (v *visit) jarCookie(c *network.Cookie, page string) {
	domain := strings.TrimPrefix(strings.ToLower(c.Domain), ".")
	k := Cookie{Name: c.Name, Domain: c.Domain, Path: c.Path, Page: page}
	if !c.Session && c.Expires > 0 {
		k.Lifetime = time.Until(time.Unix(int64(c.Expires), 0))
	}
	for _, s := range v.setCookies[c.Name] {
		if s.domain == domain {
			k.By, k.SetBy, k.Page = ByHTTP, s.url, s.page
			break
		}
	}
	if k.By == "" {
		for _, w := range v.writes {
			if w.Name == c.Name {
				k.By, k.SetBy, k.Page = ByScript, w.Script, w.Page
				break
			}
		}
	}
	if k.By == "" {
		if v.preset[c.Name] {
			return // ours, and the site did not set it again
		}
		k.By = ByScript // not from a response seen: the Cookie Store API, or a script the hook missed
	}
	v.obs.addCookie(k)
}

func (v *visit) finish() {
	var urls []string
	for _, p := range v.obs.Pages {
		urls = append(urls, p.URL)
	}
	switch n := len(v.obs.Pages); {
	case n == 1:
		v.obs.Source = urls[0]
	case n > 1:
		v.obs.Source = fmt.Sprintf("%s and %d more pages", urls[0], n-1)
	}
}

// normalise drops a URL's fragment, so that "/#top" is "/".
func normalise(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return u
	}
	p.Fragment = ""
	return p.String()
}

func sameOrigin(a, b string) bool {
	pa, errA := url.Parse(a)
	pb, errB := url.Parse(b)
	return errA == nil && errB == nil && (pa.Scheme == "http" || pa.Scheme == "https") &&
		pa.Scheme == pb.Scheme && strings.EqualFold(pa.Host, pb.Host)
}
