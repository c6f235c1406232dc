package browser

import (
	"errors"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// page has a heading, an image without alt text, which axe-core reports as
// the critical rule image-alt, and a script that changes the status text
// 200 ms after the test calls change(), as a live reload does later.
const page = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Harness</title></head>
<body>
<main>
<h1>Hello from the harness</h1>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<p id="status">waiting</p>
</main>
<script>window.change = () => setTimeout(() => { document.getElementById("status").textContent = "changed by a script" }, 200)</script>
</body>
</html>`

func serve(t *testing.T, html string) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, html)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

func TestBrowserReadsTextAndWaitsForAScriptToChangeIt(t *testing.T) {
	tab := Start(t).Open(t, serve(t, page))
	if got := tab.Text("h1"); got != "Hello from the harness" {
		t.Errorf("Text(h1) = %q", got)
	}
	if got := tab.Text("#no-such-element"); got != "" {
		t.Errorf("Text of a missing element = %q, want \"\"", got)
	}
	if got := tab.Text("#status"); got != "waiting" {
		t.Fatalf("status before the script ran: %q", got)
	}
	if err := tab.Eval(`change()`, nil); err != nil {
		t.Fatal(err)
	}
	tab.WaitText(t, "#status", "changed", 5*time.Second)
	var title string
	if err := tab.Eval(`Promise.resolve(document.title)`, &title); err != nil || title != "Harness" {
		t.Errorf("Eval(title) = %q, %v", title, err)
	}
	if err := tab.Eval(`nosuchvariable`, nil); err == nil {
		t.Error("Eval of an undefined variable has no error")
	}
}

func TestBrowserOpensDataURLsInSeveralTabs(t *testing.T) {
	b := Start(t)
	one := b.Open(t, "data:text/html,<p>one</p>")
	two := b.Open(t, "data:text/html,<p>two</p>")
	if got := one.Text("p") + two.Text("p"); got != "onetwo" {
		t.Errorf("texts of two tabs = %q", got)
	}
	one.Close()
	one.Close()
	if got := two.Text("p"); got != "two" {
		t.Errorf("after closing the other tab, text = %q", got)
	}
}

func TestAxeReportsAnImageWithoutAltText(t *testing.T) {
	violations := Start(t).Open(t, serve(t, page)).Axe(t)
	i := slices.IndexFunc(violations, func(v Violation) bool { return v.ID == "image-alt" })
	if i < 0 {
		t.Fatalf("no image-alt violation in %v", violations)
	}
	v := violations[i]
	if v.Impact != "critical" || len(v.Nodes) != 1 || v.Nodes[0].Target != "img" ||
		!strings.HasPrefix(v.HelpURL, "https://") || !strings.Contains(v.String(), "Fix any of the following") {
		t.Errorf("image-alt violation reads:\n%s", v)
	}
}

func TestAxeFindsNothingOnAnAccessiblePage(t *testing.T) {
	fixed := strings.Replace(page, "<img ", `<img alt="A dot" `, 1)
	if violations := Start(t).Open(t, serve(t, fixed)).Axe(t); len(violations) > 0 {
		t.Errorf("violations on an accessible page:\n%v", violations)
	}
}

// TestAxeIsReadFromTheNodeModulesBesideThePackageJSON: from a folder below
// the one with package.json, axe.min.js is read from its node_modules;
// without it, the error names the file.
func TestAxeIsReadFromTheNodeModulesBesideThePackageJSON(t *testing.T) {
	root := t.TempDir()
	below := filepath.Join(root, "generator", "site")
	if err := os.MkdirAll(below, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "package.json"), []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(below)
	axe := filepath.Join(root, "node_modules", "axe-core", "axe.min.js")
	if _, err := readAxe(); !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), axe) {
		t.Errorf("readAxe without node_modules: %v, want an error naming %s", err, axe)
	}
	if err := os.MkdirAll(filepath.Dir(axe), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(axe, []byte("var axe;"), 0o644); err != nil {
		t.Fatal(err)
	}
	if src, err := readAxe(); err != nil || string(src) != "var axe;" {
		t.Errorf("readAxe = %q, %v; want the file beside package.json", src, err)
	}
}
