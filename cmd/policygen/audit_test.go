package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/policygen/policygen/internal/audittest"
)

func TestAuditSmoke(t *testing.T) {
	srv := audittest.Start(t, false)
	dir := t.TempDir()
	src, _ := os.ReadFile("testdata/audit/shop.toml")
	os.WriteFile(filepath.Join(dir, "site.toml"), src, 0o644)
	code, out, errs := runCLI(t, "audit", "-s", dir, "--crawl", "5", "--wait", "300ms", srv.Site+"/")
	t.Logf("exit %d\n%s\n%s", code, out, errs)
	code, out, errs = runCLI(t, "audit", "-s", dir, "--suggest", "--wait", "300ms", srv.Site+"/")
	t.Logf("exit %d\n%s\n%s", code, out, errs)
}
