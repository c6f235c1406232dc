package build

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

// Write replaces the folder dir with files, atomically as far as the file
// system allows: the files are written to a new folder beside dir, which
// then takes dir's place. A failure leaves the previous dir untouched, and
// files of pages that no longer exist are gone with the old folder.
func Write(dir string, files Output) error {
	if err := checkOutputDir(dir); err != nil {
		return err
	}
	parent := filepath.Dir(filepath.Clean(dir))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".new-")
	if err != nil {
		return err
	}
	if err := writeAll(tmp, files); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	return swap(dir, tmp)
}

func writeAll(root string, files Output) error {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, files[name], 0o644); err != nil {
			return err
		}
	}
	return nil
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
		return os.RemoveAll(old)
	}
	return nil
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
