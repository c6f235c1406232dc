package clause

import (
	"slices"
	"testing"
	"testing/fstest"

	"github.com/policygen/policygen/generator/assets"
)

// TestReadsNamesWhatAClauseReads parses clauses and checks what Reads says
// of them: every name of a chain of fields with the one after it, also
// where the dot is not the site, and "all" for a clause that hands the
// whole model on, prints it or keeps it in a variable.
func TestReadsNamesWhatAClauseReads(t *testing.T) {
	for _, c := range []struct {
		body  string
		names []string
		all   bool
	}{
		{`{{ .Company.Name }} {{ with .Company.Phone }}{{ . }}{{ end }}`, []string{"Company.Name", "Company.Phone", "Name", "Phone"}, false},
		{`{{ with .Company }}{{ .Phone }}{{ end }}`, []string{"Company", "Phone"}, false},
		{`{{ range .Trackers }}{{ .Name }} {{ $.Company.Email }}{{ end }}`, []string{"Company.Email", "Email", "Name", "Trackers"}, false},
		{`{{ range .TrackerGroups }}{{ vocab "x" .Category }}{{ end }}`, []string{"Category", "TrackerGroups"}, false},
		{`{{ if .Draft }}draft{{ else }}{{ range .Changes }}{{ date .Date }}{{ end }}{{ end }}`, []string{"Changes", "Date", "Draft"}, false},
		{`{{ T "x" (dict "Site" $) }}`, nil, true},
		{`{{ $s := . }}{{ $s.DPO }}`, []string{"DPO"}, true},
		{`{{ range . }}{{ end }}`, nil, true},
		{`{{ define "x" }}{{ .Effective }}{{ end }}{{ template "x" .Authority }}`, []string{"Authority", "Effective"}, false},
	} {
		files := assets.New(fstest.MapFS{"clauses/privacy/010-a.en.md": {Data: []byte("+++\ntitle = \"A\"\n+++\n" + c.body)}},
			"site", fstest.MapFS{"locales/en.toml": {Data: []byte("[x]\ny = \"z\"\n")}})
		lib, err := Load(files, catalog(t, files), []string{"en"}, nil)
		if err != nil {
			t.Fatal(err)
		}
		cl := lib.Clauses("privacy", "en")[0]
		names, all := cl.Reads()
		if !slices.Equal(names, c.names) && !(len(names) == 0 && len(c.names) == 0) || all != c.all {
			t.Errorf("%s: reads %v (all %v), want %v (all %v)", c.body, names, all, c.names, c.all)
		}
	}
}
