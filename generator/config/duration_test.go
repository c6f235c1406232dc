package config

import (
	"math"
	"testing"
	"time"
)

func TestDurationLengthCountsMonthsAndYearsAtTheirAverageAndSaturates(t *testing.T) {
	day := 24 * time.Hour
	tests := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"36h", 36 * time.Hour, true},
		{"30d", 30 * day, true},
		{"2w", 14 * day, true},
		{"12m", 31556952 * time.Second, true}, // twelve months are a year
		{"1y", 31556952 * time.Second, true},
		{"1000y", math.MaxInt64, true}, // longer than a time.Duration holds
		{"session", 0, false},
		{"none", 0, false},
		{"until_withdrawn", 0, false},
	}
	for _, tt := range tests {
		d, err := ParseDuration(tt.in)
		if err != nil {
			t.Fatal(err)
		}
		if got, ok := d.Length(); got != tt.want || ok != tt.ok {
			t.Errorf("%s: %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
	if a, _ := (Duration{N: 13, Unit: "m"}).Length(); a <= 395*day || a >= 396*day {
		t.Errorf("13 months: %v", a)
	}
}
