package largesite

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/policygen/policygen"
	"github.com/policygen/policygen/generator/site"
)

func TestTheSiteHasTheAdvertisedSize(t *testing.T) {
	dir := t.TempDir()
	if err := Write(dir, 0); err != nil {
		t.Fatal(err)
	}
	s, err := site.Load(site.Options{Source: dir, Defaults: policygen.Defaults, Date: BuildDate()})
	if err != nil {
		t.Fatal(err)
	}
	cfg := s.Config.Site
	outside := 0
	for _, p := range cfg.Processors {
		if !s.Facts.InEEA(string(p.Country)) {
			outside++
		}
	}
	got := []int{len(cfg.Settings.Languages), len(cfg.Activities), len(cfg.Processors), outside, len(cfg.Trackers), len(cfg.Retention), len(cfg.Changes)}
	want := []int{Languages, Activities, Processors, Processors / 3, Trackers, Retention, 0}
	if !slices.Equal(got, want) {
		t.Errorf("languages, activities, processors, outside the EEA, trackers, retention rules, changes: got %v, want %v", got, want)
	}
}

// TestHistoryIsWhatReleasingEachEditWrites compares Write's history with
// the one policygen release writes after each edit of site.toml.
func TestHistoryIsWhatReleasingEachEditWrites(t *testing.T) {
	if testing.Short() {
		t.Skip("releases the large site several times")
	}
	const versions = 3
	fast, slow := t.TempDir(), t.TempDir()
	if err := Write(fast, versions); err != nil {
		t.Fatal(err)
	}
	err := sources(versions, func(src []byte) error {
		if err := os.WriteFile(filepath.Join(slow, site.SiteFile), src, 0o644); err != nil {
			return err
		}
		s, err := site.Load(site.Options{Source: slow, Defaults: policygen.Defaults, Date: BuildDate()})
		if err != nil {
			return err
		}
		_, _, err = s.Release()
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	want := files(t, slow)
	got := files(t, fast)
	if len(got) != len(want) || len(want) != 1+versions*8 {
		t.Errorf("Write wrote %d files, releasing each edit %d", len(got), len(want))
	}
	for name, data := range want {
		if !bytes.Equal(got[name], data) {
			t.Errorf("%s differs from the file releasing each edit writes", name)
		}
	}
}

func TestACacheCopyIsTheWrittenSite(t *testing.T) {
	var c Cache
	defer c.Close()
	a, b := t.TempDir(), t.TempDir()
	for _, dir := range []string{a, b} {
		if err := c.CopyTo(dir, 1); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(a, site.SiteFile), []byte("edited"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := site.Load(site.Options{Source: b, Defaults: policygen.Defaults, Date: BuildDate()})
	if err != nil {
		t.Fatalf("the second copy does not load after the first was edited: %v", err)
	}
	if len(s.History) != 1 {
		t.Errorf("%d versions, want 1", len(s.History))
	}
}

// files reads every file under dir, by slash-separated relative path.
func files(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		out[p], err = os.ReadFile(filepath.Join(dir, p))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
