package history

import (
	"bytes"
	"crypto/ed25519"
	"errors"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/policygen/policygen/generator/config"
	"github.com/policygen/policygen/generator/diag"
)

// Load reads and verifies every version under root in fsys, and returns
// them in the order they were released, the order of the chain (by date,
// but for revisions, see Live). where is how
// messages name root ("history", or "mysite/history"). A missing root means
// no version has been released. Every file must match its manifest hash, no
// file may be missing or extra, and each manifest must name the hash of the
// one before it; any failure is an error naming the file.
func Load(fsys fs.FS, root, where string) ([]*Version, error) {
	return LoadSigned(fsys, root, where, nil)
}

// LoadSigned is Load that also verifies the signatures of the versions
// with key (see SignatureFile), unless key is nil.
func LoadSigned(fsys fs.FS, root, where string, key ed25519.PublicKey) ([]*Version, error) {
	entries, err := fs.ReadDir(fsys, root)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, diag.List{diag.AtFile(where, err)}
	}
	type folder struct {
		name string
		date time.Time
		v    *Version
		errs diag.List
	}
	var folders []*folder
	var errs diag.List
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") { // an unfinished release, or editor files
			continue
		}
		date, _, ok := ParseName(name)
		if !e.IsDir() || !ok {
			errs.Addf(diag.Pos{File: path.Join(where, name)}, "not a version folder").
				WithHint("the history folder holds only folders named by date, YYYY-MM-DD (or YYYY-MM-DD.N for a revision), written by policygen release")
			continue
		}
		folders = append(folders, &folder{name: name, date: date})
	}
	// Reading and hashing every file is most of a long history's load:
	// the folders are read a few at a time, reported in order.
	next := make(chan *folder)
	var wg sync.WaitGroup
	for range min(loaders, len(folders)) {
		wg.Go(func() {
			for f := range next {
				f.v, f.errs = loadVersion(fsys, path.Join(root, f.name), path.Join(where, f.name), f.name, f.date)
			}
		})
	}
	for _, f := range folders {
		next <- f
	}
	close(next)
	wg.Wait()
	var versions []*Version
	var unread []time.Time // folders that are not a version: the chain cannot be followed across them
	for _, f := range folders {
		errs = append(errs, f.errs...)
		if f.v != nil {
			versions = append(versions, f.v)
		} else {
			unread = append(unread, f.date)
		}
	}
	versions = releaseOrder(versions)
	errs = append(errs, checkRevised(versions, unread)...)
	sigErrs, headSigned := verifySignatures(versions, key)
	errs = append(errs, sigErrs...)
	errs = append(errs, verifyChain(versions, unread, headSigned)...)
	return versions, errs.Err()
}

// loaders is how many version folders are read at once.
const loaders = 8

const tamperHint = "released versions never change: restore the folder from version control, or remove it only if it was never published"

func loadVersion(fsys fs.FS, dir, where, name string, date time.Time) (*Version, diag.List) {
	var errs diag.List
	mdata, err := fs.ReadFile(fsys, path.Join(dir, ManifestFile))
	if errors.Is(err, fs.ErrNotExist) {
		errs.Addf(diag.Pos{File: path.Join(where, ManifestFile)}, "manifest is missing").WithHint("%s", tamperHint)
		return nil, errs
	}
	if err != nil { // a named pipe, a symlink out of the site, too large
		errs.Add(diag.AtFile(path.Join(where, ManifestFile), err))
		return nil, errs
	}
	m, err := decodeManifest(mdata)
	if err != nil {
		errs.Addf(diag.Pos{File: path.Join(where, ManifestFile)}, "manifest cannot be read: %v", err).WithHint("%s", tamperHint)
		return nil, errs
	}
	if m.Date != date.Format(time.DateOnly) {
		errs.Addf(diag.Pos{File: path.Join(where, ManifestFile)}, "manifest is dated %s but the folder %s", m.Date, date.Format(time.DateOnly)).WithHint("%s", tamperHint)
	}
	if _, err := time.Parse(time.DateOnly, m.Date); err == nil && !bytes.Equal(encodeManifest(m), mdata) {
		errs.Addf(diag.Pos{File: path.Join(where, ManifestFile)}, "manifest is not as policygen release wrote it: it was edited after its release").WithHint("%s", tamperHint)
	}
	v := &Version{Date: date, Dir: where, Docs: map[string]map[string]string{}, Manifest: mdata, Revises: m.Revises, name: name, previous: m.Previous}
	if want := revisedName(v); m.Revises != want {
		errs.Add(revisesMismatch(v, m.Revises, want))
	}
	if released, err := time.Parse(time.DateOnly, m.Released); err == nil {
		v.Released = released
	} else if m.Released != "" {
		errs.Addf(manifestPos(v), "manifest says the version was released on %q, which is not a date as YYYY-MM-DD", m.Released).WithHint("%s", tamperHint)
	}
	if len(m.Note) > 0 {
		v.Note = config.LocalizedText{ByLang: m.Note}
	}
	errs = append(errs, v.readFiles(fsys, dir, m.Files)...)
	v.readSignature(fsys, dir)
	return v, errs
}

// readFiles reads the files the manifest lists, checking each hash, and
// reports files the manifest does not list.
func (v *Version) readFiles(fsys fs.FS, dir string, files map[string]string) diag.List {
	var errs diag.List
	entries, _ := fs.ReadDir(fsys, dir)
	for _, e := range entries {
		if _, listed := files[e.Name()]; !listed && e.Name() != ManifestFile && e.Name() != SignatureFile {
			errs.Addf(diag.Pos{File: path.Join(v.Dir, e.Name())}, "file is not part of the released version").WithHint("%s", tamperHint)
		}
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		data, err := fs.ReadFile(fsys, path.Join(dir, name))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			errs.Addf(diag.Pos{File: path.Join(v.Dir, name)}, "file of the released version is missing").WithHint("%s", tamperHint)
			continue
		case err != nil:
			errs.Add(diag.AtFile(path.Join(v.Dir, name), err))
			continue
		case Hash(data) != files[name]:
			// The file or its line in the manifest changed: which one,
			// the chain tells (see blameFiles).
			v.mismatched = append(v.mismatched, name)
			continue
		case name != ModelFile && !isDocFile(name):
			errs.Addf(diag.Pos{File: path.Join(v.Dir, ManifestFile)}, "manifest lists %q, which is not a file of a version", name).WithHint("%s", tamperHint)
			continue
		}
		v.addFile(name, data)
	}
	if _, listed := files[ModelFile]; !listed { // a listed one is reported above if it could not be read
		errs.Addf(diag.Pos{File: path.Join(v.Dir, ModelFile)}, "model snapshot is missing").WithHint("%s", tamperHint)
	}
	return errs
}

func (v *Version) addFile(name string, data []byte) {
	if name == ModelFile {
		v.Model = data
		return
	}
	if doc, lang, ok := parseDocFile(name); ok {
		if v.Docs[doc] == nil {
			v.Docs[doc] = map[string]string{}
		}
		v.Docs[doc][lang] = string(data)
	}
}
