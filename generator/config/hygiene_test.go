package config

import (
	"strings"
	"testing"
)

// TestMistakesOfShapeAndTextHaveOneErrorAtTheirPosition checks, one
// mistake at a time, the exact message and position of control characters
// in texts, a base_url that page paths cannot be appended to, [[site]],
// and the rules of after.
func TestMistakesOfShapeAndTextHaveOneErrorAtTheirPosition(t *testing.T) {
	tests := []struct {
		name, old, new string
		want           string // "line:col: message"
		hint           string // substring of the hint
	}{
		{"escape in a string", `name = "Voorbeeld B.V."`, "name = \"Voor\x1b[2Jbeeld\"",
			`6:12: TOML files cannot contain control characters: '0x1b'`, ""}, // the parser's own check
		{"escape written as an escape", `name = "Voorbeeld B.V."`, `name = "Voor\u001b[2Jbeeld"`,
			`6:8: company.name holds the control character U+001B`, "no other control characters"},
		{"bell written as an escape", `name = "Voorbeeld B.V."`, `name = "Voorbeeld\u0007"`,
			`6:8: company.name holds the control character U+0007`, "remove it"},
		{"C1 control in a text of a language", `title = { en = "Accounts", nl = "Accounts" }`, "title = { en = \"Accounts\", nl = \"Acc\u009bounts\" }",
			`13:33: activity.title.nl holds the control character U+009B`, ""},
		{"bidi override in a list", `address = ["Voorbeeldstraat 1", "1011 AB Amsterdam"]`, `address = ["Voorbeeldstraat 1", "1011 AB ` + "\u202e" + `madretsmA"]`,
			`7:33: company.address holds the control character U+202E`, ""},
		{"carriage return alone", `name = "Voorbeeld B.V."`, `name = "Voorbeeld\rB.V."`,
			`6:8: company.name holds the control character U+000D`, ""},
		{"base_url with a query", `base_url = "https://www.example.com/legal"`, `base_url = "https://www.example.com/legal?x=1"`,
			`2:12: site.base_url: "https://www.example.com/legal?x=1" has a query (?…); the page paths are appended to it`, "https://www.example.com/legal/"},
		{"base_url with a fragment", `base_url = "https://www.example.com/legal"`, `base_url = "https://www.example.com/legal#top"`,
			`2:12: site.base_url: "https://www.example.com/legal#top" has a fragment (#…); the page paths are appended to it`, "folder"},
		{"base_url with an empty fragment", `base_url = "https://www.example.com/legal"`, `base_url = "https://www.example.com/legal#"`,
			`2:12: site.base_url: "https://www.example.com/legal#" has a fragment`, ""},
		{"base_url with a port out of range", `base_url = "https://www.example.com/legal"`, `base_url = "https://www.example.com:99999/legal"`,
			`2:12: site.base_url: invalid port in URL "https://www.example.com:99999/legal"`, "1 to 65535"},
		{"base_url with an empty port", `base_url = "https://www.example.com/legal"`, `base_url = "https://www.example.com:/legal"`,
			`2:12: site.base_url: invalid port in URL "https://www.example.com:/legal"`, ""},
		{"base_url with a port that is not a number", `base_url = "https://www.example.com/legal"`, `base_url = "https://www.example.com:http/legal"`,
			`2:12: site.base_url: invalid URL "https://www.example.com:http/legal"`, ""},
		{"base_url with a user", `base_url = "https://www.example.com/legal"`, `base_url = "https://me:secret@www.example.com/legal"`,
			`2:12: site.base_url: "https://me:secret@www.example.com/legal" holds a user name; it is published on every page`, ""},
		{"site as an array of tables", "[site]\n", "[[site]]\n",
			`1:1: [site] is a table, not an array of tables`, "write [site] with single brackets"},
		{"activity as a table", "[[activity]]\n", "[activity]\n",
			`11:1: [[activity]] is an array of tables, not a table`, "double brackets"},
		{"until_withdrawn after something else", `period = "30d"` + "\nafter = \"account_closure\"", `period = "until_withdrawn"` + "\nafter = \"account_closure\"",
			`32:9: after = "account_closure" does not fit period until_withdrawn, which runs until consent is withdrawn`, `remove after`},
		{"no after", "\nafter = \"account_closure\"", "",
			`28:1: [[retention]] has no after`, "collection, contract_end"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(validSite, tt.old) {
				t.Fatalf("test setup: %q not in validSite", tt.old)
			}
			_, errs := load(t, strings.Replace(validSite, tt.old, tt.new, 1))
			if len(errs) != 1 {
				t.Fatalf("want exactly one error, got %d:\n%v", len(errs), errs)
			}
			got := strings.TrimPrefix(errs[0].Error(), "site.toml:")
			if !strings.HasPrefix(got, tt.want) {
				t.Errorf("error\n got: %s\nwant: %s", got, tt.want)
			}
			if !strings.Contains(errs[0].Hint, tt.hint) {
				t.Errorf("hint %q does not contain %q", errs[0].Hint, tt.hint)
			}
		})
	}
}

// TestTextsMayHoldLineBreaksAndTabs checks what the control character rule
// lets through: line breaks (also as CRLF), tabs, and until_withdrawn with
// or without after = "consent_withdrawal".
func TestTextsMayHoldLineBreaksAndTabs(t *testing.T) {
	src := strings.Replace(validSite, `name = "Voorbeeld B.V."`, "name = \"Voorbeeld\\tB.V.\"\nphone = \"\"\"\r\n+31\r\n\t1\"\"\"", 1)
	src = strings.Replace(src, `period = "30d"`+"\nafter = \"account_closure\"", `period = "until_withdrawn"`, 1)
	src += "\n[[retention]]\nid = \"b\"\ndata = [\"name\"]\nperiod = \"until_withdrawn\"\nafter = \"consent_withdrawal\"\n"
	l, errs := load(t, src)
	if len(errs) > 0 {
		t.Fatalf("unexpected errors:\n%v", errs)
	}
	if got := l.Site.Company.Name + "|" + l.Site.Company.Phone; got != "Voorbeeld\tB.V.|+31\r\n\t1" {
		t.Errorf("texts %q", got)
	}
	for _, r := range l.Site.Retention {
		if r.After != "consent_withdrawal" {
			t.Errorf("retention %s runs from %q", r.ID, r.After)
		}
	}
}
