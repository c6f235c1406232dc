package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// Protected is what an output folder may never be, be inside or hold: a
// site folder and its inputs.
type Protected struct {
	Site   string  // the site folder: the output may be inside it, but neither it nor above it
	Inputs []Input // the output may be none of them, inside none and hold none
}

// Input is a file or folder a site is read from.
type Input struct {
	Path string // as messages name it
	What string // "configuration file", "history folder", ...
}

const chooseOther = "choose another folder with -o"

// checkOutput refuses an output folder in a place no output may be, whatever
// is there now: the root, the site folder or above it, or where the site's
// inputs are. See the rules in docs/site.md, "Output folder".
func checkOutput(dir string, p Protected) error {
	if dir == "" {
		return errors.New("no output folder: give one with -o")
	}
	out := resolve(dir)
	if filepath.Dir(out) == out {
		return fmt.Errorf("output folder %s is the root of the file system; %s", dir, chooseOther)
	}
	if p.Site != "" {
		if same, _ := related(out, resolve(p.Site)); same {
			return fmt.Errorf("output folder %s is the site folder; %s, such as %s", dir, chooseOther, filepath.Join(p.Site, "public"))
		}
		if _, inside := related(resolve(p.Site), out); inside {
			return fmt.Errorf("output folder %s holds the site folder %s; %s", dir, p.Site, chooseOther)
		}
	}
	for _, in := range p.Inputs {
		r := resolve(in.Path)
		same, inside := related(out, r)
		_, holds := related(r, out)
		switch {
		case same:
			return fmt.Errorf("output folder %s is the site's %s; %s", dir, in.What, chooseOther)
		case inside:
			return fmt.Errorf("output folder %s is inside the site's %s %s; %s", dir, in.What, in.Path, chooseOther)
		case holds:
			return fmt.Errorf("output folder %s holds the site's %s %s; %s", dir, in.What, in.Path, chooseOther)
		}
	}
	return nil
}

// checkOwned refuses an existing path that is not a folder policygen may
// replace: a folder that is empty, holds the output mark, or is the
// output of a release before the mark.
func checkOwned(dir string) error {
	info, err := os.Lstat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case info.Mode()&fs.ModeSymlink != 0:
		target, _ := os.Readlink(dir)
		return fmt.Errorf("output folder %s is a symbolic link to %s: policygen replaces only a real folder; point -o at the folder itself", dir, target)
	case info.Mode().IsRegular():
		return fmt.Errorf("output folder %s is a file, not a folder; %s", dir, chooseOther)
	case !info.IsDir():
		return fmt.Errorf("output folder %s is a special file (%s), not a folder; %s", dir, info.Mode().Type(), chooseOther)
	}
	if marked(dir) {
		return nil
	}
	why, err := unmarkedOutput(dir, true)
	if err != nil {
		return err
	}
	if why != "" {
		return fmt.Errorf("output folder %s %s: refusing to replace it; %s, or empty %s yourself", dir, why, chooseOther, dir)
	}
	return nil
}

// resolve makes a path absolute, with the symbolic links of its longest
// existing part evaluated, so that two names of one folder compare equal.
func resolve(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.Clean(path)
	}
	rest := ""
	for p := abs; ; p = filepath.Dir(p) {
		if real, err := filepath.EvalSymlinks(p); err == nil {
			return filepath.Join(real, rest)
		}
		if filepath.Dir(p) == p {
			return abs
		}
		rest = filepath.Join(filepath.Base(p), rest)
	}
}

// related reports whether the resolved path a is b, or is inside it. Besides
// the names, it compares the folders themselves, which catches a name
// spelt in other case on a file system that ignores case.
func related(a, b string) (same, inside bool) {
	if rel, err := filepath.Rel(b, a); err == nil && filepath.IsLocal(rel) {
		return rel == ".", rel != "."
	}
	bi, err := os.Stat(b)
	if err != nil {
		return false, false
	}
	for p := a; ; p = filepath.Dir(p) {
		if pi, err := os.Stat(p); err == nil && os.SameFile(pi, bi) {
			return p == a, p != a
		}
		if filepath.Dir(p) == p {
			return false, false
		}
	}
}

// languageFolder is the name of a language's folder in the output: a
// language tag such as "en" or "pt-br".
var languageFolder = regexp.MustCompile(`^[a-z]{2,3}(-[a-z0-9]{1,8})*$`)

// topFiles are the files at the top of every release's output.
var topFiles = []string{"index.html", "policy.json", "style.css"}

// unmarkedOutput recognises the output of a policygen release that did not
// write the mark: index.html, policy.json, style.css and language folders
// holding only folders and .html or .xml files; no symbolic links, nothing
// else. It returns why dir is not such output, or "" when it is. With
// whole, the three files must be there; a leftover of an interrupted
// build need not hold them.
func unmarkedOutput(dir string, whole bool) (string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", err
	}
	found := 0
	for _, e := range entries {
		name := e.Name()
		switch {
		case e.Type().IsRegular() && slices.Contains(topFiles, name):
			found++
		case e.IsDir() && languageFolder.MatchString(name):
			if bad, err := pagesOnly(dir, name); bad != "" || err != nil {
				return "holds " + filepath.Join(dir, bad) + ", which policygen did not write", err
			}
		default:
			return "holds " + filepath.Join(dir, name) + ", which policygen did not write", nil
		}
	}
	if whole && found < len(topFiles) && len(entries) > 0 {
		return "lacks one of " + strings.Join(topFiles, ", ") + ", which policygen writes", nil
	}
	return "", nil
}

// pagesOnly returns the first entry under dir/sub, relative to dir, that
// is neither a folder nor an .html or .xml file.
func pagesOnly(dir, sub string) (string, error) {
	bad := ""
	err := filepath.WalkDir(filepath.Join(dir, sub), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		ok := d.IsDir() || d.Type().IsRegular() && (strings.HasSuffix(p, ".html") || strings.HasSuffix(p, ".xml"))
		if !ok {
			bad, _ = filepath.Rel(dir, p)
			return filepath.SkipAll
		}
		return nil
	})
	return bad, err
}
