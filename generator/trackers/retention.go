package trackers

import (
	"strconv"
	"strings"
	"time"

	"github.com/policygen/policygen/generator/config"
)

// RetentionKind says what is known about a retention period.
type RetentionKind uint8

// The kinds of retention. The zero value is RetentionUnknown, so a
// Retention nobody filled in claims nothing.
const (
	RetentionUnknown RetentionKind = iota // free text, a range or a condition: "persistent", "varies"
	RetentionSession                      // until the browser session ends
	RetentionPeriod                       // a fixed length, in Period
)

// Average lengths of a month and a year in the Gregorian calendar, so that
// 12 months are exactly a year and 13 months compare above 395 days.
const (
	year  = 31556952 * time.Second // 365.2425 days
	month = year / 12
	week  = 7 * day
	day   = 24 * time.Hour
)

// retentionUnits are the units of the normalized form, longest first; "m"
// is a month, as in site.toml, and "min" a minute.
var retentionUnits = []struct {
	name string
	len  time.Duration
}{{"y", year}, {"m", month}, {"w", week}, {"d", day}, {"h", time.Hour}, {"min", time.Minute}, {"s", time.Second}}

// maxPeriod bounds a period so that it fits in a time.Duration with room
// to spare; longer values ("1000 years") are read as unknown, like
// "forever", rather than clamped.
const maxPeriod = 200 * year

// Retention is how long the database says a tracker is kept.
type Retention struct {
	Text   string        // as the database writes it: "2 years", "Session", "until deleted"
	Kind   RetentionKind // what is known
	Period time.Duration // with RetentionPeriod, the length (months and years at their average); else zero
	norm   string        // the normalized form: "2y", "30min", "session", "unknown"
}

// Known reports whether the retention is a session or a fixed period.
func (r Retention) Known() bool { return r.Kind != RetentionUnknown }

// Normalized is the retention as the embedded table writes it: a number
// and a unit (s, min, h, d, w, m for months, y) as the database wrote it,
// "session" or "unknown". For a Retention made without ParseRetention the
// unit is the longest that measures Period exactly.
func (r Retention) Normalized() string {
	switch {
	case r.norm != "":
		return r.norm
	case r.Kind == RetentionSession:
		return "session"
	case r.Kind == RetentionPeriod:
		for _, u := range retentionUnits {
			if r.Period%u.len == 0 {
				return strconv.FormatInt(int64(r.Period/u.len), 10) + u.name
			}
		}
	}
	return "unknown"
}

// sessionTexts are the ways the database says "session", lowercased. A
// misspelling such as "Seesion" is left unknown: it is not ours to correct.
var sessionTexts = map[string]bool{
	"session": true, "sessions": true, "session cookie": true, "end of session (browser)": true,
}

// textUnits maps the unit words of the database, lowercased, to the units
// of the normalized form.
var textUnits = map[string]string{
	"second": "s", "seconds": "s", "sec": "s", "secs": "s",
	"minute": "min", "minutes": "min", "min": "min", "mins": "min",
	"hour": "h", "hours": "h", "day": "d", "days": "d", "week": "w", "weeks": "w",
	"month": "m", "months": "m", "year": "y", "years": "y",
}

// ParseRetention reads a retention as the database writes it. Only a
// whole number with a unit ("13 months", "1 Year", "30 mins", "0 days")
// and the words for a session are known; anything else, such as ranges
// ("1 week to 1 year"), conditions ("2 years after last activity"),
// dates, "persistent", "forever", "varies" or an empty value, is kept as
// unknown with its text, never guessed.
func ParseRetention(text string) Retention {
	text = strings.TrimSpace(text)
	r := Retention{Text: text}
	s := strings.ToLower(strings.Join(strings.Fields(text), " "))
	if sessionTexts[s] {
		r.Kind, r.norm = RetentionSession, "session"
		return r
	}
	num, word, ok := strings.Cut(s, " ")
	unit := textUnits[word]
	n, err := strconv.Atoi(num)
	if !ok || unit == "" || err != nil || n < 0 || num[0] == '+' {
		return r
	}
	return withPeriod(r, n, unit)
}

// parseNormalized reads the normalized form back, with text as the
// original.
func parseNormalized(norm, text string) (Retention, bool) {
	r := Retention{Text: text}
	switch norm {
	case "unknown":
		return r, true
	case "session":
		r.Kind, r.norm = RetentionSession, norm
		return r, true
	}
	i := strings.IndexFunc(norm, func(c rune) bool { return c < '0' || c > '9' })
	if i <= 0 {
		return r, false
	}
	n, err := strconv.Atoi(norm[:i])
	if err != nil {
		return r, false
	}
	r = withPeriod(r, n, norm[i:])
	return r, r.norm == norm
}

// withPeriod sets n units as the period of r, or leaves r unknown when the
// unit is not one of retentionUnits or the period is over maxPeriod.
func withPeriod(r Retention, n int, unit string) Retention {
	for _, u := range retentionUnits {
		if u.name == unit && int64(n) <= int64(maxPeriod/u.len) {
			r.Kind, r.Period, r.norm = RetentionPeriod, time.Duration(n)*u.len, strconv.Itoa(n)+unit
			return r
		}
	}
	return r
}

// Expiry turns a known retention into the policygen duration closest to
// it, for `expiry = "…"` in site.toml; false when the retention is
// unknown. A session is "session". A period is written in the longest
// unit of site.toml (y, m, w, d, h) that measures it exactly with at most
// 1000 of them, so "24 hours" is "1d", "12 months" "1y" and "13 months"
// "13m". Under an hour, including "0 days", it is "1h", the shortest
// period site.toml can write; other periods that are not whole hours are
// rounded up to the next hour, so the expiry declared is never shorter
// than the real one. Over 1000 days and not exact, it is rounded to the
// nearest month ("3650 days" is "10y", "3000 days" "99m"), and past 1000
// months to the nearest year.
func (r Retention) Expiry() (config.Duration, bool) {
	switch r.Kind {
	case RetentionSession:
		return config.Duration{Special: "session"}, true
	case RetentionPeriod:
		return periodExpiry(r.Period), true
	}
	return config.Duration{}, false
}

func periodExpiry(p time.Duration) config.Duration {
	if p < time.Hour {
		return config.Duration{N: 1, Unit: "h"}
	}
	for _, u := range retentionUnits[:5] {
		if p%u.len == 0 && p/u.len <= 1000 {
			return config.Duration{N: int(p / u.len), Unit: u.name}
		}
	}
	if h := (p + time.Hour - 1) / time.Hour; h <= 1000 {
		return config.Duration{N: int(h), Unit: "h"}
	}
	if p < 1000*day {
		return periodExpiry((p + day - 1) / day * day)
	}
	months := int((p + month/2) / month)
	if months%12 == 0 || months > 1000 {
		return config.Duration{N: max(1, (months+6)/12), Unit: "y"}
	}
	return config.Duration{N: months, Unit: "m"}
}
