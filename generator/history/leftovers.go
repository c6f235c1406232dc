package history

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"

	"github.com/policygen/policygen/generator/internal/mark"
)

// ReleaseMark is the first file of the temporary folder a release writes
// a version in, beside the version: ".DATE.tmp-N/DATE/".
const ReleaseMark = ".policygen-release"

// releaseMarkText is ReleaseMark's text; its first line makes it a mark.
var releaseMarkText = []byte(`This folder holds a version that policygen release is writing.
If no release is running, the release was interrupted: the next
policygen build or release removes this folder.
`)

// releaseMarkPrefix is the first line of releaseMarkText.
var releaseMarkPrefix = releaseMarkText[:bytes.IndexByte(releaseMarkText, '\n')+1]

// tmpInfix follows ".DATE" in the name of a release's temporary folder.
const tmpInfix = ".tmp-"

var leftoverName = regexp.MustCompile(`^\.([0-9]{4}-[0-9]{2}-[0-9]{2}(?:\.[1-9][0-9]*)?)` + regexp.QuoteMeta(tmpInfix) + `[0-9]+$`)

// Leftovers finds the temporary folders interrupted releases left in the
// history folder dir. With remove, it removes those that hold the release
// mark and that no running release holds; the others (left by a release
// before the mark, or not policygen's) stay, and it says what to do about
// them. It returns a sentence for each folder it found, except folders a
// running release is writing.
func Leftovers(dir string, remove bool) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var notes []string
	for _, e := range entries {
		m := leftoverName.FindStringSubmatch(e.Name())
		if m == nil {
			continue
		}
		path, version := filepath.Join(dir, e.Name()), filepath.Join(dir, m[1])
		lock, err := mark.Claim(filepath.Join(path, ReleaseMark), releaseMarkPrefix)
		switch {
		case errors.Is(err, mark.ErrBusy):
			continue
		case errors.Is(err, mark.ErrNotMarked):
			notes = append(notes, fmt.Sprintf("%s may be left by an interrupted release, but holds no %s to prove it: remove it yourself, then run policygen release again if %s is missing", path, ReleaseMark, version))
			continue
		case err != nil:
			return notes, err
		}
		note, err := removeLeftover(path, version, remove)
		lock.Close()
		notes = append(notes, note)
		if err != nil {
			return notes, err
		}
	}
	return notes, nil
}

// removeLeftover removes (with remove) a marked temporary folder of a
// release and says what it was.
func removeLeftover(path, version string, remove bool) (string, error) {
	what := "an interrupted release"
	if _, err := os.Lstat(version); errors.Is(err, os.ErrNotExist) {
		what += fmt.Sprintf(" (%s was not released: run policygen release again)", filepath.Base(version))
	}
	if !remove {
		return fmt.Sprintf("%s was left by %s; the next policygen build or release removes it", path, what), nil
	}
	return fmt.Sprintf("removed %s, left by %s", path, what), os.RemoveAll(path)
}
