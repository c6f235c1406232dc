package history

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// revised releases 2024-01-01 and 2025-01-01, then a revision of
// 2024-01-01 and a version of 2026-01-01 after it: the order of the chain
// is not the order of the dates.
func revised(t *testing.T) string {
	t.Helper()
	dir := released(t)
	vs, err := load(dir)
	if err != nil {
		t.Fatal(err)
	}
	snap := snapshot("2024-01-01", "one, revised")
	snap.Revises, snap.Released = vs[0], day("2023-12-01")
	rev, err := Release(dir, snap, vs[1])
	if err != nil {
		t.Fatal(err)
	}
	if rev.Name() != "2024-01-01.2" || rev.Revises != "2024-01-01" {
		t.Fatalf("revision: %s revises %q", rev.Name(), rev.Revises)
	}
	if _, err := Release(dir, snapshot("2026-01-01", "three"), rev); err != nil {
		t.Fatal(err)
	}
	return dir
}

func names(vs []*Version) string {
	var out []string
	for _, v := range vs {
		out = append(out, v.Name())
	}
	return strings.Join(out, " ")
}

func TestRevisionIsANewLinkAtTheEndOfTheChain(t *testing.T) {
	dir := revised(t)
	vs, err := load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got := names(vs); got != "2024-01-01 2025-01-01 2024-01-01.2 2026-01-01" {
		t.Errorf("release order: %s", got)
	}
	if got := names(Live(vs)); got != "2024-01-01.2 2025-01-01 2026-01-01" {
		t.Errorf("live: %s", got)
	}
	if got := names(Superseded(vs)); got != "2024-01-01" {
		t.Errorf("superseded: %s", got)
	}
	if !vs[2].Released.Equal(day("2023-12-01")) || !vs[0].Released.IsZero() {
		t.Errorf("released: %v, %v", vs[2].Released, vs[0].Released)
	}
	manifest, _ := os.ReadFile(filepath.Join(dir, "2024-01-01.2", ManifestFile))
	if !strings.Contains(string(manifest), "date = \"2024-01-01\"\nprevious = \""+Hash(vs[1].Manifest)+"\"\nrevises = \"2024-01-01\"\nreleased = \"2023-12-01\"\n") {
		t.Errorf("manifest of the revision:\n%s", manifest)
	}
	old, _ := os.ReadFile(filepath.Join(dir, "2024-01-01", ManifestFile))
	if strings.Contains(string(old), "revises") {
		t.Errorf("the superseded manifest names a revision:\n%s", old)
	}
	if md, _ := vs[0].Markdown("privacy", "en"); !strings.Contains(md, "one\n") {
		t.Errorf("superseded text: %q", md)
	}
}

func TestRevisionOfARevisionTakesTheNextNumber(t *testing.T) {
	dir := revised(t)
	vs, _ := load(dir)
	snap := snapshot("2024-01-01", "one, revised twice")
	snap.Revises = Live(vs)[0]
	v, err := Release(dir, snap, Newest(vs))
	if err != nil {
		t.Fatal(err)
	}
	if v.Name() != "2024-01-01.3" || v.Revises != "2024-01-01.2" {
		t.Errorf("%s revises %s", v.Name(), v.Revises)
	}
	if vs, err = load(dir); err != nil {
		t.Fatal(err)
	}
	if got := names(Live(vs)); got != "2024-01-01.3 2025-01-01 2026-01-01" {
		t.Errorf("live: %s", got)
	}
}

func TestRevisionMustKeepItsDate(t *testing.T) {
	dir := released(t)
	vs, _ := load(dir)
	snap := snapshot("2024-02-01", "moved")
	snap.Revises = vs[0]
	if _, err := Release(dir, snap, vs[1]); err == nil || !strings.Contains(err.Error(), "must have its date") {
		t.Errorf("err = %v", err)
	}
}

func TestTamperingWithARevisionIsDetected(t *testing.T) {
	cases := []struct {
		name, version, file, re, repl, want string
	}{
		{"revised text", "2024-01-01.2", "privacy.en.md", "revised", "REVISED",
			"history/2024-01-01.2/privacy.en.md: file was changed after its release"},
		{"superseded text", "2024-01-01", "privacy.en.md", "one", "ONE",
			"history/2024-01-01/privacy.en.md: file was changed after its release"},
		{"revises removed", "2024-01-01.2", ManifestFile, "revises = \"2024-01-01\"\n", "",
			"history/2024-01-01.2/manifest.toml: the folder is named as revision 2 of 2024-01-01, but its manifest names no version it revises"},
		{"revises changed", "2024-01-01.2", ManifestFile, "revises = \"2024-01-01\"", "revises = \"2025-01-01\"",
			"history/2024-01-01.2/manifest.toml: manifest says the version revises \"2025-01-01\", but revision 2 of 2024-01-01 revises 2024-01-01"},
		{"revises added", "2025-01-01", ManifestFile, "\n\n\\[note\\]", "\nrevises = \"2024-01-01\"\n\n[note]",
			"history/2025-01-01/manifest.toml: manifest says the version revises \"2024-01-01\", but its folder is not named as a revision"},
		{"superseded manifest", "2024-01-01", ManifestFile, "Notiz", "Notiz!",
			"history/2024-01-01/manifest.toml: manifest was changed after its release: it is not the previous that history/2025-01-01/manifest.toml names"},
		{"revision manifest", "2024-01-01.2", ManifestFile, "Notiz", "Notiz!",
			"history/2024-01-01.2/manifest.toml: manifest was changed after its release: it is not the previous that history/2026-01-01/manifest.toml names"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := revised(t)
			replaceIn(t, dir, c.version, c.file, c.re, c.repl)
			_, err := load(dir)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("err = %v\nwant %s", err, c.want)
			}
		})
	}
}

func TestMissingSupersededVersionIsDetected(t *testing.T) {
	dir := revised(t)
	if err := os.RemoveAll(filepath.Join(dir, "2024-01-01")); err != nil {
		t.Fatal(err)
	}
	_, err := load(dir)
	if err == nil || !strings.Contains(err.Error(), "history/2024-01-01: released version is missing: history/2024-01-01.2/manifest.toml revises it") {
		t.Errorf("err = %v", err)
	}
}

func TestVersionNames(t *testing.T) {
	for name, want := range map[string]int{"2027-01-01": 1, "2027-01-01.2": 2, "2027-01-01.12": 12,
		"2027-01-01.1": 0, "2027-01-01.02": 0, "2027-01-01.+3": 0, "2027-01-01.": 0, "2027-13-01.2": 0, "2027-01-01.2.3": 0} {
		_, n, ok := ParseName(name)
		if n != want || ok != (want > 0) {
			t.Errorf("ParseName(%q) = %d, %v; want %d", name, n, ok, want)
		}
	}
}

// TestExampleHistoryVerifiesUnchanged loads the example's history, most of
// it released before revisions existed: every manifest reads byte for
// byte as the encoder writes it, and its first versions chain in date
// order.
func TestExampleHistoryVerifiesUnchanged(t *testing.T) {
	vs, err := Load(os.DirFS("../.."), "history", "history")
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) < 10 || !strings.HasPrefix(names(vs), "2025-03-01 2025-10-01 2026-06-01 2027-01-01 2027-02-01 2027-03-01 2027-04-01 2027-05-01 2027-06-01 2027-07-01") {
		t.Errorf("versions: %s", names(vs))
	}
	for _, v := range vs {
		m, err := decodeManifest(v.Manifest)
		if err != nil || (m.Revises == "") != (v.Revision() == 1) || string(encodeManifest(m)) != string(v.Manifest) {
			t.Errorf("%s: manifest does not read back byte for byte (%v)", v.Name(), err)
		}
	}
}

// TestInterruptedRevisionLeavesNothingBehind: a revision killed halfway
// leaves a marked temporary folder, which the next command removes.
func TestInterruptedRevisionLeavesNothingBehind(t *testing.T) {
	dir := released(t)
	vs, _ := load(dir)
	snap := snapshot("2024-01-01", "one, revised")
	snap.Revises = vs[0]
	w := Writer{WriteFile: func(name string, data []byte) error {
		if filepath.Base(name) == ManifestFile {
			return os.ErrDeadlineExceeded // killed before the manifest
		}
		return writeSynced(name, data)
	}}
	if _, err := w.Release(dir, snap, vs[1]); err == nil {
		t.Fatal("the interrupted revision was released")
	}
	if got := strings.Join(entries(t, dir), " "); got != "2024-01-01 2025-01-01" {
		t.Errorf("history after the interrupted revision: %s", got)
	}
	// A crash leaves the temporary folder that an error removes.
	os.MkdirAll(filepath.Join(dir, ".2024-01-01.2.tmp-7", "2024-01-01.2"), 0o755)
	os.WriteFile(filepath.Join(dir, ".2024-01-01.2.tmp-7", ReleaseMark), releaseMarkText, 0o644)
	notes, err := Leftovers(dir, true)
	if err != nil || len(notes) != 1 || !strings.Contains(notes[0], "2024-01-01.2 was not released: run policygen release again") {
		t.Errorf("leftovers: %q, %v", notes, err)
	}
	if got := strings.Join(entries(t, dir), " "); got != "2024-01-01 2025-01-01" {
		t.Errorf("history after removing the leftovers: %s", got)
	}
}

// FuzzParseName: reading a folder name never panics, and a name it reads
// is the name its date and revision number write.
func FuzzParseName(f *testing.F) {
	for _, s := range []string{"2027-01-01", "2027-01-01.2", "2027-01-01.1", "2027-01-01.02", ".tmp", "2027-02-30.3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		date, n, ok := ParseName(name)
		if ok && versionName(date, n) != name {
			t.Errorf("ParseName(%q) = %s, %d", name, date, n)
		}
	})
}
