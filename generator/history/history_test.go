package history

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
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
		Site: &config.Site{Settings: config.Settings{BaseURL: "https://x.example/", Languages: []string{"en", "de"}},
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

// releasedThree writes three versions, the oldest, a middle and the
// newest, and returns the history folder.
func releasedThree(t *testing.T) string {
	t.Helper()
	dir := released(t)
	vs, err := load(dir)
	if err != nil {
		t.Fatal(err)
	}
	snap := snapshot("2026-01-01", "three")
	for _, d := range []string{"2024-01-01", "2025-01-01", "2026-01-01"} { // as site.toml lists them
		snap.Site.Changes = append(snap.Site.Changes, config.Change{Date: day(d)})
	}
	if _, err := Release(dir, snap, vs[1]); err != nil {
		t.Fatal(err)
	}
	return dir
}

// replaceIn replaces the first match of a regular expression in a file of
// a version.
func replaceIn(t *testing.T, dir, version, file, re, repl string) {
	t.Helper()
	name := filepath.Join(dir, version, file)
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	loc := regexp.MustCompile(re).FindIndex(data)
	if loc == nil {
		t.Fatalf("%s has no %s", name, re)
	}
	out := append(append(append([]byte{}, data[:loc[0]]...), repl...), data[loc[1]:]...)
	if err := os.WriteFile(name, out, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestTamperingFailsNamingTheFile edits, removes and adds each kind of
// file in each place of the chain, and wants exactly the errors that name
// the changed file.
func TestTamperingFailsNamingTheFile(t *testing.T) {
	const (
		oldest, middle, newest = "2024-01-01", "2025-01-01", "2026-01-01"
		note                   = `"en" = "Note`
		hashOf                 = `"privacy.en.md" = "sha256:.`
		tampered               = "history/%s/manifest.toml: manifest was changed after its release: it is not the previous that history/%s/manifest.toml names"
		edited                 = "history/%s/manifest.toml: manifest is not as policygen release wrote it: it was edited after its release"
	)
	tests := []struct {
		name   string
		tamper func(t *testing.T, dir string)
		want   []string
	}{
		{"note of the oldest manifest", func(t *testing.T, d string) { replaceIn(t, d, oldest, ManifestFile, note, `"en" = "Edited`) },
			[]string{fmt.Sprintf(tampered, oldest, middle)}},
		{"note of a middle manifest", func(t *testing.T, d string) { replaceIn(t, d, middle, ManifestFile, note, `"en" = "Edited`) },
			[]string{fmt.Sprintf(tampered, middle, newest)}},
		{"date of a middle manifest", func(t *testing.T, d string) {
			replaceIn(t, d, middle, ManifestFile, `date = "2025-01-01"`, `date = "2025-01-02"`)
		}, []string{"history/2025-01-01/manifest.toml: manifest is dated 2025-01-02 but the folder 2025-01-01", fmt.Sprintf(tampered, middle, newest)}},
		{"file hash in the oldest manifest", func(t *testing.T, d string) {
			replaceIn(t, d, oldest, ManifestFile, hashOf, hashOf[:len(hashOf)-1]+"0")
		},
			[]string{fmt.Sprintf(tampered, oldest, middle)}},
		{"file hash in a middle manifest", func(t *testing.T, d string) {
			replaceIn(t, d, middle, ManifestFile, hashOf, hashOf[:len(hashOf)-1]+"0")
		},
			[]string{fmt.Sprintf(tampered, middle, newest)}},
		{"previous of a middle manifest", func(t *testing.T, d string) {
			replaceIn(t, d, middle, ManifestFile, `previous = "sha256:.`, `previous = "sha256:0`)
		}, []string{fmt.Sprintf(tampered, middle, newest)}},
		{"comment of the newest manifest", func(t *testing.T, d string) { replaceIn(t, d, newest, ManifestFile, `Do not edit`, `Edit freely`) },
			[]string{fmt.Sprintf(edited, newest)}},
		{"file hash in the newest manifest", func(t *testing.T, d string) {
			replaceIn(t, d, newest, ManifestFile, hashOf, hashOf[:len(hashOf)-1]+"0")
		},
			[]string{"history/2026-01-01/privacy.en.md: file does not match its SHA-256 in history/2026-01-01/manifest.toml: the file or the manifest was changed after its release"}},
		{"unknown file listed in the newest manifest", func(t *testing.T, d string) {
			replaceIn(t, d, newest, ManifestFile, `\[files\]\n`, "[files]\n\"notes.txt\" = \"sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\"\n")
			os.WriteFile(filepath.Join(d, newest, "notes.txt"), nil, 0o644)
		}, []string{fmt.Sprintf(edited, newest), `history/2026-01-01/manifest.toml: manifest lists "notes.txt", which is not a file of a version`}},
		{"text of the oldest version", func(t *testing.T, d string) { appendTo(filepath.Join(d, oldest, "privacy.en.md"), "x") },
			[]string{"history/2024-01-01/privacy.en.md: file was changed after its release (SHA-256 does not match the manifest)"}},
		{"model of a middle version", func(t *testing.T, d string) { replaceIn(t, d, middle, ModelFile, `"name": "C"`, `"name": "D"`) },
			[]string{"history/2025-01-01/model.json: file was changed after its release (SHA-256 does not match the manifest)"}},
		{"model of the newest version", func(t *testing.T, d string) { replaceIn(t, d, newest, ModelFile, `"name": "C"`, `"name": "D"`) },
			[]string{"history/2026-01-01/model.json: file does not match its SHA-256 in history/2026-01-01/manifest.toml: the file or the manifest was changed after its release"}},
		{"missing file", func(t *testing.T, d string) { os.Remove(filepath.Join(d, middle, "cookies.en.md")) },
			[]string{"history/2025-01-01/cookies.en.md: file of the released version is missing"}},
		{"missing model", func(t *testing.T, d string) { os.Remove(filepath.Join(d, newest, ModelFile)) },
			[]string{"history/2026-01-01/model.json: file of the released version is missing"}},
		{"extra file", func(t *testing.T, d string) { os.WriteFile(filepath.Join(d, middle, "privacy.fr.md"), nil, 0o644) },
			[]string{"history/2025-01-01/privacy.fr.md: file is not part of the released version"}},
		{"removed oldest version", func(t *testing.T, d string) { os.RemoveAll(filepath.Join(d, oldest)) },
			[]string{"history/2025-01-01/manifest.toml: the oldest version names a previous version, but there is none: a version before it was removed"}},
		{"removed middle version", func(t *testing.T, d string) { os.RemoveAll(filepath.Join(d, middle)) },
			[]string{"history/2025-01-01: released version is missing: history/2026-01-01/manifest.toml chains to it"}},
		{"removed two oldest versions", func(t *testing.T, d string) {
			os.RemoveAll(filepath.Join(d, oldest))
			os.RemoveAll(filepath.Join(d, middle))
		}, []string{"history/2024-01-01: released version is missing: history/2026-01-01/manifest.toml chains to it"}},
		{"removed manifest", func(t *testing.T, d string) { os.Remove(filepath.Join(d, middle, ManifestFile)) },
			[]string{"history/2025-01-01/manifest.toml: manifest is missing"}},
		{"stray file", func(t *testing.T, d string) { os.WriteFile(filepath.Join(d, "notes.txt"), nil, 0o644) },
			[]string{"history/notes.txt: not a version folder"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := releasedThree(t)
			tt.tamper(t, dir)
			_, err := load(dir)
			if got, want := fmt.Sprint(err), strings.Join(tt.want, "\n"); got != want {
				t.Errorf("got\n%v\nwant\n%s", got, want)
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
