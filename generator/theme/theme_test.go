package theme

import (
	"errors"
	"html/template"
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"github.com/policygen/policygen"
	"github.com/policygen/policygen/generator/assets"
	"github.com/policygen/policygen/generator/diag"
	"github.com/policygen/policygen/generator/guard"
	"github.com/policygen/policygen/generator/locale"
)

// files lays a site folder named "site" over the embedded defaults.
func files(site fstest.MapFS) *assets.FS { return assets.New(site, "site", policygen.Defaults) }

func load(t *testing.T, site fstest.MapFS, name string) *Theme {
	t.Helper()
	th, err := Load(files(site), name)
	if err != nil {
		t.Fatalf("Load(%q): %v", name, err)
	}
	return th
}

// english is the English messages of the defaults.
func english(t *testing.T) *locale.Lang {
	t.Helper()
	c, err := locale.Load(files(nil), []string{"en"})
	if err != nil {
		t.Fatal(err)
	}
	return c.Lang("en")
}

// chrome is what a privacy page in English shows around its text.
func chrome(t *testing.T) Chrome {
	t.Helper()
	return Chrome{Lang: english(t), Title: "Privacy <policy>", DocTitle: "Privacy policy", SiteTitle: "Example",
		Company: "Example & Co", Canonical: "https://example.com/en/privacy/", Root: "../../",
		Alternates: []Link{{Lang: "en", Label: "English", URL: "./", Absolute: "https://example.com/en/privacy/", Current: true}},
		Documents:  []Link{{Lang: "en", Label: "Privacy policy", URL: "./", Current: true}},
		JSON:       "../../policy.json", Changelog: "changes/", Feed: "changes/feed.xml", Head: "sha256:abc"}
}

// execute runs a layout without limits that matter, and fails the test
// on an error.
func execute(t *testing.T, th *Theme, layout string, data any) string {
	t.Helper()
	out, err := th.Execute(layout, data, guard.Limits{})
	if err != nil {
		t.Fatalf("Execute(%s): %v", layout, err)
	}
	return string(out)
}

func wantIn(t *testing.T, what, out string, wants ...string) {
	t.Helper()
	for _, want := range wants {
		if !strings.Contains(out, want) {
			t.Errorf("%s lacks %q:\n%s", what, want, out)
		}
	}
}

func TestTheDefaultThemeLoadsWithItsStyleSheet(t *testing.T) {
	th := load(t, nil, "default")
	css, err := policygen.Defaults.ReadFile("themes/default/style.css")
	if err != nil {
		t.Fatal(err)
	}
	if th.Name != "default" || string(th.CSS) != string(css) {
		t.Errorf("Name %q, CSS %d bytes; want default and the embedded style.css (%d bytes)", th.Name, len(th.CSS), len(css))
	}
}

// TestEachDefaultLayoutShowsItsPageModel executes page.html, changes.html,
// diff.html and index.html over models: their values appear escaped, the
// rendered HTML of clauses and diffs as it is, messages in the page's
// language.
func TestEachDefaultLayoutShowsItsPageModel(t *testing.T) {
	th := load(t, nil, "default")
	page := execute(t, th, "page.html", &Page{Chrome: chrome(t), Doc: "privacy",
		Sections: []Section{{ID: "controller", Title: "Who we are", HTML: "<p>We are <em>Example</em>.</p>"}},
		Version:  VersionInfo{Status: "draft", DraftDiff: "changes/draft/"}})
	wantIn(t, "page.html", page, `<html lang="en">`, "<title>Privacy &lt;policy&gt; – Example &amp; Co</title>",
		`<link rel="canonical" href="https://example.com/en/privacy/">`, `<meta name="policygen-history" content="sha256:abc">`,
		`<link rel="stylesheet" href="../../style.css">`, `<section id="controller" aria-labelledby="controller-title">`,
		`<li><a href="#controller">Who we are</a></li>`, "<p>We are <em>Example</em>.</p>", `<a href="changes/draft/">`)
	if strings.Contains(page, "<policy>") {
		t.Errorf("page.html left the title unescaped:\n%s", page)
	}

	changes := execute(t, th, "changes.html", &Changelog{Chrome: chrome(t), Entries: []Entry{
		{Date: "1 March 2025", Name: "2025-03-01", Status: "current", Note: "First <version>", Summary: []string{"Added a tracker"}, TextURL: "../2025-03-01/"},
	}})
	wantIn(t, "changes.html", changes, "1 March 2025", "First &lt;version&gt;", "Added a tracker", `href="../2025-03-01/"`)

	diff := execute(t, th, "diff.html", &Diff{Chrome: chrome(t), Date: "1 October 2025", PrevDate: "1 March 2025",
		Summary: []string{"Removed a tracker"}, Body: "<p><del>30 days</del><ins>45 days</ins></p>", TextURL: "../../2025-10-01/", PrevURL: "../../2025-03-01/"})
	wantIn(t, "diff.html", diff, "Removed a tracker", "<p><del>30 days</del><ins>45 days</ins></p>",
		`<a href="../../2025-03-01/">1 March 2025</a>`, `<a href="../../2025-10-01/">1 October 2025</a>`)

	index := execute(t, th, "index.html", Index{SiteTitle: "Example", Company: "Example & Co", Root: "",
		Languages: []IndexLang{{Lang: "nl", Name: "Nederlands", Title: "Privacy-informatie", Documents: []Link{{Lang: "nl", Label: "Privacyverklaring", URL: "nl/privacy/"}}}}})
	wantIn(t, "index.html", index, `<html lang="nl">`, "<title>Example &amp; Co</title>", `<h2 id="lang-nl">Nederlands</h2>`,
		`<li><a href="nl/privacy/" hreflang="nl">Privacyverklaring</a></li>`, `<link rel="stylesheet" href="style.css">`)
}

// TestASiteLayoutHidesTheDefaultOfTheSameName: a site file at
// themes/default/layouts/index.html replaces only that layout, and may use
// the default's shared blocks.
func TestASiteLayoutHidesTheDefaultOfTheSameName(t *testing.T) {
	th := load(t, fstest.MapFS{
		"themes/default/layouts/index.html": {Data: []byte(`<p>Own chooser of {{ .Company }}</p>`)},
		"themes/default/layouts/mine.html":  {Data: []byte(`{{ define "mine" }}<i>{{ . }}</i>{{ end }}`)},
		"themes/default/layouts/diff.html":  {Data: []byte(`{{ template "mine" .Date }}`)},
	}, "default")
	if got := execute(t, th, "index.html", Index{Company: "A & B"}); got != "<p>Own chooser of A &amp; B</p>" {
		t.Errorf("the site's index.html gave %q", got)
	}
	if got := execute(t, th, "diff.html", Diff{Date: "today"}); got != "<i>today</i>" {
		t.Errorf("a layout using a block of the site's own file gave %q", got)
	}
	page := execute(t, th, "page.html", &Page{Chrome: chrome(t), Version: VersionInfo{Status: "current", Effective: "1 March 2025"}})
	wantIn(t, "the default page.html beside the site's layouts", page, "<title>Privacy &lt;policy&gt; – Example &amp; Co</title>")
}

// TestAThemeOfItsOwnNeedsEveryLayoutAndAStyleSheet loads a site theme
// with everything, then one without page.html and style.css.
func TestAThemeOfItsOwnNeedsEveryLayoutAndAStyleSheet(t *testing.T) {
	whole := fstest.MapFS{"themes/plain/style.css": {Data: []byte("body { margin: 0 }")}}
	for _, l := range []string{"page", "index", "changes", "diff"} {
		whole["themes/plain/layouts/"+l+".html"] = &fstest.MapFile{Data: []byte(l + " {{ .Company }}")}
	}
	th := load(t, whole, "plain")
	if string(th.CSS) != "body { margin: 0 }" || execute(t, th, "changes.html", &Changelog{Chrome: Chrome{Company: "X"}}) != "changes X" {
		t.Errorf("the site theme plain: CSS %q", th.CSS)
	}
	delete(whole, "themes/plain/style.css")
	delete(whole, "themes/plain/layouts/page.html")
	_, err := Load(files(whole), "plain")
	want := []string{
		`site/themes/plain/layouts/page.html: theme "plain" has no layout page.html`,
		`site/themes/plain/style.css: theme "plain" has no style.css`,
	}
	if got := messages(err); !equal(got, want) {
		t.Errorf("a theme without page.html and style.css:\n got %q\nwant %q", got, want)
	}
}

func TestAnUnknownThemeIsAnErrorInSiteToml(t *testing.T) {
	_, err := Load(files(nil), "fancy")
	var e *diag.Error
	if !errors.As(err, &e) || e.Error() != `site.toml: unknown theme "fancy"` ||
		e.Hint != "put the theme in themes/fancy/ of the site folder, or remove theme to use the default" {
		t.Errorf("Load(fancy): %#v", err)
	}
}

// TestABrokenLayoutIsAnErrorAtItsFile: a layout that does not parse is
// reported at its file and line, every broken layout at once; a layout
// that fails while executing at its line and column, one that html/template
// cannot escape at its file.
func TestABrokenLayoutIsAnErrorAtItsFile(t *testing.T) {
	_, err := Load(files(fstest.MapFS{
		"themes/default/layouts/page.html":    {Data: []byte("<p>\n{{ .Title }\n")},
		"themes/default/layouts/changes.html": {Data: []byte("{{ if .Entries }}")},
	}), "default")
	want := []string{
		`site/themes/default/layouts/changes.html:1: unexpected EOF`,
		`site/themes/default/layouts/page.html:2: unexpected "}" in operand`,
	}
	if got := messages(err); !equal(got, want) {
		t.Errorf("two layouts that do not parse:\n got %q\nwant %q", got, want)
	}

	th := load(t, fstest.MapFS{
		"themes/default/layouts/index.html": {Data: []byte("<p>\n  {{ .Nothing }}</p>")},
		"themes/default/layouts/diff.html":  {Data: []byte("<p>\n<a href=\"{{ .TextURL }}")},
	}, "default")
	_, err = th.Execute("index.html", Index{}, guard.Limits{})
	var e *diag.Error
	if !errors.As(err, &e) || e.Pos != (diag.Pos{File: "site/themes/default/layouts/index.html", Line: 2, Col: 6}) ||
		!strings.Contains(e.Msg, "can't evaluate field Nothing in type theme.Index") {
		t.Errorf("executing a missing field: %#v", err)
	}
	_, err = th.Execute("diff.html", &Diff{}, guard.Limits{})
	if !errors.As(err, &e) || e.Pos != (diag.Pos{File: "site/themes/default/layouts/diff.html"}) ||
		!strings.HasPrefix(e.Msg, "ends in a non-text context") {
		t.Errorf("executing a layout that ends in an attribute: %#v", err)
	}
	if _, err := th.Execute("nothing.html", Index{}, guard.Limits{}); err == nil || !strings.Contains(err.Error(), `theme default: `) ||
		!strings.Contains(err.Error(), `"nothing.html"`) {
		t.Errorf("executing a layout the theme does not have: %v", err)
	}
}

// TestALayoutStopsAtTheLimits: a range that never ends stops at the time
// limit (on a clock that moves a second at each look) and one that writes
// too much at the output limit (on a clock that stands still), each at the position of its range in the
// site's layout.
func TestALayoutStopsAtTheLimits(t *testing.T) {
	th := load(t, fstest.MapFS{
		"themes/default/layouts/index.html": {Data: []byte("<p>\n{{ range 3000000000 }}{{ end }}")},
		"themes/default/layouts/diff.html":  {Data: []byte("{{ range 100000000 }}{{ $.Body }}{{ end }}")},
	}, "default")
	var ticks atomic.Int64
	clock := func() time.Time { return time.Unix(ticks.Add(1), 0) }
	_, err := th.Execute("index.html", Index{}, guard.Limits{Timeout: time.Minute, Now: clock})
	var e *diag.Error
	if !errors.As(err, &e) || e.Error() != "site/themes/default/layouts/index.html:2:10: rendering ran longer than 1m0s, the time limit" {
		t.Errorf("a range that never ends: %v", err)
	}
	stopped := func() time.Time { return time.Unix(0, 0) } // so that only the output limit stops it
	_, err = th.Execute("diff.html", Diff{Body: template.HTML(strings.Repeat("x", 1<<16))}, guard.Limits{Now: stopped})
	if !errors.As(err, &e) || e.Error() != "site/themes/default/layouts/diff.html:1:10: rendering wrote more than 16 MiB, the limit of a clause or page" {
		t.Errorf("a range that writes too much: %v", err)
	}
	if got := execute(t, th, "changes.html", &Changelog{Chrome: chrome(t)}); !strings.Contains(got, "Example &amp; Co") {
		t.Errorf("a layout after two that failed: %.300s", got)
	}
}

// TestPagesExecuteAtOnce runs layouts from many goroutines over one theme
// (with go test -race), as the site renders its pages.
func TestPagesExecuteAtOnce(t *testing.T) {
	th := load(t, nil, "default")
	done := make(chan string)
	for i := range 8 {
		go func() {
			out, err := th.Execute("index.html", Index{Company: strings.Repeat("x", i), Languages: []IndexLang{{Lang: "en"}}}, guard.Limits{})
			if err != nil {
				done <- err.Error()
				return
			}
			done <- string(out)
		}()
	}
	seen := map[string]bool{}
	for range 8 {
		seen[<-done] = true
	}
	if len(seen) != 8 {
		t.Errorf("8 pages over different models gave %d different outputs", len(seen))
	}
}

func messages(err error) []string {
	var out []string
	for _, e := range diag.Errors(err).Sort() {
		out = append(out, e.Error())
	}
	return out
}

func equal(a, b []string) bool { return strings.Join(a, "\n") == strings.Join(b, "\n") }
