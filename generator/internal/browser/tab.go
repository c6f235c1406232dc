package browser

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// A Tab is one page of a Browser. Use it from one goroutine at a time.
type Tab struct {
	tb      testing.TB
	browser *Browser
	ctx     context.Context
	cancel  context.CancelFunc
}

// Open opens a new tab, navigates it to url and waits for the page's load
// event. The tab closes when the test ends, or earlier with Close.
func (b *Browser) Open(tb testing.TB, url string) *Tab {
	tb.Helper()
	ctx, cancel := chromedp.NewContext(b.ctx)
	t := &Tab{tb: tb, browser: b, ctx: ctx, cancel: cancel}
	tb.Cleanup(t.Close)
	// The first call on a tab creates it and ties it to ctx, so it gets no
	// deadline of its own.
	err := within(startTimeout, cancel, func() error { return chromedp.Do(ctx, chromedp.Navigate(url)) })
	if err != nil {
		tb.Fatalf("opening %s: %v", url, err)
	}
	return t
}

// Close closes the tab. It may be called more than once.
func (t *Tab) Close() { t.cancel() }

// Eval evaluates a JavaScript expression in the page, awaits it if it is a
// promise, and decodes its value as JSON into out; out may be nil to
// ignore the value.
func (t *Tab) Eval(js string, out any) error {
	ctx, cancel := context.WithTimeout(t.ctx, opTimeout)
	defer cancel()
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[[]byte](js, chromedp.EvalAwaitPromise))
	if err != nil || out == nil {
		return err
	}
	if len(raw) == 0 {
		return errors.New("the expression has no JSON value (undefined?)")
	}
	return json.Unmarshal(raw, out)
}

// Text returns the rendered text (innerText) of the first element matching
// the CSS selector, or "" when none does. An error of the browser fails
// the test that opened the tab.
func (t *Tab) Text(selector string) string {
	t.tb.Helper()
	text, err := t.text(selector)
	if err != nil {
		t.tb.Fatalf("text of %s: %v", selector, err)
	}
	return text
}

func (t *Tab) text(selector string) (string, error) {
	sel, err := json.Marshal(selector)
	if err != nil {
		return "", err
	}
	var text string
	err = t.Eval(fmt.Sprintf(`document.querySelector(%s)?.innerText ?? ""`, sel), &text)
	return text, err
}

// WaitText polls the text of the first element matching selector until it
// contains substring, and returns how long that took. A page that is
// reloading cannot be read; that counts as not yet. After timeout it fails
// the test, showing the text it saw last, or the last error.
func (t *Tab) WaitText(tb testing.TB, selector, substring string, timeout time.Duration) time.Duration {
	tb.Helper()
	const interval = 20 * time.Millisecond
	start := time.Now()
	for {
		text, err := t.text(selector)
		elapsed := time.Since(start)
		if err == nil && strings.Contains(text, substring) {
			return elapsed
		}
		if elapsed > timeout {
			if err != nil {
				tb.Fatalf("after %v the text of %s could not be read: %v", timeout, selector, err)
			}
			tb.Fatalf("after %v the text of %s does not contain %q; it is:\n%s", timeout, selector, substring, text)
		}
		time.Sleep(interval)
	}
}
