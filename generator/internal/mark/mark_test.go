package mark

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

var text = []byte("This folder is policygen's.\nmore\n")

// TestClaimTellsMarkedBusyAndForeignApart: a held mark is busy, a released
// one can be claimed, a file of other text is no mark, and an empty one is
// a mark Create had not written yet.
func TestClaimTellsMarkedBusyAndForeignApart(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "mark")
	prefix := text[:len("This folder is policygen's.\n")]
	held, err := Create(path, text)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Create(path, text); err == nil {
		t.Error("a second Create of the same mark succeeded")
	}
	if _, err := Claim(path, prefix); !errors.Is(err, ErrBusy) {
		t.Errorf("claiming a held mark: %v, want ErrBusy", err)
	}
	held.Close()
	l, err := Claim(path, prefix)
	if err != nil {
		t.Errorf("claiming a released mark: %v", err)
	}
	l.Close()
	for content, want := range map[string]error{"": nil, "This folder": nil, "Something else\n": ErrNotMarked} {
		os.WriteFile(path, []byte(content), 0o644)
		l, err := Claim(path, prefix)
		if !errors.Is(err, want) {
			t.Errorf("claiming a mark of %q: %v, want %v", content, err, want)
		}
		l.Close()
	}
	os.Remove(path)
	os.Mkdir(path, 0o755)
	if _, err := Claim(path, prefix); !errors.Is(err, ErrNotMarked) {
		t.Errorf("claiming a folder: %v, want ErrNotMarked", err)
	}
}
