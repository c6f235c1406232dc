package serve

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestAnswersOnlyRequestsForItsOwnHost is the guard against DNS
// rebinding: the listening address, localhost, 127.0.0.1 and [::1] with
// the port get the site; any other Host gets 403 and the reason.
func TestAnswersOnlyRequestsForItsOwnHost(t *testing.T) {
	site := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "the site") })
	h := newHosts(testAddr, nil).guard(site)
	for _, host := range []string{"127.0.0.1:1313", "localhost:1313", "LocalHost:1313", "[::1]:1313", "[::ffff:127.0.0.1]:1313"} {
		if w := hostGet(h, host); w.Code != 200 || w.Body.String() != "the site" {
			t.Errorf("Host %q: %d %q, want 200", host, w.Code, w.Body)
		}
	}
	for _, host := range []string{"evil.example", "evil.example:1313", "127.0.0.1.evil.example", "127.0.0.1.evil.example:1313",
		"", "localhost", "127.0.0.1", "[::1]", "localhost:1314", "localhost.:1313", "localhost:", "192.0.2.7:1313", "[fe80::1%25eth0]:1313"} {
		w := hostGet(h, host)
		want := `policygen serve answers only requests for 127.0.0.1:1313, localhost:1313 or [::1]:1313, not for host ` +
			fmt.Sprintf("%q", host) + "\nhint: open http://127.0.0.1:1313/; other host names are refused so that no web site " +
			"can reach this preview through a name of its own (DNS rebinding)\n"
		if w.Code != http.StatusForbidden || w.Body.String() != want || w.Header().Get("Content-Type") != "text/plain; charset=utf-8" {
			t.Errorf("Host %q: %d %s\n%s", host, w.Code, w.Header().Get("Content-Type"), w.Body)
		}
	}
	port80 := newHosts(&net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 80}, nil).guard(site)
	if w := hostGet(port80, "localhost"); w.Code != 200 {
		t.Errorf("Host localhost on port 80, which browsers leave out: %d", w.Code)
	}
	if w := hostGet(port80, "evil.example"); w.Code != http.StatusForbidden {
		t.Errorf("Host evil.example on port 80: %d", w.Code)
	}
}

func hostGet(h http.Handler, host string) *httptest.ResponseRecorder {
	r := httptest.NewRequest("GET", "/", nil)
	r.Host = host
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// TestHostsOfOtherBindAddresses: bound to one address, serve answers it
// and the loopback names; bound to all, every address of the machine, but
// never a name other than localhost.
func TestHostsOfOtherBindAddresses(t *testing.T) {
	one := newHosts(&net.TCPAddr{IP: net.ParseIP("192.0.2.7"), Port: 8080}, nil)
	if want := []string{"192.0.2.7:8080", "localhost:8080", "127.0.0.1:8080", "[::1]:8080"}; !slices.Equal(one.list, want) {
		t.Errorf("bound to 192.0.2.7: %v, want %v", one.list, want)
	}
	ifaces := []netip.Addr{netip.MustParseAddr("127.0.0.1"), netip.MustParseAddr("192.0.2.2"), netip.MustParseAddr("fd00::2")}
	all := newHosts(&net.TCPAddr{IP: net.IPv6unspecified, Port: 8080}, ifaces)
	want := []string{"localhost:8080", "127.0.0.1:8080", "[::1]:8080", "0.0.0.0:8080", "[::]:8080", "192.0.2.2:8080", "[fd00::2]:8080"}
	if !slices.Equal(all.list, want) {
		t.Errorf("bound to all: %v, want %v", all.list, want)
	}
	for host, ok := range map[string]bool{"192.0.2.2:8080": true, "[fd00::2]:8080": true, "[::]:8080": true,
		"192.0.2.9:8080": false, "evil.example:8080": false, "192.0.2.2:8081": false} {
		if all.allows(host) != ok {
			t.Errorf("bound to all, Host %q allowed: %v, want %v", host, !ok, ok)
		}
	}
}

// TestEveryResponseSaysNosniff: pages, the script, a redirect, 404, 405,
// 400, the refusal of a host, the error page and the event stream.
func TestEveryResponseSaysNosniff(t *testing.T) {
	dir := exampleSite(t)
	s, _ := newServer(t, dir)
	s.Rebuild()
	for _, p := range []string{"/en/privacy/", "/style.css", "/_policygen/reload.js", "/en/privacy", "/en/nothing/", "/a%00b"} {
		if w := get(t, s, "GET", p); w.Header().Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("GET %s: %d without nosniff", p, w.Code)
		}
	}
	if w := get(t, s, "POST", "/en/privacy/"); w.Code != 405 || w.Header().Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("POST: %d without nosniff", w.Code)
	}
	if w := hostGet(newHosts(testAddr, nil).guard(http.HandlerFunc(s.serveSite)), "evil.example"); w.Code != 403 || w.Header().Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("a refused host: %d without nosniff", w.Code)
	}
	editFile(t, filepath.Join(dir, "site.toml"), `basis       = "contract"`, `basis       = "contrakt"`)
	s.Rebuild("site.toml")
	if w := get(t, s, "GET", "/en/privacy/"); w.Code != 500 || w.Header().Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("the error page: %d without nosniff", w.Code)
	}
	url, _ := runServer(t, s)
	resp, _, _ := openStream(t, hostOf(url))
	if resp.StatusCode != 200 || resp.Header.Get("X-Content-Type-Options") != "nosniff" || resp.Header.Get("Content-Type") != "text/event-stream" {
		t.Errorf("the event stream: %d %v", resp.StatusCode, resp.Header)
	}
}

// TestRunRefusesAnotherHost checks that Run serves through the guard.
func TestRunRefusesAnotherHost(t *testing.T) {
	s, _ := newServer(t, exampleSite(t))
	url, _ := runServer(t, s)
	resp, _ := rawGet(t, hostOf(url), "evil.example", "/en/privacy/")
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusForbidden || !strings.HasPrefix(string(body), "policygen serve answers only requests for "+hostOf(url)+", localhost:") {
		t.Errorf("Host evil.example: %d\n%s", resp.StatusCode, body)
	}
}

// TestLiveReloadStreamsAreCapped opens as many event streams as serve
// keeps: the next one gets 503 and the reason, and once a tab closes, a
// new one is let in.
func TestLiveReloadStreamsAreCapped(t *testing.T) {
	s, _, rec := newWatchedServer(t, exampleSite(t))
	url, _ := runServer(t, s)
	var conns []net.Conn
	for range maxTabs {
		resp, conn, _ := openStream(t, hostOf(url))
		if resp.StatusCode != 200 {
			t.Fatalf("stream %d of %d: %d", len(conns)+1, maxTabs, resp.StatusCode)
		}
		conns = append(conns, conn)
	}
	resp, _ := rawGet(t, hostOf(url), hostOf(url), eventsPath)
	body, _ := io.ReadAll(resp.Body)
	want := "policygen serve: 100 live-reload streams are open, the most it keeps; close tabs of this preview and reload\n"
	if resp.StatusCode != http.StatusServiceUnavailable || string(body) != want || resp.Header.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("stream %d: %d %q, want 503 %q", maxTabs+1, resp.StatusCode, body, want)
	}
	conns[0].Close()
	rec.until(t, fmt.Sprintf("%d streams after one closed", maxTabs-1), func([]Event) bool { return s.hub.count() == maxTabs-1 })
	if resp, _, _ := openStream(t, hostOf(url)); resp.StatusCode != 200 {
		t.Errorf("a stream after one closed: %d", resp.StatusCode)
	}
}

// TestIdleConnectionsAreClosedButStreamsStay: a keep-alive connection
// left idle is closed by the server; an event stream open longer than the
// idle and the write timeout still hears the next rebuild.
func TestIdleConnectionsAreClosedButStreamsStay(t *testing.T) {
	dir := exampleSite(t)
	s, _ := newServer(t, dir)
	s.timeouts.idle, s.timeouts.write = 200*time.Millisecond, 200*time.Millisecond
	url, _ := runServer(t, s)
	_, _, events := openStream(t, hostOf(url))
	resp, conn := rawGet(t, hostOf(url), hostOf(url), "/style.css")
	if _, err := io.Copy(io.Discard, resp.Body); err != nil || resp.Close {
		t.Fatalf("GET /style.css: %v, close %v", err, resp.Close)
	}
	if n, err := conn.Read(make([]byte, 1)); !errors.Is(err, io.EOF) {
		t.Fatalf("the idle connection was not closed by the server: read %d bytes, %v", n, err)
	}
	editFile(t, filepath.Join(dir, "site.toml"), `period = "30d"`, `period = "60d"`)
	for events.Scan() && events.Text() != "event: change" {
	}
	if events.Text() != "event: change" {
		t.Errorf("the event stream heard no change after the idle timeout: %v", events.Err())
	}
}

func hostOf(url string) string {
	return strings.TrimSuffix(strings.TrimPrefix(url, "http://"), "/")
}

// rawGet sends one request with the given Host on a new connection and
// reads the response's header; the connection closes when the test ends.
// Reading it fails after 10 s, so that a test whose server keeps it open
// fails instead of hanging.
func rawGet(t *testing.T, addr, host, path string) (*http.Response, net.Conn) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\n\r\n", path, host)
	br := bufio.NewReader(conn)
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatal(err)
	}
	return resp, conn
}

// openStream opens the event stream and, when it is let in, reads up to
// the hello event, so the server counts it. The scanner reads the events
// that follow.
func openStream(t *testing.T, addr string) (*http.Response, net.Conn, *bufio.Scanner) {
	t.Helper()
	resp, conn := rawGet(t, addr, addr, eventsPath)
	sc := bufio.NewScanner(resp.Body)
	if resp.StatusCode == 200 {
		for sc.Scan() && sc.Text() != "event: hello" {
		}
	}
	return resp, conn, sc
}
