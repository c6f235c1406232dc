package site

import (
	"slices"
	"testing"
	"testing/fstest"

	"github.com/policygen/policygen/generator/assets"
	"github.com/policygen/policygen/generator/clause"
	"github.com/policygen/policygen/generator/locale"
)

// TestClauseInputsAreThePartsOfSiteTomlItsModelFieldsComeFrom parses
// clauses and checks what a serve session keeps each under: the paths of
// site.toml the model's fields it names are built from, a field of the
// company by itself, and whether it is dated (rendered on every build):
// a clause that names a dated field, or hands the whole model on, as what
// it is handed to may read the date.
func TestClauseInputsAreThePartsOfSiteTomlItsModelFieldsComeFrom(t *testing.T) {
	lists := []string{"Activities", "Company.Country", "Company.TargetsEU", "Data", "Processors", "Retention", "Trackers"}
	for _, c := range []struct {
		body   string
		inputs []string
		dated  bool
	}{
		{`{{ .Company.Name }} {{ with .Company.Phone }}{{ . }}{{ end }}`, []string{"Company.Name", "Company.Phone"}, false},
		{`{{ with .Company }}{{ .Phone }}{{ end }}`, []string{"Company"}, false},
		{`{{ range .Trackers }}{{ .Name }} {{ $.Company.Email }}{{ end }}`, append([]string{"Company.Email"}, lists...), false},
		{`{{ .Lang }} {{ .BaseURL }}`, []string{"Settings"}, false},
		{`{{ .Authority.Name }}`, []string{"Authority", "Company"}, false},
		{`{{ if .Draft }}draft{{ else }}{{ range .Changes }}{{ date .Date }}{{ end }}{{ end }}`, []string{"Changes"}, true},
		{`{{ T "x" (dict "Site" $) }}`, nil, true},
		{`{{ $s := . }}{{ $s.DPO }}`, []string{"Company.Country", "DPO"}, true},
		{`{{ define "x" }}{{ .Effective.Year }}{{ end }}{{ template "x" .Authority }}`, []string{"Authority", "Changes", "Company"}, true},
	} {
		files := assets.New(fstest.MapFS{"clauses/privacy/010-a.en.md": {Data: []byte("+++\ntitle = \"A\"\n+++\n" + c.body)}},
			"site", fstest.MapFS{"locales/en.toml": {Data: []byte("[x]\ny = \"z\"\n")}})
		cat, err := locale.Load(files, []string{"en"})
		if err != nil {
			t.Fatal(err)
		}
		lib, err := clause.Load(files, cat, []string{"en"}, nil)
		if err != nil {
			t.Fatal(err)
		}
		cl := lib.Clauses("privacy", "en")[0]
		want := slices.Sorted(slices.Values(c.inputs))
		if got := clauseInputs(cl); !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) || isDated(cl) != c.dated {
			t.Errorf("%s: inputs %v (dated %v), want %v (dated %v)", c.body, got, isDated(cl), want, c.dated)
		}
	}
}
