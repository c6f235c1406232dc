package clause

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/policygen/policygen/generator/assets"
	"github.com/policygen/policygen/generator/locale"
)

func catalog(t *testing.T, files *assets.FS) *locale.Catalog {
	t.Helper()
	c, err := locale.Load(files, []string{"en"})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestClauseFileErrorsNameFileAndLine(t *testing.T) {
	tests := []struct{ name, file, src, want string }{
		{"no front matter", "clauses/privacy/010-a.en.md", "Hello", "site/clauses/privacy/010-a.en.md:1:1: clause has no front matter"},
		{"unclosed front matter", "clauses/privacy/010-a.en.md", "+++\ntitle = \"A\"\n", "site/clauses/privacy/010-a.en.md:1:1: front matter is not closed"},
		{"no title", "clauses/privacy/010-a.en.md", "+++\n+++\nx", "site/clauses/privacy/010-a.en.md:1: clause has no title"},
		{"unknown front matter key", "clauses/privacy/010-a.en.md", "+++\ntitle = \"A\"\nweight = 3\n+++\nx", `site/clauses/privacy/010-a.en.md:2: front matter: unknown key "weight"`},
		{"template syntax", "clauses/privacy/010-a.en.md", "+++\ntitle = \"A\"\n+++\nline 4\n{{ if .Lang }}\n", "site/clauses/privacy/010-a.en.md:6: unexpected EOF"},
		{"unknown helper", "clauses/privacy/010-a.en.md", "+++\ntitle = \"A\"\n+++\n{{ nope }}\n", `site/clauses/privacy/010-a.en.md:4: function "nope" not defined`},
		{"bad file name", "clauses/privacy/a.en.md", "+++\ntitle = \"A\"\n+++\n", "site/clauses/privacy/a.en.md: clause file name must be NNN-ID.LANG.md"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := assets.New(fstest.MapFS{tt.file: {Data: []byte(tt.src)}}, "site",
				fstest.MapFS{"locales/en.toml": {Data: []byte("[x]\ny = \"z\"\n")}})
			_, err := Load(files, catalog(t, files), []string{"en"}, nil)
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("got %v\nwant %s", err, tt.want)
			}
		})
	}
}

func TestClausesOrderedByNumberAndDisabledLeftOut(t *testing.T) {
	files := assets.New(fstest.MapFS{
		"clauses/privacy/020-b.en.md": {Data: []byte("+++\ntitle = \"B\"\n+++\nb")},
		"clauses/privacy/010-a.en.md": {Data: []byte("+++\ntitle = \"A\"\n+++\na")},
		"clauses/privacy/015-c.en.md": {Data: []byte("+++\ntitle = \"C\"\n+++\nc")},
	}, "site", fstest.MapFS{"locales/en.toml": {Data: []byte("[x]\ny = \"z\"\n")}})
	lib, err := Load(files, catalog(t, files), []string{"en"}, []string{"c"})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, c := range lib.Clauses("privacy", "en") {
		ids = append(ids, c.ID)
	}
	if strings.Join(ids, " ") != "a b" {
		t.Errorf("clauses: %v", ids)
	}
}
