package assets

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"github.com/policygen/policygen/generator/diag"
)

// The largest file policygen reads from a site folder, in bytes. The
// limits are far above what a site needs (the large generated test site,
// with 60 activities, 200 processors and 500 trackers, has a site.toml of
// 330 kB, and no file of its history is above 450 kB after 1,000
// versions); they stop a wrong or endless file before it is read.
const (
	MaxSiteFile    = 8 << 20  // site.toml
	MaxFile        = 4 << 20  // each clause, locale and theme file
	MaxHistoryFile = 64 << 20 // each file of a released version
)

// Folder is a site folder as policygen reads it. No name and no symlink
// leads out of it (it is read through an os.Root), and only regular files
// of at most a size limit are read: a named pipe, a device, a socket, a
// symlink to one of them or to anything outside the folder, and a file
// over the limit are errors that name the file, or the symlinked folder
// on its way, as the user knows it. Folder implements fs.FS, and
// fs.ReadFileFS, fs.ReadDirFS, fs.StatFS and fs.GlobFS; a Folder is safe
// for concurrent use.
type Folder struct {
	root  *os.Root
	name  string // the folder as given, for messages
	limit int64
	what  string // what limit is for, in messages
}

// OpenFolder opens the site folder dir, reading files of at most
// MaxFile bytes.
func OpenFolder(dir string) (*Folder, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	// The root's descriptor is closed by Close or, as a Site and with it
	// its Folder may live on in policygen serve, when it is collected.
	return &Folder{root: root, name: dir, limit: MaxFile, what: "a clause, locale or theme file"}, nil
}

// Limit returns the folder reading files of at most n bytes; what names
// the files the limit is for in messages ("site.toml").
func (f *Folder) Limit(n int64, what string) *Folder {
	c := *f
	c.limit, c.what = n, what
	return &c
}

// Close closes the folder and every Folder Limit made of it.
func (f *Folder) Close() error { return f.root.Close() }

// Describe names a file of the folder as messages do.
func (f *Folder) Describe(name string) string { return path.Join(filepath.ToSlash(f.name), name) }

// Open opens a folder, or a regular file within the size limit.
func (f *Folder) Open(name string) (fs.File, error) {
	fi, err := f.Stat(name)
	if err != nil {
		return nil, err
	}
	return f.open(name, fi)
}

// ReadFile reads a regular file within the size limit, reading at most
// one byte more than the limit whatever the file claims its size is.
func (f *Folder) ReadFile(name string) ([]byte, error) {
	fi, err := f.Stat(name)
	if err != nil {
		return nil, err
	}
	if fi.IsDir() {
		return nil, f.notRegular(name, fi.Mode())
	}
	file, err := f.open(name, fi)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	data, err := readAll(io.LimitReader(file, f.limit+1), min(fi.Size(), f.limit)+1)
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	if int64(len(data)) > f.limit {
		return nil, f.tooLarge(name)
	}
	return data, nil
}

// readAll is io.ReadAll into a buffer of the size the file should have:
// a long history reads thousands of files, and growing a buffer for each
// costs more than hashing them.
func readAll(r io.Reader, size int64) ([]byte, error) {
	data := make([]byte, 0, size)
	for {
		n, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
	}
}

// ReadDir reads a folder, sorted by name.
func (f *Folder) ReadDir(name string) ([]fs.DirEntry, error) {
	fi, err := f.Stat(name)
	if err != nil {
		return nil, err
	}
	if !fi.IsDir() { // a named pipe where a folder is looked for is refused too
		if fi.Mode().IsRegular() {
			return nil, &fs.PathError{Op: "readdir", Path: name, Err: syscall.ENOTDIR}
		}
		return nil, f.notRegular(name, fi.Mode())
	}
	d, err := f.open(name, fi)
	if err != nil {
		return nil, err
	}
	defer d.Close()
	entries, err := d.ReadDir(-1)
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return entries, err
}

// Stat describes a file, following symlinks inside the folder.
func (f *Folder) Stat(name string) (fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrInvalid}
	}
	fi, err := f.root.Stat(name)
	if err != nil {
		return nil, f.explain(name, err)
	}
	return fi, nil
}

// Glob is fs.Glob, except that a folder refused on the way is an error:
// fs.Glob passes over a folder it cannot read, which would leave out a
// symlinked clauses/ without a word.
func (f *Folder) Glob(pattern string) ([]string, error) {
	g := &globber{f: f}
	names, err := fs.Glob(g, pattern)
	if err == nil {
		err = g.refused
	}
	return names, err
}

// globber is the folder as fs.Glob reads it, keeping the first refusal.
// It is used by one Glob call at a time.
type globber struct {
	f       *Folder
	refused error
}

func (g *globber) Open(name string) (fs.File, error)     { return g.f.Open(name) }
func (g *globber) Stat(name string) (fs.FileInfo, error) { return g.f.Stat(name) }

func (g *globber) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := g.f.ReadDir(name)
	var refusal *diag.Error
	if g.refused == nil && errors.As(err, &refusal) {
		g.refused = err
	}
	return entries, err
}

// open opens a folder or a regular file that Stat described as fi.
func (f *Folder) open(name string, fi fs.FileInfo) (*os.File, error) {
	if !fi.IsDir() && !fi.Mode().IsRegular() {
		return nil, f.notRegular(name, fi.Mode())
	}
	if !fi.IsDir() && fi.Size() > f.limit {
		return nil, f.tooLarge(name)
	}
	// Should a named pipe have taken the place of what Stat saw,
	// O_NONBLOCK keeps the open from waiting for a writer, and the Stat
	// of the open file refuses it.
	file, err := f.root.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, f.explain(name, err)
	}
	opened, err := file.Stat()
	if err != nil {
		file.Close()
		return nil, err
	}
	if opened.Mode().Type() != fi.Mode().Type() {
		file.Close()
		return nil, f.notRegular(name, opened.Mode())
	}
	return file, nil
}

// explain turns an error of the root about name into one naming the
// symlink on its way that leads out of the folder, or to nothing, when
// that is why it failed: else a site file would be passed over for the
// embedded default without a word.
func (f *Folder) explain(name string, err error) error {
	if errors.Is(err, syscall.ELOOP) {
		return err
	}
	parts := strings.Split(name, "/")
	for i := range parts {
		p := strings.Join(parts[:i+1], "/")
		fi, lerr := f.root.Lstat(p)
		if lerr != nil {
			break
		}
		if fi.Mode()&fs.ModeSymlink == 0 {
			continue
		}
		_, serr := f.root.Stat(p)
		switch {
		case serr == nil || errors.Is(serr, syscall.ELOOP):
			continue
		case errors.Is(serr, fs.ErrNotExist):
			target, _ := f.root.Readlink(p)
			return &diag.Error{Pos: diag.Pos{File: f.Describe(p)}, Msg: fmt.Sprintf("a symlink to %q, which does not exist", target),
				Hint: "point it at a file or folder of the site folder that exists, or remove it"} // not fs.ErrNotExist
		}
		target, _ := f.root.Readlink(p)
		return f.outside(p, target)
	}
	return err
}

const linkHint = "a symlink in the site folder must point inside it, by a relative path: copy what it points to into the site folder"

// outside is the refusal of a symlink that leads out of the folder. It
// wraps nothing: a refusal must never pass for fs.ErrNotExist, which
// would let the embedded default stand in for the file.
func (f *Folder) outside(name, target string) error {
	msg := fmt.Sprintf("a symlink to %q, outside the site folder", target)
	if filepath.IsAbs(target) {
		msg = fmt.Sprintf("a symlink to the absolute path %q", target)
	}
	return &diag.Error{Pos: diag.Pos{File: f.Describe(name)}, Msg: msg, Hint: linkHint}
}

func (f *Folder) notRegular(name string, mode fs.FileMode) error {
	kind, hint := "a special file", "policygen reads only regular files: put the file itself in the site folder"
	switch {
	case mode.IsDir():
		kind, hint = "a folder", "a file is read at this name: rename the folder"
	case mode&fs.ModeNamedPipe != 0:
		kind = "a named pipe (FIFO)"
	case mode&fs.ModeDevice != 0:
		kind = "a device"
	case mode&fs.ModeSocket != 0:
		kind = "a socket"
	}
	msg := "not a regular file but " + kind
	if fi, err := f.root.Lstat(name); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		msg = "a symlink to " + kind + ", not to a regular file"
	}
	return &diag.Error{Pos: diag.Pos{File: f.Describe(name)}, Msg: msg, Hint: hint}
}

func (f *Folder) tooLarge(name string) error {
	return &diag.Error{Pos: diag.Pos{File: f.Describe(name)},
		Msg:  fmt.Sprintf("file is larger than %d MiB, the limit for %s", f.limit>>20, f.what),
		Hint: "check that it is the file you meant: no site comes near the limit"}
}
