package audit

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"
)

// harFile is the part of a HAR 1.2 file the audit reads.
type harFile struct {
	Log *struct {
		Pages []struct {
			ID    string `json:"id"`
			Title string `json:"title"`
		} `json:"pages"`
		Entries []struct {
			PageRef string    `json:"pageref"`
			Started time.Time `json:"startedDateTime"`
			Request struct {
				URL     string      `json:"url"`
				Headers []harHeader `json:"headers"`
				Cookies []harCookie `json:"cookies"`
			} `json:"request"`
			Response struct {
				Status  int         `json:"status"`
				Headers []harHeader `json:"headers"`
				Content struct {
					MimeType string `json:"mimeType"`
				} `json:"content"`
			} `json:"response"`
		} `json:"entries"`
	} `json:"log"`
}

type harHeader struct{ Name, Value string }

type harCookie struct {
	Name string `json:"name"`
}

// ReadHAR reads a HAR 1.2 file, as the Network panel of a browser's
// developer tools saves it, into an Observation: its documents are the
// pages, every request's host a host, every Set-Cookie header a cookie set
// by HTTP, and every cookie a request sends that no response set a cookie
// set by script. A HAR holds no storage keys, and not the lifetime of a
// cookie set by script.
func ReadHAR(name string, src []byte) (*Observation, error) {
	var f harFile
	if err := json.Unmarshal(src, &f); err != nil {
		return nil, harError(name, src, err)
	}
	if f.Log == nil || len(f.Log.Entries) == 0 {
		return nil, fmt.Errorf("%s:1:1: the file holds no requests (no log.entries)\nhint: export the HAR again from the browser's Network panel: \"Save all as HAR\", after loading the pages", name)
	}
	o := &Observation{Source: name}
	pageURL := map[string]string{}
	byHTTP := map[string]bool{}
	for _, e := range f.Log.Entries {
		html := strings.HasPrefix(e.Response.Content.MimeType, "text/html")
		page := pageURL[e.PageRef]
		if page == "" && (html || e.PageRef == "") {
			page = e.Request.URL
			if e.PageRef != "" {
				pageURL[e.PageRef] = page
			}
			if html {
				o.Pages = append(o.Pages, Page{URL: page, Status: e.Response.Status})
			}
		}
		o.addRequest(e.Request.URL, page)
		host := ""
		if u, err := url.Parse(e.Request.URL); err == nil {
			host = u.Hostname()
		}
		for _, h := range e.Response.Headers {
			if !strings.EqualFold(h.Name, "set-cookie") {
				continue
			}
			for _, line := range strings.Split(h.Value, "\n") {
				c, ok := parseSetCookie(line, host, e.Started)
				if !ok || c.Lifetime < 0 {
					continue
				}
				c.By, c.SetBy, c.Page = ByHTTP, e.Request.URL, page
				byHTTP[c.Name] = true
				o.addCookie(c)
			}
		}
		for _, name := range sentCookies(e.Request.Cookies, e.Request.Headers) {
			if !byHTTP[name] {
				o.addCookie(Cookie{Name: name, Domain: host, Path: "/", By: ByScript, Page: page})
			}
		}
	}
	return o, nil
}

// sentCookies are the names of the cookies a request sends.
func sentCookies(cookies []harCookie, headers []harHeader) []string {
	var names []string
	for _, c := range cookies {
		if c.Name != "" {
			names = append(names, c.Name)
		}
	}
	if len(names) > 0 {
		return names
	}
	for _, h := range headers {
		if strings.EqualFold(h.Name, "cookie") {
			for _, pair := range strings.Split(h.Value, ";") {
				if n, _, _ := strings.Cut(pair, "="); strings.TrimSpace(n) != "" {
					names = append(names, strings.TrimSpace(n))
				}
			}
		}
	}
	return names
}

// harError gives a JSON error the line and column of its offset.
func harError(name string, src []byte, err error) error {
	var offset int64
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		offset = max(syntax.Offset-1, 0) // the offset is after the character in error
	case errors.As(err, &typ):
		offset = typ.Offset
	}
	if offset > int64(len(src)) {
		offset = int64(len(src))
	}
	before := src[:offset]
	line := 1 + strings.Count(string(before), "\n")
	col := 1 + utf8.RuneCount(before[strings.LastIndexByte(string(before), '\n')+1:])
	return fmt.Errorf("%s:%d:%d: not a HAR file: %v\nhint: export the HAR again from the browser's Network panel: \"Save all as HAR\"", name, line, col, err)
}
