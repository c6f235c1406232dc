package site

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/policygen/policygen/generator/config"
	"github.com/policygen/policygen/generator/legal"
)

// TestFieldDigestChangesWithItsFieldOnly loads the example's site.toml,
// edits a tracker and then the company's phone: each edit changes the
// digest of what it edits (and of the field that holds it) and of nothing
// else, which is what lets a serve session keep the clauses that do not
// read it.
func TestFieldDigestChangesWithItsFieldOnly(t *testing.T) {
	example, err := os.ReadFile("../../site.toml")
	if err != nil {
		t.Fatal(err)
	}
	facts, err := legal.Load()
	if err != nil {
		t.Fatal(err)
	}
	paths := []string{"Trackers", "Processors", "Company", "Company.Phone", "Company.Name", "Settings"}
	digests := func(src string) map[string]string {
		t.Helper()
		l, err := config.Load("site.toml", []byte(src), facts)
		if err != nil {
			t.Fatal(err)
		}
		d := map[string]string{}
		for _, p := range paths {
			if d[p], err = fieldDigest(l.Site, p); err != nil {
				t.Fatal(err)
			}
		}
		return d
	}
	src := string(example)
	before := digests(src)
	for _, e := range []struct {
		old, new string
		changed  []string
	}{
		{"Keeps you signed in to the customer portal.", "Keeps you signed in.", []string{"Trackers"}},
		{`phone    = "+49 241 9876 540"`, `phone    = "+49 241 9876 541"`, []string{"Company", "Company.Phone"}},
		{"# ", "#  ", nil}, // a comment is not part of any field
	} {
		if !strings.Contains(src, e.old) {
			t.Fatalf("the example has no %q", e.old)
		}
		src = strings.Replace(src, e.old, e.new, 1)
		after := digests(src)
		for _, p := range paths {
			if changed := after[p] != before[p]; changed != slices.Contains(e.changed, p) {
				t.Errorf("after %q: digest of %s changed: %v", e.new, p, changed)
			}
		}
		before = after
	}
}

// TestFieldDigestOfAPathThatNamesNoFieldIsAnError checks that a path
// model.Inputs might name by mistake is refused rather than digested as
// nothing, which would keep a clause's text after its input changed.
func TestFieldDigestOfAPathThatNamesNoFieldIsAnError(t *testing.T) {
	site := new(config.Site)
	for _, p := range []string{"Nope", "Company.Nope", "Company.Phone.Deeper", "", "Trackers.Name"} {
		if sum, err := fieldDigest(site, p); err == nil {
			t.Errorf("fieldDigest(%q) = %x, want an error", p, sum)
		}
	}
	if _, err := fieldDigest(site, "Company.Phone"); err != nil {
		t.Errorf("fieldDigest(Company.Phone): %v", err)
	}
}
