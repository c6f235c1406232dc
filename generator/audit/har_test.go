package audit

import (
	"os"
	"strings"
	"testing"
	"time"
)

func TestReadHARTakesPagesHostsAndCookiesByResponseAndByScript(t *testing.T) {
	src, err := os.ReadFile("../../cmd/policygen/testdata/audit/shop.har")
	if err != nil {
		t.Fatal(err)
	}
	o, err := ReadHAR("shop.har", src)
	if err != nil {
		t.Fatal(err)
	}
	if len(o.Pages) != 2 || o.Pages[0].URL != "http://127.0.0.1:8080/" || o.Pages[1].URL != "http://127.0.0.1:8080/about" || o.Pages[0].Status != 200 {
		t.Errorf("pages: %+v", o.Pages)
	}
	if len(o.Hosts) != 2 || o.Hosts[0].Name != "127.0.0.1" || o.Hosts[0].Requests != 2 || o.Hosts[1].Name != "127.0.0.2" || o.Hosts[1].Requests != 2 {
		t.Errorf("hosts: %+v", o.Hosts)
	}
	want := []Cookie{
		{Name: "sid", Domain: "127.0.0.1", Path: "/", By: ByHTTP, SetBy: "http://127.0.0.1:8080/", Page: "http://127.0.0.1:8080/"},
		{Name: "prefs", Domain: "127.0.0.1", Path: "/", Lifetime: 365 * 24 * time.Hour, By: ByHTTP, SetBy: "http://127.0.0.1:8080/", Page: "http://127.0.0.1:8080/"},
		{Name: "tp_uid", Domain: "127.0.0.2", Path: "/", Lifetime: 90 * 24 * time.Hour, By: ByHTTP, SetBy: "http://127.0.0.2:8081/p.gif", Page: "http://127.0.0.1:8080/"},
		{Name: "_ga", Domain: "127.0.0.1", Path: "/", By: ByScript, Page: "http://127.0.0.1:8080/about"},
	}
	if len(o.Cookies) != len(want) {
		t.Fatalf("cookies: %+v", o.Cookies)
	}
	for i := range want {
		if o.Cookies[i] != want[i] {
			t.Errorf("cookie %d = %+v\nwant %+v", i, o.Cookies[i], want[i])
		}
	}
}

func TestParseSetCookieLifetime(t *testing.T) {
	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		line string
		want time.Duration
	}{
		{"a=1", 0},
		{"a=1; Max-Age=60", time.Minute},
		{"a=1; Expires=Tue, 01 Dec 2026 11:00:00 GMT", time.Hour},
		{"a=1; Expires=Tue, 01 Dec 2026 11:00:00 GMT; Max-Age=60", time.Minute}, // Max-Age wins
		{"a=1; Max-Age=0", -1}, // a deletion
		{"a=1; Expires=Thu, 01 Jan 1970 00:00:00 GMT", -1},
	} {
		got, ok := parseSetCookie(c.line, "example.com", now)
		if !ok || got.Lifetime != c.want || got.Domain != "example.com" || got.Path != "/" {
			t.Errorf("%q: %+v, %v; want lifetime %v", c.line, got, ok, c.want)
		}
	}
	if _, ok := parseSetCookie("no equals sign", "example.com", now); ok {
		t.Error("a line without a cookie parses")
	}
}

func FuzzReadHAR(f *testing.F) {
	if src, err := os.ReadFile("../../cmd/policygen/testdata/audit/shop.har"); err == nil {
		f.Add(src)
	}
	f.Add([]byte(`{"log":{"entries":[{"request":{"url":"x"},"response":{"headers":[{"name":"set-cookie","value":"=;\n;"}]}}]}}`))
	f.Fuzz(func(t *testing.T, src []byte) {
		o, err := ReadHAR("f.har", src)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.har:") {
				t.Errorf("error without the file's position: %v", err)
			}
			return
		}
		for _, c := range o.Cookies {
			if c.Name == "" {
				t.Errorf("a cookie without a name: %+v", c)
			}
		}
	})
}
