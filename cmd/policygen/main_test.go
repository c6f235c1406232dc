package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

var testNow = time.Date(2026, 1, 15, 12, 0, 0, 0, time.UTC)

// runCLI runs policygen with args and returns exit code, stdout, stderr.
func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb, testNow)
	return code, out.String(), errb.String()
}

func TestNoArgumentsPrintsUsage(t *testing.T) {
	code, out, _ := runCLI(t)
	if code != 0 || !strings.Contains(out, "policygen build") || !strings.Contains(out, "policygen init [DIR]") {
		t.Errorf("exit %d, output:\n%s", code, out)
	}
}

func TestUnknownCommandIsUsageError(t *testing.T) {
	code, _, errs := runCLI(t, "biuld")
	if code != exitUsage || !strings.Contains(errs, `unknown command "biuld"`) {
		t.Errorf("exit %d, stderr:\n%s", code, errs)
	}
}

func TestHelpWorksForEveryCommand(t *testing.T) {
	for _, c := range commands() {
		if c.name == "help" {
			continue
		}
		code, out, _ := runCLI(t, c.name, "--help")
		if code != 0 || !strings.HasPrefix(out, "Usage: policygen "+c.name) {
			t.Errorf("%s --help: exit %d, output %q", c.name, code, out)
		}
		code, out2, _ := runCLI(t, "help", c.name)
		if code != 0 || out2 != out {
			t.Errorf("help %s: exit %d, output differs from --help", c.name, code)
		}
	}
}

func TestBadDateIsUsageError(t *testing.T) {
	code, _, errs := runCLI(t, "build", "--date", "15.01.2026")
	if code != exitUsage || !strings.Contains(errs, "YYYY-MM-DD") {
		t.Errorf("exit %d, stderr:\n%s", code, errs)
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := runCLI(t, "version")
	if code != 0 || !strings.HasPrefix(out, "policygen ") {
		t.Errorf("exit %d, output %q", code, out)
	}
}

func TestVersionCreditsNameTheSourceAndLicenceOfTheEmbeddedData(t *testing.T) {
	code, out, errs := runCLI(t, "version", "--credits")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if code != 0 || len(lines) != 2 || !strings.HasPrefix(lines[0], "policygen ") {
		t.Fatalf("exit %d, output %q, stderr %q", code, out, errs)
	}
	for _, s := range []string{"Open Cookie Database", "commit 0ee5a17", "Apache License 2.0"} {
		if !strings.Contains(lines[1], s) {
			t.Errorf("credits %q do not say %q", lines[1], s)
		}
	}
	if _, plain, _ := runCLI(t, "version"); strings.Contains(plain, "Open Cookie Database") {
		t.Errorf("version without --credits prints them: %q", plain)
	}
	if code, _, errs := runCLI(t, "version", "credits"); code != exitUsage || !strings.Contains(errs, `unexpected argument "credits"`) {
		t.Errorf("version credits: exit %d, stderr %q", code, errs)
	}
}

func TestInitWritesASiteThatBuilds(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "mysite")
	if code, _, errs := runCLI(t, "init", dir); code != 0 {
		t.Fatalf("init: exit %d\n%s", code, errs)
	}
	out := filepath.Join(t.TempDir(), "public")
	code, stdout, errs := runCLI(t, "build", "-s", dir, "-o", out)
	if code != 0 {
		t.Fatalf("build of the starter: exit %d\n%s", code, errs)
	}
	if lines := strings.Split(strings.TrimSpace(stdout), "\n"); len(lines) != 2 || !strings.HasPrefix(lines[0], "Built ") ||
		lines[1] != "The pages are drafts: no version is released yet (describe it in a [[change]] entry and run policygen release)" {
		t.Errorf("want the summary line and that the pages are drafts, got %q", stdout)
	}
	for _, p := range []string{"index.html", "en/privacy/index.html", "de/datenschutz/index.html", "nl/cookies/index.html"} {
		if _, err := os.Stat(filepath.Join(out, p)); err != nil {
			t.Errorf("starter build lacks %s", p)
		}
	}
	if code, _, errs := runCLI(t, "init", dir); code != exitSite || !strings.Contains(errs, "exists already") {
		t.Errorf("second init: exit %d, %s", code, errs)
	}
}

// TestFailedBuildReportsAllErrorsAndKeepsOutput breaks a site in several
// places and checks that every mistake is printed with its line and caret,
// the exit code is 1, and the previous output is untouched.
func TestFailedBuildReportsAllErrorsAndKeepsOutput(t *testing.T) {
	dir := t.TempDir()
	if code, _, errs := runCLI(t, "init", dir); code != 0 {
		t.Fatalf("init: %s", errs)
	}
	out := filepath.Join(t.TempDir(), "public")
	if code, _, errs := runCLI(t, "build", "-s", dir, "-o", out); code != 0 {
		t.Fatalf("first build: %s", errs)
	}
	before, _ := os.ReadFile(filepath.Join(out, "en", "privacy", "index.html"))

	file := filepath.Join(dir, "site.toml")
	src, _ := os.ReadFile(file)
	broken := regexp.MustCompile(`basis( *)= "contract"`).ReplaceAllString(string(src), `basis$1= "contrakt"`)
	broken = regexp.MustCompile(`period( *)= "`).ReplaceAllString(broken, `period$1= "x`)
	broken = regexp.MustCompile(`(?m)^\[company\].*\n`).ReplaceAllString(broken, "${0}nmae = \"x\"\n")
	if broken == string(src) {
		t.Fatal("test setup: the starter changed; update the replacements")
	}
	os.WriteFile(file, []byte(broken), 0o644)

	code, stdout, errs := runCLI(t, "build", "-s", dir, "-o", out)
	if code != exitSite {
		t.Errorf("exit %d, want %d", code, exitSite)
	}
	for _, want := range []string{`unknown key "nmae" in [company]`, `unknown legal basis "contrakt"`, `invalid duration "x`, "^", "hint: ", "3 errors; nothing was written"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	if stdout != "" {
		t.Errorf("stdout of a failed build: %q", stdout)
	}
	after, _ := os.ReadFile(filepath.Join(out, "en", "privacy", "index.html"))
	if !bytes.Equal(before, after) {
		t.Error("a failed build changed the previous output")
	}
}

// TestBuildFailingHalfwayKeepsOutput makes the changelog's layout fail
// when it runs, after other pages have gone to disk: the previous output
// is untouched and nothing of the new one is left beside it.
func TestBuildFailingHalfwayKeepsOutput(t *testing.T) {
	dir := t.TempDir()
	if code, _, errs := runCLI(t, "init", dir); code != 0 {
		t.Fatalf("init: %s", errs)
	}
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	if code, _, errs := runCLI(t, "build", "-s", dir, "-o", out); code != 0 {
		t.Fatalf("first build: %s", errs)
	}
	before, _ := os.ReadFile(filepath.Join(out, "en", "privacy", "index.html"))
	layout := filepath.Join(dir, "themes", "default", "layouts", "changes.html")
	os.MkdirAll(filepath.Dir(layout), 0o755)
	os.WriteFile(layout, []byte("{{ .NoSuchField }}"), 0o644)
	os.WriteFile(filepath.Join(dir, "site.toml"), bytes.Replace(mustRead(t, filepath.Join(dir, "site.toml")), []byte("privacy@"), []byte("datenschutz@"), 1), 0o644)

	code, _, errs := runCLI(t, "build", "-s", dir, "-o", out)
	if code != exitSite || !strings.Contains(errs, "NoSuchField") {
		t.Fatalf("exit %d, want %d with the layout's error:\n%s", code, exitSite, errs)
	}
	after, _ := os.ReadFile(filepath.Join(out, "en", "privacy", "index.html"))
	if len(before) == 0 || !bytes.Equal(before, after) {
		t.Error("a build that failed halfway changed the previous output")
	}
	entries, _ := os.ReadDir(parent)
	if len(entries) != 1 {
		t.Errorf("beside the output after a failed build: %v", entries)
	}
}

func mustRead(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestBuildRemovesStaleFiles(t *testing.T) {
	dir := t.TempDir()
	runCLI(t, "init", dir)
	out := filepath.Join(t.TempDir(), "public")
	if code, _, errs := runCLI(t, "build", "-s", dir, "-o", out); code != 0 {
		t.Fatalf("first build: %s", errs)
	}
	os.MkdirAll(filepath.Join(out, "fr", "old"), 0o755)
	os.WriteFile(filepath.Join(out, "fr", "old", "index.html"), []byte("stale"), 0o644)
	if code, _, errs := runCLI(t, "build", "-s", dir, "-o", out); code != 0 {
		t.Fatalf("build: %s", errs)
	}
	if _, err := os.Stat(filepath.Join(out, "fr")); !os.IsNotExist(err) {
		t.Error("stale files survived the build")
	}
}

func TestBuildRefusesToReplaceTheSiteFolder(t *testing.T) {
	dir := t.TempDir()
	runCLI(t, "init", dir)
	code, _, errs := runCLI(t, "build", "-s", dir, "-o", dir)
	if code != exitSite || errs != "policygen build: output folder "+dir+" is the site folder; choose another folder with -o, such as "+filepath.Join(dir, "public")+"\n" {
		t.Errorf("exit %d: %s", code, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "site.toml")); err != nil {
		t.Error("site.toml is gone")
	}
}

func TestCheckWritesNothing(t *testing.T) {
	dir := t.TempDir()
	runCLI(t, "init", dir)
	wd, _ := os.Getwd()
	os.Chdir(t.TempDir())
	defer os.Chdir(wd)
	code, out, errs := runCLI(t, "check", "-s", dir)
	if code != 0 || !strings.Contains(out, "no problems found") {
		t.Errorf("exit %d: %s %s", code, out, errs)
	}
	if _, err := os.Stat("public"); !os.IsNotExist(err) {
		t.Error("check wrote output")
	}
}

func TestReleaseThenBuild(t *testing.T) {
	dir := t.TempDir()
	runCLI(t, "init", dir)
	f, _ := os.OpenFile(filepath.Join(dir, "site.toml"), os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString("\n[[change]]\ndate = 2025-01-01\n")
	f.Close()
	code, out, errs := runCLI(t, "release", "-s", dir)
	if code != 0 || !strings.Contains(out, "Released the version of 2025-01-01 into "+filepath.Join(dir, "history", "2025-01-01")) {
		t.Fatalf("release: exit %d\n%s%s", code, out, errs)
	}
	code, _, errs = runCLI(t, "release", "-s", dir)
	if code != exitSite || !strings.Contains(errs, "nothing to release") {
		t.Errorf("second release: exit %d\n%s", code, errs)
	}
	public := filepath.Join(t.TempDir(), "public")
	if code, _, errs := runCLI(t, "build", "-s", dir, "-o", public); code != 0 {
		t.Fatalf("build: %s", errs)
	}
	if _, err := os.Stat(filepath.Join(public, "en", "privacy", "2025-01-01", "index.html")); err != nil {
		t.Error("frozen version not built")
	}
}

// TestDiffPrintsPlainTextWhenPiped releases two versions that differ in a
// retention period and compares them: output that is not a terminal gets
// the [-…-]{+…+} markers and no colour codes.
func TestDiffPrintsPlainTextWhenPiped(t *testing.T) {
	dir := t.TempDir()
	runCLI(t, "init", dir)
	appendSite(t, dir, "\n[[change]]\ndate = 2025-01-01\n")
	if code, _, errs := runCLI(t, "release", "-s", dir); code != 0 {
		t.Fatalf("first release: %s", errs)
	}
	file := filepath.Join(dir, "site.toml")
	src, _ := os.ReadFile(file)
	os.WriteFile(file, []byte(strings.Replace(string(src), `period = "30d"`, `period = "60d"`, 1)), 0o644)
	appendSite(t, dir, "\n[[change]]\ndate = 2025-02-01\n")
	if code, _, errs := runCLI(t, "release", "-s", dir); code != 0 {
		t.Fatalf("second release: %s", errs)
	}
	code, out, errs := runCLI(t, "diff", "-s", dir, "--lang", "de")
	if code != 0 {
		t.Fatalf("diff: exit %d\n%s", code, errs)
	}
	for _, want := range []string{"2025-01-01 → 2025-02-01 (privacy, de)", "bisher 30 Tage, jetzt 60 Tage", "~ • Speicherdauer: [-30 Tage-]{+60 Tage+}"} {
		if !strings.Contains(out, want) {
			t.Errorf("diff output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "\x1b[") {
		t.Error("piped diff output has colour codes")
	}
	if code, _, errs := runCLI(t, "diff", "-s", dir, "2025-01-01", "2025-03-01"); code != exitUsage || !strings.Contains(errs, "2025-01-01 2025-02-01") {
		t.Errorf("unknown version: exit %d, %s", code, errs)
	}
}

func appendSite(t *testing.T, dir, text string) {
	t.Helper()
	f, err := os.OpenFile(filepath.Join(dir, "site.toml"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	f.WriteString(text)
}

// TestChangesWithoutAReleaseFailTheBuild: a site that describes a version
// but has released none does not publish drafts unless asked, and says so
// when asked.
func TestChangesWithoutAReleaseFailTheBuild(t *testing.T) {
	dir := t.TempDir()
	runCLI(t, "init", dir)
	f, _ := os.OpenFile(filepath.Join(dir, "site.toml"), os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString("\n[[change]]\ndate = 2025-01-01\n")
	f.Close()
	public := filepath.Join(t.TempDir(), "public")
	code, _, errs := runCLI(t, "build", "-s", dir, "-o", public)
	if code != exitSite || !strings.Contains(errs, "no version has been released, but site.toml has 1 [[change]] entry") ||
		!strings.Contains(errs, "hint: run policygen release to publish the text as the version of 2025-01-01, or preview it with --draft") {
		t.Errorf("build: exit %d\n%s", code, errs)
	}
	if _, err := os.Stat(public); !os.IsNotExist(err) {
		t.Error("the failed build wrote output")
	}
	code, out, errs := runCLI(t, "build", "-s", dir, "-o", public, "--draft")
	if code != 0 || !strings.HasSuffix(out, "The pages are drafts: no version is released yet (describe it in a [[change]] entry and run policygen release)\n") {
		t.Errorf("draft build: exit %d\n%s%s", code, out, errs)
	}
}

func TestReleaseTellsOfTheChangesLeft(t *testing.T) {
	dir := t.TempDir()
	runCLI(t, "init", dir)
	f, _ := os.OpenFile(filepath.Join(dir, "site.toml"), os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString("\n[[change]]\ndate = 2025-01-01\n\n[[change]]\ndate = 2025-02-01\n")
	f.Close()
	code, out, errs := runCLI(t, "release", "-s", dir)
	want := "Released the version of 2025-01-01 into " + filepath.Join(dir, "history", "2025-01-01") + "\n" +
		"The change dated 2025-02-01 is not released yet: release it once site.toml holds the text it describes\n"
	if code != 0 || out != want {
		t.Errorf("release: exit %d\n%s%s", code, out, errs)
	}
}

// TestVerifyChecksADeployedCopy builds a site with two versions, then
// checks copies: as built, one page from the build before the second
// release (a stale deploy), and one whose released text was edited.
func TestVerifyChecksADeployedCopy(t *testing.T) {
	dir := t.TempDir()
	runCLI(t, "init", dir)
	appendSite := func(s string) {
		f, _ := os.OpenFile(filepath.Join(dir, "site.toml"), os.O_APPEND|os.O_WRONLY, 0)
		f.WriteString(s)
		f.Close()
	}
	appendSite("\n[[change]]\ndate = 2025-01-01\n")
	runCLI(t, "release", "-s", dir)
	public := filepath.Join(t.TempDir(), "public")
	runCLI(t, "build", "-s", dir, "-o", public)
	page := filepath.Join(public, "en", "privacy", "index.html")
	stale, _ := os.ReadFile(page)
	src, _ := os.ReadFile(filepath.Join(dir, "site.toml"))
	os.WriteFile(filepath.Join(dir, "site.toml"), []byte(strings.Replace(string(src), `name    = "`, `name    = "New `, 1)), 0o644)
	appendSite("\n[[change]]\ndate = 2025-06-01\n")
	if code, out, errs := runCLI(t, "release", "-s", dir); code != 0 {
		t.Fatalf("second release: %s%s", out, errs)
	}
	if code, _, errs := runCLI(t, "build", "-s", dir, "-o", public); code != 0 {
		t.Fatalf("build: %s", errs)
	}
	if code, out, errs := runCLI(t, "verify", "-s", dir, public); code != 0 || !strings.HasSuffix(out, " files match the 2 released versions in "+filepath.Join(dir, "history")+"\n") {
		t.Errorf("verify of the build: exit %d\n%s%s", code, out, errs)
	}
	os.WriteFile(page, stale, 0o644)
	frozen := filepath.Join(public, "de", "datenschutz", "2025-01-01", "index.html")
	text, _ := os.ReadFile(frozen)
	os.WriteFile(frozen, []byte(strings.Replace(string(text), "<h2 id=", "<h2 class=\"x\" id=", 2)), 0o644)
	missing := filepath.Join(public, "nl", "privacy", "2025-01-01", "index.html")
	os.Remove(missing)
	code, _, errs := runCLI(t, "verify", "-s", dir, public)
	for _, want := range []string{
		missing + ": page of the released version 2025-01-01 is missing",
		page + ": was built from an older history, whose newest version was 2025-01-01: a stale deploy",
		"hint: build and deploy again: the newest version is 2025-06-01",
		frozen + ": the text of the released version 2025-01-01 is not the text its version renders",
	} {
		if code != exitSite || !strings.Contains(errs, want) {
			t.Errorf("exit %d, want %q in\n%s", code, want, errs)
		}
	}
	if code, _, errs := runCLI(t, "verify", "-s", dir); code != exitUsage || !strings.Contains(errs, "want one folder of built pages") {
		t.Errorf("verify without a folder: exit %d\n%s", code, errs)
	}
}

func TestKeygenNeverWritesOverAFile(t *testing.T) {
	key := filepath.Join(t.TempDir(), "release.key")
	os.WriteFile(key, []byte("a key in use\n"), 0o600)
	code, _, errs := runCLI(t, "keygen", key)
	want := "policygen keygen: " + key + " exists: keygen never writes over a file (it may be a key in use); name a new file\n"
	if code != exitSite || errs != want {
		t.Errorf("exit %d, stderr %q, want %q", code, errs, want)
	}
	if data, _ := os.ReadFile(key); string(data) != "a key in use\n" {
		t.Errorf("the file now holds %q", data)
	}
}

// TestSignedReleases makes a key, signs a history released before it,
// names the key in site.toml, and checks that a build then finds an edit
// of the newest manifest and that a release needs the key.
func TestSignedReleases(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(t.TempDir(), "release.key")
	code, out, errs := runCLI(t, "keygen", key)
	if code != 0 || !strings.Contains(out, "signing_key = \"ed25519:") {
		t.Fatalf("keygen: exit %d\n%s%s", code, out, errs)
	}
	line := out[strings.Index(out, "signing_key"):]
	runCLI(t, "init", dir)
	site := filepath.Join(dir, "site.toml")
	src, _ := os.ReadFile(site)
	os.WriteFile(site, append(src, "\n[[change]]\ndate = 2025-01-01\nnote = { en = \"First\", de = \"Erste\", nl = \"Eerste\" }\n"...), 0o644)
	if code, _, errs := runCLI(t, "release", "-s", dir); code != 0 {
		t.Fatalf("release: %s", errs)
	}
	t.Setenv("POLICYGEN_SIGNING_KEY", key)
	code, out, _ = runCLI(t, "release", "-s", dir)
	if code != 0 || !strings.HasPrefix(out, "Signed the version of 2025-01-01: "+filepath.Join(dir, "history", "2025-01-01", "manifest.sig")+"\n") ||
		!strings.Contains(out, "Add "+strings.TrimSpace(line)+" to [site]") {
		t.Fatalf("signing the newest: exit %d\n%s", code, out)
	}
	src, _ = os.ReadFile(site)
	os.WriteFile(site, []byte(strings.Replace(string(src), "[site]\n", "[site]\n"+line, 1)), 0o644)
	public := filepath.Join(t.TempDir(), "public")
	if code, _, errs := runCLI(t, "build", "-s", dir, "-o", public); code != 0 {
		t.Fatalf("signed build: %s", errs)
	}
	t.Setenv("POLICYGEN_SIGNING_KEY", "")
	src, _ = os.ReadFile(site)
	os.WriteFile(site, append(src, "\n[[change]]\ndate = 2025-06-01\n"...), 0o644)
	if code, _, errs := runCLI(t, "release", "-s", dir); code != exitSite || !strings.Contains(errs, "site.toml names a signing key, but no private key was given") {
		t.Errorf("release without the key: exit %d\n%s", code, errs)
	}
	os.WriteFile(site, src, 0o644)
	manifest := filepath.Join(dir, "history", "2025-01-01", "manifest.toml")
	m, _ := os.ReadFile(manifest)
	os.WriteFile(manifest, []byte(strings.Replace(string(m), `"en" = "First"`, `"en" = "Forged"`, 1)), 0o644)
	os.WriteFile(site, []byte(strings.Replace(string(src), `en = "First"`, `en = "Forged"`, 1)), 0o644)
	code, _, errs = runCLI(t, "build", "-s", dir, "-o", public)
	if want := filepath.Join(dir, "history", "2025-01-01", "manifest.sig") + ": signature does not verify"; code != exitSite || !strings.Contains(errs, want) {
		t.Errorf("build of an edited, signed manifest: exit %d, want %q in\n%s", code, want, errs)
	}
}

// TestDiffDraftShowsTheUnreleasedChangesUnderTheirHeadings releases a
// version, changes a retention period without releasing it and compares:
// the draft diff shows the change under its heading, and nothing once the
// change is undone.
func TestDiffDraftShowsTheUnreleasedChangesUnderTheirHeadings(t *testing.T) {
	dir := t.TempDir()
	runCLI(t, "init", dir)
	appendSite(t, dir, "\n[[change]]\ndate = 2025-01-01\n")
	if code, _, errs := runCLI(t, "release", "-s", dir); code != 0 {
		t.Fatalf("release: %s", errs)
	}
	code, out, errs := runCLI(t, "diff", "-s", dir, "--draft", "--lang", "de")
	if code != 0 || out != "2025-01-01 → draft (privacy, de): no unreleased changes\n" {
		t.Errorf("diff --draft without changes: exit %d\n%s%s", code, out, errs)
	}
	file := filepath.Join(dir, "site.toml")
	src, _ := os.ReadFile(file)
	os.WriteFile(file, []byte(strings.Replace(string(src), `period = "30d"`, `period = "60d"`, 1)), 0o644)
	code, out, errs = runCLI(t, "diff", "-s", dir, "--draft", "--lang", "de")
	if code != 0 {
		t.Fatalf("diff --draft: exit %d\n%s", code, errs)
	}
	for _, want := range []string{"2025-01-01 → draft (privacy, de)", "bisher 30 Tage, jetzt 60 Tage", "  ## ", "~ • Speicherdauer: [-30 Tage-]{+60 Tage+}"} {
		if !strings.Contains(out, want) {
			t.Errorf("diff --draft output lacks %q:\n%s", want, out)
		}
	}
	if code, _, errs := runCLI(t, "diff", "-s", dir, "--draft", "2025-01-01"); code != exitUsage || !strings.Contains(errs, "give no versions") {
		t.Errorf("--draft with a version: exit %d, %s", code, errs)
	}
}
