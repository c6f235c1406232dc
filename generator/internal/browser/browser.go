// Package browser drives a headless Chromium from tests, so that they can
// check built pages as a reader's browser shows them: read text, run
// scripts and run axe-core's accessibility rules. It talks to Chromium over
// the Chrome DevTools Protocol with chromedp.
//
// A test without Chromium (or without axe-core from npm) is skipped, unless
// POLICYGEN_REQUIRE_TOOLS is set, as scripts/test.sh does: then it fails and
// says how to install the tool.
package browser

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// startTimeout bounds starting Chromium and opening a tab; opTimeout bounds
// every other call into the page. Both are far above what a page of ours
// needs, so that only a hung browser reaches them.
const (
	startTimeout = 30 * time.Second
	opTimeout    = 30 * time.Second
)

// chromiumPaths are tried in order after POLICYGEN_CHROMIUM. On Debian
// /usr/bin/chromium is a shell wrapper around /usr/lib/chromium/chromium;
// the wrapper execs the binary, so either works.
var chromiumPaths = []string{"chromium", "chromium-browser", "google-chrome", "/usr/lib/chromium/chromium"}

// A Browser is a headless Chromium owned by one test. Its tabs may be used
// from parallel subtests, one goroutine per tab.
type Browser struct {
	ctx context.Context // the chromedp context of the first tab
	axe func() ([]byte, error)
}

// Start starts a headless Chromium for the test and stops it when the test
// ends. It finds the binary in POLICYGEN_CHROMIUM, else as chromium,
// chromium-browser or google-chrome on PATH, else at
// /usr/lib/chromium/chromium.
func Start(tb testing.TB) *Browser {
	tb.Helper()
	path := findChromium(tb)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox, // CI runs the tests as root, where the sandbox refuses to start
		chromedp.DisableGPU,
		chromedp.UserDataDir(tb.TempDir()),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	tb.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	if err := within(startTimeout, cancel, func() error { return chromedp.Do(ctx) }); err != nil {
		tb.Fatalf("starting %s: %v", path, err)
	}
	return &Browser{ctx: ctx, axe: sync.OnceValues(readAxe)}
}

func findChromium(tb testing.TB) string {
	tb.Helper()
	if p := os.Getenv("POLICYGEN_CHROMIUM"); p != "" {
		found, err := exec.LookPath(p)
		if err != nil {
			tb.Fatalf("POLICYGEN_CHROMIUM: %v", err)
		}
		return found
	}
	for _, p := range chromiumPaths {
		if found, err := exec.LookPath(p); err == nil {
			return found
		}
	}
	missing(tb, "Chromium not found (tried POLICYGEN_CHROMIUM and %v); "+
		"install it with apt-get install chromium, as scripts/test.sh does", chromiumPaths)
	return ""
}

// missing skips the test for a tool that is not installed, or fails it when
// POLICYGEN_REQUIRE_TOOLS says the tools must be there.
func missing(tb testing.TB, format string, args ...any) {
	tb.Helper()
	if os.Getenv("POLICYGEN_REQUIRE_TOOLS") != "" {
		tb.Fatalf(format, args...)
	}
	tb.Skipf(format, args...)
}

// within runs f, and calls cancel if f has not returned after d: the way to
// bound a chromedp call whose context must outlive it, such as the first
// call on a tab, which ties the tab to its context.
func within(d time.Duration, cancel func(), f func() error) error {
	timer := time.AfterFunc(d, cancel)
	err := f()
	if !timer.Stop() {
		return fmt.Errorf("timed out after %v: %w", d, err)
	}
	return err
}
