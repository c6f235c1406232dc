package trackers

import (
	"testing"
	"time"

	"github.com/policygen/policygen/generator/config"
)

func TestParseRetentionReadsNumbersUnitsAndSessions(t *testing.T) {
	tests := []struct {
		text   string
		kind   RetentionKind
		period time.Duration
		norm   string
	}{
		{"2 years", RetentionPeriod, 2 * year, "2y"},
		{"1 Year", RetentionPeriod, year, "1y"},
		{"2 year", RetentionPeriod, 2 * year, "2y"},
		{"13 months", RetentionPeriod, 13 * month, "13m"},
		{"1 months", RetentionPeriod, month, "1m"},
		{"3 weeks", RetentionPeriod, 21 * day, "3w"},
		{"1 day", RetentionPeriod, day, "1d"},
		{"30 Days", RetentionPeriod, 30 * day, "30d"},
		{"24 hours", RetentionPeriod, 24 * time.Hour, "24h"},
		{"30 minutes", RetentionPeriod, 30 * time.Minute, "30min"},
		{"30 mins", RetentionPeriod, 30 * time.Minute, "30min"},
		{"1440 Minutes", RetentionPeriod, day, "1440min"},
		{"1 minute", RetentionPeriod, time.Minute, "1min"},
		{"90 sec", RetentionPeriod, 90 * time.Second, "90s"},
		{"10 seconds", RetentionPeriod, 10 * time.Second, "10s"},
		{"0 days", RetentionPeriod, 0, "0d"},
		{"  3650  days ", RetentionPeriod, 3650 * day, "3650d"},
		{"session", RetentionSession, 0, "session"},
		{"Session", RetentionSession, 0, "session"},
		{"Sessions", RetentionSession, 0, "session"},
		{"session cookie", RetentionSession, 0, "session"},
		{"End of session (browser)", RetentionSession, 0, "session"},
		{"Seesion", RetentionUnknown, 0, "unknown"},
		{"persistent", RetentionUnknown, 0, "unknown"},
		{"until deleted", RetentionUnknown, 0, "unknown"},
		{"Varies", RetentionUnknown, 0, "unknown"},
		{"forever", RetentionUnknown, 0, "unknown"},
		{"", RetentionUnknown, 0, "unknown"},
		{"1 week to 1 year", RetentionUnknown, 0, "unknown"},
		{"Session to 30 days", RetentionUnknown, 0, "unknown"},
		{"2 years after last activity", RetentionUnknown, 0, "unknown"},
		{"1 hour or longer", RetentionUnknown, 0, "unknown"},
		{"10 Nov 2030", RetentionUnknown, 0, "unknown"},
		{"-1 days", RetentionUnknown, 0, "unknown"},
		{"+1 days", RetentionUnknown, 0, "unknown"},
		{"1000 years", RetentionUnknown, 0, "unknown"},
		{"99999999999999999999 days", RetentionUnknown, 0, "unknown"},
	}
	for _, tt := range tests {
		r := ParseRetention(tt.text)
		if r.Kind != tt.kind || r.Period != tt.period || r.Normalized() != tt.norm {
			t.Errorf("ParseRetention(%q) = kind %d, %v, %q; want kind %d, %v, %q",
				tt.text, r.Kind, r.Period, r.Normalized(), tt.kind, tt.period, tt.norm)
		}
		if r.Known() != (tt.kind != RetentionUnknown) {
			t.Errorf("ParseRetention(%q).Known() = %v", tt.text, r.Known())
		}
	}
}

func TestARetentionMadeByHandIsNormalizedFromItsPeriod(t *testing.T) {
	tests := []struct {
		r    Retention
		want string
	}{
		{Retention{Kind: RetentionPeriod, Period: 2 * year}, "2y"},
		{Retention{Kind: RetentionPeriod, Period: 13 * month}, "13m"},
		{Retention{Kind: RetentionPeriod, Period: 90 * time.Minute}, "90min"},
		{Retention{Kind: RetentionPeriod, Period: 1500 * time.Millisecond}, "unknown"},
		{Retention{Kind: RetentionSession}, "session"},
		{Retention{Text: "forever"}, "unknown"},
	}
	for _, tt := range tests {
		if got := tt.r.Normalized(); got != tt.want {
			t.Errorf("%+v: Normalized() = %q, want %q", tt.r, got, tt.want)
		}
	}
}

func TestRetentionsCompareByLength(t *testing.T) {
	order := []string{"1 second", "1 minute", "1 hour", "1 day", "1 week", "30 days", "1 month", "365 days", "12 months", "13 months", "396 days", "2 years"}
	for i := 1; i < len(order); i++ {
		a, b := ParseRetention(order[i-1]), ParseRetention(order[i])
		if a.Period > b.Period {
			t.Errorf("%q (%v) is longer than %q (%v)", order[i-1], a.Period, order[i], b.Period)
		}
	}
	if ParseRetention("12 months").Period != ParseRetention("1 year").Period {
		t.Error("12 months differ from a year")
	}
}

func TestExpiryIsTheNearestSiteDuration(t *testing.T) {
	tests := []struct{ text, want string }{
		{"2 years", "2y"},
		{"13 months", "13m"},
		{"12 months", "1y"},
		{"24 months", "2y"},
		{"1 day", "1d"},
		{"24 hours", "1d"},
		{"1440 Minutes", "1d"},
		{"48 hours", "2d"},
		{"7 days", "1w"},
		{"14 days", "2w"},
		{"30 days", "30d"},
		{"365 days", "365d"},
		{"3 hours", "3h"},
		{"360 minutes", "6h"},
		{"90 minutes", "2h"},
		{"30 minutes", "1h"},
		{"1 minute", "1h"},
		{"10 seconds", "1h"},
		{"0 days", "1h"},
		{"3650 days", "10y"},
		{"3652 days", "10y"},
		{"1095 Days", "3y"},
		{"3000 days", "99m"},
		{"100 years", "100y"},
		{"session", "session"},
	}
	for _, tt := range tests {
		d, ok := ParseRetention(tt.text).Expiry()
		if !ok || d.String() != tt.want {
			t.Errorf("Expiry of %q = %q, %v; want %q", tt.text, d, ok, tt.want)
		}
		if _, err := config.ParseDuration(d.String()); err != nil {
			t.Errorf("Expiry of %q = %q, which site.toml rejects: %v", tt.text, d, err)
		}
	}
	if d, ok := ParseRetention("persistent").Expiry(); ok {
		t.Errorf("Expiry of an unknown retention = %q, true", d)
	}
}

func TestEveryKnownRetentionHasAnExpirySiteTOMLAccepts(t *testing.T) {
	for _, e := range Entries() {
		d, ok := e.Retention.Expiry()
		if ok != e.Retention.Known() {
			t.Errorf("%s (%s): Expiry ok = %v for %q", e.Name, e.Platform, ok, e.Retention.Text)
			continue
		}
		if _, err := config.ParseDuration(d.String()); ok && err != nil {
			t.Errorf("%s (%s): expiry %q of %q: %v", e.Name, e.Platform, d, e.Retention.Text, err)
		}
	}
}

func FuzzParseRetention(f *testing.F) {
	for _, s := range []string{"2 years", "session", "30 mins", "0 days", "persistent", "1 week to 1 year", "9223372036854775807 s"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := ParseRetention(s)
		back, ok := parseNormalized(r.Normalized(), r.Text)
		if !ok || back != r {
			t.Fatalf("normalized %q of %q reads back as %+v, %v; want %+v", r.Normalized(), s, back, ok, r)
		}
		if r.Period < 0 || r.Period > maxPeriod {
			t.Fatalf("period of %q is %v", s, r.Period)
		}
		if d, ok := r.Expiry(); ok {
			if _, err := config.ParseDuration(d.String()); err != nil {
				t.Fatalf("expiry %q of %q: %v", d, s, err)
			}
		}
	})
}
