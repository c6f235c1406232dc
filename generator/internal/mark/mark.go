// Package mark marks the folders policygen writes with a file that says so,
// and locks that file while the folder is being written. A later command
// removes a folder left behind only when it holds the mark and nobody holds
// its lock: that proves the folder is policygen's and no longer in use.
package mark

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// ErrNotMarked is returned by Claim for a folder without the mark.
var ErrNotMarked = errors.New("not marked")

// ErrBusy is returned by Claim for a mark another process holds locked.
var ErrBusy = errors.New("in use by another policygen process")

// Lock is a mark held by this process. The lock ends with Close, or with
// the process, however it ends.
type Lock struct{ f *os.File }

// Create writes a new mark at path and locks it. The mark must not exist.
func Create(path string, text []byte) (*Lock, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return nil, err
	}
	l := &Lock{f}
	if _, err := f.Write(text); err != nil {
		l.Close()
		return nil, err
	}
	// Another process may have claimed the mark and removed its folder
	// between creating and locking: then the lock is on nothing.
	return l.take(path, true)
}

// Claim locks an existing mark at path whose text starts with prefix (or
// is the start of prefix: a mark being written). It returns ErrNotMarked
// when path is not a regular file starting so, and ErrBusy when another
// process holds the lock.
func Claim(path string, prefix []byte) (*Lock, error) {
	info, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) || err == nil && !info.Mode().IsRegular() {
		return nil, ErrNotMarked
	}
	if err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return nil, err
	}
	l := &Lock{f}
	// A mark shorter than prefix but starting as it does is one that
	// Create had not finished writing.
	head := make([]byte, len(prefix))
	n, err := io.ReadFull(f, head)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF || !bytes.Equal(head[:n], prefix[:n]) {
		l.Close()
		return nil, ErrNotMarked
	}
	return l.take(path, false)
}

// take locks the mark (waiting for another holder when wait is set) and
// checks that it is still the file at path; on failure the file is closed.
func (l *Lock) take(path string, wait bool) (*Lock, error) {
	err := lock(l.f, wait)
	if err == nil {
		err = l.still(path)
	}
	if err != nil {
		l.Close()
		return nil, err
	}
	return l, nil
}

// still checks that the locked file is the one at path.
func (l *Lock) still(path string) error {
	a, err := l.f.Stat()
	if err != nil {
		return err
	}
	b, err := os.Lstat(path)
	if err != nil || !os.SameFile(a, b) {
		return fmt.Errorf("%s: %w", path, ErrBusy)
	}
	return nil
}

// Close ends the lock.
func (l *Lock) Close() error {
	if l == nil || l.f == nil {
		return nil
	}
	err := l.f.Close()
	l.f = nil
	return err
}
