package main

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// releasedSite changes into a new folder, writes the starter site into
// mysite there and releases it, so that mysite/history exists.
func releasedSite(t *testing.T) {
	t.Helper()
	t.Chdir(t.TempDir())
	if code, _, errs := runCLI(t, "init", "mysite"); code != 0 {
		t.Fatalf("init: %s", errs)
	}
	appendSite(t, "mysite", "\n[[change]]\ndate = 2025-01-01\n")
	if code, _, errs := runCLI(t, "release", "-s", "mysite"); code != 0 {
		t.Fatalf("release: %s", errs)
	}
}

// tree lists every file, folder and link under root with a digest of its
// content, to show that a command touched nothing.
func tree(t *testing.T, root string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			target, _ := os.Readlink(p)
			files[rel] = "link to " + target
		case d.IsDir():
			files[rel] = "folder"
		default:
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			sum := sha256.Sum256(data)
			files[rel] = hex.EncodeToString(sum[:])
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// assertSameTree reports the paths that differ between two trees.
func assertSameTree(t *testing.T, before, after map[string]string) {
	t.Helper()
	if maps.Equal(before, after) {
		return
	}
	for _, p := range slices.Sorted(maps.Keys(before)) {
		if after[p] != before[p] {
			t.Errorf("%s changed: was %s, now %q", p, before[p], after[p])
		}
	}
	for _, p := range slices.Sorted(maps.Keys(after)) {
		if _, ok := before[p]; !ok {
			t.Errorf("%s appeared", p)
		}
	}
}

// TestBuildRefusesOutputWhereTheSiteIs builds into the site folder, above
// it, the root, and the site's inputs (existing or not, named directly or
// through a symbolic link): each is refused before anything is written.
func TestBuildRefusesOutputWhereTheSiteIs(t *testing.T) {
	releasedSite(t)
	os.Symlink("mysite/history", "link")
	const other = "; choose another folder with -o\n"
	for _, c := range []struct{ out, want string }{
		{"mysite", "output folder mysite is the site folder; choose another folder with -o, such as mysite/public\n"},
		{".", "output folder . holds the site folder mysite" + other},
		{"/", "output folder / is the root of the file system" + other},
		{"", "no output folder: give one with -o\n"},
		{"mysite/site.toml", "output folder mysite/site.toml is the site's configuration file" + other},
		{"mysite/history", "output folder mysite/history is the site's history folder" + other},
		{"mysite/history/2025-01-01", "output folder mysite/history/2025-01-01 is inside the site's history folder mysite/history" + other},
		{"link", "output folder link is the site's history folder" + other},
		{"link/new", "output folder link/new is inside the site's history folder mysite/history" + other},
		{"mysite/clauses", "output folder mysite/clauses is the site's clauses folder" + other},
		{"mysite/locales/x", "output folder mysite/locales/x is inside the site's locales folder mysite/locales" + other},
		{"mysite/themes/default", "output folder mysite/themes/default is inside the site's themes folder mysite/themes" + other},
	} {
		before := tree(t, ".")
		code, out, errs := runCLI(t, "build", "-s", "mysite", "-o", c.out)
		if code != exitSite || out != "" || errs != "policygen build: "+c.want {
			t.Errorf("-o %q: exit %d, stdout %q, stderr:\n%s\nwant:\npolicygen build: %s", c.out, code, out, errs, c.want)
		}
		assertSameTree(t, before, tree(t, "."))
	}
}

// TestBuildRefusesTheHistoryFolderAsConfigured moves the history folder
// with [site] history: the output may not be it.
func TestBuildRefusesTheHistoryFolderAsConfigured(t *testing.T) {
	t.Chdir(t.TempDir())
	runCLI(t, "init", "mysite")
	src := string(mustRead(t, "mysite/site.toml"))
	os.WriteFile("mysite/site.toml", []byte(strings.Replace(src, "[site]\n", "[site]\nhistory = \"versions\"\n", 1)), 0o644)
	code, _, errs := runCLI(t, "build", "-s", "mysite", "-o", "mysite/versions", "--draft")
	want := "policygen build: output folder mysite/versions is the site's history folder; choose another folder with -o\n"
	if code != exitSite || errs != want {
		t.Errorf("exit %d, stderr:\n%s\nwant:\n%s", code, errs, want)
	}
	if _, err := os.Stat("mysite/versions"); err == nil {
		t.Error("the refused build created the history folder")
	}
}

// TestBuildRefusesAFileOrALinkAsOutput: a file is not a folder, and a
// symbolic link is refused even when it points at policygen's output.
func TestBuildRefusesAFileOrALinkAsOutput(t *testing.T) {
	releasedSite(t)
	if code, _, errs := runCLI(t, "build", "-s", "mysite", "-o", "public"); code != 0 {
		t.Fatalf("build: %s", errs)
	}
	os.WriteFile("notes.txt", []byte("mine"), 0o644)
	os.Symlink("public", "out")
	for _, c := range []struct{ out, want string }{
		{"notes.txt", "output folder notes.txt is a file, not a folder; choose another folder with -o\n"},
		{"out", "output folder out is a symbolic link to public: policygen replaces only a real folder; point -o at the folder itself\n"},
		{"out/", "output folder out is a symbolic link to public: policygen replaces only a real folder; point -o at the folder itself\n"},
	} {
		before := tree(t, ".")
		code, _, errs := runCLI(t, "build", "-s", "mysite", "-o", c.out)
		if code != exitSite || errs != "policygen build: "+c.want {
			t.Errorf("-o %s: exit %d, stderr:\n%s\nwant:\npolicygen build: %s", c.out, code, errs, c.want)
		}
		assertSameTree(t, before, tree(t, "."))
	}
}

// TestBuildRefusesAFolderItDidNotWrite keeps every file of a folder that
// holds something policygen does not write, even beside its own pages.
func TestBuildRefusesAFolderItDidNotWrite(t *testing.T) {
	releasedSite(t)
	for _, c := range []struct {
		files map[string]string
		want  string
	}{
		{map[string]string{"www/index.html": "home", "www/about.txt": "about"},
			"output folder www holds www/about.txt, which policygen did not write"},
		{map[string]string{"www/index.html": "x", "www/policy.json": "{}", "www/style.css": "", "www/en/notes.md": "mine"},
			"output folder www holds www/en/notes.md, which policygen did not write"},
		{map[string]string{"www/.git/HEAD": "ref: refs/heads/main"},
			"output folder www holds www/.git, which policygen did not write"},
		{map[string]string{"www/en/privacy/index.html": "a page of mine"},
			"output folder www lacks one of index.html, policy.json, style.css, which policygen writes"},
		// A mark file that is empty, or only starts as the mark does, is
		// not policygen's: the folder's own files are not replaced.
		{map[string]string{"www/.policygen-output": "", "www/about.txt": "about"},
			"output folder www holds www/.policygen-output, which policygen did not write"},
		{map[string]string{"www/.policygen-output": "This folder", "www/about.txt": "about"},
			"output folder www holds www/.policygen-output, which policygen did not write"},
	} {
		os.RemoveAll("www")
		for name, text := range c.files {
			os.MkdirAll(filepath.Dir(name), 0o755)
			os.WriteFile(name, []byte(text), 0o644)
		}
		before := tree(t, ".")
		code, _, errs := runCLI(t, "build", "-s", "mysite", "-o", "www")
		want := "policygen build: " + c.want + ": refusing to replace it; choose another folder with -o, or empty www yourself\n"
		if code != exitSite || errs != want {
			t.Errorf("exit %d, stderr:\n%s\nwant:\n%s", code, errs, want)
		}
		assertSameTree(t, before, tree(t, "."))
	}
}

// TestBuildReplacesTheOutputOfARelease recognises the output of a
// release that wrote no mark, stale pages and all, and marks the new one.
func TestBuildReplacesTheOutputOfARelease(t *testing.T) {
	releasedSite(t)
	for name, text := range map[string]string{"public/index.html": "old", "public/policy.json": "{}", "public/style.css": "",
		"public/en/privacy/index.html": "old", "public/en/privacy/changes/index.xml": "<feed/>", "public/fr/old/index.html": "stale"} {
		os.MkdirAll(filepath.Dir(name), 0o755)
		os.WriteFile(name, []byte(text), 0o644)
	}
	if code, _, errs := runCLI(t, "build", "-s", "mysite", "-o", "public"); code != 0 {
		t.Fatalf("build: %s", errs)
	}
	if _, err := os.Stat("public/fr"); !os.IsNotExist(err) {
		t.Error("the stale pages of the old output survived")
	}
	if !strings.HasPrefix(string(mustRead(t, "public/.policygen-output")), "This folder is the output of policygen build.\n") {
		t.Error("the output lacks its mark")
	}
}

// TestBuildEmbedsIntoANewFolderOfAnotherSite builds into a new folder
// nested in another site, twice: the other site's files stay as they were.
func TestBuildEmbedsIntoANewFolderOfAnotherSite(t *testing.T) {
	releasedSite(t)
	os.MkdirAll("www/static", 0o755)
	os.WriteFile("www/index.html", []byte("home"), 0o644)
	os.WriteFile("www/static/app.js", []byte("app"), 0o644)
	before := tree(t, "www")
	t.Chdir("mysite")
	for range 2 {
		if code, out, errs := runCLI(t, "build", "-o", "../www/static/legal"); code != 0 || errs != "" || !strings.Contains(out, "into ../www/static/legal") {
			t.Fatalf("build: exit %d\n%s%s", code, out, errs)
		}
	}
	after := tree(t, "../www")
	for p := range after {
		if strings.HasPrefix(p, filepath.Join("static", "legal")) {
			delete(after, p)
		}
	}
	assertSameTree(t, before, after)
	if _, err := os.Stat("../www/static/legal/en/privacy/index.html"); err != nil {
		t.Error(err)
	}
	entries, _ := os.ReadDir("../www/static")
	if len(entries) != 2 {
		t.Errorf("beside the output: %v", entries)
	}
}

// TestBuildRemovesWhatAnInterruptedBuildLeft: the next build removes the
// folder an interrupted build left beside the output, says so, and leaves
// alone one that holds a file policygen does not write.
func TestBuildRemovesWhatAnInterruptedBuildLeft(t *testing.T) {
	releasedSite(t)
	if code, _, errs := runCLI(t, "build", "-s", "mysite", "-o", "public"); code != 0 {
		t.Fatalf("build: %s", errs)
	}
	os.MkdirAll(".public.new-123/en/privacy", 0o755)
	os.WriteFile(".public.new-123/.policygen-output", mustRead(t, "public/.policygen-output"), 0o644)
	os.WriteFile(".public.new-123/en/privacy/index.html", []byte("half"), 0o644)
	os.MkdirAll(".public.new-9", 0o755)
	os.WriteFile(".public.new-9/notes.txt", []byte("mine"), 0o644)
	code, _, errs := runCLI(t, "build", "-s", "mysite", "-o", "public")
	want := "policygen build: removed .public.new-123, left by an interrupted build\n" +
		"policygen build: left .public.new-9 alone: it holds .public.new-9/notes.txt, which policygen did not write; remove it yourself if you do not need it\n"
	if code != 0 || errs != want {
		t.Errorf("exit %d, stderr:\n%s\nwant:\n%s", code, errs, want)
	}
	if string(mustRead(t, ".public.new-9/notes.txt")) != "mine" {
		t.Error("the folder that is not policygen's was changed")
	}
}

// TestCommandsTellOrRemoveWhatAnInterruptedReleaseLeft: check reports the
// temporary folder of a killed release, build removes it, and a folder
// policygen cannot prove it wrote is only reported, with what to do.
func TestCommandsTellOrRemoveWhatAnInterruptedReleaseLeft(t *testing.T) {
	releasedSite(t)
	os.MkdirAll("mysite/history/.2025-02-01.tmp-5/2025-02-01", 0o755)
	os.WriteFile("mysite/history/.2025-02-01.tmp-5/.policygen-release", []byte("This folder holds a version that policygen release is writing.\n"), 0o644)
	os.WriteFile("mysite/history/.2025-02-01.tmp-5/2025-02-01/privacy.en.md", []byte("half"), 0o644)
	os.MkdirAll("mysite/history/.2025-03-01.tmp-6", 0o755)
	os.WriteFile("mysite/history/.2025-03-01.tmp-6/privacy.en.md", []byte("half"), 0o644)
	const what = "mysite/history/.2025-02-01.tmp-5 was left by an interrupted release (2025-02-01 was not released: run policygen release again)"
	const unmarked = "mysite/history/.2025-03-01.tmp-6 may be left by an interrupted release, but holds no .policygen-release to prove it: remove it yourself, then run policygen release again if mysite/history/2025-03-01 is missing\n"
	// check, diff and verify write nothing: they only tell.
	for _, args := range [][]string{{"check", "-s", "mysite"}, {"diff", "-s", "mysite"}, {"verify", "-s", "mysite", "mysite"}} {
		_, _, errs := runCLI(t, args...)
		want := "policygen " + args[0] + ": " + what + "; the next policygen build or release removes it\npolicygen " + args[0] + ": " + unmarked
		if !strings.HasPrefix(errs, want) {
			t.Errorf("%s: stderr:\n%s\nwant it to start:\n%s", args[0], errs, want)
		}
	}
	code, _, errs := runCLI(t, "check", "-s", "mysite")
	if code != 0 {
		t.Errorf("check: exit %d, stderr:\n%s", code, errs)
	}
	code, _, errs = runCLI(t, "build", "-s", "mysite", "-o", "public")
	if want := "policygen build: removed mysite/history/.2025-02-01.tmp-5, left by an interrupted release (2025-02-01 was not released: run policygen release again)\npolicygen build: " + unmarked; code != 0 || errs != want {
		t.Errorf("build: exit %d, stderr:\n%s\nwant:\n%s", code, errs, want)
	}
	if _, err := os.Stat("mysite/history/.2025-02-01.tmp-5"); !os.IsNotExist(err) {
		t.Error("build left the interrupted release's folder")
	}
	if string(mustRead(t, "mysite/history/.2025-03-01.tmp-6/privacy.en.md")) != "half" {
		t.Error("the unmarked folder was changed")
	}
}
