package config

import (
	"strings"
	"testing"
)

func TestProcessorHostsAreHostNamesOrStarPatterns(t *testing.T) {
	site := func(hosts string) string {
		return strings.Replace(validSite, `country = "DE"`, "country = \"DE\"\nhosts = "+hosts, 1)
	}
	l, errs := load(t, site(`["cdn.host.example", "*.host.example", "203.0.113.7", "2001:db8::1"]`))
	if len(errs) > 0 || len(l.Processors[0].Hosts) != 4 {
		t.Fatalf("valid hosts: %v", errs)
	}
	for _, bad := range []string{"https://cdn.host.example", "cdn.host.example:443", "CDN.host.example", "cdn.host.example/x", "*.", "a..b", "-a.example", "*.*.example"} {
		_, errs := load(t, site(`["ok.example", "`+bad+`"]`))
		if len(errs) != 1 || errs[0].Pos.Line != 27 || errs[0].Pos.Col != 24 || !strings.Contains(errs[0].Msg, `"`+bad+`" is not a host name`) || !strings.Contains(errs[0].Hint, `"*.example.com"`) {
			t.Errorf("hosts = [.., %q]: %v (hint %q)", bad, errs, errs[0].Hint)
		}
	}
}

func TestMatchHostCoversTheDomainAndTheHostsUnderIt(t *testing.T) {
	for _, c := range []struct {
		pattern, host string
		want          bool
	}{
		{"cdn.example.com", "cdn.example.com", true},
		{"cdn.example.com", "www.cdn.example.com", false},
		{"*.example.com", "example.com", true},
		{"*.example.com", "a.b.example.com", true},
		{"*.example.com", "badexample.com", false},
		{"*.example.com", "WWW.Example.COM.", true},
	} {
		if got := MatchHost(c.pattern, c.host); got != c.want {
			t.Errorf("MatchHost(%q, %q) = %v", c.pattern, c.host, got)
		}
	}
}
