package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// checkedSite is a starter site with a custom clause holding a TODO
// (placeholder-text, an error) and an ignore without a reason
// (ignore-reason, a warning).
func checkedSite(t *testing.T, todo bool) string {
	t.Helper()
	dir := t.TempDir()
	if code, _, errs := runCLI(t, "init", dir); code != exitOK {
		t.Fatalf("init: %s", errs)
	}
	f, err := os.OpenFile(filepath.Join(dir, "site.toml"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("\n[check]\nignore = [{ rule = \"consent-settings-link\" }]\n")
	f.Close()
	if todo {
		os.MkdirAll(filepath.Join(dir, "clauses", "privacy"), 0o755)
		for lang, text := range map[string]string{"en": "We keep TODO for now.", "de": "Wir bewahren sie auf.", "nl": "Wij bewaren ze."} {
			clause := "+++\ntitle = \"Extra\"\n+++\n" + text + "\n"
			if err := os.WriteFile(filepath.Join(dir, "clauses", "privacy", "095-extra."+lang+".md"), []byte(clause), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return dir
}

func TestCheckPrintsWarningsAfterErrorsWithATallyAndFailsOnWarningsOnlyWhenStrict(t *testing.T) {
	dir := checkedSite(t, false)
	code, _, errs := runCLI(t, "check", "-s", dir)
	if code != exitOK || !strings.Contains(errs, "warning ignore-reason: the ignore of \"consent-settings-link\" gives no reason") || !strings.HasSuffix(errs, "site.toml: 1 warning\n") {
		t.Errorf("exit %d:\n%s", code, errs)
	}
	if code, _, _ := runCLI(t, "check", "--strict", "-s", dir); code != exitSite {
		t.Errorf("--strict with a warning: exit %d, want %d", code, exitSite)
	}
	dir = checkedSite(t, true)
	code, _, errs = runCLI(t, "check", "-s", dir)
	e, w := strings.Index(errs, "error placeholder-text"), strings.Index(errs, "warning ignore-reason")
	if code != exitSite || e < 0 || w < e || !strings.HasSuffix(errs, "site.toml: 1 error, 1 warning\n") {
		t.Errorf("exit %d, the error not before the warning:\n%s", code, errs)
	}
}

func TestCheckJSONMatchesItsSchema(t *testing.T) {
	dir := checkedSite(t, true)
	code, out, _ := runCLI(t, "check", "--format", "json", "-s", dir)
	if code != exitSite {
		t.Errorf("exit %d", code)
	}
	var found []finding
	if err := json.Unmarshal([]byte(out), &found); err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	if len(found) != 2 || found[0].Rule != "placeholder-text" || found[0].Severity != "error" || found[0].Line != 4 ||
		!strings.HasSuffix(found[0].File, filepath.Join("clauses", "privacy", "095-extra.en.md")) ||
		found[1].Rule != "ignore-reason" || found[1].Severity != "warning" || found[1].Hint == "" {
		t.Errorf("findings:\n%s", out)
	}
	validateJSON(t, filepath.Join("..", "..", "docs", "check-findings.schema.json"), out)
}

func TestCheckGitHubFormatWritesWorkflowCommands(t *testing.T) {
	dir := checkedSite(t, true)
	_, out, _ := runCLI(t, "check", "--format", "github", "-s", dir)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	clause := escapeProperty(filepath.Join(dir, "clauses", "privacy", "095-extra.en.md"))
	if len(lines) != 2 ||
		!strings.HasPrefix(lines[0], "::error file="+clause+",line=4,col=9,title=placeholder-text::") ||
		!strings.HasPrefix(lines[1], "::warning file="+escapeProperty(filepath.Join(dir, "site.toml"))+",line=") ||
		!strings.Contains(lines[1], ",title=ignore-reason::the ignore of \"consent-settings-link\" gives no reason%0Ahint: ") {
		t.Errorf("output:\n%s", out)
	}
}

func TestWorkflowCommandsEscapeWhatTheSyntaxReserves(t *testing.T) {
	if got := escapeProperty("C:\\a,b%\n"); got != "C%3A\\a%2Cb%25%0A" {
		t.Errorf("property: %q", got)
	}
	if got := escapeData("50% done: a,b\r\n"); got != "50%25 done: a,b%0D%0A" {
		t.Errorf("data: %q", got)
	}
}

// validateJSON validates the document against the JSON Schema with ajv
// (npm, installed by scripts/test.sh).
func validateJSON(t *testing.T, schema, doc string) {
	t.Helper()
	ajv, err := filepath.Abs(filepath.Join("..", "..", "node_modules", "ajv", "dist", "2020.js"))
	if _, statErr := os.Stat(ajv); err != nil || statErr != nil {
		if os.Getenv("POLICYGEN_REQUIRE_TOOLS") != "" {
			t.Fatalf("ajv is not installed (%v); run npm ci in the repository root", statErr)
		}
		t.Skip("ajv is not installed; run npm ci in the repository root")
	}
	script := `const Ajv = require(process.argv[1]).default;
const fs = require("fs");
const ajv = new Ajv({allErrors: true, strict: true});
const validate = ajv.compile(JSON.parse(fs.readFileSync(process.argv[2], "utf8")));
if (!validate(JSON.parse(fs.readFileSync(0, "utf8")))) { console.error(JSON.stringify(validate.errors)); process.exit(1); }`
	cmd := exec.Command("node", "-e", script, ajv, schema)
	cmd.Stdin = strings.NewReader(doc)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("the document does not match %s: %v\n%s", schema, err, out)
	}
}

// TestDiffNamesAnAnnouncementARevisionReplaced compares, in the example,
// the first announcement of 2027-01-01 with its third revision, and says
// which names the two-name form also takes.
func TestDiffNamesAnAnnouncementARevisionReplaced(t *testing.T) {
	code, out, errs := runCLI(t, "diff", "-s", filepath.Join("..", ".."), "2027-01-01", "2027-01-01.4")
	if code != exitOK || !strings.HasPrefix(out, "2027-01-01 → 2027-01-01.4 (privacy, en)\n") || !strings.Contains(out, "\n~ ") {
		t.Errorf("exit %d: %s\n%s", code, errs, out)
	}
	code, _, errs = runCLI(t, "diff", "-s", filepath.Join("..", ".."), "2027-01-01.2")
	if code != exitUsage || !strings.Contains(errs, "announcements replaced by a revision, which two names may name too: [2027-01-01 2027-01-01.2 2027-01-01.3]") {
		t.Errorf("exit %d: %s", code, errs)
	}
}
