// Package audit records what a real browser sees on a live site: the
// cookies it is given, the keys written to local and session storage, and
// the hosts its pages load anything from. Visit drives a headless Chromium
// over the Chrome DevTools Protocol with a fresh profile; ReadHAR reads the
// same from a HAR file a user recorded. Package check compares what was
// seen with site.toml (its audit rules).
package audit

import (
	"net"
	"net/url"
	"slices"
	"strings"
	"time"

	"golang.org/x/net/publicsuffix"
)

// Observation is what one audit saw, every list in the order first seen.
type Observation struct {
	Source  string // what was audited, for messages: "http://…/ and 3 linked pages", "session.har"
	Pages   []Page
	Cookies []Cookie
	Storage []StorageKey
	Hosts   []Host
	Preset  []string // names of the cookies the audit set itself (--cookie), before the first page
}

// Page is a page the audit visited (or a document a HAR file holds).
type Page struct {
	URL      string
	Status   int           // the HTTP status of the document, 0 when unknown
	Duration time.Duration // from navigation to the end of the wait after load
	Err      string        // why a linked page could not be visited; such a page is only told to Progress
}

// How a cookie was set.
const (
	ByHTTP   = "http"   // a Set-Cookie header of a response
	ByScript = "script" // document.cookie or the Cookie Store API
)

// Cookie is a cookie the site set or tried to set.
type Cookie struct {
	Name, Domain, Path string
	// Lifetime is how long the cookie was to live from when it was set;
	// zero for a session cookie.
	Lifetime time.Duration
	By       string // ByHTTP or ByScript
	SetBy    string // the response or script that set it, where known
	Page     string // the page it was first seen on
	// Blocked is why this browser refused to store it ("ThirdPartyPhaseout"),
	// or "": a browser with other settings would store it.
	Blocked string
}

// Session reports whether the cookie lasts only as long as the browser session.
func (c Cookie) Session() bool { return c.Lifetime == 0 }

// Storage kinds, as site.toml writes a tracker's kind.
const (
	LocalStorage   = "local_storage"
	SessionStorage = "session_storage"
)

// StorageKey is a key written to local or session storage.
type StorageKey struct {
	Name   string
	Kind   string // LocalStorage or SessionStorage
	Origin string // "https://www.example.com"
	Page   string // the page it was first seen on
}

// Host is a host the pages loaded something from.
type Host struct {
	Name     string // lowercase, without port
	FirstURL string // the first URL loaded from it
	Page     string // the page that loaded it first
	Requests int
}

// ThirdParty reports whether host belongs to another site than the
// audited pages: not one of their hosts and not under the same
// registrable domain ("cdn.example.com" is first party to
// "www.example.com"). An IP address is first party only to itself.
func (o *Observation) ThirdParty(host string) bool {
	for _, p := range o.Pages {
		u, err := url.Parse(p.URL)
		if err == nil && sameSite(u.Hostname(), host) {
			return false
		}
	}
	return true
}

// sameSite reports whether two host names belong to one site.
func sameSite(a, b string) bool {
	a, b = strings.ToLower(strings.TrimSuffix(a, ".")), strings.ToLower(strings.TrimSuffix(b, "."))
	if a == b {
		return true
	}
	if net.ParseIP(a) != nil || net.ParseIP(b) != nil {
		return false
	}
	ra, errA := publicsuffix.EffectiveTLDPlusOne(a)
	rb, errB := publicsuffix.EffectiveTLDPlusOne(b)
	return errA == nil && errB == nil && ra == rb
}

// add helpers keep each list free of repeats.

func (o *Observation) addCookie(c Cookie) {
	i := slices.IndexFunc(o.Cookies, func(k Cookie) bool {
		return k.Name == c.Name && k.Domain == c.Domain && k.Path == c.Path
	})
	if i < 0 {
		o.Cookies = append(o.Cookies, c)
		return
	}
	k := &o.Cookies[i]
	if k.SetBy == "" { // a later sighting may know more
		k.SetBy, k.By = c.SetBy, c.By
	}
	if c.Lifetime > k.Lifetime {
		k.Lifetime = c.Lifetime
	}
	if c.Blocked == "" {
		k.Blocked = ""
	}
}

func (o *Observation) addStorage(s StorageKey) {
	if !slices.ContainsFunc(o.Storage, func(k StorageKey) bool {
		return k.Name == s.Name && k.Kind == s.Kind && k.Origin == s.Origin
	}) {
		o.Storage = append(o.Storage, s)
	}
}

// addRequest records a URL loaded by page.
func (o *Observation) addRequest(rawURL, page string) {
	u, err := url.Parse(rawURL)
	if err != nil || u.Hostname() == "" || (u.Scheme != "http" && u.Scheme != "https" && u.Scheme != "ws" && u.Scheme != "wss") {
		return // data:, blob:, about:
	}
	host := strings.ToLower(u.Hostname())
	for i := range o.Hosts {
		if o.Hosts[i].Name == host {
			o.Hosts[i].Requests++
			return
		}
	}
	o.Hosts = append(o.Hosts, Host{Name: host, FirstURL: rawURL, Page: page, Requests: 1})
}
