package publish

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"

	"github.com/policygen/policygen/generator/internal/mark"
	"github.com/policygen/policygen/generator/internal/work"
)

// OutputMark is the file every output folder holds, and every folder a
// build writes beside it: policygen replaces or removes only folders that
// hold it (or the output of a release before it, see unmarkedOutput).
const OutputMark = ".policygen-output"

// outputMarkText is OutputMark's text; its first line is what makes a
// file of that name a mark.
var outputMarkText = []byte(`This folder is the output of policygen build.
policygen build replaces it as a whole: do not edit or add files here,
they are lost on the next build. policygen replaces or removes only
folders that hold this file.
`)

// outputMarkPrefix is the first line of outputMarkText.
var outputMarkPrefix = outputMarkText[:bytes.IndexByte(outputMarkText, '\n')+1]

// newInfix follows ".NAME" in the folder a build writes beside NAME; the
// folder it moves the old output to ends in ".old" besides.
const newInfix = ".new-"

// marked reports whether dir holds the output mark, its whole first line:
// an output folder is only ever a finished one, and an empty file of that
// name, or one that merely starts as the mark does, is not policygen's.
func marked(dir string) bool {
	info, err := os.Lstat(filepath.Join(dir, OutputMark))
	if err != nil || !info.Mode().IsRegular() {
		return false
	}
	f, err := os.Open(filepath.Join(dir, OutputMark))
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, len(outputMarkPrefix))
	_, err = io.ReadFull(f, head)
	return err == nil && bytes.Equal(head, outputMarkPrefix)
}

// swap puts the new folder in the old one's place and removes the old
// one. Where the file system can exchange two names at once, the output
// path holds the old or the new folder at every instant; elsewhere it is
// missing between two renames, and the next build puts the old folder
// back from its ".old" name if it was interrupted there (see tidy).
func (d *Dir) swap() error {
	if _, err := os.Lstat(d.dir); errors.Is(err, fs.ErrNotExist) {
		return rename(d.tmp, d.dir)
	}
	err := d.exchange(d.tmp, d.dir)
	if err == nil {
		return removeAll(d.tmp) // now the old folder
	}
	if !errors.Is(err, errNoExchange) {
		removeAll(d.tmp)
		return err
	}
	old := d.tmp + ".old"
	if err := os.Rename(d.dir, old); err != nil {
		removeAll(d.tmp)
		return err
	}
	if err := os.Rename(d.tmp, d.dir); err != nil {
		os.Rename(old, d.dir)
		removeAll(d.tmp)
		return err
	}
	return removeAll(old)
}

// rename renames a new folder into place, removing it if that fails.
func rename(tmp, dir string) error {
	if err := os.Rename(tmp, dir); err != nil {
		removeAll(tmp)
		return err
	}
	return nil
}

// errNoExchange is exchange's error where the system or the file system
// cannot exchange two names.
var errNoExchange = errors.New("exchanging two names is not supported here")

// removeAll removes a folder as os.RemoveAll does, many of its folders at
// the same time: on some disks removing a site of thousands of folders one
// by one takes longer than building it. The folders of pages are three
// levels down (en/privacy/2025-03-01/). The mark goes last, so that a
// folder only half removed still shows whose it is.
func removeAll(dir string) error {
	var leaves []string
	var gather func(dir string, depth int)
	gather = func(dir string, depth int) {
		entries, _ := os.ReadDir(dir) // what cannot be read is left to the final RemoveAll
		for _, e := range entries {
			p := filepath.Join(dir, e.Name())
			switch {
			case !e.IsDir():
			case depth == 1:
				leaves = append(leaves, p)
			default:
				gather(p, depth-1)
			}
		}
	}
	gather(dir, 3)
	errs := make([]error, len(leaves))
	work.Parallel(len(leaves), dirWriters, func(i int) { errs[i] = os.RemoveAll(leaves[i]) })
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != OutputMark {
			errs = append(errs, os.RemoveAll(filepath.Join(dir, e.Name())))
		}
	}
	return cmp.Or(errors.Join(errs...), os.RemoveAll(dir))
}

// tidy removes the folders interrupted builds left beside dir: named
// ".NAME.new-N" or ".NAME.new-N.old", and empty, marked and not in use,
// or the unmarked output of an earlier release. When dir is missing and
// such a ".old" folder is there, a build was interrupted between its two
// renames: that folder is put back. It returns what it did or left alone,
// a sentence each.
func tidy(dir string) ([]string, error) {
	parent, base := filepath.Split(filepath.Clean(dir))
	parent = filepath.Clean(parent)
	entries, err := os.ReadDir(parent)
	if err != nil {
		return nil, err
	}
	leftover := regexp.MustCompile(`^\.` + regexp.QuoteMeta(base) + regexp.QuoteMeta(newInfix) + `[0-9]+(\.old)?$`)
	_, err = os.Lstat(dir)
	missing := errors.Is(err, fs.ErrNotExist)
	var notes []string
	for _, e := range entries {
		if !leftover.MatchString(e.Name()) {
			continue
		}
		path := filepath.Join(parent, e.Name())
		lock, why, err := claimLeftover(path)
		switch {
		case err != nil:
			return notes, err
		case lock == nil && why == "":
			continue // a build running now
		case why != "":
			notes = append(notes, fmt.Sprintf("left %s alone: it %s; remove it yourself if you do not need it", path, why))
			continue
		}
		putBack := missing && filepath.Ext(path) == ".old"
		note, err := putBackOrRemove(path, dir, putBack)
		lock.Close()
		notes = append(notes, note)
		if err != nil {
			return notes, err
		}
		missing = missing && !putBack
	}
	return notes, nil
}

// putBackOrRemove renames a leftover folder to dir (a ".old" one, when dir
// is missing) or removes it, and says which it did.
func putBackOrRemove(path, dir string, putBack bool) (string, error) {
	if putBack {
		return fmt.Sprintf("put back %s from %s, where an interrupted build left it", dir, path), os.Rename(path, dir)
	}
	return fmt.Sprintf("removed %s, left by an interrupted build", path), removeAll(path)
}

// claimLeftover decides whether a folder named as a build's leftover is
// policygen's and unused. It returns a lock (to close after removing the
// folder) when it is, a reason when it is not policygen's, and neither
// when another build is using it.
func claimLeftover(path string) (*mark.Lock, string, error) {
	info, err := os.Lstat(path)
	if err != nil {
		return nil, "", err
	}
	if !info.IsDir() {
		return nil, "is not a folder", nil
	}
	lock, err := mark.Claim(filepath.Join(path, OutputMark), outputMarkPrefix)
	switch {
	case errors.Is(err, mark.ErrBusy):
		return nil, "", nil
	case errors.Is(err, mark.ErrNotMarked):
		why, err := unmarkedOutput(path, false)
		if why != "" || err != nil {
			return nil, why, err
		}
		return &mark.Lock{}, "", nil
	}
	return lock, "", err
}
