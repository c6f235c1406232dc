package config

import (
	"testing"
)

func TestPositionsOfKeysValuesAndElements(t *testing.T) {
	src := `# comment [not.a.table]
[site]
languages = [
  "en",   # first
  "de",
]
text = """
a = "not a key"
"""

[[activity]]
id = "one"
title = { en = "T", de = 'D' }

[[activity]]
"id" = "two"
data = ["a", "b", "c"]
nested.key = 1

[data.x]
label = 'x'
`
	p := newPositions("f.toml", src)
	tests := []struct {
		path      string
		key       bool
		line, col int
	}{
		{"site", true, 2, 1},
		{"site.languages", true, 3, 1},
		{"site.languages.0", true, 4, 3},
		{"site.languages.1", true, 5, 3},
		{"site.text", true, 7, 1},
		{"activity.0", true, 11, 1},
		{"activity.0.id", false, 12, 6},
		{"activity.0.title.de", true, 13, 21},
		{"activity.0.title.de", false, 13, 26},
		{"activity.1", true, 15, 1},
		{"activity.1.id", true, 16, 1},
		{"activity.1.data.2", true, 17, 19},
		{"activity.1.nested.key", true, 18, 1},
		{"data.x.label", true, 21, 1},
		{"activity.1.missing.deeper", true, 15, 1}, // falls back to the nearest ancestor
	}
	for _, tt := range tests {
		pos := p.Value(tt.path)
		if tt.key {
			pos = p.Key(tt.path)
		}
		if pos.Line != tt.line || pos.Col != tt.col {
			t.Errorf("%s (key=%v) at %d:%d, want %d:%d", tt.path, tt.key, pos.Line, pos.Col, tt.line, tt.col)
		}
	}
	if _, ok := p.keys["a"]; ok {
		t.Error("a key inside a multi-line string was indexed")
	}
}

// TestPositionsOfHeadersWrittenEveryWay covers the ways TOML lets a header
// be written: quoted, spaced, indented, with a comment after it, a table
// inside an element of an array of tables, and a table defined before its
// parent.
func TestPositionsOfHeadersWrittenEveryWay(t *testing.T) {
	src := `[ 'quoted key' ]
x = 1
[t] # comment [u]
s = "#[y]"
  [indented]
c = 1
[[a]]
[[a]]
[a.b]
y = 2
[p.q]
z = 3
[p]
w = 4
`
	p := newPositions("f.toml", src)
	tests := []struct {
		path      string
		line, col int
	}{
		{"quoted key", 1, 1},
		{"quoted key.x", 2, 1},
		{"t.s", 4, 1},
		{"indented", 5, 3},
		{"indented.c", 6, 1},
		{"a.0", 7, 1},
		{"a.1", 8, 1},
		{"a.1.b", 9, 1},
		{"a.1.b.y", 10, 1},
		{"p.q.z", 12, 1},
		{"p", 13, 1},
		{"p.w", 14, 1},
	}
	for _, tt := range tests {
		if pos := p.Key(tt.path); pos.Line != tt.line || pos.Col != tt.col {
			t.Errorf("%s at %d:%d, want %d:%d", tt.path, pos.Line, pos.Col, tt.line, tt.col)
		}
	}
	if _, ok := p.keys["u"]; ok {
		t.Error("a header in a comment was indexed")
	}
	if _, ok := p.keys["y"]; ok {
		t.Error("a header in a string was indexed")
	}
}

// TestSiteWithoutErrorsLoadsWithoutScanningPositions loads a valid site:
// its positions are scanned only when asked for, as an error message
// does, so that a serve session does not scan a large site.toml on every
// save; asked for, they are those of the file.
func TestSiteWithoutErrorsLoadsWithoutScanningPositions(t *testing.T) {
	l, errs := load(t, validSite+"\n[[change]]\ndate = 2025-01-01\n[[change]]\ndate = 2025-02-01\n")
	if len(errs) > 0 {
		t.Fatalf("unexpected errors:\n%v", errs)
	}
	if l.Pos.keys != nil {
		t.Error("loading a site without errors scanned its positions")
	}
	if got := l.Pos.Value("change.1.date"); got.String() != "site.toml:37:8" {
		t.Errorf("change.1.date at %v, want site.toml:37:8", got)
	}
}
