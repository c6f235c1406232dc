package audit

import (
	"net/http"
	"strings"
	"time"
)

// parseSetCookie reads one Set-Cookie header line as a response to host
// gave it at now: its name, domain (without a leading dot; the host when
// the line names none), path and lifetime (Max-Age before Expires, as
// RFC 6265 has it; zero for a session cookie). A line that deletes a
// cookie has a negative lifetime; false for a line that is not a cookie.
func parseSetCookie(line, host string, now time.Time) (Cookie, bool) {
	parsed, err := http.ParseSetCookie(strings.TrimSpace(line))
	if err != nil || parsed.Name == "" {
		return Cookie{}, false
	}
	c := Cookie{Name: parsed.Name, Domain: strings.ToLower(strings.TrimPrefix(parsed.Domain, ".")), Path: parsed.Path}
	if c.Domain == "" {
		c.Domain = strings.ToLower(host)
	}
	if c.Path == "" {
		c.Path = "/"
	}
	switch {
	case parsed.MaxAge < 0: // Max-Age=0 or less
		c.Lifetime = -1
	case parsed.MaxAge > 0:
		c.Lifetime = time.Duration(parsed.MaxAge) * time.Second
	case !parsed.Expires.IsZero():
		c.Lifetime = parsed.Expires.Sub(now)
		if c.Lifetime <= 0 {
			c.Lifetime = -1
		}
	}
	return c, true
}
