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

// TestLocalizedTextEncodesAsEncodingJSONDoes checks MarshalJSON against
// json.Marshal of the plain string and of the map: snapshots hold them.
func TestLocalizedTextEncodesAsEncodingJSONDoes(t *testing.T) {
	for _, s := range []string{"", "plain", `"q" \ <b> & é`, "a\nb\x01", "\xff", "\u2028"} {
		checkLocalizedTextEncoding(t, s)
	}
}

func FuzzLocalizedTextEncoding(f *testing.F) {
	f.Add("Kundenkonten")
	f.Add("<&>")
	f.Fuzz(checkLocalizedTextEncoding)
}

func checkLocalizedTextEncoding(t *testing.T, s string) {
	for _, text := range []LocalizedText{{Plain: s}, {ByLang: map[string]string{"en": s, "de": s + "x", s: "nl"}}} {
		got, err := text.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		var want []byte
		if text.ByLang == nil {
			want, _ = json.Marshal(text.Plain)
		} else {
			want, _ = json.Marshal(text.ByLang)
		}
		if string(got) != string(want) {
			t.Fatalf("%q: MarshalJSON %s, json.Marshal %s", s, got, want)
		}
	}
}
