package assets

import (
	"errors"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/policygen/policygen/generator/diag"
)

// siteFolder makes a site folder with a regular file a.txt, a folder sub/
// with b.txt, and outside it a file secret.txt and a folder out/; it
// returns the folder and the place outside.
func siteFolder(t *testing.T) (dir, outside string) {
	t.Helper()
	base := t.TempDir()
	dir, outside = filepath.Join(base, "site"), filepath.Join(base, "elsewhere")
	for _, f := range []string{filepath.Join(dir, "a.txt"), filepath.Join(dir, "sub", "b.txt"),
		filepath.Join(outside, "secret.txt"), filepath.Join(outside, "out", "c.txt")} {
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, []byte("text of "+filepath.Base(f)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir, outside
}

func symlink(t *testing.T, target, name string) {
	t.Helper()
	if err := os.Symlink(target, name); err != nil {
		t.Fatal(err)
	}
}

func mkfifo(t *testing.T, name string) {
	t.Helper()
	if err := syscall.Mkfifo(name, 0o644); err != nil {
		t.Fatal(err)
	}
}

// message is how a refusal reads: "file: message (hint)", the folder
// written as "site".
func message(dir string, err error) string {
	var e *diag.Error
	if !errors.As(err, &e) {
		return "not a refusal: " + err.Error()
	}
	return strings.ReplaceAll(e.Error(), dir, "site") + " (" + e.Hint + ")"
}

const (
	regularHint = "policygen reads only regular files: put the file itself in the site folder"
	linkHintAs  = "a symlink in the site folder must point inside it, by a relative path: copy what it points to into the site folder"
	sizeHint    = "check that it is the file you meant: no site comes near the limit"
)

func TestFolderRefusesWhatIsNotARegularFileInside(t *testing.T) {
	dir, outside := siteFolder(t)
	mkfifo(t, filepath.Join(dir, "fifo"))
	symlink(t, "fifo", filepath.Join(dir, "to-fifo"))
	ln, err := net.Listen("unix", filepath.Join(dir, "sock"))
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	symlink(t, "/etc/passwd", filepath.Join(dir, "passwd"))
	symlink(t, "/dev/zero", filepath.Join(dir, "zero"))
	rel, _ := filepath.Rel(dir, filepath.Join(outside, "secret.txt"))
	symlink(t, rel, filepath.Join(dir, "secret"))
	symlink(t, "../../elsewhere/out", filepath.Join(dir, "sub", "out"))
	if err := os.WriteFile(filepath.Join(dir, "big"), make([]byte, MaxFile+1), 0o644); err != nil {
		t.Fatal(err)
	}
	folder, err := OpenFolder(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer folder.Close()
	for _, c := range []struct{ name, want string }{
		{"fifo", "site/fifo: not a regular file but a named pipe (FIFO) (" + regularHint + ")"},
		{"to-fifo", "site/to-fifo: a symlink to a named pipe (FIFO), not to a regular file (" + regularHint + ")"},
		{"sock", "site/sock: not a regular file but a socket (" + regularHint + ")"},
		{"sub", "site/sub: not a regular file but a folder (a file is read at this name: rename the folder)"},
		{"passwd", `site/passwd: a symlink to the absolute path "/etc/passwd" (` + linkHintAs + ")"},
		{"zero", `site/zero: a symlink to the absolute path "/dev/zero" (` + linkHintAs + ")"},
		{"secret", `site/secret: a symlink to "../elsewhere/secret.txt", outside the site folder (` + linkHintAs + ")"},
		{"sub/out/c.txt", `site/sub/out: a symlink to "../../elsewhere/out", outside the site folder (` + linkHintAs + ")"},
		{"big", "site/big: file is larger than 4 MiB, the limit for a clause, locale or theme file (" + sizeHint + ")"},
	} {
		_, err := folder.ReadFile(c.name)
		if err == nil {
			t.Errorf("%s: read", c.name)
		} else if got := message(dir, err); got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.name, got, c.want)
		}
	}
}

func TestFolderRefusesADeviceInside(t *testing.T) {
	dir, _ := siteFolder(t)
	// Only root may make a device node: /dev/null's numbers, 1 and 3.
	if err := syscall.Mknod(filepath.Join(dir, "null"), syscall.S_IFCHR|0o644, 1<<8|3); err != nil {
		t.Skipf("cannot make a device: %v", err)
	}
	folder, err := OpenFolder(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer folder.Close()
	_, err = folder.ReadFile("null")
	if want := "site/null: not a regular file but a device (" + regularHint + ")"; err == nil || message(dir, err) != want {
		t.Errorf("got %v, want %s", err, want)
	}
}

func TestFolderReadsThroughSymlinksInside(t *testing.T) {
	dir, _ := siteFolder(t)
	symlink(t, "../a.txt", filepath.Join(dir, "sub", "a.txt"))
	symlink(t, "sub", filepath.Join(dir, "also"))
	folder, err := OpenFolder(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer folder.Close()
	for name, want := range map[string]string{"sub/a.txt": "text of a.txt", "also/b.txt": "text of b.txt", "also/a.txt": "text of a.txt"} {
		if b, err := fs.ReadFile(folder, name); err != nil || string(b) != want {
			t.Errorf("%s: %q, %v; want %q", name, b, err, want)
		}
	}
	if names, err := fs.Glob(folder, "*/*.txt"); err != nil || strings.Join(names, " ") != "also/a.txt also/b.txt sub/a.txt sub/b.txt" {
		t.Errorf("glob: %v, %v", names, err)
	}
}

func TestFolderKeepsFileNotFoundAsItIs(t *testing.T) {
	dir, _ := siteFolder(t)
	folder, err := OpenFolder(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer folder.Close()
	for _, name := range []string{"missing", "sub/missing/x", "a.txt/x"} {
		if _, err := folder.ReadFile(name); !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, syscall.ENOTDIR) {
			t.Errorf("%s: %v, want a file that does not exist", name, err)
		}
	}
}

func TestFolderRefusesASymlinkToNothing(t *testing.T) {
	dir, _ := siteFolder(t)
	symlink(t, "../nothing.txt", filepath.Join(dir, "sub", "dangling.txt"))
	symlink(t, "nothing", filepath.Join(dir, "gone"))
	folder, err := OpenFolder(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer folder.Close()
	const hint = "point it at a file or folder of the site folder that exists, or remove it"
	for name, want := range map[string]string{
		"sub/dangling.txt": `site/sub/dangling.txt: a symlink to "../nothing.txt", which does not exist (` + hint + ")",
		"gone/x.txt":       `site/gone: a symlink to "nothing", which does not exist (` + hint + ")",
	} {
		_, err := folder.ReadFile(name)
		if err == nil || message(dir, err) != want || errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s:\n got %v\nwant %s, not fs.ErrNotExist", name, err, want)
		}
	}
}

func TestFolderGlobFailsOnAFolderOutside(t *testing.T) {
	dir, _ := siteFolder(t)
	symlink(t, "../../elsewhere/out", filepath.Join(dir, "sub", "out"))
	folder, err := OpenFolder(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer folder.Close()
	_, err = fs.Glob(folder, "sub/*/*.txt") // sub/b.txt is a file, not a folder: no error
	if want := `site/sub/out: a symlink to "../../elsewhere/out", outside the site folder (` + linkHintAs + ")"; err == nil || message(dir, err) != want {
		t.Errorf("got %v, want %s", err, want)
	}
	overlay := New(folder, dir, nil)
	if d := overlay.Describe("sub/out/c.txt"); d != filepath.ToSlash(dir)+"/sub/out/c.txt" {
		t.Errorf("a refused file is described as %s", d)
	}
}

func TestFolderLimitIsForWhatItSays(t *testing.T) {
	dir, _ := siteFolder(t)
	// A sparse file: its size is refused before anything is read.
	if err := os.Truncate(filepath.Join(dir, "a.txt"), MaxSiteFile+1); err != nil {
		t.Fatal(err)
	}
	folder, err := OpenFolder(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer folder.Close()
	_, err = folder.Limit(MaxSiteFile, "site.toml").ReadFile("a.txt")
	if want := "site/a.txt: file is larger than 8 MiB, the limit for site.toml (" + sizeHint + ")"; err == nil || message(dir, err) != want {
		t.Errorf("got %v, want %s", err, want)
	}
	if _, err := folder.Limit(MaxHistoryFile, "a file of a released version").ReadFile("a.txt"); err != nil {
		t.Errorf("under the history limit: %v", err)
	}
}
