package diff

import (
	"strings"
	"testing"
)

func TestLocalizeInsertsSiteNamesVerbatim(t *testing.T) {
	name := `Müller & Söhne <Datenschutz> "GmbH"`
	f := Fact{ID: "summary.dpo_added", Values: map[string]any{"Name": name}}
	c := catalog(t)
	for _, lang := range []string{"en", "de", "nl"} {
		got, err := f.Localize(c.Lang(lang))
		if err != nil || !strings.HasSuffix(got, ": "+name) {
			t.Errorf("%s: %q, %v; want the name as written", lang, got, err)
		}
	}
}

func TestLocalizeReportsWhatItCannotSay(t *testing.T) {
	en := catalog(t).Lang("en")
	if _, err := (Fact{ID: "summary.no_such_fact"}).Localize(en); err == nil {
		t.Error("no error for an unknown message")
	}
	_, err := Fact{ID: "summary.purpose_added", Values: map[string]any{"Title": 42}}.Localize(en)
	if err == nil || !strings.Contains(err.Error(), "summary.purpose_added") || !strings.Contains(err.Error(), "Title") {
		t.Errorf("err = %v, want it to name the fact and the value", err)
	}
}
