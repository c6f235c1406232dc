package config

import (
	"strings"
	"testing"

	"github.com/policygen/policygen/generator/diag"
)

// FuzzLoad checks that no input makes the loader panic, that every error
// has a position inside the file, and that printing it never panics.
func FuzzLoad(f *testing.F) {
	f.Add(validSite)
	f.Add(strings.Replace(validSite, `basis = "contract"`, `basis = 3`, 1))
	f.Add("[[activity]]\nid = \"a\"\n[[activity]]\ndata = [\"x\",\n  \"y\"]\n")
	f.Add("a = { b = { c = [1, {d = 'e'}] } }\n[data.x]\nlabel = \"\"\"\nmulti\n\"\"\"")
	f.Add("[[site]]\nbase_url = \"https://x.example:0/?q#f\"\n[[retention]]\nperiod = \"until_withdrawn\"\nname = \"\\u001b\\u202e\"")
	f.Add("a = [[[[{b.c.d = [[[\n\"\"\"[[[\n'''" + strings.Repeat("[", 40))
	facts := testFacts(f)
	f.Fuzz(func(t *testing.T, src string) {
		_, err := Load("site.toml", []byte(src), facts)
		lines := strings.Count(src, "\n") + 1
		for _, e := range diag.Errors(err) {
			if e.Pos.File != "site.toml" {
				t.Fatalf("error without file: %v", e)
			}
			if e.Pos.Line > lines {
				t.Fatalf("error at line %d of a %d-line file: %v", e.Pos.Line, lines, e)
			}
			_ = diag.Excerpt([]byte(src), e.Pos)
		}
	})
}

// FuzzParseDuration checks that every accepted duration prints back as
// it was written.
func FuzzParseDuration(f *testing.F) {
	for _, s := range []string{"2y", "30d", "1h", "6m", "52w", "session", "until_withdrawn", "0d", "-1y", "1.5y", "1000y", "y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDuration(s)
		if err != nil {
			return
		}
		if d.String() != s {
			t.Fatalf("ParseDuration(%q).String() = %q", s, d.String())
		}
		if d.Special == "" && (d.N < 1 || !strings.Contains(durationUnits, d.Unit)) {
			t.Fatalf("ParseDuration(%q) = %+v", s, d)
		}
	})
}

func TestParseDuration(t *testing.T) {
	good := map[string]Duration{
		"2y": {N: 2, Unit: "y"}, "30d": {N: 30, Unit: "d"}, "session": {Special: "session"},
		"until_withdrawn": {Special: "until_withdrawn"}, "13m": {N: 13, Unit: "m"},
	}
	for s, want := range good {
		if got, err := ParseDuration(s); err != nil || got != want {
			t.Errorf("ParseDuration(%q) = %+v, %v; want %+v", s, got, err, want)
		}
	}
	for _, s := range []string{"", "y", "0d", "-1y", "+1y", "01y", "1.5y", "2 y", "2Y", "2s", "forever", "1001y"} {
		if _, err := ParseDuration(s); err == nil {
			t.Errorf("ParseDuration(%q) succeeded", s)
		}
	}
}
