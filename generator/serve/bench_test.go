package serve

import (
	"io"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/policygen/policygen"
	"github.com/policygen/policygen/generator/internal/largesite"
)

// largeSites writes the large site once per test process, however many
// times the benchmark runs.
var largeSites largesite.Cache

func TestMain(m *testing.M) {
	code := m.Run()
	largeSites.Close()
	os.Exit(code)
}

// BenchmarkServeRebuild is a save of site.toml while serving the large
// site with 100 versions: one field changes, the site rebuilds as a draft
// with its diff against the newest version, and the frozen versions come
// from the cache of the first build.
func BenchmarkServeRebuild(b *testing.B) {
	dir := b.TempDir()
	if err := largeSites.CopyTo(dir, 100); err != nil {
		b.Fatal(err)
	}
	file := filepath.Join(dir, "site.toml")
	src, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	const phone = `phone    = "+31 20 123 4567"`
	if !strings.Contains(string(src), phone) {
		b.Fatalf("site.toml has no %s", phone)
	}
	edits := []string{strings.Replace(string(src), phone, `phone    = "+31 20 123 4568"`, 1), string(src)}
	s := New(Options{Source: dir, Defaults: policygen.Defaults, Log: io.Discard,
		Date: func() time.Time { return largesite.BuildDate() }})
	s.Rebuild()
	mustServe(b, s, "/en/privacy/", "+31 20 123 4567")
	changed := 0
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if err := os.WriteFile(file, []byte(edits[i%2]), 0o644); err != nil {
			b.Fatal(err)
		}
		i++
		changed += len(s.Rebuild("site.toml"))
	}
	b.StopTimer()
	b.ReportMetric(float64(changed)/float64(b.N), "changed-pages/op")
	want := "+31 20 123 4567"
	if i%2 == 1 {
		want = "+31 20 123 4568"
	}
	mustServe(b, s, "/en/privacy/", want)
}

// mustServe fails unless the page at target is served and contains want.
func mustServe(b *testing.B, s *Server, target, want string) {
	b.Helper()
	w := httptest.NewRecorder()
	s.serveSite(w, httptest.NewRequest("GET", "http://localhost"+target, nil))
	if w.Code != 200 || !strings.Contains(w.Body.String(), want) {
		b.Fatalf("GET %s: %d, want a page with %q\n%.500s", target, w.Code, want, w.Body.String())
	}
}
