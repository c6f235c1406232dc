package site_test

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// killPoint is a moment to kill a build at, seen from outside: what the
// folder beside the output holds, or whether the output was swapped.
type killPoint struct {
	name  string
	reach func(parent, out string, outInfo os.FileInfo) bool
}

// TestKilledBuildLeavesTheOutputWhole builds the large site with the real
// binary and kills it with SIGKILL at a spread of moments: as it starts,
// when its new folder appears, when that holds a quarter, half, all of
// the files, and when the new folder has been swapped in. After each kill
// the output folder is exactly the previous output or exactly the new
// one, and the next build leaves nothing beside it and the new output.
// The builds alternate between two dates, so that each starts from the
// output of the one before.
func TestKilledBuildLeavesTheOutputWhole(t *testing.T) {
	if testing.Short() || runtime.GOOS == "windows" {
		t.Skip("builds the policygen binary and kills it many times")
	}
	bin := filepath.Join(t.TempDir(), "policygen")
	if msg, err := exec.Command("go", "build", "-o", bin, "github.com/policygen/policygen/cmd/policygen").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, msg)
	}
	site := largeSite(t, 6)
	build := func(out, date string) *exec.Cmd {
		return exec.Command(bin, "build", "-q", "-s", site, "-o", out, "--date", date)
	}
	const oldDate, newDate = "2001-01-20", "2030-01-01" // two versions in force, other pages
	ref := filepath.Join(t.TempDir(), "ref")
	run(t, build(ref, oldDate))
	old := digests(t, ref)
	os.RemoveAll(ref)
	run(t, build(ref, newDate))
	want := digests(t, ref)
	if maps.Equal(old, want) {
		t.Fatal("test setup: the two dates build the same output")
	}
	outputs := map[string]map[string]string{oldDate: old, newDate: want}
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	run(t, build(out, oldDate))
	from, to := oldDate, newDate
	for _, p := range []killPoint{
		{"at start", func(string, string, os.FileInfo) bool { return true }},
		{"when the new folder appears", holding(0)},
		{"when it holds 1 file", holding(1)},
		{"when it holds a quarter", holding(len(want) / 4)},
		{"when it holds half", holding(len(want) / 2)},
		{"when it holds all but one", holding(len(want) - 1)},
		{"when it was swapped in", swapped},
	} {
		killAt(t, build(out, to), parent, out, p)
		switch got := digests(t, out); {
		case maps.Equal(got, outputs[from]), maps.Equal(got, outputs[to]):
		default:
			t.Errorf("killed %s: the output is neither the old nor the new one (%d files, want %d or %d)", p.name, len(got), len(outputs[from]), len(outputs[to]))
		}
		run(t, build(out, to))
		if entries, _ := os.ReadDir(parent); len(entries) != 1 {
			t.Errorf("killed %s: after the next build, beside the output: %v", p.name, entries)
		}
		if !maps.Equal(digests(t, out), outputs[to]) {
			t.Errorf("killed %s: the next build did not write its output", p.name)
		}
		from, to = to, from
	}
}

// killAt starts cmd and kills it with SIGKILL once p is reached, or lets
// it finish if it finishes first.
func killAt(t *testing.T, cmd *exec.Cmd, parent, out string, p killPoint) {
	t.Helper()
	info, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	for {
		if p.reach(parent, out, info) {
			cmd.Process.Kill()
			<-done
			return
		}
		select {
		case <-done:
			t.Logf("the build finished before %s", p.name)
			return
		case <-time.After(time.Millisecond):
		}
	}
}

// holding reaches the moment the new folder beside the output holds at
// least n files.
func holding(n int) func(parent, out string, _ os.FileInfo) bool {
	return func(parent, out string, _ os.FileInfo) bool {
		tmp, _ := filepath.Glob(filepath.Join(parent, ".public.new-*"))
		for _, dir := range tmp {
			if !strings.HasSuffix(dir, ".old") && countAll(dir) >= n {
				return true
			}
		}
		return false
	}
}

// swapped reaches the moment the output path names another folder.
func swapped(_, out string, before os.FileInfo) bool {
	now, err := os.Stat(out)
	return err == nil && !os.SameFile(before, now)
}

// countAll counts the files under dir as they are now, whatever changes
// while it counts.
func countAll(dir string) int {
	n := 0
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return nil
	})
	return n
}

// digests maps each file under dir to the SHA-256 of its content.
func digests(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		sum := sha256.Sum256(data)
		rel, _ := filepath.Rel(dir, p)
		files[rel] = hex.EncodeToString(sum[:])
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func run(t *testing.T, cmd *exec.Cmd) {
	t.Helper()
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", strings.Join(cmd.Args, " "), err, msg)
	}
}
