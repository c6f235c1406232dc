package site

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/policygen/policygen/generator/history"
)

// rewriteVersion replaces old with new in a file of a released version and,
// as someone covering their tracks would, its hash in the manifest.
func rewriteVersion(t *testing.T, dir, version, file, old, new string) {
	t.Helper()
	name := filepath.Join(dir, "history", version, file)
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	out := strings.Replace(string(data), old, new, 1)
	if out == string(data) {
		t.Fatalf("%s has no %q", name, old)
	}
	writeFile(t, name, out)
	if file == history.ManifestFile {
		return
	}
	manifest := filepath.Join(dir, "history", version, history.ManifestFile)
	m, _ := os.ReadFile(manifest)
	writeFile(t, manifest, strings.Replace(string(m), history.Hash(data), history.Hash([]byte(out)), 1))
}

// errorOf builds dir as of 2025-06-01 and returns its error, with the
// folder's path cut from the messages.
func errorOf(t *testing.T, dir string, draft bool) string {
	t.Helper()
	site, err := loadDir(t, dir, "2025-06-01")
	if err == nil {
		_, err = site.Render(draft)
	}
	return strings.ReplaceAll(fmt.Sprint(err), dir+string(filepath.Separator), "")
}

func TestEditedNoteOfTheNewestVersionFailsTheBuild(t *testing.T) {
	dir := siteFiles(t, versionedSite())
	release(t, dir)
	rewriteVersion(t, dir, "2025-01-01", history.ManifestFile, `"en" = "First"`, `"en" = "Forged"`)
	want := "site.toml:28:8: the note of the change dated 2025-01-01 is not the note released in history/2025-01-01/manifest.toml (en)"
	if got := errorOf(t, dir, true); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestEditedNoteInSiteTomlFailsTheBuild(t *testing.T) {
	dir := siteFiles(t, versionedSite())
	release(t, dir)
	edit(t, dir, `nl = "Eerste"`, `nl = "Tweede"`)
	if got := errorOf(t, dir, false); got != "site.toml:28:8: the note of the change dated 2025-01-01 is not the note released in history/2025-01-01/manifest.toml (nl)" {
		t.Errorf("got %s", got)
	}
}

func TestEditedModelOfTheNewestVersionFailsTheBuild(t *testing.T) {
	dir := siteFiles(t, versionedSite())
	release(t, dir)
	rewriteVersion(t, dir, "2025-01-01", history.ModelFile, `"email": "info@example.nl"`, `"email": "forged@example.nl"`)
	want := "history/2025-01-01/model.json: the released model differs from site.toml in company, though the text is the same"
	if got := errorOf(t, dir, false); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestNewestVersionNeedsItsChangeEntry(t *testing.T) {
	dir := siteFiles(t, versionedSite())
	release(t, dir)
	edit(t, dir, "[[change]]\ndate = 2025-01-01\nnote = { en = \"First\", nl = \"Eerste\" }\n", "")
	if got := errorOf(t, dir, false); got != "site.toml: the newest released version, 2025-01-01, has no [[change]] entry" {
		t.Errorf("got %s", got)
	}
}

func TestChangesWithoutAReleaseFailTheBuildUnlessDraft(t *testing.T) {
	dir := siteFiles(t, versionedSite())
	appendChange(t, dir, "2025-03-01")
	if got, want := errorOf(t, dir, false), "site.toml:27:8: no version has been released, but site.toml has 2 [[change]] entries"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	site, err := loadDir(t, dir, "2025-06-01")
	if err != nil {
		t.Fatal(err)
	}
	out, err := site.Render(true)
	drafted, _ := site.Drafted(true)
	if err != nil || !drafted {
		t.Fatalf("draft build: %v, drafted %v", err, drafted)
	}
	assertFile(t, out, "en/privacy/index.html", `class="banner draft"`)
}

// TestTwoUnreleasedChangesAreReleasedOldestFirst: releasing the later of
// two entries would leave the earlier one behind for good; oldest first,
// the later one is released after the text it describes is written.
func TestTwoUnreleasedChangesAreReleasedOldestFirst(t *testing.T) {
	dir := siteFiles(t, versionedSite())
	appendChange(t, dir, "2025-03-01")
	release(t, dir)
	if got, want := errorOf(t, dir, false), "site.toml:31:8: change dated 2025-03-01 is not released, but the text is the same as the version of 2025-01-01"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	edit(t, dir, `period = "1y"`, `period = "2y"`)
	release(t, dir)
	if _, err := buildDir(t, dir, "2025-06-01"); err != nil {
		t.Fatal(err)
	}
}

func TestABadSigningKeyIsAnErrorAtItsPosition(t *testing.T) {
	dir := siteFiles(t, versionedSite())
	edit(t, dir, "[site]\n", "[site]\nsigning_key = \"ed25519:00\"\n")
	want := `site.toml:2:15: site.signing_key: not an Ed25519 public key: want "ed25519:" and 64 hex digits, as policygen keygen prints`
	if got := errorOf(t, dir, false); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
