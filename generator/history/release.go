package history

import (
	"crypto/ed25519"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/policygen/policygen/generator/config"
	"github.com/policygen/policygen/generator/internal/mark"
)

// Snapshot is what a release freezes.
type Snapshot struct {
	Date time.Time
	Note config.LocalizedText
	Docs map[string]map[string]string // document -> language -> Markdown
	Site *config.Site                 // the normalized model

	// Revises is the announced version the snapshot replaces, of the
	// same date, or nil: the snapshot is then released as its next
	// revision (see Live).
	Revises  *Version
	Released time.Time // the date it is released (the build date); recorded in the manifest
}

// name is the folder the snapshot is released into, and the name of the
// version it revises, if any.
func (snap Snapshot) name() (name, revises string, err error) {
	if snap.Revises == nil {
		return snap.Date.Format(time.DateOnly), "", nil
	}
	if !snap.Revises.Date.Equal(snap.Date) {
		return "", "", fmt.Errorf("a revision of the version of %s must have its date, not %s", snap.Revises.Name(), snap.Date.Format(time.DateOnly))
	}
	return snap.Revises.NextRevision(), snap.Revises.Name(), nil
}

// Writer writes a new version folder. Its file writing can be replaced in
// tests to simulate a crash halfway.
type Writer struct {
	WriteFile func(name string, data []byte) error
	Key       ed25519.PrivateKey // signs the manifest when not nil
}

// Release writes snap as a new version under dir (the history folder on
// disk), chained to prev (nil for the first version): the newest released
// version, which for a revision need not be the one it revises. The folder appears
// complete or not at all: files go to a hidden temporary folder, which is
// renamed into place last. An existing version is never touched.
func Release(dir string, snap Snapshot, prev *Version) (*Version, error) {
	return Writer{WriteFile: writeSynced}.Release(dir, snap, prev)
}

// ReleaseSigned is Release that signs the new manifest with key.
func ReleaseSigned(dir string, snap Snapshot, prev *Version, key ed25519.PrivateKey) (*Version, error) {
	return Writer{WriteFile: writeSynced, Key: key}.Release(dir, snap, prev)
}

// Release is the package-level Release with w's file writing.
func (w Writer) Release(dir string, snap Snapshot, prev *Version) (*Version, error) {
	name, revises, err := snap.name()
	if err != nil {
		return nil, err
	}
	final := filepath.Join(dir, name)
	if _, err := os.Stat(final); err == nil {
		return nil, fmt.Errorf("%s exists already: a released version is never rewritten", final)
	}
	files, err := snapshotFiles(snap)
	if err != nil {
		return nil, err
	}
	previous := ""
	if prev != nil {
		previous = Hash(prev.Manifest)
	}
	hashes := map[string]string{}
	for n, data := range files {
		hashes[n] = Hash(data)
	}
	m := &manifest{Date: snap.Date.Format(time.DateOnly), Previous: previous, Revises: revises, Note: snap.Note.ByLang, Files: hashes}
	if !snap.Released.IsZero() {
		m.Released = snap.Released.Format(time.DateOnly)
	}
	manifestData := encodeManifest(m)
	if err := w.writeFolder(dir, name, files, manifestData); err != nil {
		return nil, err
	}
	v := &Version{Date: snap.Date, Note: snap.Note, Dir: final, Docs: snap.Docs, Model: files[ModelFile], Manifest: manifestData, Revises: revises, name: name, previous: previous}
	v.Released = snap.Released
	if w.Key != nil {
		v.signature = Sign(w.Key, manifestData)
	}
	return v, nil
}

func snapshotFiles(snap Snapshot) (map[string][]byte, error) {
	files := map[string][]byte{}
	for doc, byLang := range snap.Docs {
		for lang, md := range byLang {
			files[DocFile(doc, lang)] = []byte(md)
		}
	}
	model, err := EncodeModel(snap.Site)
	if err != nil {
		return nil, err
	}
	files[ModelFile] = model
	return files, nil
}

// writeFolder writes the files and the manifest into a folder inside a
// temporary one beside the version, and renames it into place. The
// temporary folder holds the release mark first, so that the next command
// can tell what an interrupted release left (see Leftovers).
func (w Writer) writeFolder(dir, name string, files map[string][]byte, manifestData []byte) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(dir, "."+name+tmpInfix)
	if err != nil {
		return err
	}
	lock, err := mark.Create(filepath.Join(tmp, ReleaseMark), releaseMarkText)
	if err != nil {
		os.RemoveAll(tmp)
		return err
	}
	defer lock.Close()
	version := filepath.Join(tmp, name)
	if err := w.writeVersion(version, files, manifestData); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	if err := os.Rename(version, filepath.Join(dir, name)); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	if err := syncDir(dir); err != nil {
		return err
	}
	return os.RemoveAll(tmp)
}

// writeVersion writes a version folder, the manifest last.
func (w Writer) writeVersion(version string, files map[string][]byte, manifestData []byte) error {
	if err := os.Mkdir(version, 0o755); err != nil {
		return err
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if err := w.WriteFile(filepath.Join(version, n), files[n]); err != nil {
			return err
		}
	}
	if err := w.WriteFile(filepath.Join(version, ManifestFile), manifestData); err != nil {
		return err
	}
	return writeSignature(w, version, manifestData)
}

// writeSynced writes a file and flushes it to disk before returning.
func writeSynced(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
