package clause

import (
	"slices"
	"testing"
	"testing/fstest"

	"github.com/policygen/policygen/generator/assets"
)

// TestReadsNamesWhatAClauseReads parses clauses and checks what Reads and
// Dated say of them: the model names they use, a field of the company by
// itself, and "all" for a clause that hands the whole model on, which
// also makes it dated, as what it is handed to may read the date.
func TestReadsNamesWhatAClauseReads(t *testing.T) {
	for _, c := range []struct {
		body  string
		names []string
		all   bool
		dated bool
	}{
		{`{{ .Company.Name }} {{ with .Company.Phone }}{{ . }}{{ end }}`, []string{"Company.Name", "Company.Phone"}, false, false},
		{`{{ with .Company }}{{ .Phone }}{{ end }}`, []string{"Company"}, false, false},
		{`{{ range .Trackers }}{{ .Name }} {{ $.Company.Email }}{{ end }}`, []string{"Company.Email", "Trackers"}, false, false},
		{`{{ range .TrackerGroups }}{{ vocab "x" .Category }}{{ end }}`, []string{"TrackerGroups"}, false, false},
		{`{{ if .Draft }}draft{{ else }}{{ range .Changes }}{{ date .Date }}{{ end }}{{ end }}`, []string{"Changes", "Draft"}, false, true},
		{`{{ T "x" (dict "Site" $) }}`, nil, true, true},
		{`{{ $s := . }}{{ $s.DPO }}`, []string{"DPO"}, true, true},
		{`{{ range . }}{{ end }}`, nil, true, true},
		{`{{ define "x" }}{{ .Effective }}{{ end }}{{ template "x" .Authority }}`, []string{"Authority", "Effective"}, false, true},
	} {
		files := assets.New(fstest.MapFS{"clauses/privacy/010-a.en.md": {Data: []byte("+++\ntitle = \"A\"\n+++\n" + c.body)}},
			"site", fstest.MapFS{"locales/en.toml": {Data: []byte("[x]\ny = \"z\"\n")}})
		lib, err := Load(files, catalog(t, files), []string{"en"}, nil)
		if err != nil {
			t.Fatal(err)
		}
		cl := lib.Clauses("privacy", "en")[0]
		names, all := cl.Reads()
		if !slices.Equal(names, c.names) && !(len(names) == 0 && len(c.names) == 0) || all != c.all || cl.Dated() != c.dated {
			t.Errorf("%s: reads %v (all %v, dated %v), want %v (all %v, dated %v)", c.body, names, all, cl.Dated(), c.names, c.all, c.dated)
		}
	}
}
