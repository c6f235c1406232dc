package check

import (
	"fmt"
	"strings"
)

// Markdown is docs/check.md: every rule with its id, severity, what it
// finds and its source, written from the rules themselves so that the page
// cannot fall behind them (a test compares the two).
func Markdown() string {
	var b strings.Builder
	b.WriteString(`# policygen check: the rules

<!-- Written by the rules of generator/check: run go test ./generator/check -update-docs after changing one. -->

` + "`policygen check`" + ` runs these rules on the site after reading it, and ` + "`policygen build`" + ` prints
their warnings and stops on their errors. Each finding names the rule, its severity, the position
of the key or text it is about and a hint. An error fails the check and the build; a warning fails
` + "`check --strict`" + `; a remark (info) never fails.

Silence a rule for the whole site, or for one ` + "`[[activity]]`, `[[processor]]` or `[[tracker]]`" + `,
with the reason a reviewer can read (an ignore without a reason is itself a warning,
` + "`ignore-reason`" + `):

` + "```toml" + `
[check]
ignore = [{ rule = "consent-expiry", reason = "our consent tool asks again after 12 months" }]

[[tracker]]
name = "_ga"
# …
ignore = [{ rule = "tracker-expiry", reason = "we shortened the lifetime in Google Analytics to 14 months" }]
` + "```" + `

The tracker rules compare site.toml with a knowledge base of real trackers: the facts of the
Open Cookie Database (` + "`policygen version --credits`" + `; generator/trackers says how it is refreshed).

| rule | severity | finds |
|---|---|---|
`)
	for _, r := range rules {
		fmt.Fprintf(&b, "| [`%s`](#%s) | %s | %s |\n", r.ID, r.ID, r.Severity, r.Summary)
	}
	for _, r := range rules {
		fmt.Fprintf(&b, "\n## %s\n\n%s: %s.\n", r.ID, strings.ToUpper(r.Severity[:1])+r.Severity[1:], r.Summary)
		if r.Audit {
			b.WriteString("\nReported by `policygen audit`, from what a headless Chromium saw on the live site (or a HAR file).\n")
		}
		if r.Run == nil {
			b.WriteString("\nReported by policygen itself, while it reads site.toml and its ignore keys; no ignore silences it.\n")
		}
		fmt.Fprintf(&b, "\nSource: %s\n", r.Source)
	}
	return b.String()
}
