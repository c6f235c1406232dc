package config

import (
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/policygen/policygen/generator/diag"
)

var tomlSeeds = []string{
	"a = 1\n[t]\nb = 2\n[[arr]]\nc = 3\n[[arr]]\nc = 4\n[t2.sub]\nd = '''\n[not a header]\n'''\n",
	"[a.b]\nx = 1\n[a]\ny = 2\n",
	"[a]\nb = 1\n[a.b]\nx = 1\n",
	"[a]\nx = 1\n[a]\ny = 2\n",
	"k = [\n[1],\n[2]\n]\n[t]\nv = \"\"\"\n[x]\n\"\"\"\n",
	"[[a]]\nx = 1\n[a.b]\ny = 2\n",
	"a = {b = 1}\n[a.c]\nd = 2\n",
	"[ 'quoted' ]\nx = 1\n",
	"[t] # comment\nx = \"#[y]\"\n[u]\n",
	"x.y = 1\n[x.z]\nw = 2\n",
	"[a]\n  [b]\nc = 1\n[d]\n",
}

// TestParseCacheParsesAsTheWholeFile parses the example's site.toml and
// tricky documents in parts, twice (the second time from the cache), and
// after an edit: the result is what parsing the whole file gives.
func TestParseCacheParsesAsTheWholeFile(t *testing.T) {
	example, err := os.ReadFile("../../site.toml")
	if err != nil {
		t.Fatal(err)
	}
	var c ParseCache
	for _, src := range []string{string(example), string(example), strings.Replace(string(example), "privacy@", "datenschutz@", 1)} {
		if !checkParts(t, &c, src) {
			t.Error("the example's site.toml was parsed whole, not in parts")
		}
	}
	if len(c.parts) < 20 {
		t.Errorf("the cache keeps %d parts of the example", len(c.parts))
	}
	for _, src := range tomlSeeds {
		checkParts(t, &ParseCache{}, src)
	}
}

func FuzzParseCache(f *testing.F) {
	for _, s := range tomlSeeds {
		f.Add(s)
	}
	if example, err := os.ReadFile("../../site.toml"); err == nil {
		f.Add(string(example))
	}
	f.Fuzz(func(t *testing.T, src string) {
		var c ParseCache
		checkParts(t, &c, src)
		checkParts(t, &c, src) // from the cache
	})
}

// checkParts fails unless parsing src in parts, where it does, gives what
// parsing it whole gives; it reports whether it did.
func checkParts(t *testing.T, c *ParseCache, src string) bool {
	t.Helper()
	got, pos, _, ok := c.parse("site.toml", src)
	if !ok {
		return false
	}
	whole := scanPositions("site.toml", []byte(src))
	for _, m := range []map[string]diag.Pos{whole.keys, whole.value} {
		for path := range m {
			for _, p := range []string{path, path + ".zz", path + ".7"} {
				if pos.Key(p) != whole.Key(p) || pos.Value(p) != whole.Value(p) {
					t.Fatalf("%s: in parts at %v (value %v), whole at %v (value %v), of\n%s", p, pos.Key(p), pos.Value(p), whole.Key(p), whole.Value(p), src)
				}
			}
		}
	}
	var want map[string]any
	if _, err := toml.Decode(src, &want); err != nil {
		t.Fatalf("parsed in parts a file that is not TOML (%v):\n%s", err, src)
	}
	// NaN is not equal to itself: compare what the values print as then.
	if !reflect.DeepEqual(got, want) && fmt.Sprintf("%#v", got) != fmt.Sprintf("%#v", want) {
		t.Fatalf("in parts:\n%#v\nwhole:\n%#v\nof\n%s", got, want, src)
	}
	return true
}

// TestDigestChangesWithItsPartOnly loads the example's site.toml through a
// ParseCache, edits a tracker and then the company's phone: each edit
// changes the digest of what it edits and of nothing else.
func TestDigestChangesWithItsPartOnly(t *testing.T) {
	example, err := os.ReadFile("../../site.toml")
	if err != nil {
		t.Fatal(err)
	}
	facts := testFacts(t)
	var c ParseCache
	load := func(src string) *Loaded {
		t.Helper()
		l, err := LoadCached("site.toml", []byte(src), facts, &c)
		if err != nil {
			t.Fatal(err)
		}
		if l.parts == nil {
			t.Fatal("the example was not parsed in parts")
		}
		return l
	}
	paths := []string{"Trackers", "Processors", "Company", "Company.Phone", "Company.Name", "Settings"}
	digests := func(l *Loaded) map[string]string {
		d := map[string]string{}
		for _, p := range paths {
			d[p] = l.Digest(p)
		}
		return d
	}
	src := string(example)
	before := digests(load(src))
	for _, e := range []struct {
		old, new string
		changed  []string
	}{
		{"Keeps you signed in to the customer portal.", "Keeps you signed in.", []string{"Trackers"}},
		{`phone    = "+49 241 9876 540"`, `phone    = "+49 241 9876 541"`, []string{"Company", "Company.Phone"}},
	} {
		if !strings.Contains(src, e.old) {
			t.Fatalf("the example has no %q", e.old)
		}
		src = strings.Replace(src, e.old, e.new, 1)
		after := digests(load(src))
		for _, p := range paths {
			if changed := after[p] != before[p]; changed != slices.Contains(e.changed, p) {
				t.Errorf("after %q: digest of %s changed: %v", e.new, p, changed)
			}
		}
		before = after
	}
}
