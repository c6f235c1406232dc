package history

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/policygen/policygen/generator/internal/mark"
)

// TestReleaseWritesItsMarkBeforeTheVersion: the first file of a release
// goes into a folder inside one that already holds the release mark.
func TestReleaseWritesItsMarkBeforeTheVersion(t *testing.T) {
	dir := t.TempDir()
	first := ""
	w := Writer{WriteFile: func(name string, data []byte) error {
		if first == "" {
			first = name
			if _, err := os.Stat(filepath.Join(filepath.Dir(filepath.Dir(name)), ReleaseMark)); err != nil {
				t.Errorf("no release mark when writing %s: %v", name, err)
			}
		}
		return writeSynced(name, data)
	}}
	if _, err := w.Release(dir, snapshot("2025-01-01", "one"), nil); err != nil {
		t.Fatal(err)
	}
	if got := entries(t, dir); !slices.Equal(got, []string{"2025-01-01"}) {
		t.Errorf("history after the release: %v", got)
	}
}

func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

// TestLeftoversOfInterruptedReleases: marked folders of releases killed
// before or after the rename are reported, then removed; a folder without
// the mark and one a running release holds stay.
func TestLeftoversOfInterruptedReleases(t *testing.T) {
	dir := t.TempDir()
	if _, err := Release(dir, snapshot("2025-01-01", "one"), nil); err != nil {
		t.Fatal(err)
	}
	write := func(name, text string) {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
		os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644)
	}
	write(".2025-01-01.tmp-1/"+ReleaseMark, string(releaseMarkText))
	write(".2026-01-01.tmp-2/"+ReleaseMark, string(releaseMarkText))
	write(".2026-01-01.tmp-2/2026-01-01/privacy.en.md", "half")
	write(".2026-02-01.tmp-3/privacy.en.md", "half") // a release before the mark
	write(".2026-03-01.tmp-4/x", "")
	busy, err := mark.Create(filepath.Join(dir, ".2026-03-01.tmp-4", ReleaseMark), releaseMarkText)
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	p := func(name string) string { return filepath.Join(dir, name) }
	unmarked := p(".2026-02-01.tmp-3") + " may be left by an interrupted release, but holds no .policygen-release to prove it: remove it yourself, then run policygen release again if " + p("2026-02-01") + " is missing"
	notRemoved := []string{
		p(".2025-01-01.tmp-1") + " was left by an interrupted release; the next policygen build or release removes it",
		p(".2026-01-01.tmp-2") + " was left by an interrupted release (2026-01-01 was not released: run policygen release again); the next policygen build or release removes it",
		unmarked,
	}
	removed := []string{
		"removed " + p(".2025-01-01.tmp-1") + ", left by an interrupted release",
		"removed " + p(".2026-01-01.tmp-2") + ", left by an interrupted release (2026-01-01 was not released: run policygen release again)",
		unmarked,
	}
	for _, c := range []struct {
		remove bool
		notes  []string
		left   []string
	}{
		{false, notRemoved, []string{".2025-01-01.tmp-1", ".2026-01-01.tmp-2", ".2026-02-01.tmp-3", ".2026-03-01.tmp-4", "2025-01-01"}},
		{true, removed, []string{".2026-02-01.tmp-3", ".2026-03-01.tmp-4", "2025-01-01"}},
	} {
		notes, err := Leftovers(dir, c.remove)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(notes, c.notes) {
			t.Errorf("remove %v: notes\n%s\nwant\n%s", c.remove, strings.Join(notes, "\n"), strings.Join(c.notes, "\n"))
		}
		if got := entries(t, dir); !slices.Equal(got, c.left) {
			t.Errorf("remove %v: history holds %v, want %v", c.remove, got, c.left)
		}
	}
	if _, err := load(dir); err != nil {
		t.Errorf("the history does not load: %v", err)
	}
}
