package site

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/policygen/policygen/generator/diag"
)

// releasedEnglishSite is englishSite, released on 2025-03-01.
var releasedEnglishSite = englishSite() + "\n[[change]]\ndate = 2025-03-01\n"

// loadErrors loads the site folder dir and returns its errors as policygen
// prints them, the folder written as "site". A load that has not ended
// after a minute fails the test: a named pipe must not block it (the
// limit is only a safety net, far above the milliseconds a load takes).
func loadErrors(t *testing.T, dir string) string {
	t.Helper()
	done := make(chan error, 1)
	go func() {
		_, err := loadDir(t, dir, "2025-06-01")
		done <- err
	}()
	select {
	case err := <-done:
		var b strings.Builder
		diag.Print(&b, diag.Errors(err))
		return strings.ReplaceAll(b.String(), dir, "site")
	case <-time.After(time.Minute):
		t.Fatal("loading the site blocked")
		return ""
	}
}

// replace puts make's file at name in the site folder dir, in place of the
// file there.
func replace(t *testing.T, dir, name string, make func(string) error) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(p); err != nil {
		t.Fatal(err)
	}
	if err := make(p); err != nil {
		t.Fatal(err)
	}
}

func fifo(p string) error { return syscall.Mkfifo(p, 0o644) }

func linkTo(target string) func(string) error {
	return func(p string) error { return os.Symlink(target, p) }
}

func sized(n int64) func(string) error {
	return func(p string) error {
		if err := os.WriteFile(p, []byte("# a comment\n"), 0o644); err != nil {
			return err
		}
		return os.Truncate(p, n)
	}
}

const (
	regularHint = "  hint: policygen reads only regular files: put the file itself in the site folder\n"
	linkHint    = "  hint: a symlink in the site folder must point inside it, by a relative path: copy what it points to into the site folder\n"
	sizeHint    = "  hint: check that it is the file you meant: no site comes near the limit\n"
)

func TestInputThatIsNotARegularFileIsRefusedAtOnce(t *testing.T) {
	for _, c := range []struct{ name, file, want string }{
		{"site.toml", "site.toml", "site/site.toml: not a regular file but a named pipe (FIFO)\n" + regularHint},
		{"clause", "clauses/privacy/010-controller.en.md", "site/clauses/privacy/010-controller.en.md: not a regular file but a named pipe (FIFO)\n" + regularHint},
		{"new clause", "clauses/privacy/075-extra.en.md", "site/clauses/privacy/075-extra.en.md: not a regular file but a named pipe (FIFO)\n" + regularHint},
		{"locale", "locales/en.toml", "site/locales/en.toml: not a regular file but a named pipe (FIFO)\n" + regularHint},
		{"layout", "themes/default/layouts/page.html", "site/themes/default/layouts/page.html: not a regular file but a named pipe (FIFO)\n" + regularHint},
		{"style sheet", "themes/default/style.css", "site/themes/default/style.css: not a regular file but a named pipe (FIFO)\n" + regularHint},
		{"manifest", "history/2025-03-01/manifest.toml", "site/history/2025-03-01/manifest.toml: not a regular file but a named pipe (FIFO)\n" + regularHint},
		{"model", "history/2025-03-01/model.json", "site/history/2025-03-01/model.json: not a regular file but a named pipe (FIFO)\n" + regularHint},
		{"layouts folder", "themes/default/layouts", "site/themes/default/layouts: not a regular file but a named pipe (FIFO)\n" + regularHint},
		{"a document's folder", "clauses/privacy", "site/clauses/privacy: not a regular file but a named pipe (FIFO)\n" + regularHint},
		{"history folder", "history", "site/history: not a regular file but a named pipe (FIFO)\n" + regularHint},
		{"version folder", "history/2025-03-01", "site/history/2025-03-01: not a version folder\n" +
			"  hint: the history folder holds only folders named by date, YYYY-MM-DD (or YYYY-MM-DD.N for a revision), written by policygen release\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := siteFiles(t, releasedEnglishSite)
			release(t, dir)
			replace(t, dir, c.file, fifo)
			if got := loadErrors(t, dir); got != c.want {
				t.Errorf("got:\n%swant:\n%s", got, c.want)
			}
		})
	}
}

func TestSymlinkOutOfTheSiteIsRefused(t *testing.T) {
	outside := siteFiles(t, releasedEnglishSite+"-- clauses/privacy/075-extra.en.md --\n+++\ntitle = \"Extra\"\n+++\nFrom elsewhere.\n")
	release(t, outside)
	for _, c := range []struct{ name, file, target, want string }{
		{"site.toml to a device", "site.toml", "/dev/zero", `site/site.toml: a symlink to the absolute path "/dev/zero"` + "\n" + linkHint},
		{"style sheet to the password file", "themes/default/style.css", "/etc/passwd", `site/themes/default/style.css: a symlink to the absolute path "/etc/passwd"` + "\n" + linkHint},
		{"layout by a relative path", "themes/default/layouts/page.html", "../../../../../../../../../../etc/passwd",
			`site/themes/default/layouts/page.html: a symlink to "../../../../../../../../../../etc/passwd", outside the site folder` + "\n" + linkHint},
		{"site.toml to another site", "site.toml", "OUT/site.toml", `site/site.toml: a symlink to "OUT/site.toml", outside the site folder` + "\n" + linkHint},
		{"clauses folder", "clauses", "OUT/clauses", `site/clauses: a symlink to "OUT/clauses", outside the site folder` + "\n" + linkHint},
		{"a document's folder", "clauses/privacy", "../OUT/clauses/privacy", `site/clauses/privacy: a symlink to "../OUT/clauses/privacy", outside the site folder` + "\n" + linkHint},
		{"locales folder", "locales", "OUT/locales", `site/locales: a symlink to "OUT/locales", outside the site folder` + "\n" + linkHint},
		{"theme folder", "themes/default", "../OUT/clauses", `site/themes/default: a symlink to "../OUT/clauses", outside the site folder` + "\n" + linkHint},
		{"history folder", "history", "OUT/history", `site/history: a symlink to "OUT/history", outside the site folder` + "\n" + linkHint},
		{"model of a version", "history/2025-03-01/model.json", "../../OUT/history/2025-03-01/model.json",
			`site/history/2025-03-01/model.json: a symlink to "../../OUT/history/2025-03-01/model.json", outside the site folder` + "\n" + linkHint},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := siteFiles(t, releasedEnglishSite)
			release(t, dir)
			out, _ := filepath.Rel(dir, outside)
			os.MkdirAll(filepath.Join(dir, "themes"), 0o755)
			replace(t, dir, c.file, linkTo(strings.Replace(c.target, "OUT", out, 1)))
			if got, want := loadErrors(t, dir), strings.Replace(c.want, "OUT", out, 1); got != want {
				t.Errorf("got:\n%swant:\n%s", got, want)
			}
		})
	}
}

func TestSymlinkInsideTheSiteIsFollowed(t *testing.T) {
	dir := siteFiles(t, releasedEnglishSite+"-- shared/style.css --\nbody { color: rebeccapurple; }\n")
	if err := os.Rename(filepath.Join(dir, "site.toml"), filepath.Join(dir, "shared", "site.toml")); err != nil {
		t.Fatal(err)
	}
	replace(t, dir, "site.toml", linkTo("shared/site.toml"))
	replace(t, dir, "themes/default/style.css", linkTo("../../shared/style.css"))
	release(t, dir)
	out, err := buildDir(t, dir, "2025-06-01")
	if err != nil {
		t.Fatal(err)
	}
	assertFile(t, out, "style.css", "rebeccapurple")
}

func TestInputOverItsSizeLimitIsRefused(t *testing.T) {
	for _, c := range []struct {
		name, file string
		size       int64
		want       string
	}{
		{"site.toml", "site.toml", 8<<20 + 1, "site/site.toml: file is larger than 8 MiB, the limit for site.toml\n" + sizeHint},
		{"clause", "clauses/privacy/075-extra.en.md", 4<<20 + 1, "site/clauses/privacy/075-extra.en.md: file is larger than 4 MiB, the limit for a clause, locale or theme file\n" + sizeHint},
		{"style sheet", "themes/default/style.css", 4<<20 + 1, "site/themes/default/style.css: file is larger than 4 MiB, the limit for a clause, locale or theme file\n" + sizeHint},
		{"model", "history/2025-03-01/model.json", 64<<20 + 1, "site/history/2025-03-01/model.json: file is larger than 64 MiB, the limit for a file of a released version\n" + sizeHint},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := siteFiles(t, releasedEnglishSite)
			release(t, dir)
			replace(t, dir, c.file, sized(c.size))
			if got := loadErrors(t, dir); got != c.want {
				t.Errorf("got:\n%swant:\n%s", got, c.want)
			}
		})
	}
}

// TestSymlinkToNothingIsAnError: a site file that is a symlink to nothing
// is not passed over for the embedded default.
func TestSymlinkToNothingIsAnError(t *testing.T) {
	dir := siteFiles(t, releasedEnglishSite)
	replace(t, dir, "themes/default/style.css", linkTo("../../shared/style.css"))
	want := `site/themes/default/style.css: a symlink to "../../shared/style.css", which does not exist` + "\n" +
		"  hint: point it at a file or folder of the site folder that exists, or remove it\n"
	if got := loadErrors(t, dir); got != want {
		t.Errorf("got:\n%swant:\n%s", got, want)
	}
}
