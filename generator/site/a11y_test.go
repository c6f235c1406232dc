package site

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/policygen/policygen/generator/internal/browser"
	"github.com/policygen/policygen/generator/publish"
)

// a11yPage matches the example's HTML pages; its submatches are the
// language and document folder, "changes/" for the changelog and diff
// pages, and the date of a frozen version or a diff page.
var a11yPage = regexp.MustCompile(`^(?:([a-z]+/[^/]+/)(changes/)?(\d{4}-\d{2}-\d{2}/)?)?index\.html$`)

// TestExamplePagesHaveNoSeriousAxeViolations opens the current page, a
// frozen version, the changelog and a diff page of every document in
// every language, and the language chooser, in Chromium, and runs
// axe-core's accessibility rules on each.
func TestExamplePagesHaveNoSeriousAxeViolations(t *testing.T) {
	browser.RequireAxe(t) // before Chromium starts and each page's subtest would skip on its own
	out, err := buildDir(t, exampleDir, exampleDate)
	if err != nil {
		t.Fatalf("example does not build:\n%v", err)
	}
	pages := a11yPages(out)
	if len(pages) != 3*2*4+1 {
		t.Errorf("checking %d pages, want 25 (4 kinds × 2 documents × 3 languages, and the index): %v", len(pages), pages)
	}
	srv := httptest.NewServer(serveOutput(out))
	t.Cleanup(srv.Close)
	b := browser.Start(t)
	start := time.Now()
	t.Cleanup(func() {
		t.Logf("axe-core checked %d pages in %v", len(pages), time.Since(start).Round(time.Millisecond))
	})
	for _, page := range pages {
		t.Run(page, func(t *testing.T) {
			t.Parallel() // a tab each: about a second per page, most of it axe-core
			tab := b.Open(t, srv.URL+"/"+strings.TrimSuffix(page, "index.html"))
			// Colour contrast is only checked for what the reader sees.
			var styled bool
			if err := tab.Eval(`[...document.styleSheets].some(s => s.cssRules.length > 0)`, &styled); err != nil || !styled {
				t.Fatalf("style.css did not load (%v)", err)
			}
			for _, v := range tab.Axe(t) {
				if v.Impact == "serious" || v.Impact == "critical" {
					t.Errorf("%s", v)
				}
			}
		})
	}
}

// a11yPages picks the first page of each kind (current, frozen version,
// changelog, diff) per language and document, and the index: the pages of
// a kind share their layout, so one is enough.
func a11yPages(out publish.Output) []string {
	seen := map[string]bool{}
	var pages []string
	for _, name := range sortedNames(out) {
		m := a11yPage.FindStringSubmatch(name)
		if m == nil {
			continue
		}
		kind := m[1] + m[2]
		if m[3] != "" {
			kind += "dated"
		}
		if !seen[kind] {
			seen[kind] = true
			pages = append(pages, name)
		}
	}
	return pages
}

// serveOutput serves a built site from memory as a web server serves the
// output folder: a path ending in / is its index.html.
func serveOutput(out publish.Output) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/")
		if name == "" || strings.HasSuffix(name, "/") {
			name += "index.html"
		}
		data, ok := out[name]
		if !ok {
			http.NotFound(w, r)
			return
		}
		http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(data))
	})
}
