package build

import (
	"cmp"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
)

// Write replaces the folder dir with files, atomically as far as the file
// system allows; see Dir.
func Write(dir string, files Output) error {
	d, err := Create(dir)
	if err != nil {
		return err
	}
	for name, data := range files {
		if err := d.WriteFile(name, data); err != nil {
			d.Abort()
			return err
		}
	}
	return d.Commit()
}

// Dir is an output folder being replaced. Files are written into a new
// folder beside it as they are rendered, and Commit puts that folder in
// the old one's place, so a failed build leaves the previous output
// untouched, and files of pages that no longer exist are gone with the
// old folder.
//
// WriteFile is a Sink: it may be called from several goroutines at once.
// It hands the file to a few writers of the Dir's own and returns, so that
// rendering goes on while the file system creates folders and files, which
// on some disks takes longer than rendering the page did.
type Dir struct {
	dir, tmp string
	queue    chan file
	writers  sync.WaitGroup

	mu    sync.Mutex
	made  map[string]bool // folders created in tmp
	names []string        // files written, slash-separated
	err   error           // the first failed write
}

type file struct {
	name string // slash-separated
	data []byte
}

// dirWriters is how many files a Dir writes at once; queued is how many
// rendered files may wait for them, which bounds the memory they hold.
const (
	dirWriters = 8
	dirQueued  = 64
)

// Create starts replacing the folder dir. It refuses a folder that is not
// build output: the site folder itself, a folder holding a site.toml, or a
// git work tree.
func Create(dir string) (*Dir, error) {
	if err := checkOutputDir(dir); err != nil {
		return nil, err
	}
	parent := filepath.Dir(filepath.Clean(dir))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".new-")
	if err != nil {
		return nil, err
	}
	d := &Dir{dir: dir, tmp: tmp, queue: make(chan file, dirQueued), made: map[string]bool{".": true}}
	for range dirWriters {
		d.writers.Go(func() {
			for f := range d.queue {
				d.write(f)
			}
		})
	}
	return d, nil
}

// WriteFile queues a file of the output for writing; name is
// slash-separated and relative to the output folder. An error of an
// earlier write is returned here or by Commit.
func (d *Dir) WriteFile(name string, data []byte) error {
	if !filepath.IsLocal(filepath.FromSlash(name)) {
		return fmt.Errorf("output file %q is outside the output folder; check the slugs in the message files", name)
	}
	d.mu.Lock()
	d.names = append(d.names, name)
	err := d.err
	d.mu.Unlock()
	if err != nil {
		return err
	}
	d.queue <- file{name, data}
	return nil
}

func (d *Dir) write(f file) {
	rel := filepath.FromSlash(f.name)
	err := d.mkdir(filepath.Dir(rel))
	if err == nil {
		err = os.WriteFile(filepath.Join(d.tmp, rel), f.data, 0o644)
	}
	if err != nil {
		d.mu.Lock()
		if d.err == nil {
			d.err = err
		}
		d.mu.Unlock()
	}
}

// mkdir creates a folder of the output the first time a file goes into
// it. Writers that meet a new folder at the same time both create it,
// which MkdirAll allows.
func (d *Dir) mkdir(folder string) error {
	d.mu.Lock()
	made := d.made[folder]
	d.mu.Unlock()
	if made {
		return nil
	}
	if err := os.MkdirAll(filepath.Join(d.tmp, folder), 0o755); err != nil {
		return err
	}
	d.mu.Lock()
	d.made[folder] = true
	d.mu.Unlock()
	return nil
}

// wait lets the writers finish and returns the first error of a write.
func (d *Dir) wait() error {
	if d.queue != nil {
		close(d.queue)
		d.writers.Wait()
		d.queue = nil
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.err
}

// Files returns the names of the files written so far, sorted.
func (d *Dir) Files() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return slices.Sorted(slices.Values(d.names))
}

// Pages counts the HTML pages written so far.
func (d *Dir) Pages() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	n := 0
	for _, name := range d.names {
		if isPage(name) {
			n++
		}
	}
	return n
}

// Commit waits for the files to be written and puts the new folder in the
// place of the old one, which it removes. No file may be written after.
func (d *Dir) Commit() error {
	if err := d.wait(); err != nil {
		d.Abort()
		return err
	}
	if err := os.Chmod(d.tmp, 0o755); err != nil {
		d.Abort()
		return err
	}
	return swap(d.dir, d.tmp)
}

// Abort removes what was written and leaves the old folder as it was.
func (d *Dir) Abort() {
	d.wait()
	os.RemoveAll(d.tmp)
}

// swap puts tmp in dir's place and removes the old folder.
func swap(dir, tmp string) error {
	old := ""
	if _, err := os.Stat(dir); err == nil {
		old = tmp + ".old"
		if err := os.Rename(dir, old); err != nil {
			os.RemoveAll(tmp)
			return err
		}
	}
	if err := os.Rename(tmp, dir); err != nil {
		if old != "" {
			os.Rename(old, dir)
		}
		os.RemoveAll(tmp)
		return err
	}
	if old != "" {
		return removeAll(old)
	}
	return nil
}

// removeAll removes a folder as os.RemoveAll does, many of its folders at
// the same time: on some disks removing a site of thousands of folders one
// by one takes longer than building it. The folders of pages are three
// levels down (en/privacy/2025-03-01/).
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
	parallel(len(leaves), dirWriters, func(i int) { errs[i] = os.RemoveAll(leaves[i]) })
	return cmp.Or(errors.Join(errs...), os.RemoveAll(dir))
}

// checkOutputDir refuses to replace a folder that is not build output: the
// site folder itself, a folder holding a site.toml, or a git work tree.
func checkOutputDir(dir string) error {
	for _, marker := range []string{SiteFile, ".git", "go.mod"} {
		if _, err := os.Stat(filepath.Join(dir, marker)); err == nil {
			return fmt.Errorf("%s holds %s: refusing to replace it with build output; choose another folder with -o", dir, marker)
		}
	}
	return nil
}
