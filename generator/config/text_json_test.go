package config

import (
	"encoding/json"
	"maps"
	"testing"
	"unicode/utf8"
)

// TestLocalizedTextEncodesAsSnapshotsHoldIt pins the bytes a text has in
// a model snapshot. Released snapshots are hashed, so these must never
// change: the table form with its languages sorted, the plain form as a
// string, and encoding/json's escapes (HTML characters, control
// characters, invalid UTF-8, U+2028).
func TestLocalizedTextEncodesAsSnapshotsHoldIt(t *testing.T) {
	for _, c := range []struct {
		text LocalizedText
		want string
	}{
		{LocalizedText{}, `""`},
		{LocalizedText{Plain: "Accounts"}, `"Accounts"`},
		{LocalizedText{Plain: `"q" \ <b> & é`}, `"\"q\" \\ \u003cb\u003e \u0026 é"`},
		{LocalizedText{Plain: "a\nb\x01\t"}, `"a\nb\u0001\t"`},
		{LocalizedText{Plain: "\xff\u2028"}, `"\ufffd\u2028"`},
		{LocalizedText{ByLang: map[string]string{}}, `{}`},
		{LocalizedText{ByLang: map[string]string{"nl": "Klantaccounts", "en": "Accounts", "de": "Kundenkonten"}},
			`{"de":"Kundenkonten","en":"Accounts","nl":"Klantaccounts"}`},
		{LocalizedText{Plain: "ignored", ByLang: map[string]string{"en": "<&>", "\xff": "x"}},
			`{"en":"\u003c\u0026\u003e","\ufffd":"x"}`},
	} {
		got, err := json.Marshal(c.text)
		if err != nil || string(got) != c.want {
			t.Errorf("%#v encodes as %s (%v), want %s", c.text, got, err, c.want)
		}
	}
}

// TestLocalizedTextIndentsAsSnapshotsHoldIt pins a text inside an indented
// model, as release writes it: one language a line.
func TestLocalizedTextIndentsAsSnapshotsHoldIt(t *testing.T) {
	v := struct {
		Name LocalizedText `json:"name"`
	}{LocalizedText{ByLang: map[string]string{"en": "Accounts", "de": "Konten"}}}
	got, err := json.MarshalIndent(v, "", "  ")
	const want = "{\n  \"name\": {\n    \"de\": \"Konten\",\n    \"en\": \"Accounts\"\n  }\n}"
	if err != nil || string(got) != want {
		t.Errorf("indented as\n%s\nwant\n%s", got, want)
	}
}

func TestLocalizedTextDecodesEitherForm(t *testing.T) {
	for _, c := range []struct {
		in   string
		want LocalizedText
	}{
		{`"plain"`, LocalizedText{Plain: "plain"}},
		{`"with \"quotes\" and \\ and \u00e9"`, LocalizedText{Plain: `with "quotes" and \ and é`}},
		{`{"en":"Accounts","de":"Kundenkonten"}`, LocalizedText{ByLang: map[string]string{"en": "Accounts", "de": "Kundenkonten"}}},
		{`{ "en" : "a\nb" }`, LocalizedText{ByLang: map[string]string{"en": "a\nb"}}},
		{`{}`, LocalizedText{ByLang: map[string]string{}}},
		{`null`, LocalizedText{}},
	} {
		got := LocalizedText{Plain: "left over", ByLang: map[string]string{"xx": "left over"}}
		if err := json.Unmarshal([]byte(c.in), &got); err != nil {
			t.Errorf("%s: %v", c.in, err)
			continue
		}
		if got.Plain != c.want.Plain || !maps.Equal(got.ByLang, c.want.ByLang) || (got.ByLang == nil) != (c.want.ByLang == nil) {
			t.Errorf("%s decodes to %#v, want %#v", c.in, got, c.want)
		}
	}
}

func TestLocalizedTextRefusesOtherJSON(t *testing.T) {
	for _, in := range []string{`42`, `["en"]`, `{"en":1}`, `true`} {
		var got LocalizedText
		if err := json.Unmarshal([]byte(in), &got); err == nil {
			t.Errorf("%s decodes to %#v, want an error", in, got)
		}
	}
}

// FuzzLocalizedTextJSON checks that a text decodes back to itself.
func FuzzLocalizedTextJSON(f *testing.F) {
	f.Add("Kundenkonten", "en", false)
	f.Add("<&>\u2028\"\\", "de", true)
	f.Fuzz(func(t *testing.T, s, lang string, table bool) {
		if !utf8.ValidString(s) || !utf8.ValidString(lang) {
			return // encoding/json writes U+FFFD for invalid bytes
		}
		text := LocalizedText{Plain: s}
		if table {
			text = LocalizedText{ByLang: map[string]string{lang: s, "x" + lang: s + "x"}}
		}
		data, err := json.Marshal(text)
		if err != nil {
			t.Fatal(err)
		}
		var back LocalizedText
		if err := json.Unmarshal(data, &back); err != nil {
			t.Fatalf("%s: %v", data, err)
		}
		if back.Plain != text.Plain || !maps.Equal(back.ByLang, text.ByLang) || (back.ByLang == nil) != (text.ByLang == nil) {
			t.Fatalf("%#v encodes as %s, which decodes to %#v", text, data, back)
		}
	})
}
