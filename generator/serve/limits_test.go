package serve

import (
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/policygen/policygen"
	"github.com/policygen/policygen/generator/guard"
)

// TestARunawayTemplateStopsAndTheNextGoodSaveShows saves a clause whose
// range never ends: the rebuild stops at the time limit (on a clock that
// moves a second at each look, so however fast the machine is) and every
// tab shows the error with the clause's position; the fixed clause shows
// on the next save.
func TestARunawayTemplateStopsAndTheNextGoodSaveShows(t *testing.T) {
	dir := exampleSite(t)
	var ticks atomic.Int64
	clock := func() time.Time {
		return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(ticks.Add(1)) * time.Second)
	}
	var log strings.Builder
	s := New(Options{Source: dir, Defaults: policygen.Defaults, Log: &log,
		Date:   func() time.Time { return time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC) },
		Limits: guard.Limits{Timeout: time.Hour, Now: clock}})
	s.Rebuild()
	save := func(body string) []string {
		var changed []string
		for _, lang := range []string{"en", "de", "nl"} {
			name := "clauses/privacy/075-x." + lang + ".md"
			file := filepath.Join(dir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(file, []byte("+++\ntitle = \"X\"\n+++\n"+body+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			changed = append(changed, name)
		}
		return s.Rebuild(changed...)
	}
	save("{{ range 3000000000 }}{{ end }}")
	want := "clauses/privacy/075-x.en.md:4:10: rendering ran longer than 1h0m0s, the time limit"
	if !strings.Contains(log.String(), want) {
		t.Errorf("the log does not say %q:\n%s", want, log.String())
	}
	if w := get(t, s, "GET", "/en/privacy/"); w.Code != 500 || !strings.Contains(w.Body.String(), "075-x.en.md:4:10</code>: rendering ran longer than 1h0m0s, the time limit") {
		t.Errorf("GET /en/privacy/ after the runaway save: %d\n%s", w.Code, w.Body.String())
	}
	save("Fixed clause.")
	if w := get(t, s, "GET", "/en/privacy/"); w.Code != 200 || !strings.Contains(w.Body.String(), "Fixed clause.") {
		t.Errorf("GET /en/privacy/ after the good save: %d\n%s", w.Code, w.Body.String())
	}
}
