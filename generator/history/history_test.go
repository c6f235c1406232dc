package history

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/policygen/policygen/generator/config"
)

func day(s string) time.Time {
	t, _ := time.Parse(time.DateOnly, s)
	return t
}

func snapshot(date, text string) Snapshot {
	return Snapshot{
		Date: day(date),
		Note: config.LocalizedText{ByLang: map[string]string{"en": "Note \"quoted\"\x07", "de": "Notiz"}},
		Docs: map[string]map[string]string{
			"privacy": {"en": "## Privacy {#a}\n\n" + text + "\n", "de": "## Datenschutz {#a}\n\n" + text + "\n"},
			"cookies": {"en": "## Cookies {#c}\n\nNone.\n"},
		},
		Site: &config.Site{Site: config.Settings{BaseURL: "https://x.example/", Languages: []string{"en", "de"}},
			Company: config.Company{Name: "C", Country: "NL", Email: "a@x.example"}},
	}
}

// released writes two versions and returns the history folder.
func released(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "history")
	v1, err := Release(dir, snapshot("2024-01-01", "one"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Release(dir, snapshot("2025-01-01", "two"), v1); err != nil {
		t.Fatal(err)
	}
	return dir
}

func load(dir string) ([]*Version, error) {
	return Load(os.DirFS(filepath.Dir(dir)), "history", "history")
}

func TestReleasedVersionsLoadBack(t *testing.T) {
	vs, err := load(released(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 2 || vs[0].Name() != "2024-01-01" || vs[1].Name() != "2025-01-01" {
		t.Fatalf("versions: %v", vs)
	}
	if md, _ := vs[1].Markdown("privacy", "de"); md != "## Datenschutz {#a}\n\ntwo\n" {
		t.Errorf("markdown: %q", md)
	}
	if vs[1].Note.In("en") != "Note \"quoted\"\x07" {
		t.Errorf("note: %q", vs[1].Note.In("en"))
	}
	if s, err := vs[0].Site(); err != nil || s.Company.Name != "C" {
		t.Errorf("model: %v %v", s, err)
	}
	if v := EffectiveOn(vs, day("2024-06-30")); v != vs[0] {
		t.Errorf("effective on 2024-06-30: %v", v)
	}
	if v := EffectiveOn(vs, day("2023-06-30")); v != nil {
		t.Errorf("effective before the first: %v", v)
	}
}

func TestTamperingFailsNamingTheFile(t *testing.T) {
	tests := []struct {
		name   string
		tamper func(dir string)
		want   string
	}{
		{"changed file", func(d string) { appendTo(filepath.Join(d, "2024-01-01", "privacy.en.md"), "x") },
			"history/2024-01-01/privacy.en.md: file was changed after its release"},
		{"missing file", func(d string) { os.Remove(filepath.Join(d, "2025-01-01", "cookies.en.md")) },
			"history/2025-01-01/cookies.en.md: file of the released version is missing"},
		{"extra file", func(d string) { os.WriteFile(filepath.Join(d, "2025-01-01", "privacy.fr.md"), nil, 0o644) },
			"history/2025-01-01/privacy.fr.md: file is not part of the released version"},
		{"edited manifest breaks the chain", func(d string) { appendTo(filepath.Join(d, "2024-01-01", "manifest.toml"), "\n") },
			"history/2025-01-01/manifest.toml: the chain of versions is broken"},
		{"removed version breaks the chain", func(d string) { os.RemoveAll(filepath.Join(d, "2024-01-01")) },
			"history/2025-01-01/manifest.toml: the chain of versions is broken"},
		{"stray file", func(d string) { os.WriteFile(filepath.Join(d, "notes.txt"), nil, 0o644) },
			"history/notes.txt: not a version folder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := released(t)
			tt.tamper(dir)
			_, err := load(dir)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v\nwant %s", err, tt.want)
			}
		})
	}
}

func appendTo(name, s string) {
	f, _ := os.OpenFile(name, os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString(s)
	f.Close()
}

func TestAReleasedVersionIsNeverRewritten(t *testing.T) {
	dir := released(t)
	vs, _ := load(dir)
	before, _ := os.ReadFile(filepath.Join(dir, "2025-01-01", "privacy.en.md"))
	_, err := Release(dir, snapshot("2025-01-01", "rewritten"), vs[0])
	if err == nil || !strings.Contains(err.Error(), "never rewritten") {
		t.Fatalf("got %v", err)
	}
	after, _ := os.ReadFile(filepath.Join(dir, "2025-01-01", "privacy.en.md"))
	if string(before) != string(after) {
		t.Error("the version was changed")
	}
}

// TestCrashMidReleaseLeavesConsistentHistory fails the third file write of
// a release, and then leaves a temporary folder behind as a killed process
// would: the history still loads as before, and a later release succeeds.
func TestCrashMidReleaseLeavesConsistentHistory(t *testing.T) {
	dir := released(t)
	vs, _ := load(dir)
	writes := 0
	w := Writer{WriteFile: func(name string, data []byte) error {
		if writes++; writes == 3 {
			return errors.New("disk full")
		}
		return writeSynced(name, data)
	}}
	if _, err := w.Release(dir, snapshot("2026-01-01", "three"), vs[1]); err == nil {
		t.Fatal("release did not fail")
	}
	os.MkdirAll(filepath.Join(dir, ".2026-01-01.tmp-123"), 0o755) // as a killed process leaves it
	os.WriteFile(filepath.Join(dir, ".2026-01-01.tmp-123", "privacy.en.md"), []byte("half"), 0o644)
	after, err := load(dir)
	if err != nil || len(after) != 2 {
		t.Fatalf("history after the crash: %d versions, %v", len(after), err)
	}
	if _, err := Release(dir, snapshot("2026-01-01", "three"), after[1]); err != nil {
		t.Fatal(err)
	}
	if final, err := load(dir); err != nil || len(final) != 3 {
		t.Fatalf("after a new release: %d, %v", len(final), err)
	}
}
