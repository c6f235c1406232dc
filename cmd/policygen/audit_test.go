package main

import (
	"encoding/json"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/policygen/policygen/generator/audit"
	"github.com/policygen/policygen/internal/audittest"
)

// needChromium skips a browser test where Chromium is missing, or fails
// it under POLICYGEN_REQUIRE_TOOLS, as scripts/test.sh runs the tests.
func needChromium(t *testing.T) {
	t.Helper()
	if _, err := audit.FindChromium(); err != nil {
		if os.Getenv("POLICYGEN_REQUIRE_TOOLS") != "" {
			t.Fatalf("%v; install it with apt-get install chromium, as scripts/test.sh does", err)
		}
		t.Skip(err)
	}
}

// auditSite writes testdata/audit/NAME.toml as the site.toml of a new
// folder and returns the folder.
func auditSite(t *testing.T, name string) string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", "audit", name+".toml"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "site.toml"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// auditFindings runs policygen audit with --format json and returns its
// exit code and the findings as "rule subject", where the subject is the
// first quoted name of the message.
func auditFindings(t *testing.T, args ...string) (int, []string, []finding) {
	t.Helper()
	code, out, errs := runCLI(t, append([]string{"audit", "--format", "json"}, args...)...)
	var found []finding
	if err := json.Unmarshal([]byte(out), &found); err != nil {
		t.Fatalf("audit %v: exit %d, output is not JSON (%v):\n%s\n%s", args, code, err, out, errs)
	}
	var short []string
	for _, f := range found {
		_, rest, _ := strings.Cut(f.Message, `"`)
		subject, _, _ := strings.Cut(rest, `"`)
		short = append(short, f.Rule+" "+subject)
	}
	slices.Sort(short)
	return code, short, found
}

func TestAuditReportsWhatTheTrackingSiteSetsAgainstItsDeclaration(t *testing.T) {
	needChromium(t)
	srv := audittest.Start(t, false)
	dir := auditSite(t, "shop")
	code, got, found := auditFindings(t, "-s", dir, "--crawl", "5", "--wait", "300ms", srv.Site+"/")
	want := []string{
		"audit-before-consent _fbp", // a marketing cookie of the knowledge base, undeclared
		"audit-before-consent _ga",  // declared statistics, set by an inline script
		"audit-expiry prefs",        // a year against 30d
		"audit-undeclared _fbp",
		"audit-undeclared csrf", // only on /contact, two links deep
		"audit-undeclared tab_state",
		"audit-undeclared tp_uid", // the third party's own cookie
		"audit-unknown-host 127.0.0.2",
		"audit-unseen newsletter_seen",
	}
	if code != exitSite || !slices.Equal(got, want) {
		t.Errorf("exit %d, findings:\n%s\nwant:\n%s", code, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, f := range found {
		switch {
		case f.Rule == "audit-expiry" && (f.Line != 63 || !strings.Contains(f.Hint, `expiry = "1y"`)):
			t.Errorf("audit-expiry at line %d, hint %q; want line 63 (prefs' expiry) and 1y", f.Line, f.Hint)
		case f.Rule == "audit-undeclared" && strings.Contains(f.Message, `"_fbp"`) && !strings.Contains(f.Message, srv.Third+"/t.js"):
			t.Errorf("_fbp does not name the script that set it: %s", f.Message)
		case f.Rule == "audit-undeclared" && strings.Contains(f.Message, `"csrf"`) && !strings.Contains(f.Message, "response to "+srv.Site+"/contact"):
			t.Errorf("csrf does not name the response that set it: %s", f.Message)
		}
	}

	// Consent given: nothing counts as set before it.
	_, got, _ = auditFindings(t, "-s", dir, "--consented", "--cookie", "consent=all", "--wait", "300ms", srv.Site+"/")
	if slices.ContainsFunc(got, func(s string) bool { return strings.HasPrefix(s, "audit-before-consent") }) {
		t.Errorf("--consented still reports before-consent: %v", got)
	}
	if slices.Contains(got, "audit-undeclared consent") {
		t.Errorf("the preset cookie is reported as set by the site: %v", got)
	}
}

func TestAuditOfTheCleanSitePassesAndCountsWhatItSaw(t *testing.T) {
	needChromium(t)
	srv := audittest.Start(t, true)
	code, out, errs := runCLI(t, "audit", "-s", auditSite(t, "clean"), "--crawl", "5", "--wait", "300ms", srv.Site+"/")
	if code != exitOK || !strings.Contains(out, "no problems found (3 pages, 1 cookie, 1 storage key and 2 hosts seen in ") {
		t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errs)
	}
	if lines := strings.Count(errs, "  200  "+srv.Site); lines != 3 {
		t.Errorf("%d progress lines, want one per page:\n%s", lines, errs)
	}
	_, _, errs = runCLI(t, "audit", "-q", "-s", auditSite(t, "clean"), "--wait", "0s", srv.Site+"/")
	if errs != "" {
		t.Errorf("-q prints progress:\n%s", errs)
	}
}

func TestAuditSuggestionPastedIntoSiteTOMLDeclaresTheTrackers(t *testing.T) {
	needChromium(t)
	srv := audittest.Start(t, false)
	dir := auditSite(t, "shop")
	args := []string{"-s", dir, "--crawl", "5", "--wait", "300ms", srv.Site + "/"}
	code, suggestion, errs := runCLI(t, append([]string{"audit", "--suggest"}, args...)...)
	if code != exitOK || strings.Count(suggestion, "[[tracker]]") != 4 {
		t.Fatalf("--suggest: exit %d, want four entries:\n%s\n%s", code, suggestion, errs)
	}
	if !strings.Contains(suggestion, "name     = \"_fbp\"\nprovider = \"facebook\"\ncategory = \"marketing\"\nkind     = \"cookie\"\nexpiry   = \"90d\"") {
		t.Errorf("_fbp is not filled from the knowledge base and what was seen:\n%s", suggestion)
	}
	f, err := os.OpenFile(filepath.Join(dir, "site.toml"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("\n" + suggestion)
	f.Close()
	_, got, _ := auditFindings(t, args...)
	if slices.ContainsFunc(got, func(s string) bool { return strings.HasPrefix(s, "audit-undeclared") }) {
		t.Errorf("after pasting the suggestion, still undeclared: %v", got)
	}
	if code, out, errs := runCLI(t, "check", "-s", dir, "--draft"); code != exitOK {
		t.Errorf("check after pasting: exit %d\n%s\n%s", code, out, errs)
	}
}

func TestAuditReadsAHARFile(t *testing.T) {
	code, got, _ := auditFindings(t, "-s", auditSite(t, "shop"), "--har", filepath.Join("testdata", "audit", "shop.har"))
	want := []string{
		"audit-before-consent _ga",
		"audit-expiry prefs",
		"audit-undeclared tp_uid",
		"audit-unknown-host 127.0.0.2",
		"audit-unseen cart", // a HAR holds no storage
		"audit-unseen newsletter_seen",
	}
	if code != exitSite || !slices.Equal(got, want) {
		t.Errorf("exit %d, findings:\n%s\nwant:\n%s", code, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestAuditSaysWhyItCannotRun(t *testing.T) {
	dir := auditSite(t, "clean")
	broken := filepath.Join(t.TempDir(), "broken.har")
	os.WriteFile(broken, []byte("{\n  \"log\": {\n    \"entries\": [}\n}"), 0o644)
	cases := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no URL", []string{"-s", dir}, exitUsage, "give the URL of a page"},
		{"not a URL", []string{"-s", dir, "www.example.com"}, exitUsage, `"www.example.com" is not an http or https URL`},
		{"no time limit", []string{"-s", dir, "--timeout", "0s", "http://127.0.0.1/"}, exitUsage, "want a positive duration"},
		{"no page limit", []string{"-s", dir, "--page-timeout", "0s", "http://127.0.0.1/"}, exitUsage, "want a positive duration"},
		{"bad cookie", []string{"-s", dir, "--cookie", "novalue", "http://127.0.0.1/"}, exitUsage, "want NAME=VALUE"},
		{"broken HAR", []string{"-s", dir, "--har", broken}, exitCannot, broken + ":3:17: not a HAR file"},
		{"empty HAR", []string{"-s", dir, "--har", os.DevNull}, exitCannot, "not a HAR file"},
	}
	for _, c := range cases {
		code, _, errs := runCLI(t, append([]string{"audit"}, c.args...)...)
		if code != c.code || !strings.Contains(errs, c.want) {
			t.Errorf("%s: exit %d, stderr:\n%s\nwant exit %d and %q", c.name, code, errs, c.code, c.want)
		}
	}
}

func TestAuditOfAURLThatDoesNotAnswerOrTakesTooLong(t *testing.T) {
	needChromium(t)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + l.Addr().String() + "/"
	l.Close()
	code, _, errs := runCLI(t, "audit", "-s", auditSite(t, "clean"), closed)
	if code != exitCannot || !strings.Contains(errs, closed+" does not answer") || !strings.Contains(errs, "ERR_CONNECTION_REFUSED") {
		t.Errorf("closed port: exit %d, stderr:\n%s", code, errs)
	}
	srv := audittest.Start(t, true)
	code, _, errs = runCLI(t, "audit", "-s", auditSite(t, "clean"), "--timeout", "1ms", srv.Site+"/")
	if code != exitCannot || !strings.Contains(errs, "time limit (--timeout 1ms)") || !strings.Contains(errs, "raise --timeout") {
		t.Errorf("--timeout 1ms: exit %d, stderr:\n%s", code, errs)
	}
}

func TestAuditWithoutChromiumSaysHowToInstallIt(t *testing.T) {
	t.Setenv("POLICYGEN_CHROMIUM", "no-such-browser")
	code, _, errs := runCLI(t, "audit", "-s", auditSite(t, "clean"), "http://127.0.0.1/")
	if code != exitCannot || !strings.Contains(errs, "Chromium is not installed at POLICYGEN_CHROMIUM=no-such-browser") || !strings.Contains(errs, "apt-get install chromium") {
		t.Errorf("exit %d, stderr:\n%s", code, errs)
	}
}
