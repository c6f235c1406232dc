package assets

import (
	"io/fs"
	"testing"
	"testing/fstest"
)

func TestSiteFilesOverrideAndAddToDefaults(t *testing.T) {
	o := New(fstest.MapFS{
		"clauses/privacy/010-a.en.md": {Data: []byte("site")},
		"clauses/privacy/075-b.en.md": {Data: []byte("added")},
	}, "mysite", fstest.MapFS{
		"clauses/privacy/010-a.en.md": {Data: []byte("default")},
		"clauses/privacy/020-c.en.md": {Data: []byte("default c")},
	})
	if b, _ := fs.ReadFile(o, "clauses/privacy/010-a.en.md"); string(b) != "site" {
		t.Errorf("override: %q", b)
	}
	if b, _ := fs.ReadFile(o, "clauses/privacy/020-c.en.md"); string(b) != "default c" {
		t.Errorf("default: %q", b)
	}
	names, _ := fs.Glob(o, "clauses/privacy/*.md")
	if len(names) != 3 {
		t.Errorf("glob: %v", names)
	}
	if d := o.Describe("clauses/privacy/010-a.en.md"); d != "mysite/clauses/privacy/010-a.en.md" {
		t.Errorf("describe site file: %s", d)
	}
	if d := o.Describe("clauses/privacy/020-c.en.md"); d != "(built-in) clauses/privacy/020-c.en.md" {
		t.Errorf("describe default: %s", d)
	}
}
