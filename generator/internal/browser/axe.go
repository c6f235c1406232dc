package browser

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A Violation is a rule of axe-core that a page breaks.
type Violation struct {
	ID      string `json:"id"`     // the rule, such as "color-contrast"
	Impact  string `json:"impact"` // "minor", "moderate", "serious" or "critical"
	Help    string `json:"help"`
	HelpURL string `json:"helpUrl"`
	Nodes   []Node `json:"nodes"`
}

// A Node is an element that breaks a rule.
type Node struct {
	Target  string `json:"target"`  // a CSS selector of the element
	Summary string `json:"summary"` // what to fix, as axe-core words it
}

func (v Violation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s): %s\n  %s", v.ID, v.Impact, v.Help, v.HelpURL)
	for _, n := range v.Nodes {
		fmt.Fprintf(&b, "\n  %s\n    %s", n.Target, strings.ReplaceAll(n.Summary, "\n", "\n    "))
	}
	return b.String()
}

// axeRun runs every rule of axe-core on the document and keeps what a
// report needs of the violations. A target is a list of selectors, nested
// for shadow roots and frames; it is flattened into one.
const axeRun = `axe.run(document).then(r => r.violations.map(v => ({
	id: v.id, impact: v.impact ?? "", help: v.help, helpUrl: v.helpUrl,
	nodes: v.nodes.map(n => ({target: n.target.flat(Infinity).join(" "), summary: n.failureSummary ?? ""})),
})))`

// Axe runs axe-core's accessibility rules on the page and returns the
// rules it breaks. axe-core comes from npm: node_modules/axe-core/axe.min.js
// in the folder of the package.json above the working directory. Without
// it the test is skipped, or fails under POLICYGEN_REQUIRE_TOOLS.
func (t *Tab) Axe(tb testing.TB) []Violation {
	tb.Helper()
	src, err := t.browser.axe()
	if err != nil {
		missing(tb, "axe-core is not installed (%v); run npm ci, as scripts/test.sh does", err)
	}
	// The script's own value is not JSON, so the expression ends in 0.
	if err := t.Eval(string(src)+"\n;0", nil); err != nil {
		tb.Fatalf("injecting axe-core: %v", err)
	}
	var violations []Violation
	if err := t.Eval(axeRun, &violations); err != nil {
		tb.Fatalf("running axe-core: %v", err)
	}
	return violations
}

// RequireAxe fails the test, before it starts Chromium, unless axe-core
// is installed where Axe looks for it. For a test that is about
// accessibility, axe-core missing is a broken setup (scripts/test.sh
// installs it with npm ci), not a tool this machine may lack.
func RequireAxe(tb testing.TB) {
	tb.Helper()
	if _, err := readAxe(); err != nil {
		tb.Fatalf("axe-core is not installed (%v); run npm ci in the repository root, as scripts/test.sh does", err)
	}
}

// readAxe reads axe.min.js from node_modules beside the package.json found
// by walking up from the working directory.
func readAxe() ([]byte, error) {
	dir, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "package.json")); err == nil {
			return os.ReadFile(filepath.Join(dir, "node_modules", "axe-core", "axe.min.js"))
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return nil, errors.New("no package.json above the working directory")
		}
		dir = parent
	}
}
