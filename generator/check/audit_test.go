package check

import (
	"strings"
	"testing"
	"time"

	"github.com/policygen/policygen/generator/audit"
)

func TestMatchNameTakesAStarForAnyRunOfCharacters(t *testing.T) {
	for _, c := range []struct {
		pattern, name string
		want          bool
	}{
		{"_ga", "_ga", true},
		{"_ga", "_gat", false},
		{"_pk_id.*", "_pk_id.1.a2c4", true},
		{"_pk_id.*", "_pk_id", false},
		{"_ga_*", "_ga_", true},
		{"*_session", "shop_session", true},
		{"*_session", "shop_sessions", false},
		{"a*b*c", "axxbyyc", true},
		{"a*b*c", "acb", false},
		{"a*a", "a", false}, // the two a's cannot be one character
	} {
		if got := MatchName(c.pattern, c.name); got != c.want {
			t.Errorf("MatchName(%q, %q) = %v", c.pattern, c.name, got)
		}
	}
}

func TestExpiryForWritesALifetimeAsSiteTOMLDoes(t *testing.T) {
	day := 24 * time.Hour
	for _, c := range []struct {
		d    time.Duration
		want string
	}{
		{30 * time.Minute, "1h"},
		{90 * day, "90d"},
		{90*day - 5*time.Second, "90d"}, // read a moment after it was set
		{365 * day, "1y"},
		{730 * day, "2y"},
		{395*day + 10*time.Hour, "13m"},
		{400 * day, "400d"},
	} {
		if got := ExpiryFor(c.d); got != c.want {
			t.Errorf("ExpiryFor(%v) = %q, want %q", c.d, got, c.want)
		}
	}
}

// TestAuditRulesDoNotRunInCheck: check has no browser, so the audit rules
// find nothing there even where a tracker is never seen.
func TestAuditRulesDoNotRunInCheck(t *testing.T) {
	for _, e := range run(t, base+google+tracker("_ga", "google", "statistics", "2y")) {
		if strings.HasPrefix(e.Rule, "audit-") {
			t.Errorf("check reported %s", e)
		}
	}
}

// TestAuditHonoursIgnores: an audit rule is silenced like any other, on
// the site or on one tracker.
func TestAuditHonoursIgnores(t *testing.T) {
	site := base + google + tracker("_ga", "google", "statistics", "2y")
	seen := &audit.Observation{Pages: []audit.Page{{URL: "https://www.example.com/"}},
		Cookies: []audit.Cookie{{Name: "session", Domain: "www.example.com", Path: "/", By: audit.ByHTTP}}}
	in := func(src string) Input { return Input{Site: load(t, src), Seen: seen} }
	if got := RunAudit(in(site)); len(got) != 1 || got[0].Rule != "audit-unseen" || got[0].Pos.Line != 68 || got[0].Msg != `cookie "_ga" was not seen on 1 page` {
		t.Fatalf("want audit-unseen of _ga at line 68, got %v", got)
	}
	ignored := site + `ignore = [{ rule = "audit-unseen", reason = "set only after consent" }]` + "\n"
	if got := RunAudit(in(ignored)); len(got) != 0 {
		t.Errorf("ignored on the tracker, still %v", got)
	}
}
