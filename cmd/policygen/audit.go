package main

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/policygen/policygen"
	"github.com/policygen/policygen/generator/audit"
	"github.com/policygen/policygen/generator/check"
	"github.com/policygen/policygen/generator/site"
)

const auditHelp = `Usage: policygen audit [flags] URL...
       policygen audit [flags] --har FILE

Opens each URL in a headless Chromium with a fresh profile and no consent
given, and with --crawl N up to N more pages of the same origin linked from
them, and records every cookie (by response or by script, with what set
it), every local and session storage key and every host the pages load
from. It compares them with the [[tracker]] and [[processor]] entries of
site.toml and reports, like policygen check (docs/check.md):

  audit-undeclared      error    a cookie or storage key no [[tracker]] declares
  audit-before-consent  error    a tracker that needs consent, set without it
  audit-unseen          remark   a declared tracker never seen
  audit-expiry          warning  a cookie that lives longer than declared
  audit-unknown-host    warning  a third-party host no [[processor]] hosts covers

Exits 1 on errors (with --strict on warnings too), 2 on bad usage, 3 when
the audit could not run (no Chromium, a URL that does not answer, a limit).
The audit sees what a first visit sees: a banner that needs a click, or pages
behind a login, need --cookie or --har.

Flags:
  -s, --source DIR      site folder holding site.toml (default ".")
      --crawl N         also visit up to N same-origin pages linked from the URLs (default 0)
      --wait D          time to wait after each page's load event for late scripts (default 2s)
      --page-timeout D  time limit for one page (default 30s)
      --timeout D       time limit for the whole audit (default 5m)
      --cookie N=V      set this cookie before the first page, such as your consent
                        tool's cookie; repeatable
      --consented       the audited state is after consent: report nothing as set before it
      --har FILE        read a HAR file (Network panel, "Save all as HAR") instead of
                        opening a browser; it has no storage keys
      --suggest         print a [[tracker]] entry to paste for each undeclared one
      --format F        text (default), json or github, as for policygen check
      --strict          exit 1 on warnings too
  -q, --quiet           print no progress, only the findings

Chromium is found as POLICYGEN_CHROMIUM, else chromium, chromium-browser or
google-chrome on PATH.
`

// exitCannot is the exit code of an audit that could not run.
const exitCannot = 3

// cookieFlag collects --cookie NAME=VALUE.
type cookieFlag struct{ list *[]audit.Preset }

func (c cookieFlag) String() string { return "" }

func (c cookieFlag) Set(s string) error {
	name, value, ok := strings.Cut(s, "=")
	if !ok || strings.TrimSpace(name) == "" || strings.ContainsAny(name, "; \t") {
		return fmt.Errorf("want NAME=VALUE, such as --cookie 'cc_cookie={\"categories\":[\"necessary\"]}'")
	}
	*c.list = append(*c.list, audit.Preset{Name: name, Value: value})
	return nil
}

// durationFlag is a positive duration.
type durationFlag struct{ d *time.Duration }

func (f durationFlag) String() string {
	if f.d == nil {
		return ""
	}
	return f.d.String()
}

func (f durationFlag) Set(s string) error {
	d, err := time.ParseDuration(s)
	if err != nil || d < 0 {
		return fmt.Errorf("want a duration such as 2s or 5m")
	}
	*f.d = d
	return nil
}

func runAudit(e *env, args []string) int {
	o := audit.Options{Wait: 2 * time.Second, PageTimeout: 30 * time.Second, Timeout: 5 * time.Minute}
	var source, har, format = ".", "", formatText
	var consented, suggest, strict, quiet bool
	fs := flagSet(e, "audit", auditHelp)
	fs.StringVar(&source, "s", ".", "site folder")
	fs.StringVar(&source, "source", ".", "site folder")
	fs.IntVar(&o.Crawl, "crawl", 0, "linked pages to visit")
	fs.Var(durationFlag{&o.Wait}, "wait", "wait after load")
	fs.Var(durationFlag{&o.PageTimeout}, "page-timeout", "limit per page")
	fs.Var(durationFlag{&o.Timeout}, "timeout", "limit for the audit")
	fs.Var(cookieFlag{&o.Cookies}, "cookie", "preset cookie")
	fs.BoolVar(&consented, "consented", false, "after consent")
	fs.StringVar(&har, "har", "", "HAR file")
	fs.BoolVar(&suggest, "suggest", false, "print [[tracker]] entries")
	fs.Var(formatFlag{&format}, "format", "text, json or github")
	fs.BoolVar(&strict, "strict", false, "fail on warnings too")
	fs.BoolVar(&quiet, "q", false, "no progress")
	fs.BoolVar(&quiet, "quiet", false, "no progress")
	if code, ok := parse(e, fs, args); !ok {
		return code
	}
	o.URLs = fs.Args()
	switch {
	case har == "" && len(o.URLs) == 0:
		fmt.Fprintln(e.stderr, "policygen audit: give the URL of a page to audit, such as policygen audit https://www.example.com/, or --har FILE")
		return exitUsage
	case har != "" && len(o.URLs) > 0:
		fmt.Fprintln(e.stderr, "policygen audit: give URLs or --har FILE, not both")
		return exitUsage
	case o.PageTimeout == 0 || o.Timeout == 0:
		fmt.Fprintln(e.stderr, "policygen audit: --page-timeout and --timeout want a positive duration such as 30s or 5m, so that a page that never finishes cannot hold the audit")
		return exitUsage
	case o.Crawl < 0:
		fmt.Fprintln(e.stderr, "policygen audit: --crawl wants a number of pages, 0 or more")
		return exitUsage
	}
	for _, u := range o.URLs {
		if p, err := url.Parse(u); err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
			fmt.Fprintf(e.stderr, "policygen audit: %q is not an http or https URL; write it whole, such as https://www.example.com/\n", u)
			return exitUsage
		}
	}

	s, err := site.Load(site.Options{Source: source, Defaults: policygen.Defaults, Date: today(e.now), Draft: true})
	if err != nil {
		return report(e, err)
	}

	start := time.Now()
	var seen *audit.Observation
	if har != "" {
		src, err := os.ReadFile(har)
		if err != nil {
			fmt.Fprintf(e.stderr, "policygen audit: %v\n", err)
			return exitCannot
		}
		if seen, err = audit.ReadHAR(har, src); err != nil {
			fmt.Fprintf(e.stderr, "%v\n", err)
			return exitCannot
		}
	} else {
		if !quiet {
			o.Progress = func(p audit.Page) {
				if p.Err != "" {
					fmt.Fprintf(e.stderr, "  skipped  %s: %s\n", p.URL, p.Err)
					return
				}
				fmt.Fprintf(e.stderr, "  %3d  %s  (%.1f s)\n", p.Status, p.URL, p.Duration.Seconds())
			}
		}
		seen, err = audit.Visit(e.ctx, o)
		if code, stop := auditFailed(e, err, o); stop {
			return code
		}
	}

	in := check.Input{Site: s.Config, Facts: s.Facts, Today: today(e.now), Seen: seen, Consented: consented}
	found := check.RunAudit(in)
	if suggest {
		if text := check.Suggest(in); text != "" {
			fmt.Fprint(e.stdout, text)
		} else if !quiet {
			fmt.Fprintln(e.stderr, "policygen audit: every cookie and storage key seen is declared; nothing to suggest")
		}
		return exitOK
	}
	fails := failing(found, strict)
	switch {
	case format != formatText:
		printFindings(e.stdout, format, found)
	case len(found) > 0:
		printFindings(e.stderr, format, found)
	}
	if format == formatText && (!quiet || len(found) > 0) {
		summary := fmt.Sprintf("%s, %s, %s and %s seen in %.1f s",
			plural(len(seen.Pages), "page"), plural(len(seen.Cookies), "cookie"), plural(len(seen.Storage), "storage key"), plural(len(seen.Hosts), "host"), time.Since(start).Seconds())
		if len(found) > 0 {
			fmt.Fprintf(e.stderr, "%s: %s (%s)\n", s.Config.File, tally(found), summary)
		} else {
			fmt.Fprintf(e.stdout, "%s: no problems found (%s)\n", s.Config.File, summary)
		}
	}
	if fails {
		return exitSite
	}
	return exitOK
}

// auditFailed prints why Visit could not run; true when the command stops.
func auditFailed(e *env, err error, o audit.Options) (int, bool) {
	var limit *audit.LimitError
	var page *audit.PageError
	switch {
	case err == nil:
		return 0, false
	case errors.Is(err, audit.ErrNoChromium):
		fmt.Fprintf(e.stderr, "policygen audit: %v\nhint: install it (on Debian or Ubuntu: apt-get install chromium), or set POLICYGEN_CHROMIUM to the browser's path\n", err)
	case errors.As(err, &limit):
		fmt.Fprintf(e.stderr, "policygen audit: %v\nhint: raise --timeout (now %v), or visit fewer pages with a smaller --crawl\n", err, o.Timeout)
	case errors.As(err, &page):
		fmt.Fprintf(e.stderr, "policygen audit: %s does not answer: %v\nhint: check the URL, and that the site is up and reachable from here\n", page.URL, page.Err)
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(e.stderr, "policygen audit: stopped")
	default:
		fmt.Fprintf(e.stderr, "policygen audit: %v\n", err)
	}
	return exitCannot, true
}
