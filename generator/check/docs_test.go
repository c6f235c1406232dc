package check

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var updateDocs = flag.Bool("update-docs", false, "rewrite docs/check.md from the rules")

// TestDocsListEveryRule: docs/check.md is what Markdown writes from the
// rules, so every rule has its page with its source.
func TestDocsListEveryRule(t *testing.T) {
	file := filepath.Join("..", "..", "docs", "check.md")
	if *updateDocs {
		if err := os.WriteFile(file, []byte(Markdown()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != Markdown() {
		t.Errorf("%s is not what the rules say; run go test ./generator/check -update-docs and review the diff", file)
	}
}
