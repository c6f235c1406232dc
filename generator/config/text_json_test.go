package config

import (
	"encoding/json"
	"maps"
	"testing"
)

// localizedTextJSON is what model snapshots hold: the plain forms that
// UnmarshalJSON reads itself and the escaped ones it leaves to
// encoding/json.
var localizedTextJSON = []string{
	`"plain"`, `""`, `"with \"quotes\" and \\ and \u00e9"`, `"\u003cb\u003e"`,
	`{"en":"Accounts","de":"Kundenkonten","nl":"Klantaccounts"}`,
	`{ "en" : "spaced" ,  "de":"Grüße" }`, `{}`, ` { } `, `{"en":"a\nb"}`, `{"en":"x","en":"y"}`,
	`null`, "\"\xff\"", "{\"en\":\"\xff\"}",
}

// TestLocalizedTextDecodesAsEncodingJSONDoes checks the fast path of
// UnmarshalJSON against encoding/json on every form a text may take.
func TestLocalizedTextDecodesAsEncodingJSONDoes(t *testing.T) {
	for _, in := range localizedTextJSON {
		checkLocalizedTextJSON(t, in)
	}
}

func FuzzLocalizedTextJSON(f *testing.F) {
	for _, in := range localizedTextJSON {
		f.Add(in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		if !json.Valid([]byte(in)) {
			return // encoding/json checks a value before UnmarshalJSON sees it
		}
		checkLocalizedTextJSON(t, in)
	})
}

func checkLocalizedTextJSON(t *testing.T, in string) {
	t.Helper()
	var got LocalizedText
	gotErr := got.UnmarshalJSON([]byte(in))
	var want LocalizedText
	var wantErr error
	if len(in) > 0 && in[0] == '"' {
		wantErr = json.Unmarshal([]byte(in), &want.Plain)
	} else {
		wantErr = json.Unmarshal([]byte(in), &want.ByLang)
	}
	if (gotErr != nil) != (wantErr != nil) {
		t.Fatalf("%q: error %v, encoding/json says %v", in, gotErr, wantErr)
	}
	if got.Plain != want.Plain || !maps.Equal(got.ByLang, want.ByLang) || (got.ByLang == nil) != (want.ByLang == nil) {
		t.Errorf("%q: decoded %#v, encoding/json gives %#v", in, got, want)
	}
}
