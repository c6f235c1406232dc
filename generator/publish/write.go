package publish

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"github.com/policygen/policygen/generator/internal/mark"
)

// Write replaces the folder dir with files, atomically as far as the file
// system allows; see Dir. It protects nothing but what Create always
// refuses.
func Write(dir string, files Output) error {
	d, err := Create(dir, Protected{})
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
// old folder. Both folders hold the mark OutputMark, which is what allows
// a later build to replace or remove them.
//
// WriteFile is a Sink: it may be called from several goroutines at once.
// It hands the file to a few writers of the Dir's own and returns, so that
// rendering goes on while the file system creates folders and files, which
// on some disks takes longer than rendering the page did.
type Dir struct {
	dir, tmp string
	root     *os.Root   // tmp: a write cannot leave it, nor recreate it once removed
	lock     *mark.Lock // on tmp's mark, so that no other build removes it
	exchange func(a, b string) error
	notes    []string
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

// Create starts replacing the output folder dir. It refuses, before
// writing anything, a dir that is or holds p's site folder, is, is inside
// or holds one of its inputs, is a file or a symbolic link, or is a folder
// policygen did not write; see docs/site.md, "Output folder". It first
// removes what interrupted builds left beside dir (see Notes).
func Create(dir string, p Protected) (*Dir, error) {
	if dir != "" {
		dir = filepath.Clean(dir) // "out/" would name the folder a link out points to
	}
	if err := checkOutput(dir, p); err != nil {
		return nil, err
	}
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	notes, err := tidy(dir)
	if err != nil {
		return nil, err
	}
	if err := checkOwned(dir); err != nil {
		return nil, err
	}
	d := &Dir{dir: dir, exchange: exchange, notes: notes, made: map[string]bool{".": true}}
	if err := d.start(parent); err != nil {
		return nil, err
	}
	d.queue = make(chan file, dirQueued)
	for range dirWriters {
		d.writers.Go(func() {
			for f := range d.queue {
				d.write(f)
			}
		})
	}
	return d, nil
}

// start makes the new folder beside the old one, its mark the first file.
func (d *Dir) start(parent string) error {
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(d.dir)+newInfix)
	if err != nil {
		return err
	}
	d.tmp = tmp
	if d.lock, err = mark.Create(filepath.Join(tmp, OutputMark), outputMarkText); err == nil {
		d.root, err = os.OpenRoot(tmp)
	}
	if err != nil {
		d.lock.Close()
		os.RemoveAll(tmp)
		return err
	}
	return nil
}

// Notes says what Create did to leftovers of interrupted builds, one
// sentence each.
func (d *Dir) Notes() []string { return d.notes }

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
		err = d.root.WriteFile(rel, f.data, 0o644)
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
	if err := d.root.MkdirAll(folder, 0o755); err != nil {
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
		d.root.Close()
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
		if IsPage(name) {
			n++
		}
	}
	return n
}

// Commit waits for the files to be written and puts the new folder in the
// place of the old one, which it removes. No file may be written after.
func (d *Dir) Commit() error {
	defer d.lock.Close()
	if err := d.wait(); err != nil {
		d.Abort()
		return err
	}
	if err := os.Chmod(d.tmp, 0o755); err != nil {
		d.Abort()
		return err
	}
	return d.swap()
}

// Abort removes what was written and leaves the old folder as it was.
func (d *Dir) Abort() {
	d.wait()
	removeAll(d.tmp)
	d.lock.Close()
}
