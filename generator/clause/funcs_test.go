package clause

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/policygen/policygen"
	"github.com/policygen/policygen/generator/assets"
	"github.com/policygen/policygen/generator/diag"
	"github.com/policygen/policygen/generator/guard"
	"github.com/policygen/policygen/generator/model"
)

// renderBody renders a clause body in English over m and returns its
// Markdown, or its error with the hint.
func renderBody(t *testing.T, body string, m *model.Site) (string, error) {
	t.Helper()
	files := assets.New(fstest.MapFS{"clauses/privacy/010-a.en.md": {Data: []byte("+++\ntitle = \"A\"\n+++\n" + body)}},
		"site", policygen.Defaults)
	lib, err := Load(files, catalog(t, files), []string{"en"}, nil)
	if err != nil {
		return "", err
	}
	r, _, err := lib.Clauses("privacy", "en")[0].Render(files, m, guard.Limits{})
	return r.Markdown, err
}

func TestHelpersRejectWrongArguments(t *testing.T) {
	site := &model.Site{Lang: "en", Company: model.Company{Name: "A", Email: "a@example.com", Country: "DE"}}
	for _, c := range []struct{ body, want string }{
		{`{{ link nil nil }}`, "site/clauses/privacy/010-a.en.md:4:4: link: want the link's text, not nil\nhint: write link TEXT URL, such as link .Name .PrivacyURL; put it in {{ with … }} when the URL may be empty"},
		{`x {{ link "a" 5 }}`, "site/clauses/privacy/010-a.en.md:4:6: link: want a URL, not 5 (int)"},
		{`{{ link .Company.Name "" }}`, `site/clauses/privacy/010-a.en.md:4:4: link "A": the URL is empty`},
		{`{{ country 42 }}`, "site/clauses/privacy/010-a.en.md:4:4: country: want a country code, not 42 (int)\nhint: give an ISO 3166-1 alpha-2 code such as .Country or \"DE\""},
		{`{{ country "ZZ" }}`, `site/clauses/privacy/010-a.en.md:4:4: country: unknown country code "ZZ"`},
		{`{{ country "EU" }}`, `site/clauses/privacy/010-a.en.md:4:4: country: unknown country code "EU"`},
		{`{{ mailto 5 }}`, "site/clauses/privacy/010-a.en.md:4:4: mailto: want an e-mail address, not 5 (int)"},
		{`{{ mailto "" }}`, `site/clauses/privacy/010-a.en.md:4:4: mailto: "" is not an e-mail address`},
		{`{{ T "table.name" 1 2 3 }}`, "site/clauses/privacy/010-a.en.md:4:4: T \"table.name\": a second count 2\nhint: T takes a message id, then at most a count and a dict: T \"id\" .Count (dict \"Key\" value)"},
		{`{{ T "table.name" (dict "A" 1) (dict "B" 2) }}`, `site/clauses/privacy/010-a.en.md:4:4: T "table.name": a second dict`},
		{`{{ T "table.name" "x" }}`, `site/clauses/privacy/010-a.en.md:4:4: T "table.name": want a count or a dict, not "x" (string)`},
		{`{{ T "no.such" }}`, `site/clauses/privacy/010-a.en.md:4:4: message "no.such" is not defined for language "en"`},
		{`{{ T 5 }}`, `site/clauses/privacy/010-a.en.md:4:4: T: want a message id, not 5 (int)`},
		{`{{ dict "A" }}`, `site/clauses/privacy/010-a.en.md:4:4: dict needs key and value pairs`},
		{`{{ vocab "basis" 5 }}`, `site/clauses/privacy/010-a.en.md:4:4: vocab "basis": want a value such as .Basis, not 5 (int)`},
		{`{{ cite 5 }}`, `site/clauses/privacy/010-a.en.md:4:4: cite: want a legal basis such as .Basis or "consent", not 5 (int)`},
		{`{{ cite "consnet" }}`, `site/clauses/privacy/010-a.en.md:4:4: cite: unknown legal basis "consnet"`},
		{`{{ date "2025-01-01" }}`, `site/clauses/privacy/010-a.en.md:4:4: date: want a date, not "2025-01-01" (string)`},
		{`{{ duration 5 }}`, `site/clauses/privacy/010-a.en.md:4:4: duration: want a duration, not 5 (int)`},
		{`{{ retention nil }}`, `site/clauses/privacy/010-a.en.md:4:4: retention: no retention rule`},
		{`{{ list 5 }}`, `site/clauses/privacy/010-a.en.md:4:4: list: want a list, not 5 (int)`},
		{`{{ lines "a" }}`, `site/clauses/privacy/010-a.en.md:4:4: lines: want a list of lines, not "a" (string)`},
		{`{{ docurl "a b" }}`, `site/clauses/privacy/010-a.en.md:4:4: docurl: want a document id, not "a b" (string)`},
		{`{{ versionurl "privacy" "2025-01-01" }}`, "site/clauses/privacy/010-a.en.md:4:4: versionurl: want a date, not \"2025-01-01\" (string)\nhint: give a document id and a date of the model: versionurl \"privacy\" .Date"},
		{`{{ versionurl "privacy#changes" .Effective }}`, `site/clauses/privacy/010-a.en.md:4:4: versionurl: want a document id, not "privacy#changes" (string)`},
		{`{{ country "DE" "NL" }}`, `site/clauses/privacy/010-a.en.md:4:4: wrong number of args for country: want 1 got 2`},
		{`{{ .Company.Emial }}`, "site/clauses/privacy/010-a.en.md:4:12: can't evaluate field Emial in type model.Company\nhint: did you mean .Email?"},
		{`{{ .Trackerz }}`, "site/clauses/privacy/010-a.en.md:4:4: can't evaluate field Trackerz in type *model.Site\nhint: did you mean .Trackers?"},
	} {
		_, err := renderBody(t, c.body, site)
		got := ""
		if err != nil {
			got = err.Error()
			if es := diag.Errors(err); len(es) == 1 && es[0].Hint != "" && strings.Contains(c.want, "\nhint: ") {
				got += "\nhint: " + es[0].Hint
			}
		}
		if got != c.want {
			t.Errorf("%s:\ngot  %s\nwant %s", c.body, got, c.want)
		}
	}
}

func TestHelpersTakeGoodArguments(t *testing.T) {
	site := &model.Site{Lang: "en", Company: model.Company{Name: "A*", Email: "a@example.com", Country: "DE"}}
	body := `{{ country .Company.Country }}; {{ country "us" }}; {{ mailto .Company.Email }}; {{ link .Company.Name "https://x.example/" }}; {{ T "table.name" }}`
	got, err := renderBody(t, body, site)
	want := "Germany; United States; [a@example.com](<mailto:a@example.com>); [A\\*](<https://x.example/>); Name\n"
	if err != nil || got != want {
		t.Errorf("got %q, %v\nwant %q", got, err, want)
	}
}

// TestVersionLinkReadsWhatVersionurlWrites: the page renderer finds the
// document and date of a link that versionurl wrote, and no version in a
// link that docurl wrote.
func TestVersionLinkReadsWhatVersionurlWrites(t *testing.T) {
	day := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	dest, err := versionurl("privacy", day)
	if err != nil {
		t.Fatal(err)
	}
	if doc, date, ok := VersionLink(dest); !ok || doc != "privacy" || !date.Equal(day) {
		t.Errorf("VersionLink(%q) = %q, %v, %v; want privacy, %v", dest, doc, date, ok, day)
	}
	for _, dest := range []string{DocLinkPrefix + "privacy", DocLinkPrefix + "privacy#changes", DocLinkPrefix + "privacy@2025-13-01", DocLinkPrefix + "Privacy@2025-03-01", "privacy@2025-03-01"} {
		if doc, date, ok := VersionLink(dest); ok {
			t.Errorf("VersionLink(%q) = %q, %v: want no version link", dest, doc, date)
		}
	}
}

// TestDocLinkReadsWhatDocurlWrites: the page renderer finds the document
// and clause of a link that docurl wrote, and nothing in other links.
func TestDocLinkReadsWhatDocurlWrites(t *testing.T) {
	for _, id := range []string{"privacy", "privacy#transfers", "my_doc-2#a-b_c"} {
		dest, err := docurl(id)
		if err != nil {
			t.Fatal(err)
		}
		doc, fragment, ok := DocLink(dest)
		if !ok || doc+fragment != id || fragment != "" && fragment[0] != '#' {
			t.Errorf("DocLink(%q) = %q, %q, %v; want the document and clause of %q", dest, doc, fragment, ok, id)
		}
	}
	for _, dest := range []string{"privacy", "https://x.example/", DocLinkPrefix, DocLinkPrefix + "Privacy", DocLinkPrefix + "a#", DocLinkPrefix + "a#b#c", DocLinkPrefix + "a%20b"} {
		if doc, fragment, ok := DocLink(dest); ok {
			t.Errorf("DocLink(%q) = %q, %q: want no document link", dest, doc, fragment)
		}
	}
}
