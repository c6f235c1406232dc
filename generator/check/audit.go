package check

import (
	"fmt"
	"math"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/policygen/policygen/generator/audit"
	"github.com/policygen/policygen/generator/config"
	"github.com/policygen/policygen/generator/diag"
	"github.com/policygen/policygen/generator/trackers"
)

// auditRules compare what policygen audit saw on the live site with the
// [[tracker]] and [[processor]] entries.
var auditRules = []*Rule{
	{
		ID: "audit-undeclared", Severity: Error, Audit: true,
		Summary: "a cookie or storage key the site sets that no [[tracker]] declares",
		Source: "Art. 5(3) ePrivacy Directive: the user is given clear and comprehensive information about what is " +
			"stored on the device; CJEU Planet49 (C-673/17) of 1 Oct 2019; Art. 13(1)(c) GDPR.",
		Run: auditUndeclared,
	},
	{
		ID: "audit-before-consent", Severity: Error, Audit: true,
		Summary: "a tracker whose category needs consent, set before consent was given",
		Source: "Art. 5(3) ePrivacy Directive: storing information on the device needs prior consent unless strictly " +
			"necessary; CJEU Planet49 (C-673/17) of 1 Oct 2019; § 25 TDDDG in Germany, art. 11.7a Telecommunicatiewet " +
			"in the Netherlands.",
		Run: auditBeforeConsent,
	},
	{
		ID: "audit-unseen", Severity: Info, Audit: true,
		Summary: "a declared tracker the audit never saw",
		Source: "Art. 5(1)(a) GDPR (transparency): the cookie policy lists what the site really sets; a tracker that " +
			"is gone is removed with a new version.",
		Run: auditUnseen,
	},
	{
		ID: "audit-expiry", Severity: Warning, Audit: true,
		Summary: "a cookie that lives longer than its declared expiry",
		Source: "CJEU Planet49 (C-673/17) of 1 Oct 2019: the information on cookies includes how long they last; " +
			"Art. 13(2)(a) GDPR (storage period).",
		Run: auditExpiry,
	},
	{
		ID: "audit-unknown-host", Severity: Warning, Audit: true,
		Summary: "a third-party host the pages load from that no [[processor]] is mapped to",
		Source: "Art. 13(1)(e) GDPR: the recipients of personal data; a host that serves a page element receives the " +
			"visitor's IP address (CJEU Fashion ID, C-40/17, of 29 Jul 2019; LG München I, 3 O 17493/20, of 20 Jan 2022, on " +
			"Google Fonts).",
		Run: auditUnknownHost,
	},
}

// seenItem is a cookie or storage key the audit saw, as the rules compare it.
type seenItem struct {
	name, kind string // kind as site.toml writes it: cookie, local_storage, session_storage
	where      string // for messages: "set by script http://…/t.js on http://…/"
	cookie     *audit.Cookie
}

func (c *Context) seenItems() []seenItem {
	var out []seenItem
	for i := range c.Seen.Cookies {
		k := &c.Seen.Cookies[i]
		where := setBy(*k) + " on " + k.Page
		if k.Blocked != "" {
			where += "; Chromium refused to store it (" + k.Blocked + "), other browsers may not"
		}
		out = append(out, seenItem{name: k.Name, kind: "cookie", where: where, cookie: k})
	}
	for _, s := range c.Seen.Storage {
		out = append(out, seenItem{name: s.Name, kind: s.Kind, where: "for " + s.Origin + " on " + s.Page})
	}
	return out
}

// setBy says what set a cookie: "set by the response to URL", "set by the
// script URL", "set by an inline script".
func setBy(k audit.Cookie) string {
	switch {
	case k.By == audit.ByHTTP && k.SetBy != "":
		return "set by the response to " + k.SetBy
	case k.By == audit.ByHTTP:
		return "set by a response"
	case k.SetBy != "" && k.SetBy != k.Page:
		return "set by the script " + k.SetBy
	}
	return "set by an inline script"
}

// declaredAs returns the index of the [[tracker]] that declares the name
// with the kind, or -1.
func (c *Context) declaredAs(name, kind string) int {
	return slices.IndexFunc(c.Site.Trackers, func(t config.Tracker) bool {
		return string(t.Kind) == kind && MatchName(t.Name, name)
	})
}

// MatchName reports whether a declared tracker name covers a name seen:
// equal, or a pattern whose "*" stands for any run of characters
// ("_pk_id.*" covers "_pk_id.1.a2c4").
func MatchName(pattern, name string) bool {
	parts := strings.Split(pattern, "*")
	if len(parts) == 1 {
		return pattern == name
	}
	if !strings.HasPrefix(name, parts[0]) {
		return false
	}
	name = name[len(parts[0]):]
	last := parts[len(parts)-1]
	for _, p := range parts[1 : len(parts)-1] {
		i := strings.Index(name, p)
		if i < 0 {
			return false
		}
		name = name[i+len(p):]
	}
	return len(name) >= len(last) && strings.HasSuffix(name, last)
}

func kindWord(kind string) string {
	return map[string]string{"cookie": "cookie", "local_storage": "local storage key", "session_storage": "session storage key"}[kind]
}

func auditUndeclared(c *Context) {
	for _, s := range c.seenItems() {
		if c.declaredAs(s.name, s.kind) >= 0 {
			continue
		}
		hint := "declare it in a [[tracker]] (policygen audit --suggest prints one to paste), or stop setting it"
		if other := slices.IndexFunc(c.Site.Trackers, func(t config.Tracker) bool { return MatchName(t.Name, s.name) }); other >= 0 {
			p := c.Site.Pos.Value(config.Path("tracker", other, "kind"))
			hint = fmt.Sprintf("a tracker of that name is declared as kind = %q at %s: write kind = %q, or declare this one too", c.Site.Trackers[other].Kind, p, s.kind)
		} else if kb := known(s.name); len(kb) > 0 {
			hint = fmt.Sprintf("the knowledge base knows it as %s (%s); ", platformOf(kb), kb[0].Category) + hint
		}
		c.AtPos(diag.Pos{File: c.Site.File}, hint, "%s %q (%s) is not declared in any [[tracker]]", kindWord(s.kind), s.name, s.where)
	}
}

func auditBeforeConsent(c *Context) {
	if c.Consented {
		return
	}
	for _, s := range c.seenItems() {
		if i := c.declaredAs(s.name, s.kind); i >= 0 {
			t := c.Site.Trackers[i]
			if needsConsent(t.Category) {
				c.At(config.Path("tracker", i, "category"),
					"set it only after the visitor consents in the banner; if the audit ran with consent given (a consent cookie by --cookie), add --consented",
					"%s %q (%s) was set before consent was given: %s", kindWord(s.kind), s.name, t.Category, s.where)
			}
			continue
		}
		if kb, ok := knownCategory(known(s.name)); ok && needsConsent(kb) {
			c.AtPos(diag.Pos{File: c.Site.File},
				"set it only after the visitor consents in the banner, and declare it; if the audit ran with consent given, add --consented",
				"%s %q, a %s tracker (%s) by the knowledge base, was set before consent was given: %s", kindWord(s.kind), s.name, kb, platformOf(known(s.name)), s.where)
		}
	}
}

func auditUnseen(c *Context) {
	items := c.seenItems()
	for i, t := range c.Site.Trackers {
		seen := slices.ContainsFunc(items, func(s seenItem) bool { return s.kind == string(t.Kind) && MatchName(t.Name, s.name) })
		if t.Kind == "pixel" {
			seen = slices.ContainsFunc(c.Seen.Hosts, func(h audit.Host) bool { id, ok := c.hostRecipient(h.Name); return ok && id == t.Provider })
		}
		if seen || slices.Contains(c.Seen.Preset, t.Name) {
			continue
		}
		hint := "it may be set only after consent, on a page the audit did not visit (--crawl N), or after a login (--cookie or --har); if the site no longer sets it, remove it and release a new version"
		if needsConsent(t.Category) && !c.Consented {
			hint = "expected without consent: it needs consent (" + string(t.Category) + "); audit the state after consent with --cookie and --consented to see it"
		}
		c.At(config.Path("tracker", i, "name"), hint, "%s %q was not seen on %s", kindWord(string(t.Kind)), t.Name, pages(len(c.Seen.Pages)))
	}
}

func auditExpiry(c *Context) {
	for _, k := range c.Seen.Cookies {
		i := c.declaredAs(k.Name, "cookie")
		if i < 0 || k.Session() {
			continue
		}
		t := c.Site.Trackers[i]
		declared, ok := t.Expiry.Length()
		switch {
		case t.Expiry.Special == "session":
		case !ok, k.Lifetime <= declared+declared/50+time.Hour: // the audit reads a moment after the site set it
			continue
		}
		c.At(config.Path("tracker", i, "expiry"),
			fmt.Sprintf("write expiry = %q, what the site sets, or shorten the cookie's lifetime to the declared one", ExpiryFor(k.Lifetime)),
			"cookie %q lives %s (%s), longer than its declared expiry %q", k.Name, lifetimeText(k.Lifetime), setBy(k), t.Expiry)
	}
}

func auditUnknownHost(c *Context) {
	for _, h := range c.Seen.Hosts {
		if !c.Seen.ThirdParty(h.Name) {
			continue
		}
		if _, ok := c.hostRecipient(h.Name); ok {
			continue
		}
		hint := fmt.Sprintf("a host that serves the page receives the visitor's IP address: add hosts = [%q] to its [[processor]], or add a [[processor]] for it", h.Name)
		if kb := trackers.ForDomain(h.Name); len(kb) > 0 {
			hint = fmt.Sprintf("the knowledge base knows it as %s's; ", kb[0].Controller) + hint
		}
		c.AtPos(diag.Pos{File: c.Site.File}, hint, "host %q (first %s, loaded by %s) belongs to no [[processor]]", h.Name, h.FirstURL, h.Page)
	}
}

// hostRecipient returns the [[processor]] a host belongs to: one whose
// hosts cover it, else one the knowledge base's controller for the host
// names.
func (c *Context) hostRecipient(host string) (config.ID, bool) {
	for _, p := range c.Site.Processors {
		for _, pattern := range p.Hosts {
			if config.MatchHost(pattern, host) {
				return p.ID, true
			}
		}
	}
	for _, e := range trackers.ForDomain(host) {
		for _, p := range c.Site.Processors {
			if e.Controller != "" && sameCompany(p.Name, e.Controller) {
				return p.ID, true
			}
		}
	}
	return "", false
}

// urlHost returns the host of a URL, or "".
func urlHost(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return ""
	}
	return p.Hostname()
}

// ExpiryFor writes a lifetime as site.toml's expiry, rounded up: "1y",
// "13m", "90d", "12h".
func ExpiryFor(d time.Duration) string {
	day := 24 * time.Hour
	year := 31556952 * time.Second
	month := year / 12
	near := func(unit time.Duration) (int, bool) {
		n := math.Round(float64(d) / float64(unit))
		return int(n), n >= 1 && math.Abs(float64(d)-n*float64(unit)) <= float64(2*day)
	}
	switch {
	case d <= day:
		return fmt.Sprintf("%dh", int(math.Ceil(d.Hours())))
	}
	if n, ok := near(year); ok {
		return fmt.Sprintf("%dy", n)
	}
	if days := d.Round(time.Hour).Hours() / 24; days == math.Trunc(days) {
		return fmt.Sprintf("%dd", int(days)) // a whole number of days, as sites set them: "90d"
	}
	if n, ok := near(month); ok && d >= 60*day {
		return fmt.Sprintf("%dm", n)
	}
	return fmt.Sprintf("%dd", int(math.Ceil(float64(d)/float64(day))))
}

func pages(n int) string {
	if n == 1 {
		return "1 page"
	}
	return fmt.Sprintf("%d pages", n)
}

func lifetimeText(d time.Duration) string {
	if d < 48*time.Hour {
		return fmt.Sprintf("%.0f hours", math.Ceil(d.Hours()))
	}
	return fmt.Sprintf("%.0f days", math.Round(d.Hours()/24))
}
