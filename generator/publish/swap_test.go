package publish

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/policygen/policygen/generator/internal/mark"
)

// writeTree writes files (slash-separated name: text) under root.
func writeTree(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// readTree reads every file under root, slash-separated names.
func readTree(t *testing.T, root string) map[string]string {
	t.Helper()
	files := map[string]string{}
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(root, p)
			data, _ := os.ReadFile(p)
			files[filepath.ToSlash(rel)] = string(data)
		}
		return err
	})
	return files
}

func entryNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func withMark(files map[string]string) map[string]string {
	m := map[string]string{OutputMark: string(outputMarkText)}
	for k, v := range files {
		m[k] = v
	}
	return m
}

// commitFiles writes files into dir as a build does, with exchange as the
// Dir's way to swap two names.
func commitFiles(t *testing.T, dir string, files map[string]string, exchange func(a, b string) error) []string {
	t.Helper()
	d, err := Create(dir, Protected{})
	if err != nil {
		t.Fatal(err)
	}
	if got := entryNames(t, d.tmp); !slices.Equal(got, []string{OutputMark}) {
		t.Errorf("the new folder holds %v before the first file; want only the mark", got)
	}
	d.exchange = exchange
	for name, text := range files {
		d.WriteFile(name, []byte(text))
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	return d.Notes()
}

// TestCommitReplacesTheOutputWithOrWithoutExchange replaces a marked
// output folder by exchanging the two names, and by two renames where
// the file system cannot: the same new folder, nothing left beside it.
func TestCommitReplacesTheOutputWithOrWithoutExchange(t *testing.T) {
	for name, ex := range map[string]func(a, b string) error{
		"exchange": exchange,
		"renames":  func(a, b string) error { return errNoExchange },
	} {
		parent := t.TempDir()
		out := filepath.Join(parent, "public")
		commitFiles(t, out, map[string]string{"index.html": "old", "en/old.html": "old"}, ex)
		notes := commitFiles(t, out, map[string]string{"index.html": "new"}, ex)
		if got, want := readTree(t, out), withMark(map[string]string{"index.html": "new"}); !mapsEqual(got, want) {
			t.Errorf("%s: output %v, want %v", name, got, want)
		}
		if got := entryNames(t, parent); !slices.Equal(got, []string{"public"}) || len(notes) != 0 {
			t.Errorf("%s: beside the output %v, notes %q", name, got, notes)
		}
	}
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// TestCreatePutsBackOutputLeftBetweenTwoRenames: a build killed between
// moving the old output aside and renaming the new one into place left
// no output folder; the next one puts the old folder back first.
func TestCreatePutsBackOutputLeftBetweenTwoRenames(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	old := withMark(map[string]string{"index.html": "old", "en/privacy/index.html": "old"})
	writeTree(t, filepath.Join(parent, ".public.new-7.old"), old)
	writeTree(t, filepath.Join(parent, ".public.new-7"), withMark(map[string]string{"index.html": "new"}))
	d, err := Create(out, Protected{})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	want := []string{
		"removed " + filepath.Join(parent, ".public.new-7") + ", left by an interrupted build",
		"put back " + out + " from " + filepath.Join(parent, ".public.new-7.old") + ", where an interrupted build left it",
	}
	if !slices.Equal(d.Notes(), want) {
		t.Errorf("notes:\n%s\nwant:\n%s", strings.Join(d.Notes(), "\n"), strings.Join(want, "\n"))
	}
	if got := readTree(t, out); !mapsEqual(got, old) {
		t.Errorf("output after Create: %v, want the old one %v", got, old)
	}
}

// TestCreateRemovesOnlyLeftoversItProvablyWrote: a leftover goes when it
// is named as a build's and is empty, marked and unused, or the output of
// a release without the mark; anything else stays.
func TestCreateRemovesOnlyLeftoversItProvablyWrote(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	commitFiles(t, out, map[string]string{"index.html": "x"}, exchange)
	leftovers := map[string]map[string]string{
		".public.new-1":     withMark(map[string]string{"en/a.html": "half"}),
		".public.new-2":     {"en/privacy/index.html": "half", "de/cookies/changes/index.xml": "x"},
		".public.new-4.old": withMark(map[string]string{"index.html": "old"}),
		".public.new-5":     {"notes.txt": "mine"},
		".public.new-6":     {OutputMark: "something else", "index.html": "x"},
		".public.new-x":     withMark(nil),
		".other.new-1":      withMark(nil),
		".public.new-8":     withMark(nil),
	}
	for name, files := range leftovers {
		writeTree(t, filepath.Join(parent, name), files)
	}
	os.Mkdir(filepath.Join(parent, ".public.new-3"), 0o700)
	busy, err := mark.Claim(filepath.Join(parent, ".public.new-8", OutputMark), outputMarkPrefix)
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	notes := commitFiles(t, out, map[string]string{"index.html": "y"}, exchange)
	want := []string{".other.new-1", ".public.new-5", ".public.new-6", ".public.new-8", ".public.new-x", "public"}
	if got := entryNames(t, parent); !slices.Equal(got, want) {
		t.Errorf("beside the output: %v, want %v", got, want)
	}
	var wantNotes []string
	for _, n := range []string{".public.new-1", ".public.new-2", ".public.new-3", ".public.new-4.old"} {
		wantNotes = append(wantNotes, "removed "+filepath.Join(parent, n)+", left by an interrupted build")
	}
	for _, n := range []string{".public.new-5", ".public.new-6"} {
		wantNotes = append(wantNotes, "left "+filepath.Join(parent, n)+" alone: it holds "+filepath.Join(parent, n, map[string]string{".public.new-5": "notes.txt", ".public.new-6": OutputMark}[n])+", which policygen did not write; remove it yourself if you do not need it")
	}
	if !slices.Equal(notes, wantNotes) {
		t.Errorf("notes:\n%s\nwant:\n%s", strings.Join(notes, "\n"), strings.Join(wantNotes, "\n"))
	}
	for name, files := range leftovers {
		if slices.Contains(want, name) {
			if got := readTree(t, filepath.Join(parent, name)); !mapsEqual(got, files) {
				t.Errorf("%s was changed: %v", name, got)
			}
		}
	}
}

// TestExchangeSwapsTwoFolders checks the system call swap relies on where
// the file system has it.
func TestExchangeSwapsTwoFolders(t *testing.T) {
	a, b := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	writeTree(t, a, map[string]string{"f": "a"})
	writeTree(t, b, map[string]string{"f": "b"})
	if err := exchange(a, b); err == errNoExchange {
		t.Skip("this system or file system cannot exchange two names")
	} else if err != nil {
		t.Fatal(err)
	}
	if readTree(t, a)["f"] != "b" || readTree(t, b)["f"] != "a" {
		t.Error("the folders were not exchanged")
	}
}
