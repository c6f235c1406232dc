package site

import (
	"io/fs"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/policygen/policygen"
	"github.com/policygen/policygen/generator/guard"
)

// englishSite is minimalSite in English only, so that a clause needs one
// file.
func englishSite() string {
	site := strings.Replace(minimalSite, `languages = ["en", "de", "nl"]`, `languages = ["en"]`, 1)
	return regexp.MustCompile(`\{ en = ("[^"]*")[^}]*\}`).ReplaceAllString(site, "$1")
}

// advancing is a clock that moves a second each time it is read, so that
// a template that never ends runs out of time after a known number of
// looks at it, however fast the machine is.
func advancing() func() time.Time {
	var n atomic.Int64
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	return func() time.Time { return start.Add(time.Duration(n.Add(1)) * time.Second) }
}

// buildLimited builds an archive as buildArchive does, with a time limit
// of an hour on the advancing clock, and returns the error with the site
// folder cut from it.
func buildLimited(t *testing.T, archive string) string {
	t.Helper()
	dir := siteFiles(t, archive)
	site, err := Load(Options{Source: dir, Defaults: policygen.Defaults, Date: date(t, "2025-06-01"),
		Limits: guard.Limits{Timeout: time.Hour, Now: advancing()}})
	if err == nil {
		_, err = site.Render(false)
	}
	if err == nil {
		t.Fatal("the site built")
	}
	return strings.ReplaceAll(err.Error(), dir+"/", "")
}

func TestTemplatesThatNeverEndStopAtTheTimeLimit(t *testing.T) {
	page, err := fs.ReadFile(policygen.Defaults, "themes/default/layouts/page.html")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ name, files, want string }{
		{"range in a clause", "-- clauses/privacy/075-x.en.md --\n+++\ntitle = \"X\"\n+++\nline 4\n  {{ range 3000000000 }}{{ end }}\n",
			"clauses/privacy/075-x.en.md:5:12: rendering ran longer than 1h0m0s, the time limit"},
		{"recursion in a clause", "-- clauses/privacy/075-x.en.md --\n+++\ntitle = \"X\"\n+++\n" +
			"{{ define \"r\" }}{{ with . }}{{ template \"r\" slice . 1 }}{{ template \"r\" slice . 1 }}{{ end }}{{ end }}{{ template \"r\" \"" + strings.Repeat("x", 60) + "\" }}\n",
			"clauses/privacy/075-x.en.md:4:17: rendering ran longer than 1h0m0s, the time limit"},
		{"range in a layout", "-- themes/default/layouts/page.html --\n{{ range 3000000000 }}{{ end }}" + string(page),
			"themes/default/layouts/page.html:1:10: rendering ran longer than 1h0m0s, the time limit"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := buildLimited(t, englishSite()+c.files); got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
		})
	}
}

func TestAClauseThatWritesTooMuchIsAnError(t *testing.T) {
	clause := "-- clauses/privacy/075-x.en.md --\n+++\ntitle = \"X\"\n+++\n{{ range 17 }}{{ printf \"%1048576s\" \"\" }}{{ end }}\n"
	want := "clauses/privacy/075-x.en.md:4:10: rendering wrote more than 16 MiB, the limit of a clause or page"
	if got := buildLimited(t, englishSite()+clause); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestABrokenTableNamesItsClauseAndLine(t *testing.T) {
	clause := "-- clauses/privacy/075-x.en.md --\n+++\ntitle = \"X\"\n+++\nText.\n\n| {{ T \"table.name\" }} | b |\n|---|\n| x | y |\n"
	want := "clauses/privacy/075-x.en.md:7: the header of this table has 2 cells, its delimiter row 1: it renders as text"
	if got := buildLimited(t, englishSite()+clause); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
